/**
 * The worker that drains `graph_outbox` to Graph in `$batch` requests of at most 20 sub-requests.
 *
 * One round: claim up to `claimLimit` rows (grouped per key, oldest first) → make sure the list's key
 * index is loaded → look up keys whose earlier send had an unknown outcome → one sub-request per key
 * (its newest full state): PATCH `items/{id}/fields` when the key has an item id, else POST `items`;
 * an `insert` for a key that exists is a no-op → send the batches with bounded concurrency → per key:
 * 2xx deletes the rows; 429/503 after the sub-request retries, 5xx, timeouts and 409/404 (stale index)
 * keep them pending (409, 404 and unanswered POSTs as "uncertain", so the next round looks the key up
 * before creating anything: a resend never duplicates); 400/403 and other 4xx mark them failed, kept
 * with the reason.
 */
import pino from 'pino';
import { getListDefinition } from '../../lists/definitions';
import { toGraphFields } from './fields';
import { MAX_BATCH, type GraphHttp, type SubRequest, type SubResponse } from '@shared/graph/http';
import type { GraphLists } from './graph-lists';
import { retryDelayMs, type RetryPolicy } from '@shared/graph/retry';
import type { OutboxEntry, OutboxQueue } from './outbox';

const log = pino({ name: 'graph-outbox', level: process.env.LOG_LEVEL ?? 'info' });

/** A permanently failed write as the sync summary reports it (metadata only: list, key, status, Graph's reason). */
export interface PermanentFailure {
  list: string;
  key: string;
  status: number;
  reason: string;
}

/** What one drain did. Counts are outbox rows. */
export interface DrainSummary {
  /** Rows confirmed by Graph (or found already present) and removed from the outbox. */
  written: number;
  /** Times a row went back to the queue after a transient failure. */
  retried: number;
  /** Rows that failed permanently during this drain. */
  failed: PermanentFailure[];
  /** Rows still pending when the drain ended. */
  pending: number;
  /** HTTP requests sent (retries included) during this drain. */
  requests: number;
}

/** Options of `OutboxWorker`. */
export interface WorkerOptions {
  /** Lease owner id (unique per worker instance). */
  owner: string;
  leaseMs: number;
  /** Parallel `$batch` requests per round (bounded fan-out). */
  concurrency: number;
  policy: RetryPolicy;
  signal: AbortSignal;
  /**
   * Look up, before sending, an update (only `upsert` rows) of a key this worker's key index does not know. Set
   * when several processes drain one outbox (the PostgreSQL mirror): another process may have created the item
   * after this one loaded its index, and a POST would then create it twice.
   */
  lookUpUnindexedUpserts?: boolean;
}

/** Options of one drain. */
export interface DrainOptions {
  /** Stop after this many rounds in a row without progress (default: never, until stopped). */
  maxFruitlessRounds?: number;
  /** Called after every round with rows handled so far and rows pending at the start. */
  onProgress?: (done: number, total: number) => void;
}

type Group = { list: string; key: string; entries: OutboxEntry[] };

const isAbort = (err: unknown) => (err as Error)?.name === 'AbortError' || (err as { code?: string })?.code === 'AbortError';

function reasonOf(r: SubResponse): string {
  const body = r.body as { error?: { code?: string; message?: string } } | undefined;
  const e = body?.error;
  return e ? `${e.code ?? 'fout'}: ${e.message ?? ''}`.slice(0, 500) : `HTTP ${r.status}`;
}

/** Drains the outbox; see module doc. */
export class OutboxWorker {
  constructor(
    private readonly outbox: OutboxQueue,
    private readonly lists: GraphLists,
    private readonly http: GraphHttp,
    private readonly opts: WorkerOptions,
  ) {}

  /**
   * Drain until the outbox has no pending rows, the worker is aborted, or `maxFruitlessRounds` rounds in
   * a row made no progress (then the summary's `pending` says what is left). Rounds without progress
   * back off with the retry policy.
   * @throws AbortError when the worker's signal aborts (close or crash simulation)
   */
  async drain(options: DrainOptions = {}): Promise<DrainSummary> {
    const total = (await this.outbox.counts()).pending;
    const summary: DrainSummary = { written: 0, retried: 0, failed: [], pending: total, requests: 0 };
    const requestsAtStart = this.http.stats.requests;
    let fruitless = 0;
    let done = 0;
    while (!this.opts.signal.aborted) {
      const r = await this.round(summary);
      done += r.handled;
      summary.requests = this.http.stats.requests - requestsAtStart;
      options.onProgress?.(Math.min(done, total), total);
      const pending = (await this.outbox.counts()).pending;
      if (pending === 0) break;
      if (r.handled > 0) {
        fruitless = 0;
        continue;
      }
      fruitless++;
      if (options.maxFruitlessRounds !== undefined && fruitless >= options.maxFruitlessRounds) break;
      // Nothing claimable (leases of another worker) or only transient failures: wait, then try again.
      const wait = r.claimed === 0 ? Math.min(250, this.opts.leaseMs) : retryDelayMs(this.opts.policy, fruitless);
      await this.opts.policy.sleep(wait, this.opts.signal);
    }
    summary.pending = (await this.outbox.counts()).pending;
    summary.requests = this.http.stats.requests - requestsAtStart;
    return summary;
  }

