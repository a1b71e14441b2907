/**
 * SharePoint's resource-unit budget shared by every instance (`STORE=postgres` with the SharePoint mirror): SharePoint
 * counts units per app per tenant, not per instance, so N instances that each paced to the whole budget would spend
 * N times it and be throttled. Every paced Graph request of every instance spends its units in one table,
 * `graph_budget_verbruik` (migration 6), as a rolling window on the database clock (the same rule as `RollendBudget`,
 * shared/src/tempo/rollend-budget.ts: at most `eenheden` in any `perMs`). One transaction per request under an
 * advisory lock (one `$batch` of 20 writes is one request), so instances take turns and never overspend together.
 */
import type pg from 'pg';
import { abortableSleep } from '@shared/graph/retry';
import type { GraphBudget } from '@shared/graph/budget';
import type { BudgetVenster } from '@shared/tempo/rollend-budget';
import { inTransaction } from './connection';

/** Key of the advisory lock that serialises spending ('ipbu' as a number). */
const BUDGET_LOCK = 0x69706275;

/** See module doc. */
export class PgGraphBudget implements GraphBudget {
  readonly stats = { eenheden: 0, wachtMs: 0 };

  /**
   * @param venster the budget: at most `eenheden` units in any `perMs` ms (from `GRAPH_RESOURCE_UNITS_PER_MINUTE`)
   * @throws Error when the window has no positive size
   */
  constructor(
    private readonly pool: pg.Pool,
    readonly venster: BudgetVenster,
    private readonly slaap: (ms: number, signal?: AbortSignal) => Promise<void> = abortableSleep,
  ) {
    if (!(venster.eenheden > 0) || !(venster.perMs > 0)) throw new Error('Een budget heeft eenheden > 0 en perMs > 0.');
  }

  /**
   * Wait until `eenheden` fit in the shared window, then spend them (a request larger than the budget is capped to it).
   * @returns how long this call waited (ms)
   * @throws the signal's reason when `signal` aborts while waiting (nothing is spent then); the database error
   */
  async neem(eenheden = 1, signal?: AbortSignal): Promise<number> {
    const begin = Date.now();
    const nodig = Math.min(eenheden, this.venster.eenheden);
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new Error('afgebroken');
      const wacht = await inTransaction(this.pool, async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [BUDGET_LOCK]);
        await tx.query("DELETE FROM graph_budget_verbruik WHERE t <= clock_timestamp() - $1 * interval '1 millisecond'", [
          this.venster.perMs,
        ]);
        const { rows } = await tx.query<{ ouderdom: number; eenheden: number }>(
          'SELECT extract(epoch FROM clock_timestamp() - t) * 1000 AS ouderdom, eenheden FROM graph_budget_verbruik ORDER BY t',
        );
        let teVeel = rows.reduce((n, r) => n + r.eenheden, 0) + nodig - this.venster.eenheden;
        if (teVeel <= 0) {
          await tx.query('INSERT INTO graph_budget_verbruik (t, eenheden) VALUES (clock_timestamp(), $1)', [nodig]);
          return 0;
        }
        // The oldest spends leave the window first: wait until enough of them have.
        for (const r of rows) {
          teVeel -= r.eenheden;
          if (teVeel <= 0) return Math.max(1, Math.ceil(this.venster.perMs - Number(r.ouderdom)) + 1);
        }
        return this.venster.perMs;
      });
      if (wacht === 0) {
        const ms = Date.now() - begin;
        this.stats.eenheden += nodig;
        this.stats.wachtMs += ms;
        return ms;
      }
      await this.slaap(wacht, signal);
    }
  }
}
