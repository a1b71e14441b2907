/**
 * The bot's HTTP endpoint with broken requests: bad JSON, an oversize body and bodies that are no activity get a
 * short Dutch JSON error with the right status (400 / 413) and never an express stack trace or a file path.
 */
import http from 'node:http';
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { message, startBotHarness, type BotHarness } from '../support/activities';

const config = loadOrgConfig('demo', path.resolve(__dirname, '../../config'));
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness(config);
});
afterAll(async () => h.close());

/** POST a raw body; resolves with status, content-type and body text. */
function post(body: string | Buffer, contentType = 'application/json'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${h.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function expectCleanJsonError(r: { type: string; body: string }) {
  expect(r.type).toMatch(/application\/json/);
  const parsed = JSON.parse(r.body) as { fout?: unknown };
  expect(typeof parsed.fout).toBe('string');
  expect(Object.keys(parsed)).toEqual(['fout']);
  // No stack trace, no absolute path, no error class names.
  expect(r.body).not.toMatch(/ at |\/work\/|node_modules|SyntaxError|PayloadTooLarge|<html|<pre/i);
}

describe('HTTP endpoint errors', () => {
  it('answers bad JSON with 400 and a short Dutch JSON error', async () => {
    const r = await post('not json');
    expect(r.status).toBe(400);
    expectCleanJsonError(r);
    expect(r.body).toContain('geen geldige JSON');
    // express.json is strict: a top-level JSON string is no activity body either.
    const s = await post('"hallo"');
    expect(s.status).toBe(400);
    expectCleanJsonError(s);
  });

  it('answers an oversize body (over 256 kB) with 413', async () => {
    const big = JSON.stringify({ ...message('x'), text: 'a'.repeat(300 * 1024) });
    const r = await post(big);
    expect(r.status).toBe(413);
    expectCleanJsonError(r);
    expect(r.body).toContain('te groot');
  });

  it.each([
    ['an empty object', '{}'],
    ['an array', '[]'],
    ['an activity without type', JSON.stringify({ ...message('menu'), type: undefined })],
    ['an activity without conversation', JSON.stringify({ ...message('menu'), conversation: undefined })],
    ['an activity with a numeric type', JSON.stringify({ ...message('menu'), type: 5 })],
  ])('answers %s with 400 and does not run the bot', async (_name, body) => {
    const before = h.replies.length;
    const r = await post(body);
    expect(r.status).toBe(400);
    expectCleanJsonError(r);
    expect(r.body).toContain('geen geldige Bot Framework-activiteit');
    expect(h.replies.length).toBe(before);
  });

  it('answers a non-JSON content type with 400', async () => {
    const r = await post('hallo', 'text/plain');
    expect(r.status).toBe(400);
    expectCleanJsonError(r);
  });

  it('still handles a valid activity (200 and a reply)', async () => {
    const r = await h.send(message('menu'));
    expect(r.status).toBe(200);
    expect(r.replies.length).toBeGreaterThan(0);
  });
});
