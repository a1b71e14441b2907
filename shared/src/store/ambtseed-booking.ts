import { BoekingFout, VERKLARING_SESSIE_ID } from '../domain/ambtseed/boeking';
import {
  planAnnulering,
  planBoeking,
  planSessieAnnulering,
  planSessieWijziging,
  planVerzetten,
  type BoekAanvraag,
  type BoekingPlan,
  type BoekingSnapshot,
} from '../domain/ambtseed/boekingsplan';
import type { Dienstverband, Inschrijving, Sessie, Vorm } from '../domain/ambtseed/verplichtingen';
import type { ListName } from '../lists/definitions';
import type { ListItem } from '../lists/schemas';
import type { ListQuery, ListStore, ListTransaction, SequenceSpec } from './list-store';

export { BoekingFout } from '../domain/ambtseed/boeking';

/**
 * Atomic ambtseed booking through the ListStore port ("capacity is never exceeded, also when many people book
 * the last place at the same moment").
 *
 * Every operation runs in ONE `store.atomically(...)`: read a snapshot (the sessions involved and the
 * inschrijvingen of those sessions and of the person), let a pure planner from
 * `shared/src/domain/ambtseed/boekingsplan.ts` decide, and write the plan. New inschrijvingen get their id
 * from the store's counter (`addWithSequence`, prefix `<sessieId>#`, 5 digits), so an id is never handed out
 * twice, also not after a write that failed or still waits for Graph. How the store makes this atomic:
 * SQLite `BEGIN IMMEDIATE` (serialises the bot and tab processes on the file); Graph a per-process lock with
 * reads that see the writes still in the outbox; PostgreSQL its own transaction (docs/decisions.md,
 * "Ambtseed: atomic booking" and "Bookings in Graph mode").
 */
export class AmbtseedBoeking {
  constructor(private readonly store: ListStore) {}

  /** Book a session (place or waitlist). @throws BoekingFout (see planBoeking). */
  boek(aanvraag: BoekAanvraag, now: Date): Promise<BoekingPlan> {
    return this.atomair([aanvraag.sessieId], aanvraag.medewerker, (s) => planBoeking(s, aanvraag, now));
  }

  /** Cancel one inschrijving; the first on the waitlist moves up. @throws BoekingFout. */
  annuleer(inschrijvingId: string, now: Date): Promise<BoekingPlan> {
    return this.atomair([sessieVanId(inschrijvingId)], undefined, (s) => planAnnulering(s, inschrijvingId, now));
  }

  /** Move an inschrijving to another session of the same kind, atomically. @throws BoekingFout. */
  verzet(inschrijvingId: string, nieuweSessieId: string, now: Date): Promise<BoekingPlan> {
    return this.atomair(
      [sessieVanId(inschrijvingId), nieuweSessieId],
      undefined,
      (s) => planVerzetten(s, inschrijvingId, nieuweSessieId, now),
      inschrijvingId,
    );
  }

  /** HR cancels a session: capaciteit 0, all active inschrijvingen geannuleerd (returned to be told). */
  annuleerSessie(sessieId: string): Promise<BoekingPlan> {
    return this.atomair([sessieId], undefined, (s) => planSessieAnnulering(s, sessieId));
  }

  /** HR edits a session; more capacity promotes from the waitlist. @throws BoekingFout. */
  wijzigSessie(sessieId: string, patch: Partial<Omit<Sessie, 'sessieId'>>, now: Date): Promise<BoekingPlan> {
    return this.atomair([sessieId], undefined, (s) => planSessieWijziging(s, sessieId, patch, now));
  }

