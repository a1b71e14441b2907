import { dagenTussen, plusDagen, plusMaanden } from './tijd';

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
 * All dates are Europe/Amsterdam calendar dates `YYYY-MM-DD` (docs/decisions.md); the arithmetic is calendar
 * arithmetic in ./tijd (no time of day, so DST changes never shift a deadline by a day).
 */

/** Days after receipt within which the ontvangstbevestiging must be sent (Wbk art. 2 lid 2; Richtlijn art. 9(1)(b)). */
export const ONTVANGSTBEVESTIGING_DAGEN = 7;
/** Months within which terugkoppeling must follow (Wbk art. 2 lid 2; Richtlijn art. 9(1)(f)). */
export const TERUGKOPPELING_MAANDEN = 3;

/*
 * Calendar-date arithmetic (plus days, plus months clamped to the month end, days between) lives in the one date
 * module ./tijd and throws its TijdFout. The re-export keeps existing callers working.
 */
export { dagenTussen, plusDagen, plusMaanden };

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
 * @throws TijdFout (./tijd) when a date is not a real `YYYY-MM-DD` date; Error (Dutch) when the
 *   ontvangstbevestiging predates receipt.
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
 * One Wbk deadline of a melding with where it stands on `vandaag`:
 * - `lopend`: not done, more than `vooruitDagen` days left; `binnenkort`: not done, 0..`vooruitDagen` days left;
 *   `verlopen`: not done and the last day has passed;
 * - `opTijd`: done on or before the last day; `teLaatGedaan`: done after it (the lateness the report counts in
 *   `wbk.ontvangstbevestigdBinnen7Dagen` / `wbk.terugkoppelingBinnen3Maanden`, docs/contracts.md).
 */
export interface WbkTermijnStand {
  meldingId: string;
  actie: 'ontvangstbevestiging' | 'terugkoppeling';
  /** Last permitted day, `YYYY-MM-DD`. */
  uiterlijk: string;
  status: 'lopend' | 'binnenkort' | 'verlopen' | 'opTijd' | 'teLaatGedaan';
  /**
   * Not done: days from `vandaag` to `uiterlijk` (0 = today is the last day, negative = that many days late).
   * Done: days from the action to `uiterlijk` (0 or more = in time, negative = that many days late).
   */
  dagenTot: number;
  /** The date the action was done (`ontvangstbevestigdOp` / `terugkoppelingOp`), when done. */
  gedaanOp?: string;
}

type WbkMeldingMetId = WbkMelding & { meldingId: string; afgeslotenOp?: string | null };

/**
 * Both deadlines of one melding as of `vandaag` (`YYYY-MM-DD`, Europe/Amsterdam), ontvangstbevestiging first.
 * @param vooruitDagen days ahead that count as `binnenkort` (config `intake.wbkVooruitDagen`, default 2).
 * @throws as {@link wbkTermijnen}.
 */
export function wbkStanden(m: WbkMeldingMetId, vandaag: string, vooruitDagen = 2): WbkTermijnStand[] {
  const t = wbkTermijnen(m);
  const stand = (actie: WbkTermijnStand['actie'], uiterlijk: string, gedaanOp: string | null | undefined): WbkTermijnStand => {
    if (gedaanOp) {
      const dagenTot = dagenTussen(gedaanOp, uiterlijk);
      return { meldingId: m.meldingId, actie, uiterlijk, dagenTot, gedaanOp, status: dagenTot < 0 ? 'teLaatGedaan' : 'opTijd' };
    }
    const dagenTot = dagenTussen(vandaag, uiterlijk);
    const status = dagenTot < 0 ? 'verlopen' : dagenTot <= vooruitDagen ? 'binnenkort' : 'lopend';
    return { meldingId: m.meldingId, actie, uiterlijk, dagenTot, status };
  };
  return [
    stand('ontvangstbevestiging', t.ontvangstbevestigingUiterlijk, m.ontvangstbevestigdOp),
    stand('terugkoppeling', t.terugkoppelingUiterlijk, m.terugkoppelingOp),
  ];
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The coordinator's overview (`termijnen`):
 * - `lopend`: every deadline of an open melding (no `afgeslotenOp`) whose action is not done, whatever its
 *   distance: sorted by due date (so the most overdue first), then meldingId, then ontvangstbevestiging first;
 * - `teLaatGedaan`: actions done after their deadline, for open meldingen and for meldingen received in the year
 *   of `vandaag` (the report year, in which they count as not in time), sorted by due date.
 */
export function wbkOverzicht(
  meldingen: readonly WbkMeldingMetId[],
  vandaag: string,
  vooruitDagen = 2,
): { lopend: WbkTermijnStand[]; teLaatGedaan: WbkTermijnStand[] } {
  const lopend: WbkTermijnStand[] = [];
  const teLaatGedaan: WbkTermijnStand[] = [];
  const jaar = vandaag.slice(0, 4);
  for (const m of meldingen) {
    const open = !m.afgeslotenOp;
    if (!open && m.ontvangenOp.slice(0, 4) !== jaar) continue;
    for (const s of wbkStanden(m, vandaag, vooruitDagen)) {
      if (open && !s.gedaanOp) lopend.push(s);
      else if (s.status === 'teLaatGedaan') teLaatGedaan.push(s);
    }
  }
  const orde = (a: WbkTermijnStand, b: WbkTermijnStand) =>
    cmp(a.uiterlijk, b.uiterlijk) || cmp(a.meldingId, b.meldingId) || cmp(a.actie, b.actie);
  return { lopend: lopend.sort(orde), teLaatGedaan: teLaatGedaan.sort(orde) };
}

/** One deadline that needs attention (the daily reminder). */
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
 * closed and whose action is not done yet (the daily reminder's alarm). Sorted: most overdue first, then by meldingId.
 * @param meldingen items with `meldingId`, the WbkMelding dates and `afgeslotenOp`.
 * @param vandaag today, `YYYY-MM-DD` Europe/Amsterdam (use `vandaag(now)` from ./tijd).
 * @param vooruitDagen look-ahead in days (default 2).
 */
export function wbkSignalen(meldingen: readonly WbkMeldingMetId[], vandaag: string, vooruitDagen = 2): WbkSignaal[] {
  const out: WbkSignaal[] = [];
  for (const s of meldingen.filter((m) => !m.afgeslotenOp).flatMap((m) => wbkStanden(m, vandaag, vooruitDagen))) {
    if (s.status === 'verlopen' || s.status === 'binnenkort')
      out.push({ meldingId: s.meldingId, actie: s.actie, uiterlijk: s.uiterlijk, dagenTot: s.dagenTot, status: s.status });
  }
  return out.sort((a, b) => a.dagenTot - b.dagenTot || cmp(a.meldingId, b.meldingId) || cmp(a.actie, b.actie));
}

/**
 * The default bewaarTot of a closed melding: `afgeslotenOp` + `maanden` (config `intake.bewaartermijnMaanden`,
 * default 12: one year after closing).
 */
export function standaardBewaarTot(afgeslotenOp: string, maanden = 12): string {
  return plusMaanden(afgeslotenOp, maanden);
}
