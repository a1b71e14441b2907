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
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { readPng, PngError } from './png';
import { ICON_SIZES } from './icons';

/** Repository root (two levels above this file). */
export const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Ids used for env `local` while the Agents Toolkit has not yet created the real ones. They only make the
 * package buildable and checkable offline; a tenant will not know them. Generated once, random, fixed.
 */
export const LOCAL_DEVELOPMENT_IDS: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '5d1f3c2a-8b6e-4f7a-9c0d-1e2f3a4b5c6d',
  BOT_ID: '7a9b8c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  AAD_APP_CLIENT_ID: '3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7',
};

/**
 * Package rules beyond the JSON schema. Sources: Microsoft Learn "Teams app manifest" and "App icons"
 * (icon sizes; outline white on transparent), "Create a bot command menu" (at most 10 commands per scope,
 * title ≤ 32 and description ≤ 128 characters, as in manifest schemas up to v1.16: longer text is cut off
 * in the compose box), and the store validation guidelines (name ≤ 30, full name ≤ 100, short description
 * ≤ 80, full description ≤ 4000, developer name ≤ 32).
 */
export const PACKAGE_RULES = {
  nameShort: 30,
  nameFull: 100,
  descriptionShort: 80,
  descriptionFull: 4000,
  developerName: 32,
  commandTitle: 32,
  commandDescription: 128,
  commandsPerList: 10,
  fileName: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
} as const;

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v\d+\.\d+|vDevPreview)\/MicrosoftTeams(\.Localization)?\.schema\.json$/;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const DOMAIN =
  /^(?=.{1,253}(:|$))[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:\d{1,5})?$/;
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
 * Parses a dotenv file: `NAME=value` lines, `#` comments, optional single or double quotes.
 * @returns the variables in file order (later lines win)
 */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2].trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
      value = value.slice(1, -1);
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    out[m[1]] = value;
  }
  return out;
}

/**
 * Collects the variables for an environment: env/.env.<env>, then env/.env.<env>.user, then the process
 * environment (for names that a placeholder uses), each overriding the one before.
 * @returns values and the list of env files read (relative to the repository root where possible)
 */
export function readEnvironment(
  env: string,
  envDir: string,
  environ: NodeJS.ProcessEnv,
  names: Iterable<string>,
): { values: Record<string, string>; files: string[] } {
  const values: Record<string, string> = {};
  const files: string[] = [];
  for (const file of [`.env.${env}`, `.env.${env}.user`]) {
    const full = path.join(envDir, file);
    if (!fs.existsSync(full)) continue;
    files.push(displayPath(full));
    Object.assign(values, parseDotenv(fs.readFileSync(full, 'utf8')));
  }
  for (const name of names) {
    const v = environ[name];
    if (v !== undefined && v !== '') values[name] = v;
  }
  return { values, files };
}

/** Names of all `${{NAME}}` placeholders in a text, in order of first appearance. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Replaces `${{NAME}}` in a JSON text with JSON-escaped values; names without a (non-empty) value stay.
 */
export function fillPlaceholders(jsonText: string, values: Record<string, string>): string {
  return jsonText.replace(PLACEHOLDER, (whole, name: string) => {
    const v = values[name];
    return v === undefined || v === '' ? whole : JSON.stringify(v).slice(1, -1);
  });
}

