import { getListDefinition } from '../lists/definitions';
import type { ListItem } from '../lists/schemas';
import type { SqliteDatabase } from '../store/database';
import type { ListQuery, ListStore } from '../store/list-store';
import {
  jaarBereik,
  JAARVERSLAG_KOLOMMEN,
  JAARVERSLAG_LIJSTEN,
  type BronItem,
  type JaarverslagBronnen,
  type JaarverslagLijst,
} from './jaarverslag';
import { leesUitPostgres, type PgLezer } from './bronnen-postgres';

/** Progress of reading the lists: list name, items read so far from that list. */
export type LeesVoortgang = (lijst: JaarverslagLijst, gelezen: number) => void;

const PAGINA = 5000;

async function leesAlles<L extends JaarverslagLijst>(
  store: ListStore,
  lijst: L,
  query: Omit<ListQuery, 'pageToken'>,
  voortgang?: LeesVoortgang,
  al = 0,
): Promise<ListItem<L>[]> {
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

/** `[van, tot]` date bounds (`YYYY-MM-DD`, inclusive) of every year from `eerste` to `laatste`, or of its months. */
const jaren = (eerste: number, laatste: number): [string, string][] =>
  Array.from({ length: laatste - eerste + 1 }, (_, i) => [`${eerste + i}-01-01`, `${eerste + i}-12-31`]);
const maanden = (jaar: string): [string, string][] =>
  Array.from({ length: 12 }, (_, m) => {
    const mm = String(m + 1).padStart(2, '0');
    return [`${jaar}-${mm}-01`, `${jaar}-${mm}-31`];
  });

/**
 * Every item whose date column `kolom` lies in the covered years, read year by year; a year with more than
 * one page is read month by month instead. Why: offset paging over a large range re-sorts and skips rows on
 * every page (SQLite) — small ranges that fit one page keep reading linear (bench/report), and a store
 * with cheap paging (Graph) only pays one extra request per large year.
 */
async function leesPerPeriode<L extends JaarverslagLijst>(
  store: ListStore,
  lijst: L,
  kolom: string,
  eerste: number,
  laatste: number,
  voortgang?: LeesVoortgang,
  al = 0,
): Promise<ListItem<L>[]> {
  const uit: ListItem<L>[] = [];
  for (const [van, tot] of jaren(eerste, laatste)) {
    const eerstePagina = await store.query(lijst, { pageSize: PAGINA, range: { column: kolom, from: van, to: tot } });
    if (!eerstePagina.nextPageToken) {
      for (const item of eerstePagina.items) uit.push(item);
      voortgang?.(lijst, al + uit.length);
      continue;
    }
    for (const [mVan, mTot] of maanden(van.slice(0, 4))) {
      const deel = await leesAlles(store, lijst, { range: { column: kolom, from: mVan, to: mTot } }, voortgang, al + uit.length);
      for (const item of deel) uit.push(item);
    }
  }
  return uit;
}

/**
 * Read the items the jaarverslag of `jaar` with `years` years
 * needs: each list filtered on its year column over the covered years (indexed columns, so both stores can
 * filter server-side). Wider than needed where a rule looks across years: AmbtseedSessies get a day of margin
 * (dateTime in UTC vs. the Amsterdam calendar year), all afgelegd AmbtseedInschrijvingen are read (a session
 * counts when anyone took the oath there), NieuweMedewerkers are read by `indienstOp` and by
 * `workshopGevolgdOp`. `buildJaarverslag` ignores whatever falls outside the years.
 *
 * Through the ListStore port for any store; for the embedded `SqliteListStore` one projected SELECT per list
 * on its documented table layout (`list_<Name>`, booleans 0/1, multichoice as JSON), which reads only the
 * report's columns (`JAARVERSLAG_KOLOMMEN`) and is ~3× faster on 100,000 items (bench/report,
 * docs/decisions.md); for `PgListStore` counted in PostgreSQL (./bronnen-postgres.ts: one `GROUP BY` per
 * list, one weighted item per group). The SQLite path gives the port's items (tests/unit/report-bronnen.test.ts);
 * the PostgreSQL path gives the same report (tests/unit/report-postgres.test.ts).
 *
 * @param voortgang called after every page with the list and the number of items read from it.
 * @returns items per list, ready for `buildJaarverslag`.
 */
export async function leesJaarverslagBronnen(
  store: ListStore,
  opties: { jaar: number; years?: number },
  voortgang?: LeesVoortgang,
): Promise<Required<JaarverslagBronnen>> {
  const db = sqliteVan(store);
  if (db) return leesUitSqlite(db, opties, voortgang);
  const pg = postgresVan(store);
  return pg ? leesUitPostgres(pg, opties, voortgang) : leesViaPoort(store, opties, voortgang);
}

/** The pool of a `PgListStore` (duck-typed: the report does not load the driver). */
function postgresVan(store: ListStore): PgLezer | undefined {
  const pool = (store as { pool?: unknown }).pool;
  if (store.constructor?.name !== 'PgListStore' || !pool || typeof (pool as { query?: unknown }).query !== 'function') return undefined;
  return pool as PgLezer;
}

/**
 * The same items as `leesJaarverslagBronnen`, always through the ListStore port (paged queries). Exported for
 * the test that checks the SQLite fast path returns the same data.
 */
export async function leesViaPoort(
  store: ListStore,
  opties: { jaar: number; years?: number },
  voortgang?: LeesVoortgang,
): Promise<Required<JaarverslagBronnen>> {
  const { eersteJaar } = jaarBereik(opties.jaar, opties.years ?? 1);
  const perPeriode = <L extends JaarverslagLijst>(lijst: L, kolom: string, al = 0) =>
    leesPerPeriode(store, lijst, kolom, eersteJaar, opties.jaar, voortgang, al);
  const nieuwByIndienst = await perPeriode('NieuweMedewerkers', 'indienstOp');
  const nieuwByWorkshop = await perPeriode('NieuweMedewerkers', 'workshopGevolgdOp', nieuwByIndienst.length);
  const gezien = new Set(nieuwByIndienst.map((n) => n.medewerkerId));
  const bronnen: Required<JaarverslagBronnen> = {
    Gesprekken: await perPeriode('Gesprekken', 'datum'),
    Meldingen: await perPeriode('Meldingen', 'ontvangenOp'),
    AmbtseedInschrijvingen: await leesAlles(store, 'AmbtseedInschrijvingen', { where: { status: 'afgelegd' } }, voortgang),
    AmbtseedSessies: await leesAlles(
      store,
      'AmbtseedSessies',
      { range: { column: 'start', from: `${eersteJaar - 1}-12-31T00:00:00.000Z`, to: `${opties.jaar + 1}-01-01T23:59:59.999Z` } },
      voortgang,
    ),
    NieuweMedewerkers: [...nieuwByIndienst, ...nieuwByWorkshop.filter((n) => !gezien.has(n.medewerkerId))],
    DilemmaSessies: await perPeriode('DilemmaSessies', 'datum'),
    AgressieIncidenten: await perPeriode('AgressieIncidenten', 'datum'),
    MeldwijzerGebruik: await leesAlles(
      store,
      'MeldwijzerGebruik',
      { range: { column: 'week', from: `${eersteJaar}-W00`, to: `${opties.jaar}-W99` } },
      voortgang,
    ),
    VogAanvragen: await perPeriode('VogAanvragen', 'gevraagdOp'),

    // A registration counts in every year it was in force: all reported up to the end of the report year.
    Nevenwerkzaamheden: await leesAlles(
      store,
      'Nevenwerkzaamheden',
      { range: { column: 'gemeldOp', to: jaarBereik(opties.jaar).tot } },
      voortgang,
    ),
    NevenwerkHerbevestigingen: await perPeriode('NevenwerkHerbevestigingen', 'gevraagdOp'),
  };
  return bronnen;
}

/** The lists read, in reading order (for progress bars). */
export const GELEZEN_LIJSTEN: readonly JaarverslagLijst[] = JAARVERSLAG_LIJSTEN;

/** The better-sqlite3 handle of a `SqliteListStore` (duck-typed: no runtime import of the driver here). */
function sqliteVan(store: ListStore): SqliteDatabase | undefined {
  const db = (store as { db?: unknown }).db;
  if (store.constructor?.name !== 'SqliteListStore' || !db || typeof (db as { prepare?: unknown }).prepare !== 'function') return undefined;
  return (db as SqliteDatabase).open ? (db as SqliteDatabase) : undefined;
}

/**
 * A stored multichoice value (`["a","b"]`, JSON written by SqliteListStore) as an array. Choice values are
 * plain words, so a split is exact and much cheaper than JSON.parse for 100,000 rows; anything unusual
 * (escapes, spaces) still goes through JSON.parse.
 */
function keuzes(s: string): string[] {
  if (s === '[]') return [];
  if (/^\["[A-Za-z0-9]+(","[A-Za-z0-9]+)*"\]$/.test(s)) return s.slice(2, -2).split('","');
  return JSON.parse(s) as string[];
}

const q = (naam: string) => `"${naam.replace(/"/g, '""')}"`;

/** One projected SELECT on `list_<lijst>`, rows converted as SqliteListStore.fromRow does (0/1 → boolean, JSON → array). */
function selecteer<L extends JaarverslagLijst>(db: SqliteDatabase, lijst: L, where: string, params: unknown[]): BronItem<L>[] {
  const kolommen = JAARVERSLAG_KOLOMMEN[lijst] as readonly string[];
  const defs = new Map(getListDefinition(lijst).columns.map((c) => [c.name, c]));
  const omzetten = kolommen.map((k) => {
    const type = defs.get(k)!.type;
    if (type === 'boolean') return (v: unknown) => (v === null ? null : v === 1);
    if (type === 'multichoice') return (v: unknown) => (v === null ? null : keuzes(v as string));
    return (v: unknown) => v;
  });
  const rijen = db
    .prepare(`SELECT ${kolommen.map(q).join(', ')} FROM ${q(`list_${lijst}`)} WHERE ${where}`)
    .raw(true)
    .all(...params) as unknown[][];
  const uit = new Array<BronItem<L>>(rijen.length);
  for (let i = 0; i < rijen.length; i++) {
    const rij = rijen[i];
    const item: Record<string, unknown> = {};
    for (let k = 0; k < kolommen.length; k++) item[kolommen[k]] = omzetten[k](rij[k]);
    uit[i] = item as BronItem<L>;
  }
  return uit;
}

/** The SQLite fast path of `leesJaarverslagBronnen`: the same selection, one query per list. */
function leesUitSqlite(
  db: SqliteDatabase,
  opties: { jaar: number; years?: number },
  voortgang?: LeesVoortgang,
): Required<JaarverslagBronnen> {
  const { van, tot, eersteJaar } = jaarBereik(opties.jaar, opties.years ?? 1);
  const tussen = (kolom: string) => `${q(kolom)} BETWEEN ? AND ?`;
  const lees = <L extends JaarverslagLijst>(lijst: L, where: string, params: unknown[]): BronItem<L>[] => {
    const items = selecteer(db, lijst, where, params);
    voortgang?.(lijst, items.length);
    return items;
  };
  return {
    Gesprekken: lees('Gesprekken', tussen('datum'), [van, tot]),
    Meldingen: lees('Meldingen', tussen('ontvangenOp'), [van, tot]),
    AmbtseedInschrijvingen: lees('AmbtseedInschrijvingen', `${q('status')} = ?`, ['afgelegd']),
    AmbtseedSessies: lees('AmbtseedSessies', tussen('start'), [
      `${eersteJaar - 1}-12-31T00:00:00.000Z`,
      `${opties.jaar + 1}-01-01T23:59:59.999Z`,
    ]),
    NieuweMedewerkers: lees('NieuweMedewerkers', `${tussen('indienstOp')} OR ${tussen('workshopGevolgdOp')}`, [van, tot, van, tot]),
    DilemmaSessies: lees('DilemmaSessies', tussen('datum'), [van, tot]),
    AgressieIncidenten: lees('AgressieIncidenten', tussen('datum'), [van, tot]),
    MeldwijzerGebruik: lees('MeldwijzerGebruik', tussen('week'), [`${eersteJaar}-W00`, `${opties.jaar}-W99`]),
    VogAanvragen: lees('VogAanvragen', tussen('gevraagdOp'), [van, tot]),

    Nevenwerkzaamheden: lees('Nevenwerkzaamheden', `${q('gemeldOp')} <= ?`, [tot]),
    NevenwerkHerbevestigingen: lees('NevenwerkHerbevestigingen', tussen('gevraagdOp'), [van, tot]),
  };
}
