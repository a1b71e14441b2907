/**
 * The PostgreSQL fast path of `leesJaarverslagBronnen` (STORE=postgres): the same selection as the port and
 * the SQLite fast path, but counted in the database. Each list is read with one `GROUP BY` over what the
 * report's rules (`buildJaarverslag`) can tell apart — a choice value, a boolean, the calendar year of a date,
 * whether a date is set — and each group comes back as ONE item with `gewicht` = its `count(*)` (`Gewogen` in
 * ./jaarverslag.ts). So 1,000,000 items arrive as a few tens of thousands of rows and the rules still run in
 * one place, in JavaScript, on values of real items:
 * - a column the rules read as a value is a grouping column;
 * - a date the rules only place in a year (`jaar`) is grouped by its year and handed on as `min(date)`, a
 *   date of that year (the rule sees the same year);
 * - a date the rules only test for being set (`gezet`) is grouped by `IS NULL` and handed on as `min(date)`;
 * - a column no rule reads for the grouped items (`los`: the case table's id, meldpunt and onderzoek) is
 *   handed on as null, so a grouped melding is never a row of the case table;
 * - a choice or multichoice column the rules only count per value within the group (`perWaarde`: `perSoort`,
 *   `perMaatregel`, never two such columns together) does not split groups: SQL counts, per group, the
 *   items holding each choice value (`count(*) FILTER (WHERE column = v)`, `… v = ANY(column)`), and the group
 *   is handed on as a few items whose weights add up to the group's count and whose values give exactly those
 *   per-value counts (`perWaardeItems`). Grouping by every value instead would leave 135,000 of 150,000
 *   meldingen in groups of one (3 soorten × 8 categorieën × 5 uitkomsten × 121 sets of measures × …);
 * - the Wbk dates of a melding (`ontvangenOp`, `ontvangstbevestigdOp`, `terugkoppelingOp`) are grouped by
 *   the year of receipt and by the two Wbk outcomes computed in SQL, and handed on as the three dates of one
 *   member of the group (`min(ARRAY[…])`), so the JavaScript rule sees a real triple with that outcome.
 *   The SQL outcomes (`+ 7` days, `+ interval '3 months'`, which PostgreSQL clamps to the month's last day as
 *   Verordening 1182/71 art. 3 does) only split groups; a split that were too coarse would show as a
 *   difference in tests/unit/report-postgres.test.ts, which builds the report from PostgreSQL and SQLite.
 * The report year's meldingen that were investigated (`onderzoek` ≠ `geen`) are read once more one by one,
 * in order of receipt, as items of weight 0: the case table (`zaken`) lists them with id and date, the counts
 * have them in their groups already. Statistics on the grouped expressions (migration `rapport-statistieken`,
 * shared/src/store/postgres/migrations.ts) give the planner the real number of groups.
 * bench/scale measures this over 1,000,000 items against a raw SQL `GROUP BY` in the same database.
 */
import type pg from 'pg';
import { getListDefinition } from '../lists/definitions';
import {
  jaarBereik,
  JAARVERSLAG_KOLOMMEN,
  type BronItem,
  type Gewogen,
  type JaarverslagBronnen,
  type JaarverslagLijst,
} from './jaarverslag';

/** What this reader needs of a pool (node-postgres `Pool` with the store's type parsers). */
export type PgLezer = Pick<pg.Pool, 'query'>;

const q = (naam: string) => `"${naam.replace(/"/g, '""')}"`;

/** How the grouped read treats a report column (see module doc); unnamed columns are grouping columns. */
type Behandeling = 'jaar' | 'gezet' | 'los' | 'perWaarde';

/** The SQL calendar year of a date column (`date_part` on a `date`: no time zone involved). */
const jaarSql = (kolom: string) => `date_part('year', ${q(kolom)})`;

/** The report's columns that are not plain grouping columns, per list (see module doc). */
const BEHANDELING: { [L in JaarverslagLijst]: Partial<Record<(typeof JAARVERSLAG_KOLOMMEN)[L][number], Behandeling>> } = {
  Gesprekken: { datum: 'jaar', verwijderdOp: 'gezet' },
  // Grouped by the year of receipt and the Wbk outcomes (WBK_DATUMS) and by anoniem (the anonymous counts per
  // soort and uitkomst); the case table's rows are read apart (zaakRijen).
  Meldingen: {
    meldingId: 'los',
    meldpunt: 'los',
    onderzoek: 'los',
    soort: 'perWaarde',
    categorie: 'perWaarde',
    uitkomst: 'perWaarde',
    maatregelen: 'perWaarde',
  },
  AmbtseedInschrijvingen: { afgelegdOp: 'jaar' },
  AmbtseedSessies: {},
  NieuweMedewerkers: { medewerkerId: 'los', indienstOp: 'jaar', workshopGevolgdOp: 'jaar' },
  DilemmaSessies: { datum: 'jaar' },
  AgressieIncidenten: { datum: 'jaar', soort: 'perWaarde', maatregelen: 'perWaarde' },
  MeldwijzerGebruik: {},
  VogAanvragen: { gevraagdOp: 'jaar' },
  Nevenwerkzaamheden: { gemeldOp: 'jaar', beoordeeldOp: 'jaar', beeindigdOp: 'jaar' },
  NevenwerkHerbevestigingen: { gevraagdOp: 'jaar' },
};

