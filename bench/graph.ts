/**
 * bench/graph — not a test. The Graph adapter against the HTTP-level Graph fake (msw, in-process):
 * 1. write n = 10,000 Gesprekken through GraphListStore.addMany (outbox → $batch of 20): HTTP requests
 *    (target ⌈n/20⌉ plus a few reads for list ids and the key index) and items/s;
 * 2. the same with 30 % of HTTP requests failing (429 with Retry-After, 503, timeouts; waits shortened):
 *    requests = target plus retries;
 * 3. read 100,000 items with queryAll (pages of 5000 through @odata.nextLink): requests (target
 *    ⌈n/5000⌉) and items/s.
 * Baseline in the same run: bare GraphHttp calls ($batch POSTs of 20 pre-built bodies; GET paging) on the
 * same fake, so the ratio shows the adapter's own cost (validation, outbox, conversion).
 * 4. an import of BENCH_GRAPH_BUDGET_N = 1,500 items against the fake enforcing SharePoint's resource-unit
 *    budget (a write costs 2), scaled in time: 1,250 units per 6 s instead of per minute. Paced with
 *    shared/src/graph/budget.ts vs unpaced (only the retry policy): throttled answers (goal ≤ 5 %) and the drain rate
 *    as a share of the budget.
 *
 * Run: npm run bench -- graph   (BENCH_GRAPH_N, BENCH_GRAPH_FAULT_N, BENCH_GRAPH_READ_N to change sizes)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getListDefinition } from '@shared/lists/definitions';
import type { ListItemInput } from '@shared/lists/schemas';
import { queryAll } from '@shared/store/list-store';
import { toGraphFields } from '@shared/store/graph/fields';
import { abortableSleep } from '@shared/graph/retry';
import { doseerGraph } from '@shared/graph/budget';
import { RollendBudget } from '@shared/tempo/rollend-budget';
import { FAKE_SITE_ID, GraphFake } from '../tests/support/graph-fake';
import { fakeHttp, fakeStore, provisionFake, proefGesprek } from '../tests/support/graph-store';

const N = Number(process.env.BENCH_GRAPH_N ?? 10_000);
const FAULT_N = Number(process.env.BENCH_GRAPH_FAULT_N ?? 2_000);
const READ_N = Number(process.env.BENCH_GRAPH_READ_N ?? 100_000);
const gesprek = (prefix: string, n: number): ListItemInput<'Gesprekken'> => proefGesprek(`${prefix}-${n}`, n);
const fmt = (n: number) => Math.round(n).toLocaleString('nl-NL');
const BUDGET_N = Number(process.env.BENCH_GRAPH_BUDGET_N ?? 1_500);
const fastSleep = { sleep: (_ms: number, s?: AbortSignal) => abortableSleep(1, s), timeoutMs: 100, maxAttempts: 4 };

async function main(): Promise<void> {
  const fake = new GraphFake();
  fake.listen();
  await provisionFake(fake);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-bench-graph-'));
  const def = getListDefinition('Gesprekken');
  const listId = fake.list('Gesprekken')!.id;

  // Baseline write: bare $batch POSTs of 20.
  const http = fakeHttp();
  fake.resetStats();
  let t0 = performance.now();
  const base = Array.from({ length: N }, (_, i) => gesprek('B', i));
  for (let i = 0; i < base.length; i += 20) {
    await http.batch(
      base.slice(i, i + 20).map((g, j) => ({
        id: String(j + 1),
        method: 'POST' as const,
        url: `/sites/${FAKE_SITE_ID}/lists/${listId}/items`,
        body: { fields: toGraphFields(def, g, 'create') },
      })),
    );
  }
  const baseWriteMs = performance.now() - t0;
  const baseWriteReq = fake.stats.requests;
  fake.list('Gesprekken')!.items.clear();

  // 1. Store write.
  const store = fakeStore({ db: path.join(dir, 'a.db'), writeWaitMs: 600_000 });
  fake.resetStats();
  t0 = performance.now();
  await store.addMany(
    'Gesprekken',
    Array.from({ length: N }, (_, i) => gesprek('G', i)),
  );
  const writeMs = performance.now() - t0;
  const writeReq = fake.stats.requests;
  const writeBatches = fake.stats.batches;
  if (fake.itemsOf('Gesprekken').length !== N) throw new Error('write incomplete');
  await store.close();
  fake.list('Gesprekken')!.items.clear();

  // 2. Store write with 30 % failing requests.
  fake.setFaults({ rate: 0.3, subRate: 0.1, retryAfterSeconds: 2, hangMs: 200, seed: 3 });
  const flaky = fakeStore({ db: path.join(dir, 'b.db'), policy: fastSleep, writeWaitMs: 600_000 });
  fake.resetStats();
  t0 = performance.now();
  await flaky.addMany(
    'Gesprekken',
    Array.from({ length: FAULT_N }, (_, i) => gesprek('F', i)),
  );
  await flaky.drain();
  const faultMs = performance.now() - t0;
  const faultReq = fake.stats.requests;
  const faults = fake.stats.faults;
  const faultCount = fake.itemsOf('Gesprekken').length;
  await flaky.close();
  fake.setFaults(undefined);
  fake.list('Gesprekken')!.items.clear();

  // 3. Read.
  fake.seedItems(
    'Gesprekken',
    Array.from({ length: READ_N }, (_, i) => toGraphFields(def, gesprek('R', i), 'create')),
  );
  fake.resetStats();
  t0 = performance.now();
  let next: string | undefined = `/sites/${FAKE_SITE_ID}/lists/${listId}/items?$expand=fields&$top=5000`;
  let baseRead = 0;
  while (next) {
    const page = (await http.get(next)) as { value: unknown[]; '@odata.nextLink'?: string };
    baseRead += page.value.length;
    next = page['@odata.nextLink'];
  }
  const baseReadMs = performance.now() - t0;
  const baseReadReq = fake.stats.requests;
  const reader = fakeStore({ db: path.join(dir, 'c.db') });
  fake.resetStats();
  t0 = performance.now();
  const all = await queryAll(reader, 'Gesprekken');
  const readMs = performance.now() - t0;
  const readReq = fake.stats.requests;
  await reader.close();
  fake.list('Gesprekken')!.items.clear();

  // 4. Import against the resource-unit budget, paced and unpaced.
  const budget = { units: 1250, windowMs: 6000 };
  const budgetRun = async (paced: boolean) => {
    fake.list('Gesprekken')!.items.clear();
    fake.setBudget(budget);
    const s = fakeStore({ db: path.join(dir, paced ? 'd.db' : 'e.db'), writeWaitMs: 600_000, policy: { maxAttempts: 20 } });
    if (paced) doseerGraph(s.http, new RollendBudget([{ eenheden: budget.units, perMs: budget.windowMs + 100 }]));
    fake.resetStats();
    const t = performance.now();
    await s.addMany(
      'Gesprekken',
      Array.from({ length: BUDGET_N }, (_, i) => gesprek(paced ? 'P' : 'U', i)),
    );
    await s.drain();
    const ms = performance.now() - t;
    const r = { ms, requests: fake.stats.requests, throttled: fake.stats.throttled, stored: fake.itemsOf('Gesprekken').length };
    await s.close();
    fake.setBudget(undefined);
    return r;
  };
  const paced = await budgetRun(true);
  const unpaced = await budgetRun(false);
  fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (all.length !== READ_N || baseRead !== READ_N) throw new Error('read incomplete');

  console.log(`bench/graph (Graph fake over msw, in-process)`);
  console.log(
    `  write ${fmt(N)} items   GraphListStore.addMany: ${fmt(writeReq)} HTTP requests (${writeBatches} $batch; target ⌈n/20⌉ = ${Math.ceil(N / 20)} + list ids + key index), ${fmt(writeMs)} ms, ${fmt((N / writeMs) * 1000)} items/s`,
  );
  console.log(
    `  write baseline          bare $batch POSTs:      ${fmt(baseWriteReq)} HTTP requests, ${fmt(baseWriteMs)} ms, ${fmt((N / baseWriteMs) * 1000)} items/s; ratio store/baseline ${(writeMs / baseWriteMs).toFixed(2)}×`,
  );
  console.log(
    `  write ${fmt(FAULT_N)} items, 30 % failing: ${fmt(faultReq)} HTTP requests (target ${Math.ceil(FAULT_N / 20)} + retries; ${fmt(faults)} injected faults), ${fmt(faultMs)} ms, ${faultCount} stored (exactly ${FAULT_N} expected)`,
  );
  console.log(
    `  read  ${fmt(READ_N)} items  queryAll:               ${fmt(readReq)} HTTP requests (target ⌈n/5000⌉ = ${Math.ceil(READ_N / 5000)} + list ids), ${fmt(readMs)} ms, ${fmt((READ_N / readMs) * 1000)} items/s`,
  );
  console.log(
    `  read  baseline          bare GET paging:        ${fmt(baseReadReq)} HTTP requests, ${fmt(baseReadMs)} ms, ${fmt((READ_N / baseReadMs) * 1000)} items/s; ratio store/baseline ${(readMs / baseReadMs).toFixed(2)}×`,
  );
  const budgetPerS = budget.units / (budget.windowMs / 1000);
  const row = (name: string, r: typeof paced) =>
    `  budget ${name}: ${fmt(BUDGET_N)} items (${fmt(BUDGET_N * 2)} write units), ${fmt(r.ms)} ms, ${fmt(r.requests)} HTTP requests, ${fmt(r.throttled)} throttled (${((100 * r.throttled) / r.requests).toFixed(1)} %, goal ≤ 5 %), ` +
    `after the first window's burst ${fmt((BUDGET_N * 2 - budget.units) / (r.ms / 1000))} write units/s = ${((100 * (BUDGET_N * 2 - budget.units)) / (r.ms / 1000) / budgetPerS).toFixed(0)} % of the budget (${fmt(budgetPerS)} units/s); ${r.stored} stored`;
  console.log(
    `  budget: fake enforces ${fmt(budget.units)} resource units per ${budget.windowMs / 1000} s (SharePoint's smallest per-minute budget, time scaled by 10)`,
  );
  console.log(row('paced  ', paced));
  console.log(row('unpaced', unpaced));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
