/**
 * `GraphListStore`: the ListStore port on SharePoint lists through Microsoft Graph (DESIGN.md).
 *
 * Writes: validated with the list's zod schema, then appended durably to the SQLite outbox
 * (`graph_outbox`), then drained to Graph by the `OutboxWorker` in `$batch` requests of ≤ 20. A write
 * waits up to `writeWaitMs` for its row to reach Graph; when Graph throttles or is down it returns after
 * that time anyway (the row is safe in the outbox) and the worker keeps draining in the background.
 * Upsert by key: the key → item id cache (`GraphLists.index`) decides between PATCH and POST.
 *
 * Reads: `$expand=fields`, `$filter` only on indexed columns (a superset, refined locally, so results
 * match the SQLite store exactly), paging through `@odata.nextLink` with `$top` = page size. A query
 * reads the whole matching set once, sorts it like the SQLite store and serves further pages from a short-
 * lived snapshot (page token = snapshot + offset), so reading n items costs ⌈n / page size⌉ requests.
 * `get` sees writes still in the outbox.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { getListDefinition, type ColumnDefinition, type ListDefinition, type ListName } from '../../lists/definitions';
import { formatIssues, itemKey, itemSchema, type AnyListItem, type ListItem, type ListItemInput } from '../../lists/schemas';
import { openDatabase, type SqliteDatabase } from '../database';
import { InvalidItemError, ItemNotFoundError, validateAll, type AddResult, type ListPage, type ListQuery, type ListStore } from '../list-store';
import { fromGraphFields, odataLiteral } from './fields';
import { GraphHttp } from './graph-http';
import { collectionSchema, GraphLists, type GraphCollection, keyQuery, listItemSchema, parseGraph } from './graph-lists';
import { abortableSleep, defaultRetryPolicy, type RetryPolicy } from './graph-retry';
import { GraphOutbox } from './outbox';
import { OutboxWorker, type DrainOptions, type DrainSummary } from './outbox-worker';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';

const log = pino({ name: 'graph-list-store', level: process.env.LOG_LEVEL ?? 'info' });

const DEFAULT_PAGE = 500;
const MAX_PAGE = 5000;
const SNAPSHOT_TTL_MS = 60_000;
const MAX_SNAPSHOTS = 16;

/** Construction options of `GraphListStore`. Times in milliseconds. */
export interface GraphListStoreOptions {
  /** `GRAPH_BASE_URL`, including the version (`https://graph.microsoft.com/v1.0`). */
  baseUrl: string;
  siteId: string;
  auth: AuthenticationProvider;
  /** SQLite file (or open database) for the outbox: the `INTEGRITEITSPLEIN_DB` file. */
  db: string | SqliteDatabase;
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

type Snapshot = { items: AnyListItem[]; at: number };

/** See module doc. */
export class GraphListStore implements ListStore {
  readonly outbox: GraphOutbox;
  readonly http: GraphHttp;
  readonly lists: GraphLists;
  private readonly worker: OutboxWorker;
  private readonly db: SqliteDatabase;
  private readonly ownsDb: boolean;
  private readonly abort = new AbortController();
  private readonly owner = `${process.pid}-${randomUUID()}`;
  private readonly writeWaitMs: number;
  private readonly pageSize: number;
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private running?: Promise<DrainSummary | undefined>;
  private poller?: NodeJS.Timeout;
  private closed = false;

