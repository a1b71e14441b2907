/**
 * `GraphListStore`: the ListStore port on SharePoint lists through Microsoft Graph (docs/architecture.md). Three parts:
 * - writes (here): validated with the list's zod schema, appended durably to the local outbox (`graph_outbox`,
 *   in the process's `LokaleStaat`), then drained to Graph in `$batch` requests of ≤ 20 (`OutboxDrainer` +
 *   `OutboxWorker`). A write waits up to `writeWaitMs` for its row to reach Graph; when Graph throttles or is down
 *   it returns after that time anyway (the row is safe in the outbox; `writeStatus` says `pending`). Upsert by
 *   key: the key → item id cache (`GraphLists.index`) decides between PATCH and POST;
 * - reads (`GraphQueryEngine`): `$expand=fields`, `$filter` only on indexed columns, paging through
 *   `@odata.nextLink`; the pending outbox writes of this process are laid over Graph's items (read-your-writes);
 * - paging (`SnapshotPager`): a query reads its matching set once and serves the pages from a snapshot.
 *
 * `atomically` serialises its callbacks in this process and commits their writes to the outbox in one local
 * transaction. Several instances writing the same lists through Graph are not serialised with each other: run
 * one instance with `STORE=graph`, or use `STORE=postgres` (docs/decisions.md, "Bookings in Graph mode").
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { GraphHttp } from '@shared/graph/http';
import { defaultRetryPolicy, type RetryPolicy } from '@shared/graph/retry';
import { getListDefinition, type ListName } from '../../lists/definitions';
import { itemKey, type AnyListItem, type ListItem, type ListItemInput } from '../../lists/schemas';
import { mergeUpdate, validateItem } from '../item-rules';
import type { SqliteDatabase } from '../database';
import {
  ItemNotFoundError,
  kolomVan,
  validateAll,
  type AddResult,
  type ListPage,
  type ListQuery,
  type ListStore,
  type ListTransaction,
  type SequenceSpec,
  type WriteStatus,
} from '../list-store';
import { LokaleStaat } from '../lokaal';
import { migreerLokaleStaat } from '../migraties';
import { controleerVolgnummer, hoogsteVolgnummer, MAX_VOLGNUMMER_POGINGEN, volgnummerId, Volgnummers } from '../volgnummers';
import { GraphLists } from './graph-lists';
import { GraphOutbox, type OutboxMode } from './outbox';
import { OutboxDrainer } from './outbox-drainer';
import { OutboxWorker, type DrainOptions, type DrainSummary } from './outbox-worker';
import { GraphQueryEngine } from './query-engine';
import { SnapshotPager } from './snapshot-pager';

export { serverFilter, matches, sortItems } from './query-engine';

const log = pino({ name: 'graph-list-store', level: process.env.LOG_LEVEL ?? 'info' });

const MAX_PAGE = 5000;

/** Construction options of `GraphListStore`. Times in milliseconds. */
export interface GraphListStoreOptions {
  /** `GRAPH_BASE_URL`, including the version (`https://graph.microsoft.com/v1.0`). */
  baseUrl: string;
  siteId: string;
  auth: AuthenticationProvider;
  /**
   * Where the outbox and the id counters live: the process's `LokaleStaat` (preferred), a file path (opened and
   * owned by the store) or an open handle.
   */
  db: string | SqliteDatabase | LokaleStaat;
  /** Close `db` on `close()` (default: only when the store opened it from a path). */
  ownsDb?: boolean;
  /** Retry policy overrides (timeouts, attempts, injectable sleep for tests). */
  policy?: Partial<RetryPolicy>;
  /** Items per read request (`$top`, ≤ 5000). Default 5000. */
  pageSize?: number;
  /** How long a write waits for its outbox row to reach Graph. Default 15000. */
  writeWaitMs?: number;
  /** Lease of claimed outbox rows. Default 60000. */
  leaseMs?: number;
  /** Parallel `$batch` requests of the worker. Default 4. */
  concurrency?: number;
  /** Background check for rows left by other processes or earlier runs. Default 10000; 0 = off. */
  pollMs?: number;
}

type Write = { list: string; key: string; mode: OutboxMode; fields: AnyListItem };

