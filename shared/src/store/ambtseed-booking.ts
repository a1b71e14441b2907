import { itemSchema, formatIssues } from '../lists/schemas';
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
import type { Dienstverband, Inschrijving, NieuweMedewerker, Sessie } from '../domain/ambtseed/verplichtingen';
import { InvalidItemError, queryAll, type ListStore } from './list-store';
import { SqliteListStore } from './sqlite-list-store';
import type { SqliteDatabase } from './database';

export { BoekingFout } from '../domain/ambtseed/boeking';

/**
 * Atomic ambtseed booking against a ListStore (issue 5: "capacity is never exceeded, also when many
 * people book the last place at the same moment").
 *
 * Every operation reads a snapshot (the sessions involved and the inschrijvingen of those sessions and of
 * the person), lets a pure planner from `shared/src/domain/ambtseed/boekingsplan.ts` decide, and applies
 * the plan:
 * - **SqliteListStore**: read, plan and write run synchronously inside ONE `BEGIN IMMEDIATE` transaction
 *   on `store.db` (better-sqlite3 `transaction().immediate()`), writing the same `list_<Name>` rows the
 *   store writes. SQLite serialises writers across connections and processes (the bot and the tab share
 *   the file in WAL mode), so two bookings of the last place can never both see it free.
 * - **any other store** (GraphListStore): the operations of one process are serialised by a per-store
 *   lock (a promise chain). That is correct for one bot instance, which is how the bot is deployed
 *   (one App Service instance). For several instances, Graph mode would need a per-session lock item in
 *   SharePoint updated with `If-Match: <eTag>` (optimistic concurrency, retry on 412) before writing; see
 *   docs/decisions.md ("Ambtseed: atomic booking").
 */
export class AmbtseedBoeking {
  private readonly db?: SqliteDatabase;
  private keten: Promise<unknown> = Promise.resolve();

  /** How this instance makes operations atomic (see the class comment). */
  readonly modus: 'sqlite-transactie' | 'slot';

  constructor(private readonly store: ListStore) {
    if (store instanceof SqliteListStore) this.db = store.db;
    this.modus = this.db ? 'sqlite-transactie' : 'slot';
  }

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
    return this.atomair([sessieVanId(inschrijvingId), nieuweSessieId], undefined, (s) => planVerzetten(s, inschrijvingId, nieuweSessieId, now), inschrijvingId);
  }

  /** HR cancels a session: capaciteit 0, all active inschrijvingen geannuleerd (returned to be told). */
  annuleerSessie(sessieId: string): Promise<BoekingPlan> {
    return this.atomair([sessieId], undefined, (s) => planSessieAnnulering(s, sessieId));
  }

  /** HR edits a session; more capacity promotes from the waitlist. @throws BoekingFout. */
  wijzigSessie(sessieId: string, patch: Partial<Omit<Sessie, 'sessieId'>>, now: Date): Promise<BoekingPlan> {
    return this.atomair([sessieId], undefined, (s) => planSessieWijziging(s, sessieId, patch, now));
  }

  /** Run read-plan-write atomically (see the class comment). */
  private atomair(sessieIds: string[], medewerker: string | undefined, plan: (s: BoekingSnapshot) => BoekingPlan, inschrijvingId?: string): Promise<BoekingPlan> {
    if (this.db) {
      const db = this.db;
      try {
        const result = db.transaction(() => {
          const snapshot = leesSqlite(db, sessieIds, medewerker ?? (inschrijvingId ? medewerkerVanSqlite(db, inschrijvingId) : undefined));
          const p = plan(snapshot);
          schrijfSqlite(db, p);
          return p;
        }).immediate();
        return Promise.resolve(result);
      } catch (err) {
        return Promise.reject(err);
      }
    }
    const run = this.keten.then(async () => {
      const snapshot = await leesStore(this.store, sessieIds, medewerker);
      const p = plan(snapshot);
      await schrijfStore(this.store, p);
      return p;
    });
    this.keten = run.catch(() => undefined);
    return run;
  }
}