/** The Wbk dates of a melding, read as one triple of one member (see module doc). */
const WBK_DATUMS = ['ontvangenOp', 'ontvangstbevestigdOp', 'terugkoppelingOp'] as const;
/** The Wbk outcomes in SQL: acknowledged within 7 days, feedback within 3 months (of acknowledgement, else of day 7). */
const WBK_UITKOMSTEN = [
  `("ontvangstbevestigdOp" IS NOT NULL AND "ontvangstbevestigdOp" <= "ontvangenOp" + 7)`,
  `("terugkoppelingOp" IS NOT NULL AND "terugkoppelingOp" <= coalesce("ontvangstbevestigdOp", "ontvangenOp" + 7) + interval '3 months')`,
];

/** A SQL string literal (choice values are our own constants). */
const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;

/** A `perWaarde` column: its choice values and whether an item holds several (multichoice). */
interface PerWaardeKolom {
  keuzes: readonly string[];
  meer: boolean;
}
const perWaardeKolom = (lijst: JaarverslagLijst, kolom: string): PerWaardeKolom => {
  const c = getListDefinition(lijst).columns.find((k) => k.name === kolom)!;
  return { keuzes: c.choices!, meer: c.type === 'multichoice' };
};

/**
 * The grouped SELECT of `lijst` for `where` (see module doc): the report's columns in order (a `perWaarde`
 * column as one count per choice value), then `count(*)`.
 */
function groepSql(lijst: JaarverslagLijst, where: string): string {
  const kolommen = JAARVERSLAG_KOLOMMEN[lijst] as readonly string[];
  const behandeling = BEHANDELING[lijst] as Record<string, Behandeling | undefined>;
  const wbk = lijst === 'Meldingen';
  const kiezen: string[] = [];
  const groep: string[] = [];
  for (const k of kolommen) {
    const b = behandeling[k];
    const w = wbk ? WBK_DATUMS.indexOf(k as (typeof WBK_DATUMS)[number]) : -1;
    if (w >= 0) kiezen.push(`(min(ARRAY[${WBK_DATUMS.map(q).join(', ')}]))[${w + 1}]`);
    else if (b === 'perWaarde') {
      const { keuzes, meer } = perWaardeKolom(lijst, k);
      const heeft = (v: string) => (meer ? `${literal(v)} = ANY(${q(k)})` : `${q(k)} = ${literal(v)}`);
      kiezen.push(...keuzes.map((v) => `count(*) FILTER (WHERE ${heeft(v)})::int`));
    } else if (b === 'los') kiezen.push('NULL');
    else if (b) kiezen.push(`min(${q(k)})`);
    else {
      kiezen.push(q(k));
      groep.push(q(k));
    }
    if (b === 'jaar') groep.push(jaarSql(k));
    if (b === 'gezet') groep.push(`${q(k)} IS NULL`);
  }
  if (wbk) groep.push(jaarSql('ontvangenOp'), ...WBK_UITKOMSTEN);
  return `SELECT ${kiezen.join(', ')}, count(*)::int FROM ${q(`list_${lijst}`)} WHERE ${where}${groep.length ? ` GROUP BY ${groep.join(', ')}` : ''}`;
}

/** The per-value counts of one `perWaarde` column in one group. */
export interface PerWaardeTelling {
  /** Items holding each value (every choice present, 0 allowed). */
  tellingen: ReadonlyMap<string, number>;
  /** Multichoice: an item holds any number of values; else at most one (the rest have none: null). */
  meer: boolean;
}

/**
 * Items that stand for a group of `n` items whose `perWaarde` columns have the counts `perKolom`: every count
 * "items holding v" over them equals the group's, and their weights add up to `n`. Picture the group's `n`
 * items in a row: for a multichoice column the items holding `v` are the first `count(v)`; for a choice column
 * the values take consecutive blocks, the items without a value last. Cutting the row wherever a run of any
 * column ends gives at most (values + 1) runs whose items all hold the same values; each run is one item with
 * its length as weight. Only per-value counts survive, not which values occurred together.
 * @param basis the group's other columns, copied into every item.
 */
