/**
 * The VOG and anonymous-meldingen sections of the jaarverslag from an import: CSV files go in through the real
 * lists CLI (`npm run lists -- import`), the report comes out of the real report CLI (json, html, xlsx). Every
 * expected figure is counted by hand from the rows below (docs/contracts.md, counting rules).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runReportCli, type ReportIo } from '@shared/cli/report';
import { listsCli } from '../support/lists-cli';

// jsdom ships no types here (no @types/jsdom installed): type the one constructor we use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: Window } };

const ROOT = path.resolve(__dirname, '../..');
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-vog-anoniem-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function reportIo(db: string): ReportIo & { stderr: string } {
  const o = {
    stderr: '',
    env: { STORE: 'sqlite', INTEGRITEITSPLEIN_DB: db } as NodeJS.ProcessEnv,
    configDir: path.join(ROOT, 'config'),
    out: () => undefined,
    err: (s: string) => {
      o.stderr += s;
    },
  };
  return o;
}

const MELDINGEN = `meldingId,ontvangenOp,kanaal,meldpunt,soort,categorie,betrokkene,anoniem,onderzoek,uitkomst,maatregelen
M-2024-0001,2024-02-01,teams,vertrouwenspersoon,zakelijk,financieel,ambtenaar,true,intern,gegrond,berisping
M-2024-0002,2024-03-15,schriftelijk,integriteitscoordinator,vermoedenMisstand,misstand,onbekend,true,vooronderzoek,lopend,geen
M-2024-0003,2024-05-20,gesprek,leidinggevende,sociaal,ongewensteOmgangsvormen,ambtenaar,false,lijn,gegrond,waarschuwing
M-2024-0004,2024-09-09,teams,vertrouwenspersoon,sociaal,ongewensteOmgangsvormen,ambtenaar,true,geen,nietOnderzoekswaardig,geen
M-2024-0005,2024-12-31,teams,vertrouwenspersoon,zakelijk,informatie,ambtenaar,true,intern,ongegrond,geen
M-2023-0001,2023-06-01,teams,vertrouwenspersoon,zakelijk,informatie,ambtenaar,true,intern,gegrond,geen
M-2025-0001,2025-01-01,teams,vertrouwenspersoon,zakelijk,informatie,ambtenaar,true,intern,gegrond,geen
`;

const OID = ['11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222', '33333333-3333-3333-3333-333333333333'];
const VOG = `aanvraagId,medewerker,functie,aanleiding,peildatum,gevraagdOp,status,aangevraagdOp,vastgelegdOp,afgifteOp
boa:${OID[0]}:2024-01-15,${OID[0]},boa,start,2024-01-15,2024-01-15,ontvangen,2024-01-20,2024-02-10,2024-02-05
betaalbevoegd:${OID[1]}:2024-04-01,${OID[1]},betaalbevoegd,hernieuwing,2024-04-01,2024-04-01,nietOntvangen,,2024-06-01,
ictBeheer:${OID[2]}:2024-11-30,${OID[2]},ictBeheer,hernieuwing,2024-11-30,2024-12-02,aangevraagd,2024-12-05,,
boa:${OID[1]}:2024-12-20,${OID[1]},boa,start,2024-12-20,2024-12-20,openstaand,,,
boa:${OID[2]}:2021-03-01,${OID[2]},boa,start,2021-03-01,2023-12-31,ontvangen,,2024-01-05,2023-12-28
`;

describe('VOG and anonymous meldingen in the jaarverslag, from an import', () => {
  let db: string;
  beforeAll(async () => {
    db = path.join(tmp, 'lijsten.db');
    const run = listsCli(db);
    fs.writeFileSync(path.join(tmp, 'meldingen.csv'), MELDINGEN);
    fs.writeFileSync(path.join(tmp, 'vog.csv'), VOG);
    for (const [bestand, lijst] of [
      ['meldingen.csv', 'Meldingen'],
      ['vog.csv', 'VogAanvragen'],
    ]) {
      const r = await run('import', path.join(tmp, bestand), '--list', lijst);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    }
  });

  test('json: the VOG requests opened in 2024 and where they stand; anonymous meldingen of 2024 per soort and uitkomst', async () => {
    const out = path.join(tmp, 'json');
    expect(await runReportCli(['--year', '2024', '--format', 'json', '--out', out, '--org', 'demo', '--years', '2'], reportIo(db))).toBe(0);
    const r = JSON.parse(fs.readFileSync(path.join(out, 'jaarverslag-2024.json'), 'utf8'));
    // Four requests were opened (gevraagdOp) in 2024; the one opened on 2023-12-31 belongs to 2023 although HR
    // recorded it in 2024. ontvangen 1, nietOntvangen 1, openstaand 2 (aangevraagd counts as still open).
    expect(r.vog).toEqual({ gevraagd: 4, perAanleiding: { start: 2, hernieuwing: 2 }, ontvangen: 1, nietOntvangen: 1, openstaand: 2 });
    expect(r.vorigeJaren['2023'].vog).toEqual({
      gevraagd: 1,
      perAanleiding: { start: 1, hernieuwing: 0 },
      ontvangen: 1,
      nietOntvangen: 0,
      openstaand: 0,
    });
    // 2024: four of five meldingen anonymous (0001, 0002, 0004, 0005); 2023-06-01 and 2025-01-01 are other years.
    expect(r.meldingen.anoniem).toBe(4);
    expect(r.anoniemeMeldingen).toEqual({
      ontvangen: 4,
      perSoort: { vermoedenMisstand: 1, zakelijk: 2, sociaal: 1 },
      perUitkomst: { lopend: 1, gegrond: 1, ongegrond: 1, nietOnderzoekswaardig: 1, geenSchending: 0 },
    });
    expect(r.vorigeJaren['2023'].anoniemeMeldingen.ontvangen).toBe(1);
    // Additive: the existing keys keep their place, the new sections follow the count sections.
    expect(Object.keys(r).slice(-6)).toEqual(['vog', 'anoniemeMeldingen', 'nevenwerk', 'zonderGegevens', 'zaken', 'vorigeJaren']);
  });

  test('html: a separate table for anonymous meldingen and one for VOG, with the same figures; suppression applies', async () => {
    const out = path.join(tmp, 'html');
    expect(
      await runReportCli(
        ['--year', '2024', '--format', 'html', '--out', out, '--org', 'demo', '--years', '2', '--suppress-below', '2'],
        reportIo(db),
      ),
    ).toBe(0);
    const html = fs.readFileSync(path.join(out, 'jaarverslag-2024.html'), 'utf8');
    const doc = new JSDOM(html).window.document;
    const rijen = (id: string) =>
      [...doc.querySelectorAll(`#tabel-${id} tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent?.trim()));
    expect(rijen('anoniemPerSoort')).toEqual([
      ['Vermoeden van een misstand', '0', '<2'],
      ['Zakelijke integriteit', '<2', '2'],
      ['Sociale integriteit', '0', '<2'],
      ['Totaal', '<2', '4'],
    ]);
    expect(rijen('anoniemPerUitkomst').at(-1)).toEqual(['Totaal', '<2', '4']);
    expect(rijen('vog')).toEqual([
      ['VOG gevraagd', '<2', '4'],
      ['waarvan bij de start in de functie', '<2', '2'],
      ['waarvan hernieuwing', '0', '2'],
      ['Ontvangen', '<2', '<2'],
      ['Niet ontvangen', '0', '<2'],
      ['Nog open', '0', '2'],
    ]);
  });

  test('xlsx: the three tables are sheets with the JSON numbers', async () => {
    const out = path.join(tmp, 'xlsx');
    expect(await runReportCli(['--year', '2024', '--format', 'xlsx', '--out', out, '--org', 'demo', '--years', '2'], reportIo(db))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'jaarverslag-2024.xlsx'));
    const blad = (naam: string) => {
      const ws = wb.getWorksheet(naam);
      if (!ws) throw new Error(`geen blad ${naam}`);
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    expect(blad('Verklaring omtrent gedrag').slice(1, 2)).toEqual([['VOG gevraagd', 1, 4]]);
    expect(blad('Anonieme meldingen per soort').at(-1)).toEqual(['Totaal', 1, 4]);
    expect(blad('Anonieme meldingen per uitkomst')[1]).toEqual(['Nog in behandeling', 0, 1]);
  });
});
