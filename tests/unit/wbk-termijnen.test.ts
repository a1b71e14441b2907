import {
  dagenTussen,
  ontvangstbevestigdOpTijd,
  plusMaanden,
  standaardBewaarTot,
  terugkoppelingOpTijd,
  wbkOverzicht,
  wbkSignalen,
  wbkStanden,
  wbkTermijnen,
} from '@shared/domain/wbk-termijnen';
import { vandaag } from '@shared/domain/tijd';

// Expected values are hand-calculated from Wbk art. 2 lid 2 / Richtlijn 2019/1937 art. 9(1)(b),(f) and
// Verordening 1182/71 art. 3: day of receipt not counted; months end on the same day number or the month's last day.
describe('wbkTermijnen', () => {
  it.each([
    // ontvangenOp, ontvangstbevestiging uiterlijk, terugkoppeling uiterlijk without bevestiging (= +7d +3m)
    ['2026-03-02', '2026-03-09', '2026-06-09'],
    ['2026-01-28', '2026-02-04', '2026-05-04'], // across a month end
    ['2026-12-28', '2027-01-04', '2027-04-04'], // across a year end
    ['2028-02-22', '2028-02-29', '2028-05-29'], // leap year: 29 February exists
    ['2027-02-22', '2027-03-01', '2027-06-01'], // no leap year: 22 Feb + 7 = 1 March
    ['2026-03-25', '2026-04-01', '2026-07-01'], // DST starts 29 March 2026
    ['2026-10-22', '2026-10-29', '2027-01-29'], // DST ends 25 October 2026
  ])('received %s → confirm by %s, feedback (none confirmed) by %s', (ontvangenOp, ob, tk) => {
    expect(wbkTermijnen({ ontvangenOp })).toEqual({ ontvangstbevestigingUiterlijk: ob, terugkoppelingUiterlijk: tk });
  });

  it.each([
    ['2026-01-02', '2026-01-05', '2026-04-05'],
    ['2025-11-30', '2025-11-30', '2026-02-28'], // 30 Nov + 3 months: February has no 30th → last day
    ['2027-11-25', '2027-11-30', '2028-02-29'], // ... in a leap year the 29th
    ['2026-11-28', '2026-11-29', '2027-02-28'],
    ['2026-05-31', '2026-05-31', '2026-08-31'],
    ['2026-03-27', '2026-03-31', '2026-06-30'], // 31 March + 3 months → 30 June
    ['2026-07-25', '2026-07-31', '2026-10-31'], // ends after DST change (25 Oct)
  ])('received %s, confirmed %s → feedback by %s (3 months after the confirmation)', (ontvangenOp, ontvangstbevestigdOp, tk) => {
    expect(wbkTermijnen({ ontvangenOp, ontvangstbevestigdOp }).terugkoppelingUiterlijk).toBe(tk);
  });

  it('a late confirmation still counts from the day it was sent', () => {
    expect(wbkTermijnen({ ontvangenOp: '2026-01-01', ontvangstbevestigdOp: '2026-01-20' }).terugkoppelingUiterlijk).toBe('2026-04-20');
  });

  it('rejects invalid dates and a confirmation before receipt', () => {
    expect(() => wbkTermijnen({ ontvangenOp: '2026-02-30' })).toThrow('2026-02-30 bestaat niet: februari 2026 heeft 28 dagen.');
    expect(() => wbkTermijnen({ ontvangenOp: '30-02-2026' })).toThrow(/JJJJ-MM-DD/);
    expect(() => wbkTermijnen({ ontvangenOp: '2026-03-05', ontvangstbevestigdOp: '2026-03-04' })).toThrow(/vóór/);
  });

  it('plusMaanden clamps 31 January to the end of February', () => {
    expect(plusMaanden('2026-01-31', 1)).toBe('2026-02-28');
    expect(plusMaanden('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('dagenTussen counts calendar days across DST changes', () => {
    expect(dagenTussen('2026-03-28', '2026-03-30')).toBe(2);
    expect(dagenTussen('2026-10-24', '2026-10-26')).toBe(2);
    expect(dagenTussen('2026-03-09', '2026-03-02')).toBe(-7);
  });
});

describe('on time (report)', () => {
  it('7 days is the last permitted day, 8 is late', () => {
    expect(ontvangstbevestigdOpTijd({ ontvangenOp: '2026-03-02', ontvangstbevestigdOp: '2026-03-09' })).toBe(true);
    expect(ontvangstbevestigdOpTijd({ ontvangenOp: '2026-03-02', ontvangstbevestigdOp: '2026-03-10' })).toBe(false);
    expect(ontvangstbevestigdOpTijd({ ontvangenOp: '2026-03-02' })).toBe(false);
  });
  it('terugkoppeling on the last day is on time', () => {
    expect(terugkoppelingOpTijd({ ontvangenOp: '2025-11-30', ontvangstbevestigdOp: '2025-11-30', terugkoppelingOp: '2026-02-28' })).toBe(
      true,
    );
    expect(terugkoppelingOpTijd({ ontvangenOp: '2025-11-30', ontvangstbevestigdOp: '2025-11-30', terugkoppelingOp: '2026-03-01' })).toBe(
      false,
    );
  });
});

describe('wbkSignalen', () => {
  const meldingen = [
    { meldingId: 'M-2026-0001', ontvangenOp: '2026-03-02' }, // confirm by 03-09
    { meldingId: 'M-2026-0002', ontvangenOp: '2026-02-20' }, // confirm by 02-27: late
    { meldingId: 'M-2026-0003', ontvangenOp: '2026-03-05', ontvangstbevestigdOp: '2026-03-05' }, // feedback by 06-05
    { meldingId: 'M-2026-0004', ontvangenOp: '2026-02-01', afgeslotenOp: '2026-02-10' }, // closed: ignored
    { meldingId: 'M-2026-0005', ontvangenOp: '2025-11-30', ontvangstbevestigdOp: '2025-12-01', terugkoppelingOp: null }, // feedback by 2026-03-01
  ];
  it('lists deadlines within 2 days and overdue ones, most overdue first', () => {
    const s = wbkSignalen(meldingen, '2026-03-07');
    expect(s).toEqual(
      [
        { meldingId: 'M-2026-0005', actie: 'terugkoppeling', uiterlijk: '2026-03-01', dagenTot: -6, status: 'verlopen' },
        { meldingId: 'M-2026-0002', actie: 'ontvangstbevestiging', uiterlijk: '2026-02-27', dagenTot: -8, status: 'verlopen' },
        { meldingId: 'M-2026-0001', actie: 'ontvangstbevestiging', uiterlijk: '2026-03-09', dagenTot: 2, status: 'binnenkort' },
      ].sort((a, b) => a.dagenTot - b.dagenTot),
    );
  });
  it('a deadline 3 days ahead is not listed yet; on the day itself it is (0 days, not late)', () => {
    expect(wbkSignalen([meldingen[0]], '2026-03-06')).toEqual([]);
    expect(wbkSignalen([meldingen[0]], '2026-03-09')[0]).toMatchObject({ dagenTot: 0, status: 'binnenkort' });
    expect(wbkSignalen([meldingen[0]], '2026-03-10')[0]).toMatchObject({ dagenTot: -1, status: 'verlopen' });
  });
  it('today is the Europe/Amsterdam date of the instant, also around DST', () => {
    const m = { meldingId: 'M-2026-0010', ontvangenOp: '2026-03-25' }; // confirm by 2026-04-01 (CEST, UTC+2)
    // 2026-03-31T22:30Z is 00:30 on 1 April in Amsterdam: last day, not late.
    expect(wbkSignalen([m], vandaag(new Date('2026-03-31T22:30:00Z')))[0]).toMatchObject({ dagenTot: 0, status: 'binnenkort' });
    // 2026-04-01T22:30Z is 00:30 on 2 April: one day late.
    expect(wbkSignalen([m], vandaag(new Date('2026-04-01T22:30:00Z')))[0]).toMatchObject({ dagenTot: -1, status: 'verlopen' });
    // Winter time (UTC+1): 2026-10-28T23:30Z is 00:30 on 29 October.
    const w = { meldingId: 'M-2026-0011', ontvangenOp: '2026-10-22' }; // confirm by 2026-10-29
    expect(wbkSignalen([w], vandaag(new Date('2026-10-28T23:30:00Z')))[0]).toMatchObject({ dagenTot: 0 });
    expect(wbkSignalen([w], vandaag(new Date('2026-10-28T22:30:00Z')))[0]).toMatchObject({ dagenTot: 1 });
  });
});

describe("wbkStanden and wbkOverzicht (the coordinator's overview)", () => {
  // Peildatum Wednesday 2 December 2026.
  const vandaag = '2026-12-02';

  it('a melding received 8 days ago without acknowledgement: the acknowledgement is 1 day late, feedback 3 months after day 7', () => {
    // 24 Nov + 7 days = 1 Dec (yesterday); 1 Dec + 3 months = 1 March 2027 (89 days after 2 Dec).
    expect(wbkStanden({ meldingId: 'M-2026-0001', ontvangenOp: '2026-11-24' }, vandaag)).toEqual([
      { meldingId: 'M-2026-0001', actie: 'ontvangstbevestiging', uiterlijk: '2026-12-01', dagenTot: -1, status: 'verlopen' },
      { meldingId: 'M-2026-0001', actie: 'terugkoppeling', uiterlijk: '2027-03-01', dagenTot: 89, status: 'lopend' },
    ]);
  });

  it('a late acknowledgement stays visible as done late, and moves the feedback deadline to 3 months after it', () => {
    expect(wbkStanden({ meldingId: 'M-2026-0001', ontvangenOp: '2026-11-24', ontvangstbevestigdOp: '2026-12-02' }, vandaag)).toEqual([
      {
        meldingId: 'M-2026-0001',
        actie: 'ontvangstbevestiging',
        uiterlijk: '2026-12-01',
        dagenTot: -1,
        gedaanOp: '2026-12-02',
        status: 'teLaatGedaan',
      },
      { meldingId: 'M-2026-0001', actie: 'terugkoppeling', uiterlijk: '2027-03-02', dagenTot: 90, status: 'lopend' },
    ]);
  });

  it('lists every running deadline, also months ahead, sorted by due date; done-late ones apart; closed ones of earlier years left out', () => {
    const o = wbkOverzicht(
      [
        { meldingId: 'M-2026-0003', ontvangenOp: '2026-12-01' }, // confirm by 8 Dec (6 days), feedback by 8 March
        { meldingId: 'M-2026-0001', ontvangenOp: '2026-11-24' }, // confirm by 1 Dec (1 late), feedback by 1 March
        { meldingId: 'M-2026-0002', ontvangenOp: '2026-10-01', ontvangstbevestigdOp: '2026-10-02' }, // feedback by 2 Jan (31 days)
        {
          meldingId: 'M-2026-0004',
          ontvangenOp: '2026-02-01',
          ontvangstbevestigdOp: '2026-02-12',
          terugkoppelingOp: '2026-04-01',
          afgeslotenOp: '2026-05-01',
        },
        { meldingId: 'M-2025-0009', ontvangenOp: '2025-02-01', ontvangstbevestigdOp: '2025-02-12', afgeslotenOp: '2025-05-01' },
      ],
      vandaag,
      2,
    );
    expect(o.lopend.map((s) => [s.meldingId, s.actie, s.uiterlijk, s.dagenTot, s.status])).toEqual([
      ['M-2026-0001', 'ontvangstbevestiging', '2026-12-01', -1, 'verlopen'],
      ['M-2026-0003', 'ontvangstbevestiging', '2026-12-08', 6, 'lopend'],
      ['M-2026-0002', 'terugkoppeling', '2027-01-02', 31, 'lopend'],
      ['M-2026-0001', 'terugkoppeling', '2027-03-01', 89, 'lopend'],
      ['M-2026-0003', 'terugkoppeling', '2027-03-08', 96, 'lopend'],
    ]);
    // M-2026-0004 (closed this year) was confirmed on day 11: 4 days after 8 February.
    expect(o.teLaatGedaan.map((s) => [s.meldingId, s.actie, s.uiterlijk, s.gedaanOp, s.dagenTot])).toEqual([
      ['M-2026-0004', 'ontvangstbevestiging', '2026-02-08', '2026-02-12', -4],
    ]);
  });

  it('the reminder keeps its alarm: only deadlines within the look-ahead or passed', () => {
    expect(wbkSignalen([{ meldingId: 'M-2026-0003', ontvangenOp: '2026-12-01' }], vandaag, 2)).toEqual([]);
    expect(wbkSignalen([{ meldingId: 'M-2026-0003', ontvangenOp: '2026-12-01' }], '2026-12-06', 2)).toEqual([
      { meldingId: 'M-2026-0003', actie: 'ontvangstbevestiging', uiterlijk: '2026-12-08', dagenTot: 2, status: 'binnenkort' },
    ]);
  });
});

describe('standaardBewaarTot', () => {
  it('is one year after closing by default, configurable in months', () => {
    expect(standaardBewaarTot('2026-03-15')).toBe('2027-03-15');
    expect(standaardBewaarTot('2028-02-29')).toBe('2029-02-28');
    expect(standaardBewaarTot('2026-03-15', 24)).toBe('2028-03-15');
  });
});
