/**
 * The jaarverslag reproduces published reports (issue 8, "Done when"):
 * for ../shared/fixtures/published-zuid-holland-2019.json and published-huizen-2020.json we build list
 * items equivalent to the published figures, write them as CSV the way Dutch Excel does (`;`, BOM, dates as
 * dd-mm-jjjj, ja/nee), import them with the real lists CLI (`npm run lists -- import FILE --list NAME`),
 * run the real report CLI and compare every published figure with the report JSON. The docx and xlsx are
 * read back and must hold the same numbers; the fixture's six-case table must appear in the docx case table.
 */
import { FIXTURES_DIR } from '../support/fixtures';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { getListDefinition, type ListName } from '@shared/lists/definitions';
import type { Jaarverslag } from '@shared/report';
import { label, zaakRij } from '@shared/report/tabellen';
import { cel, leesDocxTabellen, leesXlsx, tabel } from './report-readback';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = FIXTURES_DIR;
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a CLI script with tsx (never npx: its wrapper would outlive a kill), env pointing at our database. */
function run(script: string, args: string[], db: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [script, ...args],
      { cwd: ROOT, env: { ...process.env, STORE: 'sqlite', INTEGRITEITSPLEIN_DB: db }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** A `YYYY-MM-DD` date as Dutch Excel writes it: `05-03-2019`. */
const nlDatum = (iso: string) => iso.split('-').reverse().join('-');
const datumIn = (jaar: number, i: number) =>
  `${jaar}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;

/** Write items of `list` as a Dutch-Excel CSV (`;`, BOM, CRLF, dates dd-mm-jjjj, ja/nee, multichoice `a;b`). */
function schrijfCsv(dir: string, list: ListName, items: Record<string, unknown>[]): string {
  const cols = getListDefinition(list).columns;
  const rows = items.map((it) =>
    cols.map((c) => {
      const v = it[c.name];
      if (v === null || v === undefined) return '';
      if (c.type === 'boolean') return v ? 'ja' : 'nee';
      if (c.type === 'date') return nlDatum(String(v));
      if (c.type === 'multichoice') return (v as string[]).join(';');
      return String(v);
    }),
  );
  const file = path.join(dir, `${list}.csv`);
  fs.writeFileSync(file, '\uFEFF' + stringify([cols.map((c) => c.name), ...rows], { delimiter: ';', record_delimiter: '\r\n' }));
  return file;
}

async function importeer(dir: string, db: string, lists: Partial<Record<ListName, Record<string, unknown>[]>>): Promise<void> {
  // One CLI process per file, as HR would run them; in parallel (SQLite WAL + busy timeout) to keep CI fast.
  await Promise.all(
    (Object.entries(lists) as [ListName, Record<string, unknown>[]][]).map(async ([list, items]) => {
      const file = schrijfCsv(dir, list, items);
      const r = await run('shared/src/cli/lists.ts', ['import', file, '--list', list], db);
      if (r.code !== 0) throw new Error(`import ${list} mislukt (${r.code}): ${r.stderr}`);
    }),
  );
}

async function rapport(db: string, out: string, jaar: number, org: string, formaat: string, extra: string[] = []): Promise<Run> {
  const r = await run(
    'shared/src/cli/report.ts',
    ['--year', String(jaar), '--format', formaat, '--out', out, '--org', org, '--years', '3', ...extra],
    db,
  );
  if (r.code !== 0) throw new Error(`report ${formaat} mislukt (${r.code}): ${r.stderr}`);
  return r;
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-report-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('Zuid-Holland 2019 (published-zuid-holland-2019.json)', () => {
  const fx = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'published-zuid-holland-2019.json'), 'utf8'));
  const db = () => path.join(tmp, 'zh.db');
  const out = () => path.join(tmp, 'zh-out');
  let json: Jaarverslag;

  beforeAll(async () => {
    const jaar: number = fx.jaar;
    // Gesprekken: per onderwerp as published (Tabel 2); a few in 2018 and 2020 that must not count for 2019.
    const gesprekken: Record<string, unknown>[] = [];
    let n = 0;
    for (const [onderwerp, aantal] of Object.entries(fx.gesprekken.perOnderwerp as Record<string, number>)) {
      for (let i = 0; i < aantal; i++, n++) {
        gesprekken.push({
          gesprekId: `G-${jaar}-${n}`,
          datum: datumIn(jaar, n),
          vertrouwenspersoon: 'intern',
          onderwerp,
          isMelding: n % 2 === 0,
          doorverwezen: n % 5 === 0 ? 'bedrijfsarts' : 'geen',
        });
      }
    }
    gesprekken.push({
      gesprekId: 'G-2018-a',
      datum: '2018-12-31',
      vertrouwenspersoon: 'intern',
      onderwerp: 'integriteit',
      isMelding: true,
      doorverwezen: 'geen',
    });
    gesprekken.push({
      gesprekId: 'G-2020-a',
      datum: '2020-01-01',
      vertrouwenspersoon: 'intern',
      onderwerp: 'integriteit',
      isMelding: true,
      doorverwezen: 'geen',
    });
    // Meldingen: the six cases of Tabel 1. The published opdrachtgever (directeur, bureauhoofd) is not a list
    // column; these meldingen were made to the line, so meldpunt leidinggevende (shown in column "Meldpunt").
    const meldingen = (fx.meldingen.tabel1 as { soort: string; categorie: string; uitkomst: string; maatregelen: string[] }[]).map(
      (z, i) => ({
        meldingId: `M-${jaar}-${String(i + 1).padStart(4, '0')}`,
        ontvangenOp: `${jaar}-${String(2 + i).padStart(2, '0')}-10`,
        kanaal: 'gesprek',
        meldpunt: 'leidinggevende',
        soort: z.soort,
        categorie: z.categorie,
        betrokkene: 'ambtenaar',
        anoniem: false,
        onderzoek: 'intern',
        uitkomst: z.uitkomst,
        maatregelen: z.maatregelen,
        ontvangstbevestigdOp: `${jaar}-${String(2 + i).padStart(2, '0')}-14`,
        terugkoppelingOp: null,
        afgeslotenOp: null,
        bewaarTot: null,
      }),
    );
    // Ambtseed: 190 eed/belofte in 2019 across 12 ceremonies; externals sign an integriteitsverklaring (not counted
    // as afgelegd); some registrations were cancelled or absent.
    const sessies = Array.from({ length: 12 }, (_, i) => ({
      sessieId: `S-${jaar}-${i}`,
      start: `${nlDatum(`${jaar}-${String(i + 1).padStart(2, '0')}-15`)} 14:00`,
      eind: `${nlDatum(`${jaar}-${String(i + 1).padStart(2, '0')}-15`)} 15:00`,
      soort: 'ambtseed',
      locatie: 'Provinciehuis',
      online: false,
      afnemer: 'provinciesecretaris',
      capaciteit: 25,
    }));
    const inschrijvingen: Record<string, unknown>[] = [];
    for (let i = 0; i < fx.ambtseed.afgelegd; i++) {
      inschrijvingen.push({
        inschrijvingId: `I-${i}`,
        sessieId: `S-${jaar}-${i % 12}`,
        medewerker: `obj-${i}`,
        dienstverband: 'arbeidsovereenkomst',
        indienstOp: `${jaar}-01-01`,
        status: 'afgelegd',
        vorm: i % 3 === 0 ? 'belofte' : 'eed',
        afgelegdOp: `${jaar}-${String((i % 12) + 1).padStart(2, '0')}-15`,
      });
    }
    for (let i = 0; i < 10; i++) {
      inschrijvingen.push({
        inschrijvingId: `X-${i}`,
        sessieId: `S-${jaar}-${i}`,
        medewerker: `ext-${i}`,
        dienstverband: 'extern',
        indienstOp: `${jaar}-01-01`,
        status: 'afgelegd',
        vorm: 'integriteitsverklaring',
        afgelegdOp: `${jaar}-${String(i + 1).padStart(2, '0')}-15`,
      });
      inschrijvingen.push({
        inschrijvingId: `A-${i}`,
        sessieId: `S-${jaar}-${i}`,
        medewerker: `abs-${i}`,
        dienstverband: 'arbeidsovereenkomst',
        indienstOp: `${jaar}-01-01`,
        status: i % 2 ? 'afwezig' : 'geannuleerd',
        vorm: null,
        afgelegdOp: null,
      });
    }
    // Dilemma: sessions per doelgroep as published; 233 participants spread over the 14 sessions.
    const dilemma: Record<string, unknown>[] = [];
    const totaalSessies: number = fx.dilemma.sessies;
    let k = 0;
    for (const [doelgroep, { sessies }] of Object.entries(fx.dilemma.perDoelgroep as Record<string, { sessies: number }>)) {
      for (let i = 0; i < sessies; i++, k++) {
        const deelnemers = Math.floor(fx.dilemma.bereik / totaalSessies) + (k < fx.dilemma.bereik % totaalSessies ? 1 : 0);
        dilemma.push({ sessieId: `D-${k}`, datum: datumIn(jaar, k), werkvorm: 'dilemmaspel', doelgroep, deelnemers, dilemmaIds: '' });
      }
    }
    await importeer(tmp, db(), {
      Gesprekken: gesprekken,
      Meldingen: meldingen,
      AmbtseedSessies: sessies,
      AmbtseedInschrijvingen: inschrijvingen,
      DilemmaSessies: dilemma,
    });
    // All report runs at once (independent processes reading the same file).
    const onderdrukt = path.join(tmp, 'zh-suppress');
    await Promise.all([
      ...['json', 'docx', 'xlsx'].map((f) => rapport(db(), out(), jaar, 'zuid-holland', f)),
      ...['json', 'html'].map((f) => rapport(db(), onderdrukt, jaar, 'zuid-holland', f, ['--suppress-below', '5'])),
    ]);
    json = JSON.parse(fs.readFileSync(path.join(out(), `jaarverslag-${jaar}.json`), 'utf8'));
  }, 120_000);

  test('the published figures are the fixture we think they are', () => {
    expect(fx.gesprekken.totaal).toBe(25);
    expect(Object.values(fx.gesprekken.perOnderwerp)).toEqual([2, 9, 0, 5, 4, 5]);
    expect(fx.ambtseed.afgelegd).toBe(190);
    expect([fx.dilemma.sessies, fx.dilemma.bereik]).toEqual([14, 233]);
    expect(fx.meldingen.tabel1).toHaveLength(6);
  });

  test('every published figure equals the report JSON', () => {
    expect(json.jaar).toBe(2019);
    expect(json.organisatie).toBe(fx.organisatie);
    expect(json.gesprekken.totaal).toBe(fx.gesprekken.totaal);
    expect(json.gesprekken.perOnderwerp).toEqual(fx.gesprekken.perOnderwerp);
    expect(json.meldingen.perSoort.vermoedenMisstand).toBe(fx.meldingen.vermoedenMisstand);
    expect(json.ambtseed.afgelegd).toBe(fx.ambtseed.afgelegd);
    expect(json.ambtseed.eed + json.ambtseed.belofte).toBe(fx.ambtseed.afgelegd);
    expect(json.ambtseed.integriteitsverklaring).toBe(10);
    expect(json.ambtseed.bijeenkomsten).toBe(12);
    expect(json.dilemma.sessies).toBe(fx.dilemma.sessies);
    expect(json.dilemma.bereik).toBe(fx.dilemma.bereik);
    for (const [doelgroep, { sessies }] of Object.entries(fx.dilemma.perDoelgroep as Record<string, { sessies: number }>)) {
      expect(json.dilemma.perDoelgroep[doelgroep as keyof Jaarverslag['dilemma']['perDoelgroep']].sessies).toBe(sessies);
    }
    // the case table: the six cases, codes only, in order
    expect(json.zaken.map((z) => [z.soort, z.categorie, z.uitkomst, z.maatregelen])).toEqual(
      fx.meldingen.tabel1.map((z: { soort: string; categorie: string; uitkomst: string; maatregelen: string[] }) => [
        z.soort,
        z.categorie,
        z.uitkomst,
        z.maatregelen,
      ]),
    );
    // previous years are there (years 3) and the out-of-year items landed in their own year
    expect(Object.keys(json.vorigeJaren)).toEqual(['2017', '2018']);
    expect(json.vorigeJaren['2018'].gesprekken.totaal).toBe(1);
  });

  test('the docx holds the same numbers and the six-case table', async () => {
    const { tabellen, afbeeldingen } = await leesDocxTabellen(fs.readFileSync(path.join(out(), 'jaarverslag-2019.docx')));
    // 17 + anonymous meldingen per soort and per uitkomst + VOG (20) + nevenwerkzaamheden: kenmerken, per soort,
    // financiële belangen per soort, per uitkomst, voorwaarden, herbevestiging (26)
    expect(tabellen.length).toBe(26);
    expect(afbeeldingen).toBeGreaterThanOrEqual(4);
    const onderwerp = tabel(tabellen, 'Gesprekken met vertrouwenspersonen per onderwerp');
    for (const [o, aantal] of Object.entries(fx.gesprekken.perOnderwerp as Record<string, number>))
      expect(cel(onderwerp, label('nl', 'onderwerp', o), '2019')).toBe(aantal);
    expect(cel(onderwerp, 'Totaal', '2019')).toBe(25);
    expect(cel(tabel(tabellen, 'Ambtseed en belofte'), 'Eed of belofte afgelegd', '2019')).toBe(190);
    const dg = tabel(tabellen, 'Dilemmasessies per doelgroep');
    expect(cel(dg, 'Totaal', 'Sessies')).toBe(14);
    expect(cel(dg, 'Totaal', 'Deelnemers')).toBe(233);
    expect(cel(dg, 'Nieuwe medewerkers', 'Sessies')).toBe(6);
    const zaken = tabel(tabellen, 'Onderzochte meldingen');
    expect(zaken.kop).toEqual(['Meldpunt', 'Omschrijving', 'Bevindingen', 'Gevolg']);
    expect(zaken.rijen).toHaveLength(6);
    fx.meldingen.tabel1.forEach((z: { categorie: string; uitkomst: string; maatregelen: string[] }, i: number) => {
      const [meldpunt, omschrijving, bevindingen, gevolg] = zaken.rijen[i];
      expect(meldpunt).toBe('Leidinggevende');
      expect(omschrijving).toContain(label('nl', 'categorie', z.categorie));
      expect(bevindingen).toContain(label('nl', 'uitkomst', z.uitkomst));
      for (const m of z.maatregelen) expect(gevolg).toContain(label('nl', 'maatregel', m));
      // and never the published free text
      expect(zaken.rijen[i].join(' ')).not.toContain((fx.meldingen.tabel1[i] as { omschrijving: string }).omschrijving);
    });
    expect(zaken.rijen).toEqual(json.zaken.map((z) => zaakRij('nl', z)));
  });

  test('the xlsx holds the same numbers as the JSON', async () => {
    const sheets = await leesXlsx(fs.readFileSync(path.join(out(), 'jaarverslag-2019.xlsx')));
    const onderwerp = sheets.find((s) => s.naam === 'Gesprekken per onderwerp')!;
    expect(onderwerp.kop).toEqual(['Onderwerp', '2017', '2018', '2019']);
    const kolom2019 = onderwerp.rijen.map((r) => r[3]);
    expect(kolom2019).toEqual([...Object.values(json.gesprekken.perOnderwerp), json.gesprekken.totaal]);
    expect(sheets.find((s) => s.naam === 'Ambtseed en belofte')!.rijen[0]).toEqual([
      'Eed of belofte afgelegd',
      'geen gegevens',
      'geen gegevens',
      190,
    ]); // no ambtseed before 2019: no data, not 0
    expect(sheets.find((s) => s.naam === 'Dilemmasessies per doelgroep')!.rijen.at(-1)).toEqual(['Totaal', 14, 233]);
    expect(sheets.find((s) => s.naam === 'Onderzochte meldingen')!.rijen).toHaveLength(6);
    expect(sheets.every((s) => s.bevroren)).toBe(true);
  });

  test('--suppress-below changes docx/html (counts, no case table), never json', async () => {
    const dir = path.join(tmp, 'zh-suppress');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'jaarverslag-2019.json'), 'utf8'))).toEqual(json);
    const html = fs.readFileSync(path.join(dir, 'jaarverslag-2019.html'), 'utf8');
    // Integriteit (2 gesprekken) and Onveiligheid (4) are suppressed; Ongewenste omgangsvormen (9) is not. 2017 has
    // no gesprek at all (no data); 2018 has one, so its zeros are measured.
    const geen = '<td class="getal geen-gegevens">geen gegevens<\\/td>';
    expect(html).toMatch(
      new RegExp(`<th scope="row">Integriteit<\\/th>${geen}<td class="getal">&lt;5<\\/td><td class="getal">&lt;5<\\/td>`),
    );
    expect(html).toMatch(
      new RegExp(`<th scope="row">Ongewenste omgangsvormen<\\/th>${geen}<td class="getal">0<\\/td><td class="getal">9<\\/td>`),
    );
    // the six cases are not listed one by one in the published html; the JSON above still has them all
    expect(html).not.toContain('id="tabel-zaken"');
    expect(html).toContain('De tabel met de afzonderlijke onderzoeken van 2019 is weggelaten vanwege kleine aantallen');
    for (const z of json.zaken) expect(html).not.toContain(zaakRij('nl', z)[2]);
  });
});

describe('Huizen 2020 (published-huizen-2020.json)', () => {
  const fx = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'published-huizen-2020.json'), 'utf8'));

  test('49 afgelegd; gesprekken with the external vertrouwenspersoon 21/8/3 through vorigeJaren', async () => {
    const db = path.join(tmp, 'huizen.db');
    const out = path.join(tmp, 'huizen-out');
    const jaar: number = fx.jaar;
    expect(fx.ambtseed.afgelegd).toBe(49);
    expect(fx.gesprekken.personenPerJaar).toEqual({ '2018': 21, '2019': 8, '2020': 3 });
    const gesprekken: Record<string, unknown>[] = [];
    for (const [j, aantal] of Object.entries(fx.gesprekken.personenPerJaar as Record<string, number>)) {
      for (let i = 0; i < aantal; i++)
        gesprekken.push({
          gesprekId: `BING-${j}-${i}`,
          datum: datumIn(Number(j), i),
          vertrouwenspersoon: 'extern',
          onderwerp: 'ongewensteOmgangsvormen',
          isMelding: true,
          doorverwezen: 'geen',
        });
    }
    const sessies = ['03-03-2020 16:00', '30-06-2020 16:00', '15-10-2020 16:00'].map((start, i) => ({
      sessieId: `H-${i}`,
      start,
      eind: start.replace('16:00', '17:00'),
      soort: 'ambtseed',
      locatie: i ? '' : 'Raadzaal',
      online: i > 0,
      afnemer: 'portefeuillehouder personeelszaken',
      capaciteit: 30,
    }));
    const inschrijvingen = Array.from({ length: fx.ambtseed.afgelegd }, (_, i) => ({
      inschrijvingId: `HI-${i}`,
      sessieId: `H-${i % 3}`,
      medewerker: `obj-${i}`,
      dienstverband: 'arbeidsovereenkomst',
      indienstOp: '2020-01-01',
      status: 'afgelegd',
      vorm: i % 2 ? 'belofte' : 'eed',
      afgelegdOp: ['2020-03-03', '2020-06-30', '2020-10-15'][i % 3],
    }));
    inschrijvingen.push({
      inschrijvingId: 'HI-stagiair',
      sessieId: 'H-0',
      medewerker: 'obj-s',
      dienstverband: 'stagiair',
      indienstOp: '2020-02-01',
      status: 'afgelegd',
      vorm: 'integriteitsverklaring',
      afgelegdOp: '2020-03-03',
    });
    await importeer(tmp, db, { Gesprekken: gesprekken, AmbtseedSessies: sessies, AmbtseedInschrijvingen: inschrijvingen });
    await Promise.all(['json', 'docx'].map((f) => rapport(db, out, jaar, 'huizen', f)));
    const json: Jaarverslag = JSON.parse(fs.readFileSync(path.join(out, 'jaarverslag-2020.json'), 'utf8'));
    expect(json.organisatie).toBe(fx.organisatie);
    expect(json.ambtseed.afgelegd).toBe(fx.ambtseed.afgelegd);
    expect(json.ambtseed.integriteitsverklaring).toBe(1);
    expect(json.ambtseed.bijeenkomsten).toBe(3);
    const extern = {
      [String(jaar)]: json.gesprekken.extern,
      ...Object.fromEntries(Object.entries(json.vorigeJaren).map(([j, c]) => [j, c.gesprekken.extern])),
    };
    expect(extern).toEqual(fx.gesprekken.personenPerJaar);
    expect(json.gesprekken.totaal).toBe(json.gesprekken.extern); // the vertrouwensfunctie is fully external (BING)

    const { tabellen } = await leesDocxTabellen(fs.readFileSync(path.join(out, 'jaarverslag-2020.docx')));
    const kenmerken = tabel(tabellen, 'Gesprekken: nieuwe kwesties, extern en doorverwezen');
    expect(['2018', '2019', '2020'].map((j) => cel(kenmerken, 'Bij externe vertrouwenspersoon', j))).toEqual([21, 8, 3]);
    expect(['2018', '2019', '2020'].map((j) => cel(kenmerken, 'Bij interne vertrouwenspersoon', j))).toEqual([0, 0, 0]);
    expect(cel(tabel(tabellen, 'Ambtseed en belofte'), 'Eed of belofte afgelegd', '2020')).toBe(49);
  }, 120_000);
});
