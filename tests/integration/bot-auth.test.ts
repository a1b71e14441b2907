/**
 * With MicrosoftAppId set, /api/messages needs a valid Bot Framework channel JWT (issue 14, item 4). Offline:
 * `ToBotFromChannelOpenIdMetadataUrl` points at a local OpenID metadata + JWKS fake that publishes the
 * "channel" key (endorsed for msteams). Every kind of bad token gets 401 with the same short Dutch body,
 * unreachable keys 503; the log gets one warning line with the reason and never a stack trace, the
 * library's text or key material; botbuilder itself writes nothing to the console. A genuine token passes.
 * Without MicrosoftAppId (local mode) the same request is accepted.
 */
import path from 'node:path';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadOrgConfig } from '@shared/config';
import { HTTP_FOUTEN } from '../../bot/src/host/app';
import { message, startBotHarness, type BotHarness } from '../support/activities';

const config = loadOrgConfig('demo', path.resolve(__dirname, '../../config'));
const APP_ID = '11111111-2222-3333-4444-555555555555';
const ISS = 'https://api.botframework.com';
const KID = 'kanaal-sleutel';

// The "channel" key the fake publishes and signs genuine tokens with; the forger only knows its public half.
const kanaal = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const vreemd = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const publiekJwk = {
  ...(kanaal.publicKey.export({ format: 'jwk' }) as Record<string, string>),
  kid: KID,
  kty: 'RSA',
  use: 'sig',
  endorsements: ['msteams'],
};

let openId: http.Server;
let metadataRequests = 0;
let metadataDown = false;
let h: BotHarness;
const logLines: Record<string, unknown>[] = [];

function b64(o: object): string {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}
const nu = () => Math.floor(Date.now() / 1000);

/** A JWT with the given header/claims; signed RS256 with `key` (default the channel key), HS256 with `hmac`, or unsigned. */
function jwt(claims: Record<string, unknown>, o: { alg?: string; kid?: string; key?: crypto.KeyObject; hmac?: Buffer } = {}): string {
  const header = { alg: o.alg ?? 'RS256', kid: o.kid ?? KID, typ: 'JWT' };
  const unsigned = `${b64(header)}.${b64(claims)}`;
  if (header.alg === 'none') return `${unsigned}.`;
  if (header.alg === 'HS256') return `${unsigned}.${crypto.createHmac('sha256', o.hmac!).update(unsigned).digest('base64url')}`;
  return `${unsigned}.${crypto.sign('RSA-SHA256', Buffer.from(unsigned), o.key ?? kanaal.privateKey).toString('base64url')}`;
}
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: ISS,
  aud: APP_ID,
  iat: nu() - 10,
  nbf: nu() - 10,
  exp: nu() + 3600,
  serviceurl: h.serviceUrl,
  ...extra,
});

