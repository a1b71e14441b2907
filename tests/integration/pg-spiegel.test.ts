/**
 * The SharePoint mirror of STORE=postgres: every list write is queued in PostgreSQL's graph_outbox in the write's own
 * transaction and drained to SharePoint (the Graph fake) by any instance. Expected values follow from the writes the
 * tests make: each key exactly once in SharePoint, with the fields PostgreSQL holds.
 */
import type pg from 'pg';
import { StaticTokenProvider } from '@shared/graph/auth';
import { doseerGraph } from '@shared/graph/budget';
import { abortableSleep, type RetryPolicy } from '@shared/graph/retry';
import { RollendBudget } from '@shared/tempo/rollend-budget';
import type { ListItemInput } from '@shared/lists/schemas';
import { SharePointSpiegel } from '@shared/store/graph/sharepoint-spiegel';
import { createPostgresListStore } from '@shared/store/postgres';
import { migratePostgres } from '@shared/store/postgres/migrations';
import { PgGraphBudget } from '@shared/store/postgres/pg-budget';
import { PgListStore } from '@shared/store/postgres/pg-list-store';
import { FAKE_BASE_URL, FAKE_SITE_ID, FAKE_TOKEN, GraphFake } from '../support/graph-fake';
import { proefGesprek, provisionFake } from '../support/graph-store';
import { DATABASE_URL, describePostgres, dropSchema, freshSchema, schemaPool } from '../support/postgres';

const fake = new GraphFake();
beforeAll(() => fake.listen());
afterAll(() => fake.close());

/** Short waits: the policy's backoff is capped at `cap` ms (the rules are tested in the Graph tests). */
const snel = (cap = 20): Partial<RetryPolicy> => ({
  maxAttempts: 2,
  timeoutMs: 5000,
  sleep: (ms, signal) => abortableSleep(Math.min(ms, cap), signal),
});

/** Gesprek `n` (G-0001 …); its fields vary with n (tests/support/graph-store.ts). G-0007 is no melding. */
const gesprek = (n: number): ListItemInput<'Gesprekken'> => proefGesprek(`G-${String(n).padStart(4, '0')}`, n);

/** POST sub-requests that create list items, from the fake's log. */
const aanmaken = () => fake.log.filter((l) => /^POST \/sites\/[^ ]+\/lists\/[^/ ]+\/items( \(batch\))?$/.test(l)).length;

