import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { orgConfigSchema, type OrgConfig } from './schema';
import { issueTeksten, padMetHaken } from '../lists/zod-nl';

/** Thrown when a configuration file is missing or invalid; `message` is one Dutch line per problem. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.map((p) => `${file}: ${p}`).join('\n'));
  }
}

/** Render a zod path like `meldpunten[2].contact.email`. */
export const formatPath = padMetHaken;

/** The organisation name from `INTEGRITEITSPLEIN_ORG` (default `demo`). */
export function orgNameFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return (env.INTEGRITEITSPLEIN_ORG ?? '').trim() || 'demo';
}

/**
 * Parse and validate configuration text (YAML). `file` is used only in messages.
 * @throws ConfigError naming the file, the path inside it and what was expected, e.g.
 *   `config/demo.yaml: meldpunten[2].contact.email: verwacht een e-mailadres`.
 */
export function parseOrgConfig(textContent: string, file: string): OrgConfig {
  const doc = YAML.parseDocument(textContent, { prettyErrors: true });
  if (doc.errors.length) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => `regel ${e.linePos?.[0]?.line ?? '?'}: geen geldige YAML (${e.code})`),
    );
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined)
    throw new ConfigError(file, ['bestand is leeg: verwacht de organisatieconfiguratie (zie config/demo.yaml als voorbeeld)']);
  const r = orgConfigSchema.safeParse(data);
  if (!r.success) {
    throw new ConfigError(file, issueTeksten(r.error, { pad: padMetHaken, leeg: '(bestand)' }));
  }
  return r.data;
}

/** The folder of the organisation files: `INTEGRITEITSPLEIN_CONFIG_DIR` (resolved from the cwd), else `<cwd>/config`. */
export function configDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve((env.INTEGRITEITSPLEIN_CONFIG_DIR ?? '').trim() || 'config');
}

/**
 * Load `<dir>/<org>.yaml` (default dir: `configDirFromEnv()`, i.e. `<cwd>/config`).
 * @throws ConfigError when the file is missing or invalid.
 */
export function loadOrgConfig(org: string = orgNameFromEnv(), dir: string = configDirFromEnv()): OrgConfig {
  if (!/^[a-z0-9-]+$/i.test(org)) throw new ConfigError(`config/${org}.yaml`, ['ongeldige organisatienaam: gebruik letters, cijfers en -']);
  const file = path.join(dir, `${org}.yaml`);
  const shown = path.relative(process.cwd(), file) || file;
  if (!fs.existsSync(file)) {
    const available = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => f.replace(/\.yaml$/, ''))
      : [];
    throw new ConfigError(shown, [`bestand bestaat niet; INTEGRITEITSPLEIN_ORG kan zijn: ${available.join(', ') || '(geen)'}`]);
  }
  return parseOrgConfig(fs.readFileSync(file, 'utf8'), shown);
}
