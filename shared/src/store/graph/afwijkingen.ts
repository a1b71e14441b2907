/**
 * The drift between PostgreSQL (the source of truth with `STORE=postgres`) and the SharePoint lists it mirrors, for
 * `lists sync` (docs/contracts.md "Commands"): per list, the items missing on either side and, per item present on
 * both, the columns whose values differ. Pure; the reading is done by the caller.
 *
 * Values are compared as the list schema makes them canonical (both sides are read through it): an empty value
 * (`null`, absent, `''`, an empty multichoice) equals another empty value; multichoice values are compared as sets
 * (SharePoint keeps no order we rely on); dateTime values as instants; numbers as numbers.
 */
import type { ColumnDefinition, ListDefinition } from '../../lists/definitions';
import { itemKey, type AnyListItem } from '../../lists/schemas';

/** One differing column of an item present on both sides. Values as the list holds them (codes, dates, numbers). */
export interface VeldAfwijking {
  kolom: string;
  postgres: unknown;
  sharepoint: unknown;
}

/**
 * One differing item: `ontbreektInSharePoint` (in PostgreSQL only), `alleenInSharePoint` (not in PostgreSQL), or
 * `verschilt` with the columns in `velden`.
 */
export interface Afwijking {
  list: string;
  key: string;
  soort: 'ontbreektInSharePoint' | 'alleenInSharePoint' | 'verschilt';
  velden: VeldAfwijking[];
}

/** The comparison of one list. */
export interface LijstVergelijking {
  list: string;
  inPostgres: number;
  inSharePoint: number;
  afwijkingen: Afwijking[];
}

const leeg = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** True when two values of column `c` are the same (see module doc). */
export function gelijkeWaarde(c: ColumnDefinition, a: unknown, b: unknown): boolean {
  if (leeg(a) || leeg(b)) return leeg(a) && leeg(b);
  if (c.type === 'multichoice' && Array.isArray(a) && Array.isArray(b)) {
    const sa = (a as unknown[]).map(String).sort();
    const sb = (b as unknown[]).map(String).sort();
    return sa.length === sb.length && sa.every((x, i) => x === sb[i]);
  }
  if (c.type === 'dateTime' && typeof a === 'string' && typeof b === 'string') return Date.parse(a) === Date.parse(b);
  if (c.type === 'number') return Number(a) === Number(b);
  return a === b;
}

/**
 * Compare the items of one list on both sides.
 * @param postgres every item of the list in PostgreSQL
 * @param sharepoint every item of the list in SharePoint (read without the outbox laid over it)
 * @returns the counts and the differing items, in key order
 */
export function vergelijkLijst(
  def: ListDefinition,
  postgres: readonly AnyListItem[],
  sharepoint: readonly AnyListItem[],
): LijstVergelijking {
  const pg = new Map(postgres.map((i) => [itemKey(def.name, i), i]));
  const sp = new Map(sharepoint.map((i) => [itemKey(def.name, i), i]));
  const afwijkingen: Afwijking[] = [];
  for (const key of [...new Set([...pg.keys(), ...sp.keys()])].sort()) {
    const a = pg.get(key);
    const b = sp.get(key);
    if (!b) afwijkingen.push({ list: def.name, key, soort: 'ontbreektInSharePoint', velden: [] });
    else if (!a) afwijkingen.push({ list: def.name, key, soort: 'alleenInSharePoint', velden: [] });
    else {
      const velden = def.columns
        .filter((c) => !gelijkeWaarde(c, a[c.name], b[c.name]))
        .map((c) => ({ kolom: c.name, postgres: a[c.name] ?? null, sharepoint: b[c.name] ?? null }));
      if (velden.length) afwijkingen.push({ list: def.name, key, soort: 'verschilt', velden });
    }
  }
  return { list: def.name, inPostgres: pg.size, inSharePoint: sp.size, afwijkingen };
}
