import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { getListDefinition, type ColumnDefinition, type ListName } from './definitions';
import iconv from 'iconv-lite';
import { leesTijdstip, TijdFout } from '../domain/tijd';
import { herstelFormule, neutraliseerFormule } from './formule-cel';
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

/**
 * A cell that `coerceCell` refuses with a message of its own (a number Excel would not write, a time that does
 * not exist in Europe/Amsterdam…). The parser reports it as a row problem for that line and column.
 */
export class CelFout {
  constructor(readonly message: string) {}
}

/** `2000`, `2.000`, `1.234,56`, `12,5`, `-3`: a number as Dutch Excel writes it (dot = thousands, comma = decimals). */
const NL_GETAL = /^([+-]?)(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;

/**
 * Read a number as Dutch Excel writes it: `2.000` → 2000, `1.234,56` → 1234.56, `12,5` → 12.5; spaces (also
 * non-breaking) are ignored.
 * @returns the number, or a CelFout for hexadecimal (`0x10`), exponent (`1e3`) and ambiguous forms (`12.5`,
 * `1,234.56`, `1.2345`: a dot is only a thousands separator here).
 */
export function leesNederlandsGetal(tekst: string): number | CelFout {
  const v = tekst.replace(/[\s\u00A0\u202F]/g, '');
  const m = NL_GETAL.exec(v);
  if (m) return Number(`${m[1]}${m[2].replace(/\./g, '')}${m[3] ? `.${m[3]}` : ''}`);
  if (/^[+-]?0x[0-9a-f]+$/i.test(v)) return new CelFout(`"${tekst}" is een hexadecimaal getal; schrijf het als gewoon getal, bv. 16`);
  if (/^[+-]?[\d.,]+e[+-]?\d+$/i.test(v)) return new CelFout(`"${tekst}" is een getal met exponent; schrijf het voluit, bv. 1000 of 1.000`);
  return new CelFout(
    `"${tekst}" is geen eenduidig getal; schrijf het zoals Nederlandse Excel: 2000, 2.000 of 1.234,56 (punt voor duizendtallen, komma voor decimalen)`,
  );
}

/**
 * Convert one CSV cell to the column's value type. Accepts what Dutch Excel writes:
 * dates `2024-03-05` or `05-03-2024` (also `5/3/2024`); date-times ISO 8601 with offset, or local
 * `05-03-2024 14:00` / `2024-03-05 14:00` read as a Europe/Amsterdam wall time (shared/src/domain/tijd.ts);
 * booleans ja/nee/true/false/1/0; numbers as {@link leesNederlandsGetal}; multichoice `a;b` (also `a,b`);
 * text as written, minus the `'` an export put before a formula trigger (./formule-cel). Empty → null.
 * @returns the value; a CelFout for a number or time that is refused with its own message; else the raw
 * string, so that the zod schema reports what was expected.
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
    case 'number':
      return leesNederlandsGetal(v);
    case 'date': {
      const m = DUTCH_DATE.exec(v);
      if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
      return v;
    }
    case 'dateTime':
      try {
        return leesTijdstip(v);
      } catch (err) {
        if (err instanceof TijdFout) return err.soort === 'formaat' ? v : new CelFout(err.message);
        throw err;
      }
    case 'multichoice':
      return v
        .split(/[;,|]/)
        .map((s) => s.trim())
        .filter(Boolean);
    case 'text':
    case 'note':
      return herstelFormule(v);
    default:
      return v;
  }
}

/** One row to validate; `fouten` are the cells `coerceCell` already refused (column → message). */
type Rij = { line: number; item: Record<string, unknown>; fouten?: Map<string, string> };

function validate(list: ListName, rows: Rij[]): ParseResult {
  const problems: RowProblem[] = [];
  const items: AnyListItem[] = [];
  const lines: number[] = [];
  const seen = new Map<string, number>();
  const schema = itemSchema(list);
  for (const { line, item, fouten } of rows) {
    for (const [column, message] of fouten ?? []) problems.push({ line, column, message });
    const r = schema.safeParse(item);
    if (!r.success || fouten?.size) {
      for (const issue of r.error?.issues ?? []) {
        const column = issue.path.length ? String(issue.path[0]) : '(rij)';
        if (fouten?.has(column)) continue; // already reported with its own message
        const [msg] = formatIssues({ issues: [issue] } as never);
        problems.push({ line, column, message: msg.replace(/^[^:]*: /, '') });
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
    records = parseCsv(clean, {
      delimiter: detectDelimiter(clean),
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      bom: true,
    }) as never;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return {
      ok: false,
      rows: 0,
      problems: [{ line: e.lines ?? 1, column: '(bestand)', message: `geen geldige CSV: ${e.message.split('\n')[0]}` }],
    };
  }
  if (records.length === 0)
    return {
      ok: false,
      rows: 0,
      problems: [{ line: 1, column: '(bestand)', message: 'leeg bestand: verwacht een kopregel met kolomnamen' }],
    };
  const byLower = new Map(def.columns.map((c) => [c.name.toLowerCase(), c]));
  const header = records[0].record.map((h) => h.trim());
  const problems: RowProblem[] = [];
  const cols = header.map((h) => {
    const c = byLower.get(h.toLowerCase());
    if (!c)
      problems.push({ line: 1, column: h || '(leeg)', message: `onbekende kolom; verwacht: ${def.columns.map((x) => x.name).join(', ')}` });
    return c;
  });
  for (const c of def.columns) {
    if (c.required && !cols.includes(c)) problems.push({ line: 1, column: c.name, message: 'verplichte kolom ontbreekt in de kopregel' });
  }
  if (problems.length) return { ok: false, problems, rows: records.length - 1 };
  const rows = records.slice(1).map(({ record, info }): Rij => {
    const item: Record<string, unknown> = {};
    const fouten = new Map<string, string>();
    if (record.length !== header.length) item.__aantalKolommen = `${record.length} in plaats van ${header.length}`;
    cols.forEach((c, i) => {
      if (!c || record[i] === undefined) return;
      const v = coerceCell(c, record[i]);
      if (v instanceof CelFout) fouten.set(c.name, v.message);
      else item[c.name] = v;
    });
    return { line: info.lines, item, fouten };
  });
  const columnCountProblems: RowProblem[] = [];
  for (const r of rows) {
    if (r.item.__aantalKolommen) {
      columnCountProblems.push({
        line: r.line,
        column: '(rij)',
        message: `verwacht ${header.length} cellen, kreeg ${String(r.item.__aantalKolommen).split(' ')[0]}`,
      });
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
  const arr = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)
      ? (data as { items: unknown[] }).items
      : undefined;
  if (!arr)
    return {
      ok: false,
      rows: 0,
      problems: [{ line: 1, column: '(bestand)', message: 'verwacht een JSON-array van items of { "items": [...] }' }],
    };
  return validate(
    list,
    arr.map((item, i) => ({ line: i + 1, item: item as Record<string, unknown> })),
  );
}

/** Items as pretty JSON (2 spaces, trailing newline): the canonical export that imports back unchanged. */
export function itemsToJson(items: readonly AnyListItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

/**
 * Items as CSV for Dutch Excel: UTF-8 BOM, `;` delimiter, header of internal names, dates ISO,
 * booleans ja/nee, multichoice `a;b` in a quoted cell, numbers with a decimal comma and never prefixed, text
 * that a spreadsheet would read as a formula with a leading `'` (./formule-cel, OWASP). Imports back unchanged.
 */
export function itemsToCsv(list: ListName, items: readonly AnyListItem[]): string {
  const def = getListDefinition(list);
  const rows = items.map((it) =>
    def.columns.map((c) => {
      const v = it[c.name];
      if (v === null || v === undefined) return '';
      if (c.type === 'boolean') return v ? 'ja' : 'nee';
      if (c.type === 'multichoice') return (v as string[]).join(';');
      if (c.type === 'number') return String(v).replace('.', ',');
      if (c.type === 'text' || c.type === 'note') return neutraliseerFormule(String(v));
      return String(v);
    }),
  );
  return `\uFEFF${stringifyCsv([def.columns.map((c) => c.name), ...rows], { delimiter: ';', record_delimiter: '\r\n' })}`;
}

/** How `decodeerBestand` read the bytes of an import file. */
export interface GedecodeerdBestand {
  tekst: string;
  codering: 'utf-8' | 'utf-16' | 'windows-1252';
  /** Set when the file was not UTF-8: a Dutch notice for the user (the CLI prints it on stderr). */
  melding?: string;
}

/**
 * Decode an import file. UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; anything that is not
 * valid UTF-8 is read as Windows-1252, which is what Dutch Excel writes for "CSV (gescheiden door
 * lijstscheidingsteken)", with a notice that says so. Bytes are never replaced by U+FFFD silently: a byte that
 * Windows-1252 does not define (0x81, 0x8D, 0x8F, 0x90, 0x9D) decodes to U+FFFD, which the list schemas refuse
 * with a message naming the row and column.
 */
export function decodeerBestand(bytes: Uint8Array, naam = 'het bestand'): GedecodeerdBestand {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { tekst: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes), codering: 'utf-16' };
  }
  try {
    return { tekst: new TextDecoder('utf-8', { fatal: true }).decode(bytes), codering: 'utf-8' };
  } catch {
    return {
      tekst: iconv.decode(Buffer.from(bytes), 'win1252'),
      codering: 'windows-1252',
      melding: `Let op: ${naam} is geen geldige UTF-8 en is gelezen als Windows-1252 (zo bewaart Excel "CSV (gescheiden door lijstscheidingsteken)"). Controleer letters als é, ë en ï; bewaar het bestand liever als "CSV UTF-8".`,
    };
  }
}

/** Re-export for callers that check a date string. */
export { isIsoDate };
