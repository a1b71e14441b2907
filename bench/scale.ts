/**
 * bench/scale — not a test. Ambtseed bookings through real bot processes (HTTP → bot → store) behind a
 * round-robin proxy, as App Service scale-out runs them:
 *   baseline: ONE bot process on the embedded SQLite store (the default);
 *   postgres: 1, 2 and 4 bot processes on one PostgreSQL database (STORE=postgres).
 * Each run books BENCH_SCALE_N = 1,000 people into 50 sessions of 15 places with BENCH_SCALE_C = 32 requests
 * in flight, and prints bookings/s, p50/p99 latency and the ratio to the SQLite figure, then checks the
 * outcome (every session exactly full, nobody twice).
 *
 * On a 2-core machine more instances add no CPU: the 2- and 4-instance figures show what coordination
 * costs (SERIALIZABLE retries, connections) and that correctness holds, not how far it scales on real hardware.
 *
 * Then the annual report over BENCH_SCALE_RAPPORT_N = 1,000,000 items (ten years of a large employer,
 * 2015–2024) from PostgreSQL — the real path (leesJaarverslagBronnen → buildJaarverslag → JSON) — against a
 * raw SQL `GROUP BY` computing the same counts in the same database (goal ≤ 1.5× and < 3 s), and whether both
 * give the same counts. BENCH_SCALE_RAPPORT_N=0 skips it; BENCH_SCALE_N=0 runs only the report part.
 *
 * Needs PostgreSQL: DATABASE_URL, or else a throwaway cluster is started with scripts/pg-temp.sh.
 * Run: npm run bench -- scale
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ListStore } from '@shared/store/list-store';
import { queryAll } from '@shared/store/list-store';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import { migratePostgres } from '@shared/store/postgres/migrations';
import { PgListStore } from '@shared/store/postgres/pg-list-store';
import { createPgPool } from '@shared/store/postgres/connection';
import { buildJaarverslag, leesJaarverslagBronnen, type JaarCijfers } from '@shared/report';
import { submit } from '../tests/support/activities';
import {
  JAAR,
  telBaseline,
  verschillen,
  vulRapportLijsten,
  type BaselineNaam,
  type BaselineQueries,
  type BaselineRij,
} from './rapport-data';
import { postActivity, proefOid, proefSessieId, startBotCluster, vulBoekingsproef } from '../tests/support/bot-cluster';

const N = Number(process.env.BENCH_SCALE_N ?? 1000);
const C = Number(process.env.BENCH_SCALE_C ?? 32);
const RAPPORT_N = Number(process.env.BENCH_SCALE_RAPPORT_N ?? 1_000_000);
const RAPPORT_JAREN = 10;
const SESSIES = 50;
const CAPACITEIT = 15;
const fmt = (n: number) => Math.round(n).toLocaleString('nl-NL');
const oid = proefOid;
const sessieId = proefSessieId;

const vul = (store: ListStore) => vulBoekingsproef(store, { sessies: SESSIES, capaciteit: CAPACITEIT, mensen: N });

/** Book everyone with C requests in flight. @returns elapsed ms and per-request latencies. */
async function boek(url: string, serviceUrl: string): Promise<{ ms: number; lat: number[]; fouten: number }> {
  const lat: number[] = [];
  let fouten = 0;
  let next = 0;
  const t0 = performance.now();
  const werker = async () => {
    while (next < N) {
      const i = next++;
      const a = submit(
        { action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: sessieId(i % SESSIES), vorm: 'eed' },
        { serviceUrl, conversationId: `a:p-${i}`, from: { id: `29:p-${i}`, aadObjectId: oid(i) } },
      );
      const r = await postActivity(url, a);
      if (r.status !== 200) fouten++;
      lat.push(r.ms);
    }
  };
  await Promise.all(Array.from({ length: C }, werker));
  return { ms: performance.now() - t0, lat: lat.sort((x, y) => x - y), fouten };
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function controleer(store: ListStore): Promise<string> {
  const rijen = await queryAll(store, 'AmbtseedInschrijvingen');
  const per = new Map<string, number>();
  for (const r of rijen) per.set(r.medewerker, (per.get(r.medewerker) ?? 0) + 1);
  const vol = Array.from(
    { length: SESSIES },
    (_, s) => rijen.filter((r) => r.sessieId === sessieId(s) && r.status === 'ingeschreven').length,
  );
  const ok =
    per.size === N && [...per.values()].every((n) => n === 1) && vol.every((v) => v === Math.min(CAPACITEIT, Math.ceil(N / SESSIES)));
  return ok ? 'ok (every session full, nobody twice)' : `WRONG: ${per.size} people, max ${Math.max(...vol)} per session`;
}

/**
 * The PostgreSQL baseline over PgListStore's typed tables: the same named queries and columns as sqliteBaseline.
 * Years as `date_part('year', …)`, the expression the report groups by, so the planner statistics of the
 * migrated schema (migration rapport-statistieken) serve both. A multichoice value is counted with `count(*)`
 * over `unnest`: the store keeps a multichoice free of duplicates (its zod schema), so that is the report's "an item
 * once per value" without the sort a `count(DISTINCT _key)` costs.
 */
function postgresBaseline(years: number): BaselineQueries {
  const van = `${JAAR - years + 1}-01-01`;
  const tot = `${JAAR}-12-31`;
  const jaar = (kolom: string) => `date_part('year', "${kolom}")`;
  const per = (lijst: string, kolom: string, rest: string) =>
    `SELECT ${jaar(kolom)} j, ${rest} FROM "list_${lijst}" WHERE "${kolom}" BETWEEN $1 AND $2 GROUP BY`;
  const p = [van, tot];
  return {
    gesprekken: {
      sql: `${per('Gesprekken', 'datum', `onderwerp o, "isMelding" m, vertrouwenspersoon v, doorverwezen <> 'geen' d, count(*) n`)} 1,2,3,4,5`,
      params: p,
    },
    meldingen: {
      sql: `${per(
        'Meldingen',
        'ontvangenOp',
        `soort s, categorie k, anoniem a, uitkomst u, count(*) n,
         count(*) FILTER (WHERE "ontvangstbevestigdOp" IS NOT NULL AND "ontvangstbevestigdOp" <= "ontvangenOp" + 7) b7,
         count(*) FILTER (WHERE "terugkoppelingOp" IS NOT NULL AND "ontvangstbevestigdOp" IS NOT NULL
           AND "terugkoppelingOp" <= "ontvangstbevestigdOp" + interval '3 months') t3`,
      )} 1,2,3,4,5`,
      params: p,
    },
    meldingMaatregelen: {
      sql: `SELECT ${jaar('ontvangenOp')} j, e v, count(*) n FROM "list_Meldingen", unnest(maatregelen) e WHERE "ontvangenOp" BETWEEN $1 AND $2 GROUP BY 1,2`,
      params: p,
    },
    ambtseed: {
      sql: `SELECT ${jaar('afgelegdOp')} j, vorm v, count(*) n FROM "list_AmbtseedInschrijvingen" WHERE status = 'afgelegd' AND "afgelegdOp" BETWEEN $1 AND $2 GROUP BY 1,2`,
      params: p,
    },
    bijeenkomsten: {
      sql: `SELECT to_char(start AT TIME ZONE 'UTC', 'YYYY') j, count(*) n FROM "list_AmbtseedSessies" s WHERE soort = 'ambtseed' AND start BETWEEN $1 AND $2
         AND EXISTS (SELECT 1 FROM "list_AmbtseedInschrijvingen" i WHERE i."sessieId" = s."sessieId" AND i.status = 'afgelegd') GROUP BY 1`,
      params: [`${van}T00:00:00.000Z`, `${tot}T23:59:59.999Z`],
    },
    indienst: { sql: `${per('NieuweMedewerkers', 'indienstOp', 'dienstverband d, count(*) n')} 1,2`, params: p },
    workshop: { sql: `${per('NieuweMedewerkers', 'workshopGevolgdOp', 'count(*) n')} 1`, params: p },
    dilemma: { sql: `${per('DilemmaSessies', 'datum', 'doelgroep g, count(*) n, sum(deelnemers) d')} 1,2`, params: p },
    agressie: { sql: `${per('AgressieIncidenten', 'datum', 'count(*) n')} 1`, params: p },
    agressieSoort: {
      sql: `SELECT ${jaar('datum')} j, e v, count(*) n FROM "list_AgressieIncidenten", unnest(soort) e WHERE datum BETWEEN $1 AND $2 GROUP BY 1,2`,
      params: p,
    },
    agressieMaatregelen: {
      sql: `SELECT ${jaar('datum')} j, e v, count(*) n FROM "list_AgressieIncidenten", unnest(maatregelen) e WHERE datum BETWEEN $1 AND $2 GROUP BY 1,2`,
      params: p,
    },
    meldwijzer: {
      sql: `SELECT substr(week, 1, 4) j, situatie s, sum(aantal) n FROM "list_MeldwijzerGebruik" WHERE week BETWEEN $1 AND $2 GROUP BY 1,2`,
      params: [`${JAAR - years + 1}-W00`, `${JAAR}-W99`],
    },
  };
}

/** The report's counts per year from its JSON (the report year and vorigeJaren). */
function cijfersUitJson(json: string): Record<string, JaarCijfers> {
  const parsed = JSON.parse(json);
  const cijfers: Record<string, JaarCijfers> = { ...parsed.vorigeJaren };
  const { organisatie: _o, zaken: _z, vorigeJaren: _v, ...eigen } = parsed;
  cijfers[String(JAAR)] = eigen;
  return cijfers;
}

/** Timings (ms) of runs of `fn` and its last result. */
interface Metingen<T> {
  ms: number[];
  uit?: T;
}

/** One timed run of `fn`, added to `m`. */
async function meet<T>(m: Metingen<T>, fn: () => Promise<T>): Promise<void> {
  const t0 = performance.now();
  m.uit = await fn();
  m.ms.push(performance.now() - t0);
}

const mediaan = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const belasting = () => os.loadavg()[0].toFixed(1);

/** An empty schema `schema` (dropped first) with a migrated PgListStore on it; `admin` drops it afterwards. */
async function verseStore(url: string, schema: string): Promise<{ admin: pg.Client; store: PgListStore }> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const store = new PgListStore(createPgPool(url, { schema, max: 4 }));
  await migratePostgres(store.pool);
  return { admin, store };
}

