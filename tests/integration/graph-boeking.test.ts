/**
 * Ambtseed bookings that are true in Graph mode (issue 14, item 5), on the HTTP-level Graph fake:
 * - while Graph refuses writes (429 with Retry-After) for longer than the write wait, bookings are planned
 *   against the places already taken in the outbox (read-your-writes): 8 people, 3 places → 3 booked and 5 on
 *   the waitlist, ids never reused; after recovery SharePoint holds exactly those 8 rows;
 * - a booking that has not reached SharePoint is reported `wacht` (pending), and the outcome is told
 *   proactively once the outbox settled it, also after a restart;
 * - a permanent refusal (400) is reported `mislukt`, kept in the outbox with its reason, holds no place and its
 *   number is not handed out again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { abortableSleep, type RetryPolicy } from '@shared/graph/retry';
import { AmbtseedBoeking } from '@shared/store/ambtseed-booking';
import { LokaleStaat } from '@shared/store/lokaal';
import { queryAll } from '@shared/store/list-store';
import type { GraphListStore } from '@shared/store/graph/graph-list-store';
import { BoekingWachtrij, uitkomstVan } from '../../bot/src/features/ambtseed/boeking-uitkomst';
import type { Reply } from '../../bot/src/features/feature';
import type { ProactiveSender, SendStatus } from '../../bot/src/proactive';
import { GraphFake } from '../support/graph-fake';
import { fakeStore, provisionFake } from '../support/graph-store';

const NOW = new Date('2026-11-02T09:00:00Z');
const fake = new GraphFake();
beforeAll(() => fake.listen());
afterAll(() => fake.close());

// Real Retry-After waits would take minutes: record what the policy asked for and wait 1 ms.
const policy: Partial<RetryPolicy> = { maxAttempts: 3, sleep: (_ms, signal) => abortableSleep(1, signal) };
const aanvraag = (medewerker: string) => ({
  sessieId: 'S-KLEIN',
  medewerker,
  dienstverband: 'arbeidsovereenkomst' as const,
  indienstOp: '2026-10-01',
  vorm: 'eed' as const,
});

let dir: string;
let lokaal: LokaleStaat;
let store: GraphListStore;

beforeEach(async () => {
  fake.reset();
  fake.setWriteOutage(undefined);
  await provisionFake(fake);
  fake.seedItems('AmbtseedSessies', [
    {
      sessieId: 'S-KLEIN',
      start: '2026-12-01T09:00:00Z',
      eind: '2026-12-01T10:00:00Z',
      soort: 'ambtseed',
      locatie: 'Statenzaal',
      online: false,
      afnemer: 'de provinciesecretaris',
      capaciteit: 3,
    },
  ]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-graph-boeking-'));
  lokaal = LokaleStaat.open(path.join(dir, 'integriteitsplein.db'));
  store = fakeStore({ db: lokaal, policy, writeWaitMs: 150, leaseMs: 50 });
});

afterEach(async () => {
  fake.setWriteOutage(undefined);
  await store.close();
  lokaal.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A ProactiveSender that records what it was asked to send (every person is reachable). */
function verzender(): ProactiveSender & { berichten: { aan: string; tekst: string; sleutel: string }[] } {
  const berichten: { aan: string; tekst: string; sleutel: string }[] = [];
  const gezien = new Set<string>();
  return {
    berichten,
    async send(aan: string, replies: Reply[], sleutel: string): Promise<SendStatus> {
      if (gezien.has(sleutel)) return 'alVerzonden';
      gezien.add(sleutel);
      berichten.push({ aan, tekst: replies.map((r) => (r.type === 'text' ? r.text : '')).join(' '), sleutel });
      return 'verzonden';
    },
    canReach: async () => true,
    wasSent: async (k) => gezien.has(k),
  };
}

test('Graph throttles writes longer than the write wait: 8 bookings for 3 places → 3 booked, 5 waitlisted, ids #00001–#00008; SharePoint gets exactly those rows', async () => {
  await store.lists.index('AmbtseedInschrijvingen'); // reachable at start-up
  fake.setWriteOutage({ status: 429, retryAfter: '30' });
  const boeking = new AmbtseedBoeking(store);
  const plannen = await Promise.all(Array.from({ length: 8 }, (_, i) => boeking.boek(aanvraag(`mw-${i + 1}`), NOW)));
  const statussen = plannen.map((p) => p.resultaat!.status);
  expect(statussen.filter((s) => s === 'ingeschreven')).toHaveLength(3);
  expect(statussen.filter((s) => s === 'wachtlijst')).toHaveLength(5);
  expect(plannen.map((p) => p.resultaat!.inschrijvingId).sort()).toEqual(
    Array.from({ length: 8 }, (_, i) => `S-KLEIN#${String(i + 1).padStart(5, '0')}`),
  );
  // nothing reached SharePoint yet, so no booking may be told it is confirmed
  expect(fake.itemsOf('AmbtseedInschrijvingen')).toHaveLength(0);
  for (const p of plannen) expect(await uitkomstVan(store, p)).toEqual({ soort: 'wacht' });

  fake.setWriteOutage(undefined);
  expect(await store.drain()).toMatchObject({ failed: [], pending: 0 });
  const rijen = fake.itemsOf('AmbtseedInschrijvingen');
  expect(rijen).toHaveLength(8);
  expect(
    rijen
      .filter((r) => r.status === 'ingeschreven')
      .map((r) => r.inschrijvingId)
      .sort(),
  ).toEqual(['S-KLEIN#00001', 'S-KLEIN#00002', 'S-KLEIN#00003']);
  expect(rijen.filter((r) => r.status === 'wachtlijst')).toHaveLength(5);
  for (const p of plannen) expect(await uitkomstVan(store, p)).toEqual({ soort: 'vast' });
});

