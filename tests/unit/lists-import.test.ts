import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { coerceCell, detectDelimiter, parseCsvItems } from '@shared/lists/import-file';
import { LIST_DEFINITIONS } from '@shared/lists/definitions';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import { queryAll } from '@shared/store/list-store';
import { listsCli as cli } from '../support/lists-cli';

let dir: string;
let db: string;
let run: ReturnType<typeof cli>;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-import-'));
  db = path.join(dir, 'lijsten.db');
  run = cli(db);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const header = 'gesprekId;datum;vertrouwenspersoon;onderwerp;isMelding;doorverwezen';
const gesprekRow = (i: number) =>
  `G-${i};${String((i % 28) + 1).padStart(2, '0')}-0${(i % 9) + 1}-2024;${i % 4 ? 'intern' : 'extern'};integriteit;${i % 2 ? 'ja' : 'nee'};geen`;

test('a CSV with one bad row among 500 imports nothing, names that row, and leaves the store unchanged', async () => {
  // One valid item already in the store: it must still be the only one afterwards.
  fs.writeFileSync(path.join(dir, 'eerst.csv'), `${header}\n${gesprekRow(9999)}\n`);
  expect((await run('import', path.join(dir, 'eerst.csv'), '--list', 'Gesprekken')).code).toBe(0);
  const rows = Array.from({ length: 500 }, (_, i) => gesprekRow(i));
  rows[316] = 'G-316;12-05-2024;intern;roddel;ja;geen'; // file line 318 (header is line 1)
  fs.writeFileSync(path.join(dir, 'g.csv'), `${header}\n${rows.join('\n')}\n`);
  const r = await run('import', path.join(dir, 'g.csv'), '--list', 'Gesprekken');
  expect(r.code).toBe(1);
  expect(r.err).toContain('regel 318, kolom onderwerp');
  expect(r.err.match(/regel \d+/g)).toEqual(['regel 318']);
  const store = new SqliteListStore(db);
  expect((await queryAll(store, 'Gesprekken')).map((g) => g.gesprekId)).toEqual(['G-9999']);
  await store.close();
});

test('re-importing the same file changes nothing', async () => {
  const rows = Array.from({ length: 20 }, (_, i) => gesprekRow(i));
  fs.writeFileSync(path.join(dir, 'g.csv'), `${header}\n${rows.join('\n')}\n`);
  expect((await run('import', path.join(dir, 'g.csv'), '--list', 'Gesprekken')).out).toMatch(/20 nieuw, 0 ongewijzigd; 20 rijen gelezen/);
  const first = (await run('export', '--list', 'Gesprekken')).out;
  expect((await run('import', path.join(dir, 'g.csv'), '--list', 'Gesprekken')).out).toMatch(/0 nieuw, 20 ongewijzigd; 20 rijen gelezen/);
  expect((await run('export', '--list', 'Gesprekken')).out).toBe(first);
});

test('JSON export → import into an empty store → export round-trips byte for byte, for every list', async () => {
  const seedDb = path.join(dir, 'seed.db');
  const seed = new SqliteListStore(seedDb);
  const { seedDemo } = await import('@shared/cli/seed');
  await seedDemo(seed, 'demo', '2026-06-30');
  await seed.close();
  const from = cli(seedDb);
  for (const list of Object.keys(LIST_DEFINITIONS)) {
    const exported = (await from('export', '--list', list, '--format', 'json')).out;
    const file = path.join(dir, `${list}.json`);
    fs.writeFileSync(file, exported);
    const imp = await run('import', file, '--list', list);
    expect(imp.code).toBe(0);
    expect((await run('export', '--list', list, '--format', 'json')).out).toBe(exported);
    // And the CSV form imports back to the same items.
    const csvFile = path.join(dir, `${list}.csv`);
    fs.writeFileSync(csvFile, (await run('export', '--list', list, '--format', 'csv')).out);
    const again = cli(path.join(dir, `${list}-csv.db`));
    expect((await again('import', csvFile, '--list', list)).code).toBe(0);
    expect((await again('export', '--list', list, '--format', 'json')).out).toBe(exported);
  }
});

test('CSV as Dutch Excel writes it: BOM, ; or , delimiters, Dutch dates, ja/nee, quoted multichoice', () => {
  const semi =
    '\uFEFFincidentId;datum;soort;maatregelen\r\nA-1;05-03-2024;"verbaal;fysiek";\r\nA-2;2024-12-31;psychisch;"meldingPolitie; aangiftePolitie"\r\n';
  const comma =
    'incidentId,datum,soort,maatregelen\nA-1,5-3-2024,"verbaal;fysiek",\nA-2,31/12/2024,psychisch,"meldingPolitie;aangiftePolitie"\n';
  const expected = [
    { incidentId: 'A-1', datum: '2024-03-05', soort: ['verbaal', 'fysiek'], maatregelen: [] },
    { incidentId: 'A-2', datum: '2024-12-31', soort: ['psychisch'], maatregelen: ['meldingPolitie', 'aangiftePolitie'] },
  ];
  expect(detectDelimiter(semi.slice(1))).toBe(';');
  expect(detectDelimiter(comma)).toBe(',');
  for (const text of [semi, comma]) {
    const r = parseCsvItems('AgressieIncidenten', text);
    expect(r.ok && r.items).toEqual(expected);
  }
});

