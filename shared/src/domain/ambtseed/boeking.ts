import type { Inschrijving, Sessie, SessieSoort } from './verplichtingen';
import { amsterdamDate } from '../tijd';

/**
 * Booking rules for ambtseed sessions and workshops. Pure functions over
 * list items; the atomic write path is `shared/src/store/ambtseed-booking.ts`.
 *
 * Conventions (docs/decisions.md, "Ambtseed"):
 * - a session with `capaciteit = 0` is cancelled (the list has no status column; a cancelled session
 *   takes nobody and all its inschrijvingen are `geannuleerd`);
 * - `inschrijvingId` = `<sessieId>#<volgnummer, 5 digits>`; the number counts every inschrijving the
 *   session ever had, so ids sort in arrival order and the waitlist is FIFO by id;
 * - a signed integriteitsverklaring is an inschrijving with `sessieId = "integriteitsverklaring"`,
 *   `status = afgelegd`, `vorm = integriteitsverklaring`.
 */

/** `sessieId` of the pseudo session under which signed integriteitsverklaringen are recorded. */
export const VERKLARING_SESSIE_ID = 'integriteitsverklaring';

/** Statuses that hold (or wait for) a place. */
export const ACTIEVE_STATUSSEN = ['ingeschreven', 'wachtlijst'] as const;

/** Stable error codes of booking refusals; the message is Dutch and tells what to do. */
export type BoekingFoutCode =
  | 'SESSIE_ONBEKEND'
  | 'SESSIE_GEANNULEERD'
  | 'SESSIE_BEGONNEN'
  | 'AL_INGESCHREVEN'
  | 'INSCHRIJVING_ONBEKEND'
  | 'NIET_ACTIEF'
  | 'CAPACITEIT_TE_LAAG'
  | 'VERKEERDE_SOORT';

