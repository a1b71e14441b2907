import { t } from '../i18n';
import type { RenderOpties } from './docx';
import type { Jaarverslag } from './jaarverslag';
import { staafdiagramSvg, xmlEscape } from './grafiek';
import { jaarverslagSecties, toonCel, type Tabel } from './tabellen';
import { tabelUitleg } from './uitleg';

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; }
.organisatie { font-size: 1.25rem; color: #404040; margin: 0 0 1.5rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; border-bottom: 2px solid #1d5a8e; padding-bottom: .25rem; }
nav ol { columns: 2; padding-left: 1.25rem; }
a { color: #0b4a80; }
a:focus, a:hover { outline: 2px solid #0b4a80; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: .25rem 0 .5rem; }
th, td { border: 1px solid #767676; padding: .35rem .6rem; vertical-align: top; }
thead th { background: #dce6f0; text-align: left; }
thead th.getal, td.getal { text-align: right; }
tbody th { text-align: left; font-weight: normal; }
td.geen-gegevens { font-style: italic; }
tr.totaal th, tr.totaal td { font-weight: bold; border-top: 2px solid #1a1a1a; }
figure { margin: 1rem 0 1.5rem; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-style: italic; }
.let-op { background: #fff4ce; border-left: 4px solid #8a6d00; padding: .5rem .75rem; }
.in-te-vullen { border: 1px dashed #595959; padding: .75rem; }
@media print {
  main { max-width: none; padding: 0; }
  nav, .skip { display: none; }
  h2 { break-after: avoid; }
  table, figure { break-inside: avoid; }
  thead { display: table-header-group; }
}`;

function tabelHtml(tb: Tabel, n: number, opties: RenderOpties): string {
  const locale = opties.locale ?? 'nl';
  const getalKolom = (i: number) => i > 0 && !tb.tekstTabel;
  const kop = tb.kolommen.map((k, i) => `<th scope="col"${getalKolom(i) ? ' class="getal"' : ''}>${xmlEscape(k)}</th>`).join('');
  const rijen = tb.rijen
    .map((rij, r) => {
      const cellen = rij
        .map((cel, i) => {
          const tekst = xmlEscape(tb.tekstTabel ? String(cel) : toonCel(cel, opties.onderDrempel, locale));
          if (i === 0) return `<th scope="row">${tekst}</th>`;
          const geen = (tb.zonderGegevens ?? []).includes(tb.kolommen[i]);
          return `<td${getalKolom(i) ? ` class="getal${geen ? ' geen-gegevens' : ''}"` : ''}>${tekst}</td>`;
        })
        .join('');
      const totaal = tb.totaalRij && r === tb.rijen.length - 1 ? ' class="totaal"' : '';
      return `<tr${totaal}>${cellen}</tr>`;
    })
    .join('\n');
  return `<table id="tabel-${tb.id}">\n<caption>${xmlEscape(t(locale, 'report.tabelVan', { n, titel: tb.titel }))}</caption>\n<thead><tr>${kop}</tr></thead>\n<tbody>\n${rijen}\n</tbody>\n</table>`;
}

/**
 * The jaarverslag as one self-contained HTML file (no scripts, fonts, images or links outside the file):
 * the same chapters and tables as the docx (each with its explanatory sentence), bar charts as inline SVG with `role="img"`, `<title>` and
 * `<desc>` (text alternative listing every value) and a visible caption, tables with `<caption>` and
 * `<th scope>` headers, a table of contents, print styles, `lang` set. Meant to meet WCAG 2.1 AA
 * (checked with axe-core in the tests). Small-number suppression applies when `opties.onderDrempel` is set.
 */
export function renderHtml(r: Jaarverslag, opties: RenderOpties = {}): string {
  const locale = opties.locale ?? 'nl';
  const titel = t(locale, 'report.titel', { jaar: r.jaar });
  const secties = jaarverslagSecties(r, locale, { onderDrempel: opties.onderDrempel, geenGegevens: true });
  let tabelNr = 0;
  let figuurNr = 0;
  const body: string[] = [];
  for (const s of secties) {
    body.push(`<section aria-labelledby="h-${s.id}">`, `<h2 id="h-${s.id}">${xmlEscape(s.titel)}</h2>`);
    for (const b of s.blokken) {
      if (b.soort === 'tekst') body.push(`<p${s.id === 'vooruitblik' ? ' class="in-te-vullen"' : ''}>${xmlEscape(b.tekst)}</p>`);
      else if (b.soort === 'tabel') {
        body.push(tabelHtml(b.tabel, ++tabelNr, opties));
        const uitleg = tabelUitleg(b.tabel, { jaar: r.jaar, locale, onderDrempel: opties.onderDrempel });
        if (uitleg) body.push(`<p class="uitleg">${xmlEscape(uitleg)}</p>`);
      } else {
        const { svg } = staafdiagramSvg(b.grafiek, { onderDrempel: opties.onderDrempel, locale });
        body.push(
          `<figure id="figuur-${b.grafiek.id}">${svg}<figcaption>${xmlEscape(t(locale, 'report.figuurVan', { n: ++figuurNr, titel: b.grafiek.titel }))}</figcaption></figure>`,
        );
      }
    }
    body.push('</section>');
  }
  const inhoud = secties.map((s) => `<li><a href="#h-${s.id}">${xmlEscape(s.titel)}</a></li>`).join('');
  const onderdrukt =
    opties.onderDrempel && opties.onderDrempel > 1
      ? `<p class="let-op">${xmlEscape(t(locale, 'report.onderdrukt', { n: opties.onderDrempel, max: opties.onderDrempel - 1 }))}</p>`
      : '';
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${xmlEscape(`${titel} — ${r.organisatie}`)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#inhoud">${locale === 'nl' ? 'Naar de inhoud' : 'Skip to content'}</a>
<main id="inhoud">
<header>
<h1>${xmlEscape(titel)}</h1>
<p class="organisatie">${xmlEscape(r.organisatie)}</p>
${onderdrukt}
</header>
<nav aria-label="${locale === 'nl' ? 'Inhoudsopgave' : 'Contents'}"><ol>${inhoud}</ol></nav>
${body.join('\n')}
</main>
</body>
</html>
`;
}
