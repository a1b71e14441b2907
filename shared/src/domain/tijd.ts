import { TZDate } from '@date-fns/tz';
import { format, getISOWeek, getISOWeekYear } from 'date-fns';

/** The time zone of every date and time in the product (DESIGN.md conventions). */
export const TIJDZONE = 'Europe/Amsterdam';

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
