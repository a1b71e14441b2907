/**
 * One Azure web app for bot and tab: `infra/webapp-host.ts` with the real bot and tab servers behind one
 * port (as App Service runs it). A Bot Framework activity through the public port reaches the bot, whose
 * reply arrives at the activity's serviceUrl; a tab page comes from the tab; /healthz reports both; and
 * every route on the bot's route list (bot/src/host/routes.ts) answers through the host exactly as on the
 * bot itself (issue 14: the .ics and oorkonde links used to get the tab's 404 through the host).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/processes';
import { SqliteListStore } from '@shared/store';
import { BOT_ROUTES, type BotRouteNaam } from '../../bot/src/host/routes';
import { oorkondeUrl } from '../../bot/src/features/ambtseed/routes';
import { openstaandUrl } from '../../bot/src/features/ambtseed/openstaand';

const ROOT = path.resolve(__dirname, '..', '..');
jest.setTimeout(180_000);

describe('infra/webapp-host with the real bot and tab', () => {
  let host: ChildProcess | undefined;
  let connector: http.Server | undefined;
  const replies: { url: string; body: any }[] = [];
  let base = '';
  let botBase = '';
  let connectorUrl = '';
  const SECRET = 'webapp-host-test-geheim-van-minstens-32-tekens';

  beforeAll(async () => {
    connector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        replies.push({ url: req.url ?? '', body: body ? JSON.parse(body) : undefined });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"r1"}');
      });
    });
    await new Promise<void>((r) => connector!.listen(0, '127.0.0.1', () => r()));
    connectorUrl = `http://127.0.0.1:${(connector.address() as net.AddressInfo).port}/`;

    const [port, botPort, tabPort] = [await freePort(), await freePort(), await freePort()];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webapp-host-'));
    // A session and an afgelegd oath in the shared SQLite file, for the download routes.
    const seed = new SqliteListStore(path.join(dir, 'integriteitsplein.db'));
    await seed.add('AmbtseedSessies', {
      sessieId: 'S-HOST',
      start: '2026-10-25T09:00:00.000Z',
      eind: '2026-10-25T10:00:00.000Z',
      soort: 'ambtseed',
      locatie: 'Statenzaal',
      online: false,
      afnemer: 'de provinciesecretaris',
      capaciteit: 3,
    });
    await seed.add('AmbtseedInschrijvingen', {
      inschrijvingId: 'S-HOST#00001',
      sessieId: 'S-HOST',
      medewerker: 'mw-1',
      dienstverband: 'arbeidsovereenkomst',
      indienstOp: '2026-09-01',
      status: 'afgelegd',
      vorm: 'eed',
      afgelegdOp: '2026-10-25',
    });
    await seed.close();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      WEBAPP_BOT_PORT: String(botPort),
      WEBAPP_TAB_PORT: String(tabPort),
      INTEGRITEITSPLEIN_DB: path.join(dir, 'integriteitsplein.db'),
      STORE: 'sqlite',
      INTEGRITEITSPLEIN_ORG: 'demo',
      LOG_LEVEL: 'warn',
      AMBTSEED_LINK_SECRET: SECRET,
    };
    botBase = `http://127.0.0.1:${botPort}`;
    for (const k of [
      'MicrosoftAppId',
      'MicrosoftAppPassword',
      'MicrosoftAppType',
      'MicrosoftAppTenantId',
      'TAB_SSO_CLIENT_ID',
      'WEBSITE_INSTANCE_ID',
      'WEBSITE_SITE_NAME',
      'NODE_ENV',
    ])
      delete env[k];
    host = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['infra/webapp-host.ts'], { cwd: ROOT, env, stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 150_000;
    for (;;) {
      const ok = await fetch(`${base}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline || host.exitCode !== null) throw new Error('webapp-host kwam niet op');
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  afterAll(async () => {
    if (host && host.exitCode === null) {
      const exited = new Promise((r) => host!.once('exit', r));
      host.kill('SIGTERM');
      await exited;
    }
    await new Promise<void>((r) => (connector ? connector.close(() => r()) : r()));
  });

  it('reports both processes healthy on /healthz', async () => {
    const r = await fetch(`${base}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ bot: 'ok', tab: 'ok' });
  });

  /** One request per bot route, with what the bot answers for it; a route added later without an entry fails here. */
  const voorbeelden = (): Record<BotRouteNaam, { pad: string; init?: RequestInit; status: number; type: RegExp }> => {
    const oorkonde = new URL(oorkondeUrl('http://x', 'S-HOST#00001'));
    const openstaand = new URL(openstaandUrl('http://x', new Date(), 'nl'));
    return {
      berichten: {
        pad: '/api/messages',
        init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message"}' },
        status: 400,
        type: /json/,
      },
      gezondheid: { pad: '/healthz', status: 200, type: /json/ },
      ambtseedAgenda: { pad: '/ambtseed/agenda/S-HOST.ics', status: 200, type: /text\/calendar/ },
      ambtseedOorkonde: { pad: oorkonde.pathname + oorkonde.search, status: 200, type: /wordprocessingml/ },
      ambtseedOpenstaand: { pad: openstaand.pathname + openstaand.search, status: 200, type: /text\/csv/ },
    };
  };

  it.each(BOT_ROUTES.map((r) => [r.naam, r.pad] as const))(
    'bot route %s (%s) answers through the host as on the bot',
    async (naam) => {
      const saved = process.env.AMBTSEED_LINK_SECRET;
      process.env.AMBTSEED_LINK_SECRET = SECRET; // oorkondeUrl signs with the same secret as the bot process
      const v = voorbeelden()[naam];
      if (saved === undefined) delete process.env.AMBTSEED_LINK_SECRET;
      else process.env.AMBTSEED_LINK_SECRET = saved;
      expect(v).toBeDefined();
      const direct = await fetch(`${botBase}${v.pad}`, v.init);
      expect({ status: direct.status, type: direct.headers.get('content-type') }).toEqual({
        status: v.status,
        type: expect.stringMatching(v.type),
      });
      if (naam === 'gezondheid') {
        // The host answers /healthz itself from the bot's (and the tab's) own /healthz.
        const r = await fetch(`${base}/healthz`);
        expect(await r.json()).toEqual({ bot: 'ok', tab: 'ok' });
        return;
      }
      const viaHost = await fetch(`${base}${v.pad}`, v.init);
      expect({ status: viaHost.status, type: viaHost.headers.get('content-type') }).toEqual({
        status: direct.status,
        type: direct.headers.get('content-type'),
      });
      expect(viaHost.headers.get('content-disposition')).toBe(direct.headers.get('content-disposition'));
      expect((await viaHost.arrayBuffer()).byteLength).toBeGreaterThan(0);
    },
    90_000,
  );

  it('serves the tab pages', async () => {
    const r = await fetch(`${base}/dilemma`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('passes a Bot Framework activity to the bot, which answers at the serviceUrl', async () => {
    const activity = {
      type: 'message',
      id: 'act-1',
      text: 'help',
      channelId: 'msteams',
      serviceUrl: connectorUrl,
      locale: 'nl-NL',
      from: { id: '29:gebruiker', aadObjectId: '00000000-0000-0000-0000-0000000000b1' },
      recipient: { id: '28:bot' },
      conversation: { id: 'gesprek-1', conversationType: 'personal' },
    };
    const r = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(r.status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (replies.length === 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
    expect(replies.length).toBeGreaterThan(0);
    expect(replies[0].url).toBe('/v3/conversations/gesprek-1/activities/act-1');
    expect(replies[0].body.type).toBe('message');
  });
});
