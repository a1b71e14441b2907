import { t, type Locale } from '../i18n';
import { onderdruk, type Grafiek } from './tabellen';

/** Escape text for XML/HTML content and attribute values. */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Options of `staafdiagramSvg`. */
export interface SvgOpties {
  /** Small-number suppression threshold (docx/html): such bars are not drawn, their value shows "<N". */
  onderDrempel?: number;
  /** Width in px (default 760). */
  breedte?: number;
  locale?: Locale;
}

/** Colours with at least 4.5:1 contrast on white (WCAG 2.1 AA, 1.4.3 / 1.4.11). */
const BALK = '#1d5a8e';
const TEKST = '#1a1a1a';
const AS = '#595959';

/**
 * The text alternative of a chart (WCAG 2.1, 1.1.1): its title and every label with its (suppressed) value,
 * e.g. `Staafdiagram "Meldingen per jaar": 2023: 4, 2024: <5. De cijfers staan ook in de tabel eronder.`
 */
export function grafiekAltTekst(g: Grafiek, opties: SvgOpties = {}): string {
  const locale = opties.locale ?? 'nl';
  const waarden = g.labels.map((l, i) => `${l}: ${onderdruk(g.waarden[i], opties.onderDrempel)}`).join(', ');
  return t(locale, 'report.grafiek.alt', { titel: g.titel, waarden });
}

/**
 * A horizontal bar chart as a self-contained SVG string (no external fonts or images): one row per label,
 * the bar's length proportional to the count, the count printed after the bar. The image has no visible heading:
 * the renderers put one caption under it ("Figuur 1. …"), so the title is not shown twice. For HTML it carries
 * `role="img"` with `<title>` and `<desc>` (the text alternative); resvg renders the same SVG to PNG for the
 * docx. Fonts: DejaVu Sans / Liberation Sans / Arial / sans-serif.
 * @returns `{ svg, breedte, hoogte }` (px).
 */
export function staafdiagramSvg(g: Grafiek, opties: SvgOpties = {}): { svg: string; breedte: number; hoogte: number } {
  const breedte = opties.breedte ?? 760;
  const rij = 28;
  const boven = 12; // no heading in the image: the caption under it names the chart (one heading, not two)
  const onder = 16;
  const labelBreedte = Math.round(Math.min(420, Math.max(60, Math.max(...g.labels.map((l) => l.length), 4) * 7.6 + 16)));
  const waardeRuimte = 56;
  const plotBreedte = breedte - labelBreedte - waardeRuimte - 8;
  const hoogte = boven + g.labels.length * rij + onder;
  const max = Math.max(1, ...g.waarden.map((v) => (typeof onderdruk(v, opties.onderDrempel) === 'number' ? v : 0)));
  const id = `g-${g.id}`;
  const font = `font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"`;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${breedte}" height="${hoogte}" viewBox="0 0 ${breedte} ${hoogte}" role="img" aria-labelledby="${id}-titel ${id}-desc">`,
    `<title id="${id}-titel">${xmlEscape(g.titel)}</title>`,
    `<desc id="${id}-desc">${xmlEscape(grafiekAltTekst(g, opties))}</desc>`,
    `<rect x="0" y="0" width="${breedte}" height="${hoogte}" fill="#ffffff"/>`,
    `<line x1="${labelBreedte}" y1="${boven - 4}" x2="${labelBreedte}" y2="${hoogte - onder + 4}" stroke="${AS}" stroke-width="1"/>`,
  );
  g.labels.forEach((l, i) => {
    const y = boven + i * rij;
    const shown = onderdruk(g.waarden[i], opties.onderDrempel);
    const lengte = typeof shown === 'number' ? Math.round((shown / max) * plotBreedte) : 0;
    parts.push(
      `<text x="${labelBreedte - 8}" y="${y + 18}" ${font} font-size="12" fill="${TEKST}" text-anchor="end">${xmlEscape(l)}</text>`,
    );
    if (lengte > 0) parts.push(`<rect x="${labelBreedte + 1}" y="${y + 5}" width="${lengte}" height="${rij - 10}" fill="${BALK}"/>`);
    const tekst = typeof shown === 'number' ? shown.toLocaleString(opties.locale === 'en' ? 'en-GB' : 'nl-NL') : shown;
    parts.push(`<text x="${labelBreedte + lengte + 6}" y="${y + 18}" ${font} font-size="12" fill="${TEKST}">${xmlEscape(tekst)}</text>`);
  });
  parts.push('</svg>');
  return { svg: parts.join(''), breedte, hoogte };
}
