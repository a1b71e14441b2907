import { TZDate } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import type { Locale } from './basis';

/*
 * Dates, weeks, counts and lists in running text, in the reader's language, through Intl and date-fns rather
 * than hand-written month names or plural rules. Dutch follows the Taalunie's spelling (month names in lower
 * case: "2 december 2026"; "a, b en c"), English follows British usage (day before month: "2 December 2026";
 * no serial comma: "a, b and c"), the same as the report. Every date is a Europe/Amsterdam calendar date
 * (docs/decisions.md, "Tijd"). Form fields (Input.Date) and lists keep ISO `YYYY-MM-DD`: this module is for
 * what people read.
 */

const TIJDZONE = 'Europe/Amsterdam';

/** The BCP 47 tag for Intl: `nl-NL` or `en-GB`. */
export function intlTaal(locale: Locale): 'nl-NL' | 'en-GB' {
  return locale === 'en' ? 'en-GB' : 'nl-NL';
}

const KALENDERDATUM = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;

/**
 * A calendar date `YYYY-MM-DD` as an instant inside that day in Amsterdam (12:00 UTC is 13:00 or 14:00 there),
 * or an instant (Date, ISO 8601 with time) as is.
 * @throws RangeError (Dutch) when the text is neither.
 */
function alsMoment(datum: string | Date): Date {
  if (datum instanceof Date) return datum;
  const m = KALENDERDATUM.exec(datum);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : new Date(datum);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Geen datum: "${datum}" (verwacht JJJJ-MM-DD of een ISO-tijdstip).`);
  return d;
}

/**
 * A date in running text: `2 december 2026` (nl) / `2 December 2026` (en); with `weekdag`
 * `woensdag 2 december 2026` / `Wednesday, 2 December 2026` (CLDR's British form); with `kort` `2 dec 2026` / `2 Dec 2026`.
 * @param datum a calendar date `YYYY-MM-DD` (Europe/Amsterdam) or an instant (Date or ISO text with time,
 *   shown as its Europe/Amsterdam date).
 * @throws RangeError when `datum` is not a date.
 */
export function datumTekst(locale: Locale, datum: string | Date, opties: { weekdag?: boolean; kort?: boolean } = {}): string {
  const tekst = new Intl.DateTimeFormat(intlTaal(locale), {
    timeZone: TIJDZONE,
    day: 'numeric',
    month: opties.kort ? 'short' : 'long',
    year: 'numeric',
    ...(opties.weekdag ? { weekday: 'long' as const } : {}),
  }).format(alsMoment(datum));
  // CLDR abbreviates Dutch months with a dot ("2 dec. 2026"); the product writes them as toonTijd does ("2 dec 2026").
  return opties.kort ? tekst.replace('.', '') : tekst;
}

/**
 * An ISO week in running text: `week 49` (nl and en), or with `metJaar` `week 49 van 2026` / `week 49 of 2026`
 * (the ISO week-year, which differs from the calendar year around 1 January); with `begin` capitalised for the
 * start of a sentence or a caption on its own (`Week 49`, `Week 49 van 2026`).
 * @param week a week `2026-W49`, a calendar date `YYYY-MM-DD` or an instant (its Europe/Amsterdam date).
 * @throws RangeError when `week` is none of these.
 */
export function weekTekst(locale: Locale, week: string | Date, opties: { metJaar?: boolean; begin?: boolean } = {}): string {
  let nummer: number;
  let jaar: number;
  const w = typeof week === 'string' ? WEEK.exec(week) : null;
  if (w) {
    jaar = Number(w[1]);
    nummer = Number(w[2]);
    if (nummer < 1 || nummer > 53) throw new RangeError(`Geen week: "${String(week)}".`);
  } else {
    const d = new TZDate(alsMoment(week).getTime(), TIJDZONE);
    nummer = getISOWeek(d);
    jaar = getISOWeekYear(d);
  }
  const woord = opties.begin ? 'Week' : 'week';
  if (!opties.metJaar) return `${woord} ${nummer}`;
  return locale === 'en' ? `${woord} ${nummer} of ${jaar}` : `${woord} ${nummer} van ${jaar}`;
}

/**
 * Items as one phrase: `a, b en c` / `a, b and c` (`soort: 'en'`, the default) or `a, b of c` / `a, b or c`
 * (`soort: 'of'`), by Intl.ListFormat. An empty list gives ''.
 */
export function lijstTekst(locale: Locale, items: readonly string[], soort: 'en' | 'of' = 'en'): string {
  return new Intl.ListFormat(intlTaal(locale), { type: soort === 'of' ? 'disjunction' : 'conjunction' }).format(items);
}

/** A number in the reader's notation: `1.234` (nl) / `1,234` (en). */
export function getalTekst(locale: Locale, n: number): string {
  return new Intl.NumberFormat(intlTaal(locale)).format(n);
}
