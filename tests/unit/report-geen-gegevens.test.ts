/**
 * "No data for that year" versus "a measured 0" (QA on the 2025 demo report: the 2023 column read 0 for gesprekken,
 * meldingen, ambtseed and VOG although nothing had been registered in 2023 yet). A section has no data in a year when
 * its lists hold no record of that year nor of an earlier covered year; a year with none after a year with records
 * is a measured 0. The JSON keeps every count (0) and says it additively in `zonderGegevens`.
 */
import ExcelJS from 'exceljs';
import { buildJaarverslag, type BronItem, type JaarverslagBronnen } from '@shared/report';
import { renderDocx } from '@shared/report/docx';
import { renderHtml } from '@shared/report/html';
import { renderXlsx } from '@shared/report/xlsx';
import { jaarverslagTabellen } from '@shared/report/tabellen';
import { tabelUitleg } from '@shared/report/uitleg';
import { cel, leesDocxTabellen, leesXlsx, tabel } from '../integration/report-readback';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: Window } };

const gesprek = (datum: string) =>
  ({ datum, vertrouwenspersoon: 'intern', onderwerp: 'integriteit', isMelding: false, doorverwezen: 'geen', verwijderdOp: null }) as const;
const melding = (meldingId: string, ontvangenOp: string): BronItem<'Meldingen'> => ({
  meldingId,
  ontvangenOp,
  meldpunt: 'integriteitscoordinator',
  soort: 'zakelijk',
  categorie: 'financieel',
  anoniem: false,
  onderzoek: 'geen',
  uitkomst: 'lopend',
  maatregelen: ['geen'],
  ontvangstbevestigdOp: ontvangenOp,
  terugkoppelingOp: null,
});

/**
 * 2023–2025: gesprekken only in 2024 (2023: no data; 2025: a measured 0), meldingen in 2023 and 2025 (2024: a
 * measured 0), dilemma sessions only in 2025 (2023 and 2024: no data), no aggression incidents at all.
 */
const bronnen: JaarverslagBronnen = {
  Gesprekken: [gesprek('2024-03-01'), gesprek('2024-04-01')],
  Meldingen: [melding('M-2023-0001', '2023-05-01'), melding('M-2025-0001', '2025-05-01')],
  DilemmaSessies: [{ datum: '2025-02-01', doelgroep: 'afdeling', deelnemers: 12 }],
};
const verslag = () => buildJaarverslag(bronnen, { jaar: 2025, organisatie: 'Gemeente Proef', years: 3 });
const ONDERWERP = 'Gesprekken met vertrouwenspersonen per onderwerp';
const SOORT = 'Meldingen per soort';

describe('json: zonderGegevens, additive; every count stays an integer', () => {
  test('per year the sections without data; a year after the first record is a measured 0', () => {
    const r = verslag();
    const [v23, v24] = [r.vorigeJaren['2023'], r.vorigeJaren['2024']];
    expect(v23.zonderGegevens).toEqual(['gesprekken', 'ambtseed', 'onboarding', 'dilemma', 'agressie', 'meldwijzer', 'vog', 'nevenwerk']);
    expect(v24.zonderGegevens).toEqual(['ambtseed', 'onboarding', 'dilemma', 'agressie', 'meldwijzer', 'vog', 'nevenwerk']);
    expect(r.zonderGegevens).toEqual(['ambtseed', 'onboarding', 'agressie', 'meldwijzer', 'vog', 'nevenwerk']);
    // the contract's counts are unchanged: no data is still 0 in the JSON
    expect([v23.gesprekken.totaal, v24.meldingen.totaal, r.gesprekken.totaal, r.agressie.incidenten]).toEqual([0, 0, 0, 0]);
    expect(Object.keys(r).slice(-3)).toEqual(['zonderGegevens', 'zaken', 'vorigeJaren']);
  });
});

