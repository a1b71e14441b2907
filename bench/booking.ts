/**
 * bench/booking — not a test. 1,000 simultaneous booking requests for 50 sessions of 20 places (1,000
 * places, but requests pick sessions at random, so popular sessions overflow into their waitlists), against
 * ONE SQLite file (WAL), in three set-ups:
 *   1. in-process: 1,000 `AmbtseedBoeking.boek` calls started at once (Promise.all) on one SqliteListStore
 *      (each call is one BEGIN IMMEDIATE transaction);
 *   2. 4 worker threads × 250 requests, each thread with its own connection (as bot and tab processes),
 *      released at the same moment: writers contend on SQLite's lock (busy_timeout);
 *   3. the generic path for non-SQLite stores (per-store lock, async ListStore calls).
 * Baseline in the same run: 1,000 plain `store.add` of the same rows without any capacity check.
 * Checks: no session above its capacity, every request answered (place or waitlist), ids unique, and the
 * waitlist exactly the overflow. Prints p50/p99 latency (from the common start), throughput, and ratios.
 *
 * Run: npm run bench -- booking   (or: npx tsx bench/booking.ts); BENCH_REQUESTS, BENCH_THREADS override.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { AmbtseedBoeking } from '@shared/store/ambtseed-booking';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import { atomicallyMetSlot, queryAll, type ListStore } from '@shared/store/list-store';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const SESSIONS = 50;
const PLACES = 20;
const THREADS = Number(process.env.BENCH_THREADS ?? 4);
const NOW = new Date('2026-11-02T09:00:00Z');
const nowMs = () => performance.timeOrigin + performance.now();

/** Deterministic pseudo-random session choice per request (mulberry32). */
function keuzes(n: number, seed = 42): string[] {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, () => `S-${String(Math.floor(rnd() * SESSIONS)).padStart(2, '0')}`);
}

const aanvraag = (sessieId: string, i: number) => ({
  sessieId,
  medewerker: `mw-${String(i).padStart(5, '0')}`,
  dienstverband: 'arbeidsovereenkomst' as const,
  indienstOp: '2026-11-01',
  vorm: 'eed' as const,
});

async function nieuweDb(): Promise<{ file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-booking-'));
  const file = path.join(dir, 'bench.db');
  const store = new SqliteListStore(file);
  await store.addMany(
    'AmbtseedSessies',
    Array.from({ length: SESSIONS }, (_, s) => ({
      sessieId: `S-${String(s).padStart(2, '0')}`,
      start: new Date(Date.parse('2026-12-01T09:00:00Z') + s * 86400_000).toISOString(),
      eind: new Date(Date.parse('2026-12-01T10:00:00Z') + s * 86400_000).toISOString(),
      soort: 'ambtseed' as const,
      locatie: 'Statenzaal',
      online: false,
      afnemer: 'de provinciesecretaris',
      capaciteit: PLACES,
    })),
  );
  await store.close();
  return { file, dir };
}

/** Check the outcome in the database against the requests. @throws when capacity or counts are wrong. */
async function controleer(file: string, gekozen: string[]): Promise<{ ingeschreven: number; wachtlijst: number }> {
  const store = new SqliteListStore(file);
  const rows = await queryAll(store, 'AmbtseedInschrijvingen');
  await store.close();
  const vraag = new Map<string, number>();
  for (const s of gekozen) vraag.set(s, (vraag.get(s) ?? 0) + 1);
  let ingeschreven = 0;
  let wachtlijst = 0;
  for (const [s, n] of vraag) {
    const inS = rows.filter((r) => r.sessieId === s);
    const plaats = inS.filter((r) => r.status === 'ingeschreven').length;
    const wacht = inS.filter((r) => r.status === 'wachtlijst').length;
    if (plaats > PLACES) throw new Error(`OVERBOEKT: ${s} heeft ${plaats} > ${PLACES}`);
    if (plaats !== Math.min(n, PLACES) || wacht !== Math.max(0, n - PLACES))
      throw new Error(`Onjuiste verdeling in ${s}: ${plaats} plaatsen, ${wacht} wachtend bij ${n} aanvragen`);
    ingeschreven += plaats;
    wachtlijst += wacht;
  }
  if (rows.length !== gekozen.length || new Set(rows.map((r) => r.inschrijvingId)).size !== rows.length)
    throw new Error('Niet elke aanvraag precies één inschrijving');
  return { ingeschreven, wachtlijst };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

interface Meting {
  naam: string;
  ms: number;
  latenties: number[];
}

async function inProces(store: ListStore, gekozen: string[], naam: string): Promise<Meting> {
  const boeking = new AmbtseedBoeking(store);
  const t0 = nowMs();
  const latenties = await Promise.all(gekozen.map((s, i) => boeking.boek(aanvraag(s, i), NOW).then(() => nowMs() - t0)));
  return { naam, ms: nowMs() - t0, latenties };
}

async function threads(file: string, gekozen: string[]): Promise<Meting> {
  const start = new SharedArrayBuffer(8);
  const per = Math.ceil(gekozen.length / THREADS);
  const workers = Array.from({ length: THREADS }, (_, w) => {
    const taken = gekozen.map((s, i) => ({ s, i })).slice(w * per, (w + 1) * per);
    return new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { eval: true, workerData: { file, taken, start } });
  });
  // Each thread reports 'klaar' once its connection is open (tsx compiles the module per thread: seconds),
  // then all are released at the same moment through the shared flag.
  const gereed = workers.map(
    (w) =>
      new Promise<void>((res, rej) => {
        w.once('message', () => res());
        w.once('error', rej);
      }),
  );
  await Promise.all(gereed);
  const klaar = workers.map(
    (w) =>
      new Promise<number[]>((res, rej) => {
        w.once('message', res);
        w.once('error', rej);
      }),
  );
  const t0 = nowMs();
  const startFlag = new Int32Array(start);
  Atomics.store(startFlag, 1, 1);
  Atomics.notify(startFlag, 1);
  const latenties = (await Promise.all(klaar)).flat();
  const ms = nowMs() - t0;
  await Promise.all(workers.map((w) => w.terminate()));
  return { naam: `${THREADS} threads, eigen verbinding`, ms, latenties };
}

