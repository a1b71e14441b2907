/**
 * Fault test of the Graph adapter (issue 7, "Done when"): 10,000 items written while 30 % of HTTP
 * requests fail (429 with Retry-After, 503, timeouts where the server did the work but the answer came too
 * late) and 10 % of the sub-requests of batches that got through are throttled (429/503), with one process crash in
 * the middle. Afterwards SharePoint (the fake) holds exactly the 10,000 items — none duplicated, none
 * missing — and the outbox is empty.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { abortableSleep, type RetryPolicy } from '@shared/graph/retry';
import type { ListItemInput } from '@shared/lists/schemas';
import { GraphFake } from '../support/graph-fake';
import { fakeStore, provisionFake, proefGesprek } from '../support/graph-store';

const fake = new GraphFake();
beforeAll(() => fake.listen());
afterAll(() => fake.close());

const N = Number(process.env.GRAPH_FAULT_N ?? 10_000);
const gesprek = (n: number): ListItemInput<'Gesprekken'> => proefGesprek(`G-${String(n).padStart(5, '0')}`, n);

test('10,000 items with 30 % failing requests and a crash in the middle: exactly 10,000 in the list, outbox empty', async () => {
  await provisionFake(fake);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-graph-fault-'));
  const db = path.join(dir, 'integriteitsplein.db');
  const slept: number[] = [];
  // Real waits would make this test take minutes; record what the policy asked for and wait 1 ms.
  const policy: Partial<RetryPolicy> = {
    timeoutMs: 60,
    maxAttempts: 4,
    sleep: (ms, signal) => {
      slept.push(ms);
      return abortableSleep(1, signal);
    },
  };
  fake.setFaults({ rate: 0.3, subRate: 0.1, kinds: ['throttle', 'unavailable', 'timeout'], retryAfterSeconds: 2, hangMs: 120, seed: 7 });
  fake.resetStats();

  const first = fakeStore({ db, policy, leaseMs: 300, concurrency: 6 });
  const items = Array.from({ length: N }, (_, i) => gesprek(i + 1));
  const writing = first.addMany('Gesprekken', items);
  // Crash once roughly a third has landed.
  const landed = () => fake.list('Gesprekken')!.items.size;
  while (landed() < N / 3) await new Promise((r) => setTimeout(r, 20));
  await first.simulateCrash();
  await expect(writing).resolves.toEqual({ created: N, existing: 0 });
  const atCrash = landed();
  expect(atCrash).toBeLessThan(N);

  // "Restart": a new store on the same outbox file resumes where the first stopped.
  const second = fakeStore({ db, policy, leaseMs: 300, concurrency: 6 });
  const summary = await second.drain();
  expect(summary.failed).toEqual([]);
  expect(second.outbox.counts()).toEqual({ pending: 0, failed: 0 });

  const stored = fake.itemsOf('Gesprekken');
  const ids = stored.map((f) => f.gesprekId as string);
  expect(stored).toHaveLength(N);
  expect(new Set(ids).size).toBe(N);
  expect([...ids].sort()).toEqual(items.map((i) => i.gesprekId).sort());

  // Faults really happened, and Retry-After (2 s) was honoured rather than the shorter backoff.
  expect(fake.stats.faults).toBeGreaterThan(100);
  expect(slept).toContain(2000);

  // Values arrive typed and on the right day (not shifted by the site's time zone).
  fake.setFaults(undefined);
  expect(await second.get('Gesprekken', 'G-00042')).toEqual({ ...gesprek(42), verwijderdOp: null });
  await second.close();
  fs.rmSync(dir, { recursive: true, force: true });
}, 300_000);
