/**
 * Test helpers for the Graph adapter: a provisioned fake site and a GraphListStore pointed at it.
 */
import { GraphHttp } from '@shared/graph/http';
import type { ListItemInput } from '@shared/lists/schemas';
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

const ONDERWERPEN = [
  'integriteit',
  'ongewensteOmgangsvormen',
  'discriminatie',
  'arbeidsconflict',
  'onveiligheid',
  'adviesAlgemeen',
] as const;

/**
 * A synthetic gesprek number `n` for the Graph fault test and bench/graph: dates spread over 2025, topics and
 * vertrouwenspersoon alternating, every third one a melding. `gesprekId` is `id` (unique per call site).
 */
export function proefGesprek(id: string, n: number): ListItemInput<'Gesprekken'> {
  return {
    gesprekId: id,
    datum: `2025-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
    vertrouwenspersoon: n % 2 ? 'intern' : 'extern',
    onderwerp: ONDERWERPEN[n % ONDERWERPEN.length],
    isMelding: n % 3 === 0,
    doorverwezen: 'geen',
  };
}
