import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  LeaderType,
  Packer,
  PageNumber,
  PageReference,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { t, type Locale } from '../i18n';
import type { Jaarverslag } from './jaarverslag';
import { grafiekAltTekst, staafdiagramSvg } from './grafiek';
import { jaarverslagSecties, toonCel, type Grafiek, type Tabel } from './tabellen';
import { tabelUitleg } from './uitleg';

/** Options of the docx and html renderers. */
export interface RenderOpties {
  /** `--suppress-below N`: counts 1..N−1 are shown as "<N" (never in json or xlsx). */
  onderDrempel?: number;
  locale?: Locale;
}

const DEJAVU = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];
/** DejaVu Sans when installed (Debian: fonts-dejavu-core, present with Chromium), else every system font. */
const fontOpties = DEJAVU.every((f) => fs.existsSync(f))
  ? { fontFiles: DEJAVU, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }
  : { loadSystemFonts: true };

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

/** A4 (11906 × 16838 twips) with 2 cm (1134 twips) margins, as Dutch government reports are commonly set. */
const MARGE = 1134;
/** Text width of the page, in twentieths of a point (twips). */
const TEKSTBREEDTE = 11906 - 2 * MARGE;
/** Table text: 10 pt (docx sizes are half-points). */
const TABEL_PT = 10;
/** Cell padding left and right (twips). */
const CEL_MARGE = 100;
/**
 * Width of one character of table text, in twips: half an em (Calibri's and its metric twin Carlito's
 * average is ≈ 0.49 em), a little more for bold. An estimate on the safe side, so no word is broken.
 */
const tekenBreedte = (vet: boolean) => TABEL_PT * 20 * (vet ? 0.54 : 0.5);

/** The longest piece of `tekst` that cannot wrap (lines wrap at spaces and after hyphens). */
function langsteWoord(tekst: string): number {
  return Math.max(0, ...tekst.split(/\s+|(?<=-)/).map((w) => [...w].length));
}

/**
 * Column widths (twips) for a table that fills the text width without breaking a word in any cell: every
 * column is at least as wide as its longest word (heading bold) plus padding; what is left goes to the columns
 * in proportion to their longest cell text (labels get more than counts). If even the minimum does not fit,
 * the minimum widths are scaled down (the table stays on the page).
 */
export function kolomBreedtes(tb: Tabel, opties: RenderOpties = {}): number[] {
  const cellen = (i: number) =>
    tb.rijen.map((r) => (tb.tekstTabel ? String(r[i] ?? '') : toonCel(r[i] ?? '', opties.onderDrempel, opties.locale ?? 'nl')));
  const minimum = tb.kolommen.map(
    (k, i) =>
      2 * CEL_MARGE +
      Math.ceil(Math.max(langsteWoord(k) * tekenBreedte(true), ...cellen(i).map((c) => langsteWoord(c) * tekenBreedte(false)))),
  );
  const gewicht = tb.kolommen.map((k, i) => Math.max([...k].length, ...cellen(i).map((c) => [...c].length)));
  const somMin = minimum.reduce((a, b) => a + b, 0);
  if (somMin >= TEKSTBREEDTE) return minimum.map((b) => Math.floor((b * TEKSTBREEDTE) / somMin));
  const somGewicht = gewicht.reduce((a, b) => a + b, 0) || 1;
  const breedtes = minimum.map((b, i) => b + Math.floor(((TEKSTBREEDTE - somMin) * gewicht[i]) / somGewicht));
  breedtes[0] += TEKSTBREEDTE - breedtes.reduce((a, b) => a + b, 0);
  return breedtes;
}

function tabelDocx(tb: Tabel, n: number, jaar: number, opties: RenderOpties): (Paragraph | Table)[] {
  const locale = opties.locale ?? 'nl';
  const uitleg = tabelUitleg(tb, { jaar, locale, onderDrempel: opties.onderDrempel });
  const breedtes = kolomBreedtes(tb, opties);
  /** Column `i` is a year without data: its cells read "geen gegevens" (right-aligned like counts, italic). */
  const geenGegevens = (i: number) => i > 0 && (tb.zonderGegevens ?? []).includes(tb.kolommen[i]);
  const kop = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: tb.kolommen.map(
      (k, i) =>
        new TableCell({
          borders: randen,
          width: { size: breedtes[i], type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'DCE6F0' },
          children: [
            new Paragraph({
              alignment: i === 0 || tb.tekstTabel ? AlignmentType.LEFT : AlignmentType.RIGHT,
              children: [new TextRun({ text: k, bold: true, size: TABEL_PT * 2 })],
            }),
          ],
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
                alignment: typeof cel === 'number' || geenGegevens(i) ? AlignmentType.RIGHT : AlignmentType.LEFT,

                children: [
                  new TextRun({
                    text: tb.tekstTabel ? String(cel) : toonCel(cel, opties.onderDrempel, locale),
                    bold: vet,
                    italics: geenGegevens(i),
                    size: TABEL_PT * 2,
                  }),
                ],
              }),
            ],
          });
        }),
      }),
  );
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 200, after: 80 },
      children: [new TextRun({ text: t(locale, 'report.tabelVan', { n, titel: tb.titel }), bold: true })],
    }),
    new Table({
      width: { size: TEKSTBREEDTE, type: WidthType.DXA },
      columnWidths: breedtes,
      layout: TableLayoutType.FIXED,
      margins: { left: CEL_MARGE, right: CEL_MARGE, top: 40, bottom: 40 },
      rows: [kop, ...rijen],
    }),
    ...(uitleg ? [new Paragraph({ spacing: { before: 80, after: 200 }, children: [new TextRun({ text: uitleg, color: '404040' })] })] : []),
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
    new Paragraph({
      spacing: { after: 200 },
      children: [new TextRun({ text: t(locale, 'report.figuurVan', { n, titel: g.titel }), italics: true })],
    }),
  ];
}

