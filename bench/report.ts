/**
 * bench/report — not a test. 100,000 list items over 5 years (2020–2024) in a SQLite file; then, in one
 * child process per measurement (so peak memory is the measurement's own):
 *   report:   the real path of `npm run report -- --format json --years 5` — leesJaarverslagBronnen (for the
 *             embedded SqliteListStore one projected SELECT per list), buildJaarverslag, JSON.stringify;
 *   port:     the same through the paged ListStore port (what a Graph store gets), for comparison;
 *   baseline: raw SQL GROUP BY over the same file computing the same counts for the same five years.
 * Prints time, peak RSS, the ratio report/baseline (target ≤ 3× and report < 2 s) and whether both give the
 * same counts.
 *
 * Run: npm run bench -- report   (or: npx tsx bench/report.ts; BENCH_N=20000 for a smaller run)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildJaarverslag, leesJaarverslagBronnen, leesViaPoort, type JaarCijfers } from '@shared/report';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import { JAAR, sqliteBaseline, telBaseline, verschillen, vulRapportLijsten, type BaselineNaam, type BaselineRij } from './rapport-data';

const N = Number(process.env.BENCH_N ?? 100_000);
const YEARS = 5;

/** Fill the SQLite file `file` (see vulRapportLijsten). */
async function vul(file: string): Promise<Record<string, number>> {
  const store = new SqliteListStore(file);
  try {
    return await vulRapportLijsten(store, N, YEARS);
  } finally {
    await store.close();
  }
}

/** The measured path: the report through the ListStore port, as the CLI runs it. */
async function meetRapport(file: string, viaPoort = false): Promise<{ ms: number; cijfers: Record<string, JaarCijfers> }> {
  const t0 = performance.now();
  const store = new SqliteListStore(file);
  const bronnen = await (viaPoort ? leesViaPoort : leesJaarverslagBronnen)(store, { jaar: JAAR, years: YEARS });
  const verslag = buildJaarverslag(bronnen, { jaar: JAAR, organisatie: 'Bench', years: YEARS });
  const json = JSON.stringify(verslag, null, 2);
  await store.close();
  const ms = performance.now() - t0;
  const parsed = JSON.parse(json);
  const cijfers: Record<string, JaarCijfers> = { ...parsed.vorigeJaren };
  const { organisatie: _o, zaken: _z, vorigeJaren: _v, ...eigen } = parsed;
  cijfers[String(JAAR)] = eigen;
  return { ms, cijfers };
}

/** The baseline: raw SQL GROUP BY over the same tables, the same counts for the same years. */
function meetSql(file: string): { ms: number; cijfers: Record<string, JaarCijfers> } {
  const t0 = performance.now();
  const db = new Database(file, { readonly: true });
  const queries = sqliteBaseline(YEARS);
  const rijen = Object.fromEntries(
    Object.entries(queries).map(([naam, q]) => [naam, db.prepare(q.sql).all(...q.params) as BaselineRij[]]),
  ) as Record<BaselineNaam, BaselineRij[]>;
  const cijfers = telBaseline(rijen, YEARS);
  db.close();
  return { ms: performance.now() - t0, cijfers };
}

/** Child mode: run one measurement `RUNS` times (best time), print JSON with time, peak RSS and counts. */
async function kind(mode: string, file: string): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  let best = Infinity;
  let cijfers: Record<string, JaarCijfers> = {};
  for (let i = 0; i < runs; i++) {
    const r = mode === 'sql' ? meetSql(file) : await meetRapport(file, mode === 'port');
    best = Math.min(best, r.ms);
    cijfers = r.cijfers;
  }
  process.stdout.write(
    JSON.stringify({
      ms: best,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      heapMb: process.memoryUsage().heapUsed / 1048576,
      cijfers,
    }),
  );
}

async function main(): Promise<void> {
  const [, , mode, file] = process.argv;
  if (mode === '--child') return kind(file, process.argv[4]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-bench-report-'));
  const db = path.join(dir, 'lijsten.db');
  try {
    const v0 = performance.now();
    const aantallen = await vul(db);
    const totaal = Object.values(aantallen).reduce((a, b) => a + b, 0);
    const vulMs = performance.now() - v0;
    const tsx = path.resolve(__dirname, '../node_modules/.bin/tsx');
    const meet = (mode: string) =>
      JSON.parse(execFileSync(tsx, [__filename, '--child', mode, db], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    const sql = meet('sql');
    const rapport = meet('report');
    const poort = meet('port');
    const gelijk =
      JSON.stringify(sql.cijfers) === JSON.stringify(rapport.cijfers) && JSON.stringify(poort.cijfers) === JSON.stringify(rapport.cijfers);
    const fmt = (n: number) => Math.round(n).toLocaleString('nl-NL');
    const ratio = rapport.ms / sql.ms;
    console.log(
      `bench/report: ${fmt(totaal)} items over ${Object.keys(aantallen).length} lists and ${YEARS} years (${JAAR - YEARS + 1}–${JAAR}); filled in ${fmt(vulMs)} ms`,
    );
    console.log(
      `  ${Object.entries(aantallen)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ')}`,
    );
    console.log(
      `  report   JSON ${JAAR} with vorigeJaren (store → buildJaarverslag → JSON)       ${fmt(rapport.ms)} ms  peak RSS ${fmt(rapport.maxRssMb)} MB`,
    );
    console.log(
      `  baseline raw SQL GROUP BY, same counts, same years                          ${fmt(sql.ms)} ms  peak RSS ${fmt(sql.maxRssMb)} MB`,
    );
    console.log(
      `  (for comparison: the same report read through the paged ListStore port, as for Graph: ${fmt(poort.ms)} ms, ${(poort.ms / sql.ms).toFixed(2)}×)`,
    );
    console.log(
      `  ratio report/baseline ${ratio.toFixed(2)}×  (target ≤ 3× and < 2 s: ${ratio <= 3 && rapport.ms < 2000 ? 'met' : 'NOT met'})`,
    );
    console.log(`  same counts in both: ${gelijk ? 'yes' : 'NO'}`);
    if (!gelijk) {
      for (const d of verschillen(sql.cijfers, rapport.cijfers).slice(0, 10)) console.log(`    differs: ${d}`);
      process.exitCode = 1;
    }
  } finally {
    if (process.env.BENCH_KEEP) fs.copyFileSync(db, process.env.BENCH_KEEP);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
