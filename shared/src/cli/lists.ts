/**
 * `npm run lists -- <import|export|provision|sync> …` (docs/contracts.md "Commands").
 *
 *   import FILE --list NAME          CSV (`;`/`,`, BOM or not; UTF-8, else read as Windows-1252 with a notice) or
 *                                    JSON; all rows or none; exit 1 on bad rows
 *   export --list NAME [--format csv|json] [--out FILE]
 *   provision --site ID [--dry-run]  create the SharePoint lists (Graph)
 *   sync [--dry-run] [--retry-failed] drain the Graph outbox by hand; with STORE=postgres first a drift report of
 *                                    SharePoint against PostgreSQL and the corrections through the outbox
 *   publiceer-nevenwerk --out DIR [--org NAAM] [--peildatum JJJJ-MM-DD] [--lang nl|en]
 *                                    the publication of senior staff's nevenwerkzaamheden (HTML + CSV)
 *
 * The store comes from the environment (STORE, INTEGRITEITSPLEIN_DB); see shared/src/store/index.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { getListDefinition, isListName, LIST_NAMES, type ListName } from '../lists/definitions';
import { decodeerBestand, itemsToCsv, itemsToJson, parseCsvItems, parseJsonItems, type ParseResult } from '../lists/import-file';
import { itemKey, type AnyListItem } from '../lists/schemas';
import { createListStore, queryAll, type ListStore } from '../store';
import { configDirFromEnv, loadOrgConfig, orgNameFromEnv } from '../config';
import { isBestaandeDatum, vandaag } from '../domain/tijd';
import { t, type Locale } from '../i18n';
import { getalTekst } from '../i18n/formaat';
import { bouwNevenwerkPublicatie, nevenwerkPublicatieCsv, nevenwerkPublicatieHtml } from '../report/publicatie-nevenwerk';
import { beeindig, standaardUitvoer } from './uitvoer';

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIo: CliIo = { out: standaardUitvoer.out, err: standaardUitvoer.err, env: process.env };

function listOption(name: string | undefined): ListName {
  if (!name) throw new UsageError(`geef de lijst met --list NAAM (${LIST_NAMES.join(', ')})`);
  if (!isListName(name)) throw new UsageError(`onbekende lijst "${name}"; kies uit ${LIST_NAMES.join(', ')}`);
  return name;
}

/** A mistake in the command line: printed as one Dutch line, exit code 2. */
export class UsageError extends Error {}

/**
 * A count in the CLI's Dutch: `1 regel`, `2 regels`, `0 rijen`, `1.234 items` — the catalogue's ICU plural
 * `cli.aantal.<soort>` (Intl.PluralRules) with the number in Dutch notation (Intl.NumberFormat).
 * @param soort what is counted: lines of a CSV file, rows read, items of a list (JSON).
 */
export function aantal(n: number, soort: 'regel' | 'rij' | 'item', locale: Locale = 'nl'): string {
  return t(locale, `cli.aantal.${soort}`, { n, getal: getalTekst(locale, n) });
}

/**
 * Import FILE into list NAME. Validates every row first; with any bad row nothing is written and every
 * problem is printed (`regel N, kolom X: …`). Idempotent: rows whose key exists are left unchanged, and
 * reported when they differ from the file; with `update: true` those items are updated to the file's values.
 * @returns the exit code (0 ok, 1 bad rows or unreadable file).
 */
