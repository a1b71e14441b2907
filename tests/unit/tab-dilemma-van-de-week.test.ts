import {
  dilemmaVanDeWeek,
  eindeVanWeek,
  isIsoWeek,
  maandagVanWeek,
  parseWeek,
  volgendeWeek,
  weekIndex,
  weekenInJaar,
} from '@shared/domain/dilemma-van-de-week';
import { deelDilemmas, formatTimer, verdeelTafels } from '@shared/domain/dilemmasessie';

describe('ISO weeks (hand-checked against a calendar)', () => {
  test('years with 53 weeks: those starting on Thursday, or leap years starting on Wednesday', () => {
    expect(weekenInJaar(2026)).toBe(53); // 1 Jan 2026 is a Thursday
    expect(weekenInJaar(2020)).toBe(53); // leap year starting on Wednesday
    expect(weekenInJaar(2015)).toBe(53);
    expect(weekenInJaar(2025)).toBe(52);
    expect(weekenInJaar(2027)).toBe(52);
  });
  test('week 53 exists only in long years', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-48')).toBe(false);
    expect(() => parseWeek('2025-W53')).toThrow(/bestaat niet/);
  });
  test('Mondays: week 1 can start in the previous calendar year', () => {
    expect(maandagVanWeek('2026-W01')).toBe('2025-12-29');
    expect(maandagVanWeek('2026-W53')).toBe('2026-12-28');
    expect(maandagVanWeek('2027-W01')).toBe('2027-01-04');
    expect(maandagVanWeek('2026-W48')).toBe('2026-11-23');
  });
  test('next week crosses week 53 and year boundaries', () => {
    expect(volgendeWeek('2026-W52')).toBe('2026-W53');
    expect(volgendeWeek('2026-W53')).toBe('2027-W01');
    expect(volgendeWeek('2025-W52')).toBe('2026-W01');
    expect(volgendeWeek('2020-W53')).toBe('2021-W01');
    expect(volgendeWeek('2027-W01', -1)).toBe('2026-W53');
  });
  test('week index counts consecutive weeks from 2001-W01', () => {
    expect(weekIndex('2001-W01')).toBe(0);
    expect(weekIndex('2001-W02')).toBe(1);
    // 2001-01-01 .. 2026-12-28 = 25*365 + 6 leap days + 361 = 9492 days = 1356 weeks
    expect(weekIndex('2026-W53')).toBe(1356);
    expect(weekIndex('2027-W01') - weekIndex('2026-W53')).toBe(1);
  });
  test('the week ends at Monday 00:00 in Amsterdam (CET and CEST)', () => {
    expect(eindeVanWeek('2026-W48')).toBe('2026-11-29T23:00:00.000Z');
    expect(eindeVanWeek('2026-W27')).toBe('2026-07-05T22:00:00.000Z');
    expect(eindeVanWeek('2026-W53')).toBe('2027-01-03T23:00:00.000Z');
  });
});

describe('dilemmaVanDeWeek', () => {
  const ids = ['D-003', 'D-001', 'D-002'];
  test('rotates through the sorted ids, one step per week, across week 53 and the new year', () => {
    // index(2026-W53) = 1356 ≡ 0 (mod 3) → D-001; the week before → D-003; the week after → D-002.
    expect(dilemmaVanDeWeek('2026-W52', ids)).toBe('D-003');
    expect(dilemmaVanDeWeek('2026-W53', ids)).toBe('D-001');
    expect(dilemmaVanDeWeek('2027-W01', ids)).toBe('D-002');
    expect(dilemmaVanDeWeek('2027-W02', ids)).toBe('D-003');
  });
  test('is deterministic and independent of input order', () => {
    expect(dilemmaVanDeWeek('2026-W48', ids)).toBe(dilemmaVanDeWeek('2026-W48', [...ids].reverse()));
  });
  test('every dilemma appears once in n consecutive weeks', () => {
    let w = '2026-W51';
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      seen.add(dilemmaVanDeWeek(w, ids)!);
      w = volgendeWeek(w);
    }
    expect([...seen].sort()).toEqual(['D-001', 'D-002', 'D-003']);
  });
  test('an HR override wins for its week only, and only when the dilemma exists', () => {
    const overrides = [{ week: '2026-W53', dilemmaId: 'D-003' }];
    expect(dilemmaVanDeWeek('2026-W53', ids, overrides)).toBe('D-003');
    expect(dilemmaVanDeWeek('2027-W01', ids, overrides)).toBe('D-002');
    expect(dilemmaVanDeWeek('2026-W53', ids, [{ week: '2026-W53', dilemmaId: 'D-999' }])).toBe('D-001');
  });
  test('no dilemmas, no dilemma', () => {
    expect(dilemmaVanDeWeek('2026-W48', [])).toBeUndefined();
  });
});

describe('dilemmasessie', () => {
  test('tables of at most 8, as even as possible', () => {
    expect(verdeelTafels(8)).toEqual([8]);
    expect(verdeelTafels(9)).toEqual([5, 4]);
    expect(verdeelTafels(17)).toEqual([6, 6, 5]);
    expect(verdeelTafels(24)).toEqual([8, 8, 8]);
    expect(verdeelTafels(25)).toEqual([7, 6, 6, 6]);
    expect(verdeelTafels(0)).toEqual([]);
    expect(() => verdeelTafels(-1)).toThrow();
    expect(() => verdeelTafels(2.5)).toThrow();
  });
  test('dealing gives tables different dilemmas and moves on per round', () => {
    expect(deelDilemmas(['a', 'b', 'c', 'd', 'e'], 2, 0)).toEqual(['a', 'b']);
    expect(deelDilemmas(['a', 'b', 'c', 'd', 'e'], 2, 1)).toEqual(['c', 'd']);
    expect(deelDilemmas(['a', 'b', 'c', 'd', 'e'], 2, 2)).toEqual(['e', 'a']);
    expect(deelDilemmas([], 3, 0)).toEqual([]);
  });
  test('timer format', () => {
    expect(formatTimer(300)).toBe('5:00');
    expect(formatTimer(61.9)).toBe('1:01');
    expect(formatTimer(-3)).toBe('0:00');
  });
});
