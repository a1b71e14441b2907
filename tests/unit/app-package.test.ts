/**
 * The Teams app package: `npm run package` builds a zip that passes the official Teams schema OFFLINE
 * (the schema file bundled in @microsoft/app-manifest, loaded here independently of the code under test)
 * and the package rules; broken manifests fail with a Dutch message that names the problem.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { buildAppPackage, validateZip, parseDotenv, translateSchemaError } from '../../appPackage/scripts/app-package';

// @microsoft/app-manifest requires strip-bom, an ES module that jest (CommonJS, Node 20) cannot load; it is
// used only when the library reads manifest files itself, which this code never asks it to do.
jest.mock('strip-bom', () => ({ __esModule: true, default: (s: string) => s.replace(/^\uFEFF/, '') }));

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = path.join(ROOT, 'appPackage');
const IDS = {
  TEAMS_APP_ID: '0b6a4a52-1f2e-4c3d-8e9f-a1b2c3d4e5f6',
  BOT_ID: '11111111-2222-4333-8444-555555555555',
  AAD_APP_CLIENT_ID: '99999999-8888-4777-8666-555555555555',
  TAB_DOMAIN: 'integriteitsplein.example.nl',
  PRIVACY_URL: 'https://www.example.nl/privacy',
  TERMS_OF_USE_URL: 'https://www.example.nl/voorwaarden',
};
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'app-package-'));

/** A copy of appPackage/ (manifest, en.json, icons) that a test may break. */
function copySource(): string {
  const dir = tmp();
  for (const f of ['manifest.json', 'en.json', 'color.png', 'outline.png']) fs.copyFileSync(path.join(SOURCE, f), path.join(dir, f));
  return dir;
}
function editManifest(dir: string, edit: (m: any) => void): void {
  const file = path.join(dir, 'manifest.json');
  const m = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(m);
  fs.writeFileSync(file, JSON.stringify(m, null, 2));
}
function bundledSchema(file: string): object {
  const p = path.join(ROOT, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.30', file);
  // The Localization schema's lone `]` in one pattern breaks ajv's unicode RegExp; escape it (same meaning).
  return JSON.parse(fs.readFileSync(p, 'utf8').split('\\\\b]').join('\\\\b\\\\]'));
}
async function unzip(zipPath: string): Promise<Record<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(zipPath));
  const out: Record<string, Buffer> = {};
  for (const e of Object.values(zip.files)) out[e.name] = await e.async('nodebuffer');
  return out;
}

