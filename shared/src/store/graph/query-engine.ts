/**
 * The read side of the Graph list store: items by key and by query, validated at the Graph boundary, with the
 * writes of this process that still wait in the outbox laid over them (read-your-writes: a booking planned
 * while Graph throttles sees the places taken a moment earlier), filtered and sorted exactly as the SQLite store
 * does. `$filter` is sent only on indexed columns (SharePoint refuses others on large lists) and refined locally.
 */
import pino from 'pino';
import type { GraphHttp } from '@shared/graph/http';
import { getListDefinition, type ListDefinition } from '../../lists/definitions';
import { itemKey, itemSchema, type AnyListItem } from '../../lists/schemas';
import type { ListQuery } from '../list-store';
import { fromGraphFields, odataLiteral } from './fields';
import { collectionSchema, type GraphLists, keyQuery, listItemSchema, parseGraph } from './graph-lists';
import type { GraphOutbox } from './outbox';

const log = pino({ name: 'graph-list-store', level: process.env.LOG_LEVEL ?? 'info' });

/** Reads of one site's lists. */
export class GraphQueryEngine {
  constructor(
    private readonly http: GraphHttp,
    private readonly lists: GraphLists,
    private readonly outbox: GraphOutbox,
    private readonly pageSize: number,
  ) {}

  /** An item from Graph fields, validated (the Graph response boundary). Undefined (and a log line) when invalid. */
  fromGraph(def: ListDefinition, id: string, fields: Record<string, unknown>): AnyListItem | undefined {
    const r = itemSchema(def.name).safeParse(fromGraphFields(def, fields));
    if (r.success) return r.data;
    log.warn({ list: def.name, itemId: id, issues: r.error.issues.map((i) => i.path.join('.')) }, 'SharePoint item does not match the list schema; skipped');
    return undefined;
  }

  /** The item with `key`: the newest pending outbox write when there is one, else Graph's (by cached id, else by `$filter`). */
  async readItem(list: string, key: string): Promise<AnyListItem | undefined> {
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
    const page = parseGraph(collectionSchema, await this.http.get(`${base}/items?$expand=fields&${keyQuery(def, key)}`), `items ${list}`);
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

  /**
   * All items matching `query`, filtered and sorted exactly like the SQLite store: Graph's items with this
   * process's pending outbox writes laid over them (an item waiting to be created is included, an item waiting
   * to be changed is seen as it will be), and then `overlay` (a transaction's own writes) over that.
   */
  async readMatching(def: ListDefinition, query: ListQuery, overlay?: ReadonlyMap<string, AnyListItem>): Promise<AnyListItem[]> {
    const base = await this.lists.listPath(def.name);
    const filter = serverFilter(def, query);
    const byKey = new Map<string, AnyListItem>();
    const index = this.lists.hasIndex(def.name) ? await this.lists.index(def.name) : undefined;
    for await (const page of this.http.pages(`${base}/items?$expand=fields&$top=${this.pageSize}${filter ? `&$filter=${encodeURIComponent(filter)}` : ''}`)) {
      for (const raw of page) {
        const it = parseGraph(listItemSchema, raw, `item ${def.name}`);
        if (!it.fields) continue;
        const item = this.fromGraph(def, it.id, it.fields);
        if (!item) continue;
        const key = itemKey(def.name, item);
        index?.set(key, it.id);
        byKey.set(key, item);
      }
    }
    for (const [key, fields] of this.outbox.pendingByKey(def.name)) byKey.set(key, fields);
    if (overlay) for (const [key, fields] of overlay) byKey.set(key, fields);
    return sortItems(
      def,
      [...byKey.values()].filter((item) => matches(def, item, query)),
      query,
    );
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
