/**
 * The one date module (shared/src/domain/tijd.ts). Expected instants are worked out by hand from the EU rule:
 * summer time starts on the last Sunday of March at 01:00 UTC (02:00 CET → 03:00 CEST) and ends on the last
 * Sunday of October at 01:00 UTC (03:00 CEST → 02:00 CET). 2026: 29 March and 25 October.
 */
import { dagenTussen, leesDatum, leesTijdstip, plusDagen, plusMaanden, TijdFout, wandtijdNaarInstant } from '@shared/domain/tijd';
import { parseItem } from '@shared/lists/schemas';

const fout = (f: () => unknown): TijdFout => {
  try {
    f();
  } catch (e) {
    if (e instanceof TijdFout) return e;
    throw e;
  }
  throw new Error('geen TijdFout');
};

describe('wall time → instant (Europe/Amsterdam)', () => {
  test('ordinary times in winter and summer', () => {
    expect(wandtijdNaarInstant('2026-01-15', '09:30')).toBe('2026-01-15T08:30:00.000Z');
    expect(wandtijdNaarInstant('2026-07-01', '10:00')).toBe('2026-07-01T08:00:00.000Z');
  });

  test('02:00–02:59 on the last Sunday of March does not exist: refused, naming the switch (nl and en)', () => {
    for (const tijd of ['02:00', '02:30', '02:59']) expect(fout(() => wandtijdNaarInstant('2026-03-29', tijd)).soort).toBe('bestaatNiet');
    const f = fout(() => wandtijdNaarInstant('2026-03-29', '02:30'));
    expect(f.message).toBe(
      '2026-03-29 02:30 bestaat niet in Nederland: op zondag 29 maart 2026 begint de zomertijd en gaat de klok om 02:00 een uur vooruit naar 03:00. Kies een tijd vóór 02:00 of vanaf 03:00.',
    );
    expect(f.bericht('en')).toMatch(/^2026-03-29 02:30 does not exist in the Netherlands: on Sunday,? 29 March 2026 summer time starts/);
    expect(wandtijdNaarInstant('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(wandtijdNaarInstant('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    // Another year: 2027's last Sunday of March is the 28th.
    expect(fout(() => wandtijdNaarInstant('2027-03-28', '02:15')).soort).toBe('bestaatNiet');
  });

  test('02:00–02:59 on the last Sunday of October is ambiguous: refused with both options, unless chosen or the offset is given', () => {
    const f = fout(() => wandtijdNaarInstant('2026-10-25', '02:30'));
    expect(f.soort).toBe('dubbelzinnig');
    expect(f.message).toContain('de klok gaat om 03:00 een uur terug naar 02:00');
    expect(f.opties).toEqual([
      { instant: '2026-10-25T00:30:00.000Z', offset: '+02:00', keuze: 'zomertijd' },
      { instant: '2026-10-25T01:30:00.000Z', offset: '+01:00', keuze: 'wintertijd' },
    ]);
    expect(wandtijdNaarInstant('2026-10-25', '02:30', { keuze: 'zomertijd' })).toBe('2026-10-25T00:30:00.000Z');
    expect(wandtijdNaarInstant('2026-10-25', '02:30', { keuze: 'wintertijd' })).toBe('2026-10-25T01:30:00.000Z');
    expect(wandtijdNaarInstant('2026-10-25', '02:30', { offset: '+02:00' })).toBe('2026-10-25T00:30:00.000Z');
    expect(wandtijdNaarInstant('2026-10-25', '02:30', { offset: '+01:00' })).toBe('2026-10-25T01:30:00.000Z');
    expect(wandtijdNaarInstant('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(wandtijdNaarInstant('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z');
  });

  test('impossible dates get their own message, not one about summer time', () => {
    const f = fout(() => wandtijdNaarInstant('2027-02-31', '10:00'));
    expect(f.soort).toBe('onmogelijkeDatum');
    expect(f.message).toBe('2027-02-31 bestaat niet: februari 2027 heeft 28 dagen.');
    expect(f.bericht('en')).toBe('2027-02-31 does not exist: February 2027 has 28 days.');
    expect(fout(() => leesDatum('2026-13-01')).message).toBe('2026-13-01 bestaat niet: er is geen maand 13.');
    expect(leesDatum('2028-02-29')).toEqual({ jaar: 2028, maand: 2, dag: 29 });
    expect(fout(() => leesDatum('2027-02-29')).message).toMatch(/februari 2027 heeft 28 dagen/);
    expect(fout(() => wandtijdNaarInstant('2026-05-01', '24:00')).soort).toBe('formaat');
  });

  test('leesTijdstip reads the forms in files: local ISO, Dutch, with seconds, with offset, UTC with milliseconds', () => {
    expect(leesTijdstip('2026-03-29T10:00')).toBe('2026-03-29T08:00:00.000Z');
    expect(leesTijdstip('29-03-2026 10:00')).toBe('2026-03-29T08:00:00.000Z');
    expect(leesTijdstip('5/1/2026 9:05:30')).toBe('2026-01-05T08:05:30.000Z');
    expect(leesTijdstip('2026-10-25T02:30+01:00')).toBe('2026-10-25T01:30:00.000Z');
    expect(leesTijdstip('2026-03-29T08:00:00.123Z')).toBe('2026-03-29T08:00:00.123Z');
    expect(fout(() => leesTijdstip('2027-02-31T10:00:00Z')).soort).toBe('onmogelijkeDatum');
    expect(fout(() => leesTijdstip('morgen')).soort).toBe('formaat');
  });
});

describe('calendar arithmetic (one implementation, one error type)', () => {
  test('days and months, clamped to the month end', () => {
    expect(plusDagen('2026-03-28', 2)).toBe('2026-03-30');
    expect(plusDagen('2024-03-01', -1)).toBe('2024-02-29');
    expect(plusMaanden('2026-11-30', 3)).toBe('2027-02-28');
    expect(plusMaanden('2027-11-30', 3)).toBe('2028-02-29');
    expect(plusMaanden('2026-03-31', -1)).toBe('2026-02-28');
    expect(plusMaanden('2026-12-31', 2)).toBe('2027-02-28');
    expect(dagenTussen('2026-10-24', '2026-10-26')).toBe(2);
  });
  test('a bad date is a TijdFout everywhere', () => {
    expect(fout(() => plusDagen('2026-02-30', 1)).soort).toBe('onmogelijkeDatum');
    expect(fout(() => plusMaanden('1-1-2026', 1)).soort).toBe('formaat');
    expect(fout(() => dagenTussen('2026-01-01', '2026-04-31')).soort).toBe('onmogelijkeDatum');
  });
});

test('the list schema no longer turns 2027-02-31T10:00:00Z into 3 March', () => {
  const r = parseItem('AmbtseedSessies', {
    sessieId: 'S',
    start: '2027-02-31T10:00:00Z',
    eind: '2027-03-01T10:00:00Z',
    soort: 'ambtseed',
    online: true,
    afnemer: 'secretaris',
    capaciteit: 5,
  });
  expect(r.success).toBe(false);
  expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
    ['start', '2027-02-31 bestaat niet: februari 2027 heeft 28 dagen.'],
  ]);
});