  constructor(opts: GraphListStoreOptions) {
    const policy = defaultRetryPolicy(opts.policy);
    this.ownsDb = typeof opts.db === 'string';
    this.db = typeof opts.db === 'string' ? openDatabase(opts.db) : opts.db;
    this.outbox = new GraphOutbox(this.db);
    this.pageSize = Math.min(Math.max(1, opts.pageSize ?? 5000), MAX_PAGE);
    this.writeWaitMs = opts.writeWaitMs ?? 15_000;
    this.http = new GraphHttp(opts.baseUrl, opts.auth, policy, this.abort.signal);
    this.lists = new GraphLists(this.http, opts.siteId, this.pageSize);
    this.worker = new OutboxWorker(this.outbox, this.lists, this.http, {
      owner: this.owner,
      leaseMs: opts.leaseMs ?? 60_000,
      concurrency: opts.concurrency ?? 4,
      policy,
      signal: this.abort.signal,
    });
    const pollMs = opts.pollMs ?? 10_000;
    if (pollMs > 0) {
      this.poller = setInterval(() => {
        if (!this.running && this.outbox.counts().pending > 0) void this.startDrain();
      }, pollMs);
      this.poller.unref();
    }
  }

  /* ---------------- outbox draining ---------------- */

  private startDrain(options: DrainOptions = {}): Promise<DrainSummary | undefined> {
    if (!this.running) {
      this.running = this.worker
        .drain(options)
        .catch((err) => {
          if (!this.abort.signal.aborted) log.error({ err: (err as Error).message }, 'outbox drain stopped');
          return undefined;
        })
        .finally(() => {
          this.running = undefined;
        });
    }
    return this.running;
  }

  /** Wait until the outbox is drained, or `waitMs` passed (the drain then continues in the background). */
  private async settle(waitMs = this.writeWaitMs): Promise<void> {
    if (this.closed || this.outbox.counts().pending === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs);
      timer.unref();
    });
    try {
      for (let i = 0; i < 3 && !this.closed && this.outbox.counts().pending > 0; i++) {
        const r = await Promise.race([this.startDrain(), timeout.then(() => 'timeout' as const)]);
        if (r === 'timeout') return;
      }
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /**
   * Drain the outbox now (the `lists sync` command): until it is empty, or until `maxFruitlessRounds`
   * rounds in a row made no progress.
   * @returns what was written, retried and failed permanently (with Graph's reason), and what is left
   */
  async drain(options: DrainOptions = {}): Promise<DrainSummary> {
    while (this.running) await this.running;
    const r = await this.worker.drain(options);
    return r;
  }

  /** Rows still in the outbox: pending and permanently failed (with status and reason). */
  outboxReport(): { pending: number; failed: { list: string; key: string; status: number | null; reason: string | null }[] } {
    return {
      pending: this.outbox.counts().pending,
      failed: this.outbox.failed().map((e) => ({ list: e.list, key: e.key, status: e.lastStatus, reason: e.lastError })),
    };
  }

  /* ---------------- helpers ---------------- */

  private validate(list: string, input: unknown): AnyListItem {
    const r = itemSchema(list).safeParse(input);
    if (!r.success) throw new InvalidItemError(list, formatIssues(r.error));
    return r.data;
  }

  /** An item from Graph fields, validated (the Graph response boundary). Undefined (and a log line) when invalid. */
  private fromGraph(def: ListDefinition, id: string, fields: Record<string, unknown>): AnyListItem | undefined {
    const r = itemSchema(def.name).safeParse(fromGraphFields(def, fields));
    if (r.success) return r.data;
    log.warn({ list: def.name, itemId: id, issues: r.error.issues.map((i) => i.path.join('.')) }, 'SharePoint item does not match the list schema; skipped');
    return undefined;
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
      if (this.abort.signal.aborted || (err as Error).message?.startsWith('Lijst ') || (status >= 400 && status < 500 && status !== 408 && status !== 429)) throw err;
      log.warn({ list, status }, 'Graph unreachable; write kept in the outbox');
      return undefined;
    }
  }

  /** Run `fn` exclusively for one key (increment is read-modify-write). */
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