/** The report over RAPPORT_N items from PostgreSQL against the raw SQL baseline (see module doc). */
async function rapportOverPostgres(url: string): Promise<string[]> {
  const schema = `bench_rapport_${process.pid}`;
  const { admin, store } = await verseStore(url, schema);
  try {
    const v0 = performance.now();
    const aantallen = await vulRapportLijsten(store, RAPPORT_N, RAPPORT_JAREN);
    const vulMs = performance.now() - v0;
    // As autovacuum leaves a table that has been in use: statistics, visibility map, hint bits.
    await store.pool.query('VACUUM ANALYZE');
    const totaal = Object.values(aantallen).reduce((a, b) => a + b, 0);
    const runs = Number(process.env.BENCH_RUNS ?? 5);
    const queries = postgresBaseline(RAPPORT_JAREN);
    const rapport: Metingen<string> = { ms: [] };
    const sql: Metingen<Record<string, JaarCijfers>> = { ms: [] };
    const belastingVoor = belasting();
    // Alternating, so load from elsewhere on the machine falls on both alike; medians of `runs` each.
    for (let i = 0; i < runs; i++) {
      await meet(rapport, async () => {
        const bronnen = await leesJaarverslagBronnen(store, { jaar: JAAR, years: RAPPORT_JAREN });
        return JSON.stringify(buildJaarverslag(bronnen, { jaar: JAAR, organisatie: 'Bench', years: RAPPORT_JAREN }), null, 2);
      });
      await meet(sql, async () => {
        const rijen: Partial<Record<BaselineNaam, BaselineRij[]>> = {};
        for (const [naam, q] of Object.entries(queries))
          rijen[naam as BaselineNaam] = (await store.pool.query<BaselineRij>(q.sql, q.params)).rows;
        return telBaseline(rijen as Record<BaselineNaam, BaselineRij[]>, RAPPORT_JAREN);
      });
    }
    const verschil = verschillen(sql.uit, cijfersUitJson(rapport.uit!));
    const [rapportMs, sqlMs] = [mediaan(rapport.ms), mediaan(sql.ms)];
    const ratio = rapportMs / sqlMs;
    const reeks = (m: Metingen<unknown>) => m.ms.map(fmt).join(' / ');
    return [
      `bench/scale report: ${fmt(totaal)} items over ${RAPPORT_JAREN} years (${JAAR - RAPPORT_JAREN + 1}–${JAAR}) in PostgreSQL; filled in ${fmt(vulMs)} ms; median of ${runs} alternating runs; load average ${belastingVoor} → ${belasting()} on ${os.cpus().length} cores`,
      `  report   JSON ${JAAR} with vorigeJaren (PostgreSQL → buildJaarverslag → JSON)   ${fmt(rapportMs)} ms  (${reeks(rapport)})`,
      `  baseline raw SQL GROUP BY in the same database, same counts                ${fmt(sqlMs)} ms  (${reeks(sql)})`,
      `  ratio report/baseline ${ratio.toFixed(2)}×  (goal ≤ 1.5× and < 3 s: ${ratio <= 1.5 && rapportMs < 3000 ? 'met' : 'NOT met'})`,
      `  same counts in both: ${verschil.length === 0 ? 'yes' : `NO (${verschil.slice(0, 5).join('; ')})`}`,
    ];
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  let url = process.env.DATABASE_URL;
  let tempDir: string | undefined;
  if (!url) {
    const out = execFileSync(path.resolve(__dirname, '../scripts/pg-temp.sh'), ['start'], { encoding: 'utf8' });
    url = /DATABASE_URL=(\S+)/.exec(out)![1];
    tempDir = /PG_TEMP_DIR=(\S+)/.exec(out)![1];
  }
  const rows: { name: string; n: number; ms: number; p50: number; p99: number; fouten: number; check: string }[] = [];
  let rapportRegels: string[] = [];
  try {
    // Baseline: one process on SQLite.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-bench-scale-'));
    const file = path.join(dir, 'lijsten.db');
    const sq = new SqliteListStore(file);
    await vul(sq);
    await sq.close();
    const c0 = await startBotCluster(1, { STORE: 'sqlite' }, { dbFile: () => file });
    const r0 = await boek(c0.url, c0.serviceUrl);
    await c0.close();
    const sq2 = new SqliteListStore(file);
    rows.push({
      name: 'sqlite, 1 process',
      n: 1,
      ms: r0.ms,
      p50: pct(r0.lat, 50),
      p99: pct(r0.lat, 99),
      fouten: r0.fouten,
      check: await controleer(sq2),
    });
    await sq2.close();
    fs.rmSync(dir, { recursive: true, force: true });

    for (const n of (process.env.BENCH_SCALE_INSTANCES ?? '1,2,4').split(',').map(Number)) {
      const schema = `bench_scale_${n}_${process.pid}`;
      const { admin, store } = await verseStore(url, schema);
      await vul(store);
      const schemaUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      const c = await startBotCluster(n, { STORE: 'postgres', DATABASE_URL: schemaUrl, PG_POOL_MAX: '8' });
      const r = await boek(c.url, c.serviceUrl);
      const errLines = c.logs
        .join('\n')
        .split('\n')
        .filter((l) => /"level":(40|50|60)/.test(l));
      if (errLines.length)
        console.error(
          errLines
            .filter((l) => !l.includes('lokaleModus') && !l.includes('ongeldigeActiviteit'))
            .slice(0, 6)
            .join('\n'),
        );
      await c.close();
      rows.push({
        name: `postgres, ${n} instance${n > 1 ? 's' : ''}`,
        n,
        ms: r.ms,
        p50: pct(r.lat, 50),
        p99: pct(r.lat, 99),
        fouten: r.fouten,
        check: await controleer(store),
      });
      await store.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
    if (RAPPORT_N > 0) rapportRegels = await rapportOverPostgres(url);
  } finally {
    if (tempDir) execFileSync(path.resolve(__dirname, '../scripts/pg-temp.sh'), ['stop', tempDir]);
  }
  const base = N / (rows[0].ms / 1000);
  console.log(
    `bench/scale: ${fmt(N)} ambtseed bookings over ${SESSIES} sessions of ${CAPACITEIT} through real bot processes (HTTP, round-robin proxy), ${C} in flight; ${os.cpus().length} CPU cores`,
  );
  for (const r of rows) {
    const rate = N / (r.ms / 1000);
    console.log(
      `  ${r.name.padEnd(22)} ${fmt(rate).padStart(5)} bookings/s (${(rate / base).toFixed(2)}× sqlite)  p50 ${fmt(r.p50)} ms  p99 ${fmt(r.p99)} ms  errors ${r.fouten}  ${r.check}`,
    );
  }
  console.log(
    `  note: on ${os.cpus().length} cores more instances add no CPU — the 2- and 4-instance rows show what coordination costs and that correctness holds, not real-hardware scaling.`,
  );
  for (const regel of rapportRegels) console.log(regel);
}

/** Only the report part (BENCH_SCALE_N=0): the same PostgreSQL set-up as `main`, no bookings. */
async function alleenRapport(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) return void console.log((await rapportOverPostgres(url)).join('\n'));
  const out = execFileSync(path.resolve(__dirname, '../scripts/pg-temp.sh'), ['start'], { encoding: 'utf8' });
  try {
    console.log((await rapportOverPostgres(/DATABASE_URL=(\S+)/.exec(out)![1])).join('\n'));
  } finally {
    execFileSync(path.resolve(__dirname, '../scripts/pg-temp.sh'), ['stop', /PG_TEMP_DIR=(\S+)/.exec(out)![1]]);
  }
}

(N === 0 ? alleenRapport() : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