/** See module doc. */
export class GraphListStore implements ListStore {
  readonly outbox: GraphOutbox;
  readonly http: GraphHttp;
  readonly lists: GraphLists;
  private readonly reads: GraphQueryEngine;
  private readonly pager = new SnapshotPager();
  private readonly drainer: OutboxDrainer;
  private readonly worker: OutboxWorker;
  private readonly volgnummers: Volgnummers;
  private readonly db: SqliteDatabase;
  private readonly ownsDb: boolean;
  private readonly abort = new AbortController();
  private readonly owner = `${process.pid}-${randomUUID()}`;
  private readonly pageSize: number;
  private readonly locks = new Map<string, Promise<unknown>>();
  private closed = false;

  constructor(opts: GraphListStoreOptions) {
    const policy = defaultRetryPolicy(opts.policy);
    if (typeof opts.db === 'string') this.db = LokaleStaat.open(opts.db).db;
    else if (opts.db instanceof LokaleStaat) this.db = opts.db.db;
    else {
      this.db = opts.db;
      migreerLokaleStaat(this.db);
    }
    this.ownsDb = opts.ownsDb ?? typeof opts.db === 'string';
    this.outbox = new GraphOutbox(this.db);
    this.volgnummers = new Volgnummers(this.db);
    this.pageSize = Math.min(Math.max(1, opts.pageSize ?? 5000), MAX_PAGE);
    this.http = new GraphHttp(opts.baseUrl, opts.auth, policy, this.abort.signal);
    this.lists = new GraphLists(this.http, opts.siteId, this.pageSize);
    this.reads = new GraphQueryEngine(this.http, this.lists, this.outbox, this.pageSize);
    this.worker = new OutboxWorker(this.outbox, this.lists, this.http, {
      owner: this.owner,
      leaseMs: opts.leaseMs ?? 60_000,
      concurrency: opts.concurrency ?? 4,
      policy,
      signal: this.abort.signal,
    });
    this.drainer = new OutboxDrainer(this.outbox, this.worker, this.abort.signal, opts.writeWaitMs ?? 15_000, opts.pollMs ?? 10_000);
  }

  /* ---------------- outbox ---------------- */

  /**
   * Drain the outbox now (the `lists sync` command): until it is empty, or until `maxFruitlessRounds`
   * rounds in a row made no progress.
   * @returns what was written, retried and failed permanently (with Graph's reason), and what is left
   */
  drain(options: DrainOptions = {}): Promise<DrainSummary> {
    return this.drainer.drain(options);
  }

  /** Rows still in the outbox: pending and permanently failed (with status and reason). */
  outboxReport(): { pending: number; failed: { list: string; key: string; status: number | null; reason: string | null }[] } {
    return {
      pending: this.outbox.counts().pending,
      failed: this.outbox.failed().map((e) => ({ list: e.list, key: e.key, status: e.lastStatus, reason: e.lastError })),
    };
  }

  /** Append `writes` (and counter moves) in one local transaction, then wait up to `writeWaitMs` for Graph. */
  private async commit(
    writes: readonly Write[],
    counters: ReadonlyMap<string, { list: string; prefix: string; n: number }> = new Map(),
    waitMs?: number,
  ): Promise<void> {
    this.db.transaction(() => {
      this.outbox.enqueue(writes);
      for (const c of counters.values()) this.volgnummers.zet(c.list, c.prefix, c.n);
    })();
    this.pager.clear();
    await this.drainer.settle(waitMs);
  }

  /* ---------------- helpers ---------------- */

  private validate(list: string, input: unknown): AnyListItem {
    return validateItem(list, input);
  }

  /**
   * The key index of `list`, or undefined when Graph cannot be reached (after the retry policy): writes
   * then still land in the outbox, and the worker resolves existence when Graph is back. A list that does
   * not exist on the site is a configuration error and is thrown.
   */
  private async indexOrNothing(list: string): Promise<Map<string, string> | undefined> {
    try {
      return await this.lists.index(list);
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode ?? 0;
      if (
        this.abort.signal.aborted ||
        (err as Error).message?.startsWith('Lijst ') ||
        (status >= 400 && status < 500 && status !== 408 && status !== 429)
      )
        throw err;
      log.warn({ list, status }, 'Graph unreachable; write kept in the outbox');
      return undefined;
    }
  }

  /** Run `fn` exclusively for one lock key (increment is read-modify-write; `atomically` uses one key). */
  private async exclusive<T>(lockKey: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(lockKey) ?? Promise.resolve();
    const run = prev.catch(() => undefined).then(fn);
    this.locks.set(lockKey, run);
    try {
      return await run;
    } finally {
      if (this.locks.get(lockKey) === run) this.locks.delete(lockKey);
    }
  }

