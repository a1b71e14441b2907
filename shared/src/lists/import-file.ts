import { TZDate } from '@date-fns/tz';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { getListDefinition, type ColumnDefinition, type ListName } from './definitions';
import { formatIssues, isIsoDate, itemKey, itemSchema, type AnyListItem } from './schemas';

/**
 * Reading list items from the files HR really has (CSV exported from Dutch Excel, or JSON) and writing
 * them back out. Pure: text in, items or problems out; the CLI (`npm run lists`) does the I/O.
 */

/** One problem with one row: 1-based line in the file (CSV) or item number (JSON), column, what was expected. */
export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

/** Result of parsing a file: either every row is valid (`items`), or `problems` names every bad row. */
export type ParseResult = { ok: true; items: AnyListItem[]; lines: number[] } | { ok: false; problems: RowProblem[]; rows: number };

/** `;` or `,`: whichever occurs more often outside quotes in the header line. */
export function detectDelimiter(text: string): ';' | ',' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semi++;
    else if (!quoted && ch === ',') comma++;
  }
  return semi >= comma && semi > 0 ? ';' : ',';
}

const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const DUTCH_DATETIME = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})[ T](\d{1,2}):(\d{2})$/;
const LOCAL_ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Convert one CSV cell to the column's value type. Accepts what Dutch Excel writes:
 * dates `2024-03-05` or `05-03-2024` (also `5/3/2024`); date-times ISO 8601 with offset, or local
 * `05-03-2024 14:00` / `2024-03-05 14:00` read as Europe/Amsterdam; booleans ja/nee/true/false/1/0;
 * numbers with a decimal comma; multichoice `a;b` (also `a,b`). Empty → null.
 * Returns the raw string when it cannot convert, so the zod schema reports what was expected.
 */
export function coerceCell(col: ColumnDefinition, raw: string): unknown {
  const v = raw.trim();
  if (v === '') return col.type === 'multichoice' ? [] : null;
  switch (col.type) {
    case 'boolean': {
      const b = v.toLowerCase();
      if (['ja', 'j', 'true', 'waar', '1', 'yes', 'y', 'x'].includes(b)) return true;
      if (['nee', 'n', 'false', 'onwaar', '0', 'no'].includes(b)) return false;
      return v;
    }
    case 'number': {
      const n = Number(v.replace(/\s/g, '').replace(',', '.'));
      return Number.isFinite(n) ? n : v;
    }
    case 'date': {
      const m = DUTCH_DATE.exec(v);
      if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
      return v;
    }
    case 'dateTime': {
      const m = DUTCH_DATETIME.exec(v);
      const iso = LOCAL_ISO_DATETIME.exec(v);
      const parts = m ? [m[3], m[2], m[1], m[4], m[5], '0'] : iso ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6] ?? '0'] : undefined;
      if (parts) {
        const [y, mo, d, h, mi, s] = parts.map(Number);
        return new Date(new TZDate(y, mo - 1, d, h, mi, s, 'Europe/Amsterdam').getTime()).toISOString();
      }
      return v;
    }
    case 'multichoice':
      return v.split(/[;,|]/).map((s) => s.trim()).filter(Boolean);
    default:
      return v;
  }
}

function validate(list: ListName, rows: { line: number; item: Record<string, unknown> }[]): ParseResult {
  const problems: RowProblem[] = [];
  const items: AnyListItem[] = [];
  const lines: number[] = [];
  const seen = new Map<string, number>();
  const schema = itemSchema(list);
  for (const { line, item } of rows) {
    const r = schema.safeParse(item);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const [msg] = formatIssues({ issues: [issue] } as never);
        problems.push({ line, column: issue.path.length ? String(issue.path[0]) : '(rij)', message: msg.replace(/^[^:]*: /, '') });
      }
      continue;
    }
    const key = itemKey(list, r.data);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line, column: getListDefinition(list).key.join('+'), message: `sleutel ${key} staat ook op regel ${first}` });
      continue;
    }
    seen.set(key, line);
    items.push(r.data);
    lines.push(line);
  }
  return problems.length ? { ok: false, problems, rows: rows.length } : { ok: true, items, lines };
}

/**
 * Parse CSV text for `list`: header row of internal column names (case-insensitive), `;` or `,`,
 * UTF-8 with or without BOM. Every row is validated with the list's zod schema.
 * @returns all items, or every problem with its file line number (the header is line 1).
 */
