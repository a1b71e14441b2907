import type { ListName } from '@shared/lists/definitions';
import type { ListItem, ListItemInput } from '@shared/lists/schemas';
import { queryAll, type ListStore } from '@shared/store';
import { jaarVan, parseVolgnummerId, formatVolgnummerId, volgendeId, type IdSoort } from '@shared/domain/melding-id';

/** The id column and date column of the lists that get `X-<jaar>-<nnnn>` ids. */
const ID_KOLOM = {
  Meldingen: { soort: 'M', id: 'meldingId', datum: 'ontvangenOp' },
  Gesprekken: { soort: 'G', id: 'gesprekId', datum: 'datum' },
  AgressieIncidenten: { soort: 'A', id: 'incidentId', datum: 'datum' },
} as const satisfies Partial<Record<ListName, { soort: IdSoort; id: string; datum: string }>>;
type IdLijst = keyof typeof ID_KOLOM;

/**
 * Add an item with the next free `X-<jaar>-<nnnn>` id of its year (year of its date column). When another writer
 * took the same id a moment earlier, the store's idempotent `add` reports `created: false` and the next number is
 * tried (at most 50 times).
 * @param build builds the item for a given id.
 * @throws InvalidItemError from the store when the item does not match the list schema (nothing written);
 *   Error when no free id was found.
 */
export async function voegToeMetVolgnummer<L extends IdLijst>(store: ListStore, list: L, datum: string, build: (id: string) => ListItemInput<L>): Promise<ListItem<L>> {
  const k = ID_KOLOM[list];
  const jaar = jaarVan(datum);
  const bestaand = await queryAll(store, list, { range: { column: k.datum, from: `${jaar}-01-01`, to: `${jaar}-12-31` } });
  let id = volgendeId(k.soort, jaar, bestaand.map((i) => String((i as Record<string, unknown>)[k.id])));
  for (let poging = 0; poging < 50; poging++) {
    const r = await store.add(list, build(id));
    if (r.created) return r.item;
    id = formatVolgnummerId(k.soort, jaar, parseVolgnummerId(id)!.nummer + 1);
  }
  throw new Error(`Geen vrij volgnummer gevonden in ${list} voor ${jaar}.`);
}
