import { databasePathFromEnv, openDatabase, type SqliteDatabase } from './database';
import { migreerLokaleStaat } from './migraties';

/** What the shared part of the local state needs of PostgreSQL (a node-postgres `Pool` on the migrated schema). */
export type GedeeldeDatabase = { query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }> };

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
   * PostgreSQL instead of this process's file — so far the keys seen once (`eersteKeer`/`vergeet`: a Teams
   * redelivery that reaches another instance is still recognised). The table comes from the PostgreSQL
   * migrations (shared/src/store/postgres/migrations.ts). The rest of the local state stays in the file.
   * Not switched on by server.ts yet: the bot claims an activity's key at the start of its turn, so with a shared
   * key the redelivery of a turn whose instance died mid-turn would be ignored on the next instance (docs/decisions.md).
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