  /**
   * Read, plan and write in one transaction of the store (see the class comment), under the locks of the
   * sessions involved and of the person whose other bookings the plan checks (`boekingSloten`).
   */
  private async atomair(
    sessieIds: string[],
    medewerker: string | undefined,
    plan: (s: BoekingSnapshot) => BoekingPlan,
    inschrijvingId?: string,
  ): Promise<BoekingPlan> {
    // An inschrijving's person never changes, so it may be read before the transaction (its lock must be named up front).
    const wie = medewerker ?? (inschrijvingId ? (await this.store.get('AmbtseedInschrijvingen', inschrijvingId))?.medewerker : undefined);
    return this.store.atomically(
      async (tx) => {
        const p = plan(await leesSnapshot(tx, sessieIds, wie));
        return schrijfPlan(tx, p);
      },
      { locks: boekingSloten(sessieIds, wie) },
    );
  }
}

/**
 * The locks of a booking transaction (`AtomicallyOptions.locks`): one per session whose capacity and waitlist it
 * decides about, and one for the person whose other bookings it checks ("one active booking per kind of
 * session", planBoeking). Every operation that can add an active booking (book, rebook) names its person; every
 * operation that changes a session's bookings names that session — so any two that could conflict share a lock.
 * Cancellations and HR's session edits only end or promote bookings that already count for that person.
 */
export function boekingSloten(sessieIds: readonly string[], medewerker: string | undefined): string[] {
  return [
    ...sessieIds.map((id) => `ambtseed:sessie:${id}`),
    ...(medewerker ? [`ambtseed:medewerker:${medewerker.trim().toLowerCase()}`] : []),
  ];
}

/** The sessieId part of an inschrijvingId (`<sessieId>#00001`). */
function sessieVanId(inschrijvingId: string): string {
  const i = inschrijvingId.lastIndexOf('#');
  if (i <= 0) throw new BoekingFout('INSCHRIJVING_ONBEKEND', 'Deze inschrijving bestaat niet (meer).');
  return inschrijvingId.slice(0, i);
}

/** The counter of a session's inschrijving ids: `<sessieId>#00001`, seeded from that session's inschrijvingen. */
export function inschrijvingVolgnummer(sessieId: string): SequenceSpec {
  return { column: 'inschrijvingId', prefix: `${sessieId}#`, digits: 5, seed: { where: { sessieId } } };
}

