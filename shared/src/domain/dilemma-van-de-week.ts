import { isoWeek } from './tijd';

/**
 * Dilemma van de week: which dilemma is shown in which ISO week (docs/decisions.md "Tab: dilemma-of-the-week
 * rotation by consecutive week number"). Pure functions, no I/O.
 *
 * Rule: the ISO weeks are numbered consecutively from a fixed epoch (ISO week 2001-W01, which starts on
 * Monday 2001-01-01), so week 53 of a long year and the step from the last week of a year to W01 of the next
 * year are just "the next week". Week `w` shows the dilemma at position `index(w) mod n` of the dilemma ids
 * sorted in code-point order; an HR override for a week wins when it names a dilemma that exists.
 */

/** Monday 2001-01-01, the first day of ISO week 2001-W01 (UTC midnight). */
const EPOCH_MONDAY_UTC = Date.UTC(2001, 0, 1);
const DAY_MS = 86_400_000;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;

/** Number of ISO weeks in ISO week-year `year` (52 or 53): a year has 53 weeks when 28 December is in week 53. */
export function weekenInJaar(year: number): number {
  const w = isoWeek(`${year}-12-28`);
  return Number(w.slice(6));
}

/**
 * Parse `2026-W48`.
 * @returns `{ jaar, week }`.
 * @throws Error (Dutch) when the text is not an ISO week or the week does not exist in that year (e.g. 2025-W53).
 */
export function parseWeek(week: string): { jaar: number; week: number } {
  const m = WEEK_RE.exec(week);
  if (!m) throw new Error(`Ongeldige ISO-week "${week}": verwacht JJJJ-Www, bv. 2026-W48.`);
  const jaar = Number(m[1]);
  const w = Number(m[2]);
  if (w < 1 || w > weekenInJaar(jaar)) throw new Error(`Week ${week} bestaat niet: ${jaar} heeft ${weekenInJaar(jaar)} weken.`);
  return { jaar, week: w };
}

/** True when `week` is an existing ISO week such as `2026-W48` (2026-W53 exists, 2025-W53 does not). */
export function isIsoWeek(week: string): boolean {
  try {
    parseWeek(week);
    return true;
  } catch {
    return false;
  }
}

/** The Monday of ISO week `week` as `YYYY-MM-DD`. @throws Error for an invalid week (see parseWeek). */
export function maandagVanWeek(week: string): string {
  const { jaar, week: w } = parseWeek(week);
  // 4 January is always in week 1; go back to its Monday, then forward (w - 1) weeks.
  const jan4 = Date.UTC(jaar, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  const monday = jan4 - dow * DAY_MS + (w - 1) * 7 * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
}

/** Consecutive number of `week` counted from 2001-W01 (= 0); negative before 2001. */
export function weekIndex(week: string): number {
  const monday = Date.parse(`${maandagVanWeek(week)}T00:00:00Z`);
  return Math.round((monday - EPOCH_MONDAY_UTC) / (7 * DAY_MS));
}

/** The ISO week `delta` weeks after (negative: before) `week`, e.g. `volgendeWeek('2026-W53') = '2027-W01'`. */
export function volgendeWeek(week: string, delta = 1): string {
  const monday = Date.parse(`${maandagVanWeek(week)}T12:00:00Z`) + delta * 7 * DAY_MS;
  return isoWeek(new Date(monday).toISOString().slice(0, 10));
}

/** An HR choice: in `week`, show `dilemmaId` instead of the rotation's pick. */
export interface DilemmaOverride {
  week: string;
  dilemmaId: string;
}

/**
 * The dilemma id for ISO week `week`.
 * @param week ISO week (`2026-W48`).
 * @param dilemmaIds ids of the available dilemmas (order does not matter; duplicates are ignored).
 * @param overrides HR overrides; the last one for `week` that names an available dilemma wins.
 * @returns the id, or `undefined` when there are no dilemmas.
 * @throws Error for an invalid week.
 */
export function dilemmaVanDeWeek(
  week: string,
  dilemmaIds: readonly string[],
  overrides: readonly DilemmaOverride[] = [],
): string | undefined {
  const ids = [...new Set(dilemmaIds)].sort();
  const index = weekIndex(week);
  const override = [...overrides].reverse().find((o) => o.week === week && ids.includes(o.dilemmaId));
  if (override) return override.dilemmaId;
  if (ids.length === 0) return undefined;
  return ids[((index % ids.length) + ids.length) % ids.length];
}

/**
 * The instant at which ISO week `week` ends: the following Monday 00:00 Europe/Amsterdam, as a UTC ISO
 * string. Used to purge the one-vote-per-week guard.
 */
export function eindeVanWeek(week: string): string {
  const volgendeMaandag = maandagVanWeek(volgendeWeek(week));
  // Midnight in Amsterdam is 23:00 (CET) or 22:00 (CEST) UTC the day before; find the offset for that day.
  const noonUtc = new Date(`${volgendeMaandag}T12:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hour12: false }).formatToParts(noonUtc);
  const offsetHours = Number(parts.find((p) => p.type === 'hour')!.value) - 12;
  return new Date(Date.parse(`${volgendeMaandag}T00:00:00Z`) - offsetHours * 3_600_000).toISOString();
}
