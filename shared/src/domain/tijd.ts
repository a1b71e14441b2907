import { TZDate, tzOffset, tzScan } from '@date-fns/tz';
import { format, getISOWeek, getISOWeekYear } from 'date-fns';
import { t, type Locale } from '../i18n';

/**
 * The one date and time module of the product: calendar-date arithmetic, ISO weeks, and turning a
 * Europe/Amsterdam wall time into an instant (import, bot cards and tab all come here). Every error is a
 * {@link TijdFout} with a Dutch message from the catalogue (`tijd.fout.*`) and a `soort` callers can branch on.
 *
 * Calendar dates (`YYYY-MM-DD`) carry no time of day, so their arithmetic runs on UTC day numbers: exact, no
 * DST involved, and fast enough for the report over tens of thousands of items. Wall times use the IANA
 * tz database through @date-fns/tz (`tzOffset`, `tzScan`).
 */

/** The time zone of every date and time in the product (docs/decisions.md, "Tijd"). */
export const TIJDZONE = 'Europe/Amsterdam';

const DAG_MS = 86_400_000;

/**
 * Kinds of {@link TijdFout}:
 * - `formaat`: not `YYYY-MM-DD` / `HH:mm` at all;
 * - `onmogelijkeDatum`: a date that no calendar has (31 February, month 13);
 * - `bestaatNiet`: a wall time skipped when summer time starts (last Sunday of March, 02:00–02:59);
 * - `dubbelzinnig`: a wall time that happens twice when summer time ends (last Sunday of October,
 *   02:00–02:59) and no offset says which.
 */
export type TijdFoutSoort = 'formaat' | 'onmogelijkeDatum' | 'bestaatNiet' | 'dubbelzinnig';

/** One of the two instants of an ambiguous wall time. */
export interface Tijdoptie {
  /** ISO 8601 UTC, e.g. `2026-10-25T00:30:00.000Z`. */
  instant: string;
  /** The Amsterdam offset at that instant, `+02:00` (zomertijd) or `+01:00` (wintertijd). */
  offset: string;
  /** `zomertijd` for the first occurrence, `wintertijd` for the second. */
  keuze: 'zomertijd' | 'wintertijd';
}

/**
 * A date or time that cannot be used as given. `message` is Dutch (for the CLI and logs); `bericht(locale)`
 * gives the same text in the user's language (catalogue key `sleutel`, default `tijd.fout.<soort>`).
 * For `dubbelzinnig`, `opties` holds both instants (first = zomertijd), so a card can ask which one.
 */
export class TijdFout extends Error {
  readonly sleutel: string;
  constructor(
    readonly soort: TijdFoutSoort,
    readonly params: Record<string, string | number>,
    readonly opties: Tijdoptie[] = [],
    sleutel?: string,
  ) {
    super();
    this.name = 'TijdFout';
    this.sleutel = sleutel ?? `tijd.fout.${soort}`;
    this.message = this.bericht('nl');
  }

  /** The message in `locale`. */
  bericht(locale: Locale): string {
    const p = this.params;
    const maandNaam = typeof p.jaar === 'number' && typeof p.maand === 'number' ? maandNaamIn(locale, p.jaar, p.maand) : '';
    // `dag` (YYYY-MM-DD of a DST switch) is shown as "zondag 29 maart 2026" / "Sunday 29 March 2026".
    const datum = typeof p.dag === 'string' ? datumLangIn(locale, p.dag) : '';
    return t(locale, this.sleutel, { ...p, maandNaam, datum });
  }
}

