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
import { buildJaarverslag, leesJaarverslagBronnen, leesViaPoort, legeJaarCijfers, type JaarCijfers } from '@shared/report';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import {
  AGRESSIE_MAATREGELEN,
  AGRESSIE_SOORTEN,
  CATEGORIEEN,
  DIENSTVERBANDEN,
  DOELGROEPEN,
  MAATREGELEN,
  MELDING_SOORTEN,
  MELDPUNT_SOORTEN,
  ONDERWERPEN,
  SITUATIES,
  UITKOMSTEN,
  VP_SOORTEN,
  DOORVERWIJZINGEN,
  ONDERZOEKEN,
  type ListName,
} from '@shared/lists/definitions';
import { prng } from '@shared/cli/seed';

const N = Number(process.env.BENCH_N ?? 100_000);
const JAAR = 2024;
const YEARS = 5;

/** Build ~N items over the report lists and 5 years and write them with SqliteListStore.addMany. */
async function vul(file: string): Promise<Record<string, number>> {
  const rnd = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const jaar = (i: number) => JAAR - YEARS + 1 + (i % YEARS);
  // Days 1–16 plus at most 12 days stay ≤ 28: SQLite's '+3 months' overflows at month ends (30 Nov → 1 Mar)
  // where the Wbk rule clamps (→ 28/29 Feb), so the baseline would differ only there.
  const dag = (y: number) =>
    `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 16)).padStart(2, '0')}`;
  const plusDagen = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const store = new SqliteListStore(file);
  const aantallen: Record<string, number> = {};
  const zet = async (list: ListName, items: Record<string, unknown>[]) => {
    await store.addMany(list, items as never);
    aantallen[list] = items.length;
  };
  // MeldwijzerGebruik is keyed (week, situatie): at most 5 × 52 × 7 = 1,820 items.
  const meldwijzer: Record<string, unknown>[] = [];
  for (let y = JAAR - YEARS + 1; y <= JAAR; y++)
    for (let w = 1; w <= 52; w++)
      for (const situatie of SITUATIES)
        meldwijzer.push({ week: `${y}-W${String(w).padStart(2, '0')}`, situatie, aantal: 1 + Math.floor(rnd() * 20) });
  const sessies: Record<string, unknown>[] = [];
  const nSessies = Math.round(N * 0.005);
  for (let i = 0; i < nSessies; i++) {
    const d = dag(jaar(i));
    sessies.push({
      sessieId: `S-${i}`,
      start: `${d}T12:00:00.000Z`,
      eind: `${d}T13:00:00.000Z`,
      soort: i % 4 ? 'ambtseed' : 'workshopIntegriteit',
      locatie: 'Zaal',
      online: false,
      afnemer: 'secretaris',
      capaciteit: 30,
    });
  }
  const rest = N - meldwijzer.length - sessies.length;
  const deel = {
    Gesprekken: 0.3,
    Meldingen: 0.15,
    AmbtseedInschrijvingen: 0.2,
    NieuweMedewerkers: 0.15,
    DilemmaSessies: 0.05,
    AgressieIncidenten: 0.15,
  };
  const n = (f: number) => Math.round(rest * f);
  await zet('MeldwijzerGebruik', meldwijzer);
  await zet('AmbtseedSessies', sessies);
  await zet(
    'Gesprekken',
    Array.from({ length: n(deel.Gesprekken) }, (_, i) => ({
      gesprekId: `G-${i}`,
      datum: dag(jaar(i)),
      vertrouwenspersoon: pick(VP_SOORTEN),
      onderwerp: pick(ONDERWERPEN),
      isMelding: rnd() < 0.5,
      doorverwezen: rnd() < 0.6 ? 'geen' : pick(DOORVERWIJZINGEN),
    })),
  );
  await zet(
    'Meldingen',
    Array.from({ length: n(deel.Meldingen) }, (_, i) => {
      const ontvangenOp = dag(jaar(i));
      const bevestigd = rnd() < 0.9 ? plusDagen(ontvangenOp, Math.floor(rnd() * 12)) : null;
      return {
        meldingId: `M-${i}`,
        ontvangenOp,
        kanaal: 'teams',
        meldpunt: pick(MELDPUNT_SOORTEN),
        soort: pick(MELDING_SOORTEN),
        categorie: pick(CATEGORIEEN),
        betrokkene: 'ambtenaar',
        anoniem: rnd() < 0.2,
        onderzoek: pick(ONDERZOEKEN),
        uitkomst: pick(UITKOMSTEN),
        maatregelen: [...new Set([pick(MAATREGELEN), pick(MAATREGELEN)])],
        ontvangstbevestigdOp: bevestigd,
        terugkoppelingOp: bevestigd && rnd() < 0.8 ? plusDagen(bevestigd, Math.floor(rnd() * 120)) : null,
        afgeslotenOp: null,
        bewaarTot: null,
      };
    }),
  );
  await zet(
    'AmbtseedInschrijvingen',
    Array.from({ length: n(deel.AmbtseedInschrijvingen) }, (_, i) => {
      const s = i % nSessies;
      const afgelegd = rnd() < 0.8;
      const start = String(sessies[s].start).slice(0, 10);
      return {
        inschrijvingId: `I-${i}`,
        sessieId: `S-${s}`,
        medewerker: `obj-${i}`,
        dienstverband: pick(DIENSTVERBANDEN),
        indienstOp: start,
        status: afgelegd ? 'afgelegd' : 'geannuleerd',
        vorm: afgelegd ? pick(['eed', 'belofte', 'integriteitsverklaring'] as const) : null,
        afgelegdOp: afgelegd ? start : null,
      };
    }),
  );
  await zet(
    'NieuweMedewerkers',
    Array.from({ length: n(deel.NieuweMedewerkers) }, (_, i) => {
      const indienstOp = dag(jaar(i));
      return {
        medewerkerId: `mw-${i}`,
        indienstOp,
        dienstverband: pick(DIENSTVERBANDEN),
        workshopGevolgdOp: rnd() < 0.7 ? plusDagen(indienstOp, Math.floor(rnd() * 90)) : null,
      };
    }),
  );
  await zet(
    'DilemmaSessies',
    Array.from({ length: n(deel.DilemmaSessies) }, (_, i) => ({
      sessieId: `D-${i}`,
      datum: dag(jaar(i)),
      werkvorm: 'dilemmaspel',
      doelgroep: pick(DOELGROEPEN),
      deelnemers: 3 + Math.floor(rnd() * 20),
      dilemmaIds: null,
    })),
  );
  await zet(
    'AgressieIncidenten',
    Array.from({ length: n(deel.AgressieIncidenten) }, (_, i) => ({
      incidentId: `A-${i}`,
      datum: dag(jaar(i)),
      soort: [...new Set([pick(AGRESSIE_SOORTEN), pick(AGRESSIE_SOORTEN)])],
      maatregelen: rnd() < 0.5 ? [pick(AGRESSIE_MAATREGELEN)] : [],
    })),
  );
  await store.close();
  return aantallen;
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
  const van = `${JAAR - YEARS + 1}-01-01`;
  const tot = `${JAAR}-12-31`;
  const cijfers: Record<string, JaarCijfers> = {};
  for (let j = JAAR - YEARS + 1; j <= JAAR; j++) cijfers[String(j)] = legeJaarCijfers(j);
  const c = (j: string) => cijfers[j];
  type R = Record<string, string | number>;
  const all = (sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as R[];

  for (const r of all(
    `SELECT substr(datum,1,4) j, onderwerp o, isMelding m, vertrouwenspersoon v, doorverwezen <> 'geen' d, count(*) n FROM list_Gesprekken WHERE datum BETWEEN ? AND ? GROUP BY 1,2,3,4,5`,
    van,
    tot,
  )) {
    const g = c(r.j as string).gesprekken;
    const n = r.n as number;
    g.totaal += n;
    g.perOnderwerp[r.o as 'integriteit'] += n;
    if (r.m) {
      g.meldingen += n;
      g.meldingenPerOnderwerp[r.o as 'integriteit'] += n;
    }
    if (r.v === 'extern') g.extern += n;
    if (r.d) g.doorverwezen += n;
  }
  for (const r of all(
    `SELECT substr(ontvangenOp,1,4) j, soort s, categorie k, anoniem a, uitkomst u, count(*) n,
       sum(ontvangstbevestigdOp IS NOT NULL AND ontvangstbevestigdOp <= date(ontvangenOp, '+7 days')) b7,
       sum(terugkoppelingOp IS NOT NULL AND ontvangstbevestigdOp IS NOT NULL AND terugkoppelingOp <= date(ontvangstbevestigdOp, '+3 months')) t3
     FROM list_Meldingen WHERE ontvangenOp BETWEEN ? AND ? GROUP BY 1,2,3,4,5`,
    van,
    tot,
  )) {
    const m = c(r.j as string).meldingen;
    const w = c(r.j as string).wbk;
    const n = r.n as number;
    m.totaal += n;
    m.perSoort[r.s as 'zakelijk'] += n;
    m.perCategorie[r.k as 'informatie'] += n;
    if (r.a) m.anoniem += n;
    m.perUitkomst[r.u as 'gegrond'] += n;
    w.ontvangstbevestigdBinnen7Dagen.van += n;
    w.terugkoppelingBinnen3Maanden.van += n;
    w.ontvangstbevestigdBinnen7Dagen.aantal += r.b7 as number;
    w.terugkoppelingBinnen3Maanden.aantal += r.t3 as number;
  }
  for (const r of all(
    `SELECT substr(ontvangenOp,1,4) j, e.value v, count(DISTINCT _key) n FROM list_Meldingen, json_each(maatregelen) e WHERE ontvangenOp BETWEEN ? AND ? GROUP BY 1,2`,
    van,
    tot,
  )) {
    c(r.j as string).meldingen.perMaatregel[r.v as 'geen'] += r.n as number;
  }
  for (const r of all(
    `SELECT substr(afgelegdOp,1,4) j, vorm v, count(*) n FROM list_AmbtseedInschrijvingen WHERE status = 'afgelegd' AND afgelegdOp BETWEEN ? AND ? GROUP BY 1,2`,
    van,
    tot,
  )) {
    const a = c(r.j as string).ambtseed;
    if (r.v === 'eed' || r.v === 'belofte' || r.v === 'integriteitsverklaring') a[r.v] += r.n as number;
    a.afgelegd = a.eed + a.belofte;
  }
  for (const r of all(
    `SELECT substr(start,1,4) j, count(*) n FROM list_AmbtseedSessies s WHERE soort = 'ambtseed' AND start BETWEEN ? AND ?
       AND EXISTS (SELECT 1 FROM list_AmbtseedInschrijvingen i WHERE i.sessieId = s.sessieId AND i.status = 'afgelegd') GROUP BY 1`,
    van,
    `${tot}T23:59:59.999Z`,
  )) {
    c(r.j as string).ambtseed.bijeenkomsten += r.n as number;
  }
  for (const r of all(
    `SELECT substr(indienstOp,1,4) j, dienstverband d, count(*) n FROM list_NieuweMedewerkers WHERE indienstOp BETWEEN ? AND ? GROUP BY 1,2`,
    van,
    tot,
  )) {
    const o = c(r.j as string).onboarding;
    o.nieuweMedewerkers += r.n as number;
    o[r.d as 'extern'] += r.n as number;
  }
  for (const r of all(
    `SELECT substr(workshopGevolgdOp,1,4) j, count(*) n FROM list_NieuweMedewerkers WHERE workshopGevolgdOp BETWEEN ? AND ? GROUP BY 1`,
    van,
    tot,
  )) {
    c(r.j as string).onboarding.workshopDeelnemers += r.n as number;
  }
  for (const r of all(
    `SELECT substr(datum,1,4) j, doelgroep g, count(*) n, sum(deelnemers) d FROM list_DilemmaSessies WHERE datum BETWEEN ? AND ? GROUP BY 1,2`,
    van,
    tot,
  )) {
    const d = c(r.j as string).dilemma;
    d.sessies += r.n as number;
    d.bereik += r.d as number;
    d.perDoelgroep[r.g as 'afdeling'] = { sessies: r.n as number, deelnemers: r.d as number };
  }
  for (const r of all(
    `SELECT substr(datum,1,4) j, count(*) n FROM list_AgressieIncidenten WHERE datum BETWEEN ? AND ? GROUP BY 1`,
    van,
    tot,
  ))
    c(r.j as string).agressie.incidenten += r.n as number;
  for (const r of all(
    `SELECT substr(datum,1,4) j, e.value v, count(DISTINCT _key) n FROM list_AgressieIncidenten, json_each(soort) e WHERE datum BETWEEN ? AND ? GROUP BY 1,2`,
    van,
    tot,
  )) {
    c(r.j as string).agressie.perSoort[r.v as 'verbaal'] += r.n as number;
  }
  for (const r of all(
    `SELECT substr(datum,1,4) j, e.value v, count(DISTINCT _key) n FROM list_AgressieIncidenten, json_each(maatregelen) e WHERE datum BETWEEN ? AND ? GROUP BY 1,2`,
    van,
    tot,
  )) {
    c(r.j as string).agressie.perMaatregel[r.v as 'herstelgesprek'] += r.n as number;
  }
  for (const r of all(
    `SELECT substr(week,1,4) j, situatie s, sum(aantal) n FROM list_MeldwijzerGebruik WHERE week BETWEEN ? AND ? GROUP BY 1,2`,
    `${JAAR - YEARS + 1}-W00`,
    `${JAAR}-W99`,
  )) {
    const m = c(r.j as string).meldwijzer;
    m.raadplegingen += r.n as number;
    m.perSituatie[r.s as 'dilemma'] += r.n as number;
  }
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

/** Paths where two count trees differ (`2023.meldingen.perMaatregel.geen: 12 vs 13`). */
function verschillen(a: unknown, b: unknown, pad = ''): string[] {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      verschillen((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], pad ? `${pad}.${k}` : k),
    );
  }
  return a === b ? [] : [`${pad}: sql ${JSON.stringify(a)} vs report ${JSON.stringify(b)}`];
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