/** A refused booking action. `code` is stable for callers and tests. */
export class BoekingFout extends Error {
  constructor(
    readonly code: BoekingFoutCode,
    message: string,
    /** Values in the message (e.g. `{ minimum: 3 }`), for translated messages. */
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** True when the session is cancelled (capaciteit 0, see the conventions above). */
export function isGeannuleerd(sessie: Pick<Sessie, 'capaciteit'>): boolean {
  return sessie.capaciteit === 0;
}

/** Places taken and waiting in one session: counts of `ingeschreven` and `wachtlijst` inschrijvingen. */
export function bezetting(sessieId: string, inschrijvingen: readonly Inschrijving[]): { ingeschreven: number; wachtlijst: number } {
  let ingeschreven = 0;
  let wachtlijst = 0;
  for (const i of inschrijvingen) {
    if (i.sessieId !== sessieId) continue;
    if (i.status === 'ingeschreven' || i.status === 'afgelegd' || i.status === 'afwezig') ingeschreven++;
    else if (i.status === 'wachtlijst') wachtlijst++;
  }
  return { ingeschreven, wachtlijst };
}

/** The id of the `volgnummer`-th inschrijving of a session (1-based): `<sessieId>#00001`. */
export function maakInschrijvingId(sessieId: string, volgnummer: number): string {
  return `${sessieId}#${String(volgnummer).padStart(5, '0')}`;
}

/** One session offered to a new hire, with its free places and whether it is before their deadline. */
export interface SessieKeuze {
  sessie: Sessie;
  vrij: number;
  wachtlijst: number;
  voorDeadline: boolean;
}

/**
 * The sessions a new hire can choose from, best first: only sessions of `soort` that start after `now`
 * and are not cancelled; first those before the deadline (start's Amsterdam date ≤ `deadline`) with free
 * places, then those before the deadline that are full (waitlist), then later ones with places, then later
 * full ones; each group by start time.
 * @param deadline `YYYY-MM-DD`, or undefined when the person has no deadline (all sessions count as before).
 */
export function sessieKeuze(
  sessies: readonly Sessie[],
  inschrijvingen: readonly Inschrijving[],
  opties: { soort: SessieSoort; deadline?: string; now: Date },
): SessieKeuze[] {
  const nu = opties.now.getTime();
  const keuzes = sessies
    .filter((s) => s.soort === opties.soort && !isGeannuleerd(s) && Date.parse(s.start) > nu)
    .map((sessie) => {
      const b = bezetting(sessie.sessieId, inschrijvingen);
      return {
        sessie,
        vrij: Math.max(0, sessie.capaciteit - b.ingeschreven),
        wachtlijst: b.wachtlijst,
        voorDeadline: opties.deadline === undefined || amsterdamDate(new Date(sessie.start)) <= opties.deadline,
      };
    });
  const rang = (k: SessieKeuze) => (k.voorDeadline ? 0 : 2) + (k.vrij > 0 ? 0 : 1);
  return keuzes.sort(
    (a, b) =>
      rang(a) - rang(b) || Date.parse(a.sessie.start) - Date.parse(b.sessie.start) || a.sessie.sessieId.localeCompare(b.sessie.sessieId),
  );
}

/**
 * Whether a new booking for `sessie` gets a place or joins the waitlist. Everyone already waiting keeps
 * priority: a newcomer gets a place only when there is a free place AND nobody is waiting.
 * @throws BoekingFout SESSIE_GEANNULEERD or SESSIE_BEGONNEN.
 */
export function boekingsBesluit(sessie: Sessie, b: { ingeschreven: number; wachtlijst: number }, now: Date): 'ingeschreven' | 'wachtlijst' {
  if (isGeannuleerd(sessie)) throw new BoekingFout('SESSIE_GEANNULEERD', 'Deze bijeenkomst is geannuleerd. Kies een andere bijeenkomst.');
  if (Date.parse(sessie.start) <= now.getTime())
    throw new BoekingFout('SESSIE_BEGONNEN', 'Deze bijeenkomst is al begonnen of voorbij. Kies een latere bijeenkomst.');
  return b.ingeschreven < sessie.capaciteit && b.wachtlijst === 0 ? 'ingeschreven' : 'wachtlijst';
}

/** The waitlist of a session in FIFO order (by inschrijvingId, which encodes arrival order). */
export function wachtrij(sessieId: string, inschrijvingen: readonly Inschrijving[]): Inschrijving[] {
  return inschrijvingen
    .filter((i) => i.sessieId === sessieId && i.status === 'wachtlijst')
    .sort((a, b) => a.inschrijvingId.localeCompare(b.inschrijvingId));
}

/**
 * Who moves up from the waitlist: the first `capaciteit − ingeschreven` people in FIFO order (none when
 * the session is cancelled or has started).
 */
export function promoties(sessie: Sessie, inschrijvingen: readonly Inschrijving[], now: Date): Inschrijving[] {
  if (isGeannuleerd(sessie) || Date.parse(sessie.start) <= now.getTime()) return [];
  const vrij = sessie.capaciteit - bezetting(sessie.sessieId, inschrijvingen).ingeschreven;
  return vrij > 0 ? wachtrij(sessie.sessieId, inschrijvingen).slice(0, vrij) : [];
}

/** The active (ingeschreven or wachtlijst) inschrijving of `medewerker` for a session of `soort`, if any. */
export function actieveInschrijving(
  medewerker: string,
  soort: SessieSoort,
  inschrijvingen: readonly Inschrijving[],
  sessies: readonly Sessie[],
): Inschrijving | undefined {
  const soortVan = new Map(sessies.map((s) => [s.sessieId, s.soort]));
  return inschrijvingen.find(
    (i) => i.medewerker === medewerker && (i.status === 'ingeschreven' || i.status === 'wachtlijst') && soortVan.get(i.sessieId) === soort,
  );
}

/** Whether `medewerker` has completed a session of `soort` (status afgelegd). */
export function heeftAfgelegd(
  medewerker: string,
  soort: SessieSoort,
  inschrijvingen: readonly Inschrijving[],
  sessies: readonly Sessie[],
): boolean {
  const soortVan = new Map(sessies.map((s) => [s.sessieId, s.soort]));
  return inschrijvingen.some((i) => i.medewerker === medewerker && i.status === 'afgelegd' && soortVan.get(i.sessieId) === soort);
}

/** Whether `medewerker` has a signed integriteitsverklaring. */
export function heeftVerklaring(medewerker: string, inschrijvingen: readonly Inschrijving[]): boolean {
  return inschrijvingen.some((i) => i.medewerker === medewerker && i.status === 'afgelegd' && i.vorm === 'integriteitsverklaring');
}