  /** One round. @returns rows claimed and rows handled for good (written or failed). */
  private async round(summary: DrainSummary): Promise<{ claimed: number; handled: number }> {
    const claimed = await this.outbox.claim(this.opts.owner, MAX_BATCH * this.opts.concurrency, this.opts.leaseMs);
    if (claimed.length === 0) return { claimed: 0, handled: 0 };
    let handled = 0;
    const written = async (g: Group) => {
      await this.outbox.done(g.entries.map((e) => e.seq));
      summary.written += g.entries.length;
      handled += g.entries.length;
    };
    const later = async (g: Group, status: number, reason: string, uncertain: boolean) => {
      await this.outbox.retryLater(
        g.entries.map((e) => e.seq),
        status,
        reason,
        uncertain,
      );
      summary.retried += g.entries.length;
    };
    const failed = async (g: Group, status: number, reason: string) => {
      await this.outbox.fail(
        g.entries.map((e) => e.seq),
        status,
        reason,
      );
      summary.failed.push({ list: g.list, key: g.key, status, reason });
      handled += g.entries.length;
      log.warn({ list: g.list, key: g.key, status }, 'graph write failed permanently; kept in outbox');
    };

    const byList = new Map<string, Group[]>();
    for (const entries of claimed) {
      const g = { list: entries[0].list, key: entries[0].key, entries };
      if (!byList.has(g.list)) byList.set(g.list, []);
      byList.get(g.list)!.push(g);
    }

    const requests: { req: SubRequest; group: Group }[] = [];
    for (const [list, groups] of byList) {
      let base: string;
      let index: Map<string, string>;
      try {
        base = await this.lists.listPath(list);
        index = await this.lists.index(list);
      } catch (err) {
        if (isAbort(err)) throw err;
        for (const g of groups) await later(g, 0, (err as Error).message, false);
        continue;
      }
      // Keys whose earlier send had no clear answer: look them up before creating anything.
      const unsure = groups.filter(
        (g) =>
          !index.has(g.key) &&
          (g.entries.some((e) => e.uncertain) || (this.opts.lookUpUnindexedUpserts && g.entries.every((e) => e.mode === 'upsert'))),
      );
      let unknown = new Set<string>();
      if (unsure.length > 0) {
        try {
          unknown = (
            await this.lists.lookup(
              list,
              unsure.map((g) => g.key),
            )
          ).unknown;
        } catch (err) {
          if (isAbort(err)) throw err;
          unknown = new Set(unsure.map((g) => g.key));
        }
      }
      const def = getListDefinition(list);
      for (const g of groups) {
        if (unknown.has(g.key)) {
          await later(g, 0, 'sleutel kon niet worden opgezocht', true);
          continue;
        }
        if (g.entries.some((e) => e.uncertain)) await this.outbox.resolved(g.entries.map((e) => e.seq));
        const last = g.entries[g.entries.length - 1];
        const upsert = g.entries.some((e) => e.mode === 'upsert');
        const id = index.get(g.key);
        if (id && !upsert) {
          await written(g); // add of an existing key: nothing to do (idempotent)
          continue;
        }
        const req: SubRequest = id
          ? {
              id: String(requests.length + 1),
              method: 'PATCH',
              url: `${base}/items/${id}/fields`,
              body: toGraphFields(def, last.fields, 'patch'),
            }
          : {
              id: String(requests.length + 1),
              method: 'POST',
              url: `${base}/items`,
              body: { fields: toGraphFields(def, last.fields, 'create') },
            };
        requests.push({ req, group: g });
      }
    }

    // Bounded fan-out: `concurrency` batches of ≤ 20 at a time.
    const chunks: (typeof requests)[] = [];
    for (let i = 0; i < requests.length; i += MAX_BATCH) chunks.push(requests.slice(i, i + MAX_BATCH));
    let next = 0;
    const runOne = async (): Promise<void> => {
      while (next < chunks.length) {
        const chunk = chunks[next++];
        const responses = await this.http.batch(chunk.map((c) => c.req));
        for (const { req, group } of chunk) await this.apply(req, responses.get(req.id), group, { written, later, failed });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, chunks.length) }, runOne));
    return { claimed: claimed.reduce((n, g) => n + g.length, 0), handled };
  }

  private async apply(
    req: SubRequest,
    res: SubResponse | undefined,
    g: Group,
    on: {
      written: (g: Group) => Promise<void>;
      later: (g: Group, s: number, r: string, u: boolean) => Promise<void>;
      failed: (g: Group, s: number, r: string) => Promise<void>;
    },
  ): Promise<void> {
    const status = res?.status ?? 0;
    const reason = res ? reasonOf(res) : 'geen antwoord';
    if (status >= 200 && status < 300) {
      if (req.method === 'POST') {
        const id = (res!.body as { id?: unknown } | undefined)?.id;
        if (typeof id === 'string') this.lists.remember(g.list, g.key, id);
      }
      await on.written(g);
    } else if (status === 409 && req.method === 'POST') {
      await on.later(g, status, reason, true); // unique key already taken: look it up, then PATCH or skip
    } else if (status === 404 && req.method === 'PATCH') {
      this.lists.remember(g.list, g.key, undefined); // item deleted in SharePoint: look up, then recreate
      await on.later(g, status, reason, true);
    } else if (status === 0 || status >= 500 || status === 429 || status === 401 || status === 408) {
      await on.later(g, status, reason, req.method === 'POST' && status !== 429 && status !== 503);
    } else {
      await on.failed(g, status, reason);
    }
  }
}
