/**
 * With MicrosoftAppId set, /api/messages needs a valid Bot Framework JWT: a missing or forged token gets 401
 * before any bot code runs. No internet: a token with a foreign issuer is refused without any lookup; for a
 * token that claims the Bot Framework issuer, botbuilder fetches the signing keys from its OpenID metadata,
 * which `ToBotFromChannelOpenIdMetadataUrl` points at a local fake publishing the (genuine) channel key —
 * the forged signature does not match it. Without MicrosoftAppId (local mode) the same request is accepted.
 */
import path from 'node:path';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadOrgConfig } from '@shared/config';
import { message, startBotHarness, type BotHarness } from '../support/activities';

const config = loadOrgConfig('demo', path.resolve(__dirname, '../../config'));
const APP_ID = '11111111-2222-3333-4444-555555555555';
let h: BotHarness;
let openId: http.Server;
let metadataRequests = 0;

beforeAll(async () => {
  // The "channel" key botbuilder will trust; the forger does not have it.
  const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as object), kid: 'kanaal-sleutel', kty: 'RSA', use: 'sig', endorsements: ['msteams'] };
  openId = http.createServer((req, res) => {
    metadataRequests++;
    const base = `http://127.0.0.1:${(openId.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/keys')) res.end(JSON.stringify({ keys: [jwk] }));
    else res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
  });
  await new Promise<void>((r) => openId.listen(0, '127.0.0.1', () => r()));
  const metadataUrl = `http://127.0.0.1:${(openId.address() as AddressInfo).port}/.well-known/openidconfiguration`;
  h = await startBotHarness(config, { env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'niet-echt', MicrosoftAppType: 'MultiTenant', ToBotFromChannelOpenIdMetadataUrl: metadataUrl } });
});
afterAll(async () => {
  await h.close();
  await new Promise((r) => openId.close(r));
});

/** An RS256 JWT with plausible Bot Framework claims, signed with a key of our own (node:crypto). */
async function forged(issuer: string): Promise<string> {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'RS256', kid: 'vervalst', typ: 'JWT' })}.${b64({ iss: issuer, aud: APP_ID, iat: now, nbf: now, exp: now + 3600, serviceurl: h.serviceUrl })}`;
  return `${unsigned}.${crypto.sign('RSA-SHA256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
}

describe('Bot Framework authentication', () => {
  it('reports secure mode on /healthz', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok', organisatie: 'demo', modus: 'beveiligd' });
  });

  it('rejects a request without a token with 401', async () => {
    const r = await h.send(message('menu'));
    expect(r.status).toBe(401);
    expect(r.replies).toHaveLength(0);
  });

  it('rejects a JWT from a foreign issuer with 401 without looking up keys', async () => {
    const before = metadataRequests;
    const r = await h.send(message('menu'), { authorization: `Bearer ${await forged('https://evil.example')}` });
    expect(r.status).toBe(401);
    expect(r.replies).toHaveLength(0);
    expect(metadataRequests).toBe(before);
  });

  it('rejects a forged JWT that claims the Bot Framework issuer with 401 (signature does not match the channel key)', async () => {
    const r = await h.send(message('menu'), { authorization: `Bearer ${await forged('https://api.botframework.com')}` });
    expect(r.status).toBe(401);
    expect(r.replies).toHaveLength(0);
    expect(metadataRequests).toBeGreaterThan(0); // the keys came from the local fake, not the internet
  });

  it('rejects garbage in the Authorization header with 401', async () => {
    expect((await h.send(message('menu'), { authorization: 'Bearer abc.def.ghi' })).status).toBe(401);
  });

  it('accepts the same request in local mode', async () => {
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
