/**
 * The Graph list store: `STORE=graph` → `createGraphListStore(env, lokaal)`, loaded lazily by
 * `shared/src/store/index.ts`. See graph-list-store.ts for the design and docs/decisions.md for choices. HTTP,
 * auth, retries, batching and paging come from the one Graph module, shared/src/graph.
 */
import { createTokenProvider, graphSettingsFromEnv, retryPolicyFromSettings } from '@shared/graph';
import { doseerGraph, graphBudgetUitEnv } from '@shared/graph/budget';
import { LokaleStaat } from '../lokaal';
import { GraphListStore } from './graph-list-store';

export { GraphListStore, type GraphListStoreOptions } from './graph-list-store';
export { GraphOutbox } from './outbox';

/**
 * The GraphListStore the environment describes (GRAPH_*, SHAREPOINT_SITE_ID), with its outbox and counters in
 * `lokaal` (the process's local state); without `lokaal` it opens `INTEGRITEITSPLEIN_DB` itself and owns it. Its Graph
 * requests are paced to `GRAPH_RESOURCE_UNITS_PER_MINUTE` (default 1250; `0` = not paced; shared/src/graph/budget.ts).
 * @throws Error (Dutch) when settings are missing or invalid.
 */
export async function createGraphListStore(env: NodeJS.ProcessEnv = process.env, lokaal?: LokaleStaat): Promise<GraphListStore> {
  const s = graphSettingsFromEnv(env);
  if (!s.siteId) throw new Error('SHAREPOINT_SITE_ID ontbreekt: de id van de SharePoint-site met de lijsten.');
  const budget = graphBudgetUitEnv(env);
  const store = new GraphListStore({
    baseUrl: s.baseUrl,
    siteId: s.siteId,
    auth: createTokenProvider(s),
    db: lokaal ?? LokaleStaat.uitEnv(env),
    ownsDb: !lokaal,
    pageSize: s.pageSize,
    writeWaitMs: s.writeWaitMs,
    policy: retryPolicyFromSettings(s),
  });
  // Every Graph request paced to SharePoint's resource units (GRAPH_RESOURCE_UNITS_PER_MINUTE; 0 = off).
  if (budget) doseerGraph(store.http, budget);
  return store;
}
