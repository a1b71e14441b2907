/**
 * The outbox of the SharePoint mirror with `STORE=postgres`: the table `graph_outbox` in PostgreSQL (migration 4),
 * the PostgreSQL implementation of the outbox port (`OutboxQueue`, shared/src/store/graph/outbox.ts) that the
 * Graph worker and drainer already drain for the SQLite outbox.
 *
 * - Rows are appended by `enqueueOn` inside the list write's own transaction (`PgListStore`'s mirror hook), so a
 *   list row and its mirror row are committed together or not at all: nothing is lost when the process dies.
 * - Any instance drains: `claim` locks candidate rows with `FOR UPDATE SKIP LOCKED` (two instances never claim the
 *   same row) and leases them on the database clock (`clock_timestamp()`, so instances' clocks do not matter). A
 *   row whose lease ran out (a killed instance) is claimed again and marked `uncertain`: the worker looks its key
 *   up in SharePoint before creating anything, so a resend never duplicates.
 * - Writes to one key keep their order across instances: a row is claimed only when no earlier pending row of its
 *   key is held elsewhere (leased, or locked by a concurrent claim).
 *
 * Semantics per method are those of the SQLite `GraphOutbox`; times are milliseconds.
 */
import type pg from 'pg';
import type { AnyListItem } from '../../lists/schemas';
import type { OutboxEntry, OutboxMode, OutboxQueue } from '../graph/outbox';
import { inTransaction, type PgTx } from './connection';

/** One write to queue: the complete item after the write. */
export interface PgOutboxWrite {
  list: string;
  key: string;
  mode: OutboxMode;
  fields: AnyListItem;
}

interface Row {
  seq: number;
  list: string;
  item_key: string;
  mode: OutboxMode;
  fields: AnyListItem;
  state: 'pending' | 'failed';
  attempts: number;
  uncertain: boolean;
  last_status: number | null;
  last_error: string | null;
}

const toEntry = (r: Row): OutboxEntry => ({
  seq: Number(r.seq),
  list: r.list,
  key: r.item_key,
  mode: r.mode,
  fields: r.fields,
  state: r.state,
  attempts: r.attempts,
  uncertain: r.uncertain,
  lastStatus: r.last_status,
  lastError: r.last_error,
});

const ENQUEUE = `INSERT INTO graph_outbox (list, item_key, mode, fields)
  SELECT x.list, x.item_key, x.mode, x.fields FROM jsonb_to_recordset($1::jsonb) AS x(list text, item_key text, mode text, fields jsonb)`;

/** See module doc. The pool's search_path must hold the migrated schema. */
export class PgOutbox implements OutboxQueue {
  constructor(private readonly pool: pg.Pool) {}

  /** Append `writes` inside the caller's transaction `tx` (one statement). */
  async enqueueOn(tx: PgTx, writes: readonly PgOutboxWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await tx.query(ENQUEUE, [JSON.stringify(writes.map((w) => ({ list: w.list, item_key: w.key, mode: w.mode, fields: w.fields })))]);
  }

  /** Append `writes` in a transaction of their own (corrections of `lists sync`). @returns how many rows were added */
  async enqueue(writes: readonly PgOutboxWrite[]): Promise<number> {
    await inTransaction(this.pool, (tx) => this.enqueueOn(tx, writes));
    return writes.length;
  }

