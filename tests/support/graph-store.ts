/**
 * Test helpers for the Graph adapter: a provisioned fake site and a GraphListStore pointed at it.
 */
import { GraphHttp } from '@shared/graph/http';
import { GraphListStore, type GraphListStoreOptions } from '@shared/store/graph/graph-list-store';
import { defaultRetryPolicy, type RetryPolicy } from '@shared/graph/retry';
import { StaticTokenProvider } from '@shared/graph/auth';
import { applyProvision, planProvision } from '@shared/store/graph/provisioning';
import { FAKE_BASE_URL, FAKE_SITE_ID, FAKE_TOKEN, type GraphFake } from './graph-fake';

/** A GraphHttp on the fake (static token). */
export function fakeHttp(policy: Partial<RetryPolicy> = {}): GraphHttp {
  return new GraphHttp(FAKE_BASE_URL, new StaticTokenProvider(FAKE_TOKEN), defaultRetryPolicy(policy));
}

/** Create every list of LIST_DEFINITIONS on the fake with our own provisioning code. */
export async function provisionFake(fake: GraphFake): Promise<void> {
  const http = fakeHttp();
  const faults = fake.faults;
  fake.setFaults(undefined);
  await applyProvision(http, await planProvision(http, FAKE_SITE_ID));
  fake.setFaults(faults);
}

/** A GraphListStore on the fake; outbox in `db` (default a private in-memory SQLite). No background poller. */
export function fakeStore(opts: Partial<GraphListStoreOptions> = {}): GraphListStore {
  return new GraphListStore({
    baseUrl: FAKE_BASE_URL,
    siteId: FAKE_SITE_ID,
    auth: new StaticTokenProvider(FAKE_TOKEN),
    db: ':memory:',
    pollMs: 0,
    ...opts,
  });
}
