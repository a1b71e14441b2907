/**
 * The production shape, end to end (issue 14, item 6): `infra/webapp-host.ts` as App Service runs it (one public
 * port in front of the bot and tab processes) with `STORE=graph` against the project's Graph fake on a loopback
 * port, the fake answering a share of requests with 429 (Retry-After), 503 or not at all in time (the write is
 * done, the answer lost).
 *
 * Eight people book a session of three seats through `/api/messages` on the host, in two bursts; during the second
 * SharePoint refuses every write (429), and the web app restarts while those bookings wait in the outbox. Then:
 * - SharePoint (the fake) holds exactly eight rows for the session, ids #00001–#00008: three ingeschreven, five
 *   on the waitlist — min(requests, seats) booked, no row lost, none doubled;
 * - every person was told exactly the status SharePoint holds — at once when the seat was written, else
 *   "ontvangen, nog niet vast" in the turn and the outcome as a proactive message after the restart; nobody was
 *   told "ingeschreven" without a seat;
 * - the .ics link from a confirmation and a signed oorkonde link answer 200 through the host.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { icsUrl, oorkondeUrl } from '../../bot/src/features/ambtseed/routes';
import { submit } from '../support/activities';
import { FAKE_SITE_ID, FAKE_TOKEN, GraphFake } from '../support/graph-fake';
import { provisionFake } from '../support/graph-store';
import { freePort } from '../support/processes';

const ROOT = path.resolve(__dirname, '..', '..');
const SECRET = 'productievorm-test-geheim-van-minstens-32-tekens';
const SEATS = 3;
const PEOPLE = 8;
jest.setTimeout(300_000);

const fake = new GraphFake();
let graph: { baseUrl: string; close: () => Promise<void> };
let connector: http.Server;
let serviceUrl = '';
const replies: { conv: string; text: string; activity: Record<string, unknown> }[] = [];
let dir = '';
let host: ChildProcess | undefined;
let base = '';
let env: NodeJS.ProcessEnv = {};

/** Texts of one activity: its text and its cards' JSON. */
function tekstVan(a: Record<string, unknown>): string {
  const attachments = (a.attachments as { content: unknown }[] | undefined) ?? [];
  return [String(a.text ?? ''), ...attachments.map((x) => JSON.stringify(x.content))].join('\n');
}

