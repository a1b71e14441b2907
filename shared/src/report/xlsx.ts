import ExcelJS from 'exceljs';
import { t, type Locale } from '../i18n';
import type { Jaarverslag } from './jaarverslag';
import { neutraliseerFormule } from '../lists/formule-cel';
import { jaarverslagTabellen, type Cel } from './tabellen';

/** Labels that a spreadsheet could read as a formula get a leading `'` (OWASP CSV injection); counts stay numbers. */
const veilig = (c: Cel): Cel => (typeof c === 'string' ? neutraliseerFormule(c) : c);

/** Characters Excel does not allow in a sheet name. */
const VERBODEN = /[:\\/?*[\]]/g;

/**
 * The sheet name of table `id`: `report.blad.<id>` from the catalogue (Excel allows at most 31 characters and
 * none of `: \ / ? * [ ]`; longer or forbidden is cut or replaced, so a new table without a name still opens).
 */
export function bladNaam(id: string, locale: Locale): string {
  const naam = t(locale, `report.blad.${id}`);
  return (naam === `report.blad.${id}` ? id : naam).replace(VERBODEN, ' ').slice(0, 31).trim();
}

/**
 * The jaarverslag as an Excel workbook (exceljs) for HR: one sheet per table with a readable name in the
 * report's language (`bladNaam`: "Gesprekken per onderwerp", …), a bold header row, frozen
 * panes below the header and right of the first column, counts as numbers (never suppressed: the workbook is
 * for HR, not for publication), labels neutralised against formula injection (../lists/formule-cel), a year without data as the text "geen gegevens" with a
 * note on its column heading. The table title is the sheet's header/footer and the workbook title.
 * @returns the .xlsx file as bytes.
 */
export async function renderXlsx(r: Jaarverslag, opties: { locale?: Locale } = {}): Promise<Buffer> {
  const locale = opties.locale ?? 'nl';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Integriteitsplein';
  wb.title = `${t(locale, 'report.titel', { jaar: r.jaar })} — ${r.organisatie}`;
  wb.subject = r.organisatie;
  for (const tb of jaarverslagTabellen(r, locale, { geenGegevens: true })) {
    const ws = wb.addWorksheet(bladNaam(tb.id, locale), {
      views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
      headerFooter: { oddHeader: `&L${tb.titel}&R${r.organisatie} ${r.jaar}` },
    });
    ws.addRow(tb.kolommen.map(veilig));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F0' } };
    // A year without data: its cells read "geen gegevens" and its heading carries a note saying it is no measured 0.
    for (const jaar of tb.zonderGegevens ?? []) {
      ws.getRow(1).getCell(tb.kolommen.indexOf(jaar) + 1).note = t(locale, 'report.geenGegevensNotitie', { jaar });
    }
    for (const rij of tb.rijen) ws.addRow(rij.map(veilig));
    if (tb.totaalRij && tb.rijen.length) ws.getRow(tb.rijen.length + 1).font = { bold: true };
    ws.columns.forEach((col, i) => {
      const breedste = Math.max(...[tb.kolommen[i], ...tb.rijen.map((rr) => rr[i])].map((v) => String(v ?? '').length));
      col.width = Math.min(70, Math.max(10, breedste + 2));
      if (i > 0 && !tb.tekstTabel) col.numFmt = '0';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
