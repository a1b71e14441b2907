import { doseerGraph, graphBudgetUitEnv, resourceEenheden, batchEenheden } from '@shared/graph/budget';
import { RollendBudget } from '@shared/tempo/rollend-budget';
import { createGraphListStore } from '@shared/store/graph';
import { FAKE_BASE_URL, FAKE_SITE_ID, FAKE_TOKEN, GraphFake } from '../support/graph-fake';
import { fakeStore, provisionFake } from '../support/graph-store';

const fake = new GraphFake();
beforeAll(() => fake.listen());
afterAll(() => fake.close());

describe('SharePoint resource units', () => {
  test('costs: one item 1, a collection 2, a write 2, a $batch the sum of its sub-requests', () => {
    expect(resourceEenheden('GET', '/sites/s/lists/l/items/7?$expand=fields')).toBe(1);
    expect(resourceEenheden('GET', '/sites/s/lists/l/items?$expand=fields&$top=5000')).toBe(2);
    expect(resourceEenheden('PATCH', '/sites/s/lists/l/items/7/fields')).toBe(2);
    expect(
      batchEenheden({
        requests: [
          { method: 'POST', url: '/x/items' },
          { method: 'GET', url: '/x/items/1' },
        ],
      }),
    ).toBe(3);
  });

  test('GRAPH_RESOURCE_UNITS_PER_MINUTE: default 1,250 per minute, 0 switches pacing off, nonsense is refused', () => {
    expect(graphBudgetUitEnv({})!.vensters).toEqual([{ eenheden: 1250, perMs: 61_000 }]); // a second of margin (see shared/src/graph/budget.ts)
    expect(graphBudgetUitEnv({ GRAPH_RESOURCE_UNITS_PER_MINUTE: '6250' })!.vensters[0].eenheden).toBe(6250);
    expect(graphBudgetUitEnv({ GRAPH_RESOURCE_UNITS_PER_MINUTE: '0' })).toBeUndefined();
    expect(() => graphBudgetUitEnv({ GRAPH_RESOURCE_UNITS_PER_MINUTE: 'veel' })).toThrow(/geheel getal/);
  });

  test('STORE=graph from the environment is paced by GRAPH_RESOURCE_UNITS_PER_MINUTE (0 = not paced)', async () => {
    fake.reset();
    await provisionFake(fake);
    const env = (units: string) => ({
      GRAPH_ACCESS_TOKEN: FAKE_TOKEN,
      GRAPH_BASE_URL: FAKE_BASE_URL,
      SHAREPOINT_SITE_ID: FAKE_SITE_ID,
      INTEGRITEITSPLEIN_DB: ':memory:',
      GRAPH_RESOURCE_UNITS_PER_MINUTE: units,
    });
    // Reading one item costs the list ids (a collection: 2), the key index (2) and the lookup: more than 4 units, so
    // with a budget of 4 per minute it waits for the next minute; without pacing it answers at once.
    const langzaam = await createGraphListStore(env('4'));
    const snel = await createGraphListStore(env('0'));
    const binnen = (p: Promise<unknown>, ms: number) =>
      Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
    expect(await binnen(snel.get('Gesprekken', 'G-1'), 3000)).toBe(true);
    expect(await binnen(langzaam.get('Gesprekken', 'G-1'), 1500)).toBe(false);
    await snel.close();
    await langzaam.close();
  });

  test('an import against a fake that enforces the budget drains at the budget with at most 5 % throttled answers', async () => {
    fake.reset();
    await provisionFake(fake);
    fake.setBudget({ units: 500, windowMs: 2000 }); // 250 units/s: SharePoint's per-minute budget, scaled down in time
    const store = fakeStore({ writeWaitMs: 60_000 });
    // The margin covers the time between pacing and arrival on a loaded 2-core machine (production: 1 s per minute).
    const mw = doseerGraph(store.http, new RollendBudget([{ eenheden: 500, perMs: 2300 }]));
    fake.resetStats();
    const t0 = Date.now();
    const n = 500; // 1,000 write units in 25 $batch requests plus a few reads: ~2 s beyond the first full window
    await store.addMany(
      'Gesprekken',
      Array.from({ length: n }, (_, i) => ({
        gesprekId: `G-${i}`,
        datum: '2025-05-01',
        vertrouwenspersoon: 'intern' as const,
        onderwerp: 'integriteit' as const,
        isMelding: false,
        doorverwezen: 'geen' as const,
      })),
    );
    await store.drain();
    const ms = Date.now() - t0;
    expect(fake.itemsOf('Gesprekken')).toHaveLength(n);
    expect(fake.stats.throttled / fake.stats.requests).toBeLessThanOrEqual(0.05);
    // Drained at (not far below) the budget: the units spent took about units/rate seconds.
    const minMs = ((mw.budget.stats.eenheden - 500) / 500) * 2300;
    expect(ms).toBeGreaterThanOrEqual(minMs - 100);
    expect(ms).toBeLessThan(minMs + 4000);
    await store.close();
    fake.setBudget(undefined);
  });
});
