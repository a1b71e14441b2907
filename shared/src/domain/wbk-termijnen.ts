import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format } from 'date-fns';
import { isIsoDate } from '../lists/schemas';
import { TIJDZONE } from './tijd';

/**
 * Deadlines of the Wet bescherming klokkenluiders (Wbk, BWBR0037852, in force in this form since
 * 18 February 2023; implements Richtlijn (EU) 2019/1937):
 *
 * - **Ontvangstbevestiging**: the procedure for internal reports (Wbk art. 2, tweede lid) obliges the employer
 *   to confirm receipt of a melding to the melder *within seven days of that receipt*
 *   (Richtlijn 2019/1937 art. 9(1)(b)).
 * - **Terugkoppeling**: the melder is informed about the assessment and follow-up *within a reasonable period of
 *   at most three months after the ontvangstbevestiging was sent, or, when none was sent, three months after the
 *   seven-day period following the melding has expired* (Wbk art. 2, tweede lid; Richtlijn 2019/1937 art. 9(1)(f)).
 *
 * Counting (Verordening (EEG, Euratom) nr. 1182/71, art. 3, which governs periods in EU law): the day of the
 * event is not counted; a period in days ends at the end of its last day (received 1 March → confirm by
 * 8 March); a period in months ends on the day with the same number in the last month, or on that month's
 * last day when it has no such day (30 November + 3 months → 28 February, 29 February in a leap year).
 * We do not extend deadlines that end on a weekend or holiday (Algemene termijnenwet): reminders rather come
 * early than late (docs/decisions.md).
 *
 * All dates are Europe/Amsterdam calendar dates `YYYY-MM-DD` (DESIGN.md); the arithmetic runs on
 * Europe/Amsterdam wall-clock dates (`TZDate`), so DST changes never shift a deadline by a day.
 */

/** Days after receipt within which the ontvangstbevestiging must be sent (Wbk art. 2 lid 2; Richtlijn art. 9(1)(b)). */
export const ONTVANGSTBEVESTIGING_DAGEN = 7;
/** Months within which terugkoppeling must follow (Wbk art. 2 lid 2; Richtlijn art. 9(1)(f)). */
export const TERUGKOPPELING_MAANDEN = 3;

function parse(date: string, veld: string): TZDate {
  if (!isIsoDate(date)) throw new Error(`${veld}: verwacht een datum als JJJJ-MM-DD, niet "${date}"`);
  const [y, m, d] = date.split('-').map(Number);
  return new TZDate(y, m - 1, d, TIJDZONE);
}
const fmt = (d: Date) => format(d, 'yyyy-MM-dd');

/*
 * date-fns on TZDate costs ~0.1 ms per operation (time-zone lookups); the daily job evaluates every open melding.
 * Results depend only on (date, n), so they are memoised (bounded): 10,000 open meldingen took 10.9 s without
 * the memo and take well under a second with it.
 */
const MEMO_MAX = 20_000;
const memo = new Map<string, string>();
function memoised(key: string, compute: () => string): string {
  let v = memo.get(key);
  if (v === undefined) {
    v = compute();
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, v);
  }
  return v;
}

/** `date` (YYYY-MM-DD) plus `n` calendar days, Europe/Amsterdam. @throws Error for an invalid date. */
export function plusDagen(date: string, n: number): string {
  return memoised(`d|${date}|${n}`, () => fmt(addDays(parse(date, 'datum'), n)));
}

/** `date` plus `n` calendar months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function plusMaanden(date: string, n: number): string {
  return memoised(`m|${date}|${n}`, () => fmt(addMonths(parse(date, 'datum'), n)));
}

/**
 * Calendar days from `van` to `tot` (positive when `tot` is later). Both `YYYY-MM-DD`. Calendar dates carry no
 * time of day, so the difference of their UTC day numbers is exact (no DST in UTC); this equals date-fns'
 * `differenceInCalendarDays` on Europe/Amsterdam dates and is ~1000× faster.
 * @throws Error for an invalid date.
 */
