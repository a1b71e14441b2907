/**
 * The Graph adapter (issue 7): `STORE=graph` → `createGraphListStore(env)`, loaded lazily by
 * `shared/src/store/index.ts`. See graph-list-store.ts for the design and docs/decisions.md for choices.
 */
import { createTokenProvider } from './auth';
import { GraphListStore } from './graph-list-store';
import { GraphHttp } from './graph-http';
import { defaultRetryPolicy } from './graph-retry';
import { graphSettingsFromEnv } from './settings';

export { GraphListStore, type GraphListStoreOptions } from './graph-list-store';
export { GraphHttp, MAX_BATCH, type SubRequest, type SubResponse } from './graph-http';
export { GraphOutbox } from './outbox';
export { graphSettingsFromEnv, DEFAULT_GRAPH_BASE_URL, type GraphSettings } from './settings';
export { createTokenProvider, StaticTokenProvider, MsalTokenProvider } from './auth';
export * from './graph-retry';

/**
 * A Graph client for any other Graph call of the product (calendar, mail…), with the same settings
 * (`GRAPH_BASE_URL`, `GRAPH_ACCESS_TOKEN` or msal) and the one retry policy.
 * @throws Error (Dutch) when settings are missing or invalid.
 */
export function createGraphHttp(env: NodeJS.ProcessEnv = process.env, signal?: AbortSignal): GraphHttp {
  const s = graphSettingsFromEnv(env);
  return new GraphHttp(s.baseUrl, createTokenProvider(s), defaultRetryPolicy({ timeoutMs: s.timeoutMs, maxAttempts: s.maxAttempts }), signal);
}

/**
 * The GraphListStore the environment describes (DESIGN.md conventions: GRAPH_*, SHAREPOINT_SITE_ID,
 * INTEGRITEITSPLEIN_DB for the outbox).
 * @throws Error (Dutch) when settings are missing or invalid.
 */
export async function createGraphListStore(env: NodeJS.ProcessEnv = process.env): Promise<GraphListStore> {
  const s = graphSettingsFromEnv(env);
  if (!s.siteId) throw new Error('SHAREPOINT_SITE_ID ontbreekt: de id van de SharePoint-site met de lijsten.');
  return new GraphListStore({
    baseUrl: s.baseUrl,
    siteId: s.siteId,
    auth: createTokenProvider(s),
    db: s.dbPath,
    pageSize: s.pageSize,
    writeWaitMs: s.writeWaitMs,
    policy: defaultRetryPolicy({ timeoutMs: s.timeoutMs, maxAttempts: s.maxAttempts }),
  });
}
