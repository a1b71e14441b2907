/**
 * SharePoint's resource-unit budget for Graph calls: SharePoint Online throttles per app per
 * tenant by *resource units* per minute — 1,250 to 6,250 depending on the tenant's licence count — where
 * a single-item read costs 1 unit, a multi-item query 2 and a create/update/delete 2 ("Avoid getting
 * throttled or blocked in SharePoint Online"). In `$batch` every sub-request counts on its own.
 *
 * `GraphBudgetMiddleware` sits in the Graph client's chain after the retry middleware, so every HTTP
 * attempt (retries included) first waits for its units in a rolling one-minute window
 * (`shared/src/tempo/rollend-budget.ts`). A large import or the new-hire wave then drains at the budget
 * instead of running into 429s and Retry-After pauses.
 *
 * Setting: `GRAPH_RESOURCE_UNITS_PER_MINUTE` (default 1250, the smallest tenant's budget; 0 = no pacing).
 * The window is a second longer than SharePoint's minute: a request reaches SharePoint a little after it
 * was paced, and SharePoint counts arrivals (without the margin a request at the window's edge is 429'd).
 */
import { HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { RollendBudget, type BudgetKlok } from '../tempo/rollend-budget';
import type { GraphHttp } from './http';

/** Resource units of one request (see module doc). `url` may be absolute or relative. */
export function resourceEenheden(method: string, url: string): number {
  const m = method.toUpperCase();
  if (m !== 'GET') return 2;
  // A collection (…/items, …/lists, …/columns) is a multi-item query; …/items/{id} is one item.
  return /\/(items|lists|columns)(\?|$)/.test(url) ? 2 : 1;
}

/** Units of a `$batch` body (the sum of its sub-requests), or undefined when `body` is not one. */
export function batchEenheden(body: unknown): number | undefined {
  const reqs = (body as { requests?: { method?: string; url?: string }[] } | undefined)?.requests;
  if (!Array.isArray(reqs)) return undefined;
  return reqs.reduce((n, r) => n + resourceEenheden(r.method ?? 'GET', r.url ?? ''), 0);
}

/**
 * What the middleware paces with: this process's `RollendBudget`, or a budget shared by every instance (the
 * PostgreSQL mirror's `PgGraphBudget`, shared/src/store/postgres/pg-budget.ts).
 */
export interface GraphBudget {
  /** Wait until `eenheden` fit, then spend them. @returns ms waited. @throws the signal's reason on abort. */
  neem(eenheden: number, signal?: AbortSignal): Promise<number>;
  /** Units granted and total time callers waited (ms). */
  readonly stats: { eenheden: number; wachtMs: number };
}

/** Paces each HTTP attempt to the budget (see module doc). */
export class GraphBudgetMiddleware implements Middleware {
  private next?: Middleware;
  constructor(readonly budget: GraphBudget) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    const options = (context.options ?? {}) as RequestInit;
    const method = options.method ?? 'GET';
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    let units = resourceEenheden(method, url);
    if (/\/\$batch(\?|$)/.test(url) && typeof options.body === 'string') {
      try {
        units = batchEenheden(JSON.parse(options.body)) ?? units;
      } catch {
        /* not JSON: the request's own cost */
      }
    }
    await this.budget.neem(units, (options.signal as AbortSignal | undefined) ?? undefined);
    await this.next!.execute(context);
  }
}

const unitsSchema = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined || s.trim() === '') return 1250;
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'GRAPH_RESOURCE_UNITS_PER_MINUTE: verwacht een geheel getal ≥ 0 (1250–6250; 0 = niet doseren)',
      });
      return z.NEVER;
    }
    return n;
  });

/**
 * The budget the environment asks for, or undefined with `GRAPH_RESOURCE_UNITS_PER_MINUTE=0`.
 * @throws Error (Dutch) for a value that is not a whole number ≥ 0.
 */
export function graphBudgetUitEnv(env: NodeJS.ProcessEnv = process.env, klok?: BudgetKlok): RollendBudget | undefined {
  const r = unitsSchema.safeParse(env.GRAPH_RESOURCE_UNITS_PER_MINUTE);
  if (!r.success) throw new Error(r.error.issues[0].message);
  return r.data === 0 ? undefined : new RollendBudget([{ eenheden: r.data, perMs: 61_000 }], klok);
}

/**
 * Put `budget` into `http`'s chain between the retry middleware and fetch (every attempt is paced).
 * @returns the middleware (its `budget.stats` tell how many units were spent and how long callers waited).
 */
export function doseerGraph(http: GraphHttp, budget: GraphBudget): GraphBudgetMiddleware {
  const mw = new GraphBudgetMiddleware(budget);
  http.retry.setNext(mw);
  mw.setNext(new HTTPMessageHandler());
  return mw;
}
