/**
 * The one Graph module (docs/decisions.md, "One Graph module"): settings from the environment (`GRAPH_*`),
 * app-only auth with a secret, a certificate or a static token, the one retry policy (429/503/504,
 * Retry-After, backoff, timeouts), `$batch` of ≤ 20 with retries of only the failed sub-requests, and paging
 * through `@odata.nextLink`. The SharePoint list store (shared/src/store/graph) and the calendar invites
 * (bot, ambtseed) both use `GraphHttp` from here; nothing else talks to Graph.
 */
import { createTokenProvider } from './auth';
import { GraphHttp } from './http';
import { defaultRetryPolicy, type RetryPolicy } from './retry';
import { graphSettingsFromEnv, type GraphSettings } from './settings';

export { GraphHttp, MAX_BATCH, toFailure, type GraphFailure, type SubRequest, type SubResponse, type BatchStats } from './http';
export { graphSettingsFromEnv, DEFAULT_GRAPH_BASE_URL, type GraphSettings } from './settings';
export { createTokenProvider, StaticTokenProvider, MsalTokenProvider, readCertificate, GRAPH_SCOPE } from './auth';
export * from './retry';

/** The retry policy the settings ask for (`GRAPH_TIMEOUT_MS`, `GRAPH_MAX_ATTEMPTS`), with optional overrides. */
export function retryPolicyFromSettings(s: GraphSettings, overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return defaultRetryPolicy({ timeoutMs: s.timeoutMs, maxAttempts: s.maxAttempts, ...overrides });
}

/**
 * A Graph client with the environment's settings (`GRAPH_BASE_URL`, `GRAPH_ACCESS_TOKEN` or msal with
 * `GRAPH_CLIENT_SECRET` / `GRAPH_CLIENT_CERT_PATH`) and the one retry policy.
 * @throws Error (Dutch) when settings are missing or invalid.
 */
export function createGraphHttp(env: NodeJS.ProcessEnv = process.env, signal?: AbortSignal): GraphHttp {
  const s = graphSettingsFromEnv(env);
  return new GraphHttp(s.baseUrl, createTokenProvider(s), retryPolicyFromSettings(s), signal);
}

/** True when the environment names a way to authenticate to Graph (a token, or tenant + client + secret/certificate). */
export function graphConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!(
    env.GRAPH_ACCESS_TOKEN?.trim() ||
    (env.GRAPH_TENANT_ID?.trim() && env.GRAPH_CLIENT_ID?.trim() && (env.GRAPH_CLIENT_SECRET?.trim() || env.GRAPH_CLIENT_CERT_PATH?.trim()))
  );
}
