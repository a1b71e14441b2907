/**
 * The one Graph retry policy (shared/src/graph/retry.ts) and `$batch` retries of only the
 * failed sub-requests, against the HTTP-level Graph fake.
 */
import { GraphError } from '@microsoft/microsoft-graph-client';
import { GraphHttp } from '@shared/graph/http';
import { StaticTokenProvider } from '@shared/graph/auth';
import { abortableSleep, defaultRetryPolicy, isRetryable, parseRetryAfter, retryDelayMs } from '@shared/graph/retry';
import { FAKE_BASE_URL, FAKE_SITE_ID, FAKE_TOKEN, GraphFake } from '../support/graph-fake';
import { provisionFake } from '../support/graph-store';
import { LIST_NAMES } from '@shared/lists/definitions';

const fake = new GraphFake();
beforeAll(async () => {
  fake.listen();
  await provisionFake(fake);
});
afterAll(() => fake.close());
beforeEach(() => fake.resetStats());

function client(o: { signal?: AbortSignal; timeoutMs?: number; maxAttempts?: number } = {}) {
  const slept: number[] = [];
  const policy = defaultRetryPolicy({
    random: () => 0.5,
    timeoutMs: o.timeoutMs ?? 1000,
    maxAttempts: o.maxAttempts ?? 6,
    sleep: (ms, signal) => {
      slept.push(ms);
      return abortableSleep(1, signal);
    },
  });
  return { http: new GraphHttp(FAKE_BASE_URL, new StaticTokenProvider(FAKE_TOKEN), policy, o.signal), slept };
}
const site = `/sites/${FAKE_SITE_ID}`;