async function worker(): Promise<void> {
  const { file, taken, start } = workerData as { file: string; taken: { s: string; i: number }[]; start: SharedArrayBuffer };
  const store = new SqliteListStore(file);
  const boeking = new AmbtseedBoeking(store);
  const flag = new Int32Array(start);
  parentPort!.postMessage('klaar');
  Atomics.wait(flag, 1, 0);
  const t0 = performance.timeOrigin + performance.now();
  const latenties: number[] = [];
  for (const { s, i } of taken) {
    await boeking.boek(aanvraag(s, i), NOW);
    latenties.push(nowMs() - t0);
  }
  await store.close();
  parentPort!.postMessage(latenties);
}

async function main(): Promise<void> {
  const gekozen = keuzes(REQUESTS);
  const resultaten: (Meting & { ingeschreven: number; wachtlijst: number })[] = [];

  // Baseline: the same number of plain inserts, no capacity logic.
  const base = await nieuweDb();
  {
    const store = new SqliteListStore(base.file);
    const t0 = nowMs();
    const latenties = await Promise.all(
      gekozen.map((s, i) =>
        store
          .add('AmbtseedInschrijvingen', {
            inschrijvingId: `${s}#b${i}`,
            sessieId: s,
            medewerker: `mw-${i}`,
            dienstverband: 'arbeidsovereenkomst',
            indienstOp: '2026-11-01',
            status: 'ingeschreven',
          })
          .then(() => nowMs() - t0),
      ),
    );
    resultaten.push({
      naam: 'baseline: store.add zonder capaciteitscontrole',
      ms: nowMs() - t0,
      latenties,
      ingeschreven: REQUESTS,
      wachtlijst: 0,
    });
    await store.close();
  }

  for (const variant of ['sqlite', 'threads', 'slot'] as const) {
    const db = await nieuweDb();
    let m: Meting;
    if (variant === 'sqlite') {
      const store = new SqliteListStore(db.file);
      m = await inProces(store, gekozen, 'in-proces, SQLite-transactie');
      await store.close();
    } else if (variant === 'threads') {
      m = await threads(db.file, gekozen);
    } else {
      const inner = new SqliteListStore(db.file);
      // Same store behind a plain object whose `atomically` is the generic lock (as a store without transactions).
      const basis = {
        add: inner.add.bind(inner),
        addMany: inner.addMany.bind(inner),
        update: inner.update.bind(inner),
        get: inner.get.bind(inner),
        query: inner.query.bind(inner),
        increment: inner.increment.bind(inner),
        addWithSequence: inner.addWithSequence.bind(inner),
        writeStatus: inner.writeStatus.bind(inner),
        close: inner.close.bind(inner),
      };
      const generiek: ListStore = { ...basis, atomically: atomicallyMetSlot(basis) };
      m = await inProces(generiek, gekozen, 'generiek pad (slot), voor niet-SQLite stores');
      await inner.close();
    }
    const c = await controleer(db.file, gekozen);
    resultaten.push({ ...m, ...c });
    fs.rmSync(db.dir, { recursive: true, force: true });
  }
  fs.rmSync(base.dir, { recursive: true, force: true });

  const b = resultaten[0];
  console.log(
    `bench/booking: ${REQUESTS} gelijktijdige aanvragen, ${SESSIONS} bijeenkomsten × ${PLACES} plaatsen (Node ${process.version})`,
  );
  console.log(
    'variant'.padEnd(48),
    'totaal ms'.padStart(10),
    'boekingen/s'.padStart(12),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'plaats'.padStart(7),
    'wacht'.padStart(6),
    'x baseline'.padStart(11),
  );
  for (const r of resultaten) {
    console.log(
      r.naam.padEnd(48),
      r.ms.toFixed(1).padStart(10),
      Math.round((REQUESTS / r.ms) * 1000)
        .toString()
        .padStart(12),
      pct(r.latenties, 50).toFixed(1).padStart(8),
      pct(r.latenties, 99).toFixed(1).padStart(8),
      String(r.ingeschreven).padStart(7),
      String(r.wachtlijst).padStart(6),
      (r.ms / b.ms).toFixed(2).padStart(11),
    );
  }
  console.log('Latentie = tijd vanaf de gezamenlijke start tot het antwoord. In één proces draaien de transacties na elkaar');
  console.log('(better-sqlite3 is synchroon), dus elke aanvraag wacht op de eerdere: p50 ≈ p99 ≈ totaal; per boeking kost het');
  console.log(
    `${(resultaten[1].ms / REQUESTS).toFixed(2)} ms (in-proces). Met threads wachten schrijvers op SQLite's slot (busy_timeout).`,
  );
  console.log('Overboeking: geen (elke bijeenkomst ≤ capaciteit; plaatsen = min(vraag, 20), wachtlijst = de rest).');
}

if (isMainThread) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  worker().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
