import { BoekingFout, bezetting, boekingsBesluit, isGeannuleerd, maakInschrijvingId, promoties } from './boeking';
import type { Dienstverband, Inschrijving, Sessie } from './verplichtingen';

/**
 * Booking as "read a snapshot, plan the writes, apply them atomically". The planners below are pure; the
 * store adapter (`shared/src/store/ambtseed-booking.ts`) reads the snapshot and applies the plan inside
 * one SQLite transaction (or under a lock), so capacity holds under concurrent requests.
 */

/** What a planner needs: the sessions involved and every inschrijving of those sessions and of the person. */
export interface BoekingSnapshot {
  sessies: Sessie[];
  inschrijvingen: Inschrijving[];
}

/** Writes to apply atomically: new inschrijvingen, changed inschrijvingen (whole rows), a changed session. */
export interface BoekingPlan {
  nieuw: Inschrijving[];
  gewijzigd: Inschrijving[];
  sessie?: Sessie;
  /** The person's own resulting inschrijving (book/rebook) or the cancelled one (cancel). */
  resultaat?: Inschrijving;
  /** Inschrijvingen that moved from wachtlijst to ingeschreven (to be told). */
  gepromoveerd: Inschrijving[];
  /** Inschrijvingen cancelled because their session was (cancelled, or the person rebooked). */
  geannuleerd: Inschrijving[];
}

/** A booking request. `vorm` is eed or belofte for an ambtseed session, else null. */
export interface BoekAanvraag {
  sessieId: string;
  medewerker: string;
  dienstverband: Dienstverband;
  indienstOp: string;
  vorm?: 'eed' | 'belofte' | null;
}

function sessieUit(s: BoekingSnapshot, sessieId: string): Sessie {
  const sessie = s.sessies.find((x) => x.sessieId === sessieId);
  if (!sessie)
    throw new BoekingFout(
      'SESSIE_ONBEKEND',
      'Deze bijeenkomst bestaat niet (meer). Vraag een nieuw overzicht op met "Plan mijn ambtseed".',
    );
  return sessie;
}

/** Replace rows in a list of inschrijvingen by id (for planning several steps on one snapshot). */
function metWijzigingen(rows: Inschrijving[], changed: Inschrijving[]): Inschrijving[] {
  const byId = new Map(changed.map((c) => [c.inschrijvingId, c]));
  return rows.map((r) => byId.get(r.inschrijvingId) ?? r);
}

/**
 * Plan a new booking. The person gets a place when one is free and nobody waits, else joins the
 * waitlist. A person can hold one active booking per kind of session: booking a session of a kind they
 * already hold is refused (use {@link planVerzetten}).
 * @throws BoekingFout SESSIE_ONBEKEND, SESSIE_GEANNULEERD, SESSIE_BEGONNEN, AL_INGESCHREVEN.
 */
export function planBoeking(snapshot: BoekingSnapshot, aanvraag: BoekAanvraag, now: Date): BoekingPlan {
  const sessie = sessieUit(snapshot, aanvraag.sessieId);
  const soortVan = new Map(snapshot.sessies.map((s) => [s.sessieId, s.soort]));
  const dubbel = snapshot.inschrijvingen.find(
    (i) =>
      i.medewerker === aanvraag.medewerker &&
      (i.status === 'ingeschreven' || i.status === 'wachtlijst') &&
      soortVan.get(i.sessieId) === sessie.soort,
  );
  if (dubbel) {
    throw new BoekingFout(
      'AL_INGESCHREVEN',
      dubbel.sessieId === sessie.sessieId
        ? 'Je staat al ingeschreven voor deze bijeenkomst.'
        : 'Je hebt al een inschrijving voor zo’n bijeenkomst. Kies "Verzetten" om naar een andere bijeenkomst te gaan.',
    );
  }
  const status = boekingsBesluit(sessie, bezetting(sessie.sessieId, snapshot.inschrijvingen), now);
  const volgnummer = snapshot.inschrijvingen.filter((i) => i.sessieId === sessie.sessieId).length + 1;
  const inschrijving: Inschrijving = {
    inschrijvingId: maakInschrijvingId(sessie.sessieId, volgnummer),
    sessieId: sessie.sessieId,
    medewerker: aanvraag.medewerker,
    dienstverband: aanvraag.dienstverband,
    indienstOp: aanvraag.indienstOp,
    status,
    vorm: sessie.soort === 'ambtseed' ? (aanvraag.vorm ?? null) : null,
    afgelegdOp: null,
  };
  return { nieuw: [inschrijving], gewijzigd: [], resultaat: inschrijving, gepromoveerd: [], geannuleerd: [] };
}

/**
 * Plan a cancellation by the person (or HR): the inschrijving becomes `geannuleerd`; when it held a
 * place, the first on the waitlist (FIFO) gets it.
 * @throws BoekingFout INSCHRIJVING_ONBEKEND, NIET_ACTIEF (already cancelled or attended).
 */
