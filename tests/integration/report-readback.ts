/**
 * Test support for the jaarverslag: read a generated .docx back (unzip word/document.xml with jszip and
 * parse every table) and a generated .xlsx (exceljs), independent of the renderers' own code.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** One table read back: its caption (the paragraph text before it, "Tabel n. …"), header and body rows. */
export interface GelezenTabel {
  titel: string;
  kop: string[];
  rijen: string[][];
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const teksten = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]));

/** Every table of a .docx with its caption, header row and body rows as cell texts. */
export async function leesDocxTabellen(
  docx: Buffer,
): Promise<{ tabellen: GelezenTabel[]; tekst: string; afbeeldingen: number; altTeksten: string[] }> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const tabellen: GelezenTabel[] = [];
  const re = /<w:tbl>([\s\S]*?)<\/w:tbl>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const voor = teksten(xml.slice(0, m.index));
    const titel = [...voor].reverse().find((t) => /^(Tabel|Table) \d+\./.test(t)) ?? '';
    const rijen = [...m[1].matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => teksten(c[1]).join('')),
    );
    tabellen.push({ titel: titel.replace(/^(Tabel|Table) \d+\. /, ''), kop: rijen[0] ?? [], rijen: rijen.slice(1) });
  }
  const afbeeldingen = Object.keys(zip.files).filter((f) => /^word\/media\/.*\.png$/.test(f)).length;
  const altTeksten = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((d) => unescape(d[1]));
  return { tabellen, tekst: teksten(xml).join('\n'), afbeeldingen, altTeksten };
}

/** A docx/html cell as a number: "1.234" → 1234, "0" → 0; "<5" and labels stay strings. */
export function getal(cel: string): number | string {
  return /^\d{1,3}(\.\d{3})*$|^\d+$/.test(cel) ? Number(cel.replace(/\./g, '')) : cel;
}

/** The value in `tabel` at the row whose first cell is `rij` and the column headed `kolom`. */
export function cel(tabel: GelezenTabel, rij: string, kolom: string): number | string {
  const r = tabel.rijen.find((x) => x[0] === rij);
  const k = tabel.kop.indexOf(kolom);
  if (!r) throw new Error(`rij "${rij}" ontbreekt in tabel "${tabel.titel}" (rijen: ${tabel.rijen.map((x) => x[0]).join(', ')})`);
  if (k < 0) throw new Error(`kolom "${kolom}" ontbreekt in tabel "${tabel.titel}" (kop: ${tabel.kop.join(', ')})`);
  return getal(r[k]);
}

/** Find a table by its caption title. */
export function tabel(tabellen: GelezenTabel[], titel: string): GelezenTabel {
  const tb = tabellen.find((x) => x.titel === titel);
  if (!tb) throw new Error(`tabel "${titel}" ontbreekt; wel: ${tabellen.map((x) => x.titel).join(' | ')}`);
  return tb;
}

/** Every sheet of an .xlsx: name, header row, body rows (cell values as exceljs reads them), frozen view. */
export async function leesXlsx(xlsx: Buffer): Promise<{ naam: string; kop: unknown[]; rijen: unknown[][]; bevroren: boolean }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
    return { naam: ws.name, kop: rows[0] ?? [], rijen: rows.slice(1), bevroren: view?.state === 'frozen' && view.ySplit === 1 };
  });
}
