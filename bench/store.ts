/**
 * bench/store — not a test. Inserts 100,000 items across four lists through SqliteListStore.addMany
 * (zod validation, key computation, conversion, one transaction per list) and, in the same run, the same
 * rows through a bare better-sqlite3 prepared-statement loop into an identical schema (the baseline).
 * Then imports the same rows as CSV through the import checks (parseCsvItems + addMany) and queries one year of
 * one list both ways. Prints items/s and ratios (target: insert ≤ 2× baseline).
 *
 * Run: npm run bench -- store   (or: npx tsx bench/store.ts)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getListDefinition, type ListName } from '@shared/lists/definitions';
import { itemKey } from '@shared/lists/schemas';
import { itemsToCsv, parseCsvItems } from '@shared/lists/import-file';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import { queryAll } from '@shared/store/list-store';
import { prng } from '@shared/cli/seed';

const N = Number(process.env.BENCH_N ?? 100_000);
const rnd = prng(7);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
const day = (y: number) =>
  `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;

function rows(): { list: ListName; items: Record<string, unknown>[] }[] {
  const share = { Gesprekken: 0.4, Meldingen: 0.2, AgressieIncidenten: 0.2, NieuweMedewerkers: 0.2 } as const;
  const out: { list: ListName; items: Record<string, unknown>[] }[] = [];
  for (const [list, f] of Object.entries(share) as [ListName, number][]) {
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < Math.round(N * f); i++) {
      const y = 2021 + (i % 5);
      if (list === 'Gesprekken')
        items.push({
          gesprekId: `G-${i}`,
          datum: day(y),
          vertrouwenspersoon: pick(['intern', 'extern']),
          onderwerp: pick(['integriteit', 'arbeidsconflict', 'onveiligheid']),
          isMelding: rnd() < 0.5,
          doorverwezen: 'geen',
        });
      if (list === 'Meldingen')
        items.push({
          meldingId: `M-${y}-${i}`,
          ontvangenOp: day(y),
          kanaal: 'teams',
          meldpunt: 'vertrouwenspersoon',
          soort: pick(['zakelijk', 'sociaal']),
          categorie: 'informatie',
          betrokkene: 'ambtenaar',
          anoniem: rnd() < 0.2,
          onderzoek: 'geen',
          uitkomst: 'gegrond',
          maatregelen: ['waarschuwing'],
          ontvangstbevestigdOp: null,
          terugkoppelingOp: null,
          afgeslotenOp: null,
          bewaarTot: null,
        });
      if (list === 'AgressieIncidenten') items.push({ incidentId: `A-${i}`, datum: day(y), soort: ['verbaal'], maatregelen: [] });
      if (list === 'NieuweMedewerkers')
        items.push({ medewerkerId: `mw-${i}`, indienstOp: day(y), dienstverband: 'arbeidsovereenkomst', workshopGevolgdOp: null });
    }
    out.push({ list, items });
  }
  return out;
}

/** The baseline: same table layout and indexes as SqliteListStore, bare prepared statements, rows pre-converted. */
function baseline(file: string, data: ReturnType<typeof rows>): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const t0 = performance.now();
  for (const { list, items } of data) {
    const def = getListDefinition(list);
    const cols = def.columns.map((c) => `"${c.name}"`);
    db.exec(`CREATE TABLE "list_${list}" (_key TEXT PRIMARY KEY NOT NULL, ${cols.map((c) => `${c} TEXT`).join(', ')})`);
    // The same indexes as SqliteListStore, so the ratio measures our validation and conversion, not indexing.
    for (const c of def.columns) if (c.indexed) db.exec(`CREATE INDEX "ix_${list}_${c.name}" ON "list_${list}" ("${c.name}")`);
    const ins = db.prepare(`INSERT OR IGNORE INTO "list_${list}" (_key, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`);
    const converted = items.map((it) => [
      itemKey(list, it),
      ...def.columns.map((c) => {
        const v = it[c.name];
        return v === null ? null : typeof v === 'boolean' ? (v ? 1 : 0) : Array.isArray(v) ? JSON.stringify(v) : v;
      }),
    ]);
    db.transaction(() => {
      for (const r of converted) ins.run(...r);
    })();
  }
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-bench-store-'));
  const data = rows();
  const total = data.reduce((s, d) => s + d.items.length, 0);
  const baseMs = baseline(path.join(dir, 'baseline.db'), data);
  const store = new SqliteListStore(path.join(dir, 'store.db'));
  const t0 = performance.now();
  for (const { list, items } of data) await store.addMany(list, items as never);
  const storeMs = performance.now() - t0;

  // The file path of `lists import`: CSV text (as `lists export` writes it) → parseCsvItems (every cell through
  // coerceCell: Dutch numbers, dates, wall times via shared/src/domain/tijd.ts, formula escapes; zod per row) → addMany.
  const csv = data.map(({ list, items }) => ({ list, text: itemsToCsv(list, items) }));
  const importStore = new SqliteListStore(path.join(dir, 'import.db'));
  const i0 = performance.now();
  for (const { list, text } of csv) {
    const parsed = parseCsvItems(list, text);
    if (!parsed.ok) throw new Error(`${list}: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
    await importStore.addMany(list, parsed.items as never);
  }
  const importMs = performance.now() - i0;
  await importStore.close();

  const q0 = performance.now();
  const year = await queryAll(store, 'Gesprekken', { range: { column: 'datum', from: '2024-01-01', to: '2024-12-31' } });
  const queryMs = performance.now() - q0;
  const raw = new Database(path.join(dir, 'store.db'), { readonly: true });
  const r0 = performance.now();
  const rawRows = raw.prepare(`SELECT * FROM "list_Gesprekken" WHERE datum BETWEEN ? AND ?`).all('2024-01-01', '2024-12-31');
  const rawQueryMs = performance.now() - r0;
  raw.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const fmt = (n: number) => Math.round(n).toLocaleString('nl-NL');
  console.log(`bench/store: ${fmt(total)} items over ${data.length} lists`);
  console.log(`  insert  SqliteListStore.addMany  ${fmt(storeMs)} ms  ${fmt((total / storeMs) * 1000)} items/s`);
  console.log(`  insert  bare prepared statements ${fmt(baseMs)} ms  ${fmt((total / baseMs) * 1000)} items/s`);
  console.log(`  insert  ratio store/baseline     ${(storeMs / baseMs).toFixed(2)}×  (target ≤ 2×)`);
  console.log(
    `  import  CSV parse+check+addMany  ${fmt(importMs)} ms  ${fmt((total / importMs) * 1000)} items/s; ratio import/baseline ${(importMs / baseMs).toFixed(2)}×`,
  );
  console.log(
    `  query   one year of Gesprekken   ${year.length} items in ${storeMs ? queryMs.toFixed(1) : 0} ms; raw SELECT ${rawRows.length} rows in ${rawQueryMs.toFixed(1)} ms; ratio ${(queryMs / rawQueryMs).toFixed(2)}×`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
