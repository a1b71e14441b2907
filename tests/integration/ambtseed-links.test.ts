/**
 * Personal download links expire and are signed; invitations hold nothing personal (issue 14, item 2).
 * - The oorkonde link is valid for AMBTSEED_LINK_TTL_DAYS days (default 90) from when it was made; after that,
 *   and for any changed, incomplete or foreign signature, the answer is a short 403 HTML page: Dutch first, an
 *   English line second.
 * - An invalid AMBTSEED_LINK_TTL_DAYS stops the start with a Dutch line.
 * - The `.ics` link stays unsigned because the invitation holds the session only: no object id, no inschrijving.
 */
import express from 'express';
import request from 'supertest';
import { loadOrgConfig } from '@shared/config';
import { SqliteListStore } from '@shared/store';
import { ambtseedRouter, icsUrl, oorkondeUrl } from '../../bot/src/features/ambtseed/routes';
import { tekenLink } from '../../bot/src/features/ambtseed/link-handtekening';

const config = loadOrgConfig('demo');
const GEHEIM = 'links-test-geheim-van-minstens-32-tekens-lang';
const env = { AMBTSEED_LINK_SECRET: GEHEIM };
const GEMAAKT = new Date('2026-10-26T12:00:00Z');
const DAG = 86_400_000;
const MEDEWERKER = '00000000-0000-0000-0000-00000000ab12';

const store = new SqliteListStore(':memory:');
let nu = GEMAAKT;
const app = (e: NodeJS.ProcessEnv = env) => express().use(ambtseedRouter({ store, config, env: e, clock: () => nu }));

beforeAll(async () => {
  await store.add('AmbtseedSessies', {
    sessieId: 'S-LINK',
    start: '2026-10-25T09:00:00.000Z',
    eind: '2026-10-25T10:00:00.000Z',
    soort: 'ambtseed',
    locatie: 'Statenzaal',
    online: false,
    afnemer: 'de provinciesecretaris',
    capaciteit: 5,
  });
  await store.add('AmbtseedInschrijvingen', {
    inschrijvingId: 'S-LINK#00001',
    sessieId: 'S-LINK',
    medewerker: MEDEWERKER,
    dienstverband: 'arbeidsovereenkomst',
    indienstOp: '2026-09-01',
    status: 'afgelegd',
    vorm: 'eed',
    afgelegdOp: '2026-10-25',
  });
});
afterAll(() => store.close());

const pad = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};
const link = (e: NodeJS.ProcessEnv = env, id = 'S-LINK#00001') => pad(oorkondeUrl('https://bot.example.nl', id, 'nl', GEMAAKT, e));

/** A 403 refusal page: HTML, Dutch title and text, then the English line. */
function verwachtWeigering(res: request.Response, nl: RegExp, en: RegExp): void {
  expect(res.status).toBe(403);
  expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
  expect(res.text).toContain('<html lang="nl">');
  expect(res.text).toContain('<h1>Deze link werkt niet (meer)</h1>');
  const nlPos = res.text.search(nl);
  const enPos = res.text.search(en);
  expect(nlPos).toBeGreaterThan(0);
  expect(enPos).toBeGreaterThan(nlPos);
  expect(res.text).toMatch(/<p lang="en">/);
  expect(res.text.length).toBeLessThan(2000);
}

