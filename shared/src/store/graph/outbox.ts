/**
 * The durable outbox of the Graph adapter: with `STORE=graph` every write first lands in the SQLite table
 * `graph_outbox` (in the `INTEGRITEITSPLEIN_DB` file), then a worker drains it to Graph. Rows are deleted
 * only after Graph confirmed the write; permanent failures (400, 403, …) stay as `failed` with the reason.
 *
 * Each row holds the complete item after the write (not a diff), so a resend is idempotent: writing
 * the same fields twice gives the same item, and creation is guarded by the item's key (see worker).
 *
 * Leases: a worker claims rows for `leaseMs`; a row whose lease ran out while it was being sent (crash,
 * kill) is claimed again by the next worker and marked `uncertain`: the write may or may not have reached
 * Graph, so the worker looks the key up before it creates anything.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from '../database';
import type { AnyListItem } from '../../lists/schemas';

/** `insert`: create when the key does not exist, else nothing. `upsert`: create or overwrite the fields. */
export type OutboxMode = 'insert' | 'upsert';

/** One row of `graph_outbox`. `fields` is the canonical item (JSON in the table). */
export interface OutboxEntry {
  seq: number;
  list: string;
  key: string;
  mode: OutboxMode;
  fields: AnyListItem;
  state: 'pending' | 'failed';
  attempts: number;
  uncertain: boolean;
  lastStatus: number | null;
  lastError: string | null;
}

interface Row {
  seq: number;
  list: string;
  item_key: string;
  mode: OutboxMode;
  fields: string;
  state: 'pending' | 'failed';
  attempts: number;
  uncertain: number;
  lease_owner: string | null;
  lease_until: number | null;
  last_status: number | null;
  last_error: string | null;
}

const toEntry = (r: Row): OutboxEntry => ({
  seq: r.seq,
  list: r.list,
  key: r.item_key,
  mode: r.mode,
  fields: JSON.parse(r.fields) as AnyListItem,
  state: r.state,
  attempts: r.attempts,
  uncertain: r.uncertain === 1,
  lastStatus: r.last_status,
  lastError: r.last_error,
});

/** A value now (SQLite, synchronous) or later (PostgreSQL). */
export type Awaitable<T> = T | Promise<T>;

/**
 * The outbox port: what the drain (`OutboxWorker`, `OutboxDrainer`) and `lists sync` need of a `graph_outbox`
 * table, whichever database holds it. Two implementations: `GraphOutbox` (SQLite, the Graph store's local outbox,
 * synchronous) and `PgOutbox` (PostgreSQL, the SharePoint mirror of `STORE=postgres`, shared by every instance:
 * `FOR UPDATE SKIP LOCKED` claims with leases). The semantics of each method are those documented on
 * `GraphOutbox`; times are milliseconds.
 */
export interface OutboxQueue {
  /** Rows per state. */
  counts(): Awaitable<{ pending: number; failed: number }>;
  /** Permanently failed rows, oldest first. */
  failed(): Awaitable<OutboxEntry[]>;
  /** Claim up to `limit` pending rows for `owner` for `leaseMs`, grouped per key (order kept per key). */
  claim(owner: string, limit: number, leaseMs: number): Awaitable<OutboxEntry[][]>;
  /** Graph confirmed the rows: delete them (and earlier failed rows of the same keys). */
  done(seqs: readonly number[]): Awaitable<void>;
  /** A transient failure: release, count the attempt, remember an unknown outcome. */
  retryLater(seqs: readonly number[], status: number, error: string, uncertain: boolean): Awaitable<void>;
  /** The keys were looked up: the outcome of earlier sends is known now. */
  resolved(seqs: readonly number[]): Awaitable<void>;
  /** A permanent failure: keep the rows as `failed` with the reason. */
  fail(seqs: readonly number[], status: number, error: string): Awaitable<void>;
  /** Release `owner`'s leases (clean shutdown); the rows become uncertain. */
  release(owner: string): Awaitable<void>;
  /** Put failed rows back in the queue. @returns how many */
  requeueFailed(): Awaitable<number>;
}

/** Access to the `graph_outbox` table in SQLite. All methods are synchronous (better-sqlite3) and transactional. */
export class GraphOutbox implements OutboxQueue {
  private readonly statements = new Map<string, BetterSqlite3.Statement<unknown[]>>();