  private checkColumns(list: ListName, query: ListQuery): void {
    const def = getListDefinition(list);
    const cols = new Map(def.columns.map((c) => [c.name, c]));
    const column = kolomVan(list, cols);
    if (query.range) column(query.range.column);
    for (const name of Object.keys(query.where ?? {})) column(name);
    if (query.orderBy) column(query.orderBy);
  }

  /** True when `key` exists in Graph or waits in the outbox (an add of it is then a no-op). */
  private async exists(list: string, key: string, index: Map<string, string> | undefined): Promise<boolean> {
    if (this.outbox.latestPending(list, key)) return true;
    if (!index) return false;
    return index.has(key) || (await this.reads.readItem(list, key)) !== undefined;
  }

  /* ---------------- ListStore ---------------- */

  async add<L extends ListName>(list: L, input: ListItemInput<L>): Promise<AddResult<ListItem<L>>> {
    const item = this.validate(list, input);
    const key = itemKey(list, item);
    return this.exclusive(`${list}|${key}`, async () => {
      const index = await this.indexOrNothing(list);
      if (!index) {
        // Graph unreachable: keep the write anyway. The worker creates it only if the key is still absent.
        const pending = this.outbox.latestPending(list, key);
        if (pending) return { created: false, item: pending.fields as ListItem<L> };
        this.outbox.enqueue([{ list, key, mode: 'insert', fields: item }]);
        return { created: true, item: item as ListItem<L> };
      }
      if (index.has(key) || this.outbox.latestPending(list, key)) {
        const existing = (await this.reads.readItem(list, key)) ?? item;
        return { created: false, item: existing as ListItem<L> };
      }
      await this.commit([{ list, key, mode: 'insert', fields: item }]);
      return { created: true, item: item as ListItem<L> };
    });
  }