async function tot(cond: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const eind = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > eind) throw new Error('wachten duurde te lang');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describePostgres('SharePoint mirror of STORE=postgres', () => {
  let schema: string;
  let pools: pg.Pool[];
  let spiegels: SharePointSpiegel[];
  const pool = (max = 4) => {
    const p = schemaPool(schema, max);
    pools.push(p);
    return p;
  };
  const spiegel = (o: Partial<ConstructorParameters<typeof SharePointSpiegel>[0]> = {}) => {
    const s = new SharePointSpiegel({
      pool: pool(),
      baseUrl: FAKE_BASE_URL,
      siteId: FAKE_SITE_ID,
      auth: new StaticTokenProvider(FAKE_TOKEN),
      pollMs: 0,
      policy: snel(),
      ...o,
    });
    spiegels.push(s);
    return s;
  };
  const pending = async () => (await spiegels[0].outbox.counts()).pending;

  beforeEach(async () => {
    fake.reset();
    fake.setFaults(undefined);
    fake.setWriteOutage(undefined);
    await provisionFake(fake);
    fake.resetStats();
    schema = await freshSchema();
    pools = [];
    spiegels = [];
    await migratePostgres(pool(1));
  });
  afterEach(async () => {
    for (const s of spiegels) await s.close();
    for (const p of pools) await p.end().catch(() => undefined);
    await dropSchema(schema);
  });

  test('every kind of write arrives in SharePoint with the fields PostgreSQL holds; a rolled-back write queues nothing', async () => {
    const sp = spiegel();
    const store = new PgListStore(pool(), { mirror: sp.mirror, ownsPool: false });
    await store.add('Gesprekken', gesprek(1));
    await store.update('Gesprekken', 'G-0001', { doorverwezen: 'coach' });
    await store.addMany('Gesprekken', [gesprek(2), gesprek(3), gesprek(1)]);
    const gebruik = { week: '2026-W10', situatie: 'dilemma', aantal: 1 } as const;
    await store.increment('MeldwijzerGebruik', gebruik, 'aantal');
    await store.increment('MeldwijzerGebruik', gebruik, 'aantal');
    await store.atomically(async (tx) => {
      await tx.add('Gesprekken', gesprek(4));
      await tx.update('Gesprekken', 'G-0004', { onderwerp: 'discriminatie' });
    });
    await expect(
      store.atomically(async (tx) => {
        await tx.add('Gesprekken', gesprek(5));
        throw new Error('afgebroken');
      }),
    ).rejects.toThrow('afgebroken');

    await tot(async () => (await pending()) === 0 && fake.itemsOf('Gesprekken').length === 4);
    const sharepoint = new Map(fake.itemsOf('Gesprekken').map((f) => [f.gesprekId, f]));
    expect([...sharepoint.keys()].sort()).toEqual(['G-0001', 'G-0002', 'G-0003', 'G-0004']);
    expect(sharepoint.get('G-0001')!.doorverwezen).toBe('coach');
    expect(sharepoint.get('G-0004')!.onderwerp).toBe('discriminatie');
    expect(fake.itemsOf('MeldwijzerGebruik')).toEqual([expect.objectContaining({ week: '2026-W10', situatie: 'dilemma', aantal: 2 })]);
    expect(await store.get('Gesprekken', 'G-0005')).toBeUndefined();
    await store.close();
  });

  test('a Graph outage: answers do not wait, rows wait in PostgreSQL and drain once Graph is back', async () => {
    const sp = spiegel();
    const store = new PgListStore(pool(), { mirror: sp.mirror, ownsPool: false });
    fake.setWriteOutage({ status: 503 });
    await store.addMany(
      'Gesprekken',
      Array.from({ length: 30 }, (_, i) => gesprek(i + 1)),
    );
    await store.update('Gesprekken', 'G-0007', { isMelding: true });
    // The writes returned during the outage; PostgreSQL has them, SharePoint not yet.
    expect((await store.get('Gesprekken', 'G-0007'))?.isMelding).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(await pending()).toBe(31);
    expect(fake.itemsOf('Gesprekken')).toHaveLength(0);
    fake.setWriteOutage(undefined);
    await tot(async () => (await pending()) === 0);
    const items = fake.itemsOf('Gesprekken');
    expect(items).toHaveLength(30);
    expect(new Set(items.map((f) => f.gesprekId)).size).toBe(30);
    expect(items.find((f) => f.gesprekId === 'G-0007')!.isMelding).toBe(true);
    await store.close();
  });

  test('two instances draining the same outbox never send a row twice, and one key keeps its order', async () => {
    // Queue without draining (a mirror that only writes), then let two instances drain at once.
    const queue = spiegel();
    const store = new PgListStore(pool(), { mirror: { write: queue.mirror.write }, ownsPool: false });
    await store.addMany(
      'Gesprekken',
      Array.from({ length: 200 }, (_, i) => gesprek(i + 1)),
    );
    const gebruik = { week: '2026-W11', situatie: 'zakelijk', aantal: 1 } as const;
    for (let i = 0; i < 12; i++) await store.increment('MeldwijzerGebruik', gebruik, 'aantal');
    expect(await pending()).toBe(212);
    fake.resetStats();
    const a = spiegel({ concurrency: 1 });
    const b = spiegel({ concurrency: 1 });
    const [sa, sb] = await Promise.all([a.drain({ maxFruitlessRounds: 50 }), b.drain({ maxFruitlessRounds: 50 })]);
    expect(sa.failed).toEqual([]);
    expect(sb.failed).toEqual([]);
    expect(sa.written + sb.written).toBe(212);
    expect(sa.written).toBeGreaterThan(0);
    expect(sb.written).toBeGreaterThan(0);
    const ids = fake.itemsOf('Gesprekken').map((f) => f.gesprekId);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    // 200 gesprekken and one MeldwijzerGebruik item: each created exactly once.
    expect(aanmaken()).toBe(201);
    expect(fake.itemsOf('MeldwijzerGebruik')).toEqual([expect.objectContaining({ aantal: 12 })]);
    expect(await pending()).toBe(0);
    await store.close();
  });

  test("a killed drainer's lease is taken over; its send that reached SharePoint is looked up, not repeated", async () => {
    const queue = spiegel();
    const store = new PgListStore(pool(), { mirror: { write: queue.mirror.write }, ownsPool: false });
    await store.addMany(
      'Gesprekken',
      Array.from({ length: 5 }, (_, i) => gesprek(i + 1)),
    );
    const dood = spiegel({ leaseMs: 800, policy: { ...snel(), timeoutMs: 20_000 } });
    await dood.lists.index('Gesprekken'); // list id and key index loaded: the next request is the write
    // SharePoint does the write, then its answer hangs: the instance is killed before it hears back.
    fake.failNext({ kind: 'timeout' });
    const bezig = dood.drain();
    await tot(() => fake.itemsOf('Gesprekken').length === 5);
    await dood.simulateCrash();
    await bezig.catch(() => undefined);
    const leases = (await pools[0].query<{ n: number }>('SELECT count(*)::int AS n FROM graph_outbox WHERE lease_owner = $1', [dood.owner]))
      .rows[0].n;
    expect(leases).toBe(5);
    expect(aanmaken()).toBe(5);

    fake.resetStats();
    const opvolger = spiegel({ policy: snel(100) });
    const s = await opvolger.drain({ maxFruitlessRounds: 100 });
    expect(s.written).toBe(5);
    expect(await pending()).toBe(0);
    expect(aanmaken()).toBe(0);
    const ids = fake.itemsOf('Gesprekken').map((f) => f.gesprekId);
    expect(ids.sort()).toEqual(['G-0001', 'G-0002', 'G-0003', 'G-0004', 'G-0005']);
    await store.close();
  });

  test('an import drains at the Graph budget: SharePoint throttles at most 5 % of the requests', async () => {
    fake.setBudget({ units: 300, windowMs: 1500 }); // SharePoint's per-minute budget, scaled down in time
    const sp = spiegel();
    // The pacing window carries a margin for the time between pacing and arrival (production: 1 s per minute).
    doseerGraph(sp.http, new RollendBudget([{ eenheden: 300, perMs: 1800 }]));
    const store = new PgListStore(pool(), { mirror: sp.mirror, ownsPool: false });
    fake.resetStats();
    await store.addMany(
      'Gesprekken',
      Array.from({ length: 300 }, (_, i) => gesprek(i + 1)),
    );
    await tot(async () => (await pending()) === 0, 30_000);
    expect(fake.itemsOf('Gesprekken')).toHaveLength(300);
    expect(fake.stats.throttled / fake.stats.requests).toBeLessThanOrEqual(0.05);
    fake.setBudget(undefined);
    await store.close();
  }, 40_000);

  test('two instances share one Graph budget: together they stay within it (at most 5 % throttled)', async () => {
    fake.setBudget({ units: 300, windowMs: 1500 });
    const queue = spiegel();
    const store = new PgListStore(pool(), { mirror: { write: queue.mirror.write }, ownsPool: false });
    await store.addMany(
      'Gesprekken',
      Array.from({ length: 300 }, (_, i) => gesprek(i + 1)),
    );
    const instanties = [spiegel(), spiegel()];
    for (const s of instanties) doseerGraph(s.http, new PgGraphBudget(pool(2), { eenheden: 300, perMs: 1800 }));
    fake.resetStats();
    const t0 = Date.now();
    const [a, b] = await Promise.all(instanties.map((s) => s.drain({ maxFruitlessRounds: 200 })));
    const ms = Date.now() - t0;
    expect(a.written + b.written).toBe(300);
    expect(fake.itemsOf('Gesprekken')).toHaveLength(300);
    expect(fake.stats.throttled / fake.stats.requests).toBeLessThanOrEqual(0.05);
    // 600 write units and the reads at 300 units per 1.8 s: more than one full window after the first.
    expect(ms).toBeGreaterThan(1800);
    fake.setBudget(undefined);
    await store.close();
  }, 40_000);

  test('createPostgresListStore mirrors with GRAPH_* set, and queues nothing without them', async () => {
    const url = `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const graphEnv = {
      DATABASE_URL: url,
      GRAPH_ACCESS_TOKEN: FAKE_TOKEN,
      GRAPH_BASE_URL: FAKE_BASE_URL,
      SHAREPOINT_SITE_ID: FAKE_SITE_ID,
      GRAPH_MAX_ATTEMPTS: '2',
    };
    const met = await createPostgresListStore(graphEnv);
    await met.add('Gesprekken', gesprek(1));
    await tot(() => fake.itemsOf('Gesprekken').length === 1);
    await met.close();

    const zonder = await createPostgresListStore({ DATABASE_URL: url });
    await zonder.add('Gesprekken', gesprek(2));
    const rijen = (await zonder.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM graph_outbox')).rows[0].n;
    expect(rijen).toBe(0);
    await zonder.close();
    expect(fake.itemsOf('Gesprekken').map((f) => f.gesprekId)).toEqual(['G-0001']);
    await expect(createPostgresListStore({ DATABASE_URL: url, GRAPH_ACCESS_TOKEN: FAKE_TOKEN })).rejects.toThrow(
      /SHAREPOINT_SITE_ID ontbreekt/,
    );
  });
});
