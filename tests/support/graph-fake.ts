/**
 * An HTTP-level fake of the Graph endpoints for SharePoint lists (msw 2, intercepting the real Graph
 * client's fetch). It follows Graph's documented behaviour, including the awkward parts:
 * - `sites/{id}/lists` (GET, POST with columns), `lists/{id}/columns` (GET, POST, PATCH), `lists/{id}/items`
 *   (GET with `$expand=fields`, `$expand=fields($select=…)`, `$select`, `$filter`, `$top`, paging with
 *   `$skiptoken` and an absolute `@odata.nextLink`; POST; PATCH `items/{id}/fields`; GET/DELETE one item).
 * - `$filter` on a column that is not indexed fails with 400 unless the request carries
 *   `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` (SharePoint's message, verbatim in spirit).
 * - Default page size 200, `$top` capped at 5000.
 * - Number fields come back as strings (`"3"`); date-only fields as the site's local midnight in UTC
 *   (`2024-03-04T23:00:00Z` for 5 March on a Europe/Amsterdam site); empty fields are left out.
 * - A multichoice value written without `"<col>@odata.type": "Collection(Edm.String)"` fails with a
 *   generic 400 ("General exception while processing").
 * - `enforceUniqueValues` columns answer 409 on a duplicate value.
 * - `$batch`: at most 20 sub-requests (else 400), per-request statuses, responses in reverse order (Graph
 *   does not promise any order).
 * - Faults on demand: a share of HTTP requests (and of `$batch` sub-requests) answer 429 with
 *   `Retry-After`, 503, or time out (the request IS processed, the answer never arrives in time).
 * - A resource-unit budget on demand (`setBudget`): SharePoint's per-app throttling — a read costs 1
 *   unit, a write 2, every `$batch` sub-request on its own; a request that would take more than the
 *   budget in the rolling window answers 429 with Retry-After (seconds until enough units are free) and
 *   does nothing.
 */
import { http, HttpResponse } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { amsterdamDate } from '@shared/domain/tijd';
import { TZDate } from '@date-fns/tz';
import { prng as mulberry32 } from '@shared/cli/seed';

export const FAKE_BASE_URL = 'https://graph.fake.test/v1.0';
export const FAKE_SITE_ID = 'contoso.sharepoint.com,11111111-1111-1111-1111-111111111111,22222222-2222-2222-2222-222222222222';
export const FAKE_TOKEN = 'fake-graph-token';

/** Fault injection. Rates are probabilities in [0, 1]. */
export interface FaultOptions {
  /** Share of HTTP requests that fail. */
  rate: number;
  /** Share of `$batch` sub-requests that fail (429/503 only), in batches that got through. */
  subRate?: number;
  kinds?: ('throttle' | 'unavailable' | 'timeout')[];
  /** Retry-After seconds on 429 answers. */
  retryAfterSeconds?: number;
  /** How long a "timed out" request hangs before its (late) answer. */
  hangMs?: number;
  seed?: number;
}

type ColType = 'text' | 'note' | 'number' | 'boolean' | 'dateOnly' | 'dateTime' | 'choice' | 'multichoice';
interface FakeColumn {
  id: string;
  name: string;
  displayName: string;
  type: ColType;
  choices?: string[];
  indexed: boolean;
  enforceUniqueValues: boolean;
  required: boolean;
  readOnly: boolean;
  description?: string;
}
interface FakeItem {
  id: number;
  fields: Record<string, unknown>;
  created: string;
  modified: string;
  version: number;
}
interface FakeList {
  id: string;
  name: string;
  displayName: string;
  description?: string;
  columns: FakeColumn[];
  items: Map<number, FakeItem>;
  nextId: number;
}
/** A fault for the next request(s), in order: `ok` lets one request through untouched. */
export type ScriptedFault =
  | { kind: 'throttle'; retryAfter?: string }
  | { kind: 'unavailable'; retryAfter?: string }
  | { kind: 'gatewayTimeout' }
  | { kind: 'timeout' }
  | { kind: 'ok' };