/** The sessieId part of an inschrijvingId (`<sessieId>#00001`). */
function sessieVanId(inschrijvingId: string): string {
  const i = inschrijvingId.lastIndexOf('#');
  if (i <= 0) throw new BoekingFout('INSCHRIJVING_ONBEKEND', 'Deze inschrijving bestaat niet (meer).');
  return inschrijvingId.slice(0, i);
}

/* ---------- SQLite: synchronous reads and writes on the list tables inside the transaction ---------- */

const T_SESSIES = '"list_AmbtseedSessies"';
const T_INSCHR = '"list_AmbtseedInschrijvingen"';
const INSCHR_COLS = ['inschrijvingId', 'sessieId', 'medewerker', 'dienstverband', 'indienstOp', 'status', 'vorm', 'afgelegdOp'] as const;
const SESSIE_COLS = ['sessieId', 'start', 'eind', 'soort', 'locatie', 'online', 'afnemer', 'capaciteit'] as const;

/** Prepared statements per database and SQL text (preparing costs more than running these small queries). */
type Stmt = import('better-sqlite3').Statement<unknown[]>;
const statements = new WeakMap<SqliteDatabase, Map<string, Stmt>>();
function prep(db: SqliteDatabase, sql: string): Stmt {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare<unknown[]>(sql)));
  return st;
}

function sessieUitRij(r: Record<string, unknown>): Sessie {
  return { sessieId: r.sessieId, start: r.start, eind: r.eind, soort: r.soort, locatie: r.locatie ?? null, online: r.online === 1, afnemer: r.afnemer, capaciteit: r.capaciteit } as Sessie;
}
function inschrijvingUitRij(r: Record<string, unknown>): Inschrijving {
  const o: Record<string, unknown> = {};
  for (const c of INSCHR_COLS) o[c] = r[c] ?? null;
  return o as unknown as Inschrijving;
}

function medewerkerVanSqlite(db: SqliteDatabase, inschrijvingId: string): string | undefined {
  const r = prep(db, `SELECT medewerker FROM ${T_INSCHR} WHERE _key = ?`).get(inschrijvingId) as { medewerker: string } | undefined;
  return r?.medewerker;
}

function leesSqlite(db: SqliteDatabase, sessieIds: string[], medewerker: string | undefined): BoekingSnapshot {
  const eigen = medewerker ? (prep(db, `SELECT * FROM ${T_INSCHR} WHERE medewerker = ?`).all(medewerker) as Record<string, unknown>[]) : [];
  const ids = [...new Set([...sessieIds, ...eigen.map((r) => String(r.sessieId))])];
  const marks = ids.map(() => '?').join(',');
  const sessies = (prep(db, `SELECT * FROM ${T_SESSIES} WHERE sessieId IN (${marks})`).all(...ids) as Record<string, unknown>[]).map(sessieUitRij);
  const rows = new Map<string, Record<string, unknown>>();
  for (const r of prep(db, `SELECT * FROM ${T_INSCHR} WHERE sessieId IN (${sessieIds.map(() => '?').join(',')})`).all(...sessieIds) as Record<string, unknown>[]) rows.set(String(r._key), r);
  for (const r of eigen) rows.set(String(r._key), r);
  return { sessies, inschrijvingen: [...rows.values()].map(inschrijvingUitRij) };
}

function valideer<T>(list: 'AmbtseedInschrijvingen' | 'AmbtseedSessies', item: T): T {
  const r = itemSchema(list).safeParse(item);
  if (!r.success) throw new InvalidItemError(list, formatIssues(r.error));
  return r.data as T;
}

