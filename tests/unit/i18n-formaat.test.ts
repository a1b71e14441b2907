/**
 * Running-text formatting (shared/src/i18n/formaat.ts) and catalogue plurals (kiesMeervouden in basis.ts).
 * Expected values come from the languages: Dutch writes month names in lower case and day-month-year
 * ("2 december 2026", Taalunie), lists as "a, b en c"; British English "2 December 2026", "a, b and c";
 * 2 December 2026 is a Wednesday in ISO week 49 (Monday 30 November – Sunday 6 December); 1 January 2027
 * is a Friday and belongs to ISO week 53 of 2026 (2026 starts on a Thursday, so it has 53 weeks).
 */
import { kiesMeervouden, vertaalUit } from '@shared/i18n/basis';
import { datumTekst, getalTekst, lijstTekst, weekTekst } from '@shared/i18n/formaat';

describe('datumTekst', () => {
  test('calendar dates in Dutch and English running text', () => {
    expect(datumTekst('nl', '2026-12-02')).toBe('2 december 2026');
    expect(datumTekst('en', '2026-12-02')).toBe('2 December 2026');
    expect(datumTekst('nl', '2027-03-02')).toBe('2 maart 2027');
    expect(datumTekst('en', '2027-03-02')).toBe('2 March 2027');
  });

  test('with the weekday, and short', () => {
    expect(datumTekst('nl', '2026-12-02', { weekdag: true })).toBe('woensdag 2 december 2026');
    expect(datumTekst('en', '2026-12-02', { weekdag: true })).toBe('Wednesday, 2 December 2026');
    expect(datumTekst('nl', '2026-12-02', { kort: true })).toBe('2 dec 2026');
    expect(datumTekst('en', '2026-12-02', { kort: true })).toBe('2 Dec 2026');
  });

  test('an instant shows its Amsterdam date: 23:30 UTC on 1 December is 00:30 on 2 December in winter', () => {
    expect(datumTekst('nl', new Date('2026-12-01T23:30:00Z'))).toBe('2 december 2026');
    expect(datumTekst('nl', '2026-07-01T22:30:00Z')).toBe('2 juli 2026');
  });

  test('not a date: a Dutch RangeError', () => {
    expect(() => datumTekst('nl', 'morgen')).toThrow(/Geen datum/);
  });
});

describe('weekTekst', () => {
  test('a week string, a date and an instant', () => {
    expect(weekTekst('nl', '2026-W49')).toBe('week 49');
    expect(weekTekst('en', '2026-W49')).toBe('week 49');
    expect(weekTekst('nl', '2026-12-02')).toBe('week 49');
    expect(weekTekst('nl', '2026-11-30')).toBe('week 49');
    expect(weekTekst('nl', '2026-12-06')).toBe('week 49');
    expect(weekTekst('nl', '2026-12-07')).toBe('week 50');
    // Sunday 6 December 23:30 UTC is Monday 7 December 00:30 in Amsterdam.
    expect(weekTekst('nl', new Date('2026-12-06T23:30:00Z'))).toBe('week 50');
  });

  test('with the ISO week-year around New Year', () => {
    expect(weekTekst('nl', '2027-01-01', { metJaar: true })).toBe('week 53 van 2026');
    expect(weekTekst('en', '2027-01-01', { metJaar: true })).toBe('week 53 of 2026');
    expect(weekTekst('nl', '2026-W05', { metJaar: true })).toBe('week 5 van 2026');
  });
});

describe('lijstTekst and getalTekst', () => {
  test('conjunction and disjunction', () => {
    expect(lijstTekst('nl', ['a', 'b', 'c'])).toBe('a, b en c');
    expect(lijstTekst('en', ['a', 'b', 'c'])).toBe('a, b and c');
    expect(lijstTekst('nl', ['HR', 'de integriteitscoördinator'], 'of')).toBe('HR of de integriteitscoördinator');
    expect(lijstTekst('en', ['a', 'b', 'c'], 'of')).toBe('a, b or c');
    expect(lijstTekst('nl', ['a'])).toBe('a');
    expect(lijstTekst('nl', [])).toBe('');
  });

  test('thousands separators', () => {
    expect(getalTekst('nl', 1234)).toBe('1.234');
    expect(getalTekst('en', 1234)).toBe('1,234');
  });
});

describe('plurals in catalogue texts', () => {
  const vrij = '{n, plural, =0 {geen plaatsen vrij} one {# plaats vrij} other {# plaatsen vrij}}';
  test('Dutch: 0, 1, 2 places', () => {
    expect(kiesMeervouden(vrij, 'nl', { n: 0 })).toBe('geen plaatsen vrij');
    expect(kiesMeervouden(vrij, 'nl', { n: 1 })).toBe('1 plaats vrij');
    expect(kiesMeervouden(vrij, 'nl', { n: 2 })).toBe('2 plaatsen vrij');
  });

  test('English without an exact branch: 0 is plural, 1 singular', () => {
    const en = '{n, plural, one {# session} other {# sessions}}';
    expect(kiesMeervouden(en, 'en', { n: 0 })).toBe('0 sessions');
    expect(kiesMeervouden(en, 'en', { n: 1 })).toBe('1 session');
    expect(kiesMeervouden(en, 'en', { n: 3 })).toBe('3 sessions');
  });

  test('placeholders inside branches and around the plural are filled; a suppressed "<5" is plural', () => {
    const cat = {
      nl: { k: 'Plan {extra, plural, one {# extra sessie} other {# extra sessies}} van {cap} plaatsen in {week}.' },
      en: {},
    };
    expect(vertaalUit(cat, 'nl', 'k', { extra: 1, cap: 20, week: 'week 49' })).toBe('Plan 1 extra sessie van 20 plaatsen in week 49.');
    expect(vertaalUit(cat, 'nl', 'k', { extra: 2, cap: 20, week: 'week 49' })).toBe('Plan 2 extra sessies van 20 plaatsen in week 49.');
    expect(kiesMeervouden('{n, plural, one {# melding} other {# meldingen}}', 'nl', { n: '<5' })).toBe('<5 meldingen');
  });

  test('two plurals in one text, and a missing parameter leaves the text visible', () => {
    const s = '{a, plural, one {# dag} other {# dagen}} en {b, plural, one {# week} other {# weken}}';
    expect(kiesMeervouden(s, 'nl', { a: 1, b: 2 })).toBe('1 dag en 2 weken');
    expect(kiesMeervouden('{n, plural, one {# dag} other {# dagen}}', 'nl', {})).toBe('{n, plural, one {# dag} other {# dagen}}');
  });
});