interface Res {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Request counters. */
export interface FakeStats {
  /** HTTP requests that reached the fake (faulted ones included). */
  requests: number;
  batches: number;
  subRequests: number;
  faults: number;
  byMethod: Record<string, number>;
  /** Requests refused with 429 by the resource-unit budget (`setBudget`). */
  throttled: number;
}

/** SharePoint's throttling budget: at most `units` resource units in any `windowMs`. */
export interface BudgetOptions {
  units: number;
  windowMs: number;
}

const err = (status: number, code: string, message: string, headers?: Record<string, string>): Res => ({
  status,
  headers,
  body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': 'fake' } } },
});

/** True for a write: a `$batch` with a non-GET sub-request, or POST/PATCH/DELETE on list items. */
function isWrite(method: string, pathname: string, body: unknown): boolean {
  if (pathname.endsWith('/$batch')) {
    const reqs = (body as { requests?: { method?: string }[] } | undefined)?.requests ?? [];
    return reqs.some((r) => (r.method ?? 'GET').toUpperCase() !== 'GET');
  }
  return method !== 'GET' && /\/items(\/|$)/.test(pathname);
}

let guidCounter = 0;
const guid = () => `00000000-0000-4000-8000-${String(++guidCounter).padStart(12, '0')}`;

/** The fake. Create one per test file, `listen()` in beforeAll and `close()` in afterAll. */
export class GraphFake {
  readonly server: SetupServer;
  readonly stats: FakeStats = { requests: 0, batches: 0, subRequests: 0, faults: 0, byMethod: {}, throttled: 0 };
  private budget?: BudgetOptions;
  /** Units spent, oldest first: [time ms, units]. */
  private spent: [number, number][] = [];
  readonly lists = new Map<string, FakeList>();
  faults?: FaultOptions;
  /**
   * Public Graph behaviour on demand (issue 15): `collectieZonderFields` leaves `fields` out of every item of a
   * collection response, even with `$expand=fields` (as Graph does without `$expand`, and as a next page can);
   * `lijstdrempel` makes item collections of the named lists answer SharePoint's list view threshold refusal.
   */
  readonly gedrag: { collectieZonderFields?: boolean; lijstdrempel?: Set<string> } = {};
  /** Method and URL (path + query, decoded) of every HTTP request and sub-request, for assertions. */
  readonly log: string[] = [];
  private readonly scripted: ScriptedFault[] = [];
  private readonly scriptedSub: ScriptedFault[] = [];
  private rng = mulberry32(1);
  private readonly hangs = new Set<() => void>();
  private writeOutage?: { status: 429 | 503 | 400; retryAfter?: string };
  private readonly httpServers = new Set<import('node:http').Server>();
  private readonly origin: string;
  private readonly prefix: string;

  constructor(
    readonly baseUrl: string = FAKE_BASE_URL,
    readonly siteId: string = FAKE_SITE_ID,
    readonly token: string = FAKE_TOKEN,
  ) {
    const u = new URL(baseUrl);
    this.origin = u.origin;
    this.prefix = u.pathname.replace(/\/$/, '');
    this.server = setupServer(
      http.all(`${this.origin}/*`, async ({ request }) => {
        const res = await this.handleHttp(request);
        return HttpResponse.json(res.body ?? null, { status: res.status, headers: res.headers });
      }),
    );
  }

  listen(): void {
    this.server.listen({ onUnhandledRequest: 'error' });
  }

  close(): void {
    for (const release of this.hangs) release();
    for (const s of this.httpServers) {
      s.closeAllConnections();
      s.close();
    }
    this.server.close();
  }

  /** Turn fault injection on (or off with undefined). */
  setFaults(f: FaultOptions | undefined): void {
    this.faults = f;
    this.rng = mulberry32(f?.seed ?? 1);
  }

  /** Enforce a resource-unit budget (or none with undefined); see the module doc. */
  setBudget(b: BudgetOptions | undefined): void {
    this.budget = b;
    this.spent = [];
  }

  /** The budget's verdict for a request of `units` now: undefined = allowed (and spent), else Retry-After seconds. */
  private overBudget(units: number): number | undefined {
    const b = this.budget;
    if (!b) return undefined;
    const now = Date.now();
    this.spent = this.spent.filter(([t]) => t > now - b.windowMs);
    let used = this.spent.reduce((n, [, u]) => n + u, 0);
    if (used + units <= b.units) {
      this.spent.push([now, units]);
      return undefined;
    }
    for (const [t, u] of this.spent) {
      used -= u;
      if (used + units <= b.units) return Math.max(1, Math.ceil((t + b.windowMs - now) / 1000));
    }
    return Math.ceil(b.windowMs / 1000);
  }

  /** Make the next HTTP requests fail as listed (before any random faults). */
  failNext(...faults: ScriptedFault[]): void {
    this.scripted.push(...faults);
  }

  /** Make the next `$batch` sub-requests fail as listed (429/503/504 only; `timeout` counts as 504). */
  failNextSub(...faults: ScriptedFault[]): void {
    this.scriptedSub.push(...faults);
  }

  resetStats(): void {
    this.log.length = 0;
    Object.assign(this.stats, { requests: 0, batches: 0, subRequests: 0, faults: 0, byMethod: {}, throttled: 0 });
  }

  /**
   * Refuse every write while set (reads still work): a `$batch` that holds a POST, PATCH or DELETE, and a direct
   * POST/PATCH/DELETE on a list item, answer `status` as a whole — 429 or 503 (with `retryAfter` seconds when
   * given) for a Graph that throttles or is down, 400 for a permanent refusal. `undefined` ends the outage.
   */
  setWriteOutage(outage: { status: 429 | 503 | 400; retryAfter?: string } | undefined): void {
    this.writeOutage = outage;
  }