/** Every item of a query inside a transaction, following pages. */
async function allesIn<L extends ListName>(tx: ListTransaction, list: L, query: ListQuery): Promise<ListItem<L>[]> {
  const out: ListItem<L>[] = [];
  let pageToken: string | undefined;
  do {
    const page = await tx.query(list, { ...query, pageSize: 5000, pageToken });
    out.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return out;
}

async function leesSnapshot(tx: ListTransaction, sessieIds: string[], medewerker: string | undefined): Promise<BoekingSnapshot> {
  const eigen = medewerker ? await allesIn(tx, 'AmbtseedInschrijvingen', { where: { medewerker } }) : [];
  const ids = [...new Set([...sessieIds, ...eigen.map((r) => r.sessieId)])];
  const sessies = await allesIn(tx, 'AmbtseedSessies', { where: { sessieId: ids } });
  const rows = new Map<string, Inschrijving>();
  for (const r of await allesIn(tx, 'AmbtseedInschrijvingen', { where: { sessieId: sessieIds } })) rows.set(r.inschrijvingId, r);
  for (const r of eigen) rows.set(r.inschrijvingId, r);
  return { sessies, inschrijvingen: [...rows.values()] };
}

/**
 * Write a plan in the transaction: new inschrijvingen through the session's counter (the id the planner
 * proposed is replaced by the counter's, which is the same unless numbers were used before), then changes.
 * @returns the plan with the ids as written
 */
async function schrijfPlan(tx: ListTransaction, p: BoekingPlan): Promise<BoekingPlan> {
  const ids = new Map<string, string>();
  for (const n of p.nieuw) {
    const { inschrijvingId: voorstel, ...rest } = n;
    const geschreven = await tx.addWithSequence('AmbtseedInschrijvingen', inschrijvingVolgnummer(n.sessieId), (id) => ({
      ...rest,
      inschrijvingId: id,
    }));
    ids.set(voorstel, geschreven.inschrijvingId);
  }
  for (const g of p.gewijzigd) {
    const { inschrijvingId, ...rest } = g;
    await tx.update('AmbtseedInschrijvingen', inschrijvingId, rest);
  }
  if (p.sessie) {
    const { sessieId, ...rest } = p.sessie;
    await tx.update('AmbtseedSessies', sessieId, rest);
  }
  const metId = (i: Inschrijving): Inschrijving => (ids.has(i.inschrijvingId) ? { ...i, inschrijvingId: ids.get(i.inschrijvingId)! } : i);
  return { ...p, nieuw: p.nieuw.map(metId), resultaat: p.resultaat ? metId(p.resultaat) : p.resultaat };
}

/* ---------- Attendance and the integriteitsverklaring (single-row writes, no capacity involved) ---------- */

/**
 * The organiser marks one booking after the session: `afgelegd` (with vorm eed/belofte for an ambtseed;
 * the workshop has no vorm) or `afwezig`. `afgelegdOp` is the session's date (`datum`, YYYY-MM-DD) for
 * afgelegd, null for afwezig. For a workshop marked afgelegd, `NieuweMedewerkers.workshopGevolgdOp` of the
 * person is set too (when they are in that list), which feeds the report's onboarding counts.
 * @throws BoekingFout INSCHRIJVING_ONBEKEND, NIET_ACTIEF (cancelled or waitlisted).
 */
export async function markeerAanwezigheid(
  store: ListStore,
  inschrijvingId: string,
  besluit: { status: 'afgelegd' | 'afwezig'; vorm?: Vorm | null; datum: string },
): Promise<Inschrijving> {
  const oud = await store.get('AmbtseedInschrijvingen', inschrijvingId);
  if (!oud) throw new BoekingFout('INSCHRIJVING_ONBEKEND', 'Deze inschrijving bestaat niet (meer).');
  if (oud.status === 'geannuleerd' || oud.status === 'wachtlijst')
    throw new BoekingFout('NIET_ACTIEF', 'Deze persoon had geen plaats in de bijeenkomst.');
  const sessie = await store.get('AmbtseedSessies', oud.sessieId);
  const ambtseed = sessie?.soort === 'ambtseed';
  const vorm = besluit.status === 'afgelegd' && ambtseed ? (besluit.vorm ?? oud.vorm ?? 'eed') : ambtseed ? oud.vorm : null;
  const nieuw = await store.update('AmbtseedInschrijvingen', inschrijvingId, {
    status: besluit.status,
    vorm,
    afgelegdOp: besluit.status === 'afgelegd' ? besluit.datum : null,
  });
  if (sessie?.soort === 'workshopIntegriteit' && besluit.status === 'afgelegd') {
    const nm = await store.get('NieuweMedewerkers', oud.medewerker);
    if (nm && !nm.workshopGevolgdOp) await store.update('NieuweMedewerkers', oud.medewerker, { workshopGevolgdOp: besluit.datum });
  }
  return nieuw;
}

/**
 * Record a signed integriteitsverklaring (externals, interns, temps) as an inschrijving with
 * `sessieId = "integriteitsverklaring"`, `status = afgelegd`, `vorm = integriteitsverklaring`,
 * `afgelegdOp = datum`. Idempotent: the key is `integriteitsverklaring#<medewerker>`, so signing twice
 * keeps the first record.
 */
export async function legVerklaringVast(
  store: ListStore,
  p: { medewerker: string; dienstverband: Dienstverband; indienstOp: string; datum: string },
): Promise<{ created: boolean; inschrijving: Inschrijving }> {
  const r = await store.add('AmbtseedInschrijvingen', {
    inschrijvingId: `${VERKLARING_SESSIE_ID}#${p.medewerker}`,
    sessieId: VERKLARING_SESSIE_ID,
    medewerker: p.medewerker,
    dienstverband: p.dienstverband,
    indienstOp: p.indienstOp,
    status: 'afgelegd',
    vorm: 'integriteitsverklaring',
    afgelegdOp: p.datum,
  });
  return { created: r.created, inschrijving: r.item };
}
