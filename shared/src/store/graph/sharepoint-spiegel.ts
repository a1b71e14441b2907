/**
 * The SharePoint mirror of `STORE=postgres` (docs/decisions.md, "SharePoint stays HR's record"): PostgreSQL is the
 * source of truth, and every list write is also queued in PostgreSQL's `graph_outbox` (`PgOutbox`) in the write's own
 * transaction, then sent to the SharePoint lists by the same worker and drainer as the Graph store's SQLite outbox
 * (`OutboxWorker`: `$batch` of ≤ 20, per-key order, uncertain sends looked up before creating; `OutboxDrainer`),
 * paced by the Graph budget (`GRAPH_RESOURCE_UNITS_PER_MINUTE`), which all instances spend together (`PgGraphBudget`).
 *
 * Answers never wait for SharePoint: after a commit the mirror only kicks a drain. Every instance drains the one
 * outbox (claims with `FOR UPDATE SKIP LOCKED` and leases), and a poller picks up rows whose instance died once
 * their lease ran out. Updates of keys this instance's key index does not know are looked up first
 * (`lookUpUnindexedUpserts`), since another instance may have created the item.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { createTokenProvider, graphConfigured, graphSettingsFromEnv, retryPolicyFromSettings } from '@shared/graph';
import { doseerGraph, graphBudgetUitEnv } from '@shared/graph/budget';
import { GraphHttp } from '@shared/graph/http';
import { defaultRetryPolicy, type RetryPolicy } from '@shared/graph/retry';
import type { ListMirror, MirroredWrite } from '../postgres/pg-list-store';
import type { PgTx } from '../postgres/connection';
import { PgGraphBudget } from '../postgres/pg-budget';
import { PgOutbox } from '../postgres/pg-outbox';
import { GraphLists } from './graph-lists';
import { OutboxDrainer } from './outbox-drainer';
import { OutboxWorker, type DrainOptions, type DrainSummary } from './outbox-worker';

/** Options of `SharePointSpiegel`. Times in milliseconds. */
export interface SharePointSpiegelOptions {
  /** The pool of the PostgreSQL store (its schema holds `graph_outbox`, migration 4). */
  pool: pg.Pool;
  /** `GRAPH_BASE_URL`, including the version. */
  baseUrl: string;
  siteId: string;
  auth: AuthenticationProvider;
  policy?: Partial<RetryPolicy>;
  /** Items per read (`$top`). Default 5000. */
  pageSize?: number;
  /** Lease of claimed rows. Default 60000. */
  leaseMs?: number;
  /** Parallel `$batch` requests. Default 4. */
  concurrency?: number;
  /** Background check for rows left by other instances or earlier runs. Default 10000; 0 = off. */
  pollMs?: number;
}

/** See module doc. Give `mirror` to `PgListStore` (its `close` stops the drain). */
export class SharePointSpiegel {
  readonly outbox: PgOutbox;
  readonly http: GraphHttp;
  readonly lists: GraphLists;
  private readonly drainer: OutboxDrainer;
  private readonly abort = new AbortController();
  readonly owner = `${process.pid}-${randomUUID()}`;
  private closed = false;

  constructor(opts: SharePointSpiegelOptions) {
    const policy = defaultRetryPolicy(opts.policy);
    this.outbox = new PgOutbox(opts.pool);
    this.http = new GraphHttp(opts.baseUrl, opts.auth, policy, this.abort.signal);
    this.lists = new GraphLists(this.http, opts.siteId, Math.min(Math.max(1, opts.pageSize ?? 5000), 5000));
    const worker = new OutboxWorker(this.outbox, this.lists, this.http, {
      owner: this.owner,
      leaseMs: opts.leaseMs ?? 60_000,
      concurrency: opts.concurrency ?? 4,
      policy,
      signal: this.abort.signal,
      lookUpUnindexedUpserts: true,
    });
    this.drainer = new OutboxDrainer(this.outbox, worker, this.abort.signal, 0, opts.pollMs ?? 10_000);
  }

  /** The hook for `PgListStore` (`mirror` option): queue in the write's transaction, kick a drain after its commit. */
  readonly mirror: ListMirror = {
    write: (tx: PgTx, writes: readonly MirroredWrite[]) => this.outbox.enqueueOn(tx, writes),
    committed: () => this.drainer.kick(),
    close: () => this.close(),
  };

  /**
   * Drain now (the `lists sync` command), after any running drain: until the outbox is empty or
   * `maxFruitlessRounds` rounds in a row made no progress.
   */
  drain(options: DrainOptions = {}): Promise<DrainSummary> {
    return this.drainer.drain(options);
  }

  /** Rows still in the outbox: pending, and permanently failed with status and reason. */
  async outboxReport(): Promise<{
    pending: number;
    failed: { list: string; key: string; status: number | null; reason: string | null }[];
  }> {
    const [counts, failed] = await Promise.all([this.outbox.counts(), this.outbox.failed()]);
    return {
      pending: counts.pending,
      failed: failed.map((e) => ({ list: e.list, key: e.key, status: e.lastStatus, reason: e.lastError })),
    };
  }

  /** Stop draining: in-flight requests are aborted and this instance's leases released (their rows become uncertain). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    await this.drainer.stop();
    await this.outbox.release(this.owner).catch(() => undefined);
  }

  /** For fault tests only: stop as a killed process would, leases and rows left exactly as they are. */
  async simulateCrash(): Promise<void> {
    this.closed = true;
    this.abort.abort();
    await this.drainer.stop();
  }
}

/**
 * The mirror the environment asks for: with Graph sign-in settings (`GRAPH_ACCESS_TOKEN`, or `GRAPH_TENANT_ID` +
 * `GRAPH_CLIENT_ID` + secret or certificate) and `SHAREPOINT_SITE_ID`, a `SharePointSpiegel` on `pool`, paced by
 * `GRAPH_RESOURCE_UNITS_PER_MINUTE`; without Graph sign-in settings undefined (nothing is mirrored).
 * @throws Error (Dutch) when sign-in is set but `SHAREPOINT_SITE_ID` is missing, or a setting is invalid.
 */
export function spiegelVanEnv(
  env: NodeJS.ProcessEnv,
  pool: pg.Pool,
  overrides: Partial<Omit<SharePointSpiegelOptions, 'pool'>> = {},
): SharePointSpiegel | undefined {
  if (!graphConfigured(env)) return undefined;
  const s = graphSettingsFromEnv(env);
  if (!s.siteId) throw new Error('SHAREPOINT_SITE_ID ontbreekt: de id van de SharePoint-site die de lijsten spiegelt.');
  const budget = graphBudgetUitEnv(env);
  const spiegel = new SharePointSpiegel({
    pool,
    baseUrl: s.baseUrl,
    siteId: s.siteId,
    auth: createTokenProvider(s),
    policy: retryPolicyFromSettings(s),
    pageSize: s.pageSize,
    ...overrides,
  });
  // One budget for all instances: SharePoint counts per app per tenant (the window of GRAPH_RESOURCE_UNITS_PER_MINUTE).
  if (budget) doseerGraph(spiegel.http, new PgGraphBudget(pool, budget.vensters[0]));
  return spiegel;
}
