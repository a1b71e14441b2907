/**
 * `npm run report -- --year 2024 --format json|docx|xlsx|html --out DIR [--org NAME] [--years 3]
 * [--suppress-below N]` — the jaarverslag integriteit from the lists (docs/contracts.md "The annual report
 * contract").
 *
 * Reads the store the environment configures (STORE=sqlite|graph, INTEGRITEITSPLEIN_DB) through the
 * ListStore port, builds the JSON contract with `buildJaarverslag` and writes `DIR/jaarverslag-<jaar>.<ext>`.
 * `--org` picks `config/<NAME>.yaml` (default INTEGRITEITSPLEIN_ORG, else `demo`) for the organisation name.
 * `--years` is the number of years covered including `--year` (default 3). `--suppress-below N` shows
 * counts 1..N−1 as "<N" in docx and html only.
 * Exit codes: 0 written (also for an empty year, with a warning line), 1 bad arguments or failure (also when
 * STORE=sqlite and the INTEGRITEITSPLEIN_DB file does not exist: no empty database is created).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { z } from 'zod';
import { loadOrgConfig, orgNameFromEnv } from '../config';
import { t } from '../i18n';
import { buildJaarverslag, isLeegJaar, leesJaarverslagBronnen, type Jaarverslag } from '../report';
import { createListStore, databasePathFromEnv } from '../store';
import { beeindig, standaardUitvoer } from './uitvoer';

/** Where the CLI writes; injectable for tests. */
export interface ReportIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** Config folder (default `<cwd>/config`). */
  configDir?: string;
}

const defaultIo: ReportIo = { out: standaardUitvoer.out, err: standaardUitvoer.err, env: process.env };

export const FORMATEN = ['json', 'docx', 'xlsx', 'html'] as const;
export type Formaat = (typeof FORMATEN)[number];

/** Validated command-line options. */
export interface ReportOpties {
  jaar: number;
  formaat: Formaat;
  out: string;
  org: string;
  years: number;
  onderDrempel?: number;
}

class ArgumentFout extends Error {}

const geheel = (min: number, max: number) => z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

/**
 * Validate the raw option strings (zod). Dutch message per problem.
 * @throws ArgumentFout with a Dutch message naming the option and what is expected.
 */
export function parseReportOpties(
  raw: { year?: string; format?: string; out?: string; org?: string; years?: string; suppressBelow?: string },
  env: NodeJS.ProcessEnv,
): ReportOpties {
  const m = (key: string, waarde?: string) => t('nl', `report.cli.fout.${key}`, { waarde: waarde ?? '' });
  const jaar = geheel(1900, 9999).safeParse(raw.year ?? '');
  if (!jaar.success) throw new ArgumentFout(m('jaar', raw.year));
  const formaat = z.enum(FORMATEN).safeParse((raw.format ?? 'json').trim().toLowerCase());
  if (!formaat.success) throw new ArgumentFout(m('format', raw.format));
  if (!raw.out || !raw.out.trim()) throw new ArgumentFout(m('out'));
  const years = geheel(1, 20).safeParse(raw.years ?? '3');
  if (!years.success) throw new ArgumentFout(m('years', raw.years));
  let onderDrempel: number | undefined;
  if (raw.suppressBelow !== undefined) {
    const s = geheel(2, 1_000_000).safeParse(raw.suppressBelow);
    if (!s.success) throw new ArgumentFout(m('suppress', raw.suppressBelow));
    onderDrempel = s.data;
  }
  return {
    jaar: jaar.data,
    formaat: formaat.data,
    out: raw.out,
    org: raw.org?.trim() || orgNameFromEnv(env),
    years: years.data,
    onderDrempel,
  };
}

/**
 * Render `verslag` in `formaat` (JSON: 2-space indented, newline at the end). The renderers are loaded on
 * demand, so a JSON run does not load docx, exceljs or resvg.
 */
export async function renderJaarverslag(verslag: Jaarverslag, formaat: Formaat, onderDrempel?: number): Promise<Buffer | string> {
  switch (formaat) {
    case 'json':
      return `${JSON.stringify(verslag, null, 2)}\n`;
    case 'docx':
      return (await import('../report/docx')).renderDocx(verslag, { onderDrempel });
    case 'xlsx':
      return (await import('../report/xlsx')).renderXlsx(verslag);
    case 'html':
      return (await import('../report/html')).renderHtml(verslag, { onderDrempel });
  }
}

