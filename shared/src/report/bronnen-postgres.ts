/**
 * The PostgreSQL fast path of `leesJaarverslagBronnen` (STORE=postgres, issue 17 item 6): the same selection
 * as the SQLite fast path, one projected query per list on the PgListStore's table layout (`list_<Name>`,
 * typed columns; shared/src/store/postgres/migrations.ts). Lists whose report columns do not include their
 * key are read grouped (`GROUP BY` the report's columns with `count(*)`) and each group is handed on as that
 * many references to one item: the report only counts, so 300,000 conversations arrive as a few thousand
 * rows instead of 300,000 (bench/scale: the report over 1,000,000 items against a raw SQL `GROUP BY`).
 */
import type pg from 'pg';
import { getListDefinition } from '../lists/definitions';
import { jaarBereik, JAARVERSLAG_KOLOMMEN, type BronItem, type JaarverslagBronnen, type JaarverslagLijst } from './jaarverslag';

/** What this reader needs of a pool (node-postgres `Pool` with the store's type parsers). */
export type PgLezer = Pick<pg.Pool, 'query'>;

const q = (naam: string) => `"${naam.replace(/"/g, '""')}"`;

/**
 * One projected SELECT on `list_<lijst>` with `where` (`$1`… placeholders). Grouped when the projection lacks
 * the list's key (see module doc); multichoice columns come back as arrays, dates as `YYYY-MM-DD`, dateTime
 * values as ISO UTC strings (the pool's type parsers), so the items equal what the port returns.
 */
async function selecteer<L extends JaarverslagLijst>(db: PgLezer, lijst: L, where: string, params: unknown[]): Promise<BronItem<L>[]> {
  const kolommen = JAARVERSLAG_KOLOMMEN[lijst] as readonly string[];
  const def = getListDefinition(lijst);
  const gegroepeerd = !def.key.every((k) => kolommen.includes(k));
  const lijstSql = kolommen.map(q).join(', ');
  const text = gegroepeerd
    ? `SELECT ${lijstSql}, count(*)::int FROM ${q(`list_${lijst}`)} WHERE ${where} GROUP BY ${lijstSql}`
    : `SELECT ${lijstSql} FROM ${q(`list_${lijst}`)} WHERE ${where}`;
  const rijen = (await db.query<unknown[]>({ text, values: params, rowMode: 'array' })).rows;
  const uit: BronItem<L>[] = [];
  for (const rij of rijen) {
    const item: Record<string, unknown> = {};
    for (let k = 0; k < kolommen.length; k++) item[kolommen[k]] = rij[k];
    const n = gegroepeerd ? (rij[kolommen.length] as number) : 1;
    for (let i = 0; i < n; i++) uit.push(item as BronItem<L>);
  }
  return uit;
}

/**
 * The items the jaarverslag of `jaar` with `years` years needs, read from PostgreSQL (same selection as the
 * port and the SQLite path; see `leesJaarverslagBronnen`).
 * @param voortgang called once per list with the number of items read.
 * @throws the database error when a query fails.
 */
export async function leesUitPostgres(
  db: PgLezer,
  opties: { jaar: number; years?: number },
  voortgang?: (lijst: JaarverslagLijst, gelezen: number) => void,
): Promise<Required<JaarverslagBronnen>> {
  const { van, tot, eersteJaar } = jaarBereik(opties.jaar, opties.years ?? 1);
  const tussen = (kolom: string, a = 1) => `${q(kolom)} BETWEEN $${a} AND $${a + 1}`;
  const lees = async <L extends JaarverslagLijst>(lijst: L, where: string, params: unknown[]): Promise<BronItem<L>[]> => {
    const items = await selecteer(db, lijst, where, params);
    voortgang?.(lijst, items.length);
    return items;
  };
  return {
    Gesprekken: await lees('Gesprekken', tussen('datum'), [van, tot]),
    Meldingen: await lees('Meldingen', tussen('ontvangenOp'), [van, tot]),
    AmbtseedInschrijvingen: await lees('AmbtseedInschrijvingen', `${q('status')} = $1`, ['afgelegd']),
    AmbtseedSessies: await lees('AmbtseedSessies', tussen('start'), [
      `${eersteJaar - 1}-12-31T00:00:00.000Z`,
      `${opties.jaar + 1}-01-01T23:59:59.999Z`,
    ]),
    NieuweMedewerkers: await lees('NieuweMedewerkers', `${tussen('indienstOp')} OR ${tussen('workshopGevolgdOp')}`, [van, tot]),
    DilemmaSessies: await lees('DilemmaSessies', tussen('datum'), [van, tot]),
    AgressieIncidenten: await lees('AgressieIncidenten', tussen('datum'), [van, tot]),
    MeldwijzerGebruik: await lees('MeldwijzerGebruik', tussen('week'), [`${eersteJaar}-W00`, `${opties.jaar}-W99`]),
    VogAanvragen: await lees('VogAanvragen', tussen('gevraagdOp'), [van, tot]),
    Nevenwerkzaamheden: await lees('Nevenwerkzaamheden', `${q('gemeldOp')} <= $1`, [tot]),
    NevenwerkHerbevestigingen: await lees('NevenwerkHerbevestigingen', tussen('gevraagdOp'), [van, tot]),
  };
}
