/**
 * Bookings that are true in Graph mode, through the bot (issue 14, item 5): `POST /api/messages` → dispatcher →
 * ambtseed → GraphListStore on the HTTP-level Graph fake.
 * - While Graph refuses writes (429 with Retry-After) longer than the write wait, nobody is told "ingeschreven":
 *   each person hears that the request is received but not yet confirmed; once Graph is back the outcome comes
 *   as a proactive message (3 places for 5 people: 3 booked, 2 on the waitlist), SharePoint holding those rows.
 * - A permanent refusal (400) is told as "niet gelukt" in the turn itself and stays in the outbox with its reason.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { abortableSleep, type RetryPolicy } from '@shared/graph/retry';
import { LokaleStaat } from '@shared/store/lokaal';
import type { GraphListStore } from '@shared/store/graph/graph-list-store';
import { BoekingWachtrij } from '../../bot/src/features/ambtseed/boeking-uitkomst';
import { replyText, startBotHarness, submit, type BotHarness } from '../support/activities';
import { GraphFake } from '../support/graph-fake';
import { fakeStore, provisionFake } from '../support/graph-store';

const config = loadOrgConfig('demo');
const NOW = new Date('2026-11-02T09:00:00Z');
const policy: Partial<RetryPolicy> = { maxAttempts: 3, sleep: (_ms, signal) => abortableSleep(1, signal) };

const fake = new GraphFake();
let http: { baseUrl: string; close: () => Promise<void> };
beforeAll(async () => {
  // msw for the provisioning helper; the bot's own loopback traffic passes untouched.
  fake.server.listen({ onUnhandledRequest: 'bypass' });
  http = await fake.listenHttp();
});
afterAll(async () => {
  await http.close();
  fake.close();
});

/** The session of these tests: an ambtseed with three seats, in the Statenzaal on 1 December 2026. */
const DRIE_PLAATSEN = {
  sessieId: 'S-DRIE',
  soort: 'ambtseed',
  capaciteit: 3,
  start: '2026-12-01T09:00:00Z',
  eind: '2026-12-01T10:00:00Z',
  online: false,
  locatie: 'Statenzaal',
  afnemer: 'de provinciesecretaris',
};

let dir: string;
let lokaal: LokaleStaat;
let store: GraphListStore;
let bot: BotHarness;