export function planAnnulering(snapshot: BoekingSnapshot, inschrijvingId: string, now: Date): BoekingPlan {
  const oud = snapshot.inschrijvingen.find((i) => i.inschrijvingId === inschrijvingId);
  if (!oud) throw new BoekingFout('INSCHRIJVING_ONBEKEND', 'Deze inschrijving bestaat niet (meer).');
  if (oud.status !== 'ingeschreven' && oud.status !== 'wachtlijst')
    throw new BoekingFout('NIET_ACTIEF', 'Deze inschrijving is al geannuleerd of afgerond.');
  const geannuleerd: Inschrijving = { ...oud, status: 'geannuleerd' };
  const sessie = sessieUit(snapshot, oud.sessieId);
  const na = metWijzigingen(snapshot.inschrijvingen, [geannuleerd]);
  const gepromoveerd = promoties(sessie, na, now).map((i) => ({ ...i, status: 'ingeschreven' as const }));
  return { nieuw: [], gewijzigd: [geannuleerd, ...gepromoveerd], resultaat: geannuleerd, gepromoveerd, geannuleerd: [] };
}

/**
 * Plan a rebooking: cancel `inschrijvingId` (promoting the waitlist of the old session) and book
 * `nieuweSessieId` (same kind of session), in one step: either both happen or neither.
 * @throws BoekingFout as planAnnulering and planBoeking, and VERKEERDE_SOORT.
 */
export function planVerzetten(snapshot: BoekingSnapshot, inschrijvingId: string, nieuweSessieId: string, now: Date): BoekingPlan {
  const oud = snapshot.inschrijvingen.find((i) => i.inschrijvingId === inschrijvingId);
  if (!oud) throw new BoekingFout('INSCHRIJVING_ONBEKEND', 'Deze inschrijving bestaat niet (meer).');
  if (oud.sessieId === nieuweSessieId) throw new BoekingFout('AL_INGESCHREVEN', 'Je staat al ingeschreven voor deze bijeenkomst.');
  const nieuweSessie = sessieUit(snapshot, nieuweSessieId);
  if (sessieUit(snapshot, oud.sessieId).soort !== nieuweSessie.soort)
    throw new BoekingFout('VERKEERDE_SOORT', 'Verzetten kan alleen naar een bijeenkomst van dezelfde soort.');
  const annulering = planAnnulering(snapshot, inschrijvingId, now);
  const na: BoekingSnapshot = { sessies: snapshot.sessies, inschrijvingen: metWijzigingen(snapshot.inschrijvingen, annulering.gewijzigd) };
  const boeking = planBoeking(
    na,
    {
      sessieId: nieuweSessieId,
      medewerker: oud.medewerker,
      dienstverband: oud.dienstverband,
      indienstOp: oud.indienstOp,
      vorm: oud.vorm === 'eed' || oud.vorm === 'belofte' ? oud.vorm : null,
    },
    now,
  );
  return {
    nieuw: boeking.nieuw,
    gewijzigd: annulering.gewijzigd,
    resultaat: boeking.resultaat,
    gepromoveerd: annulering.gepromoveerd,
    geannuleerd: [annulering.resultaat!],
  };
}

/**
 * Plan HR's cancellation of a whole session: capaciteit becomes 0 (= cancelled) and every active
 * inschrijving `geannuleerd`; those people are returned in `geannuleerd` to be told.
 */
export function planSessieAnnulering(snapshot: BoekingSnapshot, sessieId: string): BoekingPlan {
  const sessie = sessieUit(snapshot, sessieId);
  if (isGeannuleerd(sessie)) throw new BoekingFout('SESSIE_GEANNULEERD', 'Deze bijeenkomst is al geannuleerd.');
  const geannuleerd = snapshot.inschrijvingen
    .filter((i) => i.sessieId === sessieId && (i.status === 'ingeschreven' || i.status === 'wachtlijst'))
    .map((i) => ({ ...i, status: 'geannuleerd' as const }));
  return { nieuw: [], gewijzigd: geannuleerd, sessie: { ...sessie, capaciteit: 0 }, gepromoveerd: [], geannuleerd };
}

/**
 * Plan HR's edit of a session (time, place, official, capacity). A higher capacity promotes people from
 * the waitlist; a capacity below the places already taken is refused (cancel bookings first).
 * @throws BoekingFout SESSIE_ONBEKEND, SESSIE_GEANNULEERD, CAPACITEIT_TE_LAAG.
 */
export function planSessieWijziging(
  snapshot: BoekingSnapshot,
  sessieId: string,
  patch: Partial<Omit<Sessie, 'sessieId'>>,
  now: Date,
): BoekingPlan {
  const oud = sessieUit(snapshot, sessieId);
  if (isGeannuleerd(oud))
    throw new BoekingFout('SESSIE_GEANNULEERD', 'Deze bijeenkomst is geannuleerd en kan niet meer worden gewijzigd. Maak een nieuwe aan.');
  const sessie: Sessie = { ...oud, ...patch, sessieId };
  const bezet = bezetting(sessieId, snapshot.inschrijvingen).ingeschreven;
  if (sessie.capaciteit < 1 || sessie.capaciteit < bezet) {
    throw new BoekingFout(
      'CAPACITEIT_TE_LAAG',
      `De capaciteit moet minstens ${Math.max(1, bezet)} zijn: zoveel plaatsen zijn al bezet. Annuleer eerst inschrijvingen of de hele bijeenkomst.`,
      { minimum: Math.max(1, bezet) },
    );
  }
  const gepromoveerd = promoties(sessie, snapshot.inschrijvingen, now).map((i) => ({ ...i, status: 'ingeschreven' as const }));
  return { nieuw: [], gewijzigd: gepromoveerd, sessie, gepromoveerd, geannuleerd: [] };
}
