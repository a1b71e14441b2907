import type { ListName } from '@shared/lists/definitions';
import type { ListItem, ListItemInput } from '@shared/lists/schemas';
import type { ListStore, ListTransaction } from '@shared/store';
import { jaarVan, type IdSoort } from '@shared/domain/melding-id';

/** The id column and date column of the lists that get `X-<jaar>-<nnnn>` ids. */
const ID_KOLOM = {
  Meldingen: { soort: 'M', id: 'meldingId', datum: 'ontvangenOp' },
  Gesprekken: { soort: 'G', id: 'gesprekId', datum: 'datum' },
  AgressieIncidenten: { soort: 'A', id: 'incidentId', datum: 'datum' },
} as const satisfies Partial<Record<ListName, { soort: IdSoort; id: string; datum: string }>>;
type IdLijst = keyof typeof ID_KOLOM;

/**
 * Add an item with the next free `X-<jaar>-<nnnn>` id of its year (year of its date column), from the store's
 * counter per list and year (`ListStore.addWithSequence`; seeded once from that year's ids). An id another writer
 * (an import) took already is skipped; a number is never handed out twice.
 * @param store the store, or a transaction of `ListStore.atomically` (the id and the item commit with the rest).
 * @param build builds the item for a given id.
 * @throws InvalidItemError from the store when the item does not match the list schema (nothing written);
 *   Error when no free id was found.
 */
export async function voegToeMetVolgnummer<L extends IdLijst>(
  store: Pick<ListStore, 'addWithSequence'> | ListTransaction,
  list: L,
  datum: string,
  build: (id: string) => ListItemInput<L>,
): Promise<ListItem<L>> {
  const k = ID_KOLOM[list];
  const jaar = jaarVan(datum);
  return store.addWithSequence(
    list,
    {
      column: k.id,
      prefix: `${k.soort}-${jaar}-`,
      digits: 4,
      seed: { range: { column: k.datum, from: `${jaar}-01-01`, to: `${jaar}-12-31` } },
    },
    build,
  );
}
