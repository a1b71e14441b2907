/**
 * The SQLite outbox of the Graph adapter: durable rows, idempotent enqueue of inserts, leases that keep
 * writes to one key in order across workers, uncertain rows after a lapsed lease, failed rows kept.
 */
import { LokaleStaat } from '@shared/store/lokaal';
import { GraphOutbox } from '@shared/store/graph/outbox';

function setup() {
  let now = 1_000_000;
  const db = LokaleStaat.open(':memory:').db;
  const clock = () => now;
  return { a: new GraphOutbox(db, clock), b: new GraphOutbox(db, clock), advance: (ms: number) => (now += ms) };
}
const row = (key: string, mode: 'insert' | 'upsert' = 'insert', n = 1) => ({
  list: 'DilemmaStemmen',
  key,
  mode,
  fields: { stemId: key, dilemmaId: 'd', week: '2026-W48', optie: n },
});

test('an insert for a key that already waits is not queued twice; upserts are', () => {
  const { a } = setup();
  expect(a.enqueue([row('s1'), row('s1'), row('s2')])).toBe(2);
  expect(a.enqueue([row('s1', 'upsert', 2), row('s1', 'upsert', 3)])).toBe(2);
  expect(a.counts()).toEqual({ pending: 4, failed: 0 });
  expect(a.latestPending('DilemmaStemmen', 's1')!.fields.optie).toBe(3);
});

test('claims group rows per key; a key leased by one worker is not sent by another until the lease lapses', () => {
  const { a, b, advance } = setup();
  a.enqueue([row('s1'), row('s2')]);
  const first = a.claim('A', 1, 1000); // only s1's row
  expect(first.map((g) => g.map((e) => e.key))).toEqual([['s1']]);
  a.enqueue([row('s1', 'upsert', 5)]);
  // B may take s2 but not the later s1 row, while A still holds s1's first row.
  expect(b.claim('B', 10, 5000).map((g) => g.map((e) => `${e.key}:${e.mode}`))).toEqual([['s2:insert']]);
  advance(1001); // A crashed: its lease lapsed
  const again = b.claim('B', 10, 1000);
  expect(again.map((g) => g.map((e) => `${e.key}:${e.mode}`))).toEqual([['s1:insert', 's1:upsert']]);
  expect(again[0][0].uncertain).toBe(true); // may or may not have reached Graph
  expect(again[0][1].uncertain).toBe(false); // never claimed before
});

test('done deletes; retryLater releases and counts; fail keeps the row with its reason', () => {
  const { a } = setup();
  a.enqueue([row('s1'), row('s2'), row('s3')]);
  const [g1, g2, g3] = a.claim('A', 10, 1000);
  a.done(g1.map((e) => e.seq));
  a.retryLater(
    g2.map((e) => e.seq),
    503,
    'serviceNotAvailable',
    false,
  );
  a.fail(
    g3.map((e) => e.seq),
    403,
    'accessDenied: Access denied',
  );
  expect(a.counts()).toEqual({ pending: 1, failed: 1 });
  const [retry] = a.claim('A', 10, 1000);
  expect(retry[0]).toMatchObject({ key: 's2', attempts: 1, lastStatus: 503 });
  expect(a.failed()).toEqual([
    expect.objectContaining({ key: 's3', state: 'failed', lastStatus: 403, lastError: 'accessDenied: Access denied' }),
  ]);
  expect(a.requeueFailed()).toBe(1);
  expect(a.counts()).toEqual({ pending: 2, failed: 0 }); // s2 (claimed again above) and s3
});

test('a later write of a key that Graph accepts supersedes an earlier refusal of that key (status: written)', () => {
  const { a } = setup();
  a.enqueue([row('s1'), row('s2')]);
  const groepen = a.claim('A', 10, 1000);
  for (const g of groepen)
    a.fail(
      g.map((e) => e.seq),
      400,
      'invalidRequest',
    );
  expect(a.statusOf('DilemmaStemmen', 's1')).toEqual({ state: 'failed', status: 400, reason: 'invalidRequest' });
  a.enqueue([row('s1', 'upsert', 2)]);
  expect(a.statusOf('DilemmaStemmen', 's1')).toEqual({ state: 'pending' });
  const [later] = a.claim('A', 10, 1000);
  expect(later.map((e) => `${e.key}:${e.mode}`)).toEqual(['s1:upsert']);
  a.done(later.map((e) => e.seq));
  expect(a.statusOf('DilemmaStemmen', 's1')).toBeUndefined(); // written
  // s2's refusal was not superseded and stays with its reason
  expect(a.failed().map((e) => [e.key, e.lastStatus])).toEqual([['s2', 400]]);
});

test('a clean shutdown releases leases and marks the rows uncertain', () => {
  const { a, b } = setup();
  a.enqueue([row('s1')]);
  a.claim('A', 10, 60_000);
  expect(b.claim('B', 10, 60_000)).toEqual([]);
  a.release('A');
  const [g] = b.claim('B', 10, 60_000);
  expect(g[0]).toMatchObject({ key: 's1', uncertain: true });
});
