import type BetterSqlite3 from 'better-sqlite3';
import { getListDefinition, LIST_NAMES, type ColumnDefinition, type ListDefinition, type ListName } from '../lists/definitions';
import { itemKey, type AnyListItem, type ListItem, type ListItemInput } from '../lists/schemas';
import { mergeUpdate, validateItem } from './item-rules';
import { openDatabase, type SqliteDatabase } from './database';
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
} from './list-store';
import { LokaleStaat } from './lokaal';
import { migreerLijsttabellen, migreerLokaleStaat, sqlIdent as q } from './migraties';
import { controleerVolgnummer, hoogsteVolgnummer, MAX_VOLGNUMMER_POGINGEN, volgnummerId, Volgnummers } from './volgnummers';

const DEFAULT_PAGE = 500;
const MAX_PAGE = 5000;

/** One list's table and prepared statements. */
interface Table {
  def: ListDefinition;
  cols: Map<string, ColumnDefinition>;
  insert: BetterSqlite3.Statement<unknown[]>;
  get: BetterSqlite3.Statement<unknown[]>;
  update: BetterSqlite3.Statement<unknown[]>;
}

/**
 * The embedded ListStore: one SQLite table per list (`list_<Name>`, created by migraties.ts), one typed column
 * per list column, `_key` (key columns joined by `|`) as primary key, indexes on the columns the definitions mark
 * indexed. Booleans are stored 0/1, multichoice values as JSON arrays. Paging tokens are offsets.
 *
 * Construct with the process's `LokaleStaat` (one handle for lists and local state), a file path
 * (`data/integriteitsplein.db`, WAL mode; the store then owns the handle), `:memory:`, or an open database.
 *
 * Every operation runs synchronously on the handle. `atomically` opens `BEGIN IMMEDIATE` and keeps it across
 * the awaits of its callback; meanwhile other calls on this store wait for it, so nothing else lands in the
 * open transaction.
 */
export class SqliteListStore implements ListStore {
  readonly db: SqliteDatabase;
  private readonly ownsDb: boolean;
  private readonly tables = new Map<ListName, Table>();
  private readonly volgnummers: Volgnummers;
  /** The running `atomically` (other calls wait for it); chained so transactions run one at a time. */
  private bezet?: Promise<void>;
  private keten: Promise<void> = Promise.resolve();
  private readonly tx: ListTransaction;

  constructor(fileOrDb: string | SqliteDatabase | LokaleStaat = ':memory:') {
    this.ownsDb = typeof fileOrDb === 'string';
    this.db = typeof fileOrDb === 'string' ? openDatabase(fileOrDb) : fileOrDb instanceof LokaleStaat ? fileOrDb.db : fileOrDb;
    migreerLijsttabellen(this.db);
    migreerLokaleStaat(this.db);
    this.volgnummers = new Volgnummers(this.db);
    this.prepare();
    this.tx = {
      get: async (list, key) => this.getNu(list, key),
      query: async (list, query) => this.queryNu(list, query),
      add: async (list, item) => this.addNu(list, item),
      update: async (list, key, patch) => this.updateNu(list, key, patch),
      addWithSequence: async (list, seq, build) => this.addWithSequenceNu(list, seq, build),
    };
  }

  private prepare(): void {
    for (const name of LIST_NAMES) {
      const def = getListDefinition(name);
      const table = q(`list_${name}`);
      const names = def.columns.map((c) => c.name);
      const nonKey = names.filter((n) => !def.key.includes(n));
      this.tables.set(name, {
        def,
        cols: new Map(def.columns.map((c) => [c.name, c])),
        insert: this.db.prepare(
          `INSERT OR IGNORE INTO ${table} (_key, ${names.map(q).join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`,
        ),
        get: this.db.prepare(`SELECT * FROM ${table} WHERE _key = ?`),
        update: this.db.prepare(`UPDATE ${table} SET ${nonKey.map((n) => `${q(n)} = ?`).join(', ')} WHERE _key = ?`),
      });
    }
  }

  /** Wait while an `atomically` of this store is running (its callback awaits; nothing may slip into it). */
  private async vrij(): Promise<void> {
    while (this.bezet) await this.bezet;
  }

  private table(list: string): Table {
    const t = this.tables.get(list as ListName);
    if (!t) getListDefinition(list); // throws the Dutch "onbekende lijst" error
    return t!;
  }

