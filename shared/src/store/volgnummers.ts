/**
 * Counters behind `ListStore.addWithSequence`: ids such as `M-2026-0007` or `S-12#00003` are a prefix and a
 * zero-padded number; the last number handed out per (list, prefix) is kept in the local table
 * `store_volgnummers` (migraties.ts), so the next id costs one row read instead of reading the whole year, and a
 * number is never handed out twice — also not after a write that failed or is still waiting in the outbox.
 * A new counter is seeded once from the ids that exist (the highest number with that prefix).
 */
import type { ListName } from '../lists/definitions';
import type { AnyListItem } from '../lists/schemas';
import type { SqliteDatabase } from './database';
import type { SequenceSpec } from './list-store';

/** The id for number `n` of `seq`: prefix + n zero-padded to `digits` (more digits when n needs them). */
export function volgnummerId(seq: Pick<SequenceSpec, 'prefix' | 'digits'>, n: number): string {
  return `${seq.prefix}${String(n).padStart(seq.digits, '0')}`;
}

/** The highest number among `ids` that are `prefix` + digits only (others are ignored); 0 when none. */
export function hoogsteVolgnummer(prefix: string, ids: Iterable<unknown>): number {
  let max = 0;
  for (const id of ids) {
    if (typeof id !== 'string' || !id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  return max;
}

/**
 * Check the spec against what `build` made: the id column must hold the generated id.
 * @throws Error (Dutch) when the builder did not put `id` in `seq.column`
 */
export function controleerVolgnummer(list: ListName, seq: SequenceSpec, item: AnyListItem, id: string): void {
  if (item[seq.column] !== id) throw new Error(`addWithSequence(${list}): kolom ${seq.column} moet het gegeven id ${id} bevatten.`);
}

/** Access to `store_volgnummers` on one handle (synchronous; call inside the caller's transaction). */
export class Volgnummers {
  private readonly lees;
  private readonly schrijf;

  constructor(db: SqliteDatabase) {
    this.lees = db.prepare('SELECT laatste FROM store_volgnummers WHERE list = ? AND prefix = ?');
    this.schrijf = db.prepare(
      'INSERT INTO store_volgnummers (list, prefix, laatste) VALUES (?, ?, ?) ON CONFLICT(list, prefix) DO UPDATE SET laatste = MAX(laatste, excluded.laatste)',
    );
  }

  /** The last number handed out, or undefined when this counter was never used (seed it first). */
  laatste(list: string, prefix: string): number | undefined {
    return (this.lees.get(list, prefix) as { laatste: number } | undefined)?.laatste;
  }

  /** Record `n` as handed out (never lowers the counter). */
  zet(list: string, prefix: string, n: number): void {
    this.schrijf.run(list, prefix, n);
  }
}

/** Attempts before giving up when every next number is already taken (e.g. after a large import). */
export const MAX_VOLGNUMMER_POGINGEN = 1000;
