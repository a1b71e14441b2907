/**
 * Rules for leading a dilemma session (docs/glossary.md "dilemmaspel", "moreel beraad (light)").
 * Pure functions: the tab's session runner shows what these return.
 */

/** A dilemmaspel is played in groups of at most 8 (GLOSSARY: "groups of at most 7–8 with a facilitator"). */
export const MAX_PER_TAFEL = 8;

/**
 * Split `deelnemers` people into the fewest tables of at most `max`, as evenly as possible
 * (sizes differ by at most one, larger tables first). 17 → [6, 6, 5]; 8 → [8]; 0 → [].
 * @throws Error (Dutch) for a negative or fractional count or `max` < 2.
 */
export function verdeelTafels(deelnemers: number, max: number = MAX_PER_TAFEL): number[] {
  if (!Number.isInteger(deelnemers) || deelnemers < 0) throw new Error('Aantal deelnemers moet een geheel getal van 0 of meer zijn.');
  if (!Number.isInteger(max) || max < 2) throw new Error('Een tafel heeft minstens 2 plaatsen.');
  if (deelnemers === 0) return [];
  const tafels = Math.ceil(deelnemers / max);
  const basis = Math.floor(deelnemers / tafels);
  const rest = deelnemers % tafels;
  return Array.from({ length: tafels }, (_, i) => basis + (i < rest ? 1 : 0));
}

/** Greatest common divisor of two non-negative integers. */
function ggd(a: number, b: number): number {
  return b === 0 ? a : ggd(b, a % b);
}

/**
 * Deal dilemmas to tables for one round: table `t` in round `r` (both from 0) gets dilemma
 * `(t + r × stap) mod n`, where `stap` is the smallest number ≥ `tafels` that shares no divisor with `n`.
 * So within a round the tables get different dilemmas while there are enough (consecutive ones), the next
 * round moves on, and no table gets the same dilemma twice in `n` rounds — also when the number of tables is a
 * multiple of `n` (2 tables, 2 dilemmas: round 1 a|b, round 2 b|a), where a step of `tafels` would repeat
 * round 1. From round `n` on the dilemmas come back (`dilemmasKomenTerug`). With one dilemma every table
 * discusses it in every round.
 * @returns one dilemma id per table (empty when there are no dilemmas or tables).
 */
export function deelDilemmas(dilemmaIds: readonly string[], tafels: number, ronde: number): string[] {
  const n = dilemmaIds.length;
  if (n === 0 || tafels <= 0) return [];
  let stap = Math.max(1, tafels);
  while (ggd(stap, n) !== 1) stap++;
  return Array.from({ length: tafels }, (_, t) => dilemmaIds[(t + ronde * stap) % n]);
}

/**
 * True when in round `ronde` (from 0) tables get a dilemma they had before: from round `aantalDilemmas` on
 * (each table has then seen every chosen dilemma once, see `deelDilemmas`), and always with one dilemma
 * after the first round.
 */
export function dilemmasKomenTerug(aantalDilemmas: number, ronde: number): boolean {
  return aantalDilemmas > 0 && ronde >= aantalDilemmas;
}

/** The steps of a moreel beraad light, in order, with a suggested duration in minutes. */
export const MOREEL_BERAAD_LIGHT_STAPPEN = [
  { id: 'casus', minuten: 5 },
  { id: 'belanghebbenden', minuten: 5 },
  { id: 'argumenten', minuten: 10 },
  { id: 'afweging', minuten: 10 },
  { id: 'conclusie', minuten: 5 },
] as const;

export type MoreelBeraadStap = (typeof MOREEL_BERAAD_LIGHT_STAPPEN)[number]['id'];

/** Format a number of seconds as `m:ss` (negative shows as `0:00`). */
export function formatTimer(seconden: number): string {
  const s = Math.max(0, Math.floor(seconden));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
