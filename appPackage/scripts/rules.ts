/** The package rules Teams applies on upload, beyond the JSON schema (icons, file names, lengths, tab URLs, SSO). */
import { readPng, PngError } from './png';
import { ICON_SIZES } from './icons';

/**
 * Package rules beyond the JSON schema. Sources: Microsoft Learn "Teams app manifest" and "App icons"
 * (icon sizes; outline white on transparent), the bundled manifest schema v1.30 that `manifest.json` names
 * (at most 12 commands per command list, since v1.24; 10 before), "Create a bot command menu" (title ≤ 32 and
 * description ≤ 128 characters: the v1.21+ schema allows 128 for a title, but the command menu shows about
 * 32, so a longer title is kept out on purpose), and the store validation guidelines (name ≤ 30, full name
 * ≤ 100, short description ≤ 80, full description ≤ 4000, developer name ≤ 32).
 */
export const PACKAGE_RULES = {
  nameShort: 30,
  nameFull: 100,
  descriptionShort: 80,
  descriptionFull: 4000,
  developerName: 32,
  commandTitle: 32,
  commandDescription: 128,
  commandsPerList: 12,
  fileName: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
} as const;

const DOMAIN =
  /^(?=.{1,253}(:|$))[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:\d{1,5})?$/;

/** A JSON object as the manifest checks read it. */
export type Json = Record<string, unknown>;
/** `v` as an object, or `{}`. */
export const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
/** `v` as an array, or `[]`. */
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** `v` when it is a string. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

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

/** The host (with port) of an https URL, or undefined. */
export function hostOf(url: string): string | undefined {
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
