import { deelDilemmas, dilemmasKomenTerug } from '@shared/domain/dilemmasessie';

/** The dilemmas table `t` gets in rounds 0..rondes−1. */
const reeks = (ids: string[], tafels: number, t: number, rondes: number) =>
  Array.from({ length: rondes }, (_, r) => deelDilemmas(ids, tafels, r)[t]);

describe('dilemmaspel: dilemmas rotate over the tables per round', () => {
  test('2 tables, 2 dilemmas: round 2 swaps them (it used to repeat round 1)', () => {
    expect(deelDilemmas(['a', 'b'], 2, 0)).toEqual(['a', 'b']);
    expect(deelDilemmas(['a', 'b'], 2, 1)).toEqual(['b', 'a']);
  });
  test('3 tables, 3 dilemmas: every table sees all three in three rounds', () => {
    expect([0, 1, 2].map((r) => deelDilemmas(['a', 'b', 'c'], 3, r))).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c', 'a'],
      ['c', 'a', 'b'],
    ]);
  });
  test('4 tables, 2 dilemmas (a multiple): each table alternates instead of keeping its dilemma', () => {
    for (let t = 0; t < 4; t++) expect(new Set(reeks(['a', 'b'], 4, t, 2)).size).toBe(2);
  });
  test('for 1–7 dilemmas and 1–9 tables no table gets a dilemma twice while others remain', () => {
    const alle = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    for (let n = 1; n <= alle.length; n++) {
      const ids = alle.slice(0, n);
      for (let tafels = 1; tafels <= 9; tafels++) {
        for (let t = 0; t < tafels; t++) {
          const gezien = reeks(ids, tafels, t, n);
          expect({ n, tafels, t, gezien: [...gezien].sort() }).toEqual({ n, tafels, t, gezien: [...ids].sort() });
        }
        // within a round tables differ while there are enough dilemmas
        if (tafels <= n) for (let r = 0; r < n; r++) expect(new Set(deelDilemmas(ids, tafels, r)).size).toBe(tafels);
      }
    }
  });
  test('one dilemma: every table, every round; no dilemmas or no tables: nothing dealt', () => {
    expect(deelDilemmas(['a'], 3, 0)).toEqual(['a', 'a', 'a']);
    expect(deelDilemmas(['a'], 3, 4)).toEqual(['a', 'a', 'a']);
    expect(deelDilemmas([], 3, 0)).toEqual([]);
    expect(deelDilemmas(['a', 'b'], 0, 0)).toEqual([]);
  });
  test('dilemmas come back from round n on (and after round 1 with one dilemma)', () => {
    expect(dilemmasKomenTerug(3, 2)).toBe(false);
    expect(dilemmasKomenTerug(3, 3)).toBe(true);
    expect(dilemmasKomenTerug(1, 0)).toBe(false);
    expect(dilemmasKomenTerug(1, 1)).toBe(true);
    expect(dilemmasKomenTerug(0, 5)).toBe(false);
  });
});
