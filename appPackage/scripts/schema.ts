/** The official Teams JSON schemas bundled in @microsoft/app-manifest, checked offline, errors in Dutch. */
import fs from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v\d+\.\d+|vDevPreview)\/MicrosoftTeams(\.Localization)?\.schema\.json$/;

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
