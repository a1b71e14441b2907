import type { Situatie } from '@shared/lists/definitions';
import type { ListStore } from '@shared/store';

/**
 * Usage figures without people: how often the meldwijzer showed a route, per ISO week and
 * situation, in the `MeldwijzerGebruik` list (key week + situatie; no user, no text, nothing finer than a week).
 *
 * Counts are gathered in memory and written in one `increment` per (week, situatie) at most once a second
 * (`FLUSH_MS`), so a turn never waits for the store (a Graph round trip would otherwise be in every answer).
 * `flushMeldwijzerGebruik()` writes the rest; the server calls it on shutdown. A crash can lose at most the last
 * second of counts; a failed write is logged (no ids) and the counts are kept for the next attempt.
 */
export const FLUSH_MS = 1000;

interface Wachtrij {
  store: ListStore;
  tellingen: Map<string, { week: string; situatie: Situatie; aantal: number }>;
  log?: { warn(o: object, msg?: string): void };
}

const wachtrijen = new Map<ListStore, Wachtrij>();
let timer: NodeJS.Timeout | undefined;

/** Count one shown route for (week, situatie) in `store`; written within `FLUSH_MS`. */
export function telGebruik(store: ListStore, week: string, situatie: Situatie, log?: Wachtrij['log']): void {
  let w = wachtrijen.get(store);
  if (!w) wachtrijen.set(store, (w = { store, tellingen: new Map(), log }));
  const key = `${week}|${situatie}`;
  const t = w.tellingen.get(key);
  if (t) t.aantal++;
  else w.tellingen.set(key, { week, situatie, aantal: 1 });
  if (!timer) {
    timer = setTimeout(() => {
      timer = undefined;
      void flushMeldwijzerGebruik();
    }, FLUSH_MS);
    timer.unref();
  }
}

/** Write every pending count now (all stores). Resolves when written; never rejects. */
export async function flushMeldwijzerGebruik(): Promise<void> {
  if (timer) {
    clearTimeout(timer);
    timer = undefined;
  }
  for (const [store, w] of [...wachtrijen]) {
    wachtrijen.delete(store);
    for (const t of w.tellingen.values()) {
      try {
        await store.increment('MeldwijzerGebruik', { week: t.week, situatie: t.situatie, aantal: t.aantal }, 'aantal', t.aantal);
      } catch (err) {
        w.log?.warn({ event: 'gebruik.telFout', err: (err as Error).name }, 'MeldwijzerGebruik niet bijgewerkt');
      }
    }
  }
}
