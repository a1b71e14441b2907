/**
 * What the adapter knows about the lists on the site: list ids by name, and per list a cache key → item id
 * (the "key index"), loaded once with one paged read of the key columns and kept up to date by our writes.
 */
import { z } from 'zod';
import { getListDefinition, type ListDefinition } from '../../lists/definitions';
import { itemKey } from '../../lists/schemas';
import { columnFromGraph, odataLiteral } from './fields';
import type { GraphHttp, SubRequest, SubResponse } from '@shared/graph/http';

/** A Graph collection page (`value` + optional `@odata.nextLink`). */
export const collectionSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});
/** A parsed Graph collection page. */
export type GraphCollection = z.infer<typeof collectionSchema>;

/** A list item as Graph returns it with `$expand=fields`. */
export const listItemSchema = z.object({
  id: z.string(),
  fields: z.record(z.string(), z.unknown()).optional(),
});

const listSchema = z.object({ id: z.string(), name: z.string().optional(), displayName: z.string().optional() });

/** Parse a Graph response with `schema`; the error names only paths, never values. */
export function parseGraph<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const r = schema.safeParse(raw);
  if (!r.success)
    throw new Error(`Onverwacht antwoord van Graph (${what}): ${r.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`);
  return r.data;
}

/** The key of an item from Graph fields (key columns converted like any read). */
export function keyFromFields(def: ListDefinition, fields: Record<string, unknown>): string {
  const item: Record<string, unknown> = {};
  for (const k of def.key)
    item[k] = columnFromGraph(
      def.columns.find((c) => c.name === k)!,
      fields[k],
    );
  return itemKey(def.name, item);
}

/**
 * `$filter` that narrows to the item with `key`: clauses only on the indexed key columns (SharePoint
 * refuses others); with a composite key whose columns are not all indexed, `exact` is false and the
 * caller must compare keys itself (it always does).
 */
export function keyFilter(def: ListDefinition, key: string): { filter: string; exact: boolean } {
  const parts = key.split('|');
  const clauses: string[] = [];
  def.key.forEach((k, i) => {
    const col = def.columns.find((c) => c.name === k)!;
    if (col.indexed) clauses.push(`fields/${k} eq ${odataLiteral(col, parts[i])}`);
  });
  return { filter: clauses.join(' and '), exact: clauses.length === def.key.length };
}

/** Query string part that selects items by key: `$filter=…&$top=…` (URL-encoded). */
export function keyQuery(def: ListDefinition, key: string): string {
  const { filter, exact } = keyFilter(def, key);
  return `${filter ? `$filter=${encodeURIComponent(filter)}&` : ''}$top=${exact ? 2 : 5000}`;
}

/** List ids and key indexes of one site. */
export class GraphLists {
  private listIds?: Promise<Map<string, string>>;
  private readonly indexes = new Map<string, Map<string, string>>();
  private readonly loading = new Map<string, Promise<Map<string, string>>>();

  constructor(
    private readonly http: GraphHttp,
    readonly siteId: string,
    private readonly pageSize: number,
  ) {}

  /** `/sites/{site}/lists/{listId}` for list `name`. @throws Error (Dutch) when the list is not on the site. */
  async listPath(name: string): Promise<string> {
    if (!this.listIds) {
      this.listIds = this.loadListIds().catch((e) => {
        this.listIds = undefined;
        throw e;
      });
    }
    const id = (await this.listIds).get(name);
    if (!id) {
      this.listIds = undefined;
      throw new Error(`Lijst ${name} bestaat niet op SharePoint-site ${this.siteId}. Voer eerst "npm run lists -- provision" uit.`);
    }
    return `/sites/${this.siteId}/lists/${id}`;
  }

  private async loadListIds(): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    let next: string | undefined = `/sites/${this.siteId}/lists?$select=id,name,displayName&$top=500`;
    while (next) {
      const page: GraphCollection = parseGraph(collectionSchema, await this.http.get(next), 'lijsten');
      for (const raw of page.value) {
        const l = parseGraph(listSchema, raw, 'lijst');
        if (l.displayName) map.set(l.displayName, l.id);
        if (l.name) map.set(l.name, l.id);
      }
      next = page['@odata.nextLink'];
    }
    return map;
  }

  /**
   * The key index of `list` (key → item id), loaded on first use with one paged read of the key columns
   * (`$expand=fields($select=…)`, ⌈items / page size⌉ requests).
   */
  async index(list: string): Promise<Map<string, string>> {
    const hit = this.indexes.get(list);
    if (hit) return hit;
    let p = this.loading.get(list);
    if (!p) {
      p = this.loadIndex(list).finally(() => this.loading.delete(list));
      this.loading.set(list, p);
    }
    return p;
  }

  /** True when the key index of `list` is in memory. */
  hasIndex(list: string): boolean {
    return this.indexes.has(list);
  }

  private async loadIndex(list: string): Promise<Map<string, string>> {
    const def = getListDefinition(list);
    const base = await this.listPath(list);
    const map = new Map<string, string>();
    let next: string | undefined = `${base}/items?$select=id&$expand=fields($select=${def.key.join(',')})&$top=${this.pageSize}`;
    while (next) {
      const page: GraphCollection = parseGraph(collectionSchema, await this.http.get(next), `items ${list}`);
      for (const raw of page.value) {
        const it = parseGraph(listItemSchema, raw, `item ${list}`);
        if (it.fields) map.set(keyFromFields(def, it.fields), it.id);
      }
      next = page['@odata.nextLink'];
    }
    this.indexes.set(list, map);
    return map;
  }

  /** Remember (or forget, with `id` undefined) the item id of a key. */
  remember(list: string, key: string, id: string | undefined): void {
    const idx = this.indexes.get(list);
    if (!idx) return;
    if (id === undefined) idx.delete(key);
    else idx.set(key, id);
  }

  /**
   * Look keys up in Graph by `$filter` on the key columns (indexed), 20 per `$batch`. Updates the index.
   * @returns key → item id for the keys that exist; keys whose lookup failed are in `unknown`
   */
  async lookup(list: string, keys: readonly string[]): Promise<{ found: Map<string, string>; unknown: Set<string> }> {
    const def = getListDefinition(list);
    const base = await this.listPath(list);
    const reqs: SubRequest[] = keys.map((k, i) => ({
      id: String(i + 1),
      method: 'GET',
      url: `${base}/items?$select=id&$expand=fields($select=${def.key.join(',')})&${keyQuery(def, k)}`,
    }));
    const res = await this.http.batch(reqs);
    const found = new Map<string, string>();
    const unknown = new Set<string>();
    keys.forEach((k, i) => {
      const r: SubResponse | undefined = res.get(String(i + 1));
      if (!r || r.status !== 200) {
        unknown.add(k);
        return;
      }
      const page = collectionSchema.safeParse(r.body);
      if (!page.success) {
        unknown.add(k);
        return;
      }
      for (const raw of page.data.value) {
        const it = listItemSchema.safeParse(raw);
        if (it.success && it.data.fields && keyFromFields(def, it.data.fields) === k) {
          found.set(k, it.data.id);
          break;
        }
      }
      this.remember(list, k, found.get(k));
    });
    return { found, unknown };
  }
}