const datumLangIn = (locale: Locale, dag: string) =>
  new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${dag}T12:00:00Z`));
const maandNaamIn = (locale: Locale, jaar: number, maand: number) =>
  new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(jaar, maand - 1, 1)),
  );

/** Days in `maand` (1–12) of `jaar` (Gregorian). */
function dagenInMaand(jaar: number, maand: number): number {
  return new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
}

/**
 * The parts of a calendar date `YYYY-MM-DD`.
 * @throws TijdFout `formaat` when it is not `YYYY-MM-DD`, `onmogelijkeDatum` for 2027-02-31 or 2026-13-01.
 */
export function leesDatum(datum: string): { jaar: number; maand: number; dag: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datum);
  if (!m) throw new TijdFout('formaat', { waarde: datum, verwacht: 'JJJJ-MM-DD' });
  const [jaar, maand, dag] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (maand < 1 || maand > 12)
    throw new TijdFout('onmogelijkeDatum', { waarde: datum, maandNummer: maand }, [], 'tijd.fout.onmogelijkeMaand');
  const max = dagenInMaand(jaar, maand);
  if (dag < 1 || dag > max) throw new TijdFout('onmogelijkeDatum', { waarde: datum, jaar, maand, n: max });
  return { jaar, maand, dag };
}

/** True when `s` is a real calendar date `YYYY-MM-DD` (2024-02-29 yes, 2023-02-29 no). */
export function isBestaandeDatum(s: string): boolean {
  try {
    leesDatum(s);
    return true;
  } catch {
    return false;
  }
}

/** Days since 1970-01-01 of a calendar date. @throws TijdFout for a malformed or impossible date. */
export function dagNummer(datum: string): number {
  const { jaar, maand, dag } = leesDatum(datum);
  return Date.UTC(jaar, maand - 1, dag) / DAG_MS;
}

const uitDagNummer = (n: number) => new Date(n * DAG_MS).toISOString().slice(0, 10);

/** `datum` (`YYYY-MM-DD`) plus `n` calendar days (negative: earlier). @throws TijdFout for a bad date. */
export function plusDagen(datum: string, n: number): string {
  return uitDagNummer(dagNummer(datum) + n);
}

/**
 * `datum` plus `n` calendar months, clamped to the target month's last day (31 Jan + 1 → 28/29 Feb;
 * 30 Nov + 3 → 28/29 Feb), as Verordening 1182/71 art. 3 counts months and date-fns `addMonths` does.
 * @throws TijdFout for a bad date.
 */
export function plusMaanden(datum: string, n: number): string {
  const { jaar, maand, dag } = leesDatum(datum);
  const doel = new Date(Date.UTC(jaar, maand - 1 + n, 1));
  const max = dagenInMaand(doel.getUTCFullYear(), doel.getUTCMonth() + 1);
  return uitDagNummer(Date.UTC(doel.getUTCFullYear(), doel.getUTCMonth(), Math.min(dag, max)) / DAG_MS);
}

/** Calendar days from `van` to `tot` (positive when `tot` is later). @throws TijdFout for a bad date. */
export function dagenTussen(van: string, tot: string): number {
  return dagNummer(tot) - dagNummer(van);
}

/** `instant` as a Europe/Amsterdam calendar date `YYYY-MM-DD`. */
export function amsterdamDate(instant: Date): string {
  return format(new TZDate(instant.getTime(), TIJDZONE), 'yyyy-MM-dd');
}

/** Today in Europe/Amsterdam as `YYYY-MM-DD`. `now` is injectable for tests (a fake clock). */
export function vandaag(now: Date = new Date()): string {
  return amsterdamDate(now);
}

/** ISO week of a `YYYY-MM-DD` calendar date or an instant (Europe/Amsterdam), as `2026-W48`. */
export function isoWeek(dateOrInstant: string | Date): string {
  const d = typeof dateOrInstant === 'string' ? new Date(`${dateOrInstant}T12:00:00Z`) : new TZDate(dateOrInstant.getTime(), TIJDZONE);
  const y = getISOWeekYear(d);
  const w = getISOWeek(d);
  return `${y}-W${String(w).padStart(2, '0')}`;
}

/** The ISO week-year of a week string `2026-W48` (used by the report for MeldwijzerGebruik). */
export function weekJaar(week: string): number {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`Ongeldige ISO-week "${week}": verwacht JJJJ-Www, bv. 2026-W48.`);
  return Number(m[1]);
}

/* ---------- wall time → instant ---------- */

const offsetTekst = (min: number) =>
  `${min < 0 ? '-' : '+'}${String(Math.floor(Math.abs(min) / 60)).padStart(2, '0')}:${String(Math.abs(min) % 60).padStart(2, '0')}`;
const kloktijd = (minVanDag: number) => `${String(Math.floor(minVanDag / 60)).padStart(2, '0')}:${String(minVanDag % 60).padStart(2, '0')}`;

/** How the caller picks between the two instants of an ambiguous wall time. */
export interface WandtijdKeuze {
  /** An explicit offset `+02:00`, `+01:00`, `Z`: the instant is the wall time minus this offset. */
  offset?: string;
  /** The card's answer: the first (`zomertijd`, +02:00) or second (`wintertijd`, +01:00) occurrence. */
  keuze?: Tijdoptie['keuze'];
}

/**
 * The instant of the Europe/Amsterdam wall time `datum` `tijd`, as ISO 8601 UTC
 * (`2026-03-29`, `10:00` → `2026-03-29T08:00:00.000Z`).
 * @param datum `YYYY-MM-DD`
 * @param tijd `HH:mm` or `HH:mm:ss`
 * @param kies an explicit offset, or which occurrence of an ambiguous time.
 * @param milliseconden added to the wall time (0–999; for `…:00.123` in files).
 * @throws TijdFout `formaat` / `onmogelijkeDatum` for a bad date or time; `bestaatNiet` for a time in the hour
 * skipped when summer time starts (names the switch); `dubbelzinnig` for a time that occurs twice when summer
 * time ends, unless `kies` says which (its `opties` hold both instants).
 */
export function wandtijdNaarInstant(datum: string, tijd: string, kies: WandtijdKeuze = {}, milliseconden = 0): string {
  const { jaar, maand, dag } = leesDatum(datum);
  const tm = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(tijd);
  if (!tm || Number(tm[1]) > 23 || Number(tm[2]) > 59 || Number(tm[3] ?? 0) > 59)
    throw new TijdFout('formaat', { waarde: `${datum} ${tijd}`, verwacht: 'JJJJ-MM-DD UU:MM' });
  const wand = Date.UTC(jaar, maand - 1, dag, Number(tm[1]), Number(tm[2]), Number(tm[3] ?? 0), milliseconden);
  if (kies.offset !== undefined) {
    const om = /^(?:Z|([+-])(\d{2}):?(\d{2}))$/.exec(kies.offset);
    if (!om) throw new TijdFout('formaat', { waarde: kies.offset, verwacht: '+02:00, +01:00 of Z' });
    const min = om[1] ? (om[1] === '-' ? -1 : 1) * (Number(om[2]) * 60 + Number(om[3])) : 0;
    return new Date(wand - min * 60_000).toISOString();
  }
  // The day holds at most one switch: the offsets 12 h before and after are the only candidates.
  const kandidaten = [...new Set([tzOffset(TIJDZONE, new Date(wand - DAG_MS / 2)), tzOffset(TIJDZONE, new Date(wand + DAG_MS / 2))])]
    .map((o) => ({ o, instant: wand - o * 60_000 }))
    .filter(({ o, instant }) => tzOffset(TIJDZONE, new Date(instant)) === o)
    .sort((a, b) => a.instant - b.instant);
  const wandtijd = `${datum} ${tijd.slice(0, 5)}`;
  if (kandidaten.length === 1) return new Date(kandidaten[0].instant).toISOString();
  // tzScan finds a switch to the hour when it starts on a whole hour (Amsterdam switches at 01:00 UTC).
  const middernacht = Date.UTC(jaar, maand - 1, dag);
  const wissel = tzScan(TIJDZONE, { start: new Date(middernacht - DAG_MS), end: new Date(middernacht + 2 * DAG_MS) })[0];
  const voor = wissel.offset - wissel.change;
  const van = kloktijd((((wissel.date.getTime() / 60_000 + voor) % 1440) + 1440) % 1440);
  const naar = kloktijd((((wissel.date.getTime() / 60_000 + wissel.offset) % 1440) + 1440) % 1440);
  if (kandidaten.length === 0) throw new TijdFout('bestaatNiet', { wandtijd, dag: datum, van, naar });
  const opties: Tijdoptie[] = kandidaten.map(({ o, instant }) => ({
    instant: new Date(instant).toISOString(),
    offset: offsetTekst(o),
    keuze: o > Math.min(...kandidaten.map((k) => k.o)) ? 'zomertijd' : 'wintertijd',
  }));
  if (kies.keuze) return opties.find((k) => k.keuze === kies.keuze)!.instant;
  throw new TijdFout(
    'dubbelzinnig',
    { wandtijd, dag: datum, van, naar, isoTijd: `${datum}T${tijd.slice(0, 5)}`, zomer: opties[0].offset, winter: opties[1].offset },
    opties,
  );
}

const TIJDSTIP_ISO = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const TIJDSTIP_NL = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Read a date-time as people type it or files hold it: `2026-03-29T10:00`, `2026-03-29 10:00:00`,
 * `2026-03-29T08:00:00.000Z`, `29-03-2026 10:00` (also `/` or `.`), with or without an offset (`+02:00`, `Z`).
 * Without an offset it is a Europe/Amsterdam wall time ({@link wandtijdNaarInstant}).
 * @returns ISO 8601 UTC.
 * @throws TijdFout as {@link wandtijdNaarInstant}; `formaat` when the text is none of these forms.
 */
export function leesTijdstip(tekst: string): string {
  const v = tekst.trim();
  const iso = TIJDSTIP_ISO.exec(v);
  const nl = iso ? null : TIJDSTIP_NL.exec(v);
  if (!iso && !nl) throw new TijdFout('formaat', { waarde: v, verwacht: 'JJJJ-MM-DD UU:MM' });
  const [datum, uur, min, sec, ms, offset] = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
    : [`${nl![3]}-${nl![2].padStart(2, '0')}-${nl![1].padStart(2, '0')}`, nl![4], nl![5], nl![6], undefined, nl![7]];
  return wandtijdNaarInstant(
    datum,
    `${uur.padStart(2, '0')}:${min}:${sec ?? '00'}`,
    offset ? { offset } : {},
    ms ? Number(ms.padEnd(3, '0')) : 0,
  );
}

/* ---------- instant → wall time (display) ---------- */

/**
 * A session time as Europe/Amsterdam wall-clock text, e.g. `zo 29 mrt 2026, 10:00` (nl) or
 * `Sun 29 Mar 2026, 10:00` (en). DST is applied by the tz database: 2026-03-29T08:00Z is 10:00 CEST,
 * 2026-10-25T09:00Z is 10:00 CET.
 */
export function toonTijd(isoInstant: string, locale: Locale): string {
  const d = new TZDate(Date.parse(isoInstant), TIJDZONE);
  const dagen = locale === 'nl' ? ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'] : ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const maanden =
    locale === 'nl'
      ? ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']
      : ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${dagen[d.getDay()]} ${d.getDate()} ${maanden[d.getMonth()]} ${d.getFullYear()}, ${format(d, 'HH:mm')}`;
}

/** Europe/Amsterdam wall-clock `HH:mm` of an instant. */
export function toonKloktijd(isoInstant: string): string {
  return format(new TZDate(Date.parse(isoInstant), TIJDZONE), 'HH:mm');
}

/** The Europe/Amsterdam calendar date and `HH:mm` of an instant (for pre-filling forms). */
export function amsterdamDelen(isoInstant: string): { datum: string; tijd: string } {
  const d = new TZDate(Date.parse(isoInstant), TIJDZONE);
  return { datum: format(d, 'yyyy-MM-dd'), tijd: format(d, 'HH:mm') };
}
