/**
 * bench/commando — not a test. The typed-command recogniser (bot/src/features/commando-herkenning.ts) on
 * tests/fixtures/commando-corpus.json, per part (dev: tuned on; test: written first, never tuned on):
 *   - recognised (the right action), wrong (another action, or a claim on a text that is not a command), missed
 *     (a command left to the triage);
 *   - the negative check: how many of tests/fixtures/meldwijzer-corpus.json (meldingen and questions, no commands)
 *     it claims (goal ≤ 0.5 %), with the claimed texts' ids;
 *   - µs per text.
 * `meetCommandos` is also what tests/unit/commando-herkenning.test.ts asserts its floors on.
 *
 * Run: npm run bench -- commando   (or: npx tsx bench/commando.ts)
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FEATURES } from '../bot/src/features';
import { herkenCommando } from '../bot/src/features/commando-herkenning';
import type { Feature } from '../bot/src/features/feature';

/** One phrasing of tests/fixtures/commando-corpus.json; `actie` null: not a command (the triage's). */
export const commandoItem = z.object({
  id: z.string(),
  deel: z.enum(['dev', 'test']),
  taal: z.enum(['nl', 'en']),
  tekst: z.string().min(1),
  actie: z.string().nullable(),
});
export type CommandoItem = z.infer<typeof commandoItem>;
export const commandoCorpus = z.object({ note: z.string(), items: z.array(commandoItem).min(1) });

export const CORPUS = path.resolve(__dirname, '../tests/fixtures/commando-corpus.json');
export const MELDWIJZER_CORPUS = path.resolve(__dirname, '../tests/fixtures/meldwijzer-corpus.json');

/** Counts over a set of phrasings (`n` = commands + non-commands). */
export interface CommandoMeting {
  n: number;
  commandos: number;
  herkend: number;
  /** Another action than the expected one, or a claim on a non-command. */
  fout: number;
  gemist: number;
  /** Ids of the wrong and missed items, for reading. */
  foutIds: string[];
  gemistIds: string[];
}

/** The action a claim starts: the kit's command table of the feature (`commandActies`). */
export function actieVan(feature: Feature, commando: string): string {
  const acties = (feature as { commandActies?: Readonly<Record<string, string>> }).commandActies;
  return acties?.[commando] ?? `${feature.id}:${commando}`;
}

/** Measure `items` with the recogniser over `features`. */
export function meetCommandos(items: readonly CommandoItem[], features: readonly Feature[] = FEATURES): CommandoMeting {
  const m: CommandoMeting = { n: items.length, commandos: 0, herkend: 0, fout: 0, gemist: 0, foutIds: [], gemistIds: [] };
  for (const item of items) {
    const t = herkenCommando(item.tekst, features);
    const actie = t ? actieVan(t.feature, t.commando) : null;
    if (item.actie !== null) m.commandos++;
    if (item.actie !== null && actie === item.actie) m.herkend++;
    else if (actie !== null) {
      m.fout++;
      m.foutIds.push(`${item.id}→${actie}`);
    } else if (item.actie !== null) {
      m.gemist++;
      m.gemistIds.push(item.id);
    }
  }
  return m;
}

/** The ids of meldwijzer-corpus texts the recogniser claims (they are meldingen and questions: none should be). */
export function meldwijzerClaims(features: readonly Feature[] = FEATURES): { n: number; ids: string[] } {
  const corpus = z
    .object({ items: z.array(z.object({ id: z.string(), tekst: z.string() })) })
    .parse(JSON.parse(fs.readFileSync(MELDWIJZER_CORPUS, 'utf8')));
  return { n: corpus.items.length, ids: corpus.items.filter((i) => herkenCommando(i.tekst, features)).map((i) => i.id) };
}

/** The command corpus, parsed. */
export function leesCommandoCorpus(): z.infer<typeof commandoCorpus> {
  return commandoCorpus.parse(JSON.parse(fs.readFileSync(CORPUS, 'utf8')));
}

function main(): void {
  const corpus = leesCommandoCorpus();
  const pct = (d: number, n: number) => `${n ? ((100 * d) / n).toFixed(1) : '0.0'} %`;
  console.log(
    `${'deel'.padEnd(6)} ${'n'.padStart(4)} ${'cmds'.padStart(5)}  ${'recognised'.padStart(16)}  ${'wrong'.padStart(14)}  ${'missed'.padStart(14)}`,
  );
  for (const deel of ['dev', 'test'] as const) {
    const m = meetCommandos(corpus.items.filter((i) => i.deel === deel));
    console.log(
      `${deel.padEnd(6)} ${String(m.n).padStart(4)} ${String(m.commandos).padStart(5)}  ${`${m.herkend} ${pct(m.herkend, m.commandos)}`.padStart(16)}  ${`${m.fout} ${pct(m.fout, m.n)}`.padStart(14)}  ${`${m.gemist} ${pct(m.gemist, m.commandos)}`.padStart(14)}`,
    );
    if (m.foutIds.length) console.log(`       wrong: ${m.foutIds.join(', ')}`);
    if (m.gemistIds.length) console.log(`       missed: ${m.gemistIds.join(', ')}`);
  }
  const claims = meldwijzerClaims();
  console.log(
    `\nmeldwijzer corpus (no commands): claimed ${claims.ids.length}/${claims.n} (${pct(claims.ids.length, claims.n)}; goal ≤ 0.5 %)${claims.ids.length ? `: ${claims.ids.join(', ')}` : ''}`,
  );
  const teksten = [...corpus.items.map((i) => i.tekst)];
  for (const t of teksten) herkenCommando(t, FEATURES);
  const rondes = 200;
  const t0 = performance.now();
  for (let r = 0; r < rondes; r++) for (const t of teksten) herkenCommando(t, FEATURES);
  console.log(
    `${((1000 * (performance.now() - t0)) / (rondes * teksten.length)).toFixed(1)} µs per text (warm, ${teksten.length} texts × ${rondes})`,
  );
}

if (require.main === module) main();