/** JSON paths (`bots[0].botId`) of the strings in `value` that contain `${{name}}`. */
function placeholderPaths(value: unknown, name: string, at = ''): string[] {
  if (typeof value === 'string') return placeholderNames(value).includes(name) ? [at || '(hoofdniveau)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholderPaths(v, name, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => placeholderPaths(v, name, at ? `${at}.${k}` : k));
  }
  return [];
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

/** Turns an ajv instance path (`/bots/0/botId`) into `bots[0].botId`. */
function jsonPath(instancePath: string): string {
  const parts = instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || '(hoofdniveau)';
}

/**
 * Translates one line of `AppManifestUtils.validateAgainstSchema` output (`<instancePath> <ajv message>.
 * Details: <params JSON>`) into Dutch: `<pad>: <wat er mis is>`.
 */
export function translateSchemaError(line: string): string {
  const split = line.lastIndexOf('. Details: ');
  const head = split >= 0 ? line.slice(0, split) : line;
  let params: Record<string, unknown> = {};
  try {
    if (split >= 0) params = JSON.parse(line.slice(split + '. Details: '.length)) as Record<string, unknown>;
  } catch {
    /* keep {} */
  }
  const space = head.indexOf(' ');
  const instancePath = head.startsWith('/') && space > 0 ? head.slice(0, space) : '';
  const message = (instancePath ? head.slice(space + 1) : head).trim();
  const where = jsonPath(instancePath);
  let m: RegExpExecArray | null;
  if ((m = /^must have required property '(.+)'$/.exec(message))) return `${where}: verplicht veld "${m[1]}" ontbreekt`;
  if ((m = /^must NOT have more than (\d+) characters$/.exec(message))) return `${where}: te lang, hoogstens ${m[1]} tekens`;
  if ((m = /^must NOT have fewer than (\d+) characters$/.exec(message))) return `${where}: te kort, minstens ${m[1]} tekens`;
  if ((m = /^must NOT have more than (\d+) items$/.exec(message))) return `${where}: te veel elementen, hoogstens ${m[1]}`;
  if ((m = /^must NOT have fewer than (\d+) items$/.exec(message))) return `${where}: te weinig elementen, minstens ${m[1]}`;
  if (/^must match pattern/.test(message)) return `${where}: ongeldige waarde (verwacht patroon ${String(params.pattern ?? '')})`;
  if (/^must be equal to one of the allowed values$/.test(message)) {
    const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.join(', ') : '';
    return `${where}: waarde niet toegestaan${allowed ? ` (toegestaan: ${allowed})` : ''}`;
  }
  if (/^must be equal to constant$/.test(message)) return `${where}: moet "${String(params.allowedValue)}" zijn`;
  if (/^must NOT have additional properties$/.test(message)) return `${where}: onbekend veld "${String(params.additionalProperty)}"`;
  if ((m = /^must be (string|number|integer|boolean|object|array|null)$/.exec(message))) return `${where}: verwacht type ${m[1]}`;
  if ((m = /^must match format "(.+)"$/.exec(message))) return `${where}: geen geldige ${m[1]}`;
  if (/^must NOT have duplicate items/.test(message)) return `${where}: dubbele elementen`;
  return `${where}: ${message} (schema)`;
}

/** Loads a bundled schema of @microsoft/app-manifest by its URL; never touches the network. */
function loadBundledSchema(url: string): object | undefined {
  const m = SCHEMA_URL.exec(url);
  if (!m) return undefined;
  const dir = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams', m[1]);
  const file = path.join(dir, m[2] ? 'MicrosoftTeams.Localization.schema.json' : 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(file)) return undefined;
  // Same clean-up as AppManifestUtils.fetchSchema: some schemas contain \a and \v escapes JSON does not allow.
  // And: the Localization schemas (v1.2x–v1.30) have patterns like `activityTypes\[\b(…)\b]\.description`,
  // whose lone `]` is a syntax error in a unicode RegExp, so ajv cannot compile them at all. Escaping that
  // bracket keeps the intended meaning (a literal `]`).
  const text = fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b').split('\\\\b]').join('\\\\b\\\\]');
  return JSON.parse(text) as object;
}

/**
 * Checks a JSON document against the bundled Teams schema named by its `$schema`, offline.
 * @returns Dutch problem lines prefixed with `file`
 */
