import type { ListName } from '../lists/definitions';
import { formatIssues, itemSchema, type AnyListItem, type ListItem, type ListItemInput } from '../lists/schemas';

/**
 * A filter on one list. All parts are combined with AND.
 * - `range`: `column` between `from` and `to`, both inclusive, compared as ISO strings
 *   (`YYYY-MM-DD` for date columns, ISO 8601 for dateTime columns, `2026-W48` for week text).
 * - `where`: column equals the value; an array means "one of". On a multichoice column it means
 *   "contains (one of) the value(s)".
 */
export interface ListQuery {
  range?: { column: string; from?: string; to?: string };
  where?: Record<string, string | number | boolean | readonly (string | number | boolean)[]>;
  /** Sort column (default: the key columns), ascending unless `descending`. Ties are broken by key. */
  orderBy?: string;
  descending?: boolean;
  /** Items per page (default 500, max 5000). */
  pageSize?: number;
  /** Opaque token from the previous page's `nextPageToken`. */
  pageToken?: string;
}

/** One page of a query. `nextPageToken` is absent on the last page. */
export interface ListPage<T> {
  items: T[];
  nextPageToken?: string;
}

/** Result of `add`: `created` is false when an item with the same key already existed (it is left as is). */
export interface AddResult<T> {
  created: boolean;
  item: T;
}

/** Thrown by `update` when no item has the key. `code` is stable for callers. */
export class ItemNotFoundError extends Error {
  readonly code = 'ITEM_NOT_FOUND';
  constructor(
    readonly list: string,
    readonly key: string,
  ) {
    super(`Item ${key} bestaat niet in lijst ${list}.`);
  }
}

/** Thrown when an item does not match its list's schema. `issues` holds `column: expected` lines. */
export class InvalidItemError extends Error {
  readonly code = 'INVALID_ITEM';
  constructor(
    readonly list: string,
    readonly issues: string[],
  ) {
    super(`Ongeldig item voor lijst ${list}: ${issues.join('; ')}`);
  }
}

/**
 * The column lookup every store uses to check a query: `kolomVan(list, cols)(name)` is the column `name` of `list`.
 * @throws Error (Dutch) `Lijst X heeft geen kolom "y".` when `list` has no such column (a programming error in the query).
 */
export function kolomVan<C>(list: string, cols: ReadonlyMap<string, C>): (name: string) => C {
  return (name) => {
    const c = cols.get(name);
    if (!c) throw new Error(`Lijst ${list} heeft geen kolom "${name}".`);
    return c;
  };
}

/**
 * Validate every item of a batch for `list` before anything is written (all or nothing).
 * @returns the canonical items, in input order.
 * @throws InvalidItemError naming every bad item by its 1-based index (`item 3: datum: …`).
 */
export function validateAll(list: string, inputs: readonly unknown[]): AnyListItem[] {
  const items: AnyListItem[] = [];
  const problems: string[] = [];
  inputs.forEach((input, i) => {
    const r = itemSchema(list).safeParse(input);
    if (r.success) items.push(r.data);
    else problems.push(...formatIssues(r.error).map((m) => `item ${i + 1}: ${m}`));
  });
  if (problems.length) throw new InvalidItemError(list, problems);
  return items;
}

/**
 * An id made of a prefix and a counter, for `addWithSequence`: `{ column: 'meldingId', prefix: 'M-2026-', digits: 4 }`
 * gives `M-2026-0001`, `M-2026-0002`, …; `{ column: 'inschrijvingId', prefix: 'S-1#', digits: 5 }` gives `S-1#00001`.
 * One counter per (list, prefix).
 */
export interface SequenceSpec {
  /** The id column of the list that holds the generated id (a key column). */
  column: string;
  /** Text before the number. */
  prefix: string;
  /** Minimum number of digits, zero-padded (a number that needs more digits gets them). */
  digits: number;
  /**
   * Narrows the one read that seeds a counter never used before from the ids that exist (the highest number
   * with this prefix), e.g. the year's date range. Default: the whole list.
   */
  seed?: Omit<ListQuery, 'pageToken' | 'pageSize'>;
}

/**
 * Where the last write of one item stands. The embedded and PostgreSQL stores write before they return, so they
 * always answer `written`; the Graph store answers from its outbox: `pending` while the write waits for Graph,
 * `failed` after a permanent refusal (kept in the outbox with Graph's status and reason).
 */
export type WriteStatus = { state: 'written' } | { state: 'pending' } | { state: 'failed'; status: number | null; reason: string };

/**
 * What `fn` of `ListStore.atomically` may use: the port's reads and writes, seen by this transaction at once
 * (read-your-writes) and by others only after it commits. Never call the store itself inside `fn`.
 */
export interface ListTransaction {
  get<L extends ListName>(list: L, key: string): Promise<ListItem<L> | undefined>;
  query<L extends ListName>(list: L, query?: ListQuery): Promise<ListPage<ListItem<L>>>;
  add<L extends ListName>(list: L, item: ListItemInput<L>): Promise<AddResult<ListItem<L>>>;
  update<L extends ListName>(list: L, key: string, patch: Partial<ListItemInput<L>>): Promise<ListItem<L>>;
  addWithSequence<L extends ListName>(list: L, seq: SequenceSpec, build: (id: string) => ListItemInput<L>): Promise<ListItem<L>>;
}

