/**
 * The one Graph client of the product (list store, provisioning, calendar invites): `@microsoft/microsoft-graph-client` with a custom middleware
 * chain (bearer token from an AuthenticationProvider → the one retry policy → fetch), pointed at
 * `GRAPH_BASE_URL`, plus `$batch` with at most 20 sub-requests where only failed sub-requests are retried.
 */
import {
  Client,
  GraphError,
  HTTPMessageHandler,
  type AuthenticationProvider,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { GraphRetryMiddleware, isRetryable, parseRetryAfter, retryDelayMs, type RetryPolicy, type RetryStats } from './retry';

/** Graph's limit of sub-requests per `$batch` (JSON batching documentation). */
export const MAX_BATCH = 20;

/** Sets `Authorization: Bearer <token>` on every request, whatever the host (so local fakes work too). */
class BearerMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly auth: AuthenticationProvider) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    const token = await this.auth.getAccessToken();
    const options = (context.options ?? {}) as RequestInit;
    const headers = new Headers(options.headers);
    headers.set('Authorization', `Bearer ${token}`);
    options.headers = Object.fromEntries(headers.entries());
    context.options = options;
    await this.next!.execute(context);
  }
}

/** An error from Graph with its HTTP status (0 when there was no response) and Graph error code. */
export interface GraphFailure {
  status: number;
  code: string;
  message: string;
  /** No response was seen (timeout, connection reset): the server may or may not have done the work. */
  noResponse: boolean;
  retryAfterMs?: number;
}

/** Classify anything a Graph call throws. Messages are Graph's, never item content. */
export function toFailure(err: unknown): GraphFailure {
  if (err instanceof GraphError) {
    const status = err.statusCode > 0 ? err.statusCode : 0;
    const code = err.code ?? 'onbekend';
    return { status, code, message: err.message, noResponse: status === 0 };
  }
  const e = err as Error;
  return { status: 0, code: e?.name ?? 'Error', message: e?.message ?? String(err), noResponse: true };
}

/** One sub-request of a `$batch`. `url` is relative to the version root (`/sites/…`). */
export interface SubRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
}

/** One sub-response of a `$batch` (status 0: the whole batch failed without an answer). */
export interface SubResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});

/** One page of a Graph collection. */
const collectionPage = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() });

/** Counters for the sync summary and the benchmark. */
export interface BatchStats {
  batches: number;
  subRequests: number;
  subRetries: number;
}

/**
 * Thin wrapper around the Graph client. Paths are relative to `GRAPH_BASE_URL` (`/sites/…`); absolute
 * `@odata.nextLink` URLs are accepted too.
 */
export class GraphHttp {
  readonly client: Client;
  readonly retry: GraphRetryMiddleware;
  readonly batchStats: BatchStats = { batches: 0, subRequests: 0, subRetries: 0 };
  private readonly host: string;
  private readonly version: string;

  constructor(
    readonly baseUrl: string,
    auth: AuthenticationProvider,
    readonly policy: RetryPolicy,
    private readonly signal?: AbortSignal,
  ) {
    const m = /^(https?:\/\/.+)\/([^/]+)$/.exec(baseUrl);
    if (!m) throw new Error(`Ongeldige GRAPH_BASE_URL "${baseUrl}".`);
    this.host = m[1];
    this.version = m[2];
    this.retry = new GraphRetryMiddleware(policy);
    const bearer = new BearerMiddleware(auth);
    bearer.setNext(this.retry);
    this.retry.setNext(new HTTPMessageHandler());
    this.client = Client.initWithMiddleware({ middleware: bearer, baseUrl: this.host, defaultVersion: this.version });
  }

  /** HTTP statistics of the retry middleware (requests, retries, timeouts). */
  get stats(): RetryStats {
    return this.retry.stats;
  }

  private request(path: string) {
    const rel = path.startsWith(this.baseUrl) ? path.slice(this.baseUrl.length) : path;
    const req = this.client.api(rel);
    if (this.signal) req.option('signal', this.signal);
    return req;
  }

  /** GET and return the parsed JSON. @throws GraphError / GraphTimeoutError / AbortError */
  async get(path: string): Promise<unknown> {
    return this.request(path).get();
  }