export async function validateAgainstBundledSchema(file: string, doc: Record<string, unknown>, localization = false): Promise<string[]> {
  const url = typeof doc.$schema === 'string' ? doc.$schema : '';
  const kind = localization ? 'MicrosoftTeams.Localization.schema.json' : 'MicrosoftTeams.schema.json';
  const m = SCHEMA_URL.exec(url);
  if (!m || Boolean(m[2]) !== localization) {
    return [
      `${file}: $schema: moet https://developer.microsoft.com/json-schemas/teams/vX.Y/${kind} zijn (offline te valideren), niet "${url}"`,
    ];
  }
  const schema = loadBundledSchema(url);
  if (!schema) return [`${file}: $schema: versie ${m[1]} zit niet in @microsoft/app-manifest; kies v1.0 t/m v1.30`];
  const errors = await AppManifestUtils.validateAgainstSchema(doc as unknown as AppManifest, schema as never);
  return errors.map((e) => `${file}: ${translateSchemaError(e)}`);
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Checks one icon file: a PNG of the right size; the outline white on a transparent background. */
export function checkIcon(file: string, data: Buffer | undefined, kind: 'color' | 'outline'): string[] {
  const size = ICON_SIZES[kind];
  if (!data) return [`${file}: bestand ontbreekt (icons.${kind})`];
  let png;
  try {
    png = readPng(data);
  } catch (e) {
    return [`${file}: ${e instanceof PngError ? e.message : 'onleesbaar'} (icons.${kind} moet een PNG van ${size}×${size} zijn)`];
  }
  const problems: string[] = [];
  if (png.width !== size || png.height !== size) {
    problems.push(`${file}: is ${png.width}×${png.height} pixels; icons.${kind} moet ${size}×${size} zijn`);
  }
  if (kind === 'outline') {
    if (!png.hasAlphaChannel) problems.push(`${file}: heeft geen transparantie; het outline-icoon moet wit op transparant zijn`);
    else if (!png.rgba) problems.push(`${file}: kan transparantie niet controleren: ${png.unsupported}`);
    else {
      let transparent = 0,
        coloured = 0;
      for (let i = 0; i < png.rgba.length; i += 4) {
        const [r, g, b, a] = [png.rgba[i], png.rgba[i + 1], png.rgba[i + 2], png.rgba[i + 3]];
        if (a === 0) transparent++;
        // Anti-aliased edges may be slightly off-white; opaque pixels must be pure white.
        else if (a === 255 ? r + g + b !== 765 : Math.min(r, g, b) < 224) coloured++;
      }
      if (transparent === 0) problems.push(`${file}: geen transparante achtergrond; het outline-icoon moet wit op transparant zijn`);
      if (coloured > 0)
        problems.push(`${file}: ${coloured} pixels zijn niet wit; het outline-icoon mag alleen wit en transparant bevatten`);
    }
  }
  return problems;
}

/** Checks that a manifest-relative path is a plain file name that can sit at the root of the zip. */
function checkFileName(where: string, name: string | undefined, ext: string): string[] {
  if (name === undefined) return [];
  if (!PACKAGE_RULES.fileName.test(name) || name.includes('..')) {
    return [`manifest.json: ${where}: "${name}" moet een bestandsnaam zonder map zijn (letters, cijfers, . _ -)`];
  }
  if (!name.toLowerCase().endsWith(ext)) return [`manifest.json: ${where}: "${name}" moet op ${ext} eindigen`];
  return [];
}

function checkLength(file: string, where: string, value: unknown, max: number): string[] {
  const s = str(value);
  if (s === undefined) return [];
  if (!s.trim()) return [`${file}: ${where}: is leeg`];
  return [...s].length > max ? [`${file}: ${where}: ${[...s].length} tekens, hoogstens ${max}`] : [];
}

/**
 * Package rules for a filled manifest and its files (everything the schema does not say).
 * @param files file name → bytes, as they go into the zip (manifest.json included)
 * @param tabDomain the TAB_DOMAIN value, to check tab URLs, validDomains and the SSO resource
 */
export function checkPackageRules(manifest: Json, files: Map<string, Buffer>, tabDomain: string | undefined): string[] {
  const problems: string[] = [];
  const m = 'manifest.json';
  const icons = obj(manifest.icons);
  problems.push(...checkFileName('icons.color', str(icons.color), '.png'), ...checkFileName('icons.outline', str(icons.outline), '.png'));
  if (str(icons.color)) problems.push(...checkIcon(str(icons.color)!, files.get(str(icons.color)!), 'color'));
  if (str(icons.outline)) problems.push(...checkIcon(str(icons.outline)!, files.get(str(icons.outline)!), 'outline'));

  const R = PACKAGE_RULES;
  problems.push(
    ...checkLength(m, 'name.short', obj(manifest.name).short, R.nameShort),
    ...checkLength(m, 'name.full', obj(manifest.name).full, R.nameFull),
    ...checkLength(m, 'description.short', obj(manifest.description).short, R.descriptionShort),
    ...checkLength(m, 'description.full', obj(manifest.description).full, R.descriptionFull),
    ...checkLength(m, 'developer.name', obj(manifest.developer).name, R.developerName),
  );

  const bots = arr(manifest.bots);
  if (bots.length === 0) problems.push(`${m}: bots: ontbreekt; Integriteitsplein heeft precies één bot`);
  bots.forEach((bot, b) => {
    if (!str(obj(bot).botId)) problems.push(`${m}: bots[${b}].botId: ontbreekt (de Microsoft App ID van de bot, BOT_ID)`);
    arr(obj(bot).commandLists).forEach((list, l) => {
      const commands = arr(obj(list).commands);
      const at = `bots[${b}].commandLists[${l}]`;
      if (commands.length > R.commandsPerList)
        problems.push(`${m}: ${at}.commands: ${commands.length} opdrachten, hoogstens ${R.commandsPerList}`);
      commands.forEach((c, i) => {
        problems.push(...checkLength(m, `${at}.commands[${i}].title`, obj(c).title, R.commandTitle));
        problems.push(...checkLength(m, `${at}.commands[${i}].description`, obj(c).description, R.commandDescription));
      });
    });
  });

  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'] as const) {
    const url = str(obj(manifest.developer)[key]);
    if (url !== undefined && !url.includes('${{') && !/^https:\/\/[^/\s]+/.test(url))
      problems.push(`${m}: developer.${key}: moet een https://-adres zijn`);
  }

  const domainOk = tabDomain !== undefined && DOMAIN.test(tabDomain);
  if (tabDomain !== undefined && !domainOk) {
    problems.push(
      `TAB_DOMAIN: "${tabDomain}" moet een domeinnaam zijn zonder https:// en zonder pad, bv. integriteitsplein.azurewebsites.net`,
    );
  }
  const entityIds = new Set<string>();
  arr(manifest.staticTabs).forEach((tab, i) => {
    const t = obj(tab);
    const id = str(t.entityId) ?? '';
    if (entityIds.has(id)) problems.push(`${m}: staticTabs[${i}].entityId: "${id}" komt twee keer voor`);
    entityIds.add(id);
    for (const key of ['contentUrl', 'websiteUrl'] as const) {
      const url = str(t[key]);
      if (url === undefined) continue;
      if (!url.startsWith('https://')) problems.push(`${m}: staticTabs[${i}].${key}: moet met https:// beginnen`);
      else if (domainOk && hostOf(url) !== tabDomain.toLowerCase()) {
        problems.push(`${m}: staticTabs[${i}].${key}: ligt niet op TAB_DOMAIN (${tabDomain})`);
      }
    }
  });
  const validDomains = arr(manifest.validDomains).map(String);
  if (domainOk && entityIds.size > 0 && !validDomains.includes(tabDomain)) {
    problems.push(`${m}: validDomains: moet TAB_DOMAIN (${tabDomain}) bevatten`);
  }
  const sso = obj(manifest.webApplicationInfo);
  const ssoId = str(sso.id);
  if (str(sso.resource) && domainOk && ssoId && sso.resource !== `api://${tabDomain}/${ssoId}`) {
    problems.push(
      `${m}: webApplicationInfo.resource: moet api://${tabDomain}/${ssoId} zijn (Application ID URI van de app-registratie voor tab-SSO)`,
    );
  }

  // Localization files: file names, presence and indexed keys that point at existing manifest elements.
  const loc = obj(manifest.localizationInfo);
  const languageFiles = [str(loc.defaultLanguageFile), ...arr(loc.additionalLanguages).map((l) => str(obj(l).file))];
  languageFiles.forEach((file, i) => {
    if (!file) return;
    const where = i === 0 ? 'localizationInfo.defaultLanguageFile' : `localizationInfo.additionalLanguages[${i - 1}].file`;
    problems.push(...checkFileName(where, file, '.json'));
    const data = files.get(file);
    if (!data) {
      problems.push(`${file}: bestand ontbreekt (${where})`);
      return;
    }
    let doc: Json;
    try {
      doc = JSON.parse(data.toString('utf8')) as Json;
    } catch {
      problems.push(`${file}: geen geldige JSON`);
      return;
    }
    for (const [key, value] of Object.entries(doc)) {
      if (key === '$schema') continue;
      const limits: Record<string, number> = {
        'name.short': R.nameShort,
        'name.full': R.nameFull,
        'description.short': R.descriptionShort,
        'description.full': R.descriptionFull,
      };
      if (key in limits) problems.push(...checkLength(file, key, value, limits[key]));
      else if (/\.commands\[\d+\]\.title$/.test(key)) problems.push(...checkLength(file, key, value, R.commandTitle));
      else if (/\.commands\[\d+\]\.description$/.test(key)) problems.push(...checkLength(file, key, value, R.commandDescription));
      if (key.includes('[') && resolvePath(manifest, key) === undefined) {
        problems.push(`${file}: ${key}: verwijst naar iets dat niet in manifest.json staat`);
      }
    }
  });
  return problems;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** Follows a localization key such as `bots[0].commandLists[1].commands[0].title` through the manifest. */
function resolvePath(root: unknown, key: string): unknown {
  let cur: unknown = root;
  for (const part of key.match(/[^.[\]]+/g) ?? []) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/**
 * Checks a finished package (the zip's files) completely: placeholders, schema (manifest and localization
 * files) and package rules. Use it for a zip from anywhere (`validateZip`) or inside `buildAppPackage`.
 * @returns Dutch problem lines; empty when the package is valid
 */
export async function validatePackageFiles(files: Map<string, Buffer>, tabDomain?: string): Promise<string[]> {
  const raw = files.get('manifest.json');
  if (!raw) return ['manifest.json: ontbreekt in het pakket'];
  let manifest: Json;
  try {
    manifest = JSON.parse(raw.toString('utf8')) as Json;
  } catch (e) {
    return [`manifest.json: geen geldige JSON (${(e as Error).message})`];
  }
  const problems: string[] = [];
  for (const [name, data] of files) {
    if (!name.endsWith('.json')) continue;
    for (const ph of placeholderNames(data.toString('utf8'))) problems.push(`${name}: \${{${ph}}} is niet ingevuld`);
  }
  problems.push(...(await validateAgainstBundledSchema('manifest.json', manifest)));
  const loc = obj(manifest.localizationInfo);
  for (const l of arr(loc.additionalLanguages)) {
    const file = str(obj(l).file);
    const data = file ? files.get(file) : undefined;
    if (!file || !data) continue;
    let doc: Json;
    try {
      doc = JSON.parse(data.toString('utf8')) as Json;
    } catch {
      continue; // invalid JSON is reported by the package rules
    }
    problems.push(...(await validateAgainstBundledSchema(file, doc, true)));
  }
  const domain = tabDomain ?? inferTabDomain(manifest);
  problems.push(...checkPackageRules(manifest, files, domain));
  return [...new Set(problems)];
}

/** The tab domain a filled manifest uses: the host of its first static tab's contentUrl. */
function inferTabDomain(manifest: Json): string | undefined {
  for (const tab of arr(manifest.staticTabs)) {
    const url = str(obj(tab).contentUrl);
    if (url?.startsWith('https://') && !url.includes('${{')) return hostOf(url);
  }
  return undefined;
}

/** Reads a zip and checks it with `validatePackageFiles`; also rejects folders inside the zip. */
export async function validateZip(zipBytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(zipBytes);
  const files = new Map<string, Buffer>();
  const problems: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || entry.name.includes('/')) {
      problems.push(`${entry.name}: het pakket mag geen mappen bevatten; alle bestanden staan in de root van de zip`);
      continue;
    }
    files.set(entry.name, await entry.async('nodebuffer'));
  }
  return [...problems, ...(await validatePackageFiles(files))];
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