test('pending bookings survive a restart: the new process drains them and tells each person the outcome once', async () => {
  await store.lists.index('AmbtseedInschrijvingen');
  fake.setWriteOutage({ status: 503 });
  const boeking = new AmbtseedBoeking(store);
  const wachtrij = new BoekingWachtrij({ lokaal, store });
  for (const m of ['a', 'b', 'c', 'd']) {
    const p = await boeking.boek(aanvraag(m), NOW);
    expect(await uitkomstVan(store, p)).toEqual({ soort: 'wacht' });
    await wachtrij.registreer(p.resultaat!.inschrijvingId, m, NOW);
  }
  expect(await wachtrij.verwerk()).toEqual({ verteld: 0, wachtend: 4 });
  // crash: leases and rows stay as they are; the local file is all the next process has
  await store.simulateCrash();
  lokaal.close();

  fake.setWriteOutage(undefined);
  lokaal = LokaleStaat.open(path.join(dir, 'integriteitsplein.db'));
  store = fakeStore({ db: lokaal, policy, writeWaitMs: 150, leaseMs: 50 });
  const proactive = verzender();
  const na = new BoekingWachtrij({ lokaal, store, proactive });
  expect(await na.wachtend()).toEqual(['S-KLEIN#00001', 'S-KLEIN#00002', 'S-KLEIN#00003', 'S-KLEIN#00004']);
  await new Promise((r) => setTimeout(r, 60)); // the crashed process's leases run out
  expect(await store.drain()).toMatchObject({ failed: [], pending: 0 });
  expect(await na.verwerk()).toEqual({ verteld: 4, wachtend: 0 });
  expect(await na.verwerk()).toEqual({ verteld: 0, wachtend: 0 });
  expect(proactive.berichten.map((b) => [b.aan, b.sleutel])).toEqual([
    ['a', 'ambtseed:uitkomst:S-KLEIN#00001'],
    ['b', 'ambtseed:uitkomst:S-KLEIN#00002'],
    ['c', 'ambtseed:uitkomst:S-KLEIN#00003'],
    ['d', 'ambtseed:uitkomst:S-KLEIN#00004'],
  ]);
  expect(proactive.berichten[0].tekst).toMatch(/^Je inschrijving staat vast: je bent ingeschreven/);
  expect(proactive.berichten[3].tekst).toMatch(/je staat op de wachtlijst/);
  expect(fake.itemsOf('AmbtseedInschrijvingen')).toHaveLength(4);
  // the counter went on: the next booking gets #00005, not a number already used
  const vijfde = await new AmbtseedBoeking(store).boek(aanvraag('e'), NOW);
  expect(vijfde.resultaat!.inschrijvingId).toBe('S-KLEIN#00005');
});

test('a permanent refusal (400) is reported as failed, kept in the outbox with its reason, holds no place, and its number is not reused', async () => {
  await store.lists.index('AmbtseedInschrijvingen');
  const boeking = new AmbtseedBoeking(store);
  fake.setWriteOutage({ status: 400 });
  const mislukt = await boeking.boek(aanvraag('x'), NOW);
  const u = await uitkomstVan(store, mislukt);
  expect(u).toMatchObject({ soort: 'mislukt', status: 400 });
  expect(u.soort === 'mislukt' && u.reden).toMatch(/invalidRequest/);
  expect(store.outboxReport().failed).toEqual([
    { list: 'AmbtseedInschrijvingen', key: 'S-KLEIN#00001', status: 400, reason: expect.stringMatching(/invalidRequest/) },
  ]);

  const proactive = verzender();
  const wachtrij = new BoekingWachtrij({ lokaal, store, proactive });
  await wachtrij.registreer(mislukt.resultaat!.inschrijvingId, 'x', NOW);
  expect(await wachtrij.verwerk()).toEqual({ verteld: 1, wachtend: 0 });
  expect(proactive.berichten[0].tekst).toMatch(/is niet gelukt/);

  fake.setWriteOutage(undefined);
  const plannen = [];
  for (const m of ['p', 'q', 'r', 's']) plannen.push(await boeking.boek(aanvraag(m), NOW));
  expect(plannen.map((p) => [p.resultaat!.inschrijvingId, p.resultaat!.status])).toEqual([
    ['S-KLEIN#00002', 'ingeschreven'],
    ['S-KLEIN#00003', 'ingeschreven'],
    ['S-KLEIN#00004', 'ingeschreven'],
    ['S-KLEIN#00005', 'wachtlijst'],
  ]);
  for (const p of plannen) expect(await uitkomstVan(store, p)).toEqual({ soort: 'vast' });
  expect((await queryAll(store, 'AmbtseedInschrijvingen', { where: { sessieId: 'S-KLEIN' } })).map((i) => i.inschrijvingId)).toEqual([
    'S-KLEIN#00002',
    'S-KLEIN#00003',
    'S-KLEIN#00004',
    'S-KLEIN#00005',
  ]);
});
