import pg from 'pg';
import { getListDefinition, LIST_NAMES, type ColumnDefinition, type ListDefinition, type ListName } from '../../lists/definitions';
import { isIsoDate, itemKey, type AnyListItem, type ListItem, type ListItemInput } from '../../lists/schemas';
import { mergeUpdate, validateItem } from '../item-rules';
import { ItemNotFoundError, kolomVan, validateAll, type AddResult, type ListPage, type ListQuery, type ListStore } from '../list-store';
import { inTransaction, type PgTx } from './connection';
import type { AtomicallyOptions, ListTransaction, SequenceSpec, WriteStatus } from '../list-store';
import { controleerVolgnummer } from '../volgnummers';
import { qi } from './migrations';

const DEFAULT_PAGE = 500;
const MAX_PAGE = 5000;
/** Rows per INSERT statement in `addMany` (one JSON parameter; the whole batch stays one transaction). */
const INSERT_CHUNK = 5000;

/** One write as the mirror sees it: the complete item after the write (see `ListWriteMirror`). */
export interface MirroredWrite {
  list: ListName;
  key: string;
  /** `insert`: create when absent (an add); `upsert`: create or overwrite (update, increment). */
  mode: 'insert' | 'upsert';
  fields: AnyListItem;
}

/**
 * Called inside the write's own transaction with what changed, so a mirror row (the Graph outbox) is
 * committed together with the list row or not at all. Adds of keys that already existed are not passed.
 */
export type ListWriteMirror = (tx: PgTx, writes: readonly MirroredWrite[]) => Promise<void>;

/**
 * A mirror with a life of its own (the SharePoint mirror, shared/src/store/graph/sharepoint-spiegel.ts): `write` as
 * `ListWriteMirror`; `committed` is called after a transaction that mirrored something committed (start sending; it
 * must not wait: answers never wait for the mirror); `close` when the store closes.
 */
export interface ListMirror {
  write: ListWriteMirror;
  committed?(): void;
  close?(): Promise<void>;
}

/** A pool or a client inside a transaction: both run `query`. */
type Runner = Pick<pg.Pool, 'query'> | PgTx;

/** One list's table: its definition and SQL pieces. */
interface Table {
  def: ListDefinition;
  name: string;
  cols: Map<string, ColumnDefinition>;
  columnList: string;
}

/** Options of `PgListStore`. */
export interface PgListStoreOptions {
  /** Called in every write transaction (the Graph outbox with STORE=postgres and GRAPH_* set). */
  mirror?: ListWriteMirror | ListMirror;
  /** End the pool on `close()` (default true: the store owns the pool it was given). */
  ownsPool?: boolean;
}

/**
 * The ListStore on PostgreSQL (`STORE=postgres`): the same table layout as the SQLite store
 * (`list_<Name>`, `_key` primary key, one typed column per list column; see ./migrations.ts), so any
 * number of bot and tab instances share one truth.
 *
 * - Writes validate with the list's zod schema first; `addMany` is one transaction (all or nothing).
 * - `add` is `INSERT … ON CONFLICT (_key) DO NOTHING`; `increment` is one `INSERT … ON CONFLICT DO UPDATE
 *   SET col = col + by` (atomic across instances); `update` locks the row (`SELECT … FOR UPDATE`).
 * - Paging tokens are keysets (the last row's sort value and key), so reading 1,000,000 items costs the
 *   same per page at the end as at the start (no OFFSET).
 *
 * The schema must be migrated first (`migratePostgres`; `createPostgresListStore` does it).
 */
export class PgListStore implements ListStore {
  private readonly tables = new Map<ListName, Table>();
  private closed = false;
  /** Two connections for the id counters only (see `nextNumber`), opened on first use. */
  private counters?: pg.Pool;
  /** Mirror calls so far; a write transaction that raised it tells the mirror after its commit. */
  private gespiegeld = 0;
  private readonly spiegel?: ListMirror;

  constructor(
    readonly pool: pg.Pool,
    private readonly options: PgListStoreOptions = {},
  ) {
    const m = options.mirror;
    this.spiegel = typeof m === 'function' ? { write: m } : m;
    for (const name of LIST_NAMES) {
      const def = getListDefinition(name);
      this.tables.set(name, {
        def,
        name: qi(`list_${name}`),
        cols: new Map(def.columns.map((c) => [c.name, c])),
        columnList: def.columns.map((c) => qi(c.name)).join(', '),
      });
    }
  }

  private table(list: string): Table {
    const t = this.tables.get(list as ListName);
    if (!t) getListDefinition(list); // throws the Dutch "onbekende lijst" error
    return t!;
  }

