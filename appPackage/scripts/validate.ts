/** Checks a finished package: placeholders, schema and package rules. */
import JSZip from 'jszip';
import { placeholderNames } from './env';
import { validateAgainstBundledSchema } from './schema';
import { arr, checkPackageRules, hostOf, obj, str, type Json } from './rules';

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
