import { t, type Locale } from '../i18n';
import { onderdruk, toonCel, type Cel, type Tabel } from './tabellen';

/*
 * The sentence under each table of the published report: what the figures say, generated from the figures
 * themselves (rises and falls against the previous year, zeros, the highest count), in the report's language.
 */

/** Options: the report year and small-number suppression as in the renderers. */
export interface UitlegOpties {
  jaar: number;
  locale?: Locale;
  /** `--suppress-below N`: counts 1..N−1 are shown as "<N" and never compared (a rise between two hidden counts would betray them). */
  onderDrempel?: number;
}

/** At most this many rows are named in a list of rises, falls or zeros (the table holds the rest). */
const MAX_GENOEMD = 4;

/** "a, b en c" / "a, b and c" (Intl.ListFormat). */
function lijst(locale: Locale, items: string[]): string {
  return new Intl.ListFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { type: 'conjunction' }).format(items);
}

const verborgen = (n: number, onderDrempel?: number) => typeof onderdruk(n, onderDrempel) === 'string';

/**
 * One or more sentences explaining table `tb`:
 * - a table with year columns (`2023`, `2024`, `2025`): the total's change from the previous year to the report
 *   year, the rows that rose and fell (largest change first, at most 4 each), the rows that are 0 in the report
 *   year and were not already named as a fall (one fact once: "Gedaald: Discriminatie (van 1 naar 0)" is not
 *   followed by "Niets geregistreerd: Discriminatie"), or "no differences"; when every row fell to 0, one
 *   sentence with the previous year's counts ("In 2025 is hier niets geregistreerd; in 2024: Discriminatie (1).");
 *   zero in both years: "Net als in 2024 is hier in 2025 niets geregistreerd.";
 *   with one year column the highest row and the zeros;
 * - the Wbk table: how many acknowledgements and feedbacks were late (`van − aantal`);
 * - the case table: how many cases it describes;
 * - other count tables (e.g. per doelgroep): the highest row and the zeros of the first count column.
 * Year columns without data (`tb.zonderGegevens`) are never compared: the report year without data gets one
 * sentence "geen gegevens"; a previous year without data says so and the report year is described on its own.
 * With `onderDrempel` every count is shown suppressed, and rows with a suppressed count in either compared year
 * are left out of the rises and falls. Returns '' for a table without rows.
 */
