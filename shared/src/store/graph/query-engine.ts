/**
 * The read side of the Graph list store: items by key and by query, validated at the Graph boundary, with the
 * writes of this process that still wait in the outbox laid over them (read-your-writes: a booking planned
 * while Graph throttles sees the places taken a moment earlier), filtered and sorted exactly as the SQLite store
 * does. `$filter` is sent only on indexed columns (SharePoint refuses others on large lists) and refined locally.
 */
import pino from 'pino';
import type { GraphHttp } from '@shared/graph/http';
import { getListDefinition, type ListDefinition } from '../../lists/definitions';
import { itemKey, leesItemSchema, type AnyListItem } from '../../lists/schemas';
import type { ListQuery } from '../list-store';
import { fromGraphFields, odataLiteral } from './fields';
import { type GraphLists, keyQuery, listItemSchema, parseGraph } from './graph-lists';
import { alsSharePointWeigering, OnleesbareItemsFout, type OnleesbaarItem } from './leesfouten';
import type { GraphOutbox } from './outbox';

const log = pino({ name: 'graph-list-store', level: process.env.LOG_LEVEL ?? 'info' });

/** Reads of one site's lists. */
export class GraphQueryEngine {
  constructor(
    private readonly http: GraphHttp,
    private readonly lists: GraphLists,
    /** The pending writes laid over Graph's items (read-your-writes); an overlay that holds nothing reads SharePoint as it is. */
    private readonly outbox: Pick<GraphOutbox, 'latestPending' | 'pendingByKey'>,
    private readonly pageSize: number,
  ) {}

  /**
   * An item from Graph fields, validated (the Graph response boundary) with `leesItemSchema`: an absent yes/no
   * value is `null` (onbekend). @returns the item, or the columns at fault.
   */
  fromGraph(def: ListDefinition, fields: Record<string, unknown>): { item: AnyListItem } | { kolommen: string[] } {
    const r = leesItemSchema(def.name).safeParse(fromGraphFields(def, fields));
    if (r.success) return { item: r.data };
    return { kolommen: [...new Set(r.error.issues.map((i) => String(i.path[0] ?? '(item)')))] };
  }

  /**
   * Items of one Graph page, each validated. Items that came without `fields` (Graph leaves them out without
   * `$expand`, and a next page may lose it) are requested again with `$expand=fields`, 20 per `$batch`.
   * Items that still cannot be read are returned in `onleesbaar` (id and columns), never dropped.
   */
  private async leesPagina(
    def: ListDefinition,
    base: string,
    raws: readonly unknown[],
  ): Promise<{ items: { id: string; item: AnyListItem }[]; onleesbaar: OnleesbaarItem[] }> {
    const items: { id: string; item: AnyListItem }[] = [];
    const onleesbaar: OnleesbaarItem[] = [];
    const zonderVelden: string[] = [];
    const lees = (id: string, fields: Record<string, unknown>) => {
      const r = this.fromGraph(def, fields);
      if ('item' in r) items.push({ id, item: r.item });
      else onleesbaar.push({ id, kolommen: r.kolommen });
    };
    for (const raw of raws) {
      const it = parseGraph(listItemSchema, raw, `item ${def.name}`);
      if (it.fields) lees(it.id, it.fields);
      else zonderVelden.push(it.id);
    }
    if (zonderVelden.length) {
      log.warn({ list: def.name, aantal: zonderVelden.length }, 'Graph returned items without fields; asking again with $expand=fields');
      const res = await this.http.batch(
        zonderVelden.map((id) => ({ id, method: 'GET' as const, url: `${base}/items/${id}?$expand=fields` })),
      );
      for (const id of zonderVelden) {
        const r = res.get(id);
        const it = r && r.status === 200 ? listItemSchema.safeParse(r.body) : undefined;
        if (it?.success && it.data.fields) lees(id, it.data.fields);
        else onleesbaar.push({ id, kolommen: ['fields'] });
      }
    }
    return { items, onleesbaar };
  }

  /** Every page of `url`, SharePoint's refusals (list view threshold, non-indexed filter) as a Dutch error. */
  private async *paginas(list: string, url: string): AsyncGenerator<unknown[]> {
    try {
      yield* this.http.pages(url);
    } catch (err) {
      throw alsSharePointWeigering(list, err) ?? err;
    }
  }

  /**
   * The item with `key`: the newest pending outbox write when there is one, else Graph's (by cached id, else by `$filter`).
   * @throws OnleesbareItemsFout when SharePoint holds the item but it cannot be read.
   */
  async readItem(list: string, key: string): Promise<AnyListItem | undefined> {
    const def = getListDefinition(list);
    const pending = this.outbox.latestPending(list, key);
    if (pending) return pending.fields;
    const base = await this.lists.listPath(list);
    const index = await this.lists.index(list);
    const id = index.get(key);
    if (id) {
      try {
        const { items, onleesbaar } = await this.leesPagina(def, base, [await this.http.get(`${base}/items/${id}?$expand=fields`)]);
        if (onleesbaar.length) throw new OnleesbareItemsFout(list, onleesbaar);
        if (items.length) return items[0].item;
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode !== 404) throw err;
        this.lists.remember(list, key, undefined);
      }
    }
    // Not in the cache: another process may have written it; look it up by key ($filter on indexed key columns).
    for await (const page of this.paginas(list, `${base}/items?$expand=fields&${keyQuery(def, key)}`)) {
      const { items, onleesbaar } = await this.leesPagina(def, base, page);
      const hit = items.find(({ item }) => itemKey(list, item) === key);
      if (hit) {
        this.lists.remember(list, key, hit.id);
        return hit.item;
      }
      if (onleesbaar.length) throw new OnleesbareItemsFout(list, onleesbaar);
    }
    return undefined;
  }

  /**
   * All items matching `query`, filtered and sorted exactly like the SQLite store: Graph's items with this
   * process's pending outbox writes laid over them (an item waiting to be created is included, an item waiting
   * to be changed is seen as it will be), and then `overlay` (a transaction's own writes) over that.
   * @throws OnleesbareItemsFout naming every item that cannot be read (nothing is dropped); SharePointWeigertFout
   * when SharePoint refuses the query.
   */
  async readMatching(def: ListDefinition, query: ListQuery, overlay?: ReadonlyMap<string, AnyListItem>): Promise<AnyListItem[]> {
    const base = await this.lists.listPath(def.name);
    const filter = serverFilter(def, query);
    const byKey = new Map<string, AnyListItem>();
    const onleesbaar: OnleesbaarItem[] = [];
    const index = this.lists.hasIndex(def.name) ? await this.lists.index(def.name) : undefined;
    for await (const page of this.paginas(
      def.name,
      `${base}/items?$expand=fields&$top=${this.pageSize}${filter ? `&$filter=${encodeURIComponent(filter)}` : ''}`,
    )) {
      const gelezen = await this.leesPagina(def, base, page);
      onleesbaar.push(...gelezen.onleesbaar);
      for (const { id, item } of gelezen.items) {
        const key = itemKey(def.name, item);
        index?.set(key, id);
        byKey.set(key, item);
      }
    }
    if (onleesbaar.length) {
      log.error({ list: def.name, items: onleesbaar }, 'SharePoint items cannot be read; the read fails');
      throw new OnleesbareItemsFout(def.name, onleesbaar);
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
