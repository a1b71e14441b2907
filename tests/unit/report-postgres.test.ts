import {
  AGRESSIE_MAATREGELEN,
  AGRESSIE_SOORTEN,
  CATEGORIEEN,
  DOORVERWIJZINGEN,
  MAATREGELEN,
  MELDING_SOORTEN,
  MELDPUNT_SOORTEN,
  ONDERWERPEN,
  ONDERZOEKEN,
  UITKOMSTEN,
  VP_SOORTEN,
} from '@shared/lists/definitions';
import { buildJaarverslag, leesJaarverslagBronnen, leesViaPoort } from '@shared/report';
import { perWaardeItems } from '@shared/report/bronnen-postgres';
import { prng, seedDemo } from '@shared/cli/seed';
import { SqliteListStore, type ListStore } from '@shared/store';
import { migratePostgres } from '@shared/store/postgres/migrations';
import { PgListStore } from '@shared/store/postgres/pg-list-store';
import { describePostgres, dropSchema, freshSchema, schemaPool } from '../support/postgres';

/** A melding with every required column; `over` sets the ones a case is about. */
const melding = (meldingId: string, over: Record<string, unknown>) => ({
  meldingId,
  ontvangenOp: '2031-06-01',
  kanaal: 'teams',
  meldpunt: 'vertrouwenspersoon',
  soort: 'zakelijk',
  categorie: 'informatie',
  betrokkene: 'ambtenaar',
  anoniem: false,
  onderzoek: 'geen',
  uitkomst: 'lopend',
  maatregelen: ['geen'],
  ontvangstbevestigdOp: null,
  terugkoppelingOp: null,
  afgeslotenOp: null,
  bewaarTot: null,
  ...over,
});

/**
 * The Wbk deadlines at their edges in 2031 (Wbk art. 2 lid 2: acknowledgement within 7 days, feedback within
 * 3 months; a month period ending on a day the month lacks ends on its last day, Verordening 1182/71 art. 3):
 * worked out by hand, 4 of 8 acknowledged in time and 3 of 8 with feedback in time.
 */
const WBK_GRENZEN = [
  // day 7 in time; feedback exactly 3 months after the acknowledgement, in time
  melding('W-1', { ontvangenOp: '2031-03-01', ontvangstbevestigdOp: '2031-03-08', terugkoppelingOp: '2031-06-08' }),
  // day 8 late; feedback one day after 9 June, late
  melding('W-2', { ontvangenOp: '2031-03-01', ontvangstbevestigdOp: '2031-03-09', terugkoppelingOp: '2031-06-10' }),
  // acknowledged 30 November: 3 months end on 29 February 2032 (leap year), in time
  melding('W-3', { ontvangenOp: '2031-11-23', ontvangstbevestigdOp: '2031-11-30', terugkoppelingOp: '2032-02-29' }),
  // … and 1 March 2032 is late
  melding('W-4', { ontvangenOp: '2031-11-23', ontvangstbevestigdOp: '2031-11-30', terugkoppelingOp: '2032-03-01' }),
  // never acknowledged: 3 months from day 7 (31 January) end on 30 April, in time
  melding('W-5', { ontvangenOp: '2031-01-24', terugkoppelingOp: '2031-04-30' }),
  // … and 1 May is late
  melding('W-6', { ontvangenOp: '2031-01-24', terugkoppelingOp: '2031-05-01' }),
  // received on New Year's Eve, acknowledged on day 7 in the next year: in time, counted in 2031
  melding('W-7', { ontvangenOp: '2031-12-31', ontvangstbevestigdOp: '2032-01-07' }),
  melding('W-8', { ontvangenOp: '2031-06-15' }),
];

