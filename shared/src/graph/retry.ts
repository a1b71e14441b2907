/**
 * The one retry policy for every Graph call (docs/conventions.md "Style" 5, after pnpjs `behaviors/fetch.ts`):
 * - 429, 503 and 504 are retried; the wait is the response's `Retry-After` (seconds or HTTP date) when
 *   present, else exponential backoff with jitter (`baseDelayMs · 2^(attempt-1)`, capped at `maxDelayMs`,
 *   then a random factor in [0.5, 1]).
 * - A request that gets no answer within `timeoutMs` is aborted and counts as a timeout.
 * - Never retried: an abort by the caller; and, for non-idempotent requests (POST, including `$batch`),
 *   504 and timeouts — the server may have done the work, so the outbox resolves these by key instead
 *   (docs/decisions.md). 429 and 503 mean "not done" and are retried for every method.
 *
 * `GraphRetryMiddleware` applies the policy to whole HTTP requests; `GraphHttp.batch` (http.ts) uses the same
 * functions to retry only the failed sub-requests of a `$batch`.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** Tunables of the policy. Times in milliseconds. `sleep` and `random` are injectable for tests. */
export interface RetryPolicy {
  /** Attempts per request, the first included (≥ 1). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per attempt; 0 disables the timeout. */
  timeoutMs: number;
  /** Upper bound for a server's Retry-After, so a bad header cannot park the worker for hours. */
  maxRetryAfterMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
}

/** Sleep `ms`, rejecting with an AbortError as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The default policy: 6 attempts, 500 ms base, 30 s cap, 30 s timeout, Retry-After up to 120 s. */
export function defaultRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    maxAttempts: 6,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    timeoutMs: 30_000,
    maxRetryAfterMs: 120_000,
    sleep: abortableSleep,
    random: Math.random,
    ...overrides,
  };
}

/** Statuses that mean "try again later". */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** Methods that may be repeated without changing the outcome (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

/**
 * True when a response with `status` to a `method` request may be retried. PATCH of list item fields
 * sets absolute values, so it is idempotent here.
 */
export function isRetryable(status: number, method: string): boolean {
  if (status === 429 || status === 503) return true;
  if (status === 504) return IDEMPOTENT_METHODS.has(method.toUpperCase());
  return false;
}

/** True when a timed-out `method` request may be sent again. */
export function mayRetryTimeout(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Parse a `Retry-After` header value: delta-seconds (`"2"`, `"0.5"`) or an HTTP date.
 * @returns milliseconds to wait (≥ 0), or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * How long to wait before attempt `attempt + 1`, after attempt `attempt` (1-based) failed.
 * @param retryAfterMs the server's Retry-After in ms, if it sent one (honoured, capped at maxRetryAfterMs)
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.5 + policy.random() * 0.5));
}

/** The error a request gets when it had no answer in time. `name` survives the Graph client's error wrapping as `code`. */
export class GraphTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Graph gaf binnen ${timeoutMs} ms geen antwoord.`);
    this.name = 'GraphTimeout';
  }
}

function abortError(): Error {
  const e = new Error('De Graph-aanvraag is afgebroken.');
  e.name = 'AbortError';
  return e;
}

/** Counters a middleware keeps (for the sync summary and the benchmark). */
export interface RetryStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Of those, repeats after 429/503/504 or a timeout. */
  retries: number;
  timeouts: number;
}

/**
 * Graph client middleware that applies the policy to each HTTP request (place it right before
 * `HTTPMessageHandler`). The request body must be a string or absent (the Graph client serialises JSON
 * bodies to strings), so it can be sent again.
 */
export class GraphRetryMiddleware implements Middleware {
  private next?: Middleware;
  readonly stats: RetryStats = { requests: 0, retries: 0, timeouts: 0 };

  constructor(private readonly policy: RetryPolicy) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const options = (context.options ?? {}) as RequestInit;
    context.options = options;
    const callerSignal = options.signal ?? undefined;
    const method = (options.method ?? 'GET').toUpperCase();
    for (let attempt = 1; ; attempt++) {
      if (callerSignal?.aborted) throw abortError();
      const controller = new AbortController();
      const onCallerAbort = () => controller.abort();
      callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
      options.signal = controller.signal;
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      this.stats.requests++;
      try {
        const timeout = new Promise<never>((_, reject) => {
          if (this.policy.timeoutMs > 0) {
            timer = setTimeout(() => {
              timedOut = true;
              controller.abort();
              reject(new GraphTimeoutError(this.policy.timeoutMs));
            }, this.policy.timeoutMs);
          }
        });
        await Promise.race([this.next!.execute(context), timeout]);
      } catch (err) {
        if (callerSignal?.aborted) throw abortError();
        if (timedOut) {
          this.stats.timeouts++;
          if (attempt < this.policy.maxAttempts && mayRetryTimeout(method)) {
            this.stats.retries++;
            await this.policy.sleep(retryDelayMs(this.policy, attempt), callerSignal);
            continue;
          }
          throw new GraphTimeoutError(this.policy.timeoutMs);
        }
        throw err;
      } finally {
        if (timer) clearTimeout(timer);
        callerSignal?.removeEventListener('abort', onCallerAbort);
        options.signal = callerSignal;
      }
      const response = context.response;
      if (!response || !isRetryable(response.status, method) || attempt >= this.policy.maxAttempts) return;
      const wait = retryDelayMs(this.policy, attempt, parseRetryAfter(response.headers.get('Retry-After')));
      void response.body?.cancel().catch(() => undefined); // not awaited: some fetch implementations never settle it
      this.stats.retries++;
      await this.policy.sleep(wait, callerSignal);
    }
  }
}
