/**
 * Teams SSO on the tab API: the real server (tab/api/server.ts, run with tsx in a child process so `jose`
 * loads as the ES module it is) validates tokens against a JWKS served by this test. Tokens are forged here
 * with node:crypto and a test RSA key (test code only; the server uses jose).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const ROOT = path.resolve(__dirname, '../..');
const TENANT = '22222222-2222-2222-2222-222222222222';
const CLIENT = '11111111-1111-1111-1111-111111111111';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const HR_OID = '00000000-0000-0000-0000-0000000000a3'; // config/demo.yaml rollen.hr
const KID = 'test-key-1';

const sleutel = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const vreemd = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
function jwt(claims: Record<string, unknown>, opts: { key?: crypto.KeyObject; alg?: string; kid?: string } = {}): string {
  const header = { alg: opts.alg ?? 'RS256', typ: 'JWT', kid: opts.kid ?? KID };
  const body = `${b64(header)}.${b64(claims)}`;
  if (header.alg === 'none') return `${body}.`;
  const sig = crypto.sign('RSA-SHA256', Buffer.from(body), opts.key ?? sleutel.privateKey).toString('base64url');
  return `${body}.${sig}`;
}
const nu = () => Math.floor(Date.now() / 1000);
const geldig = (extra: Record<string, unknown> = {}) => ({
  iss: ISSUER,
  aud: CLIENT,
  tid: TENANT,
  oid: 'aaaaaaaa-0000-0000-0000-000000000001',
  iat: nu() - 10,
  nbf: nu() - 10,
  exp: nu() + 600,
  ...extra,
});

let jwks: http.Server;
let server: ChildProcess;
let base = '';
let tmp = '';

beforeAll(async () => {
  jwks = http.createServer((req, res) => {
    const jwk = { ...sleutel.publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256' };
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()));
  const jwksPort = (jwks.address() as AddressInfo).port;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tab-auth-'));
  server = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['tab/api/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      TAB_PORT: '0',
      TAB_SERVE_WEB: '0',
      STORE: 'sqlite',
      INTEGRITEITSPLEIN_ORG: 'demo',
      INTEGRITEITSPLEIN_DB: path.join(tmp, 'ip.db'),
      TAB_SSO_CLIENT_ID: CLIENT,
      TAB_SSO_TENANT_ID: TENANT,
      TAB_SSO_JWKS_URL: `http://127.0.0.1:${jwksPort}/keys`,
      TAB_VOTE_SECRET: 'test-geheim',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`tab server did not start: ${out}`)), 20000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /"event":"tab.gestart","port":(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => reject(new Error(`tab server exited with ${code}: ${out}`)));
  });
}, 30000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await new Promise((r) => jwks.close(r));
  fs.rmSync(tmp, { recursive: true, force: true });
});

const get = (pad: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${pad}`, { headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } });

describe('tab API with Teams SSO (forged tokens)', () => {
  test('a valid token for an employee: signed in, employee role only; the dev role header is ignored', async () => {
    const r = await get('/api/ik', jwt(geldig()), { 'X-Dev-Rol': 'hr' });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ modus: 'sso', rollen: ['medewerker'] });
    expect((await get('/api/dashboard?jaar=2025', jwt(geldig()), { 'X-Dev-Rol': 'hr' })).status).toBe(403);
  });

  test('roles come from config: the HR object id may open the dashboard', async () => {
    const token = jwt(geldig({ oid: HR_OID }));
    expect(await (await get('/api/ik', token)).json()).toEqual({ modus: 'sso', rollen: ['medewerker', 'hr'] });
    const r = await get('/api/dashboard?jaar=2025', token);
    expect(r.status).toBe(200);
    expect((await r.json()).jaar).toBe(2025);
  });

  test.each([
    ['no token', undefined],
    ['not a JWT', 'abc.def'],
    ['signed with another key', jwt(geldig(), { key: vreemd.privateKey })],
    ['wrong audience', jwt(geldig({ aud: 'api://iemand-anders' }))],
    ['wrong issuer', jwt(geldig({ iss: 'https://login.microsoftonline.com/33333333-3333-3333-3333-333333333333/v2.0' }))],
    ['expired', jwt(geldig({ iat: nu() - 7200, nbf: nu() - 7200, exp: nu() - 3600 }))],
    ['alg none', jwt(geldig(), { alg: 'none' })],
    [
      'HS256 with the public key as secret',
      (() => {
        const header = b64({ alg: 'HS256', typ: 'JWT', kid: KID });
        const body = `${header}.${b64(geldig({ oid: HR_OID }))}`;
        const secret = sleutel.publicKey.export({ format: 'pem', type: 'spki' });
        return `${body}.${crypto.createHmac('sha256', secret).update(body).digest('base64url')}`;
      })(),
    ],
    ['no oid claim', jwt(geldig({ oid: undefined }))],
  ])('401 for %s, with a Dutch message', async (_naam, token) => {
    const r = await get('/api/dashboard?jaar=2025', token);
    expect(r.status).toBe(401);
    const body = (await r.json()) as { fout: string };
    expect(body.fout).toMatch(/aanmelding|aangemeld/i);
    expect(JSON.stringify(body)).not.toMatch(/JWS|JWT|jose|stack/i);
  });
});