export function tabelUitleg(tb: Tabel, opties: UitlegOpties): string {
  const locale = opties.locale ?? 'nl';
  const { onderDrempel } = opties;
  const m = (key: string, params: Record<string, string | number> = {}) => t(locale, `report.uitleg.${key}`, params);
  const toon = (n: number) => toonCel(n, onderDrempel, locale);
  if (!tb.rijen.length) return '';
  if (tb.tekstTabel) return m('zaken', { n: toon(tb.rijen.length) });
  if (tb.id === 'wbk') return wbkUitleg(tb, opties, m, toon);

  const totaalLabel = t(locale, 'report.rij.totaal');
  const totaalIndex = tb.totaalRij ? tb.rijen.length - 1 : tb.rijen.findIndex((r) => r[0] === totaalLabel);
  const rijen = tb.rijen.map((r, i) => ({
    label: String(r[0]),
    waarden: r.slice(1).map((c: Cel) => (typeof c === 'number' ? c : 0)),
    totaal: i === totaalIndex,
  }));
  const jaarKolommen = tb.kolommen.slice(1).every((k) => /^\d{4}$/.test(k));
  const laatste = tb.kolommen.length - 2; // index into waarden of the report year (last column)
  const kolom = jaarKolommen ? laatste : 0;
  const jaar = String(opties.jaar);
  const delen = rijen.filter((r) => !r.totaal);
  const zinnen: string[] = [];
  // Year columns without data ("geen gegevens") are never compared: no data is not a 0.
  const zonder = jaarKolommen ? (tb.zonderGegevens ?? []) : [];
  if (zonder.includes(tb.kolommen[laatste + 1])) return m('geenGegevens', { jaar });
  const vorigZonder = laatste >= 1 && zonder.includes(tb.kolommen[laatste]);
  if (vorigZonder) zinnen.push(m('geenGegevensVorig', { zonder: lijst(locale, zonder) }));

  const nullen = delen.filter((r) => r.waarden[kolom] === 0);
  // "Nothing recorded here" only when the total (if the table has one) is zero too: a table of a total and a
  // subset (meldingen: totaal en anoniem) with a zero subset names that row instead.
  const totaalNul = rijen.every((r) => !r.totaal || r.waarden[kolom] === 0);
  const allesNul = delen.length > 0 && nullen.length === delen.length && totaalNul;
  /** Rows already named in a sentence: each fact is said once (a fall to 0 is not named again as a zero). */
  const genoemd = new Set<(typeof rijen)[number]>();

  if (jaarKolommen && laatste >= 1 && !vorigZonder) {
    const vorig = tb.kolommen[tb.kolommen.length - 2];
    const vergelijkbaar = (r: (typeof rijen)[number]) =>
      !verborgen(r.waarden[laatste], onderDrempel) && !verborgen(r.waarden[laatste - 1], onderDrempel);
    const eerder = delen.filter((r) => r.waarden[laatste - 1] > 0);
    // Zero in both years: one sentence, not "Het totaal bleef 0" / "Geen verschillen" followed by "niets geregistreerd".
    if (allesNul && !eerder.length) return m('allesNulOok', { jaar, vorig });
    if (allesNul && eerder.length) {
      // Everything fell to 0: one sentence with last year's counts ("In 2025 is hier niets geregistreerd; in 2024: …").
      const grootsteEerst = [...eerder].sort((a, b) => b.waarden[laatste - 1] - a.waarden[laatste - 1]);
      const namen = grootsteEerst.slice(0, MAX_GENOEMD).map((r) => m('eerder', { label: r.label, n: toon(r.waarden[laatste - 1]) }));
      const rest = grootsteEerst.length - namen.length;
      return m('allesNulNa', { jaar, vorig, lijst: lijst(locale, rest > 0 ? [...namen, m('nogMeer', { n: rest })] : namen) });
    }
    const totaal = rijen.find((r) => r.totaal);
    if (totaal && vergelijkbaar(totaal)) {
      const [van, naar] = [totaal.waarden[laatste - 1], totaal.waarden[laatste]];
      zinnen.push(
        m(naar > van ? 'totaalGestegen' : naar < van ? 'totaalGedaald' : 'totaalGelijk', { van: toon(van), naar: toon(naar), vorig, jaar }),
      );
    }
    const verschil = (r: (typeof rijen)[number]) => r.waarden[laatste] - r.waarden[laatste - 1];
    const noem = (rs: typeof rijen) =>
      lijst(
        locale,
        rs
          .sort((a, b) => Math.abs(verschil(b)) - Math.abs(verschil(a)))
          .slice(0, MAX_GENOEMD)
          .map((r) => {
            genoemd.add(r);
            return m('verschil', { label: r.label, van: toon(r.waarden[laatste - 1]), naar: toon(r.waarden[laatste]) });
          }),
      );
    const teVergelijken = delen.filter(vergelijkbaar);
    const op = teVergelijken.filter((r) => verschil(r) > 0);
    const neer = teVergelijken.filter((r) => verschil(r) < 0);
    if (op.length) zinnen.push(m('gestegen', { vorig, lijst: noem(op) }));
    if (neer.length) zinnen.push(m('gedaald', { lijst: noem(neer) }));
    if (!op.length && !neer.length && !totaal && teVergelijken.length === delen.length) zinnen.push(m('geenVerschil', { vorig }));
  } else {
    const hoogste = [...delen].sort((a, b) => b.waarden[kolom] - a.waarden[kolom])[0];
    if (hoogste && hoogste.waarden[kolom] > 0 && delen.filter((r) => r.waarden[kolom] === hoogste.waarden[kolom]).length === 1) {
      zinnen.push(m('meest', { label: hoogste.label, n: toon(hoogste.waarden[kolom]) }));
    }
  }

  const nogNiet = nullen.filter((r) => !genoemd.has(r));
  if (allesNul) zinnen.push(m('allesNul', { jaar }));
  else if (nogNiet.length) {
    const namen = nogNiet.slice(0, MAX_GENOEMD).map((r) => r.label);
    const rest = nogNiet.length - namen.length;
    zinnen.push(m('nullen', { jaar, lijst: rest > 0 ? lijst(locale, [...namen, m('nogMeer', { n: rest })]) : lijst(locale, namen) }));
  }
  return zinnen.join(' ');
}

function wbkUitleg(
  tb: Tabel,
  opties: UitlegOpties,
  m: (key: string, params?: Record<string, string | number>) => string,
  toon: (n: number) => string,
): string {
  const [bevestiging, terugkoppeling] = tb.rijen.map((r) => ({ aantal: Number(r[1]), van: Number(r[2]) }));
  if (!bevestiging || bevestiging.van === 0) return m('wbkGeen', { jaar: String(opties.jaar) });
  const laat = {
    bevestiging: bevestiging.van - bevestiging.aantal,
    terugkoppeling: terugkoppeling ? terugkoppeling.van - terugkoppeling.aantal : 0,
  };
  if (laat.bevestiging === 0 && laat.terugkoppeling === 0) return m('wbkOpTijd');
  return m('wbkTeLaat', { bevestiging: toon(laat.bevestiging), terugkoppeling: toon(laat.terugkoppeling) });
}
