/** Environment of the app package: env files, local development ids and `${{NAME}}` placeholders. */
import fs from 'node:fs';
import path from 'node:path';

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
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

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
export function placeholderPaths(value: unknown, name: string, at = ''): string[] {
  if (typeof value === 'string') return placeholderNames(value).includes(name) ? [at || '(hoofdniveau)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholderPaths(v, name, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => placeholderPaths(v, name, at ? `${at}.${k}` : k));
  }
  return [];
}

/** A path relative to the working directory when it lies below it, else as given. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}
