import type BetterSqlite3 from 'better-sqlite3';
import { getListDefinition, LIST_NAMES, type ColumnDefinition, type ListDefinition, type ListName } from '../lists/definitions';
import { formatIssues, itemKey, itemSchema, type AnyListItem, type ListItem, type ListItemInput } from '../lists/schemas';
import { openDatabase, type SqliteDatabase } from './database';
import { InvalidItemError, ItemNotFoundError, validateAll, type AddResult, type ListPage, type ListQuery, type ListStore } from './list-store';

const DEFAULT_PAGE = 500;
const MAX_PAGE = 5000;

function sqlType(col: ColumnDefinition): string {
  if (col.type === 'boolean') return 'INTEGER';
  if (col.type === 'number') return col.integer ? 'INTEGER' : 'REAL';
  return 'TEXT';
}

/** Quote an identifier for SQL. Names come from our own definitions, never from users. */
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One list's table and prepared statements. */
interface Table {
  def: ListDefinition;
  cols: Map<string, ColumnDefinition>;
  insert: BetterSqlite3.Statement<unknown[]>;
  get: BetterSqlite3.Statement<unknown[]>;
  update: BetterSqlite3.Statement<unknown[]>;
}

/**
 * The embedded ListStore: one SQLite table per list (`list_<Name>`), one typed column per list column,
 * `_key` (key columns joined by `|`) as primary key, indexes on the columns the definitions mark indexed.
 * Booleans are stored 0/1, multichoice values as JSON arrays. Paging tokens are offsets.
 *
 * Construct with a file path (`data/integriteitsplein.db`, WAL mode), `:memory:`, or an open database.
 */
export class SqliteListStore implements ListStore {
  readonly db: SqliteDatabase;
  private readonly ownsDb: boolean;
  private readonly tables = new Map<ListName, Table>();

  constructor(fileOrDb: string | SqliteDatabase = ':memory:') {
    this.ownsDb = typeof fileOrDb === 'string';
    this.db = typeof fileOrDb === 'string' ? openDatabase(fileOrDb) : fileOrDb;
    this.migrate();
  }