/** Random valid items over 2022–2026 with the edges the grouping must keep apart. */
async function vulWillekeurig(store: ListStore): Promise<void> {
  const rnd = prng(17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const laatsteDag = (j: number, m: number) => new Date(Date.UTC(j, m, 0)).getUTCDate();
  // Month ends are frequent here: they are where "+ 3 months" clamps.
  const dag = () => {
    const j = 2022 + Math.floor(rnd() * 5);
    const m = 1 + Math.floor(rnd() * 12);
    const d = rnd() < 0.3 ? laatsteDag(j, m) - Math.floor(rnd() * 3) : 1 + Math.floor(rnd() * laatsteDag(j, m));
    return `${j}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const plus = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const meerdere = <T>(xs: readonly T[], min = 0) => [...new Set(Array.from({ length: min + Math.floor(rnd() * 3) }, () => pick(xs)))];
  await store.addMany(
    'Meldingen',
    Array.from({ length: 1500 }, (_, i) => {
      const ontvangenOp = dag();
      const bevestigd = rnd() < 0.8 ? plus(ontvangenOp, Math.floor(rnd() * 10)) : null;
      const basis = bevestigd ?? plus(ontvangenOp, 7);
      return melding(`M-${i}`, {
        ontvangenOp,
        meldpunt: pick(MELDPUNT_SOORTEN),
        soort: pick(MELDING_SOORTEN),
        categorie: pick(CATEGORIEEN),
        anoniem: rnd() < 0.3,
        onderzoek: pick(ONDERZOEKEN),
        uitkomst: pick(UITKOMSTEN),
        maatregelen: meerdere(MAATREGELEN, 1),
        ontvangstbevestigdOp: bevestigd,
        terugkoppelingOp: rnd() < 0.8 ? plus(basis, 80 + Math.floor(rnd() * 20)) : null,
      });
    }) as never,
  );
  await store.addMany(
    'Gesprekken',
    Array.from({ length: 1500 }, (_, i) => ({
      gesprekId: `G-${i}`,
      datum: dag(),
      vertrouwenspersoon: pick(VP_SOORTEN),
      onderwerp: pick(ONDERWERPEN),
      isMelding: rnd() < 0.5,
      doorverwezen: pick(DOORVERWIJZINGEN),
      verwijderdOp: rnd() < 0.1 ? dag() : null,
    })),
  );
  await store.addMany(
    'AgressieIncidenten',
    Array.from({ length: 800 }, (_, i) => ({
      incidentId: `A-${i}`,
      datum: dag(),
      soort: meerdere(AGRESSIE_SOORTEN, 1),
      maatregelen: meerdere(AGRESSIE_MAATREGELEN),
    })),
  );
  await store.addMany(
    'AmbtseedSessies',
    Array.from({ length: 30 }, (_, i) => ({
      sessieId: `S-${i}`,
      start: i === 0 ? '2023-12-31T23:30:00.000Z' : `${dag()}T12:00:00.000Z`,
      eind: '2030-01-01T10:00:00.000Z',
      soort: i % 3 ? 'ambtseed' : 'workshopIntegriteit',
      locatie: null,
      online: false,
      afnemer: 'secretaris',
      capaciteit: 40,
    })),
  );
  await store.addMany(
    'AmbtseedInschrijvingen',
    Array.from({ length: 900 }, (_, i) => {
      const afgelegd = rnd() < 0.8;
      return {
        inschrijvingId: `I-${i}`,
        sessieId: `S-${i % 30}`,
        medewerker: `obj-${i}`,
        dienstverband: 'arbeidsovereenkomst',
        indienstOp: dag(),
        status: afgelegd ? 'afgelegd' : 'geannuleerd',
        // Some afgelegd without a vorm: "onbekend" at an ambtseed session, nothing at a workshop.
        vorm: afgelegd && rnd() < 0.9 ? pick(['eed', 'belofte', 'integriteitsverklaring'] as const) : null,
        afgelegdOp: afgelegd ? dag() : null,
      };
    }) as never,
  );
  await store.addMany('Meldingen', WBK_GRENZEN as never);
}

describe('perWaardeItems: a group handed on as few items with the same per-value counts', () => {
  test('10 meldingen, 4 with measure a and 7 with b, 6 of soort x and 3 of soort y (1 without)', () => {
    const tellingen = (paren: [string, number][]) => new Map(paren);
    const items = perWaardeItems(
      { jaar: 2024 },
      10,
      new Map([
        [
          'maatregelen',
          {
            tellingen: tellingen([
              ['a', 4],
              ['b', 7],
            ]),
            meer: true,
          },
        ],
        [
          'soort',
          {
            tellingen: tellingen([
              ['x', 6],
              ['y', 3],
            ]),
            meer: false,
          },
        ],
      ]),
    );
    const som = (f: (it: Record<string, unknown>) => boolean) => items.filter(f).reduce((n, it) => n + (it.gewicht as number), 0);
    expect(som(() => true)).toBe(10);
    expect(som((it) => (it.maatregelen as string[]).includes('a'))).toBe(4);
    expect(som((it) => (it.maatregelen as string[]).includes('b'))).toBe(7);
    expect(som((it) => it.soort === 'x')).toBe(6);
    expect(som((it) => it.soort === 'y')).toBe(3);
    expect(som((it) => it.soort === null)).toBe(1);
    // Runs cut at 4, 6, 7 and 9: five items, each keeping the group's other columns.
    expect(items).toHaveLength(5);
    expect(items.every((it) => it.jaar === 2024 && (it.gewicht as number) > 0)).toBe(true);
  });
});

describePostgres('the report from PostgreSQL, counted in SQL, equals the report from SQLite', () => {
  let schema: string;
  let pg: PgListStore;
  let sqlite: SqliteListStore;
  const queries: string[] = [];
  beforeAll(async () => {
    schema = await freshSchema();
    pg = new PgListStore(schemaPool(schema, 3));
    await migratePostgres(pg.pool);
    sqlite = new SqliteListStore(':memory:');
    for (const store of [pg, sqlite]) {
      await seedDemo(store, 'demo', '2026-12-02');
      await vulWillekeurig(store);
    }
    await pg.pool.query('ANALYZE');
    const query = pg.pool.query.bind(pg.pool);
    pg.pool.query = ((cfg: { text?: string }, ...rest: unknown[]) => {
      if (typeof cfg === 'object' && cfg?.text) queries.push(cfg.text);
      return (query as (...a: unknown[]) => unknown)(cfg, ...rest);
    }) as typeof pg.pool.query;
  }, 60_000);
  afterAll(async () => {
    await pg.close();
    await sqlite.close();
    await dropSchema(schema);
  });

  test.each([
    [2026, 3],
    [2025, 1],
    [2024, 5],
    [2031, 1],
  ])('jaar %i over %i year(s): the whole JSON (counts, vorigeJaren, case table) is the same', async (jaar, years) => {
    const opties = { jaar, years, organisatie: 'Demo' };
    const uitPg = buildJaarverslag(await leesJaarverslagBronnen(pg, { jaar, years }), opties);
    const uitSqlite = buildJaarverslag(await leesJaarverslagBronnen(sqlite, { jaar, years }), opties);
    expect(JSON.stringify(uitPg, null, 2)).toBe(JSON.stringify(uitSqlite, null, 2));
    // and the port's items on PostgreSQL give it too
    expect(buildJaarverslag(await leesViaPoort(pg, { jaar, years }), opties)).toEqual(uitPg);
  });

  test('the Wbk edges of 2031, worked out by hand: 4 of 8 acknowledged in time, 3 of 8 with feedback in time', async () => {
    const r = buildJaarverslag(await leesJaarverslagBronnen(pg, { jaar: 2031 }), { jaar: 2031, organisatie: 'Demo' });
    expect(r.meldingen.totaal).toBe(8);
    expect(r.wbk).toEqual({ ontvangstbevestigdBinnen7Dagen: { aantal: 4, van: 8 }, terugkoppelingBinnen3Maanden: { aantal: 3, van: 8 } });
  });

  test('meldingen come as one row per year, anoniem and Wbk outcome; progress counts items; the case table has every investigated one', async () => {
    queries.length = 0;
    const voortgang = new Map<string, number>();
    const bronnen = await leesJaarverslagBronnen(pg, { jaar: 2026, years: 3 }, (l, n) => voortgang.set(l, n));
    const poort = await leesViaPoort(pg, { jaar: 2026, years: 3 });
    expect(voortgang.get('Meldingen')).toBe(poort.Meldingen.length);
    expect(voortgang.get('Gesprekken')).toBe(poort.Gesprekken.length);
    expect(voortgang.get('NieuweMedewerkers')).toBe(poort.NieuweMedewerkers.length);
    const groepSql = queries.find((t) => t.includes('FROM "list_Meldingen"') && t.includes('GROUP BY'))!;
    const rijen = (await pg.pool.query({ text: groepSql, values: ['2024-01-01', '2026-12-31'], rowMode: 'array' })).rows as number[][];
    // 3 years × anoniem (ja/nee) × acknowledged in time (ja/nee) × feedback in time (ja/nee), whatever the soort or measures
    expect(rijen.length).toBeLessThanOrEqual(3 * 2 * 2 * 2);
    expect(rijen.reduce((n, r) => n + r[r.length - 1], 0)).toBe(poort.Meldingen.length);
    const onderzocht = poort.Meldingen.filter((m) => m.ontvangenOp.startsWith('2026') && m.onderzoek !== 'geen');
    expect(onderzocht.length).toBeGreaterThan(100);
    expect(bronnen.Meldingen.filter((m) => m.gewicht === 0)).toHaveLength(onderzocht.length);
  });

  test('the planner knows the number of groups (statistics of migration rapport-statistieken)', async () => {
    queries.length = 0;
    await leesJaarverslagBronnen(pg, { jaar: 2026, years: 3 });
    const groepMeldingen = queries.find((t) => t.includes('FROM "list_Meldingen"') && t.includes('GROUP BY'))!;
    const plan = (await pg.pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${groepMeldingen}`, ['2024-01-01', '2026-12-31'])).rows[0][
      'QUERY PLAN'
    ][0].Plan as { 'Plan Rows': number; 'Actual Rows': number };
    // Without the statistics PostgreSQL guesses hundreds of groups for these few dozen.
    expect(plan['Actual Rows']).toBeGreaterThan(0);
    expect(plan['Plan Rows']).toBeLessThanOrEqual(plan['Actual Rows'] * 3);
  });
});