describe('app package: the committed manifest', () => {
  let out: string;
  let files: Record<string, Buffer>;
  let manifest: any;

  beforeAll(async () => {
    out = tmp();
    const result = await buildAppPackage({ env: 'dev', envDir: tmp(), outDir: out, environ: IDS });
    expect(result.problems).toEqual([]);
    expect(result.zipPath).toBe(path.join(out, 'appPackage.dev.zip'));
    files = await unzip(result.zipPath!);
    manifest = JSON.parse(files['manifest.json'].toString('utf8'));
  });

  it('zips manifest, localization file and both icons at the root of the zip', () => {
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
  });

  it('passes the official Teams v1.30 schema offline (manifest and English localization)', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
    expect(
      await AppManifestUtils.validateAgainstSchema(manifest as AppManifest, bundledSchema('MicrosoftTeams.schema.json') as never),
    ).toEqual([]);
    const en = JSON.parse(files['en.json'].toString('utf8'));
    expect(await AppManifestUtils.validateAgainstSchema(en, bundledSchema('MicrosoftTeams.Localization.schema.json') as never)).toEqual([]);
    expect(await validateZip(fs.readFileSync(path.join(out, 'appPackage.dev.zip')))).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('fills every placeholder from the environment', () => {
    expect(files['manifest.json'].toString('utf8')).not.toContain('${{');
    expect(manifest.id).toBe(IDS.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(IDS.BOT_ID);
    expect(manifest.validDomains).toEqual(['integriteitsplein.example.nl']);
    expect(manifest.webApplicationInfo).toEqual({
      id: IDS.AAD_APP_CLIENT_ID,
      resource: `api://integriteitsplein.example.nl/${IDS.AAD_APP_CLIENT_ID}`,
    });
  });

  it('is Dutch by default with an English localization', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('nl-nl');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en', file: 'en.json' }]);
    const en = JSON.parse(files['en.json'].toString('utf8'));
    expect(en['staticTabs[2].name']).toBe('Dilemma of the week');
  });

  it('has the bot in personal, team and groupChat scope with the agreed commands', () => {
    const bot = manifest.bots[0];
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const personal = bot.commandLists.find((l: any) => l.scopes.includes('personal'));
    // The agreed list, with the two names the bot's features actually accept for aggression and HR
    // session management ('agressie registreren', 'ambtseed beheer'; see the next test).
    expect(personal.commands.map((c: any) => c.title)).toEqual([
      'menu',
      'help',
      'meldwijzer',
      'gesprek vastleggen',
      'melding registreren',
      'melding bijwerken',
      'agressie registreren',
      'plan mijn ambtseed',
      'ambtseed beheer',
      // The registers (Ambtenarenwet art. 8; VOG in kwetsbare functies): the nevenwerk menu also leads managers and HR
      // to their part; the VOG's two entry points are the employee's own status and HR's overview. 12 is the limit.
      'nevenwerk',
      'mijn vog',
      'vog overzicht',
    ]);
  });

  it('lists only commands that a registered bot feature accepts', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FEATURES } = require('../../bot/src/features') as typeof import('../../bot/src/features');
    const accepted = new Set(FEATURES.flatMap((f) => f.commands.map((c) => c.toLowerCase())));
    for (const list of manifest.bots[0].commandLists) {
      for (const c of list.commands)
        expect({ title: c.title, accepted: accepted.has(c.title) }).toEqual({ title: c.title, accepted: true });
    }
  });

  it('has the four static personal tabs on the tab domain', () => {
    const tabs = manifest.staticTabs.filter((t: any) => t.contentUrl);
    expect(tabs.map((t: any) => [t.name, t.contentUrl])).toEqual([
      ['Integriteitsplein', 'https://integriteitsplein.example.nl/'],
      ['Dilemma van de week', 'https://integriteitsplein.example.nl/dilemma'],
      ['Sessie leiden', 'https://integriteitsplein.example.nl/sessie'],
      ['Dashboard', 'https://integriteitsplein.example.nl/dashboard'],
    ]);
    for (const t of manifest.staticTabs) expect(t.scopes).toEqual(['personal']);
  });

  it('builds the same bytes twice (deterministic zip)', async () => {
    const again = await buildAppPackage({ env: 'dev', envDir: tmp(), outDir: tmp(), environ: IDS });
    expect(fs.readFileSync(again.zipPath!).equals(fs.readFileSync(path.join(out, 'appPackage.dev.zip')))).toBe(true);
  });
});