export function dagenTussen(van: string, tot: string): number {
  return dagNummer(tot, 'tot') - dagNummer(van, 'van');
}
function dagNummer(date: string, veld: string): number {
  if (!isIsoDate(date)) throw new Error(`${veld}: verwacht een datum als JJJJ-MM-DD, niet "${date}"`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** The fields of a melding that the Wbk deadlines depend on (a subset of a `Meldingen` item). */
export interface WbkMelding {
  ontvangenOp: string;
  ontvangstbevestigdOp?: string | null;
  terugkoppelingOp?: string | null;
}

/** The two deadlines of one melding, as `YYYY-MM-DD` (last permitted day, inclusive). */
export interface WbkTermijnen {
  /** `ontvangenOp` + 7 days. */
  ontvangstbevestigingUiterlijk: string;
  /**
   * `ontvangstbevestigdOp` + 3 months when an ontvangstbevestiging was sent (even a late one: the law counts
   * from sending); else `ontvangenOp` + 7 days + 3 months.
   */
  terugkoppelingUiterlijk: string;
}

/**
 * The Wbk deadlines of a melding.
 * @throws Error (Dutch) when a date is not a real `YYYY-MM-DD` date or the ontvangstbevestiging predates receipt.
 */
export function wbkTermijnen(m: WbkMelding): WbkTermijnen {
  const ontvangstbevestigingUiterlijk = plusDagen(m.ontvangenOp, ONTVANGSTBEVESTIGING_DAGEN);
  let basis = ontvangstbevestigingUiterlijk;
  if (m.ontvangstbevestigdOp) {
    if (dagenTussen(m.ontvangenOp, m.ontvangstbevestigdOp) < 0) {
      throw new Error('ontvangstbevestigdOp ligt vóór ontvangenOp');
    }
    basis = m.ontvangstbevestigdOp;
  }
  return { ontvangstbevestigingUiterlijk, terugkoppelingUiterlijk: plusMaanden(basis, TERUGKOPPELING_MAANDEN) };
}

/** Whether the ontvangstbevestiging was sent in time (report: `wbk.ontvangstbevestigdBinnen7Dagen`). */
export function ontvangstbevestigdOpTijd(m: WbkMelding): boolean {
  return !!m.ontvangstbevestigdOp && dagenTussen(m.ontvangstbevestigdOp, wbkTermijnen(m).ontvangstbevestigingUiterlijk) >= 0;
}

/** Whether terugkoppeling was given in time (report: `wbk.terugkoppelingBinnen3Maanden`). */
export function terugkoppelingOpTijd(m: WbkMelding): boolean {
  return !!m.terugkoppelingOp && dagenTussen(m.terugkoppelingOp, wbkTermijnen(m).terugkoppelingUiterlijk) >= 0;
}

/** One deadline that needs attention. */
export interface WbkSignaal {
  meldingId: string;
  actie: 'ontvangstbevestiging' | 'terugkoppeling';
  /** Last permitted day, `YYYY-MM-DD`. */
  uiterlijk: string;
  /** Days from today to the deadline: 0 = today is the last day, negative = that many days late. */
  dagenTot: number;
  /** `verlopen` when the deadline has passed (shown in red with the days late), else `binnenkort`. */
  status: 'binnenkort' | 'verlopen';
}

/**
 * The deadlines that fall within `vooruitDagen` days from `vandaag` or have passed, for meldingen that are not
 * closed and whose action is not done yet. Sorted: most overdue first, then by meldingId.
 * @param meldingen items with `meldingId`, the WbkMelding dates and `afgeslotenOp`.
 * @param vandaag today, `YYYY-MM-DD` Europe/Amsterdam (use `vandaag(now)` from ./tijd).
 * @param vooruitDagen look-ahead in days (default 2, as the issue asks).
 */
export function wbkSignalen(
  meldingen: readonly (WbkMelding & { meldingId: string; afgeslotenOp?: string | null })[],
  vandaag: string,
  vooruitDagen = 2,
): WbkSignaal[] {
  const out: WbkSignaal[] = [];
  for (const m of meldingen) {
    if (m.afgeslotenOp) continue;
    const t = wbkTermijnen(m);
    const push = (actie: WbkSignaal['actie'], uiterlijk: string) => {
      const dagenTot = dagenTussen(vandaag, uiterlijk);
      if (dagenTot <= vooruitDagen) out.push({ meldingId: m.meldingId, actie, uiterlijk, dagenTot, status: dagenTot < 0 ? 'verlopen' : 'binnenkort' });
    };
    if (!m.ontvangstbevestigdOp) push('ontvangstbevestiging', t.ontvangstbevestigingUiterlijk);
    if (!m.terugkoppelingOp) push('terugkoppeling', t.terugkoppelingUiterlijk);
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return out.sort((a, b) => a.dagenTot - b.dagenTot || cmp(a.meldingId, b.meldingId) || cmp(a.actie, b.actie));
}

/**
 * The default bewaarTot of a closed melding: `afgeslotenOp` + `maanden` (config `intake.bewaartermijnMaanden`,
 * default 12: one year after closing).
 */
export function standaardBewaarTot(afgeslotenOp: string, maanden = 12): string {
  return plusMaanden(afgeslotenOp, maanden);
}
