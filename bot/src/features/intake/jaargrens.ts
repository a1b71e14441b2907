import { plusDagen } from '@shared/domain/tijd';

/**
 * Which years' gesprekken a vertrouwenspersoon may still register, correct or remove (docs/decisions.md,
 * "Gesprekken: last year stays open until 1 March"). The annual report counts a gesprek in the year of its
 * `datum`; the report over year J is made in the first months of J + 1. So:
 * - the current year (Europe/Amsterdam) is always open;
 * - the previous year stays open until `VORIG_JAAR_OPEN_TOT` of the current year (1 March, exclusive): long enough
 *   for the uitvraag of 1 January and its reminder, before the report over that year is drawn up;
 * - earlier years are closed: nothing is added to or changed in their figures.
 * The organisation config has no notion of a published report; this fixed date is the rule until it does.
 */

/** The day (`MM-DD`, Europe/Amsterdam) from which the previous year is closed. */
export const VORIG_JAAR_OPEN_TOT = '03-01';

/**
 * The open years on `vandaag` (`YYYY-MM-DD`, Europe/Amsterdam), oldest first: `[J - 1, J]` before 1 March of
 * year J, else `[J]`.
 */
export function openJaren(vandaag: string): number[] {
  const jaar = Number(vandaag.slice(0, 4));
  return vandaag.slice(5) < VORIG_JAAR_OPEN_TOT ? [jaar - 1, jaar] : [jaar];
}

/** The last day (`YYYY-MM-DD`) on which gesprekken of `jaar` can be registered or corrected: 28 or 29 February of `jaar + 1`. */
export function laatsteDagVoor(jaar: number): string {
  return plusDagen(`${jaar + 1}-${VORIG_JAAR_OPEN_TOT}`, -1);
}
