import type { OrgConfig } from '../config/schema';
import type { VOG_AANLEIDINGEN } from '../lists/definitions';
import type { ListItem, ListItemInput } from '../lists/schemas';
import { plusDagen, plusMaanden } from './tijd';

/**
 * VOG renewal for kwetsbare functies, as pure rules over the `VogFunctiehouders` (HR's import) and
 * `VogAanvragen` (the requests) lists. The organisation's rule (a province's 2024 integrity report; config
 * `vog`): whoever holds a function from `vog.functies` hands in a Verklaring Omtrent Gedrag when they start
 * in it, and a new one when the last is `geldigheidJaren` (3) years old. The bot asks; HR records received or
 * not received. All dates are Europe/Amsterdam calendar dates `YYYY-MM-DD`; no I/O here.
 */

export type VogHouder = ListItem<'VogFunctiehouders'>;
export type VogAanvraag = ListItem<'VogAanvragen'>;
export type VogAanleiding = (typeof VOG_AANLEIDINGEN)[number];

/** `datum` plus `n` calendar years (29 Feb + 1 year → 28 Feb: `plusMaanden` clamps to the month's last day). */
export function plusJaren(datum: string, n: number): string {
  return plusMaanden(datum, 12 * n);
}

/** The key of a request: `<functie>:<medewerker>:<peildatum>`, so a repeated job run never opens it twice. */
export function aanvraagIdVan(functie: string, medewerker: string, peildatum: string): string {
  return `${functie}:${medewerker}:${peildatum}`;
}

/** True when a request still waits for HR (`openstaand` or `aangevraagd`). */
export const isOpen = (a: Pick<VogAanvraag, 'status'>): boolean => a.status === 'openstaand' || a.status === 'aangevraagd';

/** True when `houder` holds the function on `vandaag`: started, not ended (`eindOp` is the last day). */
export function isActief(houder: Pick<VogHouder, 'startOp' | 'eindOp'>, vandaag: string): boolean {
  return houder.startOp <= vandaag && (!houder.eindOp || houder.eindOp >= vandaag);
}

/** Where one person stands in one function. */
export interface VogStand {
  houder: VogHouder;
  /** The request that waits for HR, if any (at most one per person and function). */
  open?: VogAanvraag;
  /** The last request HR closed (ontvangen or nietOntvangen), if any. */
  laatsteAfgesloten?: VogAanvraag;
  /** Issue date of the last VOG known: the last received one's `afgifteOp` (else `vastgelegdOp`), else the import's `laatsteVogOp`. */
  laatsteVog?: string;
  /**
   * When the next VOG is needed and why: `start` (no VOG known: the start in the function) or `hernieuwing`
   * (`laatsteVog` + `geldigheidJaren`). Absent while a request is open or after `nietOntvangen` (HR follows up).
   */
  volgende?: { peildatum: string; aanleiding: VogAanleiding };
}

/**
 * The stand of `houder` given every request of that person (any function: only `houder.functie`'s count).
 * @param geldigheidJaren config `vog.geldigheidJaren`.
 */
export function vogStand(houder: VogHouder, aanvragen: readonly VogAanvraag[], geldigheidJaren: number): VogStand {
  const eigen = aanvragen
    .filter((a) => a.medewerker === houder.medewerker && a.functie === houder.functie)
    .sort((a, b) => (a.peildatum < b.peildatum ? -1 : a.peildatum > b.peildatum ? 1 : 0));
  const open = eigen.find(isOpen);
  const afgesloten = eigen.filter((a) => !isOpen(a));
  const laatsteAfgesloten = afgesloten.at(-1);
  const ontvangen = afgesloten.filter((a) => a.status === 'ontvangen').at(-1);
  const laatsteVog = ontvangen
    ? (ontvangen.afgifteOp ?? ontvangen.vastgelegdOp ?? ontvangen.peildatum)
    : (houder.laatsteVogOp ?? undefined);
  const stand: VogStand = { houder, open, laatsteAfgesloten, laatsteVog };
  if (open || laatsteAfgesloten?.status === 'nietOntvangen') return stand;
  stand.volgende = laatsteVog
    ? { peildatum: plusJaren(laatsteVog, geldigheidJaren), aanleiding: 'hernieuwing' }
    : { peildatum: houder.startOp, aanleiding: 'start' };
  return stand;
}

/** What the daily job does for one day. */
export interface VogDagwerk {
  /** Requests to open today (status openstaand, `gevraagdOp` = today); the employee gets the request message. */
  nieuw: ListItemInput<'VogAanvragen'>[];
  /** Open requests whose reminder day (`gevraagdOp` + one of `herinneringNaDagen`) has come, with that day count. */
  herinneringen: { aanvraag: VogAanvraag; dagen: number }[];
  /** Holders whose function code is not in `vog.functies` (an import mistake): skipped, counted for the log. */
  onbekendeFuncties: number;
}

/**
 * The day's work of the VOG cycle on `vandaag`:
 * - an active holder of a configured function without an open request whose next `peildatum` has come gets a
 *   new request (`start` at the start in the function, `hernieuwing` `geldigheidJaren` after the last VOG);
 * - an open request still `openstaand` (the employee has not said it is requested) gets a reminder on the
 *   latest reminder day reached (`gevraagdOp` + d for d in `herinneringNaDagen`; a missed day is not sent late
 *   next to a later one). `aangevraagd` requests get no reminders; HR sees them in the overview.
 * Holders that ended (`eindOp` before today) or start later are left alone; their open requests stay for HR.
 */
export function vogDagwerk(
  vandaag: string,
  houders: readonly VogHouder[],
  aanvragen: readonly VogAanvraag[],
  vog: OrgConfig['vog'],
): VogDagwerk {
  const functies = new Set(vog.functies.map((f) => f.id));
  const uit: VogDagwerk = { nieuw: [], herinneringen: [], onbekendeFuncties: 0 };
  const dagen = [...vog.herinneringNaDagen].sort((a, b) => b - a);
  for (const h of houders) {
    if (!functies.has(h.functie)) {
      uit.onbekendeFuncties++;
      continue;
    }
    const stand = vogStand(h, aanvragen, vog.geldigheidJaren);
    if (stand.open) {
      if (stand.open.status !== 'openstaand') continue;
      const d = dagen.find((n) => plusDagen(stand.open!.gevraagdOp, n) <= vandaag);
      if (d !== undefined) uit.herinneringen.push({ aanvraag: stand.open, dagen: d });
      continue;
    }
    if (!isActief(h, vandaag) || !stand.volgende || stand.volgende.peildatum > vandaag) continue;
    const { peildatum, aanleiding } = stand.volgende;
    uit.nieuw.push({
      aanvraagId: aanvraagIdVan(h.functie, h.medewerker, peildatum),
      medewerker: h.medewerker,
      functie: h.functie,
      aanleiding,
      peildatum,
      gevraagdOp: vandaag,
      status: 'openstaand',
    });
  }
  return uit;
}

/** HR's overview counts: requests waiting (openstaand, aangevraagd) and closed as not received. */
export function vogOverzichtTelling(aanvragen: readonly VogAanvraag[]): { openstaand: number; aangevraagd: number; nietOntvangen: number } {
  const tel = { openstaand: 0, aangevraagd: 0, nietOntvangen: 0 };
  for (const a of aanvragen) if (a.status !== 'ontvangen') tel[a.status]++;
  return tel;
}