  private validate(list: string, input: unknown): AnyListItem {
    return validateItem(list, input);
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

  /* ---------- synchronous operations (the public methods and the transaction view call these) ---------- */

  private addNu<L extends ListName>(list: L, input: ListItemInput<L>): AddResult<ListItem<L>> {
    const t = this.table(list);
    const item = this.validate(list, input);
    const key = itemKey(list, item);
    const res = t.insert.run(key, ...this.toRow(t, item));
    if (res.changes === 1) return { created: true, item: item as ListItem<L> };
    return { created: false, item: this.fromRow(t, t.get.get(key) as Record<string, unknown>) as ListItem<L> };
  }

  private updateNu<L extends ListName>(list: L, key: string, patch: Partial<ListItemInput<L>>): ListItem<L> {
    const t = this.table(list);
    return this.db.transaction(() => {
      const row = t.get.get(key) as Record<string, unknown> | undefined;
      if (!row) throw new ItemNotFoundError(list, key);
      const merged = mergeUpdate(list, this.fromRow(t, row), patch);
      const nonKey = t.def.columns.filter((c) => !t.def.key.includes(c.name));
      t.update.run(...this.toRow(t, merged, nonKey), key);
      return merged as ListItem<L>;
    })();
  }

  private getNu<L extends ListName>(list: L, key: string): ListItem<L> | undefined {
    const t = this.table(list);
    const row = t.get.get(key) as Record<string, unknown> | undefined;
    return row ? (this.fromRow(t, row) as ListItem<L>) : undefined;
  }

  private queryNu<L extends ListName>(list: L, query: ListQuery = {}): ListPage<ListItem<L>> {
    const t = this.table(list);
    const where: string[] = [];
    const params: unknown[] = [];
    const column = kolomVan(list, t.cols);
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
      const values = ((Array.isArray(value) ? value : [value]) as unknown[]).map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
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

  /** The ids of `list` with `prefix` in the seed range (one projected read; only for a counter never used). */
  private seedVolgnummer(list: ListName, seq: SequenceSpec): number {
    const ids: unknown[] = [];
    let pageToken: string | undefined;
    do {
      const page = this.queryNu(list, { ...seq.seed, pageSize: MAX_PAGE, pageToken });
      for (const it of page.items) ids.push((it as AnyListItem)[seq.column]);
      pageToken = page.nextPageToken;
    } while (pageToken);
    return hoogsteVolgnummer(seq.prefix, ids);
  }

  private addWithSequenceNu<L extends ListName>(list: L, seq: SequenceSpec, build: (id: string) => ListItemInput<L>): ListItem<L> {
    const t = this.table(list);
    if (!t.cols.has(seq.column)) throw new Error(`Lijst ${list} heeft geen kolom "${seq.column}".`);
    return this.db
      .transaction(() => {
        let n = this.volgnummers.laatste(list, seq.prefix) ?? this.seedVolgnummer(list, seq);
        for (let poging = 0; poging < MAX_VOLGNUMMER_POGINGEN; poging++) {
          n++;
          const id = volgnummerId(seq, n);
          const item = this.validate(list, build(id));
          controleerVolgnummer(list, seq, item, id);
          const created = t.insert.run(itemKey(list, item), ...this.toRow(t, item)).changes === 1;
          this.volgnummers.zet(list, seq.prefix, n);
          if (created) return item as ListItem<L>;
        }
        throw new Error(`Geen vrij volgnummer gevonden in ${list} voor ${seq.prefix}.`);
      })
      .immediate();
  }

  /* ---------------- ListStore ---------------- */

  async add<L extends ListName>(list: L, input: ListItemInput<L>): Promise<AddResult<ListItem<L>>> {
    if (this.bezet) await this.vrij();
    return this.addNu(list, input);
  }

  async addMany<L extends ListName>(
    list: L,
    inputs: readonly ListItemInput<L>[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ created: number; existing: number }> {
    if (this.bezet) await this.vrij();
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
    if (this.bezet) await this.vrij();
    return this.updateNu(list, key, patch);
  }

  async get<L extends ListName>(list: L, key: string): Promise<ListItem<L> | undefined> {
    if (this.bezet) await this.vrij();
    return this.getNu(list, key);
  }

  async query<L extends ListName>(list: L, query: ListQuery = {}): Promise<ListPage<ListItem<L>>> {
    if (this.bezet) await this.vrij();
    return this.queryNu(list, query);
  }

  async increment<L extends ListName>(list: L, init: ListItemInput<L>, column: string, by = 1): Promise<ListItem<L>> {
    if (this.bezet) await this.vrij();
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

  async addWithSequence<L extends ListName>(list: L, seq: SequenceSpec, build: (id: string) => ListItemInput<L>): Promise<ListItem<L>> {
    if (this.bezet) await this.vrij();
    return this.addWithSequenceNu(list, seq, build);
  }

  async atomically<T>(fn: (tx: ListTransaction) => Promise<T>): Promise<T> {
    const vorige = this.keten;
    let klaar!: () => void;
    const deze = new Promise<void>((r) => (klaar = r));
    this.keten = vorige.then(() => deze);
    await vorige;
    // Calls that started before us and are still synchronous have finished; from here on others wait.
    this.bezet = deze;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const value = await fn(this.tx);
        this.db.exec('COMMIT');
        return value;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      this.bezet = undefined;
      klaar();
    }
  }

  async writeStatus(list: ListName, _key: string): Promise<WriteStatus> {
    this.table(list);
    return { state: 'written' };
  }

  async close(): Promise<void> {
    if (this.bezet) await this.vrij();
    if (this.ownsDb && this.db.open) this.db.close();
  }
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeToken(token: string): number {
  try {
    const o: unknown = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown }).o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    /* fall through */
  }
  throw new Error('Ongeldig paginatoken.');
}
