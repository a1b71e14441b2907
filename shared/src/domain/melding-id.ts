/**
 * Readable ids for intake items: `M-<jaar>-<nnnn>` for Meldingen, `G-<jaar>-<nnnn>` for Gesprekken and
 * `A-<jaar>-<nnnn>` for AgressieIncidenten (the same form the demo seed uses). The year is the Europe/Amsterdam
 * calendar year of the item's date (ontvangenOp, datum), so the number restarts every year as registers do;
 * numbers are at least four digits (`M-2026-0001`, …, `M-2026-9999`, `M-2026-10000`).
 *
 * The next number is one more than the highest existing number of that year. Two people saving at the same
 * moment can compute the same id; the writer detects that (the ListStore's `add` returns `created: false`) and
 * takes the next number (see `bot/src/features/intake/opslag.ts`).
 */

/** Prefixes of the id kinds. */
export type IdSoort = 'M' | 'G' | 'A';

const PATROON = /^([MGA])-(\d{4})-(\d{4,})$/;

/** The canonical id form for any kind: `M-2026-0001`. */
export const VOLGNUMMER_ID = /^[MGA]-\d{4}-\d{4,}$/;
/** A melding id: `M-2026-0001`. */
export const MELDING_ID = /^M-\d{4}-\d{4,}$/;

/**
 * Parse an id such as `M-2026-0042`.
 * @returns `{ soort, jaar, nummer }`, or undefined when the text is not such an id.
 */
export function parseVolgnummerId(id: string): { soort: IdSoort; jaar: number; nummer: number } | undefined {
  const m = PATROON.exec(id.trim());
  if (!m) return undefined;
  return { soort: m[1] as IdSoort, jaar: Number(m[2]), nummer: Number(m[3]) };
}

/** Format an id: `formatVolgnummerId('M', 2026, 7)` → `M-2026-0007`. @throws RangeError for a bad year or number. */
export function formatVolgnummerId(soort: IdSoort, jaar: number, nummer: number): string {
  if (!Number.isInteger(jaar) || jaar < 1000 || jaar > 9999) throw new RangeError(`ongeldig jaar ${jaar}`);
  if (!Number.isInteger(nummer) || nummer < 1) throw new RangeError(`ongeldig volgnummer ${nummer}`);
  return `${soort}-${jaar}-${String(nummer).padStart(4, '0')}`;
}

/**
 * The next id of `soort` in `jaar`, given the ids that exist (ids of other kinds or years, and text that is not
 * an id, are ignored).
 * @example volgendeId('M', 2026, ['M-2026-0001', 'M-2026-0003', 'M-2025-0099']) → 'M-2026-0004'
 */
export function volgendeId(soort: IdSoort, jaar: number, bestaand: Iterable<string>): string {
  let max = 0;
  for (const id of bestaand) {
    const p = parseVolgnummerId(id);
    if (p && p.soort === soort && p.jaar === jaar && p.nummer > max) max = p.nummer;
  }
  return formatVolgnummerId(soort, jaar, max + 1);
}

/** The next melding id (`M-<jaar>-<nnnn>`) given existing ids. */
export function volgendeMeldingId(jaar: number, bestaand: Iterable<string>): string {
  return volgendeId('M', jaar, bestaand);
}

/** The year of a `YYYY-MM-DD` date (already a Europe/Amsterdam calendar date). */
export function jaarVan(datum: string): number {
  return Number(datum.slice(0, 4));
}