/**
 * Options of `ListStore.atomically`.
 *
 * `locks`: names of what the callback decides about (`ambtseed:sessie:S-01`, `ambtseed:medewerker:<oid>`). The
 * caller promises that every transaction that could conflict with this one names at least one of the same locks
 * (for a booking: the session whose capacity it checks and the person whose other bookings it checks). A store
 * whose transactions run concurrently (PostgreSQL) then runs transactions with a common lock one after the
 * other — each waits for the lock, then reads the committed state — instead of letting them race and retrying
 * the losers: no serialization failures, so no retries that can run out under a burst. Stores that already
 * run every `atomically` alone (SQLite, Graph) ignore the option.
 */
export interface AtomicallyOptions {
  locks?: readonly string[];
}

/**
 * The one port through which bot, tab, CLI and report reach the lists (docs/architecture.md).
 * Implementations: `SqliteListStore` (embedded default) and `GraphListStore` (SharePoint via Graph).
 * Every implementation passes `tests/contract/list-store.contract.ts`.
 *
 * Every write validates the item with the list's zod schema first and throws `InvalidItemError`
 * without writing anything when it does not match.
 */
export interface ListStore {
  /** Add one item; idempotent on the list's key (an existing item is kept unchanged, `created: false`). */
  add<L extends ListName>(list: L, item: ListItemInput<L>): Promise<AddResult<ListItem<L>>>;
  /**
   * Add many items atomically where the store can (SQLite: one transaction): either all valid items are
   * written, or, when any item is invalid, none is and `InvalidItemError` names every bad item by index.
   * @returns how many were new and how many keys already existed.
   */
  addMany<L extends ListName>(
    list: L,
    items: readonly ListItemInput<L>[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ created: number; existing: number }>;
  /**
   * Change columns of the item with `key` (key columns cannot change).
   * @throws ItemNotFoundError when there is no such item; InvalidItemError when the result is invalid.
   */
  update<L extends ListName>(list: L, key: string, patch: Partial<ListItemInput<L>>): Promise<ListItem<L>>;
  /** The item with `key` (key columns joined by `|`), or undefined. */
  get<L extends ListName>(list: L, key: string): Promise<ListItem<L> | undefined>;
  /** One page of items matching `query`, in stable order. */
  query<L extends ListName>(list: L, query?: ListQuery): Promise<ListPage<ListItem<L>>>;
  /** Add `by` to a number column of the item with `key`, creating it from `init` when absent (atomic). */
  increment<L extends ListName>(list: L, init: ListItemInput<L>, column: string, by?: number): Promise<ListItem<L>>;
  /**
   * Run `fn` exclusively: no other `atomically` (nor, on SQLite, any other write on the file) interleaves; reads
   * in `fn` see its own writes; when `fn` throws nothing is written and the error is rethrown. Resolves with
   * `fn`'s value after the commit. Keep `fn` short: it holds the lock (no network calls besides the store).
   * - SQLite: `BEGIN IMMEDIATE` … `COMMIT` on the file (serialises processes too); other calls on the store wait.
   * - Graph: a per-process lock; the writes are buffered and appended to the outbox in one local transaction,
   *   then the store waits up to `writeWaitMs` for them to reach Graph (see `writeStatus`).
   * - PostgreSQL: without `options.locks` one SERIALIZABLE transaction, retried on serialization failure; with
   *   `locks` a READ COMMITTED transaction that first takes those named locks (see `AtomicallyOptions`).
   */
  atomically<T>(fn: (tx: ListTransaction) => Promise<T>, options?: AtomicallyOptions): Promise<T>;
  /**
   * Add `build(id)` with the next id of the (list, prefix) counter (see `SequenceSpec`). A key that is taken
   * already (an import, another process) moves on to the next number; a number is never handed out twice.
   * @throws InvalidItemError when the item is invalid; Error when `build` did not put the id in `seq.column`.
   */
  addWithSequence<L extends ListName>(list: L, seq: SequenceSpec, build: (id: string) => ListItemInput<L>): Promise<ListItem<L>>;
  /** Where the last write of `key` in `list` stands (see `WriteStatus`). */
  writeStatus(list: ListName, key: string): Promise<WriteStatus>;
  /** Release resources (database handles, timers). */
  close(): Promise<void>;
}

/**
 * Every item of a query, following pages until the end.
 * @returns all items matching `query` (pageSize per request defaults to 5000).
 */
export async function queryAll<L extends ListName>(
  store: ListStore,
  list: L,
  query: Omit<ListQuery, 'pageToken'> = {},
): Promise<ListItem<L>[]> {
  const out: ListItem<L>[] = [];
  let pageToken: string | undefined;
  do {
    const page = await store.query(list, { pageSize: 5000, ...query, pageToken });
    out.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return out;
}

/**
 * `atomically` for a store without transactions of its own (wrappers, fakes in tests): the callbacks run one at
 * a time (a promise chain per returned function) and write through `store` at once, so a callback that throws
 * half-way leaves its earlier writes. Real stores implement `atomically` themselves.
 */
export function atomicallyMetSlot(store: Pick<ListStore, 'get' | 'query' | 'add' | 'update' | 'addWithSequence'>): ListStore['atomically'] {
  let keten: Promise<unknown> = Promise.resolve();
  const tx: ListTransaction = {
    get: (l, k) => store.get(l, k),
    query: (l, q) => store.query(l, q),
    add: (l, i) => store.add(l, i),
    update: (l, k, p) => store.update(l, k, p),
    addWithSequence: (l, s, b) => store.addWithSequence(l, s, b),
  };
  return <T>(fn: (t: ListTransaction) => Promise<T>): Promise<T> => {
    const run = keten.then(() => fn(tx));
    keten = run.catch(() => undefined);
    return run;
  };
}