beforeEach(async () => {
  fake.reset();
  await provisionFake(fake);
  fake.seedItems('AmbtseedSessies', [DRIE_PLAATSEN]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-graph-boeking-bot-'));
  lokaal = LokaleStaat.open(path.join(dir, 'integriteitsplein.db'));
  store = fakeStore({ baseUrl: http.baseUrl, db: lokaal, policy, writeWaitMs: 150, leaseMs: 50 });
  bot = await startBotHarness(config, { store, lokaal, clock: () => NOW });
});

afterEach(async () => {
  fake.setWriteOutage(undefined);
  await bot.close();
  await store.close();
  lokaal.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const persoon = (n: number) => ({ id: `29:mw-${n}`, aadObjectId: `00000000-0000-0000-0000-0000000000${String(n).padStart(2, '0')}` });
const boek = (n: number) =>
  bot.send(
    submit(
      { action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-DRIE', vorm: 'eed' },
      { from: persoon(n), conversationId: `a:conv-${n}` },
    ),
  );

test('Graph throttles past the write wait: no confirmation in the turn, the outcome comes proactively once SharePoint holds the seat', async () => {
  await store.lists.index('AmbtseedInschrijvingen'); // Graph reachable at start-up
  fake.setWriteOutage({ status: 429, retryAfter: '30' });
  const antwoorden = await Promise.all([1, 2, 3, 4, 5].map((n) => boek(n)));
  for (const a of antwoorden) {
    expect(a.status).toBe(200);
    const tekst = replyText(a.replies);
    expect(tekst).toContain('je plaats ligt nog niet vast');
    expect(tekst).not.toContain('Je bent ingeschreven');
    expect(tekst).not.toContain('wachtlijst');
  }
  expect(fake.itemsOf('AmbtseedInschrijvingen')).toHaveLength(0);

  const agendaBijgewerkt: string[] = [];
  const naVastgelegd = (sessieId: string) => Promise.resolve(void agendaBijgewerkt.push(sessieId));
  const wachtrij = new BoekingWachtrij({ lokaal, store, proactive: bot.host.proactive, naVastgelegd });
  expect(await wachtrij.verwerk()).toEqual({ verteld: 0, wachtend: 5 });
  expect(agendaBijgewerkt).toEqual([]);

  fake.setWriteOutage(undefined);
  expect(await store.drain()).toMatchObject({ failed: [], pending: 0 });
  const voor = bot.replies.length;
  expect(await wachtrij.verwerk()).toEqual({ verteld: 5, wachtend: 0 });
  // the calendar invitation of the session is brought up to date once, now that seats are confirmed
  expect(agendaBijgewerkt).toEqual(['S-DRIE']);
  const berichten = bot.replies.slice(voor).map((r) => r.activity.text ?? '');
  expect(berichten.filter((t) => t.startsWith('Je inschrijving staat vast: je bent ingeschreven'))).toHaveLength(3);
  expect(berichten.filter((t) => t.includes('je staat op de wachtlijst'))).toHaveLength(2);
  // each person got their own outcome in their own chat
  expect(new Set(bot.replies.slice(voor).map((r) => r.conversationId)).size).toBe(5);

  const rijen = fake.itemsOf('AmbtseedInschrijvingen');
  expect(rijen.map((r) => r.inschrijvingId).sort()).toEqual([
    'S-DRIE#00001',
    'S-DRIE#00002',
    'S-DRIE#00003',
    'S-DRIE#00004',
    'S-DRIE#00005',
  ]);
  expect(rijen.filter((r) => r.status === 'ingeschreven')).toHaveLength(3);
  expect(rijen.filter((r) => r.status === 'wachtlijst')).toHaveLength(2);
  // told once: a second pass sends nothing
  expect(await wachtrij.verwerk()).toEqual({ verteld: 0, wachtend: 0 });
});

test('a permanent refusal (400) is told in the turn and kept in the outbox with its reason; the next booking gets the next number', async () => {
  await store.lists.index('AmbtseedInschrijvingen');
  fake.setWriteOutage({ status: 400 });
  const mislukt = await boek(1);
  expect(mislukt.status).toBe(200);
  expect(replyText(mislukt.replies)).toMatch(/is niet gelukt: SharePoint weigerde de wijziging/);
  expect(replyText(mislukt.replies)).not.toContain('Je bent ingeschreven');
  expect(store.outboxReport().failed).toEqual([
    { list: 'AmbtseedInschrijvingen', key: 'S-DRIE#00001', status: 400, reason: expect.stringMatching(/invalidRequest/) },
  ]);

  fake.setWriteOutage(undefined);
  const goed = await boek(2);
  expect(replyText(goed.replies)).toContain('Je bent ingeschreven');
  expect(fake.itemsOf('AmbtseedInschrijvingen').map((r) => [r.inschrijvingId, r.status])).toEqual([['S-DRIE#00002', 'ingeschreven']]);
});

const annuleer = (n: number, inschrijvingId: string) =>
  bot.send(submit({ action: 'ambtseed.annuleer', inschrijvingId, bevestigd: 'ja' }, { from: persoon(n), conversationId: `a:conv-${n}` }));

test('a cancellation is not told as done while SharePoint has not taken it: pending → received; refused (400) → not done, the booking stays; whoever moves up hears it once the seat is written', async () => {
  await store.lists.index('AmbtseedInschrijvingen');
  for (const n of [1, 2, 3, 4]) await boek(n); // 3 seats, person 4 on the waitlist
  expect(fake.itemsOf('AmbtseedInschrijvingen').map((r) => r.status)).toEqual([
    'ingeschreven',
    'ingeschreven',
    'ingeschreven',
    'wachtlijst',
  ]);

  fake.setWriteOutage({ status: 400 });
  const geweigerd = await annuleer(1, 'S-DRIE#00001');
  expect(replyText(geweigerd.replies)).toMatch(
    /Je annulering voor .* is niet gelukt: SharePoint weigerde de wijziging.*je inschrijving blijft staan/,
  );
  expect(replyText(geweigerd.replies)).not.toMatch(/Je inschrijving voor .* is geannuleerd/);
  expect(store.outboxReport().failed.map((f) => [f.key, f.status])).toEqual(expect.arrayContaining([['S-DRIE#00001', 400]]));

  fake.setWriteOutage({ status: 429, retryAfter: '30' });
  const voor = bot.replies.length;
  const wacht = await annuleer(2, 'S-DRIE#00002');
  expect(replyText(wacht.replies)).toMatch(/Je annulering voor .* is ontvangen, maar SharePoint is nu niet bereikbaar/);
  expect(replyText(wacht.replies)).not.toMatch(/is geannuleerd/);
  // person 4 moves up in the plan, but is not told before SharePoint holds it
  expect(bot.replies.slice(voor).filter((r) => r.conversationId === 'a:conv-4')).toEqual([]);

  fake.setWriteOutage(undefined);
  await store.drain();
  // the refused cancellation stays with its reason; the refused promotion of #00004 was superseded by the later one
  expect(store.outboxReport()).toMatchObject({ pending: 0, failed: [{ key: 'S-DRIE#00001', status: 400 }] });
  const wachtrij = new BoekingWachtrij({ lokaal, store, proactive: bot.host.proactive });
  expect(await wachtrij.verwerk()).toEqual({ verteld: 1, wachtend: 0 });
  const aan4 = bot.replies.slice(voor).filter((r) => r.conversationId === 'a:conv-4');
  expect(aan4.map((r) => r.activity.text)).toEqual([expect.stringMatching(/^Je inschrijving staat vast: je bent ingeschreven/)]);
  const rijen = new Map(fake.itemsOf('AmbtseedInschrijvingen').map((r) => [r.inschrijvingId, r.status]));
  expect([...rijen]).toEqual(
    expect.arrayContaining([
      ['S-DRIE#00001', 'ingeschreven'],
      ['S-DRIE#00002', 'geannuleerd'],
      ['S-DRIE#00004', 'ingeschreven'],
    ]),
  );
});
