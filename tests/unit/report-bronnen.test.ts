import { LIST_DEFINITIONS } from '@shared/lists/definitions';
import {
  buildJaarverslag,
  JAARVERSLAG_KOLOMMEN,
  JAARVERSLAG_LIJSTEN,
  leesJaarverslagBronnen,
  leesViaPoort,
  type JaarverslagBronnen,
} from '@shared/report';
import { SqliteListStore, type ListStore } from '@shared/store';
import { prng } from '@shared/cli/seed';
import { migratePostgres } from '@shared/store/postgres/migrations';
import { PgListStore } from '@shared/store/postgres/pg-list-store';
import { describePostgres, dropSchema, freshSchema, schemaPool } from '../support/postgres';

/** Random but valid items over 2016–2026 for every list the report reads, with edge cases mixed in. */
async function vul(store: ListStore, n: number): Promise<void> {
  const rnd = prng(2024);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const choices = (list: keyof typeof LIST_DEFINITIONS, col: string) =>
    (LIST_DEFINITIONS[list].columns as readonly { name: string; choices?: readonly string[] }[]).find((c) => c.name === col)!.choices!;
  const dag = () =>
    `${2016 + Math.floor(rnd() * 11)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  const ofNull = (f: () => string) => (rnd() < 0.3 ? null : f());
  await store.addMany(
    'Gesprekken',
    Array.from({ length: n }, (_, i) => ({
      gesprekId: `g${i}`,
      datum: dag(),
      vertrouwenspersoon: pick(choices('Gesprekken', 'vertrouwenspersoon')),
      onderwerp: pick(choices('Gesprekken', 'onderwerp')),
      isMelding: rnd() < 0.5,
      doorverwezen: pick(choices('Gesprekken', 'doorverwezen')),
    })) as never,
  );
  await store.addMany(
    'Meldingen',
    Array.from({ length: n }, (_, i) => ({
      meldingId: `m${i}`,
      ontvangenOp: dag(),
      kanaal: 'teams',
      meldpunt: pick(choices('Meldingen', 'meldpunt')),
      soort: pick(choices('Meldingen', 'soort')),
      categorie: pick(choices('Meldingen', 'categorie')),
      betrokkene: 'onbekend',
      anoniem: rnd() < 0.3,
      onderzoek: pick(choices('Meldingen', 'onderzoek')),
      uitkomst: pick(choices('Meldingen', 'uitkomst')),
      maatregelen: [...new Set([pick(choices('Meldingen', 'maatregelen')), pick(choices('Meldingen', 'maatregelen'))])],
      ontvangstbevestigdOp: ofNull(dag),
      terugkoppelingOp: ofNull(dag),
      afgeslotenOp: null,
      bewaarTot: null,
    })) as never,
  );
  const sessies = Array.from({ length: 40 }, (_, i) => ({
    sessieId: `s${i}`,
    start: i === 0 ? '2019-12-31T23:30:00.000Z' : `${dag()}T09:00:00.000Z`,
    eind: '2030-01-01T10:00:00.000Z',
    soort: pick(['ambtseed', 'workshopIntegriteit'] as const),
    locatie: null,
    online: false,
    afnemer: 'secretaris',
    capaciteit: 20,
  }));
  await store.addMany('AmbtseedSessies', sessies);
  await store.addMany(
    'AmbtseedInschrijvingen',
    Array.from({ length: n }, (_, i) => {
      const status = pick(choices('AmbtseedInschrijvingen', 'status'));
      return {
        inschrijvingId: `i${i}`,
        sessieId: `s${i % 40}`,
        medewerker: `o${i}`,
        dienstverband: pick(choices('AmbtseedInschrijvingen', 'dienstverband')),
        indienstOp: dag(),
        status,
        vorm: status === 'afgelegd' ? pick(choices('AmbtseedInschrijvingen', 'vorm')) : null,
        afgelegdOp: status === 'afgelegd' ? dag() : null,
      };
    }) as never,
  );
  await store.addMany(
    'NieuweMedewerkers',
    Array.from({ length: n }, (_, i) => ({
      medewerkerId: `n${i}`,
      indienstOp: dag(),
      dienstverband: pick(choices('NieuweMedewerkers', 'dienstverband')),
      workshopGevolgdOp: ofNull(dag),
    })) as never,
  );
  await store.addMany(
    'DilemmaSessies',
    Array.from({ length: n / 4 }, (_, i) => ({
      sessieId: `d${i}`,
      datum: dag(),
      werkvorm: pick(choices('DilemmaSessies', 'werkvorm')),
      doelgroep: pick(choices('DilemmaSessies', 'doelgroep')),
      deelnemers: Math.floor(rnd() * 30),
      dilemmaIds: null,
    })) as never,
  );
  await store.addMany(
    'AgressieIncidenten',
    Array.from({ length: n }, (_, i) => ({
      incidentId: `a${i}`,
      datum: dag(),
      soort: [pick(choices('AgressieIncidenten', 'soort'))],
      maatregelen: rnd() < 0.5 ? [] : [pick(choices('AgressieIncidenten', 'maatregelen'))],
    })) as never,
  );
  const weken = new Set<string>();
  for (let i = 0; i < n; i++)
    weken.add(
      `${2016 + Math.floor(rnd() * 11)}-W${String(1 + Math.floor(rnd() * 53)).padStart(2, '0')}|${pick(choices('MeldwijzerGebruik', 'situatie'))}`,
    );
  await store.addMany(
    'MeldwijzerGebruik',
    [...weken].map((k) => ({ week: k.split('|')[0], situatie: k.split('|')[1], aantal: 1 + Math.floor(rnd() * 9) })) as never,
  );
}

/** Items projected on the report's columns and sorted, so two readers can be compared. */
function genormaliseerd(b: JaarverslagBronnen): Record<string, string[]> {
  return Object.fromEntries(
    JAARVERSLAG_LIJSTEN.map((l) => [
      l,
      (b[l] ?? [])
        .map((it) => JSON.stringify((JAARVERSLAG_KOLOMMEN[l] as readonly string[]).map((k) => (it as Record<string, unknown>)[k] ?? null)))
        .sort(),
    ]),
  );
}

describe('reading the lists for the jaarverslag', () => {
  let store: SqliteListStore;
  beforeAll(async () => {
    store = new SqliteListStore(':memory:');
    await vul(store, 1200);
  });
  afterAll(() => store.close());

  test.each([
    [2020, 1],
    [2024, 5],
    [2026, 3],
  ])('the SQLite fast path reads the same items as the ListStore port (jaar %i, years %i)', async (jaar, years) => {
    const snel = await leesJaarverslagBronnen(store, { jaar, years });
    const poort = await leesViaPoort(store, { jaar, years });
    expect(genormaliseerd(snel)).toEqual(genormaliseerd(poort));
    expect(buildJaarverslag(snel, { jaar, organisatie: 'X', years })).toEqual(buildJaarverslag(poort, { jaar, organisatie: 'X', years }));
    expect(snel.Gesprekken.length).toBeGreaterThan(0);
  });

  test('a store that is not the embedded SqliteListStore is read through the port, with progress', async () => {
    // A wrapper (as a Graph store would be) exposes only the ListStore methods.
    const wrapped: ListStore = {
      add: (l, i) => store.add(l, i),
      addMany: (l, i, p) => store.addMany(l, i, p),
      update: (l, k, p) => store.update(l, k, p),
      get: (l, k) => store.get(l, k),
      query: jest.fn((l, q) => store.query(l, q)) as ListStore['query'],
      increment: (l, i, c, b) => store.increment(l, i, c, b),
      atomically: (fn) => store.atomically(fn),
      addWithSequence: (l, s, b) => store.addWithSequence(l, s, b),
      writeStatus: (l, k) => store.writeStatus(l, k),
      close: async () => undefined,
    };
    const voortgang: string[] = [];
    const b = await leesJaarverslagBronnen(wrapped, { jaar: 2024, years: 2 }, (l, n) => voortgang.push(`${l}:${n}`));
    expect(wrapped.query).toHaveBeenCalled();
    expect(genormaliseerd(b)).toEqual(genormaliseerd(await leesJaarverslagBronnen(store, { jaar: 2024, years: 2 })));
    expect(voortgang.some((v) => v.startsWith('Gesprekken:'))).toBe(true);
  });
});

describePostgres('reading the lists for the jaarverslag from PostgreSQL', () => {
  let schema: string;
  let store: PgListStore;
  beforeAll(async () => {
    schema = await freshSchema();
    store = new PgListStore(schemaPool(schema, 3));
    await migratePostgres(store.pool);
    await vul(store, 1200);
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
  });

  test.each([
    [2020, 1],
    [2024, 5],
  ])('the PostgreSQL fast path (grouped, with weights) gives the report of the port (jaar %i, years %i)', async (jaar, years) => {
    const voortgang: string[] = [];
    const snel = await leesJaarverslagBronnen(store, { jaar, years }, (l, n) => voortgang.push(`${l}:${n}`));
    const poort = await leesViaPoort(store, { jaar, years });
    expect(buildJaarverslag(snel, { jaar, organisatie: 'X', years })).toEqual(buildJaarverslag(poort, { jaar, organisatie: 'X', years }));
    // Fewer rows than items, and the weights add up to the items (progress counts items).
    const gewicht = (items: readonly { gewicht?: number }[]) => items.reduce((n, it) => n + (it.gewicht ?? 1), 0);
    expect(snel.Gesprekken.length).toBeLessThan(poort.Gesprekken.length);
    expect(gewicht(snel.Gesprekken)).toBe(poort.Gesprekken.length);
    expect(voortgang).toContain(`Gesprekken:${poort.Gesprekken.length}`);
    expect(voortgang).toContain(`Meldingen:${poort.Meldingen.length}`);
  });
});