  /** POST a JSON body. */
  async post(path: string, body: unknown): Promise<unknown> {
    return this.request(path).post(body);
  }

  /** PATCH a JSON body. */
  async patch(path: string, body: unknown): Promise<unknown> {
    return this.request(path).patch(body);
  }

  /**
   * Every page of a Graph collection, following `@odata.nextLink` until the last page. Each page is checked
   * to be a collection (`{ value: [...] }`) at the boundary; the items are yielded unparsed for the caller's
   * own schema.
   * @param path the first page (`/sites/…/items?$top=…`); @throws as `get`, or Error (Dutch) for a non-collection.
   */
  async *pages(path: string): AsyncGenerator<unknown[], void, undefined> {
    let next: string | undefined = path;
    while (next) {
      const r = collectionPage.safeParse(await this.get(next));
      if (!r.success)
        throw new Error(`Onverwacht antwoord van Graph (collectie): ${r.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`);
      yield r.data.value;
      next = r.data['@odata.nextLink'];
    }
  }

  /**
   * Send `requests` as `$batch` calls of at most 20, one after another. Sub-requests that answer
   * 429/503 (any method) or 504 (idempotent methods) are sent again — alone, in a new batch — after the
   * largest Retry-After among them (else backoff), up to the policy's maxAttempts. A batch that fails as
   * a whole after the middleware's retries gives every sub-request in it status 0 (no answer) or the
   * batch's status.
   * @returns one SubResponse per request id, in no particular order.
   */
  async batch(requests: readonly SubRequest[]): Promise<Map<string, SubResponse>> {
    const out = new Map<string, SubResponse>();
    for (let i = 0; i < requests.length; i += MAX_BATCH) {
      const chunk = requests.slice(i, i + MAX_BATCH);
      for (const [id, r] of await this.batchOnce(chunk)) out.set(id, r);
    }
    return out;
  }

  private async batchOnce(chunk: readonly SubRequest[]): Promise<Map<string, SubResponse>> {
    const out = new Map<string, SubResponse>();
    let pending = [...chunk];
    for (let attempt = 1; pending.length > 0; attempt++) {
      this.batchStats.batches++;
      this.batchStats.subRequests += pending.length;
      if (attempt > 1) this.batchStats.subRetries += pending.length;
      let parsed: z.infer<typeof batchResponseSchema>;
      try {
        const raw = await this.post('/$batch', {
          requests: pending.map((r) => ({
            id: r.id,
            method: r.method,
            url: r.url,
            ...(r.body !== undefined ? { body: r.body, headers: { 'Content-Type': 'application/json' } } : {}),
          })),
        });
        const res = batchResponseSchema.safeParse(raw);
        if (!res.success)
          throw new Error(`Onverwacht $batch-antwoord van Graph: ${res.error.issues.map((i) => i.path.join('.')).join(', ')}`);
        parsed = res.data;
      } catch (err) {
        if ((err as Error)?.name === 'AbortError' || (err as GraphError)?.code === 'AbortError') throw err;
        const f = toFailure(err);
        for (const r of pending)
          out.set(r.id, { id: r.id, status: f.status, headers: {}, body: { error: { code: f.code, message: f.message } } });
        return out;
      }
      const byId = new Map(parsed.responses.map((r) => [r.id, r]));
      const again: SubRequest[] = [];
      let retryAfter: number | undefined;
      for (const r of pending) {
        const res = byId.get(r.id);
        const sub: SubResponse = res
          ? { id: r.id, status: res.status, headers: lowerKeys(res.headers ?? {}), body: res.body }
          : {
              id: r.id,
              status: 0,
              headers: {},
              body: { error: { code: 'ontbreekt', message: 'Geen antwoord op deze deelaanvraag in $batch.' } },
            };
        if (res && isRetryable(res.status, r.method) && attempt < this.policy.maxAttempts) {
          again.push(r);
          const ra = parseRetryAfter(sub.headers['retry-after']);
          if (ra !== undefined) retryAfter = Math.max(retryAfter ?? 0, ra);
        } else out.set(r.id, sub);
      }
      pending = again;
      if (pending.length > 0) await this.policy.sleep(retryDelayMs(this.policy, attempt, retryAfter), this.signal);
    }
    return out;
  }
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}