async function post(authorization?: string): Promise<{ status: number; body: string; retryAfter: string | null }> {
  const body = JSON.stringify({ ...message('menu'), serviceUrl: h.serviceUrl });
  const res = await fetch(`${h.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body,
  });
  return { status: res.status, body: await res.text(), retryAfter: res.headers.get('retry-after') };
}

beforeAll(async () => {
  openId = http.createServer((req, res) => {
    metadataRequests++;
    const base = `http://127.0.0.1:${(openId.address() as AddressInfo).port}`;
    if (metadataDown) return void res.writeHead(503).end();
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/keys')) res.end(JSON.stringify({ keys: [publiekJwk] }));
    else res.end(JSON.stringify({ issuer: ISS, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
  });
  await new Promise<void>((r) => openId.listen(0, '127.0.0.1', () => r()));
  const metadataUrl = `http://127.0.0.1:${(openId.address() as AddressInfo).port}/.well-known/openidconfiguration`;
  const log = pino({ level: 'info', base: undefined }, { write: (s: string) => void logLines.push(JSON.parse(s)) });
  h = await startBotHarness(config, {
    log,
    env: {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'niet-echt',
      MicrosoftAppType: 'MultiTenant',
      ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    },
  });
});
afterAll(async () => {
  await h.close();
  await new Promise((r) => openId.close(r));
});

const consoleSpies: jest.SpyInstance[] = [];
beforeEach(() => {
  logLines.length = 0;
  for (const m of ['error', 'warn', 'log'] as const) consoleSpies.push(jest.spyOn(console, m).mockImplementation(() => undefined));
});
afterEach(() => {
  // botbuilder's own console.error (stack traces, "Available keys: …") must never run.
  for (const s of consoleSpies.splice(0)) {
    expect(s).not.toHaveBeenCalled();
    s.mockRestore();
  }
});

/** The log holds exactly one warning for the refusal, with the reason, and nothing secret or library-made. */
function expectOneWarning(reden: string, status = 401): void {
  const weigeringen = logLines.filter((l) => l.event === 'http.aanmelding');
  expect(weigeringen).toEqual([expect.objectContaining({ level: 40, event: 'http.aanmelding', reden, status })]);
  const alles = JSON.stringify(logLines);
  expect(alles).not.toMatch(/stack|at \w+ \(|jwt |invalid|signature|Bearer|eyJ/i);
  expect(alles).not.toContain((kanaal.publicKey.export({ format: 'jwk' }) as { n: string }).n.slice(0, 40));
}

describe('Bot Framework authentication', () => {
  it('reports secure mode on /healthz', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok', organisatie: 'demo', modus: 'beveiligd' });
  });

  const kwaad: [string, () => string | undefined, string][] = [
    ['no token', () => undefined, 'geenToken'],
    ['garbage in the header', () => 'Bearer abc.def.ghi', 'misvormd'],
    ['not a bearer token', () => 'Basic dXNlcjpwYXNz', 'misvormd'],
    ['alg=none naming the channel key', () => `Bearer ${jwt(claims(), { alg: 'none' })}`, 'algoritme'],
    [
      'HS256 with the channel public key as HMAC secret',
      () => `Bearer ${jwt(claims(), { alg: 'HS256', hmac: kanaal.publicKey.export({ format: 'pem', type: 'spki' }) as Buffer })}`,
      'algoritme',
    ],
    ['RS256 naming the channel key, signed with another key', () => `Bearer ${jwt(claims(), { key: vreemd.privateKey })}`, 'handtekening'],
    [
      'a kid the channel does not publish',
      () => `Bearer ${jwt(claims(), { kid: 'onbekend', key: vreemd.privateKey })}`,
      'onbekendeSleutel',
    ],
    ['a foreign issuer', () => `Bearer ${jwt(claims({ iss: 'https://evil.example' }), { key: vreemd.privateKey })}`, 'uitgever'],
    ['expired (channel key)', () => `Bearer ${jwt(claims({ iat: nu() - 7200, nbf: nu() - 7200, exp: nu() - 3600 }))}`, 'verlopen'],
    ['not yet valid (channel key)', () => `Bearer ${jwt(claims({ nbf: nu() + 3600 }))}`, 'nogNietGeldig'],
    ['another bot as audience (channel key)', () => `Bearer ${jwt(claims({ aud: '99999999-0000-0000-0000-000000000000' }))}`, 'publiek'],
    [
      'a serviceurl claim for another service (channel key)',
      () => `Bearer ${jwt(claims({ serviceurl: 'https://evil.example/' }))}`,
      'serviceUrl',
    ],
  ];
  it.each(kwaad)('%s: 401 with a short body, one warning line', async (_naam, token, reden) => {
    const r = await post(token());
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toEqual({ fout: HTTP_FOUTEN.nietGeautoriseerd });
    expect(h.replies).toHaveLength(0);
    expectOneWarning(reden);
  });

  it('a foreign issuer is refused without looking up keys', async () => {
    const before = metadataRequests;
    expect((await post(`Bearer ${jwt(claims({ iss: 'https://evil.example' }), { key: vreemd.privateKey })}`)).status).toBe(401);
    expect(metadataRequests).toBe(before);
  });

  it('a channel key not endorsed for the activity channel is refused', async () => {
    const body = JSON.stringify({ ...message('menu'), channelId: 'webchat', serviceUrl: h.serviceUrl });
    const res = await fetch(`${h.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt(claims())}` },
      body,
    });
    expect(res.status).toBe(401);
    expectOneWarning('endorsement');
  });

  it('a genuine channel token passes the check (the turn runs)', async () => {
    const r = await post(`Bearer ${jwt(claims())}`);
    expect(r.status).toBe(200);
    expect(logLines.filter((l) => l.event === 'http.aanmelding')).toEqual([]);
  });
});

describe('Bot Framework authentication without reachable signing keys', () => {
  it('answers 503 with a short body (never 500, never 2xx) and one warning line', async () => {
    // A fresh host (empty key cache) while the metadata endpoint fails.
    const log = pino({ level: 'info', base: undefined }, { write: (s: string) => void logLines.push(JSON.parse(s)) });
    const dicht = http.createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((r) => dicht.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(dicht.address() as AddressInfo).port}/.well-known/openidconfiguration`;
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const geenRoute = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/.well-known/openidconfiguration`;
    await new Promise((r) => closed.close(r)); // nothing listens there any more: connection refused
    const saved = h;
    try {
      for (const metadataUrl of [url, geenRoute]) {
        h = await startBotHarness(config, {
          log,
          env: {
            MicrosoftAppId: APP_ID,
            MicrosoftAppPassword: 'niet-echt',
            MicrosoftAppType: 'MultiTenant',
            ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
          },
        });
        try {
          for (const token of [jwt(claims()), jwt(claims(), { key: vreemd.privateKey })]) {
            logLines.length = 0;
            const r = await post(`Bearer ${token}`);
            expect(r.status).toBe(503);
            expect(JSON.parse(r.body)).toEqual({ fout: HTTP_FOUTEN.sleutelsOnbereikbaar });
            expect(r.retryAfter).toBe('30');
            expectOneWarning('sleutelsOnbereikbaar', 503);
          }
        } finally {
          await h.close();
        }
      }
    } finally {
      h = saved;
      await new Promise((r) => dicht.close(r));
    }
  });

  it('uses the keys it has while the metadata is down (no lock-out during an outage)', async () => {
    expect((await post(`Bearer ${jwt(claims())}`)).status).toBe(200); // keys cached by the genuine request
    metadataDown = true;
    try {
      expect((await post(`Bearer ${jwt(claims(), { kid: 'nieuw', key: vreemd.privateKey })}`)).status).toBe(401);
      expect((await post(`Bearer ${jwt(claims())}`)).status).toBe(200);
    } finally {
      metadataDown = false;
    }
  });
});

describe('local mode', () => {
  it('accepts the same request without a token', async () => {
    const local = await startBotHarness(config);
    try {
      const r = await local.send(message('menu'));
      expect(r.status).toBe(200);
      expect(r.replies).toHaveLength(1);
    } finally {
      await local.close();
    }
  });
});
