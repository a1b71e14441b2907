/**
 * Pacing to a platform's published budgets: "at most N units per window", for every window at
 * once, measured over a *rolling* window (any interval of that length), because that is how the platforms
 * count: the Bot Connector allows 50 requests/s per app per tenant and 7/s per conversation; SharePoint
 * counts resource units per minute per app per tenant (a list write costs 2; 1,250–6,250 units per minute
 * by licence count).
 *
 * A token bucket would allow a full burst plus a full refill inside one window (twice the budget), which
 * the platform answers with 429; a rolling window never exceeds the budget in any interval.
 * Callers are served in arrival order (no starvation of a large request).
 */
import { abortableSleep } from '../graph/retry';

/** One limit: at most `eenheden` units in any `perMs` milliseconds. */
export interface BudgetVenster {
  eenheden: number;
  perMs: number;
}

/** Clock and sleep, injectable for tests. */
export interface BudgetKlok {
  nu(): number;
  slaap(ms: number, signal?: AbortSignal): Promise<void>;
}

const echteKlok: BudgetKlok = { nu: () => Date.now(), slaap: abortableSleep };

/** A rolling-window budget over one or more windows (see module doc). */
export class RollendBudget {
  /** Spent units, oldest first: [time ms, units]. Kept for the longest window. */
  private readonly log: [number, number][] = [];
  private keten: Promise<unknown> = Promise.resolve();
  private readonly langste: number;
  /** Units granted and total time callers waited (ms), for benchmarks and logs. */
  readonly stats = { eenheden: 0, wachtMs: 0 };

  /** @throws Error when a window has no positive size. */
  constructor(
    readonly vensters: readonly BudgetVenster[],
    private readonly klok: BudgetKlok = echteKlok,
  ) {
    if (vensters.length === 0 || vensters.some((v) => !(v.eenheden > 0) || !(v.perMs > 0)))
      throw new Error('Een budget heeft minstens één venster met eenheden > 0 en perMs > 0.');
    this.langste = Math.max(...vensters.map((v) => v.perMs));
  }

  /**
   * Wait until `eenheden` fit in every window, then spend them. A request larger than a window's budget
   * is capped to that budget (it waits for an empty window instead of forever).
   * @returns how long this call waited (ms).
   * @throws the signal's reason when `signal` aborts while waiting (nothing is spent then).
   */
  neem(eenheden = 1, signal?: AbortSignal): Promise<number> {
    const beurt = this.keten.then(() => neemSamen([{ budget: this, eenheden }], this.klok, signal));
    this.keten = beurt.catch(() => undefined);
    return beurt;
  }

  /** Milliseconds until `eenheden` would fit (0 = now). */
  wachttijd(eenheden: number, nu = this.klok.nu()): number {
    let wacht = 0;
    for (const v of this.vensters) {
      const nodig = Math.min(eenheden, v.eenheden);
      let inVenster = 0;
      for (const [t, u] of this.log) if (t > nu - v.perMs) inVenster += u;
      let teVeel = inVenster + nodig - v.eenheden;
      if (teVeel <= 0) continue;
      // The oldest entries of this window leave it first: wait until enough of them have.
      for (const [t, u] of this.log) {
        if (t <= nu - v.perMs) continue;
        teVeel -= u;
        if (teVeel <= 0) {
          wacht = Math.max(wacht, t + v.perMs - nu + 1);
          break;
        }
      }
    }
    return wacht;
  }

  /** Spend `eenheden` now (callers check `wachttijd` first; `neemSamen` does). */
  besteed(eenheden: number, nu = this.klok.nu()): void {
    while (this.log.length && this.log[0][0] <= nu - this.langste) this.log.shift();
    this.log.push([nu, Math.min(eenheden, ...this.vensters.map((v) => v.eenheden))]);
    this.stats.eenheden += eenheden;
  }
}

/**
 * Wait until every part fits its budget **at the same instant**, then spend them all at that instant
 * (e.g. the app's 50/s and the conversation's 7/s for one send): spending one budget first and waiting
 * for the other would let the sends bunch up later and exceed the first.
 * @returns how long it waited (ms).
 * @throws the signal's reason when `signal` is or becomes aborted (nothing is spent then).
 */
export async function neemSamen(
  delen: readonly { budget: RollendBudget; eenheden: number }[],
  klok: BudgetKlok = echteKlok,
  signal?: AbortSignal,
): Promise<number> {
  const begin = klok.nu();
  for (;;) {
    if (signal?.aborted) throw signal.reason ?? new Error('afgebroken');
    const nu = klok.nu();
    const wacht = Math.max(0, ...delen.map((d) => d.budget.wachttijd(d.eenheden, nu)));
    if (wacht === 0) {
      for (const d of delen) {
        d.budget.besteed(d.eenheden, nu);
        d.budget.stats.wachtMs += nu - begin;
      }
      return nu - begin;
    }
    await klok.slaap(wacht, signal);
  }
}

/**
 * One `RollendBudget` per key (e.g. per conversation), created on first use; keys unused for longer
 * than the longest window are forgotten, so memory stays bounded by the number of active keys.
 */
export class BudgetPerSleutel {
  private readonly budgets = new Map<string, { budget: RollendBudget; laatst: number }>();
  private readonly langste: number;

  constructor(
    private readonly vensters: readonly BudgetVenster[],
    private readonly klok: BudgetKlok = echteKlok,
  ) {
    this.langste = Math.max(...vensters.map((v) => v.perMs));
  }

  /** The budget of `sleutel` (created on first use). */
  budget(sleutel: string): RollendBudget {
    const nu = this.klok.nu();
    if (this.budgets.size > 1000) for (const [k, b] of this.budgets) if (b.laatst < nu - this.langste) this.budgets.delete(k);
    let b = this.budgets.get(sleutel);
    if (!b) this.budgets.set(sleutel, (b = { budget: new RollendBudget(this.vensters, this.klok), laatst: nu }));
    b.laatst = nu;
    return b.budget;
  }

  /** Spend `eenheden` of `sleutel`'s budget (see RollendBudget.neem). */
  neem(sleutel: string, eenheden = 1, signal?: AbortSignal): Promise<number> {
    return this.budget(sleutel).neem(eenheden, signal);
  }
}
