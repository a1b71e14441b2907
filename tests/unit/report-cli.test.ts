import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runReportCli, type ReportIo } from '@shared/cli/report';
import { SqliteListStore } from '@shared/store';

const ROOT = path.resolve(__dirname, '../..');

function io(db: string): ReportIo & { stdout: string; stderr: string } {
  const o = {
    stdout: '',
    stderr: '',
    env: { STORE: 'sqlite', INTEGRITEITSPLEIN_DB: db } as NodeJS.ProcessEnv,
    configDir: path.join(ROOT, 'config'),
    out: (s: string) => {
      o.stdout += s;
    },
    err: (s: string) => {
      o.stderr += s;
    },
  };
  return o;
}

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-report-cli-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm run report', () => {
  test('an empty year: zeros, a warning line, exit 0, JSON at DIR/jaarverslag-<jaar>.json', async () => {
    const db = path.join(tmp, 'leeg.db');
    await new SqliteListStore(db).close(); // an existing but empty database
    const out = path.join(tmp, 'uit');
    const o = io(db);
    const code = await runReportCli(['--year', '2024', '--format', 'json', '--out', out, '--org', 'demo'], o);
    expect(code).toBe(0);
    expect(o.stderr).toMatch(/^Waarschuwing: geen registraties gevonden voor 2024/m);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'jaarverslag-2024.json'), 'utf8'));
    expect(json.jaar).toBe(2024);
    expect(json.organisatie).toBe('Provincie Demoland');
    expect(json.gesprekken.totaal).toBe(0);
    expect(Object.keys(json.vorigeJaren)).toEqual(['2022', '2023']); // default --years 3
    expect(o.stdout).toContain(path.join(out, 'jaarverslag-2024.json'));
  });

  test('reads the configured store: counts in the year, previous years with --years', async () => {
    const db = path.join(tmp, 'lijsten.db');
    const store = new SqliteListStore(db);
    await store.addMany('DilemmaSessies', [
      { sessieId: 'a', datum: '2023-05-01', werkvorm: 'dilemmaspel', doelgroep: 'afdeling', deelnemers: 7 },
      { sessieId: 'b', datum: '2024-05-01', werkvorm: 'moreelBeraad', doelgroep: 'management', deelnemers: 5 },
      { sessieId: 'c', datum: '2024-12-31', werkvorm: 'dilemmaspel', doelgroep: 'management', deelnemers: 6 },
    ]);
    await store.close();
    const o = io(db);
    const out = path.join(tmp, 'uit');
    expect(await runReportCli(['--year', '2024', '--out', out, '--years', '2'], o)).toBe(0);
    expect(o.stderr).toBe('');
    const json = JSON.parse(fs.readFileSync(path.join(out, 'jaarverslag-2024.json'), 'utf8'));
    expect(json.dilemma.sessies).toBe(2);
    expect(json.dilemma.bereik).toBe(11);
    expect(json.dilemma.perDoelgroep.management).toEqual({ sessies: 2, deelnemers: 11 });
    expect(json.vorigeJaren['2023'].dilemma.bereik).toBe(7);
  });

  test('large lists show progress on stderr', async () => {
    const db = path.join(tmp, 'groot.db');
    const store = new SqliteListStore(db);
    await store.addMany(
      'Gesprekken',
      Array.from({ length: 6000 }, (_, i) => ({
        gesprekId: `g${i}`,
        datum: `2024-0${1 + (i % 9)}-1${i % 10}`,
        vertrouwenspersoon: 'intern' as const,
        onderwerp: 'integriteit' as const,
        isMelding: false,
        doorverwezen: 'geen' as const,
      })),
    );
    await store.close();
    const o = io(db);
    expect(await runReportCli(['--year', '2024', '--out', path.join(tmp, 'uit')], o)).toBe(0);
    expect(o.stderr).toContain('Lijsten lezen: Gesprekken 6.000');
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'uit', 'jaarverslag-2024.json'), 'utf8')).gesprekken.perOnderwerp.integriteit).toBe(
      6000,
    );
  });

  test.each([
    [['--format', 'json', '--out', 'x'], /Ongeldig jaar "": geef --year als jaartal/],
    [['--year', '24x', '--out', 'x'], /Ongeldig jaar "24x"/],
    [['--year', '2024', '--format', 'pdf', '--out', 'x'], /Ongeldig formaat "pdf": kies json, docx, xlsx of html/],
    [['--year', '2024'], /Geef met --out de map/],
    [['--year', '2024', '--out', 'x', '--years', '0'], /Ongeldig aantal jaren "0"/],
    [['--year', '2024', '--out', 'x', '--suppress-below', '1'], /Ongeldige drempel "1"/],
    [['--year', '2024', '--out', 'x', '--suppress-below', 'vijf'], /Ongeldige drempel "vijf"/],
    [['--year', '2024', '--out', 'x', '--onbekend'], /Ongeldige opdracht: onbekende optie --onbekend/],
    [['--year', '2024', '--out', 'x', 'extra'], /Ongeldige opdracht: te veel argumenten/],
    [['--year', '2024', '--out'], /Ongeldige opdracht: optie --out <map> mist een waarde/],
    [['--year', '2024', '--out', 'x', '--org', 'bestaat-niet'], /bestaat-niet\.yaml: bestand bestaat niet/],
  ])('bad arguments %j: a clear Dutch error and exit code 1', async (args, message) => {
    const o = io(path.join(tmp, 'x.db'));
    const code = await runReportCli(
      args.map((a) => (a === 'x' ? path.join(tmp, 'uit') : a)),
      o,
    );
    expect(code).toBe(1);
    expect(o.stderr).toMatch(message);
    expect(fs.existsSync(path.join(tmp, 'uit'))).toBe(false);
  });

  test('a missing INTEGRITEITSPLEIN_DB file: exit 1, Dutch message naming the path, no database and no report created', async () => {
    const db = path.join(tmp, 'bestaat-niet.db');
    const out = path.join(tmp, 'uit');
    const o = io(db);
    expect(await runReportCli(['--year', '2024', '--out', out], o)).toBe(1);
    expect(o.stderr).toContain(`De database "${db}" bestaat niet`);
    expect(o.stderr).toMatch(/^Fout: /);
    expect(fs.existsSync(db)).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
    expect(o.stdout).toBe('');
  });

  test('--out naming a file is refused', async () => {
    const file = path.join(tmp, 'bestand.txt');
    fs.writeFileSync(file, 'x');
    const o = io(path.join(tmp, 'x.db'));
    expect(await runReportCli(['--year', '2024', '--out', file], o)).toBe(1);
    expect(o.stderr).toMatch(/is een bestand, geen map/);
  });
});