/**
 * Run the report CLI with `argv` (without `node script`).
 * @returns the exit code: 0 written, 1 bad arguments or failure (one Dutch line on stderr).
 */
export async function runReportCli(argv: string[], io: ReportIo = defaultIo): Promise<number> {
  const program = new Command('report')
    .description(t('nl', 'report.cli.beschrijving'))
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .option('--year <jaar>', 'verslagjaar, bv. 2024')
    .option('--format <formaat>', 'json, docx, xlsx of html', 'json')
    .option('--out <map>', 'map voor het verslag')
    .option('--org <naam>', 'organisatie: config/<naam>.yaml (standaard INTEGRITEITSPLEIN_ORG of demo)')
    .option('--years <n>', 'aantal jaren in het verslag, verslagjaar meegeteld', '3')
    .option('--suppress-below <n>', 'toon aantallen 1..N-1 als "<N" in docx en html');
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return 0; // --help
      const details = err.message
        .replace(/^error: /, '')
        .replace(/^unknown option '([^']+)'.*$/s, 'onbekende optie $1')
        .replace(/^option '([^']+)' argument missing$/, 'optie $1 mist een waarde')
        .replace(/^too many arguments.*$/s, 'te veel argumenten');
      io.err(`Fout: ${t('nl', 'report.cli.fout.argument', { details })}\n`);
      return 1;
    }
    throw err;
  }
  let opties: ReportOpties;
  try {
    opties = parseReportOpties(program.opts(), io.env);
    if (fs.existsSync(opties.out) && !fs.statSync(opties.out).isDirectory())
      throw new ArgumentFout(t('nl', 'report.cli.fout.outNietMap', { waarde: opties.out }));
  } catch (err) {
    if (err instanceof ArgumentFout) {
      io.err(`Fout: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  try {
    const organisatie = loadOrgConfig(opties.org, io.configDir ?? path.resolve('config')).organisatie.naam;
    // Opening a missing SQLite file would create an empty database and an all-zero report: refuse instead.
    if (((io.env.STORE ?? 'sqlite').trim() || 'sqlite') === 'sqlite') {
      const db = databasePathFromEnv(io.env);
      if (db !== ':memory:' && !fs.existsSync(db)) {
        io.err(`Fout: ${t('nl', 'report.cli.fout.geenDatabase', { pad: path.resolve(db) })}\n`);
        return 1;
      }
    }
    const store = await createListStore(io.env);
    let verslag: Jaarverslag;
    try {
      const getoond = new Map<string, number>();
      const bronnen = await leesJaarverslagBronnen(store, { jaar: opties.jaar, years: opties.years }, (lijst, gelezen) => {
        // Progress for large lists only: a line per 5,000 items read (also readable in logs and CI).
        if (gelezen >= 5000 && gelezen - (getoond.get(lijst) ?? 0) >= 5000) {
          getoond.set(lijst, gelezen);
          io.err(`${t('nl', 'report.cli.lezen')}: ${lijst} ${gelezen.toLocaleString('nl-NL')}\n`);
        }
      });
      verslag = buildJaarverslag(bronnen, { jaar: opties.jaar, organisatie, years: opties.years });
    } finally {
      await store.close();
    }
    if (isLeegJaar(verslag)) io.err(`${t('nl', 'report.cli.waarschuwingLeeg', { jaar: opties.jaar })}\n`);
    fs.mkdirSync(opties.out, { recursive: true });
    const bestand = path.join(opties.out, `jaarverslag-${opties.jaar}.${opties.formaat}`);
    fs.writeFileSync(bestand, await renderJaarverslag(verslag, opties.formaat, opties.onderDrempel));
    io.out(`${t('nl', 'report.cli.geschreven', { bestand })}\n`);
    return 0;
  } catch (err) {
    io.err(`Fout: ${t('nl', 'report.cli.fout.algemeen', { details: (err as Error).message })}\n`);
    return 1;
  }
}

if (require.main === module) {
  void runReportCli(process.argv.slice(2)).then((c) => beeindig(c));
}