test('cells are coerced by column type; what cannot be read is left for the schema to reject', () => {
  const col = (name: string) =>
    Object.values(LIST_DEFINITIONS)
      .flatMap((l) => l.columns as readonly { name: string }[])
      .find((c) => c.name === name) as never;
  expect(coerceCell(col('anoniem'), 'Ja')).toBe(true);
  expect(coerceCell(col('anoniem'), '0')).toBe(false);
  expect(coerceCell(col('anoniem'), 'soms')).toBe('soms');
  expect(coerceCell(col('capaciteit'), '25')).toBe(25);
  // Europe/Amsterdam local time: 29 March 2026 is the first day of summer time (UTC+2).
  expect(coerceCell(col('start'), '29-03-2026 14:00')).toBe('2026-03-29T12:00:00.000Z');
  expect(coerceCell(col('start'), '2026-01-15 09:30')).toBe('2026-01-15T08:30:00.000Z');
  expect(coerceCell(col('ontvangenOp'), '')).toBeNull();
});

test('header problems and ragged rows are reported with line numbers', () => {
  const r = parseCsvItems('NieuweMedewerkers', 'medewerkerId;indienstOp;naam\nmw-1;01-02-2024;Jan\n');
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 1, column: 'naam' }),
        expect.objectContaining({ line: 1, column: 'dienstverband', message: expect.stringContaining('ontbreekt') }),
      ]),
    );
  }
  const ragged = parseCsvItems(
    'NieuweMedewerkers',
    'medewerkerId;indienstOp;dienstverband\nmw-1;01-02-2024;extern;extra\nmw-2;01-02-2024;extern\n',
  );
  expect(!ragged.ok && ragged.problems.map((p) => p.line)).toEqual([2]);
  const dup = parseCsvItems('NieuweMedewerkers', 'medewerkerId;indienstOp;dienstverband\nmw-1;01-02-2024;extern\nmw-1;01-03-2024;extern\n');
  expect(!dup.ok && dup.problems[0]).toMatchObject({ line: 3, message: expect.stringContaining('regel 2') });
});

test('unknown list and missing file give Dutch errors and non-zero exit codes', async () => {
  expect(await run('import', path.join(dir, 'nope.csv'), '--list', 'Meldingen')).toMatchObject({
    code: 1,
    err: expect.stringContaining('bestaat niet'),
  });
  expect(await run('export', '--list', 'Klachten')).toMatchObject({ code: 2, err: expect.stringContaining('onbekende lijst') });
});

test('a changed row with an existing key is reported, and updated only with --update', async () => {
  fs.writeFileSync(
    path.join(dir, 'a.csv'),
    `${header}\nG-1;01-02-2024;intern;integriteit;ja;geen\nG-2;02-02-2024;intern;integriteit;nee;geen\n`,
  );
  expect((await run('import', path.join(dir, 'a.csv'), '--list', 'Gesprekken')).code).toBe(0);
  // HR corrects G-2's referral and adds G-3.
  fs.writeFileSync(
    path.join(dir, 'b.csv'),
    `${header}\nG-1;01-02-2024;intern;integriteit;ja;geen\nG-2;02-02-2024;intern;integriteit;nee;mediation\nG-3;03-02-2024;extern;onveiligheid;ja;geen\n`,
  );
  const plain = await run('import', path.join(dir, 'b.csv'), '--list', 'Gesprekken');
  expect(plain.out).toMatch(/Gesprekken: 1 nieuw, 1 ongewijzigd, 1 afwijkend en niet bijgewerkt; 3 rijen gelezen/);
  expect(plain.err).toMatch(/1 bestaand item verschilt van het bestand\. Importeer opnieuw met --update/);
  const store1 = new SqliteListStore(db);
  expect((await store1.get('Gesprekken', 'G-2'))!.doorverwezen).toBe('geen');
  await store1.close();
  const upd = await run('import', path.join(dir, 'b.csv'), '--list', 'Gesprekken', '--update');
  expect(upd.out).toMatch(/0 nieuw, 2 ongewijzigd, 1 bijgewerkt; 3 rijen gelezen/);
  const store2 = new SqliteListStore(db);
  expect((await store2.get('Gesprekken', 'G-2'))!.doorverwezen).toBe('mediation');
  expect(await queryAll(store2, 'Gesprekken')).toHaveLength(3);
  await store2.close();
  // Once applied, importing again changes nothing.
  expect((await run('import', path.join(dir, 'b.csv'), '--list', 'Gesprekken', '--update')).out).toMatch(
    /0 nieuw, 3 ongewijzigd; 3 rijen gelezen/,
  );
});