  /** A prepared statement, prepared once per SQL text. */
  private sql(text: string): BetterSqlite3.Statement<unknown[]> {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  /** @param db a handle on which the local tables are migrated (`LokaleStaat.db`; the table is created there, migraties.ts). */
  constructor(
    readonly db: SqliteDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Append writes durably, in one transaction. An `insert` for a key that already has a pending insert
   * is skipped (idempotent enqueue).
   * @returns how many rows were added
   */
  enqueue(writes: readonly { list: string; key: string; mode: OutboxMode; fields: AnyListItem }[]): number {
    const t = this.now();
    const exists = this.sql("SELECT 1 FROM graph_outbox WHERE list = ? AND item_key = ? AND mode = 'insert' AND state = 'pending' LIMIT 1");
    const insert = this.sql('INSERT INTO graph_outbox (list, item_key, mode, fields, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    let added = 0;
    this.db.transaction(() => {
      for (const w of writes) {
        if (w.mode === 'insert' && exists.get(w.list, w.key)) continue;
        insert.run(w.list, w.key, w.mode, JSON.stringify(w.fields), t, t);
        added++;
      }
    })();
    return added;
  }

  /** The newest pending entry for a key (what Graph will hold once drained), or undefined. */
  latestPending(list: string, key: string): OutboxEntry | undefined {
    const r = this.sql("SELECT * FROM graph_outbox WHERE list = ? AND item_key = ? AND state = 'pending' ORDER BY seq DESC LIMIT 1").get(
      list,
      key,
    ) as Row | undefined;
    return r ? toEntry(r) : undefined;
  }

  /**
   * The newest pending fields of every key of `list` that has a pending write (what Graph will hold once
   * drained), for reads that must see this process's own writes.
   */
  pendingByKey(list: string): Map<string, AnyListItem> {
    const rows = this.sql("SELECT item_key, fields FROM graph_outbox WHERE list = ? AND state = 'pending' ORDER BY seq").all(list) as {
      item_key: string;
      fields: string;
    }[];
    const out = new Map<string, AnyListItem>();
    for (const r of rows) out.set(r.item_key, JSON.parse(r.fields) as AnyListItem);
    return out;
  }

  /**
   * Where the writes of one key stand: `pending` while any waits, else `failed` (status and reason of the newest
   * failed row) when one was refused for good, else undefined (nothing in the outbox: written).
   */
  statusOf(list: string, key: string): { state: 'pending' } | { state: 'failed'; status: number | null; reason: string } | undefined {
    const r = this.sql(
      "SELECT state, last_status, last_error FROM graph_outbox WHERE list = ? AND item_key = ? ORDER BY (state = 'pending') DESC, seq DESC LIMIT 1",
    ).get(list, key) as { state: 'pending' | 'failed'; last_status: number | null; last_error: string | null } | undefined;
    if (!r) return undefined;
    if (r.state === 'pending') return { state: 'pending' };
    return { state: 'failed', status: r.last_status, reason: r.last_error ?? `HTTP ${r.last_status ?? '?'}` };
  }

  /** Counts by state. */
  counts(): { pending: number; failed: number } {
    const rows = this.sql('SELECT state, COUNT(*) AS n FROM graph_outbox GROUP BY state').all() as { state: string; n: number }[];
    const get = (s: string) => rows.find((r) => r.state === s)?.n ?? 0;
    return { pending: get('pending'), failed: get('failed') };
  }

  /** Permanently failed entries, oldest first. */
  failed(): OutboxEntry[] {
    return (this.sql("SELECT * FROM graph_outbox WHERE state = 'failed' ORDER BY seq").all() as Row[]).map(toEntry);
  }

  /**
   * Claim up to `limit` pending rows for `owner` for `leaseMs`, oldest first, at most the oldest run of
   * rows per key whose earlier rows are all claimed here too (so writes to one key keep their order,
   * across processes). Rows whose previous lease ran out are marked uncertain.
   * @returns the claimed entries grouped per (list, key), in seq order within a group
   */
  claim(owner: string, limit: number, leaseMs: number): OutboxEntry[][] {
    const t = this.now();
    return this.db.transaction(() => {
      const rows = this.sql(
        "SELECT * FROM graph_outbox WHERE state = 'pending' AND (lease_until IS NULL OR lease_until < ?) ORDER BY seq LIMIT ?",
      ).all(t, limit) as Row[];
      if (rows.length === 0) return [];
      const earlierBusy = this.sql(
        "SELECT 1 FROM graph_outbox WHERE list = ? AND item_key = ? AND seq < ? AND state = 'pending' AND lease_until IS NOT NULL AND lease_until >= ? LIMIT 1",
      );
      const groups = new Map<string, Row[]>();
      for (const r of rows) {
        const g = `${r.list}\u0000${r.item_key}`;
        if (!groups.has(g)) {
          if (earlierBusy.get(r.list, r.item_key, r.seq, t)) continue; // another worker is sending this key
          groups.set(g, []);
        }
        groups.get(g)!.push(r);
      }
      const lease = this.sql(
        'UPDATE graph_outbox SET lease_owner = ?, lease_until = ?, uncertain = CASE WHEN lease_owner IS NOT NULL THEN 1 ELSE uncertain END, updated_at = ? WHERE seq = ?',
      );
      const out: OutboxEntry[][] = [];
      for (const g of groups.values()) {
        for (const r of g) {
          lease.run(owner, t + leaseMs, t, r.seq);
          if (r.lease_owner !== null) r.uncertain = 1;
        }
        out.push(g.map(toEntry));
      }
      return out;
    })();
  }

  /**
   * Graph confirmed the write: delete the rows, and the failed rows of the same keys that came before them (a later
   * write of the whole item that Graph accepted supersedes an earlier refusal; `statusOf` then says written).
   */
  done(seqs: readonly number[]): void {
    const rij = this.sql('SELECT list, item_key FROM graph_outbox WHERE seq = ?');
    const del = this.sql('DELETE FROM graph_outbox WHERE seq = ?');
    const vervangen = this.sql("DELETE FROM graph_outbox WHERE list = ? AND item_key = ? AND state = 'failed' AND seq < ?");
    this.db.transaction(() =>
      seqs.forEach((s) => {
        const r = rij.get(s) as { list: string; item_key: string } | undefined;
        del.run(s);
        if (r) vervangen.run(r.list, r.item_key, s);
      }),
    )();
  }

  /** A transient failure: release the lease, count the attempt, remember whether the outcome is unknown. */
  retryLater(seqs: readonly number[], status: number, error: string, uncertain: boolean): void {
    const t = this.now();
    const upd = this.sql(
      'UPDATE graph_outbox SET lease_owner = NULL, lease_until = NULL, attempts = attempts + 1, uncertain = CASE WHEN ? THEN 1 ELSE uncertain END, last_status = ?, last_error = ?, updated_at = ? WHERE seq = ?',
    );
    this.db.transaction(() => seqs.forEach((s) => upd.run(uncertain ? 1 : 0, status, error, t, s)))();
  }

  /** The key was looked up in Graph: the outcome of earlier sends is known now. */
  resolved(seqs: readonly number[]): void {
    const upd = this.sql('UPDATE graph_outbox SET uncertain = 0 WHERE seq = ?');
    this.db.transaction(() => seqs.forEach((s) => upd.run(s)))();
  }

  /** A permanent failure (400, 403, …): keep the rows as `failed` with the reason, never drop them. */
  fail(seqs: readonly number[], status: number, error: string): void {
    const t = this.now();
    const upd = this.sql(
      "UPDATE graph_outbox SET state = 'failed', lease_owner = NULL, lease_until = NULL, attempts = attempts + 1, last_status = ?, last_error = ?, updated_at = ? WHERE seq = ?",
    );
    this.db.transaction(() => seqs.forEach((s) => upd.run(status, error, t, s)))();
  }

  /**
   * Release this owner's leases (clean shutdown): its rows can be claimed at once by the next worker. They
   * may have been sent, so they are marked uncertain.
   */
  release(owner: string): void {
    this.sql('UPDATE graph_outbox SET lease_owner = NULL, lease_until = NULL, uncertain = 1 WHERE lease_owner = ?').run(owner);
  }

  /** Put failed rows back in the queue (after the cause was fixed, e.g. a missing column provisioned). */
  requeueFailed(): number {
    return this.sql("UPDATE graph_outbox SET state = 'pending', lease_owner = NULL, lease_until = NULL WHERE state = 'failed'").run()
      .changes;
  }
}
