/**
 * The ListStore additions of h12store's PORT DRAFT (BOARD.md 07:15), until they land in
 * `shared/src/store/list-store.ts`; then this file goes and the imports point there.
 */
import type { ListName } from '../../lists/definitions';
import type { ListItem, ListItemInput } from '../../lists/schemas';
import type { AddResult, ListPage, ListQuery } from '../list-store';

/** A per-(list, prefix) counter for ids such as `M-2026-0007` (see `addWithSequence`). */
export interface SequenceSpec {
  column: string;
  prefix: string;
  digits: number;
  seed?: Omit<ListQuery, 'pageToken' | 'pageSize'>;
}

/** Where the last write of an item stands. */
export type WriteStatus = { state: 'written' } | { state: 'pending' } | { state: 'failed'; status: number | null; reason: string };

/** What `atomically`'s callback may use; never the store itself inside it. */
export interface ListTransaction {
  get<L extends ListName>(list: L, key: string): Promise<ListItem<L> | undefined>;
  query<L extends ListName>(list: L, query?: ListQuery): Promise<ListPage<ListItem<L>>>;
  add<L extends ListName>(list: L, item: ListItemInput<L>): Promise<AddResult<ListItem<L>>>;
  update<L extends ListName>(list: L, key: string, patch: Partial<ListItemInput<L>>): Promise<ListItem<L>>;
  addWithSequence<L extends ListName>(list: L, seq: SequenceSpec, build: (id: string) => ListItemInput<L>): Promise<ListItem<L>>;
}