  private async readItem(list: string, key: string): Promise<AnyListItem | undefined> {
    const def = getListDefinition(list);
    const pending = this.outbox.latestPending(list, key);
    if (pending) return pending.fields;
    const base = await this.lists.listPath(list);
    const index = await this.lists.index(list);
    const id = index.get(key);
    if (id) {
      try {
        const it = parseGraph(listItemSchema, await this.http.get(`${base}/items/${id}?$expand=fields`), `item ${list}`);
        if (it.fields) return this.fromGraph(def, it.id, it.fields);
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode !== 404) throw err;
        this.lists.remember(list, key, undefined);
      }
    }
    // Not in the cache: another process may have written it; look it up by key ($filter on indexed key columns).
    const page = parseGraph(
      collectionSchema,
      await this.http.get(`${base}/items?$expand=fields&${keyQuery(def, key)}`),
      `items ${list}`,
    );
    for (const raw of page.value) {
      const it = parseGraph(listItemSchema, raw, `item ${list}`);
      if (!it.fields) continue;
      const item = this.fromGraph(def, it.id, it.fields);
      if (item && itemKey(list, item) === key) {
        this.lists.remember(list, key, it.id);
        return item;
      }
    }
    return undefined;
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
        const existing = (await this.readItem(list, key)) ?? item;
        return { created: false, item: existing as ListItem<L> };
      }
      this.outbox.enqueue([{ list, key, mode: 'insert', fields: item }]);
      this.snapshots.clear();
      await this.settle();
      return { created: true, item: item as ListItem<L> };
    });
  }

  async addMany<L extends ListName>(list: L, inputs: readonly ListItemInput<L>[], onProgress?: (done: number, total: number) => void): Promise<{ created: number; existing: number }> {
    getListDefinition(list);
    const items = validateAll(list, inputs);
    const index = (await this.indexOrNothing(list)) ?? new Map<string, string>();
    const seen = new Set<string>();
    const writes: { list: string; key: string; mode: 'insert'; fields: AnyListItem }[] = [];
    for (const item of items) {
      const key = itemKey(list, item);
      if (seen.has(key) || index.has(key) || this.outbox.latestPending(list, key)) continue;
      seen.add(key);
      writes.push({ list, key, mode: 'insert', fields: item });
    }
    this.outbox.enqueue(writes);
    this.snapshots.clear();
    onProgress?.(0, items.length);
    await this.settle(Math.max(this.writeWaitMs, Math.ceil(writes.length / 20) * 200));
    onProgress?.(items.length, items.length);
    return { created: writes.length, existing: items.length - writes.length };
  }

  async update<L extends ListName>(list: L, key: string, patch: Partial<ListItemInput<L>>): Promise<ListItem<L>> {
    const def = getListDefinition(list);
    return this.exclusive(`${list}|${key}`, async () => {
      const current = await this.readItem(list, key);
      if (!current) throw new ItemNotFoundError(list, key);
      for (const k of def.key) {
        if (k in (patch as AnyListItem) && (patch as AnyListItem)[k] !== current[k]) {
          throw new InvalidItemError(list, [`${k}: sleutelkolom kan niet worden gewijzigd`]);
        }
      }
      const merged = this.validate(list, { ...current, ...patch });
      this.outbox.enqueue([{ list, key, mode: 'upsert', fields: merged }]);
      this.snapshots.clear();
      await this.settle();
      return merged as ListItem<L>;
    });
  }

  async get<L extends ListName>(list: L, key: string): Promise<ListItem<L> | undefined> {
    getListDefinition(list);
    return (await this.readItem(list, key)) as ListItem<L> | undefined;
  }

  async query<L extends ListName>(list: L, query: ListQuery = {}): Promise<ListPage<ListItem<L>>> {
    const def = getListDefinition(list);
    const cols = new Map(def.columns.map((c) => [c.name, c]));
    const column = (name: string): ColumnDefinition => {
      const c = cols.get(name);
      if (!c) throw new Error(`Lijst ${list} heeft geen kolom "${name}".`);
      return c;
    };
    if (query.range) column(query.range.column);
    for (const name of Object.keys(query.where ?? {})) column(name);
    if (query.orderBy) column(query.orderBy);
    const pageSize = Math.min(Math.max(1, query.pageSize ?? DEFAULT_PAGE), MAX_PAGE);
    let offset = 0;
    let snapId: string | undefined;
    if (query.pageToken) ({ s: snapId, o: offset } = decodeToken(query.pageToken));
    const now = Date.now();
    for (const [id, s] of this.snapshots) if (now - s.at > SNAPSHOT_TTL_MS) this.snapshots.delete(id);
    let snap = snapId ? this.snapshots.get(snapId) : undefined;
    if (!snap) {
      await this.settle();
      snap = { items: await this.readMatching(def, query), at: now };
      snapId = randomUUID();
      if (this.snapshots.size >= MAX_SNAPSHOTS) this.snapshots.delete(this.snapshots.keys().next().value!);
      this.snapshots.set(snapId, snap);
    }
    const items = snap.items.slice(offset, offset + pageSize);
    const more = offset + pageSize < snap.items.length;
    if (!more) this.snapshots.delete(snapId!);
    return { items: items as ListItem<L>[], ...(more ? { nextPageToken: encodeToken(snapId!, offset + pageSize) } : {}) };
  }

  /** All items matching `query`, filtered and sorted exactly like the SQLite store. */
  private async readMatching(def: ListDefinition, query: ListQuery): Promise<AnyListItem[]> {
    const base = await this.lists.listPath(def.name);
    const filter = serverFilter(def, query);
    let next: string | undefined = `${base}/items?$expand=fields&$top=${this.pageSize}${filter ? `&$filter=${encodeURIComponent(filter)}` : ''}`;
    const out: AnyListItem[] = [];
    const index = this.lists.hasIndex(def.name) ? await this.lists.index(def.name) : undefined;
    while (next) {
      const page: GraphCollection = parseGraph(collectionSchema, await this.http.get(next), `items ${def.name}`);
      for (const raw of page.value) {
        const it = parseGraph(listItemSchema, raw, `item ${def.name}`);
        if (!it.fields) continue;
        const item = this.fromGraph(def, it.id, it.fields);
        if (!item) continue;
        index?.set(itemKey(def.name, item), it.id);
        if (matches(def, item, query)) out.push(item);
      }
      next = page['@odata.nextLink'];
    }
    return sortItems(def, out, query);
  }

  async increment<L extends ListName>(list: L, init: ListItemInput<L>, column: string, by = 1): Promise<ListItem<L>> {
    const def = getListDefinition(list);
    const c = def.columns.find((x) => x.name === column);
    if (!c || c.type !== 'number') throw new Error(`Kolom ${column} van ${list} is geen getal.`);
    const item = this.validate(list, init);
    const key = itemKey(list, item);
    return this.exclusive(`${list}|${key}`, async () => {
      const current = await this.readItem(list, key);
      const next = current ? this.validate(list, { ...current, [column]: Number(current[column] ?? 0) + by }) : item;
      this.outbox.enqueue([{ list, key, mode: current ? 'upsert' : 'insert', fields: next }]);
      this.snapshots.clear();
      await this.settle();
      return next as ListItem<L>;
    });
  }

  /** Stop the worker (in-flight requests are aborted; their rows are released as uncertain) and close the outbox file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.poller) clearInterval(this.poller);
    this.abort.abort();
    await this.running;
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
    if (this.poller) clearInterval(this.poller);
    this.abort.abort();
    await this.running;
    if (this.ownsDb && this.db.open) this.db.close();
  }
}

/* ---------------- query helpers (pure) ---------------- */