export function parseCsvItems(list: ListName, text: string): ParseResult {
  const def = getListDefinition(list);
  const clean = text.replace(/^\uFEFF/, '');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(clean, { delimiter: detectDelimiter(clean), info: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as never;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { ok: false, rows: 0, problems: [{ line: e.lines ?? 1, column: '(bestand)', message: `geen geldige CSV: ${e.message.split('\n')[0]}` }] };
  }
  if (records.length === 0) return { ok: false, rows: 0, problems: [{ line: 1, column: '(bestand)', message: 'leeg bestand: verwacht een kopregel met kolomnamen' }] };
  const byLower = new Map(def.columns.map((c) => [c.name.toLowerCase(), c]));
  const header = records[0].record.map((h) => h.trim());
  const problems: RowProblem[] = [];
  const cols = header.map((h) => {
    const c = byLower.get(h.toLowerCase());
    if (!c) problems.push({ line: 1, column: h || '(leeg)', message: `onbekende kolom; verwacht: ${def.columns.map((x) => x.name).join(', ')}` });
    return c;
  });
  for (const c of def.columns) {
    if (c.required && !cols.includes(c)) problems.push({ line: 1, column: c.name, message: 'verplichte kolom ontbreekt in de kopregel' });
  }
  if (problems.length) return { ok: false, problems, rows: records.length - 1 };
  const rows = records.slice(1).map(({ record, info }) => {
    const item: Record<string, unknown> = {};
    if (record.length !== header.length) item.__aantalKolommen = `${record.length} in plaats van ${header.length}`;
    cols.forEach((c, i) => {
      if (c && record[i] !== undefined) item[c.name] = coerceCell(c, record[i]);
    });
    return { line: info.lines, item };
  });
  const columnCountProblems: RowProblem[] = [];
  for (const r of rows) {
    if (r.item.__aantalKolommen) {
      columnCountProblems.push({ line: r.line, column: '(rij)', message: `verwacht ${header.length} cellen, kreeg ${String(r.item.__aantalKolommen).split(' ')[0]}` });
      delete r.item.__aantalKolommen;
    }
  }
  const result = validate(list, rows);
  if (columnCountProblems.length) {
    const rest = result.ok ? [] : result.problems;
    return { ok: false, rows: rows.length, problems: [...columnCountProblems, ...rest].sort((a, b) => a.line - b.line) };
  }
  return result;
}

/**
 * Parse JSON for `list`: an array of items (or `{ "items": [...] }`), as `export --format json` writes.
 * Items are numbered from 1 in problems.
 */
export function parseJsonItems(list: ListName, text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, rows: 0, problems: [{ line: 1, column: '(bestand)', message: `geen geldige JSON: ${(err as Error).message}` }] };
  }
  const arr = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items) ? (data as { items: unknown[] }).items : undefined;
  if (!arr) return { ok: false, rows: 0, problems: [{ line: 1, column: '(bestand)', message: 'verwacht een JSON-array van items of { "items": [...] }' }] };
  return validate(list, arr.map((item, i) => ({ line: i + 1, item: item as Record<string, unknown> })));
}

/** Items as pretty JSON (2 spaces, trailing newline): the canonical export that imports back unchanged. */
export function itemsToJson(items: readonly AnyListItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

/**
 * Items as CSV for Dutch Excel: UTF-8 BOM, `;` delimiter, header of internal names, dates ISO,
 * booleans ja/nee, multichoice `a;b` in a quoted cell. Imports back unchanged.
 */
export function itemsToCsv(list: ListName, items: readonly AnyListItem[]): string {
  const def = getListDefinition(list);
  const rows = items.map((it) =>
    def.columns.map((c) => {
      const v = it[c.name];
      if (v === null || v === undefined) return '';
      if (c.type === 'boolean') return v ? 'ja' : 'nee';
      if (c.type === 'multichoice') return (v as string[]).join(';');
      return String(v);
    }),
  );
  return `\uFEFF${stringifyCsv([def.columns.map((c) => c.name), ...rows], { delimiter: ';', record_delimiter: '\r\n' })}`;
}

/** Re-export for callers that check a date string. */
export { isIsoDate };