async function startHost(): Promise<void> {
  const out = fs.openSync(path.join(dir, 'host.log'), 'a');
  host = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['infra/webapp-host.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline || host.exitCode !== null)
      throw new Error(`webapp-host kwam niet op:\n${fs.readFileSync(path.join(dir, 'host.log'), 'utf8')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stop the web app as App Service does (SIGTERM to the host and its processes) and wait until it is gone. */
async function stopHost(): Promise<void> {
  const h = host;
  if (!h?.pid || h.exitCode !== null) return;
  const exited = new Promise((r) => h.once('exit', r));
  try {
    process.kill(-h.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
  await exited;
  // the bot and tab processes exit shortly after the host; their ports must be free before the next start
  for (const port of [env.WEBAPP_BOT_PORT, env.WEBAPP_TAB_PORT]) {
    for (let i = 0; i < 50; i++) {
      const open = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        () => true,
        () => false,
      );
      if (!open) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const persoon = (n: number) => ({ id: `29:prod-${n}`, aadObjectId: `00000000-0000-0000-0000-0000000001${String(n).padStart(2, '0')}` });
const gesprek = (n: number) => `a:conv-prod-${n}`;

/** One booking through the host's public port; resolves with the HTTP status. */
async function boek(n: number): Promise<number> {
  const activity = submit(
    { action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-PROD', vorm: 'eed' },
    { from: persoon(n), conversationId: gesprek(n), serviceUrl },
  );
  const r = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  return r.status;
}

beforeAll(async () => {
  fake.server.listen({ onUnhandledRequest: 'bypass' }); // msw for provisioning from this process only
  graph = await fake.listenHttp();
  await provisionFake(fake);
  fake.seedItems('AmbtseedSessies', [
    {
      sessieId: 'S-PROD',
      start: '2027-03-01T09:00:00Z',
      eind: '2027-03-01T10:00:00Z',
      soort: 'ambtseed',
      locatie: 'Statenzaal',
      online: false,
      afnemer: 'de provinciesecretaris',
      capaciteit: SEATS,
    },
    {
      sessieId: 'S-OUD',
      start: '2026-10-01T09:00:00Z',
      eind: '2026-10-01T10:00:00Z',
      soort: 'ambtseed',
      locatie: 'Statenzaal',
      online: false,
      afnemer: 'de provinciesecretaris',
      capaciteit: 10,
    },
  ]);
  fake.seedItems('AmbtseedInschrijvingen', [
    {
      inschrijvingId: 'S-OUD#00001',
      sessieId: 'S-OUD',
      medewerker: '00000000-0000-0000-0000-000000000999',
      dienstverband: 'arbeidsovereenkomst',
      indienstOp: '2026-09-01',
      status: 'afgelegd',
      vorm: 'eed',
      afgelegdOp: '2026-10-01',
    },
  ]);

  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post(['/v3/conversations/:conv/activities', '/v3/conversations/:conv/activities/:reply'], (req, res) => {
    const activity = req.body as Record<string, unknown>;
    replies.push({ conv: String(req.params.conv), text: tekstVan(activity), activity });
    res.json({ id: `r-${replies.length}` });
  });
  connector = await new Promise<http.Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;

  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-productievorm-'));
  const [port, botPort, tabPort] = [await freePort(), await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}`;
  env = {
    ...process.env,
    PORT: String(port),
    WEBAPP_BOT_PORT: String(botPort),
    WEBAPP_TAB_PORT: String(tabPort),
    INTEGRITEITSPLEIN_DB: path.join(dir, 'integriteitsplein.db'),
    INTEGRITEITSPLEIN_ORG: 'demo',
    STORE: 'graph',
    GRAPH_BASE_URL: graph.baseUrl,
    GRAPH_ACCESS_TOKEN: FAKE_TOKEN,
    SHAREPOINT_SITE_ID: FAKE_SITE_ID,
    GRAPH_WRITE_WAIT_MS: '1500',
    GRAPH_TIMEOUT_MS: '1500',
    GRAPH_RESOURCE_UNITS_PER_MINUTE: '0',
    BOEKING_WACHTRIJ_MS: '300',
    BOT_PUBLIC_URL: base,
    AMBTSEED_LINK_SECRET: SECRET,
    LOG_LEVEL: 'warn',
  };
  for (const k of [
    'MicrosoftAppId',
    'MicrosoftAppPassword',
    'MicrosoftAppType',
    'MicrosoftAppTenantId',
    'TAB_SSO_CLIENT_ID',
    'WEBSITE_INSTANCE_ID',
    'WEBSITE_SITE_NAME',
    'NODE_ENV',
    'DATABASE_URL',
  ])
    delete env[k];
  await startHost();
});

afterAll(async () => {
  await stopHost();
  await new Promise((r) => connector?.close(r));
  await graph?.close();
  fake.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('a burst of bookings with Graph faults and a restart: exactly the seats booked, SharePoint holds exactly those rows, everyone told the truth once, links 200', async () => {
  // Phase 1: Graph answers a share of requests with 429 (Retry-After 1 s), 503, or late (the answer is lost).
  fake.setFaults({ rate: 0.15, subRate: 0.1, kinds: ['throttle', 'unavailable', 'timeout'], retryAfterSeconds: 1, hangMs: 2500, seed: 14 });
  const eerste = await Promise.all([1, 2, 3, 4].map((n) => boek(n)));
  expect(eerste).toEqual([200, 200, 200, 200]);

  // Phase 2: SharePoint refuses every write (throttled) while four more people book; the app restarts meanwhile.
  fake.setWriteOutage({ status: 429, retryAfter: '1' });
  const tweede = await Promise.all([5, 6, 7, 8].map((n) => boek(n)));
  expect(tweede).toEqual([200, 200, 200, 200]);
  for (const n of [5, 6, 7, 8]) {
    const tekst = replies
      .filter((r) => r.conv === gesprek(n))
      .map((r) => r.text)
      .join('\n');
    expect(tekst).toContain('je plaats ligt nog niet vast');
    expect(tekst).not.toContain('Je bent ingeschreven');
  }
  await stopHost();
  fake.setWriteOutage(undefined);
  await startHost(); // the new processes find the waiting writes and bookings in the local-state file

  // The outbox drains and every waiting person is told the outcome: at once after the restart (the stopped bot
  // handed its claimed rows back); at the latest once a lease of the stopped process (60 s) ran out.
  const deadline = Date.now() + 90_000;
  const uitkomsten = () => {
    const rijen = fake.itemsOf('AmbtseedInschrijvingen').filter((r) => r.sessieId === 'S-PROD');
    const verteld = [...Array(PEOPLE).keys()].map((i) => {
      const tekst = replies
        .filter((r) => r.conv === gesprek(i + 1))
        .map((r) => r.text)
        .join('\n');
      if (/Je bent ingeschreven|Je inschrijving staat vast: je bent ingeschreven/.test(tekst)) return 'ingeschreven';
      if (/is vol\. Je staat op de wachtlijst|je staat op de wachtlijst/.test(tekst)) return 'wachtlijst';
      if (/is niet gelukt/.test(tekst)) return 'mislukt';
      return 'nog niets';
    });
    return { rijen, verteld };
  };
  while (Date.now() < deadline) {
    const { rijen, verteld } = uitkomsten();
    if (rijen.length >= PEOPLE && !verteld.includes('nog niets')) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  fake.setFaults(undefined);
  const { rijen, verteld } = uitkomsten();

  // SharePoint: exactly eight rows, numbered once each, three seats and five on the waitlist.
  expect(rijen.map((r) => r.inschrijvingId).sort()).toEqual(
    Array.from({ length: PEOPLE }, (_, i) => `S-PROD#${String(i + 1).padStart(5, '0')}`),
  );
  expect(rijen.filter((r) => r.status === 'ingeschreven')).toHaveLength(Math.min(PEOPLE, SEATS));
  expect(rijen.filter((r) => r.status === 'wachtlijst')).toHaveLength(PEOPLE - SEATS);
  expect(new Set(rijen.map((r) => r.medewerker)).size).toBe(PEOPLE);

  // Everyone was told what SharePoint holds for them.
  const inLijst = [...Array(PEOPLE).keys()].map((i) => rijen.find((r) => r.medewerker === persoon(i + 1).aadObjectId)?.status);
  expect(verteld).toEqual(inLijst);

  // Links through the host (BOT_PUBLIC_URL = the host): the session's .ics invitation and a signed oorkonde.
  // (With Graph the confirmation invites through Outlook; the .ics link is on the plan card.)
  const r1 = await fetch(icsUrl(base, 'S-PROD'));
  expect(r1.status).toBe(200);
  expect(r1.headers.get('content-type')).toMatch(/^text\/calendar/);
  expect(await r1.text()).toContain('BEGIN:VEVENT');
  const r2 = await fetch(oorkondeUrl(base, 'S-OUD#00001', 'nl', new Date(), { AMBTSEED_LINK_SECRET: SECRET }));
  expect(r2.status).toBe(200);
  expect(r2.headers.get('content-type')).toMatch(/wordprocessingml/);
  expect((await r2.arrayBuffer()).byteLength).toBeGreaterThan(1000);
});