  private migrate(): void {
    for (const name of LIST_NAMES) {
      const def = getListDefinition(name);
      const table = q(`list_${name}`);
      const colsSql = def.columns.map((c) => `${q(c.name)} ${sqlType(c)}`).join(', ');
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (_key TEXT PRIMARY KEY NOT NULL, ${colsSql})`);
      // Add columns that a newer definition has and an older file lacks (never drop).
      const existing = new Set((this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((r) => r.name));
      for (const c of def.columns) if (!existing.has(c.name)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${q(c.name)} ${sqlType(c)}`);
      for (const c of def.columns) {
        if (c.indexed) this.db.exec(`CREATE INDEX IF NOT EXISTS ${q(`ix_${name}_${c.name}`)} ON ${table} (${q(c.name)})`);
      }
      const names = def.columns.map((c) => c.name);
      const nonKey = names.filter((n) => !def.key.includes(n));
      this.tables.set(name, {
        def,
        cols: new Map(def.columns.map((c) => [c.name, c])),
        insert: this.db.prepare(`INSERT OR IGNORE INTO ${table} (_key, ${names.map(q).join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`),
        get: this.db.prepare(`SELECT * FROM ${table} WHERE _key = ?`),
        update: this.db.prepare(`UPDATE ${table} SET ${nonKey.map((n) => `${q(n)} = ?`).join(', ')} WHERE _key = ?`),
      });
    }
  }

  private table(list: string): Table {
    const t = this.tables.get(list as ListName);
    if (!t) getListDefinition(list); // throws the Dutch "onbekende lijst" error
    return t!;
  }

  private validate(list: string, input: unknown): AnyListItem {
    const r = itemSchema(list).safeParse(input);
    if (!r.success) throw new InvalidItemError(list, formatIssues(r.error));
    return r.data;
  }

  private toRow(t: Table, item: AnyListItem, columns: readonly ColumnDefinition[] = t.def.columns): unknown[] {
    return columns.map((c) => {
      const v = item[c.name];
      if (v === null || v === undefined) return null;
      if (c.type === 'boolean') return v ? 1 : 0;
      if (c.type === 'multichoice') return JSON.stringify(v);
      return v;
    });
  }

  private fromRow(t: Table, row: Record<string, unknown>): AnyListItem {
    const out: AnyListItem = {};
    for (const c of t.def.columns) {
      const v = row[c.name];
      if (v === null || v === undefined) out[c.name] = null;
      else if (c.type === 'boolean') out[c.name] = v === 1;
      else if (c.type === 'multichoice') out[c.name] = JSON.parse(v as string);
      else out[c.name] = v;
    }
    return out;
  }

  async add<L extends ListName>(list: L, input: ListItemInput<L>): Promise<AddResult<ListItem<L>>> {
    const t = this.table(list);
    const item = this.validate(list, input);
    const key = itemKey(list, item);
    const res = t.insert.run(key, ...this.toRow(t, item));
    if (res.changes === 1) return { created: true, item: item as ListItem<L> };
    return { created: false, item: this.fromRow(t, t.get.get(key) as Record<string, unknown>) as ListItem<L> };
  }

  async addMany<L extends ListName>(list: L, inputs: readonly ListItemInput<L>[], onProgress?: (done: number, total: number) => void): Promise<{ created: number; existing: number }> {
    const t = this.table(list);
    const items = validateAll(list, inputs);
    let created = 0;
    const step = Math.max(1000, Math.floor(items.length / 100));
    this.db.transaction(() => {
      items.forEach((item, i) => {
        created += t.insert.run(itemKey(list, item), ...this.toRow(t, item)).changes;
        if (onProgress && (i + 1) % step === 0) onProgress(i + 1, items.length);
      });
    })();
    onProgress?.(items.length, items.length);
    return { created, existing: items.length - created };
  }

  async update<L extends ListName>(list: L, key: string, patch: Partial<ListItemInput<L>>): Promise<ListItem<L>> {
    const t = this.table(list);
    return this.db.transaction(() => {
      const row = t.get.get(key) as Record<string, unknown> | undefined;
      if (!row) throw new ItemNotFoundError(list, key);
      const current = this.fromRow(t, row);
      for (const k of t.def.key) {
        if (k in (patch as AnyListItem) && (patch as AnyListItem)[k] !== current[k]) {
          throw new InvalidItemError(list, [`${k}: sleutelkolom kan niet worden gewijzigd`]);
        }
      }
      const merged = this.validate(list, { ...current, ...patch });
      const nonKey = t.def.columns.filter((c) => !t.def.key.includes(c.name));
      t.update.run(...this.toRow(t, merged, nonKey), key);
      return merged as ListItem<L>;
    })();
  }

  async get<L extends ListName>(list: L, key: string): Promise<ListItem<L> | undefined> {
    const t = this.table(list);
    const row = t.get.get(key) as Record<string, unknown> | undefined;
    return row ? (this.fromRow(t, row) as ListItem<L>) : undefined;
  }

  async query<L extends ListName>(list: L, query: ListQuery = {}): Promise<ListPage<ListItem<L>>> {
    const t = this.table(list);
    const where: string[] = [];
    const params: unknown[] = [];
    const column = (name: string) => {
      const c = t.cols.get(name);
      if (!c) throw new Error(`Lijst ${list} heeft geen kolom "${name}".`);
      return c;
    };
    if (query.range) {
      column(query.range.column);
      if (query.range.from !== undefined) {
        where.push(`${q(query.range.column)} >= ?`);
        params.push(query.range.from);
      }
      if (query.range.to !== undefined) {
        where.push(`${q(query.range.column)} <= ?`);
        params.push(query.range.to);
      }
    }
    for (const [name, value] of Object.entries(query.where ?? {})) {
      const c = column(name);
      const values = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
      if (values.length === 0) {
        where.push('0');
        continue;
      }
      const marks = values.map(() => '?').join(', ');
      if (c.type === 'multichoice') where.push(`EXISTS (SELECT 1 FROM json_each(${q(name)}) WHERE value IN (${marks}))`);
      else where.push(`${q(name)} IN (${marks})`);
      params.push(...values);
    }
    const pageSize = Math.min(Math.max(1, query.pageSize ?? DEFAULT_PAGE), MAX_PAGE);
    const offset = query.pageToken ? decodeToken(query.pageToken) : 0;
    const dir = query.descending ? 'DESC' : 'ASC';
    const order = query.orderBy ? `${q(column(query.orderBy).name)} ${dir}, _key ${dir}` : `_key ${dir}`;
    const sql = `SELECT * FROM ${q(`list_${list}`)}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`;
    const rows = this.db.prepare(sql).all(...params, pageSize + 1, offset) as Record<string, unknown>[];
    const more = rows.length > pageSize;
    return {
      items: rows.slice(0, pageSize).map((r) => this.fromRow(t, r) as ListItem<L>),
      ...(more ? { nextPageToken: encodeToken(offset + pageSize) } : {}),
    };
  }

  async increment<L extends ListName>(list: L, init: ListItemInput<L>, column: string, by = 1): Promise<ListItem<L>> {
    const t = this.table(list);
    const c = t.cols.get(column);
    if (!c || c.type !== 'number') throw new Error(`Kolom ${column} van ${list} is geen getal.`);
    const item = this.validate(list, init);
    const key = itemKey(list, item);
    return this.db.transaction(() => {
      const inserted = t.insert.run(key, ...this.toRow(t, item)).changes === 1;
      if (!inserted) this.db.prepare(`UPDATE ${q(`list_${list}`)} SET ${q(column)} = ${q(column)} + ? WHERE _key = ?`).run(by, key);
      return this.fromRow(t, t.get.get(key) as Record<string, unknown>) as ListItem<L>;
    })();
  }

  async close(): Promise<void> {
    if (this.ownsDb && this.db.open) this.db.close();
  }
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeToken(token: string): number {
  try {
    const o = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')).o;
    if (Number.isInteger(o) && o >= 0) return o;
  } catch {
    /* fall through */
  }
  throw new Error('Ongeldig paginatoken.');
}