  /**
   * Serve the fake on a real loopback HTTP port too (for processes that msw cannot reach, such as the web-app
   * host's children): `GRAPH_BASE_URL` is then `http://127.0.0.1:<port><version path>`.
   * @returns the base URL and a function that stops the server
   */
  async listenHttp(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = `${this.origin}${req.url ?? '/'}`;
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const request = new Request(url, {
          method: req.method,
          headers,
          body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
        });
        void this.handleHttp(request).then((r) => {
          res.writeHead(r.status, { 'content-type': 'application/json', ...(r.headers ?? {}) });
          res.end(r.body === undefined ? '' : JSON.stringify(r.body));
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as { port: number }).port;
    this.httpServers.add(server);
    return {
      baseUrl: `http://127.0.0.1:${port}${this.prefix}`,
      close: () =>
        new Promise<void>((resolve) => {
          this.httpServers.delete(server);
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }

  /** Remove every list (fresh site). */
  reset(): void {
    this.lists.clear();
    this.gedrag.collectieZonderFields = undefined;
    this.gedrag.lijstdrempel = undefined;
  }

  /** The list named `name` (display name or URL name), for assertions. */
  list(name: string): FakeList | undefined {
    return [...this.lists.values()].find((l) => l.displayName === name || l.name === name);
  }

  /** Raw stored fields of every item of list `name`, for assertions. */
  itemsOf(name: string): Record<string, unknown>[] {
    return [...(this.list(name)?.items.values() ?? [])].map((i) => i.fields);
  }

  /**
   * Put items straight into a list (test set-up, e.g. 100,000 items for the read benchmark) with the
   * same conversions as a POST. @throws Error when a value is rejected
   */
  seedItems(name: string, items: Record<string, unknown>[]): void {
    const l = this.list(name);
    if (!l) throw new Error(`no list ${name}`);
    for (const f of items) {
      const r = this.createItem(l, f);
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    }
  }

  /* ---------------- HTTP ---------------- */

  private async handleHttp(request: Request): Promise<Res> {
    this.stats.requests++;
    this.stats.byMethod[request.method] = (this.stats.byMethod[request.method] ?? 0) + 1;
    if (request.headers.get('authorization') !== `Bearer ${this.token}`) {
      return err(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    }
    const url = new URL(request.url);
    if (!url.pathname.startsWith(this.prefix + '/')) return err(404, 'BadRequest', 'Invalid version.');
    const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        return err(400, 'BadRequest', 'Unable to read JSON request payload.');
      }
    }
    if (this.writeOutage && isWrite(request.method, url.pathname, body)) {
      const o = this.writeOutage;
      this.stats.faults++;
      if (o.status === 400) return err(400, 'invalidRequest', 'One or more field values are not valid.');
      return err(
        o.status,
        o.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable',
        o.status === 429 ? 'Too many requests.' : 'Service unavailable.',
        o.retryAfter !== undefined ? { 'Retry-After': o.retryAfter } : undefined,
      );
    }
    if (this.budget) {
      const subs = (body as { requests?: { method?: string }[] } | undefined)?.requests;
      const units =
        request.method === 'POST' && url.pathname.endsWith('/$batch') && Array.isArray(subs)
          ? subs.reduce((n, r) => n + ((r.method ?? 'GET') === 'GET' ? 1 : 2), 0)
          : request.method === 'GET'
            ? 1
            : 2;
      const retryAfter = this.overBudget(units);
      if (retryAfter !== undefined) {
        this.stats.throttled++;
        return err(429, 'activityLimitReached', 'The request has been throttled.', { 'Retry-After': String(retryAfter) });
      }
    }
    const f = this.faults;
    let hang = false;
    const scripted = this.scripted.shift();
    if (scripted && scripted.kind !== 'ok') {
      this.stats.faults++;
      if (scripted.kind === 'throttle')
        return err(
          429,
          'TooManyRequests',
          'Too many requests.',
          scripted.retryAfter !== undefined ? { 'Retry-After': scripted.retryAfter } : undefined,
        );
      if (scripted.kind === 'unavailable')
        return err(
          503,
          'serviceNotAvailable',
          'Service unavailable.',
          scripted.retryAfter !== undefined ? { 'Retry-After': scripted.retryAfter } : undefined,
        );
      if (scripted.kind === 'gatewayTimeout') return err(504, 'gatewayTimeout', 'Gateway timeout.');
      hang = true;
    } else if (!scripted && f && this.rng() < f.rate) {
      const kinds = f.kinds ?? ['throttle', 'unavailable', 'timeout'];
      const kind = kinds[Math.floor(this.rng() * kinds.length)];
      this.stats.faults++;
      if (kind === 'throttle')
        return err(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': String(f.retryAfterSeconds ?? 1) });
      if (kind === 'unavailable') return err(503, 'serviceNotAvailable', 'Service unavailable.');
      hang = true;
    }
    const path = url.pathname.slice(this.prefix.length);
    this.log.push(`${request.method} ${decodeURIComponent(path + url.search)}`);
    const res = this.route(request.method, path, url.searchParams, body, request.headers);
    if (hang) {
      // The work is done; the answer comes too late (the client has timed out by then).
      await new Promise<void>((resolve) => {
        const release = () => {
          clearTimeout(t);
          this.hangs.delete(release);
          resolve();
        };
        const t = setTimeout(release, f?.hangMs ?? 1000);
        this.hangs.add(release);
      });
    }
    return res;
  }

  private route(method: string, path: string, q: URLSearchParams, body: unknown, headers: Headers | Record<string, string>): Res {
    const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (seg[0] === '$batch' && method === 'POST') return this.batch(body);
    if (seg[0] !== 'sites' || !seg[1]) return err(400, 'BadRequest', `Resource not found for the segment '${seg[0]}'.`);
    if (seg[1] !== this.siteId) return err(404, 'itemNotFound', 'Requested site could not be found');
    if (seg.length === 2 && method === 'GET')
      return {
        status: 200,
        body: {
          id: this.siteId,
          name: 'integriteit',
          displayName: 'Integriteit',
          webUrl: 'https://contoso.sharepoint.com/sites/integriteit',
        },
      };
    if (seg[2] !== 'lists') return err(400, 'BadRequest', 'Unsupported segment.');
    if (seg.length === 3) {
      if (method === 'GET')
        return { status: 200, body: { '@odata.context': 'lists', value: [...this.lists.values()].map((l) => this.listJson(l)) } };
      if (method === 'POST') return this.createList(body);
      return err(405, 'methodNotAllowed', 'Method not allowed.');
    }
    const list = this.lists.get(seg[3]) ?? this.list(seg[3]);
    if (!list) return err(404, 'itemNotFound', 'The specified list was not found');
    if (seg.length === 4 && method === 'GET') return { status: 200, body: this.listJson(list) };
    if (seg[4] === 'columns') {
      if (seg.length === 5 && method === 'GET') return { status: 200, body: { value: list.columns.map((c) => this.columnJson(c)) } };
      if (seg.length === 5 && method === 'POST') return this.createColumn(list, body);
      if (seg.length === 6 && method === 'PATCH') return this.patchColumn(list, seg[5], body);
      return err(405, 'methodNotAllowed', 'Method not allowed.');
    }
    if (seg[4] !== 'items') return err(400, 'BadRequest', 'Unsupported segment.');
    if (seg.length === 5) {
      if (method === 'GET') return this.listItems(list, q, headers);
      if (method === 'POST') {
        const fields = (body as { fields?: unknown })?.fields;
        if (!fields || typeof fields !== 'object') return err(400, 'invalidRequest', 'Invalid request: fields required.');
        return this.createItem(list, fields as Record<string, unknown>);
      }
      return err(405, 'methodNotAllowed', 'Method not allowed.');
    }
    const item = list.items.get(Number(seg[5]));
    if (!item) return err(404, 'itemNotFound', 'The resource could not be found.');
    if (seg.length === 6 && method === 'GET') return { status: 200, body: this.itemJson(list, item, q) };
    if (seg.length === 6 && method === 'DELETE') {
      list.items.delete(item.id);
      this.uniques.delete(list);
      return { status: 204 };
    }
    if (seg.length === 7 && seg[6] === 'fields' && method === 'PATCH') return this.patchFields(list, item, body);
    return err(405, 'methodNotAllowed', 'Method not allowed.');
  }

  /* ---------------- $batch ---------------- */

  private batch(body: unknown): Res {
    const reqs = (body as { requests?: unknown })?.requests;
    if (!Array.isArray(reqs)) return err(400, 'BadRequest', 'Invalid batch payload format.');
    if (reqs.length > 20) return err(400, 'BadRequest', 'Batch request limit exceeded: at most 20 requests.');
    this.stats.batches++;
    const out: { id: string; status: number; headers: Record<string, string>; body?: unknown }[] = [];
    const f = this.faults;
    for (const r of reqs as { id?: string; method?: string; url?: string; body?: unknown; headers?: Record<string, string> }[]) {
      this.stats.subRequests++;
      if (!r.id || !r.method || !r.url) return err(400, 'BadRequest', 'Each batch request needs id, method and url.');
      let res: Res;
      const sf = this.scriptedSub.shift();
      if (sf && sf.kind !== 'ok') {
        this.stats.faults++;
        res =
          sf.kind === 'throttle'
            ? err(429, 'TooManyRequests', 'Too many requests.', sf.retryAfter !== undefined ? { 'Retry-After': sf.retryAfter } : undefined)
            : sf.kind === 'unavailable'
              ? err(503, 'serviceNotAvailable', 'Service unavailable.')
              : err(504, 'gatewayTimeout', 'Gateway timeout.');
      } else if (!sf && f?.subRate && this.rng() < f.subRate) {
        this.stats.faults++;
        res =
          this.rng() < 0.5
            ? err(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': String(f.retryAfterSeconds ?? 1) })
            : err(503, 'serviceNotAvailable', 'Service unavailable.');
      } else {
        const u = new URL(r.url.startsWith('/') ? `${this.origin}${r.url}` : `${this.origin}/${r.url}`);
        this.log.push(`${r.method.toUpperCase()} ${decodeURIComponent(u.pathname + u.search)} (batch)`);
        res = this.route(r.method.toUpperCase(), u.pathname, u.searchParams, r.body, r.headers ?? {});
      }
      out.push({
        id: r.id,
        status: res.status,
        headers: { 'Content-Type': 'application/json', ...(res.headers ?? {}) },
        ...(res.body !== undefined ? { body: res.body } : {}),
      });
    }
    return { status: 200, body: { responses: out.reverse() } };
  }

  /* ---------------- lists and columns ---------------- */

  private listJson(l: FakeList) {
    return {
      '@odata.etag': `"${l.id},1"`,
      id: l.id,
      name: l.name,
      displayName: l.displayName,
      description: l.description ?? '',
      webUrl: `https://contoso.sharepoint.com/sites/integriteit/Lists/${l.name}`,
      list: { contentTypesEnabled: false, hidden: false, template: 'genericList' },
    };
  }

  private columnJson(c: FakeColumn) {
    const facet: Record<string, unknown> = {};
    switch (c.type) {
      case 'text':
        facet.text = { allowMultipleLines: false, maxLength: 255 };
        break;
      case 'note':
        facet.text = { allowMultipleLines: true };
        break;
      case 'number':
        facet.number = { decimalPlaces: 'automatic' };
        break;
      case 'boolean':
        facet.boolean = {};
        break;
      case 'dateOnly':
        facet.dateTime = { displayAs: 'default', format: 'dateOnly' };
        break;
      case 'dateTime':
        facet.dateTime = { displayAs: 'default', format: 'dateTime' };
        break;
      case 'choice':
        facet.choice = { allowTextEntry: false, choices: c.choices, displayAs: 'dropDownMenu' };
        break;
      case 'multichoice':
        facet.choice = { allowTextEntry: false, choices: c.choices, displayAs: 'checkBoxes' };
        break;
    }
    return {
      id: c.id,
      name: c.name,
      displayName: c.displayName,
      description: c.description ?? '',
      indexed: c.indexed,
      enforceUniqueValues: c.enforceUniqueValues,
      required: c.required,
      readOnly: c.readOnly,
      hidden: false,
      columnGroup: c.readOnly ? '_Hidden' : 'Custom Columns',
      ...facet,
    };
  }

  /** Parse a columnDefinition from a request body. */
  private parseColumn(def: unknown): FakeColumn | Res {
    const d = def as Record<string, unknown>;
    if (!d || typeof d.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(d.name))
      return err(400, 'invalidRequest', 'Invalid column name.');
    let type: ColType | undefined;
    let choices: string[] | undefined;
    const facets = ['text', 'number', 'boolean', 'dateTime', 'choice'].filter((k) => d[k] !== undefined);
    if (facets.length !== 1) return err(400, 'invalidRequest', 'A column needs exactly one type facet.');
    if (d.text) type = (d.text as { allowMultipleLines?: boolean }).allowMultipleLines ? 'note' : 'text';
    if (d.number) type = 'number';
    if (d.boolean) type = 'boolean';
    if (d.dateTime) type = (d.dateTime as { format?: string }).format === 'dateOnly' ? 'dateOnly' : 'dateTime';
    if (d.choice) {
      const c = d.choice as { choices?: unknown; displayAs?: string };
      if (!Array.isArray(c.choices) || c.choices.some((x) => typeof x !== 'string'))
        return err(400, 'invalidRequest', 'choice.choices must be a list of strings.');
      choices = c.choices as string[];
      type = c.displayAs === 'checkBoxes' ? 'multichoice' : 'choice';
    }
    const indexed = d.indexed === true;
    const unique = d.enforceUniqueValues === true;
    if (unique && !indexed) return err(400, 'invalidRequest', 'enforceUniqueValues requires the column to be indexed.');
    return {
      id: guid(),
      name: d.name,
      displayName: typeof d.displayName === 'string' ? d.displayName : d.name,
      type: type!,
      choices,
      indexed,
      enforceUniqueValues: unique,
      required: d.required === true,
      readOnly: false,
      description: typeof d.description === 'string' ? d.description : undefined,
    };
  }

  private createList(body: unknown): Res {
    const b = body as { displayName?: unknown; description?: unknown; columns?: unknown; list?: { template?: string } };
    if (typeof b?.displayName !== 'string' || b.displayName.trim() === '') return err(400, 'invalidRequest', 'displayName is required.');
    if (this.list(b.displayName)) return err(409, 'nameAlreadyExists', 'A list with this name already exists.');
    const columns: FakeColumn[] = [
      {
        id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
        name: 'Title',
        displayName: 'Title',
        type: 'text',
        indexed: false,
        enforceUniqueValues: false,
        required: false,
        readOnly: false,
      },
      {
        id: '1df5e554-ec7e-46a6-901d-d85a3881cb18',
        name: 'ID',
        displayName: 'ID',
        type: 'number',
        indexed: false,
        enforceUniqueValues: false,
        required: false,
        readOnly: true,
      },
      {
        id: '8c06beca-0777-48f7-91c7-6da68bc07b69',
        name: 'Created',
        displayName: 'Created',
        type: 'dateTime',
        indexed: false,
        enforceUniqueValues: false,
        required: false,
        readOnly: true,
      },
      {
        id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f',
        name: 'Modified',
        displayName: 'Modified',
        type: 'dateTime',
        indexed: false,
        enforceUniqueValues: false,
        required: false,
        readOnly: true,
      },
    ];
    for (const c of (Array.isArray(b.columns) ? b.columns : []) as unknown[]) {
      const parsed = this.parseColumn(c);
      if ('status' in parsed) return parsed;
      if (columns.some((x) => x.name === parsed.name))
        return err(409, 'nameAlreadyExists', `A column named ${parsed.name} already exists.`);
      columns.push(parsed);
    }
    const l: FakeList = {
      id: guid(),
      name: b.displayName.replace(/\s+/g, ''),
      displayName: b.displayName,
      description: typeof b.description === 'string' ? b.description : undefined,
      columns,
      items: new Map(),
      nextId: 1,
    };
    this.lists.set(l.id, l);
    return { status: 201, body: this.listJson(l) };
  }

  private createColumn(list: FakeList, body: unknown): Res {
    const parsed = this.parseColumn(body);
    if ('status' in parsed) return parsed;
    if (list.columns.some((c) => c.name === parsed.name))
      return err(409, 'nameAlreadyExists', `A column named ${parsed.name} already exists.`);
    list.columns.push(parsed);
    return { status: 201, body: this.columnJson(parsed) };
  }

  private patchColumn(list: FakeList, id: string, body: unknown): Res {
    const c = list.columns.find((x) => x.id === id);
    if (!c) return err(404, 'itemNotFound', 'Column not found.');
    if (c.readOnly) return err(400, 'invalidRequest', 'Column is read-only.');
    const b = body as Record<string, unknown>;
    if (typeof b.indexed === 'boolean') c.indexed = b.indexed;
    if (typeof b.enforceUniqueValues === 'boolean') {
      if (b.enforceUniqueValues && !c.indexed) return err(400, 'invalidRequest', 'enforceUniqueValues requires the column to be indexed.');
      c.enforceUniqueValues = b.enforceUniqueValues;
    }
    if (typeof b.required === 'boolean') c.required = b.required;
    if (typeof b.description === 'string') c.description = b.description;
    const choice = b.choice as { choices?: unknown } | undefined;
    if (choice && Array.isArray(choice.choices) && (c.type === 'choice' || c.type === 'multichoice'))
      c.choices = choice.choices.map(String);
    return { status: 200, body: this.columnJson(c) };
  }

  /* ---------------- items ---------------- */

  /** Convert one written value to the stored form, or return a 400 reason. */
  private storeValue(c: FakeColumn, v: unknown, annotation: string | undefined): { ok: true; value: unknown } | { ok: false; res: Res } {
    const bad = (msg: string) => ({ ok: false as const, res: err(400, 'invalidRequest', msg) });
    if (v === null) return { ok: true, value: undefined };
    switch (c.type) {
      case 'text':
        if (typeof v !== 'string') return bad(`Field '${c.name}' expects a string.`);
        if (v.length > 255) return bad(`Field '${c.name}' is too long.`);
        return { ok: true, value: v };
      case 'note':
        return typeof v === 'string' ? { ok: true, value: v } : bad(`Field '${c.name}' expects a string.`);
      case 'number': {
        const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        return Number.isFinite(n) ? { ok: true, value: n } : bad(`Field '${c.name}' expects a number.`);
      }
      case 'boolean':
        return typeof v === 'boolean' ? { ok: true, value: v } : bad(`Field '${c.name}' expects a boolean.`);
      case 'dateOnly':
      case 'dateTime': {
        if (typeof v !== 'string') return bad(`Field '${c.name}' expects a date.`);
        const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
        if (Number.isNaN(t)) return bad(`Field '${c.name}' expects a date.`);
        // dateOnly: SharePoint keeps the site-local calendar date (site time zone Europe/Amsterdam).
        return { ok: true, value: c.type === 'dateOnly' ? amsterdamDate(new Date(t)) : new Date(t).toISOString() };
      }
      case 'choice':
        return typeof v === 'string' && c.choices!.includes(v)
          ? { ok: true, value: v }
          : bad(`Field '${c.name}': value is not one of the choices.`);
      case 'multichoice':
        if (annotation !== 'Collection(Edm.String)' || !Array.isArray(v)) {
          return { ok: false, res: err(400, 'generalException', 'General exception while processing') };
        }
        if (v.some((x) => typeof x !== 'string' || !c.choices!.includes(x)))
          return bad(`Field '${c.name}': value is not one of the choices.`);
        return { ok: true, value: v.length ? [...v] : undefined };
    }
  }

  private applyFields(list: FakeList, target: Record<string, unknown>, fields: Record<string, unknown>, selfId?: number): Res | undefined {
    const next = { ...target };
    for (const [k, v] of Object.entries(fields)) {
      if (k.endsWith('@odata.type')) continue;
      const c = list.columns.find((x) => x.name === k);
      if (!c) return err(400, 'invalidRequest', `Field '${k}' is not recognized`);
      if (c.readOnly) return err(400, 'invalidRequest', `Field '${k}' is read-only`);
      const r = this.storeValue(c, v, fields[`${k}@odata.type`] as string | undefined);
      if (!r.ok) return r.res;
      if (r.value === undefined) delete next[k];
      else next[k] = r.value;
    }
    for (const c of list.columns) {
      if (!c.enforceUniqueValues || next[c.name] === undefined) continue;
      const holder = this.uniqueIndex(list, c.name).get(String(next[c.name]).toLowerCase());
      if (holder !== undefined && holder !== selfId && list.items.get(holder)?.fields[c.name] !== undefined) {
        return err(
          409,
          'nameAlreadyExists',
          `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${c.name}].`,
        );
      }
    }
    Object.keys(target).forEach((k) => delete target[k]);
    Object.assign(target, next);
    return undefined;
  }

  /** Value (case-insensitive, as SharePoint compares) → item id, per unique column; rebuilt lazily. */
  private readonly uniques = new WeakMap<FakeList, Map<string, Map<string, number>>>();
  private uniqueIndex(list: FakeList, column: string): Map<string, number> {
    let perList = this.uniques.get(list);
    if (!perList) this.uniques.set(list, (perList = new Map()));
    let idx = perList.get(column);
    if (!idx) {
      idx = new Map();
      for (const it of list.items.values()) if (it.fields[column] !== undefined) idx.set(String(it.fields[column]).toLowerCase(), it.id);
      perList.set(column, idx);
    }
    return idx;
  }

  private indexUnique(list: FakeList, item: FakeItem): void {
    for (const c of list.columns) {
      if (c.enforceUniqueValues && item.fields[c.name] !== undefined)
        this.uniqueIndex(list, c.name).set(String(item.fields[c.name]).toLowerCase(), item.id);
    }
  }

  private createItem(list: FakeList, fields: Record<string, unknown>): Res {
    const stored: Record<string, unknown> = {};
    const problem = this.applyFields(list, stored, fields);
    if (problem) return problem;
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const item: FakeItem = { id: list.nextId++, fields: stored, created: now, modified: now, version: 1 };
    list.items.set(item.id, item);
    this.indexUnique(list, item);
    return { status: 201, body: this.itemJson(list, item, new URLSearchParams('$expand=fields')) };
  }

  private patchFields(list: FakeList, item: FakeItem, body: unknown): Res {
    if (!body || typeof body !== 'object') return err(400, 'invalidRequest', 'Invalid request body.');
    const problem = this.applyFields(list, item.fields, body as Record<string, unknown>, item.id);
    if (problem) return problem;
    this.indexUnique(list, item);
    item.version++;
    item.modified = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    return { status: 200, body: this.fieldsJson(list, item) };
  }

  /** Fields as Graph returns them: numbers as strings, date-only as local midnight in UTC, empties left out. */
  private fieldsJson(list: FakeList, item: FakeItem, select?: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = { '@odata.etag': `"${list.id},${item.version}"` };
    if (!select)
      Object.assign(out, {
        id: String(item.id),
        ContentType: 'Item',
        Modified: item.modified,
        Created: item.created,
        _UIVersionString: `${item.version}.0`,
        Edit: '',
        LinkTitle: '',
        Attachments: false,
      });
    for (const c of list.columns) {
      if (c.readOnly || (select && !select.includes(c.name))) continue;
      const v = item.fields[c.name];
      if (v === undefined) continue;
      if (c.type === 'number') out[c.name] = String(v);
      else if (c.type === 'dateOnly')
        out[c.name] = new Date(new TZDate(`${v as string}T00:00:00`, 'Europe/Amsterdam').getTime()).toISOString().replace(/\.\d{3}Z$/, 'Z');
      else if (c.type === 'dateTime') out[c.name] = (v as string).replace(/\.\d{3}Z$/, 'Z');
      else if (c.type === 'multichoice') {
        out[`${c.name}@odata.type`] = '#Collection(String)';
        out[c.name] = v;
      } else out[c.name] = v;
    }
    return out;
  }

  private itemJson(list: FakeList, item: FakeItem, q: URLSearchParams): Record<string, unknown> {
    const select = q.get('$select')?.split(',');
    const expand = q.get('$expand') ?? '';
    const full: Record<string, unknown> = {
      '@odata.etag': `"${list.id},${item.version}"`,
      createdDateTime: item.created,
      eTag: `"${list.id},${item.version}"`,
      id: String(item.id),
      lastModifiedDateTime: item.modified,
      webUrl: `https://contoso.sharepoint.com/sites/integriteit/Lists/${list.name}/${item.id}_.000`,
      contentType: { id: '0x0100', name: 'Item' },
    };
    const out: Record<string, unknown> = select
      ? Object.fromEntries(Object.entries(full).filter(([k]) => k === '@odata.etag' || select.includes(k)))
      : full;
    const m = /^fields(?:\(\$select=([^)]*)\))?$/.exec(expand);
    if (m) out.fields = this.fieldsJson(list, item, m[1]?.split(','));
    return out;
  }

  private listItems(list: FakeList, q: URLSearchParams, headers: Headers | Record<string, string>): Res {
    const prefer = headers instanceof Headers ? headers.get('prefer') : (headers['Prefer'] ?? headers['prefer']);
    const honour = (prefer ?? '').includes('HonorNonIndexedQueriesWarningMayFailRandomly');
    let pred: (f: Record<string, unknown>) => boolean = () => true;
    const filter = q.get('$filter');
    if (filter) {
      const parsed = parseFilter(filter, list, honour);
      if ('status' in parsed) return parsed;
      pred = parsed.pred;
    }
    if (q.get('$orderby')) return err(400, 'invalidRequest', '$orderby is not supported by this fake.');
    const top = Math.min(Number(q.get('$top') ?? 200) || 200, 5000);
    let after = 0;
    const skip = q.get('$skiptoken');
    if (skip) {
      const m = /p_ID=(\d+)/.exec(Buffer.from(skip, 'base64').toString('utf8'));
      if (!m) return err(400, 'invalidRequest', 'Invalid skiptoken.');
      after = Number(m[1]);
    }
    const page: FakeItem[] = [];
    let more = false;
    for (const item of list.items.values()) {
      if (item.id <= after || !pred(item.fields)) continue;
      if (page.length === top) {
        more = true;
        break;
      }
      page.push(item);
    }
    if (this.gedrag.lijstdrempel?.has(list.displayName)) {
      return {
        status: 500,
        body: {
          error: {
            code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
            message: 'The attempted operation is prohibited because it exceeds the list view threshold.',
          },
        },
      };
    }
    const zonder = new URLSearchParams(q);
    if (this.gedrag.collectieZonderFields) zonder.delete('$expand');
    const body: Record<string, unknown> = {
      '@odata.context': `${this.baseUrl}/$metadata#sites('${this.siteId}')/lists('${list.id}')/items`,
      value: page.map((i) => this.itemJson(list, i, zonder)),
    };
    if (more) {
      const next = new URLSearchParams(q);
      next.set('$skiptoken', Buffer.from(`Paged=TRUE&p_ID=${page[page.length - 1].id}`).toString('base64'));
      const qs = [...next.entries()].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
      body['@odata.nextLink'] = `${this.baseUrl}/sites/${this.siteId}/lists/${list.id}/items?${qs}`;
    }
    return { status: 200, body };
  }
}

/* ---------------- $filter ---------------- */

type Pred = (f: Record<string, unknown>) => boolean;

/**
 * A small OData `$filter` parser: comparisons `fields/<col> eq|ne|gt|ge|lt|le <literal>` joined by
 * `and` / `or`, with parentheses. Literals: 'string' ('' escapes a quote), numbers, true, false, null.
 */
function parseFilter(src: string, list: FakeList, honourNonIndexed: boolean): { pred: Pred } | Res {
  const tokens = src.match(/'(?:[^']|'')*'|\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const fail = (m: string) => {
    throw err(400, 'invalidRequest', m);
  };
  const literal = (t: string): unknown => {
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (t === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    return fail(`Invalid filter literal ${t}.`);
  };
  const comparison = (): Pred => {
    const left = tokens[i++];
    const op = tokens[i++];
    const right = tokens[i++];
    if (!left?.startsWith('fields/') || !op || right === undefined) return fail('Invalid filter clause.');
    const name = left.slice('fields/'.length);
    const c = list.columns.find((x) => x.name === name);
    if (!c) return fail(`Field '${name}' is not recognized.`);
    if (!c.indexed && !honourNonIndexed) {
      return fail(
        `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
      );
    }
    const lit = literal(right);
    const norm = (v: unknown): unknown => {
      if (v === null || v === undefined) return null;
      if (c.type === 'dateOnly') return new TZDate(`${v as string}T00:00:00`, 'Europe/Amsterdam').getTime();
      if (c.type === 'dateTime') return Date.parse(v as string);
      return v;
    };
    const litN =
      c.type === 'dateOnly' || c.type === 'dateTime'
        ? lit === null
          ? null
          : Date.parse(String(lit).length === 10 ? `${lit}T00:00:00Z` : String(lit))
        : lit;
    const cmp = (a: unknown, b: unknown): number => (a === b ? 0 : (a as number) < (b as number) ? -1 : 1);
    return (f) => {
      const v = norm(f[name]);
      if (c.type === 'multichoice') return Array.isArray(f[name]) && (f[name] as unknown[]).includes(lit);
      switch (op) {
        case 'eq':
          return v === litN;
        case 'ne':
          return v !== litN;
        case 'gt':
          return v !== null && cmp(v, litN) > 0;
        case 'ge':
          return v !== null && cmp(v, litN) >= 0;
        case 'lt':
          return v !== null && cmp(v, litN) < 0;
        case 'le':
          return v !== null && cmp(v, litN) <= 0;
        default:
          return fail(`Unknown operator ${op}.`);
      }
    };
  };
  const primary = (): Pred => {
    if (tokens[i] === '(') {
      i++;
      const p = orExpr();
      if (tokens[i++] !== ')') fail('Missing ).');
      return p;
    }
    return comparison();
  };
  const andExpr = (): Pred => {
    let p = primary();
    while (tokens[i] === 'and') {
      i++;
      const a = p;
      const b = primary();
      p = (f) => a(f) && b(f);
    }
    return p;
  };
  const orExpr = (): Pred => {
    let p = andExpr();
    while (tokens[i] === 'or') {
      i++;
      const a = p;
      const b = andExpr();
      p = (f) => a(f) || b(f);
    }
    return p;
  };
  try {
    const pred = orExpr();
    if (i !== tokens.length) fail('Unexpected tokens in filter.');
    return { pred };
  } catch (e) {
    if ((e as Res).status) return e as Res;
    throw e;
  }
}
