import type Database from 'better-sqlite3';
import { databasePathFromEnv, openDatabase, type SqliteDatabase } from './database';
import { migreerLokaleStaat } from './migraties';

/** What the shared part of the local state needs of PostgreSQL (a node-postgres `Pool` on the migrated schema). */
export type GedeeldeDatabase = { query(text: string, values?: unknown[]): Promise<{ rowCount: number | null; rows: unknown[] }> };

/** A value bound to a `?` of {@link LokaleStaat.alle} and friends. */
export type StaatWaarde = string | number | bigint | Buffer | null;

/**
 * What a claim of a turn found (`LokaleStaat.claimBeurt`):
 * - `nieuw`: nobody has it (or an earlier claim's lease expired): run the turn, then `beurtKlaar`;
 * - `bezig`: another delivery holds a live lease, for `nogMs` more ms unless renewed (the turn is running somewhere);
 * - `klaar`: a delivery finished the turn within the redelivery window: ignore this one.
 */
export type BeurtClaim = { soort: 'nieuw' } | { soort: 'bezig'; nogMs: number } | { soort: 'klaar' };

/** A prepared statement with positional parameters. */
type SqliteStatement = Database.Statement<unknown[]>;

/** `?` placeholders → PostgreSQL's `$1, $2, …` (our statements have no `?` inside string literals). */
function pgPlaatsen(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * The local state of one process: the SQLite file `INTEGRITEITSPLEIN_DB` (default `data/integriteitsplein.db`)
 * opened ONCE, with every local table migrated (shared/src/store/migraties.ts). The host opens it at start-up
 * and hands it to everything that keeps local state (the store's outbox and counters, proactive messaging,
 * intake, jobs, the tab's vote guard); nothing else opens the file. With `STORE=sqlite` the list store uses
 * the same handle, so one process holds one connection (WAL mode lets the bot and tab processes share the file).
 */
export class LokaleStaat {
  private gesloten = false;
  /** With STORE=postgres: where the state all instances must share lives (see `deelViaPostgres`). */
  private gedeeld?: GedeeldeDatabase;
  /** Prepared SQLite statements of `alle`/`een`/`voerUit`, by SQL text. */
  private readonly statements = new Map<string, SqliteStatement>();
  /** When expired turn claims were last removed (ms since the epoch). */
  private opgeruimdOp = 0;

  private constructor(
    /** The one better-sqlite3 handle. Modules keep their own SQL on their own tables, never DDL. */
    readonly db: SqliteDatabase,
    /** The file path (or `:memory:`). */
    readonly pad: string,
  ) {}

  /**
   * Open (and create) `file` and migrate every local table. `:memory:` gives a private in-memory state (tests).
   * @throws Error (Dutch) when the folder cannot be created or the file is not a SQLite database.
   */
  static open(file: string): LokaleStaat {
    const db = openDatabase(file);
    migreerLokaleStaat(db);
    return new LokaleStaat(db, file);
  }

  /**
   * A state around a handle that is already open (the embedded store's, `SqliteListStore.db`), migrated here
   * (idempotent). Closing it closes that handle.
   */
  static rondHandle(db: SqliteDatabase): LokaleStaat {
    migreerLokaleStaat(db);
    return new LokaleStaat(db, db.name);
  }

  /** The state in `INTEGRITEITSPLEIN_DB` (default `data/integriteitsplein.db`). @throws as {@link LokaleStaat.open}. */
  static uitEnv(env: NodeJS.ProcessEnv = process.env): LokaleStaat {
    return LokaleStaat.open(databasePathFromEnv(env));
  }

  /**
   * Run `fn` in one `BEGIN IMMEDIATE` transaction (the write lock is taken at once, so two processes on the
   * file are serialised; the 5 s busy timeout makes the other wait). `fn` is synchronous.
   * @returns what `fn` returns; @throws what `fn` throws (after rolling back).
   */
  transactie<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /**
   * True the first time `sleutel` of `soort` is seen within `ttlMs` (ms), false for a repeat before it expires;
   * survives a restart (table `lokaal_eenmalig`). Expired keys are removed as a side effect. Used for Teams'
   * redelivered activities (same activity id within minutes). Async so that a PostgreSQL-backed state can
   * implement the same method.
   * @param nu the current time in ms since the epoch (injectable for tests)
   */
  async eersteKeer(soort: string, sleutel: string, ttlMs: number, nu: number = Date.now()): Promise<boolean> {
    if (this.gedeeld) {
      // One statement, atomic across instances: a new key is inserted; an expired one is taken over; a live one is left.
      await this.gedeeld.query('DELETE FROM lokaal_eenmalig WHERE verloopt <= $1', [nu]);
      const r = await this.gedeeld.query(
        `INSERT INTO lokaal_eenmalig (soort, sleutel, verloopt) VALUES ($1, $2, $3)
         ON CONFLICT (soort, sleutel) DO UPDATE SET verloopt = EXCLUDED.verloopt WHERE lokaal_eenmalig.verloopt <= $4`,
        [soort, sleutel, nu + ttlMs, nu],
      );
      return r.rowCount === 1;
    }
    return this.transactie(() => {
      this.db.prepare('DELETE FROM lokaal_eenmalig WHERE verloopt <= ?').run(nu);
      return (
        this.db.prepare('INSERT OR IGNORE INTO lokaal_eenmalig (soort, sleutel, verloopt) VALUES (?, ?, ?)').run(soort, sleutel, nu + ttlMs)
          .changes === 1
      );
    });
  }

  /**
   * The rows of one statement on the state every instance shares: the SQLite file, or PostgreSQL after
   * `deelViaPostgres`. Placeholders are `?`; write SQL both dialects accept (`INSERT … ON CONFLICT … DO
   * NOTHING/UPDATE … excluded.col`, no `INSERT OR IGNORE`). The PostgreSQL tables mirror the SQLite ones column
   * for column (migration `lokale-staat` in shared/src/store/postgres/migrations.ts: ISO text timestamps, 0/1
   * integers), so rows come back in the same shapes. Used by the modules that own those tables (proactive
   * messaging, intake state, the vote guard).
   * @throws the database error (SQLite's, or PostgreSQL's when the database cannot be reached).
   */
  async alle<T>(sql: string, waarden: readonly StaatWaarde[] = []): Promise<T[]> {
    if (this.gedeeld) return (await this.gedeeld.query(pgPlaatsen(sql), [...waarden])).rows as T[];
    return this.statement(sql).all(...waarden) as T[];
  }

  /** The first row of `sql`, or undefined (see {@link LokaleStaat.alle}). */
  async een<T>(sql: string, waarden: readonly StaatWaarde[] = []): Promise<T | undefined> {
    return (await this.alle<T>(sql, waarden))[0];
  }

  /** Run a write (see {@link LokaleStaat.alle}). @returns how many rows it inserted, changed or deleted. */
  async voerUit(sql: string, waarden: readonly StaatWaarde[] = []): Promise<number> {
    if (this.gedeeld) return (await this.gedeeld.query(pgPlaatsen(sql), [...waarden])).rowCount ?? 0;
    return this.statement(sql).run(...waarden).changes;
  }

  private statement(sql: string): SqliteStatement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare<unknown[]>(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  /**
   * Claim the turn `sleutel` (Teams: `<conversation id>|<activity id>`) for a lease of `leaseMs` ms. The lease
   * says "a delivery is running this turn"; the claimer renews it while the turn runs (`verlengBeurt`) and marks
   * it done at the end (`beurtKlaar`, kept for the redelivery window) or gives it back when the turn could not
   * run (`beurtVrijgeven`). A redelivery meets `bezig` while the first delivery lives, `klaar` once it finished,
   * and `nieuw` when the claimer died mid-turn and its lease expired — so a turn is never run twice at once and
   * never lost with an instance. One statement, atomic across instances (table `lokaal_beurten`).
   * @param nu the current time in ms since the epoch (injectable for tests)
   */
  async claimBeurt(sleutel: string, leaseMs: number, nu: number = Date.now()): Promise<BeurtClaim> {
    if (nu - this.opgeruimdOp > 60_000) {
      this.opgeruimdOp = nu;
      await this.voerUit('DELETE FROM lokaal_beurten WHERE verloopt <= ?', [nu]);
    }
    for (let poging = 0; poging < 3; poging++) {
      const nieuw = await this.voerUit(
        `INSERT INTO lokaal_beurten (sleutel, klaar, verloopt) VALUES (?, 0, ?)
         ON CONFLICT (sleutel) DO UPDATE SET klaar = 0, verloopt = excluded.verloopt WHERE lokaal_beurten.verloopt <= ?`,
        [sleutel, nu + leaseMs, nu],
      );
      if (nieuw === 1) return { soort: 'nieuw' };
      const rij = await this.een<{ klaar: number; verloopt: number | string }>(
        'SELECT klaar, verloopt FROM lokaal_beurten WHERE sleutel = ?',
        [sleutel],
      );
      if (rij) return Number(rij.klaar) === 1 ? { soort: 'klaar' } : { soort: 'bezig', nogMs: Math.max(0, Number(rij.verloopt) - nu) };
      // Removed between the two statements (expired): claim again.
    }
    return { soort: 'bezig', nogMs: leaseMs };
  }

  /** Renew the lease of a running turn to `leaseMs` ms from `nu` (only while it is not done). */
  async verlengBeurt(sleutel: string, leaseMs: number, nu: number = Date.now()): Promise<void> {
    await this.voerUit('UPDATE lokaal_beurten SET verloopt = ? WHERE sleutel = ? AND klaar = 0', [nu + leaseMs, sleutel]);
  }

  /** The turn is done: redeliveries within `bewaarMs` ms are ignored (`klaar`). */
  async beurtKlaar(sleutel: string, bewaarMs: number, nu: number = Date.now()): Promise<void> {
    await this.voerUit(
      `INSERT INTO lokaal_beurten (sleutel, klaar, verloopt) VALUES (?, 1, ?)
       ON CONFLICT (sleutel) DO UPDATE SET klaar = 1, verloopt = excluded.verloopt`,
      [sleutel, nu + bewaarMs],
    );
  }

  /** Give a claimed turn back (it could not run: the next delivery runs it at once). */
  async beurtVrijgeven(sleutel: string): Promise<void> {
    await this.voerUit('DELETE FROM lokaal_beurten WHERE sleutel = ? AND klaar = 0', [sleutel]);
  }

  /** Forget `sleutel` of `soort` (a turn that failed before doing anything may be retried). */
  async vergeet(soort: string, sleutel: string): Promise<void> {
    if (this.gedeeld) {
      await this.gedeeld.query('DELETE FROM lokaal_eenmalig WHERE soort = $1 AND sleutel = $2', [soort, sleutel]);
      return;
    }
    this.db.prepare('DELETE FROM lokaal_eenmalig WHERE soort = ? AND sleutel = ?').run(soort, sleutel);
  }

  /**
   * With `STORE=postgres` (several instances on one database): keep the state every instance must see in
   * PostgreSQL instead of this process's file — the keys seen once (`eersteKeer`/`vergeet`), the turn leases
   * (`claimBeurt` …: a Teams redelivery that reaches another instance is recognised) and every table reached
   * through `alle`/`een`/`voerUit` (conversation references, proactive sent keys, intake state, the vote guard,
   * HR's dilemma choices, the ambtseed calendar event ids). The tables come from the PostgreSQL migrations
   * (shared/src/store/postgres/migrations.ts). What stays in the file: tables of modules that only run with other
   * stores (the Graph outbox, the in-process scheduler's job runs, the Graph store's pending bookings). `createListStore` switches it on for `STORE=postgres`.
   * @param db the PgListStore's pool (its schema migrated); the caller keeps owning and closing it.
   */
  deelViaPostgres(db: GedeeldeDatabase): void {
    this.gedeeld = db;
  }

  /** True when the shared part lives in PostgreSQL (`deelViaPostgres`). */
  get deeltViaPostgres(): boolean {
    return this.gedeeld !== undefined;
  }

  /** True once closed. */
  get isGesloten(): boolean {
    return this.gesloten || !this.db.open;
  }

  /** Close the handle (idempotent). */
  close(): void {
    if (this.gesloten) return;
    this.gesloten = true;
    if (this.db.open) this.db.close();
  }
}