const DAY = 86_400_000;
const shiftDate = (iso: string, days: number): string | undefined => {
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(t) ? undefined : new Date(t + days * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
};

/**
 * The `$filter` sent to Graph: only clauses on indexed columns (SharePoint refuses others on large lists),
 * and for date columns a range widened by a day on each side (time zones); the exact filter runs locally.
 */
export function serverFilter(def: ListDefinition, query: ListQuery): string | undefined {
  const parts: string[] = [];
  const col = (n: string) => def.columns.find((c) => c.name === n)!;
  if (query.range) {
    const c = col(query.range.column);
    if (c.indexed && (c.type === 'date' || c.type === 'dateTime')) {
      const from = query.range.from !== undefined ? shiftDate(query.range.from, -1) : undefined;
      const to = query.range.to !== undefined ? shiftDate(query.range.to, 2) : undefined;
      if (from) parts.push(`fields/${c.name} ge '${from}'`);
      if (to) parts.push(`fields/${c.name} le '${to}'`);
    }
  }
  for (const [name, value] of Object.entries(query.where ?? {})) {
    const c = col(name);
    if (!c.indexed || c.type === 'multichoice' || c.type === 'note') continue;
    const values = (Array.isArray(value) ? value : [value]) as (string | number | boolean)[];
    if (values.length === 0) continue;
    const clauses = values.map((v) => `fields/${c.name} eq ${odataLiteral(c, v)}`);
    parts.push(clauses.length === 1 ? clauses[0] : `(${clauses.join(' or ')})`);
  }
  return parts.length ? parts.join(' and ') : undefined;
}

/** The exact filter, with the SQLite store's semantics (string ranges, "one of", multichoice "contains"). */
export function matches(def: ListDefinition, item: AnyListItem, query: ListQuery): boolean {
  if (query.range) {
    const v = item[query.range.column];
    if (v === null || v === undefined) {
      if (query.range.from !== undefined || query.range.to !== undefined) return false;
    } else {
      const s = typeof v === 'string' ? v : String(v);
      if (query.range.from !== undefined && s < query.range.from) return false;
      if (query.range.to !== undefined && s > query.range.to) return false;
    }
  }
  for (const [name, value] of Object.entries(query.where ?? {})) {
    const c = def.columns.find((x) => x.name === name)!;
    const wanted = (Array.isArray(value) ? value : [value]).map((w) => String(w));
    const v = item[name];
    if (c.type === 'multichoice') {
      if (!Array.isArray(v) || !v.some((x) => wanted.includes(String(x)))) return false;
    } else if (v === null || v === undefined || !wanted.includes(String(v))) return false;
  }
  return true;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  const na = typeof a === 'boolean' ? Number(a) : a;
  const nb = typeof b === 'boolean' ? Number(b) : b;
  if (typeof na === 'number' && typeof nb === 'number') return na - nb;
  if (typeof na === 'number') return -1;
  if (typeof nb === 'number') return 1;
  const sa = Array.isArray(na) ? JSON.stringify(na) : String(na);
  const sb = Array.isArray(nb) ? JSON.stringify(nb) : String(nb);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Sort like the SQLite store: by `orderBy` then key, or by key; descending reverses both. */
export function sortItems(def: ListDefinition, items: AnyListItem[], query: ListQuery): AnyListItem[] {
  const dir = query.descending ? -1 : 1;
  const keyed = items.map((item) => ({ item, key: itemKey(def.name, item) }));
  keyed.sort((a, b) => {
    const c = query.orderBy ? compareValues(a.item[query.orderBy], b.item[query.orderBy]) : 0;
    return dir * (c !== 0 ? c : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
  return keyed.map((k) => k.item);
}

function encodeToken(s: string, o: number): string {
  return Buffer.from(JSON.stringify({ s, o })).toString('base64url');
}

function decodeToken(token: string): { s: string; o: number } {
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    if (typeof v.s === 'string' && Number.isInteger(v.o) && (v.o as number) >= 0) return { s: v.s, o: v.o as number };
  } catch {
    /* fall through */
  }
  throw new Error('Ongeldig paginatoken.');
}

export { abortableSleep };
