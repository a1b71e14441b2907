/**
 * bench/triage — not a test. The meldwijzer free-text triage on the test part of the labelled corpus
 * (tests/fixtures/meldwijzer-corpus.json; the classifier never trains on it):
 *   - right / asked / menu / wrong per situation and overall (definitions in shared/src/domain/triage-meting.ts),
 *     for the triage as configured and for the rules alone (the classifier switched off) as the baseline;
 *   - the confusion matrix (first acceptable situation × what triage chose; "menu" when it chose none);
 *   - actor and perspective accuracy;
 *   - the classifier's build cost at start-up, and ms per text (wall clock and CPU; goal ≤ 0.1 ms), cold
 *     (first pass, empty word caches) and warm (median of 9 blocks of 20 passes, after 50 passes of warm-up).
 * Flags: --leerdata rewrites shared/src/domain/triage-leerdata.json from the corpus's dev part and exits.
 *        --cv measures only the dev part by 10-fold cross-validation (never reads the test part: use it while
 *        tuning), for the triage as configured, the rules alone, and a grid of `zeker` / `twijfel` / `marge`.
 *
 * Run: npm run bench -- triage   (or: npx tsx bench/triage.ts)
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { TRIAGE_INSTELLINGEN, triage, type TriageInstellingen } from '@shared/domain/triage';
import leerdata from '@shared/domain/triage-leerdata.json';
import { classifierModel, classifierOpbouwMs, trainClassifier, type Leervoorbeeld } from '@shared/domain/triage-classifier';
import { aandeel, corpusSchema, kruisvalidatie, meet, type Meting, type Telling } from '@shared/domain/triage-meting';
import { SITUATIES } from '@shared/lists/definitions';

const CORPUS = path.resolve(__dirname, '../tests/fixtures/meldwijzer-corpus.json');
const LEERDATA = path.resolve(__dirname, '../shared/src/domain/triage-leerdata.json');
const corpus = corpusSchema.parse(JSON.parse(fs.readFileSync(CORPUS, 'utf8')));

if (process.argv.includes('--leerdata')) {
  const dev = corpus.items.filter((i) => i.deel === 'dev').map((i) => ({ tekst: i.tekst, situaties: i.situaties }));
  const note =
    'Training examples of the meldwijzer classifier: exactly the dev part of tests/fixtures/meldwijzer-corpus.json ' +
    '(text and acceptable situations; a unit test keeps them equal). Regenerate with: npm run bench -- triage --leerdata';
  // One example per line, spaced as people read it: {"tekst": "…", "situaties": ["dilemma"]}.
  const regels = dev
    .map((v) => `    {"tekst": ${JSON.stringify(v.tekst)}, "situaties": [${v.situaties.map((s) => JSON.stringify(s)).join(', ')}]}`)
    .join(',\n');
  fs.writeFileSync(LEERDATA, `{\n  "note": ${JSON.stringify(note)},\n  "voorbeelden": [\n${regels}\n  ]\n}\n`);
  console.log(`${dev.length} voorbeelden geschreven naar ${path.relative(process.cwd(), LEERDATA)}`);
  process.exit(0);
}

const demo = loadOrgConfig('demo', path.resolve(__dirname, '../config'));
const pct = (d: number, n: number) => `${(100 * aandeel(d, n)).toFixed(1)} %`.padStart(8);

function regel(naam: string, t: Telling): string {
  const cel = (d: number) => `${String(d).padStart(4)} ${pct(d, t.n)}`;
  return `${naam.padEnd(20)} ${String(t.n).padStart(4)}  ${cel(t.goed + t.gevraagdGoed)}  ${cel(t.goed)}  ${cel(t.gevraagdGoed)}  ${cel(t.gevraagdMis)}  ${cel(t.menu)}  ${cel(t.fout)}`;
}

function toon(titel: string, m: Meting): void {
  console.log(`\n${titel}`);
  console.log(
    `${'situatie'.padEnd(20)} ${'n'.padStart(4)}  ${'right'.padStart(13)}  ${'zeker-right'.padStart(13)}  ${'asked-right'.padStart(13)}  ${'asked-other'.padStart(13)}  ${'menu'.padStart(13)}  ${'wrong'.padStart(13)}`,
  );
  for (const s of SITUATIES) console.log(regel(s, m.perSituatie[s]));
  console.log(regel('overall', m.totaal));
  console.log(
    `actor ${m.actor.goed}/${m.actor.n} (${pct(m.actor.goed, m.actor.n).trim()}), perspectief ${m.perspectief.goed}/${m.perspectief.n} (${pct(m.perspectief.goed, m.perspectief.n).trim()})`,
  );
}

// Rules alone: the classifier off, rule scores at full weight and thresholds that suit them (a lone typical term → twijfel).
const alleenRegels: TriageInstellingen = {
  ...TRIAGE_INSTELLINGEN,
  nbGewicht: 0,
  regelGewicht: 1,
  beslissendGewicht: 1,
  zeker: 0.5,
  twijfel: 0.5,
  marge: 0,
};

if (process.argv.includes('--cv')) {
  const dev = corpus.items.filter((i) => i.deel === 'dev');
  const t0 = performance.now();
  toon(`Dev part (${dev.length} phrasings), 10-fold cross-validation, as configured:`, kruisvalidatie(dev, demo));
  console.log(`(10 trainings and the measurement: ${(performance.now() - t0).toFixed(0)} ms wall)`);
  toon(
    'Dev part, rules only (no classifier; the rules were written with the dev part in view):',
    meet(dev, (t) => triage(t, demo, alleenRegels)),
  );
  console.log('\nGrid (10-fold CV on dev): zeker twijfel marge → right  zeker-right  menu  wrong');
  for (const zeker of [0.9, 0.95, 0.97, 0.98, 0.99])
    for (const twijfel of [0.5, 0.6, 0.7])
      for (const marge of [0, 0.5, 0.8, 0.9]) {
        const { totaal: t } = kruisvalidatie(dev, demo, { ...TRIAGE_INSTELLINGEN, zeker, twijfel, marge });
        console.log(
          `${zeker.toFixed(2)} ${twijfel.toFixed(2)} ${marge.toFixed(2)} → ${pct(t.goed + t.gevraagdGoed, t.n)} ${pct(t.goed, t.n)} ${pct(t.menu, t.n)} ${pct(t.fout, t.n)} (${t.fout})`,
        );
      }
  process.exit(0);
}

const items = corpus.items.filter((i) => i.deel === 'test');

// Start-up: the classifier is trained when triage.ts loads (cached for the process); a second training, timed
// on its own, shows the cost with warm code.
const cpu0 = process.cpuUsage();
const w0 = performance.now();
trainClassifier(leerdata.voorbeelden as Leervoorbeeld[]);
const wOpnieuw = performance.now() - w0;
const cpuOpnieuw = process.cpuUsage(cpu0);
console.log(
  `classifier: ${classifierModel().model.omvang} features; built at start-up in ${classifierOpbouwMs().toFixed(1)} ms wall; ` +
    `trained again in ${wOpnieuw.toFixed(1)} ms wall / ${((cpuOpnieuw.user + cpuOpnieuw.system) / 1000).toFixed(1)} ms CPU`,
);

// Timing: cold = the first pass over the test texts (word caches empty); warm = after 50 more passes (JIT done),
// the median of 9 blocks of 20 passes (a burst of other load on the machine moves one block, not the median).
function tijd(passes: number): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const w = performance.now();
  for (let p = 0; p < passes; p++) for (const i of items) triage(i.tekst, demo);
  const cpu = process.cpuUsage(c);
  const n = passes * items.length;
  return { wall: (performance.now() - w) / n, cpu: (cpu.user + cpu.system) / 1000 / n };
}
const koud = tijd(1);
tijd(50);
const blokken = Array.from({ length: 9 }, () => tijd(20)).sort((a, b) => a.wall - b.wall);
const warm = blokken[4];

const meting = meet(items, (t) => triage(t, demo));
toon(
  `Test part (${items.length} phrasings), rules + classifier (${JSON.stringify({ ...TRIAGE_INSTELLINGEN, classifier: undefined })}):`,
  meting,
);
toon(
  'Baseline, rules only (classifier off):',
  meet(items, (t) => triage(t, demo, alleenRegels)),
);

console.log('\nConfusion matrix (rows: first acceptable situation; columns: triage situatie, zeker or twijfel):');
const kort = (s: string) => s.slice(0, 9).padStart(10);
console.log(`${''.padEnd(20)}${[...SITUATIES, 'menu'].map(kort).join('')}`);
for (const s of SITUATIES) {
  const rij = meting.verwarring[s];
  console.log(`${s.padEnd(20)}${[...SITUATIES.map((k) => rij[k]), rij.geen].map((v) => String(v).padStart(10)).join('')}`);
}

console.log(
  `\nms per text: cold ${koud.wall.toFixed(4)} wall / ${koud.cpu.toFixed(4)} CPU; warm ${warm.wall.toFixed(4)} wall / ${warm.cpu.toFixed(4)} CPU (goal ≤ 0.1 ms)`,
);
console.log(
  `misses (ids): wrong ${meting.ids.fout.join(' ') || '-'}; asked-other ${meting.ids.gevraagdMis.join(' ') || '-'}; menu ${meting.ids.menu.join(' ') || '-'}`,
);