describe('app package: environment files', () => {
  it('reads env/.env.<env> and lets env/.env.<env>.user override it', async () => {
    const envDir = tmp();
    fs.writeFileSync(
      path.join(envDir, '.env.test'),
      `# comment\nTEAMS_APP_ID=${IDS.TEAMS_APP_ID}\nBOT_ID=${IDS.BOT_ID}\nAAD_APP_CLIENT_ID=${IDS.AAD_APP_CLIENT_ID}\nTAB_DOMAIN=old.example.nl\n`,
    );
    fs.writeFileSync(path.join(envDir, '.env.test.user'), 'TAB_DOMAIN="nieuw.example.nl"\n');
    const r = await buildAppPackage({
      env: 'test',
      envDir,
      outDir: tmp(),
      environ: { PRIVACY_URL: IDS.PRIVACY_URL, TERMS_OF_USE_URL: IDS.TERMS_OF_USE_URL },
    });
    expect(r.problems).toEqual([]);
    expect(JSON.parse(r.files.get('manifest.json')!.toString()).validDomains).toEqual(['nieuw.example.nl']);
  });

  it('parses dotenv lines with quotes, comments and export', () => {
    expect(parseDotenv('A=1\n# x\nexport B = "twee # niet"\nC=3 # commentaar\nD=\n')).toEqual({ A: '1', B: 'twee # niet', C: '3', D: '' });
  });

  it('builds env local without a tenant, using fixed development ids, and says so', async () => {
    const r = await buildAppPackage({
      env: 'local',
      envDir: tmp(),
      outDir: tmp(),
      environ: { TAB_DOMAIN: 'localhost:53000', PRIVACY_URL: IDS.PRIVACY_URL, TERMS_OF_USE_URL: IDS.TERMS_OF_USE_URL },
    });
    expect(r.problems).toEqual([]);
    expect(r.notices.join('\n')).toMatch(/TEAMS_APP_ID, BOT_ID, AAD_APP_CLIENT_ID nog leeg/);
  });

  it('fails for env dev without provisioned ids, naming each missing variable once', async () => {
    const r = await buildAppPackage({
      env: 'dev',
      envDir: tmp(),
      outDir: tmp(),
      environ: { TAB_DOMAIN: 'x.example.nl', PRIVACY_URL: IDS.PRIVACY_URL, TERMS_OF_USE_URL: IDS.TERMS_OF_USE_URL },
    });
    expect(r.zipPath).toBeUndefined();
    expect(r.problems).toHaveLength(3);
    expect(r.problems[0]).toMatch(/^TEAMS_APP_ID: leeg of ontbreekt .*manifest\.json: id/);
    expect(r.problems.find((p) => p.startsWith('BOT_ID'))).toMatch(/bots\[0\]\.botId/);
    expect(r.problems.find((p) => p.startsWith('AAD_APP_CLIENT_ID'))).toMatch(/webApplicationInfo\.id/);
  });

  it("asks for the organisation's privacy statement over https", async () => {
    const missing = await buildAppPackage({ env: 'dev', envDir: tmp(), outDir: tmp(), environ: { ...IDS, PRIVACY_URL: '' } });
    expect(missing.problems).toEqual([expect.stringMatching(/^PRIVACY_URL: leeg of ontbreekt .*developer\.privacyUrl/)]);
    const http = await buildAppPackage({
      env: 'dev',
      envDir: tmp(),
      outDir: tmp(),
      environ: { ...IDS, PRIVACY_URL: 'http://www.example.nl/privacy' },
    });
    expect(http.problems).toEqual(['manifest.json: developer.privacyUrl: moet een https://-adres zijn']);
  });

  it('rejects a TAB_DOMAIN with a scheme', async () => {
    const r = await buildAppPackage({ env: 'dev', envDir: tmp(), outDir: tmp(), environ: { ...IDS, TAB_DOMAIN: 'https://x.example.nl' } });
    expect(r.problems.join('\n')).toMatch(/TAB_DOMAIN: "https:\/\/x\.example\.nl" moet een domeinnaam zijn zonder https:\/\//);
  });
});

describe('app package: a broken manifest fails with a message naming the problem', () => {
  async function problemsFor(dir: string, environ: Record<string, string> = IDS): Promise<string[]> {
    const outDir = tmp();
    const r = await buildAppPackage({ env: 'dev', sourceDir: dir, envDir: tmp(), outDir, environ });
    expect(fs.readdirSync(outDir)).toEqual([]); // nothing written when invalid
    return r.problems;
  }

  it('an outline icon of the wrong size and without transparency', async () => {
    const dir = copySource();
    fs.copyFileSync(path.join(SOURCE, 'color.png'), path.join(dir, 'outline.png'));
    const problems = await problemsFor(dir);
    expect(problems).toContain('outline.png: is 192×192 pixels; icons.outline moet 32×32 zijn');
    expect(problems.join('\n')).toMatch(/outline\.png: geen transparante achtergrond/);
  });

  it('a colour icon of the wrong size', async () => {
    const dir = copySource();
    fs.copyFileSync(path.join(SOURCE, 'outline.png'), path.join(dir, 'color.png'));
    expect(await problemsFor(dir)).toContain('color.png: is 32×32 pixels; icons.color moet 192×192 zijn');
  });

  it('a missing icon file', async () => {
    const dir = copySource();
    fs.rmSync(path.join(dir, 'color.png'));
    expect(await problemsFor(dir)).toContain('color.png: bestand ontbreekt (icons.color)');
  });

  it('a missing bot id', async () => {
    const dir = copySource();
    editManifest(dir, (m) => {
      delete m.bots[0].botId;
    });
    const problems = await problemsFor(dir);
    expect(problems).toContain('manifest.json: bots[0]: verplicht veld "botId" ontbreekt');
  });

  it('an empty BOT_ID in the environment', async () => {
    const problems = await problemsFor(copySource(), { ...IDS, BOT_ID: '' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^BOT_ID: leeg of ontbreekt/);
  });

  it('a bot id that is not a GUID', async () => {
    const problems = await problemsFor(copySource(), { ...IDS, BOT_ID: 'mijn-bot' });
    expect(problems.join('\n')).toMatch(/manifest\.json: bots\[0\]\.botId: ongeldige waarde/);
  });

  it('a short name and description that are too long, and a long command title', async () => {
    const dir = copySource();
    editManifest(dir, (m) => {
      m.name.short = 'Integriteitsplein voor alle medewerkers';
      m.description.short = 'x'.repeat(81);
      m.bots[0].commandLists[0].commands[0].title = 'een opdracht met een veel te lange titel';
    });
    const problems = await problemsFor(dir);
    expect(problems).toContain('manifest.json: name.short: te lang, hoogstens 30 tekens');
    expect(problems).toContain('manifest.json: description.short: te lang, hoogstens 80 tekens');
    expect(problems).toContain('manifest.json: bots[0].commandLists[0].commands[0].title: 40 tekens, hoogstens 32');
  });

  it('an icon path with a folder', async () => {
    const dir = copySource();
    editManifest(dir, (m) => {
      m.icons.color = 'img/color.png';
    });
    expect((await problemsFor(dir)).join('\n')).toMatch(/icons\.color: "img\/color\.png" moet een bestandsnaam zonder map zijn/);
  });

  it('a $schema that cannot be validated offline', async () => {
    const dir = copySource();
    editManifest(dir, (m) => {
      m.$schema = 'https://example.org/teams.schema.json';
    });
    expect((await problemsFor(dir)).join('\n')).toMatch(
      /manifest\.json: \$schema: moet https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/vX\.Y\/MicrosoftTeams\.schema\.json zijn/,
    );
  });

  it('a localization key for a tab that does not exist, and an unknown manifest field', async () => {
    const dir = copySource();
    const en = JSON.parse(fs.readFileSync(path.join(dir, 'en.json'), 'utf8'));
    en['staticTabs[9].name'] = 'Nowhere';
    fs.writeFileSync(path.join(dir, 'en.json'), JSON.stringify(en));
    editManifest(dir, (m) => {
      m.kleur = 'blauw';
    });
    const problems = await problemsFor(dir);
    expect(problems).toContain('en.json: staticTabs[9].name: verwijst naar iets dat niet in manifest.json staat');
    expect(problems).toContain('manifest.json: (hoofdniveau): onbekend veld "kleur"');
  });

  it('an English name that is too long (localization schema)', async () => {
    const dir = copySource();
    const en = JSON.parse(fs.readFileSync(path.join(dir, 'en.json'), 'utf8'));
    en['name.short'] = 'Integrity square for every employee';
    fs.writeFileSync(path.join(dir, 'en.json'), JSON.stringify(en));
    expect(await problemsFor(dir)).toContain('en.json: name.short: te lang, hoogstens 30 tekens');
  });

  it('translates schema messages it does not know without losing them', () => {
    expect(translateSchemaError('/x must be something odd. Details: {}')).toBe('x: must be something odd (schema)');
  });
});

describe('npm run package (command line)', () => {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const cleanEnv = () => {
    const env = { ...process.env };
    for (const k of Object.keys(IDS)) delete env[k];
    return env;
  };

  it('--env local writes appPackage.local.zip and exits 0', () => {
    const out = tmp();
    const r = spawnSync(tsx, ['appPackage/scripts/package.ts', '--env', 'local', '--out', out], {
      cwd: ROOT,
      env: cleanEnv(),
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/App-pakket gebouwd en gecontroleerd: .*appPackage\.local\.zip/);
    expect(fs.existsSync(path.join(out, 'appPackage.local.zip'))).toBe(true);
  });

  it('an environment without ids exits 1 with a Dutch list of problems', () => {
    const out = tmp();
    const r = spawnSync(tsx, ['appPackage/scripts/package.ts', '--env', 'nergens', '--out', out], {
      cwd: ROOT,
      env: cleanEnv(),
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Het app-pakket voor "nergens" is ongeldig \(6 problemen\):/);
    expect(r.stderr).toMatch(/- BOT_ID: leeg of ontbreekt in .*\.env\.nergens/);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