describe('oorkonde link: expiry', () => {
  afterEach(() => {
    nu = GEMAAKT;
  });

  it('is valid for 90 days by default and then expired', async () => {
    const l = link();
    expect(l).toMatch(/^\/ambtseed\/oorkonde\/S-LINK%2300001\.docx\?exp=\d+&sig=[0-9a-f]{32}&lang=nl$/);
    expect(Number(new URLSearchParams(l.split('?')[1]).get('exp')) * 1000).toBe(GEMAAKT.getTime() + 90 * DAG);
    nu = new Date(GEMAAKT.getTime() + 90 * DAG - 1000);
    const ok = await request(app()).get(l);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/wordprocessingml/);
    nu = new Date(GEMAAKT.getTime() + 90 * DAG);
    verwachtWeigering(
      await request(app()).get(l),
      /is verlopen: een link blijft 90 dagen geldig/,
      /has expired: a link stays valid for 90 days/,
    );
  });

  it('follows AMBTSEED_LINK_TTL_DAYS (7 days; 1 day in the singular)', async () => {
    const zeven = { ...env, AMBTSEED_LINK_TTL_DAYS: '7' };
    const l = link(zeven);
    nu = new Date(GEMAAKT.getTime() + 7 * DAG - 1000);
    expect((await request(app(zeven)).get(l)).status).toBe(200);
    nu = new Date(GEMAAKT.getTime() + 7 * DAG + 1000);
    verwachtWeigering(await request(app(zeven)).get(l), /een link blijft 7 dagen geldig/, /valid for 7 days/);
    const een = { ...env, AMBTSEED_LINK_TTL_DAYS: '1' };
    nu = new Date(GEMAAKT.getTime() + 2 * DAG);
    verwachtWeigering(await request(app(een)).get(link(een)), /een link blijft 1 dag geldig/, /valid for 1 day\./);
  });

  it('an invalid AMBTSEED_LINK_TTL_DAYS stops the start with a Dutch line', () => {
    for (const waarde of ['abc', '0', '-3', '2.5', '99999'])
      expect(() => ambtseedRouter({ store, config, env: { ...env, AMBTSEED_LINK_TTL_DAYS: waarde } })).toThrow(
        new RegExp(`^AMBTSEED_LINK_TTL_DAYS="${waarde.replace('.', '\\.')}" is ongeldig: verwacht`),
      );
  });
});

describe('oorkonde link: signature', () => {
  const ongeldig = (res: request.Response) =>
    verwachtWeigering(res, /Deze downloadlink is niet geldig: hij is onvolledig of gewijzigd/, /This download link is not valid/);

  it('a later expiry with the same signature is refused', async () => {
    const l = link();
    const exp = Number(new URLSearchParams(l.split('?')[1]).get('exp'));
    ongeldig(await request(app()).get(l.replace(`exp=${exp}`, `exp=${exp + 365 * 86_400}`)));
  });

  it("another booking's id with this signature is refused", async () => {
    const l = link();
    ongeldig(await request(app()).get(l.replace('S-LINK%2300001', 'S-LINK%2300002')));
  });

  it('a link signed with another key is refused', async () => {
    ongeldig(await request(app()).get(link({ AMBTSEED_LINK_SECRET: 'een-ander-geheim-van-minstens-32-tekens' })));
  });

  it('a link without expiry (the old form: signature over the id only) is refused', async () => {
    const sig = tekenLink('S-LINK#00001', undefined, env);
    ongeldig(await request(app()).get(`/ambtseed/oorkonde/S-LINK%2300001.docx?sig=${sig}`));
  });

  it('a missing or malformed signature is refused the same way', async () => {
    const exp = Math.ceil(GEMAAKT.getTime() / 1000) + 86_400;
    ongeldig(await request(app()).get('/ambtseed/oorkonde/S-LINK%2300001.docx'));
    ongeldig(await request(app()).get(`/ambtseed/oorkonde/S-LINK%2300001.docx?exp=${exp}&sig=zz`));
    ongeldig(await request(app()).get(`/ambtseed/oorkonde/S-LINK%2300001.docx?exp=${exp}&sig=${'0'.repeat(32)}`));
    ongeldig(await request(app()).get(`/ambtseed/oorkonde/S-LINK%2300001.docx?exp=morgen&sig=${'0'.repeat(32)}`));
  });

  it('the document itself is not cached by shared caches', async () => {
    const ok = await request(app()).get(link());
    expect(ok.status).toBe(200);
    expect(ok.headers['cache-control']).toBe('private, no-store');
  });
});

describe('.ics link: unsigned, nothing personal', () => {
  it('the link names the session only, and the invitation holds no object id or inschrijving', async () => {
    const url = icsUrl('https://bot.example.nl', 'S-LINK');
    expect(url).toBe('https://bot.example.nl/ambtseed/agenda/S-LINK.ics');
    const res = await request(app()).get(pad(url));
    expect(res.status).toBe(200);
    expect(res.text).toContain('BEGIN:VEVENT');
    expect(res.text).not.toContain(MEDEWERKER);
    expect(res.text).not.toMatch(/#0000\d|00001|medewerker|ATTENDEE|ORGANIZER/i);
  });
});
