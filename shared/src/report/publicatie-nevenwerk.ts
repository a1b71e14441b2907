import { stringify } from 'csv-stringify/sync';
import type { OrgConfig } from '../config/schema';
import { tekstIn } from '../i18n/basis';
import { t, type Locale } from '../i18n';
import { datumTekst } from '../i18n/formaat';
import type { ListItem } from '../lists/schemas';
import { xmlEscape } from './grafiek';

/**
 * The publication of the nevenwerkzaamheden of senior staff (Ambtenarenwet art. 8 lid 3: the employer publishes
 * the nevenwerkzaamheden of the functions it designates; Zuid-Holland 2019: schaal 14 and higher, with the
 * restrictions imposed). Pure: items and config in, rows, an HTML page and a CSV file out.
 *
 * What is published, per registration: the function title (`nevenwerk.functies[].titel` in the config, entered by
 * HR), the activity (`publicatieActiviteit`, entered by HR; without it the kind's label), paid or not, hours per
 * month, the assessment and its conditions. Never: the employee's id, the organisation the employee typed, the
 * registration id or dates. Only registrations of the register `nevenwerkzaamheid` (financial interests are
 * registered, not published) whose function the config marks `publiceren`, in force on the peildatum.
 */

/** One published row; every value is display text. */
export interface PublicatieRij {
  functie: string;
  activiteit: string;
  soort: string;
  bezoldigd: string;
  urenPerMaand: string;
  beoordeling: string;
  voorwaarden: string;
}

/** The publication: rows, the peildatum (`YYYY-MM-DD`) and how many rows lack HR's activity text. */
export interface NevenwerkPublicatie {
  organisatie: string;
  peildatum: string;
  rijen: PublicatieRij[];
  /** Rows shown with the kind's label because HR has not entered `publicatieActiviteit` yet (the CLI warns). */
  zonderActiviteit: number;
}

/** The columns of the page and the CSV, in order. */
export const PUBLICATIE_KOLOMMEN = ['functie', 'activiteit', 'soort', 'bezoldigd', 'urenPerMaand', 'beoordeling', 'voorwaarden'] as const;

/**
 * True when registration `r` is in force on `peildatum` (`YYYY-MM-DD`): reported on or before it and not ended
 * on or before it.
 */
export function vanKrachtOp(r: Pick<ListItem<'Nevenwerkzaamheden'>, 'gemeldOp' | 'beeindigdOp' | 'status'>, peildatum: string): boolean {
  if (r.gemeldOp > peildatum) return false;
  if (r.beeindigdOp) return r.beeindigdOp > peildatum;
  return r.status !== 'beeindigd';
}

/**
 * Select and describe the published registrations (see the module comment).
 * @param items any items of `Nevenwerkzaamheden` (other staff, financial interests and ended ones are left out).
 * @param peildatum `YYYY-MM-DD` (Europe/Amsterdam calendar date).
 * @returns rows sorted by the function's order in the config, then by kind and activity.
 */