export function perWaardeItems(
  basis: Record<string, unknown>,
  n: number,
  perKolom: ReadonlyMap<string, PerWaardeTelling>,
): Record<string, unknown>[] {
  const grenzen = new Set<number>([0, n]);
  const blokken = new Map<string, [string, number][]>();
  for (const [k, { tellingen, meer }] of perKolom) {
    let eind = 0;
    const blok: [string, number][] = [];
    for (const [v, c] of tellingen) {
      eind = meer ? c : eind + c;
      grenzen.add(eind);
      blok.push([v, eind]);
    }
    blokken.set(k, blok);
  }
  const punten = [...grenzen].sort((a, b) => a - b);
  const uit: Record<string, unknown>[] = [];
  for (let i = 0; i + 1 < punten.length; i++) {
    const van = punten[i];
    const item: Record<string, unknown> = { ...basis, gewicht: punten[i + 1] - van };
    for (const [k, { meer }] of perKolom) {
      const blok = blokken.get(k)!;
      // Multichoice: the values whose first `count` items include position `van`; choice: the block holding it.
      item[k] = meer ? blok.filter(([, eind]) => eind > van).map(([v]) => v) : (blok.find(([, eind]) => eind > van)?.[0] ?? null);
    }
    uit.push(item);
  }
  return uit;
}

/**
 * The items of `lijst` for `where` (`$1`… placeholders), grouped with weights (see module doc). Multichoice
 * columns come back as arrays, dates as `YYYY-MM-DD`, dateTime values as ISO UTC strings (the pool's type
 * parsers), as the port returns them.
 */
async function selecteer<L extends JaarverslagLijst>(
  db: PgLezer,
  lijst: L,
  where: string,
  params: unknown[],
): Promise<(BronItem<L> & Gewogen)[]> {
  const kolommen = JAARVERSLAG_KOLOMMEN[lijst] as readonly string[];
  const behandeling = BEHANDELING[lijst] as Record<string, Behandeling | undefined>;
  const rijen = (await db.query<unknown[]>({ text: groepSql(lijst, where), values: params, rowMode: 'array' })).rows;
  const uit: Record<string, unknown>[] = [];
  for (const rij of rijen) {
    const item: Record<string, unknown> = {};
    const perKolom = new Map<string, PerWaardeTelling>();
    let p = 0;
    for (const k of kolommen) {
      if (behandeling[k] === 'perWaarde') {
        const { keuzes, meer } = perWaardeKolom(lijst, k);
        const tellingen = new Map<string, number>();
        for (const v of keuzes) tellingen.set(v, rij[p++] as number);
        perKolom.set(k, { tellingen, meer });
      } else item[k] = rij[p++];
    }
    if (perKolom.size) uit.push(...perWaardeItems(item, rij[p] as number, perKolom));
    else uit.push({ ...item, gewicht: rij[p] });
  }
  return uit as (BronItem<L> & Gewogen)[];
}

/**
 * The candidates of the case table (`zakenVan`: investigated meldingen of the report year `van`–`tot`), one
 * by one in order of receipt, each of weight 0 (see module doc; `zakenVan` applies its own rule to them).
 */
async function zaakRijen(db: PgLezer, van: string, tot: string): Promise<(BronItem<'Meldingen'> & Gewogen)[]> {
  const kolommen = JAARVERSLAG_KOLOMMEN.Meldingen;
  const text = `SELECT ${kolommen.map(q).join(', ')} FROM "list_Meldingen" WHERE "ontvangenOp" BETWEEN $1 AND $2
    AND onderzoek <> 'geen' ORDER BY "ontvangenOp", "meldingId"`;
  const rijen = (await db.query<unknown[]>({ text, values: [van, tot], rowMode: 'array' })).rows;
  return rijen.map((rij) => {
    const item: Record<string, unknown> = { gewicht: 0 };
    for (let k = 0; k < kolommen.length; k++) item[kolommen[k]] = rij[k];
    return item as BronItem<'Meldingen'> & Gewogen;
  });
}

/** The number of items a list of weighted items stands for. */
const aantalItems = (items: readonly Gewogen[]) => items.reduce((n, it) => n + (it.gewicht ?? 1), 0);

/**
 * The items the jaarverslag of `jaar` with `years` years needs, read from PostgreSQL (same selection as the
 * port and the SQLite path; see `leesJaarverslagBronnen`), grouped with weights (see module doc): passed to
 * `buildJaarverslag` they give the same report as the items one by one.
 * @param voortgang called once per list with the number of items read (the sum of the weights).
 * @throws the database error when a query fails.
 */
export async function leesUitPostgres(
  db: PgLezer,
  opties: { jaar: number; years?: number },
  voortgang?: (lijst: JaarverslagLijst, gelezen: number) => void,
): Promise<Required<JaarverslagBronnen>> {
  const { van, tot, eersteJaar } = jaarBereik(opties.jaar, opties.years ?? 1);
  const jaarVan = jaarBereik(opties.jaar).van;
  const tussen = (kolom: string, a = 1) => `${q(kolom)} BETWEEN $${a} AND $${a + 1}`;
  const lees = async <L extends JaarverslagLijst>(lijst: L, where: string, params: unknown[]) => {
    const items = await selecteer(db, lijst, where, params);
    voortgang?.(lijst, aantalItems(items));
    return items;
  };
  return {
    Gesprekken: await lees('Gesprekken', tussen('datum'), [van, tot]),
    Meldingen: [...(await lees('Meldingen', tussen('ontvangenOp'), [van, tot])), ...(await zaakRijen(db, jaarVan, tot))],
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
