/**
 * One Azure web app for bot and tab: `infra/webapp-host.ts` with the real bot and tab servers behind one
 * port (as App Service runs it). A Bot Framework activity through the public port reaches the bot, whose
 * reply arrives at the activity's serviceUrl; a tab page comes from the tab; /healthz reports both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
jest.setTimeout(180_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

describe('infra/webapp-host with the real bot and tab', () => {
  let host: ChildProcess | undefined;
  let connector: http.Server | undefined;
  const replies: { url: string; body: any }[] = [];
  let base = '';
  let connectorUrl = '';

  beforeAll(async () => {
    connector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        replies.push({ url: req.url ?? '', body: body ? JSON.parse(body) : undefined });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"r1"}');
      });
    });
    await new Promise<void>((r) => connector!.listen(0, '127.0.0.1', () => r()));
    connectorUrl = `http://127.0.0.1:${(connector.address() as net.AddressInfo).port}/`;

    const [port, botPort, tabPort] = [await freePort(), await freePort(), await freePort()];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webapp-host-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), WEBAPP_BOT_PORT: String(botPort), WEBAPP_TAB_PORT: String(tabPort),
      INTEGRITEITSPLEIN_DB: path.join(dir, 'integriteitsplein.db'), STORE: 'sqlite', INTEGRITEITSPLEIN_ORG: 'demo', LOG_LEVEL: 'warn' };
    for (const k of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'TAB_SSO_CLIENT_ID', 'WEBSITE_INSTANCE_ID']) delete env[k];
    host = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['infra/webapp-host.ts'], { cwd: ROOT, env, stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 150_000;
    for (;;) {
      const ok = await fetch(`${base}/healthz`).then((r) => r.status === 200, () => false);
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

  it('serves the tab pages', async () => {
    const r = await fetch(`${base}/dilemma`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('passes a Bot Framework activity to the bot, which answers at the serviceUrl', async () => {
    const activity = {
      type: 'message', id: 'act-1', text: 'help', channelId: 'msteams', serviceUrl: connectorUrl, locale: 'nl-NL',
      from: { id: '29:gebruiker', aadObjectId: '00000000-0000-0000-0000-0000000000b1' }, recipient: { id: '28:bot' },
      conversation: { id: 'gesprek-1', conversationType: 'personal' },
    };
    const r = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(r.status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (replies.length === 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
    expect(replies.length).toBeGreaterThan(0);
    expect(replies[0].url).toBe('/v3/conversations/gesprek-1/activities/act-1');
    expect(replies[0].body.type).toBe('message');
  });
});