  async counts(): Promise<{ pending: number; failed: number }> {
    const { rows } = await this.pool.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM graph_outbox GROUP BY state',
    );
    const get = (s: string) => rows.find((r) => r.state === s)?.n ?? 0;
    return { pending: get('pending'), failed: get('failed') };
  }

  async failed(): Promise<OutboxEntry[]> {
    return (await this.pool.query<Row>("SELECT * FROM graph_outbox WHERE state = 'failed' ORDER BY seq")).rows.map(toEntry);
  }

  /** The keys (`list` + NUL + key) that have a pending row, for the drift report ("wacht in de outbox"). */
  async pendingKeys(): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ list: string; item_key: string }>(
      "SELECT DISTINCT list, item_key FROM graph_outbox WHERE state = 'pending'",
    );
    return new Set(rows.map((r) => `${r.list}\u0000${r.item_key}`));
  }

  /**
   * Claim up to `limit` pending rows whose lease is free or ran out, oldest first, skipping rows other claims hold
   * locked; a row is kept only when no earlier pending row of the same key is outside this claim (held by another
   * instance). Rows that had an owner before (lease ran out) come back `uncertain`.
   * @returns the claimed entries grouped per (list, key), in seq order within a group
   */
  async claim(owner: string, limit: number, leaseMs: number): Promise<OutboxEntry[][]> {
    const rows = await inTransaction(this.pool, async (tx) => {
      const cand = await tx.query<{ seq: number }>(
        `SELECT seq FROM graph_outbox WHERE state = 'pending' AND (lease_until IS NULL OR lease_until < clock_timestamp())
         ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (cand.rows.length === 0) return [];
      const seqs = cand.rows.map((r) => Number(r.seq));
      return (
        await tx.query<Row>(
          `UPDATE graph_outbox o SET lease_owner = $2, lease_until = clock_timestamp() + $3 * interval '1 millisecond',
                  uncertain = o.uncertain OR o.lease_owner IS NOT NULL, updated_at = now()
           WHERE o.seq = ANY($1::bigint[])
             AND NOT EXISTS (SELECT 1 FROM graph_outbox e WHERE e.list = o.list AND e.item_key = o.item_key AND e.seq < o.seq
                             AND e.state = 'pending' AND NOT (e.seq = ANY($1::bigint[])))
           RETURNING o.*`,
          [seqs, owner, leaseMs],
        )
      ).rows;
    });
    const groups = new Map<string, OutboxEntry[]>();
    for (const r of rows.map(toEntry).sort((a, b) => a.seq - b.seq)) {
      const g = `${r.list}\u0000${r.key}`;
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)!.push(r);
    }
    return [...groups.values()];
  }

  async done(seqs: readonly number[]): Promise<void> {
    if (seqs.length === 0) return;
    await this.pool.query(
      `WITH weg AS (DELETE FROM graph_outbox WHERE seq = ANY($1::bigint[]) RETURNING list, item_key, seq)
       DELETE FROM graph_outbox f USING weg WHERE f.list = weg.list AND f.item_key = weg.item_key AND f.state = 'failed' AND f.seq < weg.seq`,
      [seqs],
    );
  }

  async retryLater(seqs: readonly number[], status: number, error: string, uncertain: boolean): Promise<void> {
    if (seqs.length === 0) return;
    await this.pool.query(
      `UPDATE graph_outbox SET lease_owner = NULL, lease_until = NULL, attempts = attempts + 1, uncertain = uncertain OR $2,
              last_status = $3, last_error = $4, updated_at = now() WHERE seq = ANY($1::bigint[])`,
      [seqs, uncertain, status, error],
    );
  }

  async resolved(seqs: readonly number[]): Promise<void> {
    if (seqs.length === 0) return;
    await this.pool.query('UPDATE graph_outbox SET uncertain = false WHERE seq = ANY($1::bigint[])', [seqs]);
  }

  async fail(seqs: readonly number[], status: number, error: string): Promise<void> {
    if (seqs.length === 0) return;
    await this.pool.query(
      `UPDATE graph_outbox SET state = 'failed', lease_owner = NULL, lease_until = NULL, attempts = attempts + 1,
              last_status = $2, last_error = $3, updated_at = now() WHERE seq = ANY($1::bigint[])`,
      [seqs, status, error],
    );
  }

  async release(owner: string): Promise<void> {
    await this.pool.query('UPDATE graph_outbox SET lease_owner = NULL, lease_until = NULL, uncertain = true WHERE lease_owner = $1', [
      owner,
    ]);
  }

  async requeueFailed(): Promise<number> {
    const r = await this.pool.query(
      "UPDATE graph_outbox SET state = 'pending', lease_owner = NULL, lease_until = NULL WHERE state = 'failed'",
    );
    return r.rowCount ?? 0;
  }
}