describe('retry policy (pure)', () => {
  test('Retry-After: delta-seconds and HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(parseRetryAfter('Sun, 29 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('nonsense')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  test('exponential backoff with jitter in [0.5, 1] of 500·2^(n-1), capped', () => {
    const p = defaultRetryPolicy({ random: () => 0 });
    expect([1, 2, 3, 4].map((n) => retryDelayMs(p, n))).toEqual([250, 500, 1000, 2000]);
    const hi = defaultRetryPolicy({ random: () => 1 });
    expect(retryDelayMs(hi, 1)).toBe(500);
    expect(retryDelayMs(hi, 20)).toBe(30_000);
    expect(retryDelayMs(p, 1, 7000)).toBe(7000); // Retry-After wins over backoff
    expect(retryDelayMs(p, 1, 10 * 60_000)).toBe(120_000); // but is capped
  });

  test('429 and 503 are retried for every method; 504 only for idempotent methods', () => {
    expect(isRetryable(429, 'POST')).toBe(true);
    expect(isRetryable(503, 'POST')).toBe(true);
    expect(isRetryable(504, 'GET')).toBe(true);
    expect(isRetryable(504, 'PATCH')).toBe(true);
    expect(isRetryable(504, 'POST')).toBe(false);
    expect(isRetryable(500, 'GET')).toBe(false);
    expect(isRetryable(400, 'GET')).toBe(false);
  });
});

describe('GraphRetryMiddleware on the fake', () => {
  test('429 with Retry-After: waits exactly that long, then succeeds', async () => {
    const { http, slept } = client();
    fake.failNext({ kind: 'throttle', retryAfter: '3' });
    const r = (await http.get(`${site}/lists`)) as { value: unknown[] };
    expect(r.value).toHaveLength(LIST_NAMES.length); // every provisioned list
    expect(slept).toEqual([3000]);
    expect(fake.stats.requests).toBe(2);
  });

  test('503 without Retry-After: exponential backoff (375 ms, 750 ms with jitter factor 0.75)', async () => {
    const { http, slept } = client();
    fake.failNext({ kind: 'unavailable' }, { kind: 'unavailable' });
    await http.get(`${site}/lists`);
    expect(slept).toEqual([375, 750]);
    expect(fake.stats.requests).toBe(3);
  });

  test('gives up after maxAttempts with the last status', async () => {
    const { http } = client({ maxAttempts: 3 });
    fake.failNext({ kind: 'throttle', retryAfter: '1' }, { kind: 'throttle', retryAfter: '1' }, { kind: 'throttle', retryAfter: '1' });
    const e = await http.get(`${site}/lists`).catch((x) => x);
    expect(e).toBeInstanceOf(GraphError);
    expect((e as GraphError).statusCode).toBe(429);
    expect(fake.stats.requests).toBe(3);
  });

  test('a GET that times out is sent again; a POST that times out is not (the server did the work)', async () => {
    const { http } = client({ timeoutMs: 50 });
    fake.failNext({ kind: 'timeout' });
    await expect(http.get(`${site}/lists`)).resolves.toBeDefined();
    expect(fake.stats.requests).toBe(2);

    const list = fake.list('DilemmaStemmen')!;
    const before = list.items.size;
    fake.failNext({ kind: 'timeout' });
    const e = await http
      .post(`${site}/lists/${list.id}/items`, { fields: { stemId: 's-timeout', dilemmaId: 'd1', week: '2026-W48', optie: 1 } })
      .catch((x) => x);
    expect((e as GraphError).code).toBe('GraphTimeout');
    expect(list.items.size).toBe(before + 1); // done once, not twice
  });

  test('504 on a POST is not retried; on a GET it is', async () => {
    const { http } = client();
    fake.failNext({ kind: 'gatewayTimeout' });
    await expect(http.get(`${site}/lists`)).resolves.toBeDefined();
    fake.failNext({ kind: 'gatewayTimeout' });
    const e = await http.post('/$batch', { requests: [] }).catch((x) => x);
    expect((e as GraphError).statusCode).toBe(504);
    expect(fake.stats.requests).toBe(3);
  });

  test('no retry after an abort by the caller', async () => {
    const ctrl = new AbortController();
    const slept: number[] = [];
    const policy = defaultRetryPolicy({
      sleep: (ms, signal) => {
        slept.push(ms);
        ctrl.abort(); // the caller gives up while we wait
        return abortableSleep(ms, signal);
      },
    });
    const http = new GraphHttp(FAKE_BASE_URL, new StaticTokenProvider(FAKE_TOKEN), policy, ctrl.signal);
    fake.failNext({ kind: 'throttle', retryAfter: '60' });
    const e = await http.get(`${site}/lists`).catch((x) => x);
    expect((e as Error).name === 'AbortError' || (e as GraphError).code === 'AbortError').toBe(true);
    expect(fake.stats.requests).toBe(1);
    expect(slept).toEqual([60_000]);
  });
});

describe('$batch', () => {
  test('25 sub-requests go as 20 + 5; only the throttled sub-requests are sent again', async () => {
    const { http, slept } = client();
    const list = fake.list('DilemmaStemmen')!;
    const reqs = Array.from({ length: 25 }, (_, i) => ({
      id: String(i + 1),
      method: 'POST' as const,
      url: `${site}/lists/${list.id}/items`,
      body: { fields: { stemId: `s-batch-${i + 1}`, dilemmaId: 'd1', week: '2026-W48', optie: i % 3 } },
    }));
    // Sub-requests 2 and 5 of the first batch are throttled, the 3rd answers 503.
    fake.failNextSub(
      { kind: 'ok' },
      { kind: 'throttle', retryAfter: '4' },
      { kind: 'unavailable' },
      { kind: 'ok' },
      { kind: 'throttle', retryAfter: '2' },
    );
    const res = await http.batch(reqs);
    expect([...res.values()].every((r) => r.status === 201)).toBe(true);
    expect(res.size).toBe(25);
    expect(fake.stats.batches).toBe(3); // 20, then the 3 failed ones, then 5
    expect(fake.stats.subRequests).toBe(25 + 3);
    expect(slept).toEqual([4000]); // the largest Retry-After of the failed sub-requests
    const stored = fake.itemsOf('DilemmaStemmen').filter((f) => String(f.stemId).startsWith('s-batch-'));
    expect(stored).toHaveLength(25);
  });

  test('the fake refuses more than 20 sub-requests, as Graph does', async () => {
    const { http } = client();
    const e = await http
      .post('/$batch', { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: `${site}/lists` })) })
      .catch((x) => x);
    expect((e as GraphError).statusCode).toBe(400);
  });
});