/** "2 december 2026" / "2 December 2026" (Europe/Amsterdam). */
function langeDatum(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(d);
}

/** Bookmark name of chapter `id` (letters, digits and _ only, as Word requires). */
const bladwijzer = (id: string) => `h_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;

/**
 * The jaarverslag as a Word document ready to publish (the `docx` package):
 * - a cover page (title, organisation, the report year under art. 4 Ambtenarenwet 2017, date compiled,
 *   the suppression notice) without header or footer;
 * - a contents page: one line per chapter with a dotted leader and a PAGEREF field to the chapter's bookmark,
 *   which Word and LibreOffice compute at layout (a TOC field would stay empty in LibreOffice until updated,
 *   see docs/decisions.md); `updateFields` makes Word refresh them on opening;
 * - a running header (title · organisation) and "Pagina X van Y" in the footer on every other page;
 * - the chapters of `jaarverslagSecties` with numbered tables (header row repeated on every page, column widths
 *   that fit the longest word of each column, no hyphenation), a sentence under each table from `tabelUitleg`
 *   (rises, falls, zeros), and bar charts as PNG images with alt text.
 * Small-number suppression applies when `opties.onderDrempel` is set; `opties.nu` is the compilation date (tests).
 * @returns the .docx file as bytes.
 */
export async function renderDocx(r: Jaarverslag, opties: RenderOpties & { nu?: Date } = {}): Promise<Buffer> {
  const locale = opties.locale ?? 'nl';
  const titel = t(locale, 'report.titel', { jaar: r.jaar });
  const omslag: Paragraph[] = [
    new Paragraph({ spacing: { before: 3600 }, heading: HeadingLevel.TITLE, children: [new TextRun(titel)] }),
    new Paragraph({
      spacing: { after: 480 },
      children: [new TextRun({ text: t(locale, 'report.ondertitel', { organisatie: r.organisatie }), size: 36, color: '404040' })],
    }),
    new Paragraph({
      spacing: { after: 120 },
      children: [new TextRun({ text: t(locale, 'report.omslag.verslagjaar', { jaar: r.jaar }), size: 24 })],
    }),
    new Paragraph({
      spacing: { after: 120 },
      children: [
        new TextRun({
          text: t(locale, 'report.omslag.datum', { datum: langeDatum(opties.nu ?? new Date(), locale) }),
          size: 24,
          color: '404040',
        }),
      ],
    }),
  ];
  if (opties.onderDrempel && opties.onderDrempel > 1) {
    omslag.push(
      new Paragraph({
        spacing: { before: 480 },
        children: [
          new TextRun({ text: t(locale, 'report.onderdrukt', { n: opties.onderDrempel, max: opties.onderDrempel - 1 }), italics: true }),
        ],
      }),
    );
  }
  const secties = jaarverslagSecties(r, locale, { onderDrempel: opties.onderDrempel, geenGegevens: true });
  const inhoudsopgave: Paragraph[] = [
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: t(locale, 'report.inhoud'), bold: true, size: 32 })] }),
    ...secties.map(
      (s) =>
        new Paragraph({
          spacing: { after: 80 },
          tabStops: [{ type: TabStopType.RIGHT, position: TEKSTBREEDTE, leader: LeaderType.DOT }],
          children: [
            new InternalHyperlink({ anchor: bladwijzer(s.id), children: [new TextRun(s.titel)] }),
            new TextRun('\t'),
            new PageReference(bladwijzer(s.id)),
          ],
        }),
    ),
  ];
  const inhoud: (Paragraph | Table)[] = [];
  let tabelNr = 0;
  let figuurNr = 0;
  secties.forEach((s, i) => {
    inhoud.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: i === 0,
        keepNext: true,
        keepLines: true,
        spacing: { before: 360 },
        children: [new Bookmark({ id: bladwijzer(s.id), children: [new TextRun(s.titel)] })],
      }),
    );
    for (const b of s.blokken) {
      if (b.soort === 'tekst') inhoud.push(new Paragraph({ spacing: { after: 120 }, children: [new TextRun(b.tekst)] }));
      else if (b.soort === 'tabel') inhoud.push(...tabelDocx(b.tabel, ++tabelNr, r.jaar, opties));
      else inhoud.push(...grafiekDocx(b.grafiek, ++figuurNr, opties));
    }
  });
  const pagina = { page: { margin: { top: MARGE, bottom: MARGE, left: MARGE, right: MARGE } } };
  const kopregel = new Header({
    children: [
      new Paragraph({
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 4 } },
        children: [
          new TextRun({ text: t(locale, 'report.kopregel', { jaar: r.jaar, organisatie: r.organisatie }), size: 18, color: '404040' }),
        ],
      }),
    ],
  });
  const voetregel = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            size: 18,
            color: '404040',
            children: [`${t(locale, 'report.pagina')} `, PageNumber.CURRENT, ` ${t(locale, 'report.paginaVan')} `, PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
  const doc = new Document({
    title: titel,
    subject: r.organisatie,
    creator: 'Integriteitsplein',
    description: t(locale, 'report.gegenereerd', { jaar: r.jaar }),
    features: { updateFields: true },
    hyphenation: { autoHyphenation: false },
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      { properties: pagina, children: omslag },
      { properties: pagina, headers: { default: kopregel }, footers: { default: voetregel }, children: [...inhoudsopgave, ...inhoud] },
    ],
  });
  return Packer.toBuffer(doc);
}