describe('docx, html, xlsx: "geen gegevens" where a year has no data, 0 where 0 was measured', () => {
  test('docx tables (nl) and en', async () => {
    const { tabellen } = await leesDocxTabellen(await renderDocx(verslag()));
    const onderwerp = tabel(tabellen, ONDERWERP);
    expect(cel(onderwerp, 'Integriteit', '2023')).toBe('geen gegevens');
    expect(cel(onderwerp, 'Totaal', '2023')).toBe('geen gegevens');
    expect(cel(onderwerp, 'Integriteit', '2024')).toBe(2);
    expect(cel(onderwerp, 'Integriteit', '2025')).toBe(0);
    const soort = tabel(tabellen, SOORT);
    expect(cel(soort, 'Zakelijke integriteit', '2023')).toBe(1);
    expect(cel(soort, 'Zakelijke integriteit', '2024')).toBe(0);
    expect(cel(soort, 'Totaal', '2024')).toBe(0);
    const en = (await leesDocxTabellen(await renderDocx(verslag(), { locale: 'en' }))).tabellen;
    expect(cel(tabel(en, 'Conversations with confidential counsellors by subject'), 'Integrity', '2023')).toBe('no data');
  });

  test('html cells', () => {
    const doc = new JSDOM(renderHtml(verslag())).window.document;
    const rij = (tabelId: string, kop: string) =>
      [...doc.querySelectorAll(`#tabel-${tabelId} tbody tr`)]
        .find((tr) => tr.querySelector('th')?.textContent === kop)!
        .querySelectorAll('td');
    expect([...rij('gesprekkenPerOnderwerp', 'Totaal')].map((td) => td.textContent)).toEqual(['geen gegevens', '2', '0']);
    expect([...rij('meldingenPerSoort', 'Totaal')].map((td) => td.textContent)).toEqual(['1', '0', '1']);
    expect([...rij('agressiePerSoort', 'Verbaal')].map((td) => td.textContent)).toEqual([
      'geen gegevens',
      'geen gegevens',
      'geen gegevens',
    ]);
  });

  test('xlsx: the cells say "geen gegevens" and the year heading has a note; measured zeros stay numbers', async () => {
    const buf = await renderXlsx(verslag());
    const blad = (await leesXlsx(buf)).find((s) => s.naam === 'Gesprekken per onderwerp')!;
    expect(blad.rijen.find((x) => x[0] === 'Integriteit')).toEqual(['Integriteit', 'geen gegevens', 2, 0]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Gesprekken per onderwerp')!;
    const notitie = (c: ExcelJS.Cell) => {
      const n = c.note as string | { texts?: { text: string }[] } | undefined;
      return typeof n === 'string' ? n : (n?.texts ?? []).map((x) => x.text).join('');
    };
    expect(notitie(ws.getCell('B1'))).toMatch(/^Geen gegevens over 2023/);
    expect(ws.getCell('C1').note).toBeUndefined();
  });
});

describe('the sentence under a table never compares with a year without data', () => {
  const tabellen = () => jaarverslagTabellen(verslag(), 'nl', { geenGegevens: true });
  const zin = (id: string) =>
    tabelUitleg(
      tabellen().find((t) => t.id === id)!,
      { jaar: 2025 },
    );

  test('report year without data; previous years without data; a fall to a measured 0', () => {
    expect(zin('agressiePerSoort')).toBe('Over 2025 zijn voor deze tabel geen gegevens: er was nog niets geregistreerd.');
    expect(zin('dilemmaPerJaar')).toBe(
      'Over 2023 en 2024 zijn er geen gegevens, dus geen vergelijking met eerdere jaren. Het hoogste aantal: Bereik (deelnemers) (12).',
    );
    expect(zin('gesprekkenPerOnderwerp')).toBe('In 2025 is hier niets geregistreerd; in 2024: Integriteit (2).');
  });

  test('the per-year chart leaves a year without data out', () => {
    const figuur = new JSDOM(renderHtml(verslag())).window.document.querySelector('#figuur-gesprekkenPerJaar desc')!.textContent;
    expect(figuur).toContain('2024: 2, 2025: 0');
    expect(figuur).not.toContain('2023');
  });
});
