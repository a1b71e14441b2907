/**
 * Conversion between our canonical list items and Graph `listItem.fields` (docs/contracts.md "SharePoint lists").
 *
 * Writing: multichoice as a string array with `"<col>@odata.type": "Collection(Edm.String)"` beside it
 * (without the annotation SharePoint fails with a generic error); date columns as the calendar date at
 * 12:00 UTC, which is the same calendar day in every site time zone from UTC−11 to UTC+11, so SharePoint
 * never shifts a date-only value to the day before; numbers and booleans as JSON numbers and booleans.
 *
 * Reading: Graph is loose about types. Numbers may come as strings (`"3"`), booleans as `"1"`/`"0"`,
 * `"true"`, `"Yes"`; date-only columns as the site's local midnight in UTC (`2024-03-04T23:00:00Z` for
 * 5 March on a Europe/Amsterdam site). Each value is converted to the canonical type and the result is
 * validated with the list's zod schema by the caller.
 */
import type { ColumnDefinition, ListDefinition } from '../../lists/definitions';
import type { AnyListItem } from '../../lists/schemas';
import { amsterdamDate } from '../../domain/tijd';

/** The Graph field value of a `YYYY-MM-DD` date: noon UTC of that date (see module doc). */
export function dateToGraph(date: string): string {
  return `${date}T12:00:00Z`;
}

/**
 * A date-only value as Graph returns it, as `YYYY-MM-DD`: a bare date is kept; an instant becomes its
 * Europe/Amsterdam calendar date (the sites are set to that time zone, docs/contracts.md "SharePoint lists").
 */
export function dateFromGraph(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const hit = dateCache.get(value);
  if (hit !== undefined) return hit;
  const t = Date.parse(value);
  const out = Number.isNaN(t) ? value : amsterdamDate(new Date(t));
  if (dateCache.size >= 20_000) dateCache.clear();
  dateCache.set(value, out);
  return out;
}
/* Time-zone conversion is the costliest step of reading a large list, and lists repeat dates a lot. */
const dateCache = new Map<string, string>();

/**
 * Graph `fields` for a write of `item`.
 * @param mode `create`: empty values are left out; `patch`: empty values are sent as null (clears them).
 */
export function toGraphFields(def: ListDefinition, item: AnyListItem, mode: 'create' | 'patch'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const col of def.columns) {
    const v = item[col.name];
    if (v === null || v === undefined) {
      if (mode === 'patch') out[col.name] = col.type === 'multichoice' ? [] : null;
      if (mode === 'patch' && col.type === 'multichoice') out[`${col.name}@odata.type`] = 'Collection(Edm.String)';
      continue;
    }
    switch (col.type) {
      case 'multichoice':
        out[`${col.name}@odata.type`] = 'Collection(Edm.String)';
        out[col.name] = [...(v as string[])];
        break;
      case 'date':
        out[col.name] = dateToGraph(String(v));
        break;
      default:
        out[col.name] = v;
    }
  }
  return out;
}

function toBoolean(v: unknown): unknown {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (['true', '1', 'yes', 'ja'].includes(s)) return true;
    if (['false', '0', 'no', 'nee'].includes(s)) return false;
  }
  return v;
}

function toNumber(v: unknown): unknown {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return v;
}

function toStringArray(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(String);
  // Older SharePoint APIs serialise multichoice as ";#a;#b;#".
  if (typeof v === 'string') return v.split(';#').filter((s) => s !== '');
  return v;
}

/** One column value from Graph, converted to the canonical type (unconvertible values are passed on for zod to reject). */
export function columnFromGraph(col: ColumnDefinition, v: unknown): unknown {
  if (v === null || v === undefined || v === '') {
    if (col.type === 'multichoice') return [];
    // An absent Yes/No value is unknown (a column added after the item was written), not "nee": the report
    // counts it as onbekend (leesItemSchema lets it through as null).
    return null;
  }
  switch (col.type) {
    case 'number':
      return toNumber(v);
    case 'boolean':
      return toBoolean(v);
    case 'multichoice':
      return toStringArray(v);
    case 'date':
      return typeof v === 'string' ? dateFromGraph(v) : v;
    case 'dateTime': {
      const t = typeof v === 'string' ? Date.parse(v) : NaN;
      return Number.isNaN(t) ? v : new Date(t).toISOString();
    }
    default:
      return typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
  }
}

/**
 * Our item from Graph `fields`: only the definition's columns (SharePoint's own fields such as Title,
 * Created, `@odata.etag` are dropped). Validate the result with `itemSchema(list)`.
 */
export function fromGraphFields(def: ListDefinition, fields: Record<string, unknown>): AnyListItem {
  const out: AnyListItem = {};
  for (const col of def.columns) {
    const v = columnFromGraph(col, fields[col.name]);
    if (v === null && (!col.required || col.type === 'boolean')) continue; // absent optional or yes/no column → null
    out[col.name] = v;
  }
  return out;
}

/** OData string literal: single quotes doubled (`'O''Brien'`). */
export function odataString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** OData literal for a column value in `$filter` (dates as the instant range start, see callers). */
export function odataLiteral(col: ColumnDefinition, v: string | number | boolean): string {
  if (col.type === 'number') return String(Number(v));
  if (col.type === 'boolean') return v === true || v === 'true' ? 'true' : 'false';
  return odataString(String(v));
}
