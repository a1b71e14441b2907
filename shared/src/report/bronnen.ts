import type { ListItem } from '../lists/schemas';
import type { ListQuery, ListStore } from '../store/list-store';
import { jaarBereik, JAARVERSLAG_LIJSTEN, type JaarverslagBronnen, type JaarverslagLijst } from './jaarverslag';

/** Progress of reading the lists: list name, items read so far from that list. */
export type LeesVoortgang = (lijst: JaarverslagLijst, gelezen: number) => void;

const PAGINA = 5000;

async function leesAlles<L extends JaarverslagLijst>(store: ListStore, lijst: L, query: Omit<ListQuery, 'pageToken'>, voortgang?: LeesVoortgang, al = 0): Promise<ListItem<L>[]> {
  const uit: ListItem<L>[] = [];
  let pageToken: string | undefined;
  do {
    const page = await store.query(lijst, { pageSize: PAGINA, ...query, pageToken });
    for (const item of page.items) uit.push(item);
    pageToken = page.nextPageToken;
    voortgang?.(lijst, al + uit.length);
  } while (pageToken);
  return uit;
}

/**
 * Read, through the ListStore port (SQLite or Graph), the items the jaarverslag of `jaar` with `years` years
 * needs: each list filtered on its year column over the covered years (indexed columns, so both stores can
 * filter server-side). Wider than needed where a rule looks across years: AmbtseedSessies get a day of margin
 * (dateTime in UTC vs. the Amsterdam calendar year), all afgelegd AmbtseedInschrijvingen are read (a session
 * counts when anyone took the oath there), NieuweMedewerkers are read by `indienstOp` and by
 * `workshopGevolgdOp`. `buildJaarverslag` ignores whatever falls outside the years.
 *
 * @param voortgang called after every page with the list and the number of items read from it.
 * @returns items per list, ready for `buildJaarverslag`.
 */
export async function leesJaarverslagBronnen(store: ListStore, opties: { jaar: number; years?: number }, voortgang?: LeesVoortgang): Promise<Required<JaarverslagBronnen>> {
  const { van, tot, eersteJaar } = jaarBereik(opties.jaar, opties.years ?? 1);
  const datum = (column: string): Omit<ListQuery, 'pageToken'> => ({ range: { column, from: van, to: tot } });
  const nieuwByIndienst = await leesAlles(store, 'NieuweMedewerkers', datum('indienstOp'), voortgang);
  const nieuwByWorkshop = await leesAlles(store, 'NieuweMedewerkers', datum('workshopGevolgdOp'), voortgang, nieuwByIndienst.length);
  const gezien = new Set(nieuwByIndienst.map((n) => n.medewerkerId));
  const bronnen: Required<JaarverslagBronnen> = {
    Gesprekken: await leesAlles(store, 'Gesprekken', datum('datum'), voortgang),
    Meldingen: await leesAlles(store, 'Meldingen', datum('ontvangenOp'), voortgang),
    AmbtseedInschrijvingen: await leesAlles(store, 'AmbtseedInschrijvingen', { where: { status: 'afgelegd' } }, voortgang),
    AmbtseedSessies: await leesAlles(store, 'AmbtseedSessies', { range: { column: 'start', from: `${eersteJaar - 1}-12-31T00:00:00.000Z`, to: `${opties.jaar + 1}-01-01T23:59:59.999Z` } }, voortgang),
    NieuweMedewerkers: [...nieuwByIndienst, ...nieuwByWorkshop.filter((n) => !gezien.has(n.medewerkerId))],
    DilemmaSessies: await leesAlles(store, 'DilemmaSessies', datum('datum'), voortgang),
    AgressieIncidenten: await leesAlles(store, 'AgressieIncidenten', datum('datum'), voortgang),
    MeldwijzerGebruik: await leesAlles(store, 'MeldwijzerGebruik', { range: { column: 'week', from: `${eersteJaar}-W00`, to: `${opties.jaar}-W99` } }, voortgang),
  };
  return bronnen;
}

/** The lists read, in reading order (for progress bars). */
export const GELEZEN_LIJSTEN: readonly JaarverslagLijst[] = JAARVERSLAG_LIJSTEN;
