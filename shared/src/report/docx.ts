import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { AlignmentType, BorderStyle, Document, HeadingLevel, ImageRun, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { t, type Locale } from '../i18n';
import type { Jaarverslag } from './jaarverslag';
import { grafiekAltTekst, staafdiagramSvg } from './grafiek';
import { jaarverslagSecties, toonCel, type Grafiek, type Tabel } from './tabellen';

/** Options of the docx and html renderers. */
export interface RenderOpties {
  /** `--suppress-below N`: counts 1..N−1 are shown as "<N" (never in json or xlsx). */
  onderDrempel?: number;
  locale?: Locale;
}

const DEJAVU = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];
/** DejaVu Sans when installed (Debian: fonts-dejavu-core, present with Chromium), else every system font. */
const fontOpties = DEJAVU.every((f) => fs.existsSync(f)) ? { fontFiles: DEJAVU, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } : { loadSystemFonts: true };

/**
 * Render a chart to PNG with resvg (system fonts; DejaVu Sans on Debian), at twice the display size.
 * @returns the PNG bytes and the display size in px.
 */
export function grafiekPng(g: Grafiek, opties: RenderOpties = {}): { png: Buffer; breedte: number; hoogte: number } {
  const { svg, breedte, hoogte } = staafdiagramSvg(g, { onderDrempel: opties.onderDrempel, locale: opties.locale });
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: breedte * 2 }, font: fontOpties, background: '#ffffff' });
  return { png: resvg.render().asPng(), breedte, hoogte };
}

const rand = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const randen = { top: rand, bottom: rand, left: rand, right: rand };

/** Text width of an A4 page with docx's default 1-inch margins, in twentieths of a point. */
const TEKSTBREEDTE = 11906 - 2 * 1440;

/** Column widths (twips): a wide first column for the row labels, the counts sharing the rest. */
function kolomBreedtes(tb: Tabel): number[] {
  const n = tb.kolommen.length;
  if (tb.tekstTabel) return [0.25, 0.3, 0.25, 0.2].slice(0, n).map((f) => Math.round(f * TEKSTBREEDTE));
  const eerste = Math.round(TEKSTBREEDTE * (n > 4 ? 0.4 : 0.5));
  return [eerste, ...Array.from({ length: n - 1 }, () => Math.floor((TEKSTBREEDTE - eerste) / (n - 1)))];
}

function tabelDocx(tb: Tabel, n: number, opties: RenderOpties): (Paragraph | Table)[] {
  const locale = opties.locale ?? 'nl';
  const breedtes = kolomBreedtes(tb);
  const kop = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: tb.kolommen.map(
      (k, i) =>
        new TableCell({
          borders: randen,
          width: { size: breedtes[i], type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'DCE6F0' },
          children: [new Paragraph({ alignment: i === 0 || tb.tekstTabel ? AlignmentType.LEFT : AlignmentType.RIGHT, children: [new TextRun({ text: k, bold: true })] })],
        }),
    ),
  });
  const rijen = tb.rijen.map(
    (rij, r) =>
      new TableRow({
        cantSplit: true,
        children: rij.map((cel, i) => {
          const vet = Boolean(tb.totaalRij && r === tb.rijen.length - 1);
          return new TableCell({
            borders: randen,
            width: { size: breedtes[i], type: WidthType.DXA },
            children: [
              new Paragraph({
                alignment: typeof cel === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                children: [new TextRun({ text: tb.tekstTabel ? String(cel) : toonCel(cel, opties.onderDrempel, locale), bold: vet })],
              }),
            ],
          });
        }),
      }),
  );
  return [
    new Paragraph({ keepNext: true, spacing: { before: 200, after: 80 }, children: [new TextRun({ text: t(locale, 'report.tabelVan', { n, titel: tb.titel }), bold: true })] }),
    new Table({ width: { size: TEKSTBREEDTE, type: WidthType.DXA }, columnWidths: breedtes, layout: TableLayoutType.FIXED, rows: [kop, ...rijen] }),
  ];
}

function grafiekDocx(g: Grafiek, n: number, opties: RenderOpties): Paragraph[] {
  const { png, breedte, hoogte } = grafiekPng(g, opties);
  const schaal = Math.min(1, 600 / breedte);
  const locale = opties.locale ?? 'nl';
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 200 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: Math.round(breedte * schaal), height: Math.round(hoogte * schaal) },
          altText: { name: g.id, title: g.titel, description: grafiekAltTekst(g, { onderDrempel: opties.onderDrempel, locale }) },
        }),
      ],
    }),
    new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: t(locale, 'report.figuurVan', { n, titel: g.titel }), italics: true })] }),
  ];
}

/**
 * The jaarverslag as a Word document (the `docx` package): title page lines, then the chapters of
 * `jaarverslagSecties` (inleiding en scope … vooruitblik) with numbered tables (header row repeated on every
 * page) and bar charts as PNG images with alt text. Small-number suppression applies when
 * `opties.onderDrempel` is set.
 * @returns the .docx file as bytes.
 */
export async function renderDocx(r: Jaarverslag, opties: RenderOpties = {}): Promise<Buffer> {
  const locale = opties.locale ?? 'nl';
  const inhoud: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(t(locale, 'report.titel', { jaar: r.jaar }))] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: t(locale, 'report.ondertitel', { organisatie: r.organisatie }), size: 32, color: '404040' })] }),
  ];
  if (opties.onderDrempel && opties.onderDrempel > 1) {
    inhoud.push(new Paragraph({ children: [new TextRun({ text: t(locale, 'report.onderdrukt', { n: opties.onderDrempel, max: opties.onderDrempel - 1 }), italics: true })] }));
  }
  let tabelNr = 0;
  let figuurNr = 0;
  for (const s of jaarverslagSecties(r, locale, { onderDrempel: opties.onderDrempel })) {
    inhoud.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, keepLines: true, spacing: { before: 360 }, children: [new TextRun(s.titel)] }));
    for (const b of s.blokken) {
      if (b.soort === 'tekst') inhoud.push(new Paragraph({ spacing: { after: 120 }, children: [new TextRun(b.tekst)] }));
      else if (b.soort === 'tabel') inhoud.push(...tabelDocx(b.tabel, ++tabelNr, opties));
      else inhoud.push(...grafiekDocx(b.grafiek, ++figuurNr, opties));
    }
  }
  const doc = new Document({
    title: t(locale, 'report.titel', { jaar: r.jaar }),
    subject: r.organisatie,
    creator: 'Integriteitsplein',
    description: t(locale, 'report.gegenereerd', { jaar: r.jaar }),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: inhoud }],
  });
  return Packer.toBuffer(doc);
}
