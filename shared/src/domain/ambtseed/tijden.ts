import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { TIJDZONE } from '../tijd';
import type { Locale } from '../../i18n';

/**
 * A session time as Europe/Amsterdam wall-clock text, e.g. `zo 29 mrt 2026, 10:00` (nl) or
 * `Sun 29 Mar 2026, 10:00` (en). DST is applied by the tz database: 2026-03-29T08:00Z is 10:00 CEST,
 * 2026-10-25T09:00Z is 10:00 CET.
 */
export function toonTijd(isoInstant: string, locale: Locale): string {
  const d = new TZDate(Date.parse(isoInstant), TIJDZONE);
  const dagen = locale === 'nl' ? ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'] : ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const maanden = locale === 'nl' ? ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] : ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${dagen[d.getDay()]} ${d.getDate()} ${maanden[d.getMonth()]} ${d.getFullYear()}, ${format(d, 'HH:mm')}`;
}

/** Europe/Amsterdam wall-clock `HH:mm` of an instant. */
export function toonKloktijd(isoInstant: string): string {
  return format(new TZDate(Date.parse(isoInstant), TIJDZONE), 'HH:mm');
}

/**
 * The instant of a Europe/Amsterdam wall-clock time, as ISO UTC (`2026-03-29T08:00:00.000Z` for
 * `2026-03-29` `10:00`).
 * @throws RangeError for a malformed date or time, or a local time that does not exist (the skipped hour
 * on the last Sunday of March, 02:00–02:59).
 */
export function amsterdamNaarUtc(datum: string, tijd: string): string {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datum);
  const tm = /^(\d{2}):(\d{2})$/.exec(tijd);
  if (!dm || !tm) throw new RangeError(`Ongeldige datum of tijd "${datum} ${tijd}": verwacht JJJJ-MM-DD en UU:MM.`);
  const d = new TZDate(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), Number(tm[1]), Number(tm[2]), 0, TIJDZONE);
  if (format(d, 'yyyy-MM-dd HH:mm') !== `${datum} ${tijd}`) throw new RangeError(`${datum} ${tijd} bestaat niet in Europe/Amsterdam (zomertijd): kies een andere tijd.`);
  return new Date(d.getTime()).toISOString();
}

/** The Europe/Amsterdam calendar date and `HH:mm` of an instant (for pre-filling forms). */
export function amsterdamDelen(isoInstant: string): { datum: string; tijd: string } {
  const d = new TZDate(Date.parse(isoInstant), TIJDZONE);
  return { datum: format(d, 'yyyy-MM-dd'), tijd: format(d, 'HH:mm') };
}