  private fromRow(t: Table, row: Record<string, unknown>): AnyListItem {
    const out: AnyListItem = {};
    for (const c of t.def.columns) out[c.name] = row[c.name] ?? null;
    return out;
  }

  /** The row as a JSON object for `json_populate_recordset` (column names as keys). */
  private toJson(t: Table, key: string, item: AnyListItem): Record<string, unknown> {
    const o: Record<string, unknown> = { _key: key };
    for (const c of t.def.columns) o[c.name] = item[c.name] ?? null;
    return o;
  }

  private async mirror(tx: PgTx, writes: MirroredWrite[]): Promise<void> {
    if (!this.spiegel || writes.length === 0) return;
    await this.spiegel.write(tx, writes);
    this.gespiegeld++;
  }

  /** A write transaction: `inTransaction`, then tell the mirror when the transaction mirrored something. */
  private async schrijf<T>(fn: (tx: PgTx) => Promise<T>, options?: Parameters<typeof inTransaction>[2]): Promise<T> {
    const voor = this.gespiegeld;
    const result = await inTransaction(this.pool, fn, options);
    if (this.gespiegeld !== voor) this.spiegel?.committed?.();
    return result;
  }

  /** Insert rows (ON CONFLICT DO NOTHING) in chunks. @returns the keys that were new. */
  private async insertRows(tx: PgTx, t: Table, rows: { key: string; item: AnyListItem }[]): Promise<Set<string>> {
    const created = new Set<string>();
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK).map((r) => this.toJson(t, r.key, r.item));
      const res = await tx.query<{ _key: string }>(
        `INSERT INTO ${t.name} (_key, ${t.columnList}) SELECT _key, ${t.columnList} FROM json_populate_recordset(NULL::${t.name}, $1::json) ON CONFLICT (_key) DO NOTHING RETURNING _key`,
        [JSON.stringify(chunk)],
      );
      for (const r of res.rows) created.add(r._key);
    }
    return created;
  }

  async add<L extends ListName>(list: L, input: ListItemInput<L>): Promise<AddResult<ListItem<L>>> {
    const item = validateItem(list, input);
    return this.schrijf((tx) => this.addOn(tx, list, item));
  }

  private async addOn<L extends ListName>(tx: PgTx, list: L, item: AnyListItem): Promise<AddResult<ListItem<L>>> {
    const t = this.table(list);
    const key = itemKey(list, item);
    const created = await this.insertRows(tx, t, [{ key, item }]);
    if (created.size === 1) {
      await this.mirror(tx, [{ list, key, mode: 'insert', fields: item }]);
      return { created: true, item: item as ListItem<L> };
    }
    const row = (await tx.query<Record<string, unknown>>(`SELECT * FROM ${t.name} WHERE _key = $1`, [key])).rows[0];
    return { created: false, item: this.fromRow(t, row) as ListItem<L> };
  }

  async addMany<L extends ListName>(
    list: L,
    inputs: readonly ListItemInput<L>[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ created: number; existing: number }> {
    const t = this.table(list);
    const items = validateAll(list, inputs);
    const rows = items.map((item) => ({ key: itemKey(list, item), item }));
    const created = await this.schrijf(async (tx) => {
      const keys = new Set<string>();
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK);
        const made = await this.insertRows(tx, t, chunk);
        const writes: MirroredWrite[] = [];
        for (const r of chunk) {
          if (!made.has(r.key) || keys.has(r.key)) continue; // existed before, or a repeat within the batch
          keys.add(r.key);
          writes.push({ list, key: r.key, mode: 'insert', fields: r.item });
        }
        await this.mirror(tx, writes);
        if (onProgress && i + chunk.length < rows.length) onProgress(i + chunk.length, rows.length);
      }
      return keys.size;
    });
    onProgress?.(rows.length, rows.length);
    return { created, existing: rows.length - created };
  }

  async update<L extends ListName>(list: L, key: string, patch: Partial<ListItemInput<L>>): Promise<ListItem<L>> {
    this.table(list);
    return this.schrijf((tx) => this.updateOn(tx, list, key, patch));
  }

  private async updateOn<L extends ListName>(tx: PgTx, list: L, key: string, patch: Partial<ListItemInput<L>>): Promise<ListItem<L>> {
    const t = this.table(list);
    const row = (await tx.query<Record<string, unknown>>(`SELECT * FROM ${t.name} WHERE _key = $1 FOR UPDATE`, [key])).rows[0];
    if (!row) throw new ItemNotFoundError(list, key);
    const merged = mergeUpdate(list, this.fromRow(t, row), patch);
    const nonKey = t.def.columns.filter((c) => !t.def.key.includes(c.name));
    await tx.query(`UPDATE ${t.name} SET ${nonKey.map((c, i) => `${qi(c.name)} = $${i + 2}`).join(', ')} WHERE _key = $1`, [
      key,
      ...nonKey.map((c) => merged[c.name] ?? null),
    ]);
    await this.mirror(tx, [{ list, key, mode: 'upsert', fields: merged }]);
    return merged as ListItem<L>;
  }

  async get<L extends ListName>(list: L, key: string): Promise<ListItem<L> | undefined> {
    return this.getOn(this.pool, list, key);
  }

  private async getOn<L extends ListName>(on: Runner, list: L, key: string): Promise<ListItem<L> | undefined> {
    const t = this.table(list);
    const row = (await on.query<Record<string, unknown>>(`SELECT * FROM ${t.name} WHERE _key = $1`, [key])).rows[0];
    return row ? (this.fromRow(t, row) as ListItem<L>) : undefined;
  }

  async query<L extends ListName>(list: L, query: ListQuery = {}): Promise<ListPage<ListItem<L>>> {
    return this.queryOn(this.pool, list, query);
  }

  private async queryOn<L extends ListName>(on: Runner, list: L, query: ListQuery = {}): Promise<ListPage<ListItem<L>>> {
    const t = this.table(list);
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const column = kolomVan(list, t.cols);
    if (query.range) {
      const c = column(query.range.column);
      if (query.range.from !== undefined) where.push(`${qi(c.name)} >= ${param(bound(c, query.range.from, 'from'))}`);
      if (query.range.to !== undefined) where.push(`${qi(c.name)} <= ${param(bound(c, query.range.to, 'to'))}`);
    }
    for (const [name, value] of Object.entries(query.where ?? {})) {
      const c = column(name);
      const values = matchValues(c, Array.isArray(value) ? value : [value]);
      if (values.length === 0) {
        where.push('false');
        continue;
      }
      if (c.type === 'multichoice') where.push(`${qi(name)} && ${param(values)}::text[]`);
      else where.push(`${qi(name)} = ANY(${param(values)}::${arrayType(c)})`);
    }
    const pageSize = Math.min(Math.max(1, query.pageSize ?? DEFAULT_PAGE), MAX_PAGE);
    const desc = !!query.descending;
    const cmp = desc ? '<' : '>';
    const dir = desc ? 'DESC' : 'ASC';
    const sortCol = query.orderBy ? qi(column(query.orderBy).name) : undefined;
    if (query.pageToken) {
      const tok = decodeToken(query.pageToken);
      if (!sortCol) where.push(`_key ${cmp} ${param(tok.k)}`);
      else if (tok.v === null) where.push(`(${sortCol} IS NULL AND _key ${cmp} ${param(tok.k)})`);
      else where.push(`((${sortCol}, _key) ${cmp} (${param(tok.v)}, ${param(tok.k)}) OR ${sortCol} IS NULL)`);
    }
    const order = sortCol ? `${sortCol} ${dir} NULLS LAST, _key ${dir}` : `_key ${dir}`;
    const sql = `SELECT * FROM ${t.name}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ${pageSize + 1}`;
    const rows = (await on.query(sql, params)).rows as Record<string, unknown>[];
    const more = rows.length > pageSize;
    const page = rows.slice(0, pageSize);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => this.fromRow(t, r) as ListItem<L>),
      ...(more
        ? { nextPageToken: encodeToken({ k: String(last._key), v: query.orderBy ? (last[query.orderBy] ?? null) : undefined }) }
        : {}),
    };
  }

  async increment<L extends ListName>(list: L, init: ListItemInput<L>, column: string, by = 1): Promise<ListItem<L>> {
    const t = this.table(list);
    const c = t.cols.get(column);
    if (!c || c.type !== 'number') throw new Error(`Kolom ${column} van ${list} is geen getal.`);
    const item = validateItem(list, init);
    const key = itemKey(list, item);
    return this.schrijf(async (tx) => {
      const col = qi(column);
      const row = (
        await tx.query<Record<string, unknown>>(
          `INSERT INTO ${t.name} AS t (_key, ${t.columnList}) SELECT _key, ${t.columnList} FROM json_populate_record(NULL::${t.name}, $1::json)
           ON CONFLICT (_key) DO UPDATE SET ${col} = t.${col} + $2 RETURNING *`,
          [JSON.stringify(this.toJson(t, key, item)), by],
        )
      ).rows[0];
      const result = this.fromRow(t, row);
      await this.mirror(tx, [{ list, key, mode: 'upsert', fields: result }]);
      return result as ListItem<L>;
    });
  }

  /**
   * Run `fn` as one transaction whose reads see its own writes.
   * - Without `options.locks`: SERIALIZABLE. PostgreSQL guarantees the outcome of concurrent calls — on any
   *   instance — equals some serial order (so two bookings of the last place can never both see it free). A
   *   serialization failure rolls back and runs `fn` again (up to 30 times, with jittered backoff): `fn` must
   *   not have effects outside `tx`. Under a burst this can run out: SERIALIZABLE's predicate locks on a B-tree
   *   cover whole index pages, so transactions about different sessions conflict too.
   * - With `options.locks` (see `AtomicallyOptions`): READ COMMITTED, after taking a transaction-scoped advisory
   *   lock per name (`pg_advisory_xact_lock(hashtextextended(name, 0))`, in sorted order, so two transactions
   *   never wait for each other crosswise). Transactions with a common lock run one after the other on every
   *   instance; each statement after the locks sees everything the previous holder committed. Released at
   *   COMMIT or ROLLBACK (also when the connection dies).
   * @throws whatever `fn` throws (nothing is written then).
   */
  async atomically<T>(fn: (tx: ListTransaction) => Promise<T>, options: AtomicallyOptions = {}): Promise<T> {
    const locks = [...new Set(options.locks ?? [])].sort();
    return this.schrijf(
      async (client) => {
        for (const lock of locks) await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lock]);
        return fn({
          get: (list, key) => this.getOn(client, list, key),
          query: (list, query) => this.queryOn(client, list, query),
          add: (list, item) => this.addOn(client, list, validateItem(list, item)),
          update: (list, key, patch) => this.updateOn(client, list, key, patch),
          addWithSequence: (list, seq, build) => this.addWithSequenceOn(client, list, seq, build),
        });
      },
      locks.length ? { isolation: 'read committed', attempts: 8 } : { isolation: 'serializable', attempts: 30 },
    );
  }

  /**
   * Add `build(id)` with `id` = `prefix` + the next number of the (list, prefix) counter, zero-padded to
   * `digits`. The counter lives in `store_volgnummers` and is taken outside the write's transaction (like
   * a PostgreSQL sequence), so a number is never handed out twice — also not after a failed or rolled
   * back write, and not across instances. A new counter starts at the highest number already used with
   * that prefix (imported items); a key that is taken anyway is skipped.
   * @throws InvalidItemError when `build(id)` is not a valid item (the number stays used).
   */
  async addWithSequence<L extends ListName>(list: L, seq: SequenceSpec, build: (id: string) => ListItemInput<L>): Promise<ListItem<L>> {
    return this.schrijf((tx) => this.addWithSequenceOn(tx, list, seq, build));
  }

  private async addWithSequenceOn<L extends ListName>(
    tx: PgTx,
    list: L,
    seq: SequenceSpec,
    build: (id: string) => ListItemInput<L>,
  ): Promise<ListItem<L>> {
    const t = this.table(list);
    if (!t.cols.has(seq.column)) throw new Error(`Lijst ${list} heeft geen kolom "${seq.column}".`);
    for (;;) {
      const n = await this.nextNumber(t, list, seq);
      const id = `${seq.prefix}${String(n).padStart(seq.digits, '0')}`;
      const item = validateItem(list, build(id));
      controleerVolgnummer(list, seq, item, id);
      const r = await this.addOn(tx, list, item);
      if (r.created) return r.item;
    }
  }

  /**
   * The next number of (list, prefix), committed at once (see addWithSequence). It runs on a separate
   * two-connection pool: the caller holds a connection of the main pool in its transaction, and if the
   * counter waited for the main pool too, a full pool of such callers would wait for each other forever.
   */
  private async nextNumber(t: Table, list: string, seq: SequenceSpec): Promise<number> {
    const o = this.pool.options;
    const db = (this.counters ??= new pg.Pool({ ...o, password: o.password, max: 2 }));
    const bump = `UPDATE store_volgnummers SET laatste = laatste + 1 WHERE list = $1 AND prefix = $2 RETURNING laatste`;
    let r = await db.query<{ laatste: number }>(bump, [list, seq.prefix]);
    if (r.rows.length === 0) {
      const like = `${seq.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const col = qi(seq.column);
      const seed = await db.query<{ hoogste: number | null }>(
        `SELECT max(substring(${col} FROM $2::int + 1)::bigint) AS hoogste FROM ${t.name} WHERE ${col} LIKE $1 AND substring(${col} FROM $2::int + 1) ~ '^[0-9]{1,15}$'`,
        [like, seq.prefix.length],
      );
      await db.query(`INSERT INTO store_volgnummers (list, prefix, laatste) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        list,
        seq.prefix,
        seed.rows[0].hoogste ?? 0,
      ]);
      r = await db.query<{ laatste: number }>(bump, [list, seq.prefix]);
    }
    return Number(r.rows[0].laatste);
  }

  /**
   * Queue the current state of the items with `keys` in `list` to the mirror again (the corrections of `lists sync`),
   * in one transaction that reads them `FOR SHARE`: a concurrent write of one of them commits first and its own mirror
   * row comes earlier, so the correction never sends an older state after a newer one. Keys no longer in PostgreSQL
   * are skipped.
   * @returns how many items were queued (0 without a mirror)
   */
  async spiegelOpnieuw(list: ListName, keys: readonly string[]): Promise<number> {
    const t = this.table(list);
    if (!this.spiegel || keys.length === 0) return 0;
    return this.schrijf(async (tx) => {
      const rows = (
        await tx.query<Record<string, unknown>>(`SELECT * FROM ${t.name} WHERE _key = ANY($1::text[]) ORDER BY _key FOR SHARE`, [keys])
      ).rows;
      await this.mirror(
        tx,
        rows.map((r) => ({ list, key: String(r._key), mode: 'upsert' as const, fields: this.fromRow(t, r) })),
      );
      return rows.length;
    });
  }

  /** PostgreSQL is the truth: a write that returned is written (the SharePoint mirror is the outbox's concern). */
  async writeStatus(_list: ListName, _key: string): Promise<WriteStatus> {
    return { state: 'written' };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.spiegel?.close?.();
    await this.counters?.end();
    if (this.options.ownsPool !== false) await this.pool.end();
  }
}

