import { wandtijdNaarInstant } from '../tijd';

/*
 * Session times: the conversions live in the one date module ../tijd (wall time → instant, display); this file
 * keeps the names the ambtseed feature imports.
 */
export { amsterdamDelen, toonKloktijd, toonTijd } from '../tijd';

/**
 * The instant of a Europe/Amsterdam wall-clock time, as ISO UTC (`2026-03-29T08:00:00.000Z` for
 * `2026-03-29` `10:00`). Same as `wandtijdNaarInstant(datum, tijd)` in ../tijd.
 * @throws TijdFout for a malformed or impossible date, a time skipped when summer time starts, or a time that
 * happens twice when it ends (give the offset through `wandtijdNaarInstant` then).
 */
export function amsterdamNaarUtc(datum: string, tijd: string): string {
  return wandtijdNaarInstant(datum, tijd);
}