  async addMany<L extends ListName>(
    list: L,
    inputs: readonly ListItemInput<L>[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ created: number; existing: number }> {
    getListDefinition(list);
    const items = validateAll(list, inputs);
    const index = (await this.indexOrNothing(list)) ?? new Map<string, string>();
    const seen = new Set<string>();
    const writes: Write[] = [];
    for (const item of items) {
      const key = itemKey(list, item);
      if (seen.has(key) || index.has(key) || this.outbox.latestPending(list, key)) continue;
      seen.add(key);
      writes.push({ list, key, mode: 'insert', fields: item });
    }
    onProgress?.(0, items.length);
    await this.commit(writes, undefined, Math.max(this.drainer.writeWaitMs, Math.ceil(writes.length / 20) * 200));
    onProgress?.(items.length, items.length);
    return { created: writes.length, existing: items.length - writes.length };
  }

  /** The merged item of an update, validated; @throws ItemNotFoundError, InvalidItemError (key columns). */
  private merge(list: ListName, key: string, current: AnyListItem | undefined, patch: AnyListItem): AnyListItem {
    if (!current) throw new ItemNotFoundError(list, key);
    return mergeUpdate(list, current, patch);
  }

  async update<L extends ListName>(list: L, key: string, patch: Partial<ListItemInput<L>>): Promise<ListItem<L>> {
    getListDefinition(list);
    return this.exclusive(`${list}|${key}`, async () => {
      const merged = this.merge(list, key, await this.reads.readItem(list, key), patch);
      await this.commit([{ list, key, mode: 'upsert', fields: merged }]);
      return merged as ListItem<L>;
    });
  }

  async get<L extends ListName>(list: L, key: string): Promise<ListItem<L> | undefined> {
    getListDefinition(list);
    return (await this.reads.readItem(list, key)) as ListItem<L> | undefined;
  }

  async query<L extends ListName>(list: L, query: ListQuery = {}): Promise<ListPage<ListItem<L>>> {
    this.checkColumns(list, query);
    return this.pager.page<ListItem<L>>(query.pageSize, query.pageToken, async () => {
      await this.drainer.settle();
      return this.reads.readMatching(getListDefinition(list), query);
    });
  }

  async increment<L extends ListName>(list: L, init: ListItemInput<L>, column: string, by = 1): Promise<ListItem<L>> {
    const def = getListDefinition(list);
    const c = def.columns.find((x) => x.name === column);
    if (!c || c.type !== 'number') throw new Error(`Kolom ${column} van ${list} is geen getal.`);
    const item = this.validate(list, init);
    const key = itemKey(list, item);
    return this.exclusive(`${list}|${key}`, async () => {
      const current = await this.reads.readItem(list, key);
      const next = current ? this.validate(list, { ...current, [column]: Number(current[column] ?? 0) + by }) : item;
      await this.commit([{ list, key, mode: current ? 'upsert' : 'insert', fields: next }]);
      return next as ListItem<L>;
    });
  }

  async addWithSequence<L extends ListName>(list: L, seq: SequenceSpec, build: (id: string) => ListItemInput<L>): Promise<ListItem<L>> {
    return this.atomically((tx) => tx.addWithSequence(list, seq, build));
  }

  /**
   * See the port. Reads in `fn` see Graph, this process's pending outbox writes and `fn`'s own writes; the
   * writes are buffered and appended to the outbox (with the counters `addWithSequence` moved) in one local
   * transaction when `fn` resolves; nothing is appended when it throws.
   */
  async atomically<T>(fn: (tx: ListTransaction) => Promise<T>): Promise<T> {
    return this.exclusive('atomically', async () => {
      const buffer = new Map<string, Write>(); // `${list}\0${key}` → newest write
      const counters = new Map<string, { list: string; prefix: string; n: number }>();
      const pager = new SnapshotPager();
      const own = (list: string, key: string) => buffer.get(`${list}\u0000${key}`)?.fields;
      const overlay = (list: string) => new Map([...buffer.values()].filter((w) => w.list === list).map((w) => [w.key, w.fields]));
      const write = (w: Write) => {
        const k = `${w.list}\u0000${w.key}`;
        const prev = buffer.get(k);
        buffer.delete(k); // keep insertion order = order of the last write
        buffer.set(k, { ...w, mode: prev?.mode === 'insert' && w.mode === 'upsert' ? 'insert' : w.mode });
      };
      const get = async (list: string, key: string) => own(list, key) ?? (await this.reads.readItem(list, key));
      const add = async (list: ListName, input: unknown): Promise<AddResult<AnyListItem>> => {
        const item = this.validate(list, input);
        const key = itemKey(list, item);
        const mine = own(list, key);
        if (mine) return { created: false, item: mine };
        const existing = await this.reads.readItem(list, key);
        if (existing) return { created: false, item: existing };
        write({ list, key, mode: 'insert', fields: item });
        return { created: true, item };
      };
      const tx: ListTransaction = {
        get: async (list, key) => (await get(list, key)) as never,
        query: async (list, query = {}) => {
          this.checkColumns(list, query);
          return pager.page(query.pageSize, query.pageToken, () => this.reads.readMatching(getListDefinition(list), query, overlay(list)));
        },
        add: async (list, input) => (await add(list, input)) as never,
        update: async (list, key, patch) => {
          const merged = this.merge(list, key, await get(list, key), patch);
          write({ list, key, mode: 'upsert', fields: merged });
          return merged as never;
        },
        addWithSequence: async (list, seq, build) => {
          const ck = `${list}\u0000${seq.prefix}`;
          let n = counters.get(ck)?.n ?? this.volgnummers.laatste(list, seq.prefix);
          if (n === undefined) {
            const items = await this.reads.readMatching(getListDefinition(list), seq.seed ?? {}, overlay(list));
            n = hoogsteVolgnummer(
              seq.prefix,
              items.map((i) => i[seq.column]),
            );
          }
          for (let poging = 0; poging < MAX_VOLGNUMMER_POGINGEN; poging++) {
            n++;
            const id = volgnummerId(seq, n);
            const item = this.validate(list, build(id));
            controleerVolgnummer(list, seq, item, id);
            counters.set(ck, { list, prefix: seq.prefix, n });
            const r = await add(list, item);
            if (r.created) return r.item as never;
          }
          throw new Error(`Geen vrij volgnummer gevonden in ${list} voor ${seq.prefix}.`);
        },
      };
      const value = await fn(tx);
      await this.commit([...buffer.values()], counters);
      return value;
    });
  }

  async writeStatus(list: ListName, key: string): Promise<WriteStatus> {
    getListDefinition(list);
    return this.outbox.statusOf(list, key) ?? { state: 'written' };
  }

  /** Stop the worker (in-flight requests are aborted; their rows are released as uncertain) and close the outbox file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    await this.drainer.stop();
    this.outbox.release(this.owner);
    if (this.ownsDb && this.db.open) this.db.close();
  }

  /**
   * For fault tests only: stop as a crashed process would — abort in-flight requests, keep leases and
   * rows exactly as they are, close the file. The next store on the same file resumes after the leases
   * run out.
   */
  async simulateCrash(): Promise<void> {
    this.closed = true;
    this.abort.abort();
    await this.drainer.stop();
    if (this.ownsDb && this.db.open) this.db.close();
  }
}