function schrijfSqlite(db: SqliteDatabase, p: BoekingPlan): void {
  const insert = prep(db, `INSERT INTO ${T_INSCHR} (_key, ${INSCHR_COLS.map((c) => `"${c}"`).join(', ')}) VALUES (?, ${INSCHR_COLS.map(() => '?').join(', ')})`);
  const update = prep(db, `UPDATE ${T_INSCHR} SET ${INSCHR_COLS.filter((c) => c !== 'inschrijvingId').map((c) => `"${c}" = ?`).join(', ')} WHERE _key = ?`);
  for (const n of p.nieuw) {
    const v = valideer('AmbtseedInschrijvingen', n);
    insert.run(v.inschrijvingId, ...INSCHR_COLS.map((c) => v[c] ?? null));
  }
  for (const g of p.gewijzigd) {
    const v = valideer('AmbtseedInschrijvingen', g);
    update.run(...INSCHR_COLS.filter((c) => c !== 'inschrijvingId').map((c) => v[c] ?? null), v.inschrijvingId);
  }
  if (p.sessie) {
    const v = valideer('AmbtseedSessies', p.sessie);
    prep(db, `UPDATE ${T_SESSIES} SET ${SESSIE_COLS.filter((c) => c !== 'sessieId').map((c) => `"${c}" = ?`).join(', ')} WHERE _key = ?`).run(
      ...SESSIE_COLS.filter((c) => c !== 'sessieId').map((c) => (c === 'online' ? (v.online ? 1 : 0) : (v[c] ?? null))),
      v.sessieId,
    );
  }
}

/* ---------- Any ListStore: the same through the port, serialised by the per-instance lock ---------- */

async function leesStore(store: ListStore, sessieIds: string[], medewerker: string | undefined): Promise<BoekingSnapshot> {
  const eigen = medewerker ? ((await queryAll(store, 'AmbtseedInschrijvingen', { where: { medewerker } })) as unknown as Inschrijving[]) : [];
  const ids = [...new Set([...sessieIds, ...eigen.map((r) => r.sessieId)])];
  const sessies = (await queryAll(store, 'AmbtseedSessies', { where: { sessieId: ids } })) as unknown as Sessie[];
  const rows = new Map<string, Inschrijving>();
  for (const r of (await queryAll(store, 'AmbtseedInschrijvingen', { where: { sessieId: sessieIds } })) as unknown as Inschrijving[]) rows.set(r.inschrijvingId, r);
  for (const r of eigen) rows.set(r.inschrijvingId, r);
  return { sessies, inschrijvingen: [...rows.values()] };
}

async function schrijfStore(store: ListStore, p: BoekingPlan): Promise<void> {
  for (const n of p.nieuw) await store.add('AmbtseedInschrijvingen', n);
  for (const g of p.gewijzigd) {
    const { inschrijvingId, ...rest } = g;
    await store.update('AmbtseedInschrijvingen', inschrijvingId, rest);
  }
  if (p.sessie) {
    const { sessieId, ...rest } = p.sessie;
    await store.update('AmbtseedSessies', sessieId, rest);
  }
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
  besluit: { status: 'afgelegd' | 'afwezig'; vorm?: 'eed' | 'belofte' | null; datum: string },
): Promise<Inschrijving> {
  const oud = (await store.get('AmbtseedInschrijvingen', inschrijvingId)) as unknown as Inschrijving | undefined;
  if (!oud) throw new BoekingFout('INSCHRIJVING_ONBEKEND', 'Deze inschrijving bestaat niet (meer).');
  if (oud.status === 'geannuleerd' || oud.status === 'wachtlijst') throw new BoekingFout('NIET_ACTIEF', 'Deze persoon had geen plaats in de bijeenkomst.');
  const sessie = (await store.get('AmbtseedSessies', oud.sessieId)) as unknown as Sessie | undefined;
  const ambtseed = sessie?.soort === 'ambtseed';
  const vorm = besluit.status === 'afgelegd' && ambtseed ? (besluit.vorm ?? oud.vorm ?? 'eed') : ambtseed ? oud.vorm : null;
  const nieuw = (await store.update('AmbtseedInschrijvingen', inschrijvingId, {
    status: besluit.status,
    vorm,
    afgelegdOp: besluit.status === 'afgelegd' ? besluit.datum : null,
  })) as unknown as Inschrijving;
  if (sessie?.soort === 'workshopIntegriteit' && besluit.status === 'afgelegd') {
    const nm = (await store.get('NieuweMedewerkers', oud.medewerker)) as unknown as NieuweMedewerker | undefined;
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
  return { created: r.created, inschrijving: r.item as unknown as Inschrijving };
}