export function bouwNevenwerkPublicatie(
  items: readonly ListItem<'Nevenwerkzaamheden'>[],
  config: OrgConfig,
  peildatum: string,
  locale: Locale = 'nl',
): NevenwerkPublicatie {
  const functies = config.nevenwerk.functies.filter((f) => f.publiceren);
  const volgorde = new Map(functies.map((f, i) => [f.code, i]));
  const gekozen = items.filter(
    (r) => r.register === 'nevenwerkzaamheid' && volgorde.has(r.functie) && r.beoordeling !== 'nietToegestaan' && vanKrachtOp(r, peildatum),
  );
  gekozen.sort(
    (a, b) =>
      volgorde.get(a.functie)! - volgorde.get(b.functie)! ||
      (a.soortNevenwerk ?? '').localeCompare(b.soortNevenwerk ?? '') ||
      (a.publicatieActiviteit ?? '').localeCompare(b.publicatieActiviteit ?? ''),
  );
  const m = (key: string) => t(locale, key);
  let zonderActiviteit = 0;
  const rijen = gekozen.map((r): PublicatieRij => {
    const functie = functies[volgorde.get(r.functie)!];
    const soort = r.soortNevenwerk ? m(`report.nevenwerkSoort.${r.soortNevenwerk}`) : '';
    if (!r.publicatieActiviteit) zonderActiviteit++;
    return {
      functie: tekstIn(locale, functie.titel),
      activiteit: r.publicatieActiviteit ?? soort,
      soort,
      bezoldigd: r.betaald === true ? m('publicatie.nevenwerk.ja') : r.betaald === false ? m('publicatie.nevenwerk.nee') : '',
      urenPerMaand: r.urenPerMaand === null || r.urenPerMaand === undefined ? '' : String(r.urenPerMaand),
      beoordeling: r.beoordeling ? m(`report.nevenwerkBeoordeling.${r.beoordeling}`) : m('publicatie.nevenwerk.nogNietBeoordeeld'),
      voorwaarden:
        r.beoordeling === 'toegestaanMetVoorwaarden'
          ? (r.voorwaarden ?? []).map((v) => m(`report.nevenwerkVoorwaarde.${v}`)).join('; ')
          : '',
    };
  });
  return { organisatie: config.organisatie.naam, peildatum, rijen, zonderActiviteit };
}

const kop = (locale: Locale, k: (typeof PUBLICATIE_KOLOMMEN)[number]) => t(locale, `publicatie.nevenwerk.kolom.${k}`);

/**
 * The CSV for the website: UTF-8 with BOM (Excel), `;` as separator (Dutch Excel), a header row in `locale`.
 */
export function nevenwerkPublicatieCsv(p: NevenwerkPublicatie, locale: Locale = 'nl'): string {
  const rijen = [PUBLICATIE_KOLOMMEN.map((k) => kop(locale, k)), ...p.rijen.map((r) => PUBLICATIE_KOLOMMEN.map((k) => r[k]))];
  return `\uFEFF${stringify(rijen, { delimiter: ';', record_delimiter: '\r\n' })}`;
}

/** The publication as one self-contained HTML page (no scripts, no external files), every text escaped. */
export function nevenwerkPublicatieHtml(p: NevenwerkPublicatie, locale: Locale = 'nl'): string {
  const e = xmlEscape;
  const titel = t(locale, 'publicatie.nevenwerk.titel', { organisatie: p.organisatie });
  const rijen = p.rijen.length
    ? p.rijen
        .map(
          (r) =>
            `<tr><th scope="row">${e(r.functie)}</th>${PUBLICATIE_KOLOMMEN.slice(1)
              .map((k) => `<td>${e(r[k])}</td>`)
              .join('')}</tr>`,
        )
        .join('\n')
    : `<tr><td colspan="${PUBLICATIE_KOLOMMEN.length}">${e(t(locale, 'publicatie.nevenwerk.geen'))}</td></tr>`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(titel)}</title>
<style>
body { font-family: "Segoe UI", Arial, sans-serif; color: #1a1a1a; margin: 0; line-height: 1.5; }
main { max-width: 70rem; margin: 0 auto; padding: 2rem 1.25rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: bold; padding: .25rem 0 .5rem; }
th, td { border: 1px solid #767676; padding: .35rem .6rem; vertical-align: top; text-align: left; }
thead th { background: #dce6f0; }
tbody th { font-weight: normal; }
</style>
</head>
<body>
<main>
<h1>${e(titel)}</h1>
<p>${e(t(locale, 'publicatie.nevenwerk.uitleg', { peildatum: datumTekst(locale, p.peildatum) }))}</p>
<table>
<caption>${e(t(locale, 'publicatie.nevenwerk.tabel', { peildatum: datumTekst(locale, p.peildatum) }))}</caption>
<thead><tr>${PUBLICATIE_KOLOMMEN.map((k) => `<th scope="col">${e(kop(locale, k))}</th>`).join('')}</tr></thead>
<tbody>
${rijen}
</tbody>
</table>
</main>
</body>
</html>
`;
}
