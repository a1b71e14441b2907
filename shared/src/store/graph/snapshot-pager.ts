/**
 * Paging of Graph store queries: a query reads its whole matching set once and serves the pages from a
 * short-lived snapshot (page token = snapshot id + offset), so reading n items costs ⌈n / page size⌉ Graph
 * requests however small the caller's pages are, and the pages of one query are consistent with each other.
 * Snapshots expire after `ttlMs` and at most `max` are kept; any write clears them.
 */
import { randomUUID } from 'node:crypto';
import type { AnyListItem } from '../../lists/schemas';
import type { ListPage } from '../list-store';

const DEFAULT_PAGE = 500;
const MAX_PAGE = 5000;

type Snapshot = { items: AnyListItem[]; at: number };

/** Snapshots of query results, served page by page. */
export class SnapshotPager {
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly max = 16,
    private readonly now: () => number = Date.now,
  ) {}

  /** Forget every snapshot (after a write). */
  clear(): void {
    this.snapshots.clear();
  }

  /**
   * One page: from the snapshot named in `pageToken` when it is still there, else from a fresh `read()`.
   * @param pageSize items per page (default 500, at most 5000)
   * @throws Error (Dutch) for a token that is not ours
   */
  async page<T>(pageSize: number | undefined, pageToken: string | undefined, read: () => Promise<AnyListItem[]>): Promise<ListPage<T>> {
    const size = Math.min(Math.max(1, pageSize ?? DEFAULT_PAGE), MAX_PAGE);
    let offset = 0;
    let snapId: string | undefined;
    if (pageToken) ({ s: snapId, o: offset } = decodeToken(pageToken));
    const t = this.now();
    for (const [id, s] of this.snapshots) if (t - s.at > this.ttlMs) this.snapshots.delete(id);
    let snap = snapId ? this.snapshots.get(snapId) : undefined;
    if (!snap) {
      snap = { items: await read(), at: t };
      snapId = randomUUID();
      if (this.snapshots.size >= this.max) this.snapshots.delete(this.snapshots.keys().next().value!);
      this.snapshots.set(snapId, snap);
    }
    const items = snap.items.slice(offset, offset + size);
    const more = offset + size < snap.items.length;
    if (!more) this.snapshots.delete(snapId!);
    return { items: items as T[], ...(more ? { nextPageToken: encodeToken(snapId!, offset + size) } : {}) };
  }
}

function encodeToken(s: string, o: number): string {
  return Buffer.from(JSON.stringify({ s, o })).toString('base64url');
}

function decodeToken(token: string): { s: string; o: number } {
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown };
    if (typeof v.s === 'string' && Number.isInteger(v.o) && (v.o as number) >= 0) return { s: v.s, o: v.o as number };
  } catch {
    /* fall through */
  }
  throw new Error('Ongeldig paginatoken.');
}
