/**
 * Builds and checks the Teams app package (`appPackage/build/appPackage.<env>.zip`).
 *
 * 1. Reads `env/.env.<env>` and `env/.env.<env>.user` (secrets, gitignored); variables set in the process
 *    environment win (the Agents Toolkit and CI set them). For env `local` only, ids that are still empty
 *    get fixed local development GUIDs (LOCAL_DEVELOPMENT_IDS), so the package can be built and checked
 *    without a tenant; a notice says so.
 * 2. Fills the `${{NAME}}` placeholders in manifest.json and the localization files.
 * 3. Checks the result OFFLINE against the official Teams JSON schema bundled in @microsoft/app-manifest
 *    (`AppManifestUtils.validateAgainstSchema` with the schema file the package ships, chosen by the
 *    manifest's `$schema` URL), and against the package rules Teams applies on upload (icon sizes and
 *    transparency, file names, name/description/command lengths, placeholders, tab URLs and SSO resource).
 * 4. Writes a deterministic zip (fixed timestamps) with the files at its root.
 *
 * Every problem is one Dutch line: `<bestand>: <pad>: <wat er mis is>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { displayPath, fillPlaceholders, LOCAL_DEVELOPMENT_IDS, placeholderNames, placeholderPaths, readEnvironment, ROOT } from './env';
import { arr, obj, PACKAGE_RULES, str, type Json } from './rules';
import { validatePackageFiles } from './validate';

export { LOCAL_DEVELOPMENT_IDS, parseDotenv, placeholderNames, fillPlaceholders, readEnvironment, ROOT } from './env';
export { translateSchemaError, validateAgainstBundledSchema } from './schema';
export { checkIcon, checkPackageRules, PACKAGE_RULES } from './rules';
export { validatePackageFiles, validateZip } from './validate';

const ZIP_DATE = new Date('2026-01-01T00:00:00Z');

/** Options of `buildAppPackage`. Every path defaults to the repository layout. */
export interface BuildOptions {
  /** Environment name: `local`, `dev`, … (selects env/.env.<env>). */
  env: string;
  /** Folder with manifest.json, its localization files and icons. Default `appPackage/`. */
  sourceDir?: string;
  /** Folder with the .env files. Default `env/`. */
  envDir?: string;
  /** Where the zip goes. Default `appPackage/build/`. */
  outDir?: string;
  /** Process environment to take overrides from. Default `process.env`. */
  environ?: NodeJS.ProcessEnv;
}

/** Result: the zip path (only when there are no problems), problems and notices, both Dutch. */
export interface BuildResult {
  zipPath?: string;
  problems: string[];
  notices: string[];
  /** The filled files that went (or would have gone) into the zip. */
  files: Map<string, Buffer>;
}

/**
 * Builds `appPackage.<env>.zip`: fills placeholders from the env files, checks everything, writes the zip
 * only when there are no problems.
 * @throws only on I/O errors (unreadable source folder); every content problem is returned in `problems`
 */
export async function buildAppPackage(options: BuildOptions): Promise<BuildResult> {
  const env = options.env;
  const sourceDir = options.sourceDir ?? path.join(ROOT, 'appPackage');
  const envDir = options.envDir ?? path.join(ROOT, 'env');
  const outDir = options.outDir ?? path.join(sourceDir, 'build');
  const environ = options.environ ?? process.env;
  const notices: string[] = [];
  const problems: string[] = [];

  if (!/^[A-Za-z0-9_-]+$/.test(env))
    return { problems: [`--env: "${env}" is geen geldige omgevingsnaam (bv. local of dev)`], notices, files: new Map() };
  const manifestPath = path.join(sourceDir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) return { problems: [`${displayPath(manifestPath)}: ontbreekt`], notices, files: new Map() };
  const manifestText = fs.readFileSync(manifestPath, 'utf8');
  let template: Json;
  try {
    template = JSON.parse(manifestText) as Json;
  } catch (e) {
    return { problems: [`manifest.json: geen geldige JSON (${(e as Error).message})`], notices, files: new Map() };
  }

  // The files that go into the zip: the manifest plus everything it names (icons, localization files).
  const icons = obj(template.icons);
  const loc = obj(template.localizationInfo);
  const named = [
    str(icons.color),
    str(icons.outline),
    str(icons.color32x32),
    str(loc.defaultLanguageFile),
    ...arr(loc.additionalLanguages).map((l) => str(obj(l).file)),
  ].filter((n): n is string => Boolean(n));
  const texts = new Map<string, string>([['manifest.json', manifestText]]);
  const binaries = new Map<string, Buffer>();
  for (const name of named) {
    const full = path.join(sourceDir, name);
    if (!PACKAGE_RULES.fileName.test(name) || !fs.existsSync(full)) continue; // reported by the rules
    if (name.endsWith('.json')) texts.set(name, fs.readFileSync(full, 'utf8'));
    else binaries.set(name, fs.readFileSync(full));
  }

  const names = [...new Set([...texts.values()].flatMap(placeholderNames))];
  const { values, files: envFiles } = readEnvironment(env, envDir, environ, names);
  const envLabel = envFiles.length ? envFiles.join(' / ') : `${displayPath(path.join(envDir, `.env.${env}`))} (ontbreekt)`;
  if (env === 'local') {
    const filled = Object.keys(LOCAL_DEVELOPMENT_IDS).filter((k) => names.includes(k) && !values[k]);
    for (const k of filled) values[k] = LOCAL_DEVELOPMENT_IDS[k];
    if (filled.length) {
      notices.push(
        `Let op: ${filled.join(', ')} nog leeg in ${envLabel}; vaste lokale ontwikkel-id's gebruikt. ` +
          'Zo is het pakket offline te controleren; voor sideloaden eerst provisionen (zie README, "Naar je eigen tenant").',
      );
    }
  }
  const unfilled = new Set<string>(); // "file: path" of strings that still hold a placeholder
  for (const name of names) {
    if (values[name]) continue;
    const where = [...texts].flatMap(([file, text]) => {
      try {
        return placeholderPaths(JSON.parse(text), name).map((p) => `${file}: ${p}`);
      } catch {
        return [];
      }
    });
    where.forEach((w) => unfilled.add(w));
    const shown = where.length > 3 ? `${where.slice(0, 3).join(', ')} en ${where.length - 3} andere` : where.join(', ');
    problems.push(`${name}: leeg of ontbreekt in ${envLabel} (nodig voor ${shown}); vul het in of voer eerst provision uit`);
  }

  const files = new Map<string, Buffer>();
  for (const [name, text] of texts) files.set(name, Buffer.from(fillPlaceholders(text, values), 'utf8'));
  for (const [name, data] of binaries) files.set(name, data);
  const tabDomain = values.TAB_DOMAIN || undefined;
  const found = await validatePackageFiles(files, tabDomain);
  // A missing variable is named once above; drop the follow-on errors about the strings that still hold it.
  problems.push(
    ...found
      .filter((p) => !/ is niet ingevuld$/.test(p) || unfilled.size === 0)
      .filter((p) => ![...unfilled].some((w) => p.startsWith(`${w}:`) || p.startsWith(`${w}.`))),
  );
  if (problems.length) return { problems, notices, files };

  const zip = new JSZip();
  for (const [name, data] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    zip.file(name, data, { date: ZIP_DATE, createFolders: false });
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
  fs.mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${env}.zip`);
  fs.writeFileSync(zipPath, bytes);
  return { zipPath, problems, notices, files };
}