export async function importFile(
  store: ListStore,
  file: string,
  list: ListName,
  io: CliIo = defaultIo,
  options: { update?: boolean } = {},
): Promise<number> {
  if (!fs.existsSync(file)) {
    io.err(`Bestand ${file} bestaat niet.\n`);
    return 1;
  }
  const gelezen = decodeerBestand(fs.readFileSync(file), path.basename(file));
  if (gelezen.melding) io.err(`${gelezen.melding}\n`);
  const text = gelezen.tekst;
  const isJson = /\.json$/i.test(file) || /^\uFEFF?\s*[[{]/.test(text);
  const parsed: ParseResult = isJson ? parseJsonItems(list, text) : parseCsvItems(list, text);
  const unit = isJson ? 'item' : 'regel';
  if (!parsed.ok) {
    const badRows = new Set(parsed.problems.map((p) => p.line)).size;
    io.err(
      `Niets geïmporteerd: ${isJson ? aantal(badRows, 'item') : aantal(badRows, 'regel')} met fouten in ${path.basename(file)} (lijst ${list}):\n`,
    );
    for (const p of parsed.problems) io.err(`  ${unit} ${p.line}, kolom ${p.column}: ${p.message}\n`);
    return 1;
  }
  const total = parsed.items.length;
  const showProgress = total > 1000;
  // Items whose key exists with other content: kept as they are (idempotent), or updated with --update.
  const differing: AnyListItem[] = [];
  for (const it of parsed.items) {
    const cur = await store.get(list, itemKey(list, it));
    if (cur && JSON.stringify(cur) !== JSON.stringify(it)) differing.push(it);
  }
  const r = await store.addMany(list, parsed.items as never, (done, all) => {
    if (showProgress) io.err(`\r  ${list}: ${done}/${all} rijen (${Math.round((done / all) * 100)}%)`);
  });
  if (showProgress) io.err('\n');
  const keyCols = new Set<string>(getListDefinition(list).key);
  if (options.update) {
    for (const it of differing) {
      const patch = Object.fromEntries(Object.entries(it).filter(([k]) => !keyCols.has(k)));
      await store.update(list, itemKey(list, it), patch);
    }
  }
  const same = r.existing - differing.length;
  const parts = [`${r.created} nieuw`, `${same} ongewijzigd`];
  if (differing.length) parts.push(options.update ? `${differing.length} bijgewerkt` : `${differing.length} afwijkend en niet bijgewerkt`);
  io.out(`${list}: ${parts.join(', ')}; ${aantal(total, 'rij')} gelezen uit ${path.basename(file)}.\n`);
  if (differing.length && !options.update) {
    io.err(
      `Let op: ${differing.length === 1 ? '1 bestaand item verschilt' : `${differing.length} bestaande items verschillen`} van het bestand. Importeer opnieuw met --update om ${differing.length === 1 ? 'het' : 'ze'} bij te werken.\n`,
    );
  }
  return 0;
}

/** Export list NAME as canonical JSON or Dutch-Excel CSV to `out` (a file) or stdout. */
export async function exportList(
  store: ListStore,
  list: ListName,
  format: 'csv' | 'json',
  out: string | undefined,
  io: CliIo = defaultIo,
): Promise<number> {
  const items = await queryAll(store, list);
  const text = format === 'json' ? itemsToJson(items) : itemsToCsv(list, items);
  if (out) {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, text);
    io.err(`${aantal(items.length, 'item')} uit ${list} geschreven naar ${out}.\n`);
  } else io.out(text);
  return 0;
}

type GraphCli = {
  runProvision(args: { site?: string; dryRun?: boolean }, io: CliIo): Promise<number>;
  runSync(args: Record<string, unknown>, io: CliIo): Promise<number>;
};
async function graphCli(): Promise<GraphCli> {
  const modulePath = '../store/graph/cli';
  const mod = (await import(modulePath).catch(() => undefined)) as Partial<GraphCli> | undefined;
  if (!mod?.runProvision || !mod.runSync) throw new UsageError('provision en sync vragen de Graph-koppeling, die in deze versie ontbreekt');
  return mod as GraphCli;
}

/**
 * Write `DIR/nevenwerkzaamheden-<peildatum>.html` and `.csv`: the published nevenwerkzaamheden of the functions the
 * organisation file marks `publiceren` (`bouwNevenwerkPublicatie`, Ambtenarenwet art. 8 lid 3).
 * @returns 0 written (with a warning line when HR's activity text is missing somewhere).
 * @throws UsageError for a bad --peildatum or --lang.
 */
export async function publiceerNevenwerk(
  store: ListStore,
  o: { out: string; org?: string; peildatum?: string; lang: string },
  io: CliIo = defaultIo,
): Promise<number> {
  const peildatum = o.peildatum ?? vandaag(new Date());
  if (!isBestaandeDatum(peildatum))
    throw new UsageError(`ongeldige --peildatum "${peildatum}": verwacht een bestaande datum als 2026-12-31`);
  if (o.lang !== 'nl' && o.lang !== 'en') throw new UsageError(`onbekende taal "${o.lang}": kies nl of en`);
  const config = loadOrgConfig(o.org?.trim() || orgNameFromEnv(io.env), configDirFromEnv(io.env));
  const items = await queryAll(store, 'Nevenwerkzaamheden', { where: { register: 'nevenwerkzaamheid' } });
  const p = bouwNevenwerkPublicatie(items, config, peildatum, o.lang);
  fs.mkdirSync(o.out, { recursive: true });
  const html = path.join(o.out, `nevenwerkzaamheden-${peildatum}.html`);
  const csv = path.join(o.out, `nevenwerkzaamheden-${peildatum}.csv`);
  fs.writeFileSync(html, nevenwerkPublicatieHtml(p, o.lang));
  fs.writeFileSync(csv, nevenwerkPublicatieCsv(p, o.lang));
  const n = p.rijen.length;
  io.out(`${t('nl', 'publicatie.nevenwerk.cli.geschreven', { html, csv, n })}\n`);
  if (p.zonderActiviteit) io.err(`${t('nl', 'publicatie.nevenwerk.cli.zonderActiviteit', { n: p.zonderActiviteit })}\n`);
  return 0;
}

/**
 * Run the lists CLI with `argv` (without `node script`).
 * @returns the exit code: 0 ok, 1 data problems, 2 usage errors.
 */
export async function runListsCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const program = new Command('lists')
    .description('Lijsten van Integriteitsplein importeren, exporteren en naar SharePoint brengen')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  let code = 0;
  const withStore = async (fn: (s: ListStore) => Promise<number>) => {
    const store = await createListStore(io.env);
    try {
      code = await fn(store);
    } finally {
      await store.close();
    }
  };
  program
    .command('import')
    .argument('<bestand>', 'CSV- of JSON-bestand')
    .requiredOption('--list <naam>', 'lijst')
    .option('--update', 'bestaande items met dezelfde sleutel bijwerken naar de waarden in het bestand')
    .action(async (file: string, o: { list: string; update?: boolean }) =>
      withStore((s) => importFile(s, file, listOption(o.list), io, { update: !!o.update })),
    );
  program
    .command('export')
    .requiredOption('--list <naam>', 'lijst')
    .option('--format <csv|json>', 'formaat', 'json')
    .option('--out <bestand>', 'schrijf naar bestand in plaats van stdout')
    .action(async (o: { list: string; format: string; out?: string }) => {
      if (o.format !== 'csv' && o.format !== 'json') throw new UsageError(`onbekend formaat "${o.format}": kies csv of json`);
      await withStore((s) => exportList(s, listOption(o.list), o.format as 'csv' | 'json', o.out, io));
    });
  program
    .command('provision')
    .option('--site <id>', 'SharePoint site-id (anders SHAREPOINT_SITE_ID)')
    .option('--dry-run', 'toon alleen het plan')
    .action(async (o: { site?: string; dryRun?: boolean }) => {
      code = await (await graphCli()).runProvision({ site: o.site ?? io.env.SHAREPOINT_SITE_ID, dryRun: !!o.dryRun }, io);
    });
  program
    .command('sync')
    .description('de Graph-outbox nu leegmaken; met STORE=postgres eerst SharePoint met PostgreSQL vergelijken en corrigeren')
    .option('--retry-failed', 'blijvend mislukte rijen eerst opnieuw in de wachtrij zetten')
    .option('--dry-run', 'alleen rapporteren (afwijkingen, outbox); niets versturen of in de wachtrij zetten')
    .action(async (o: { retryFailed?: boolean; dryRun?: boolean }) => {
      code = await (await graphCli()).runSync({ retryFailed: !!o.retryFailed, dryRun: !!o.dryRun }, io);
    });
  program
    .command('publiceer-nevenwerk')
    .description('de publicatie van de nevenwerkzaamheden van topfuncties (HTML en CSV)')
    .requiredOption('--out <map>', 'map voor nevenwerkzaamheden-<peildatum>.html en .csv')
    .option('--org <naam>', 'organisatie: config/<naam>.yaml (standaard INTEGRITEITSPLEIN_ORG of demo)')
    .option('--peildatum <datum>', 'stand per deze datum (JJJJ-MM-DD, standaard vandaag)')
    .option('--lang <taal>', 'nl of en', 'nl')
    .action(async (o: { out: string; org?: string; peildatum?: string; lang: string }) => {
      await withStore((s) => publiceerNevenwerk(s, o, io));
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError) {
      io.err(`Fout: ${err.message}.\n`);
      return 2;
    }
    io.err(`Fout: ${(err as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void runListsCli(process.argv.slice(2)).then((c) => beeindig(c));
}