/** The PostgreSQL array type for `= ANY($n::…)` on a non-multichoice column. */
function arrayType(c: ColumnDefinition): string {
  if (c.type === 'boolean') return 'boolean[]';
  if (c.type === 'number') return 'double precision[]';
  if (c.type === 'date') return 'date[]';
  if (c.type === 'dateTime') return 'timestamptz[]';
  return 'text[]';
}

/** `where` values as the column's type; values that can never match (a non-date on a date column) are left out. */
function matchValues(c: ColumnDefinition, values: readonly (string | number | boolean)[]): unknown[] {
  if (c.type === 'date') return values.filter((v) => typeof v === 'string' && isIsoDate(v));
  if (c.type === 'dateTime')
    return values.filter((v) => typeof v === 'string' && !Number.isNaN(Date.parse(v))).map((v) => new Date(v as string).toISOString());
  if (c.type === 'boolean') return values.filter((v) => typeof v === 'boolean');
  if (c.type === 'number') return values.filter((v) => typeof v === 'number');
  return values.map(String);
}

/**
 * A range bound for a typed column. The port compares ISO strings, so on a `date` column a bound with a
 * day past the month's end (`2024-02-31`, as month-by-month readers pass) means "up to the end of
 * February" (`to`) or "from 1 March" (`from`).
 * @throws Error (Dutch) when the bound is not a date (date columns) or not a date-time (dateTime columns).
 */
function bound(c: ColumnDefinition, v: string, side: 'from' | 'to'): string {
  if (c.type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const y = Number(m?.[1]);
    const mo = Number(m?.[2]);
    const d = Number(m?.[3]);
    if (!m || mo < 1 || mo > 12 || d < 1 || d > 31) throw new Error(`Ongeldige datumgrens "${v}" voor ${c.name}: verwacht JJJJ-MM-DD.`);
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (d <= last) return v;
    if (side === 'to') return `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}`;
    return new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 10);
  }
  if (c.type === 'dateTime') {
    const ms = Date.parse(v);
    if (Number.isNaN(ms)) throw new Error(`Ongeldige tijdgrens "${v}" voor ${c.name}: verwacht ISO 8601.`);
    return new Date(ms).toISOString();
  }
  return v;
}

interface PageToken {
  /** Key of the last row of the previous page. */
  k: string;
  /** Sort value of that row (only with orderBy). */
  v?: unknown;
}

function encodeToken(t: PageToken): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeToken(token: string): PageToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as PageToken;
    if (t && typeof t.k === 'string') return { k: t.k, v: t.v ?? null };
  } catch {
    /* fall through */
  }
  throw new Error('Ongeldig paginatoken.');
}
