import express from 'express';
import request from 'supertest';
import ICAL from 'ical.js';
import JSZip from 'jszip';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { loadOrgConfig } from '@shared/config';
import { SqliteListStore, LokaleStaat } from '@shared/store';
import { ambtseedRouter, oorkondeUrl, tekenLink } from '../../bot/src/features/ambtseed/routes';
import {
  agendaVanEnv,
  GraphAgenda,
  geheugenAgendaRegister,
  graphClient,
  lokaalAgendaRegister,
} from '../../bot/src/features/ambtseed/uitnodiging-graph';
import { ambtseedFeature as feature } from '../../bot/src/features/ambtseed';
import type { TurnInput } from '../../bot/src/features/feature';
import { testServices } from '../support/services';

const config = loadOrgConfig('demo');
const maart = {
  sessieId: 'S-MAART',
  start: '2026-03-29T08:00:00.000Z',
  eind: '2026-03-29T09:30:00.000Z',
  soort: 'ambtseed' as const,
  locatie: 'Statenzaal',
  online: false,
  afnemer: 'de provinciesecretaris',
  capaciteit: 20,
};
const oktober = {
  sessieId: 'S-OKT',
  start: '2026-10-25T09:00:00.000Z',
  eind: '2026-10-25T10:00:00.000Z',
  soort: 'ambtseed' as const,
  locatie: null,
  online: true,
  afnemer: 'de provinciesecretaris',
  capaciteit: 20,
};

function parseIcs(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  const ev = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
  return { comp, ev, vevent: comp.getFirstSubcomponent('vevent')! };
}

describe('.ics-uitnodiging via de downloadroute (zonder Graph)', () => {
  const store = new SqliteListStore(':memory:');
  const app = express().use(ambtseedRouter({ store, config }));
  beforeAll(() => store.addMany('AmbtseedSessies', [maart, oktober]));
  afterAll(() => store.close());

  it('levert een geldige VEVENT; de laatste zondag van maart en oktober staan op 10:00 Europe/Amsterdam', async () => {
    for (const [s, lokaal] of [
      [maart, '2026-03-29T10:00'],
      [oktober, '2026-10-25T10:00'],
    ] as const) {
      const res = await request(app).get(`/ambtseed/agenda/${s.sessieId}.ics`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const { ev, comp } = parseIcs(res.text);
      expect(comp.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(ev.uid).toBe(`ambtseed-${s.sessieId}@integriteitsplein`);
      expect(ev.startDate.toJSDate().toISOString()).toBe(s.start);
      expect(ev.endDate.toJSDate().toISOString()).toBe(s.eind);
      // The local wall-clock time in Amsterdam, computed independently with Intl:
      const wall = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' })
        .format(ev.startDate.toJSDate())
        .replace(' ', 'T');
      expect(wall).toBe(lokaal);
      expect(ev.summary).toContain('Provincie Demoland');
      expect(ev.location).toBe(s.online ? 'Microsoft Teams' : 'Statenzaal');
    }
  });

  it('een geannuleerde bijeenkomst geeft METHOD:CANCEL met dezelfde UID en hogere SEQUENCE', async () => {
    await store.update('AmbtseedSessies', 'S-MAART', { capaciteit: 0 });
    const { comp, ev, vevent } = parseIcs((await request(app).get('/ambtseed/agenda/S-MAART.ics')).text);
    expect(comp.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(ev.uid).toBe('ambtseed-S-MAART@integriteitsplein');
    expect(ev.sequence).toBe(1);
  });

  it('onbekende bijeenkomst 404, foute naam 400', async () => {
    expect((await request(app).get('/ambtseed/agenda/BESTAATNIET.ics')).status).toBe(404);
    expect((await request(app).get('/ambtseed/agenda/zonder-extensie')).status).toBe(400);
  });

  it('oorkonde: alleen met geldige handtekening, als docx met vorm en afnemer', async () => {
    await store.add('AmbtseedInschrijvingen', {
      inschrijvingId: 'S-OKT#00001',
      sessieId: 'S-OKT',
      medewerker: 'mw-1',
      dienstverband: 'arbeidsovereenkomst',
      indienstOp: '2026-09-01',
      status: 'afgelegd',
      vorm: 'belofte',
      afgelegdOp: '2026-10-25',
    });
    const pad =
      new URL(oorkondeUrl('http://bot.test', 'S-OKT#00001')).pathname + new URL(oorkondeUrl('http://bot.test', 'S-OKT#00001')).search;
    const res = await request(app)
      .get(pad)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const xml = await (await JSZip.loadAsync(res.body as Buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Oorkonde');
    expect(xml).toContain('ambtsbelofte');
    expect(xml).toContain('25 oktober 2026');
    expect(xml).toContain('de provinciesecretaris');
    expect((await request(app).get(`/ambtseed/oorkonde/S-OKT%2300001.docx?sig=${'0'.repeat(32)}`)).status).toBe(403);
    expect(tekenLink('S-OKT#00001')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('Graph-agenda tegen een HTTP-nep (msw) op GRAPH_BASE_URL', () => {
  const BASE = 'https://graph.fake/v1.0'; // the Graph client only sends the token to https hosts
  const calls: { method: string; path: string; body: unknown; auth: string | null }[] = [];
  const server = setupServer(
    http.get(`${BASE}/users/:id`, ({ params, request }) => {
      calls.push({ method: 'GET', path: `/users/${params.id}`, body: null, auth: request.headers.get('authorization') });
      return HttpResponse.json({ mail: `${params.id}@demoland.example`, userPrincipalName: `${params.id}@demoland.example` });
    }),
    http.post(`${BASE}/users/:org/events`, async ({ request }) => {
      const body = await request.json();
      calls.push({ method: 'POST', path: new URL(request.url).pathname, body, auth: request.headers.get('authorization') });
      return HttpResponse.json(
        {
          id: 'EV-1',
          onlineMeeting: (body as { isOnlineMeeting?: boolean }).isOnlineMeeting
            ? { joinUrl: 'https://teams.microsoft.com/l/meetup-join/fake' }
            : null,
        },
        { status: 201 },
      );
    }),
    http.patch(`${BASE}/users/:org/events/:id`, async ({ request, params }) => {
      calls.push({ method: 'PATCH', path: `/events/${params.id}`, body: await request.json(), auth: request.headers.get('authorization') });
      return HttpResponse.json({ id: params.id, onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/fake' } });
    }),
    http.post(`${BASE}/users/:org/events/:id/cancel`, async ({ request, params }) => {
      calls.push({
        method: 'POST',
        path: `/events/${params.id}/cancel`,
        body: await request.json(),
        auth: request.headers.get('authorization'),
      });
      return new HttpResponse(null, { status: 202 });
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => (calls.length = 0));

  it('POST /users/{organizer}/events met isOnlineMeeting voor online sessies, daarna PATCH, annuleren via /cancel', async () => {
    const agenda = new GraphAgenda(
      graphClient(BASE, { getAccessToken: async () => 'test-token' }),
      'ambtseed@demoland.example',
      geheugenAgendaRegister(),
    );
    const r = await agenda.synchroniseer(oktober, ['aad-1'], { onderwerp: 'Ambtseed', beschrijving: 'x' });
    expect(r).toEqual({ eventId: 'EV-1', joinUrl: 'https://teams.microsoft.com/l/meetup-join/fake' });
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/v1.0/users/ambtseed%40demoland.example/events');
    expect(post.auth).toBe('Bearer test-token');
    expect(post.body).toMatchObject({
      subject: 'Ambtseed',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      start: { dateTime: '2026-10-25T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-10-25T10:00:00', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address: 'aad-1@demoland.example' }, type: 'required' }],
      transactionId: 'ambtseed-S-OKT',
    });
    await agenda.synchroniseer(oktober, ['aad-1', 'aad-2'], { onderwerp: 'Ambtseed', beschrijving: 'x' });
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
    expect((calls.find((c) => c.method === 'PATCH')!.body as { attendees: unknown[] }).attendees).toHaveLength(2);
    expect(await agenda.annuleer('S-OKT', 'Geannuleerd')).toBe(true);
    expect(calls.at(-1)).toMatchObject({ method: 'POST', path: '/events/EV-1/cancel', body: { comment: 'Geannuleerd' } });
    // An on-site session has no Teams meeting.
    const fysiek = new GraphAgenda(graphClient(BASE, { getAccessToken: async () => 't' }), 'org', geheugenAgendaRegister());
    await fysiek.synchroniseer(maart, [], { onderwerp: 'A', beschrijving: 'b' });
    expect(calls.at(-1)!.body).not.toHaveProperty('isOnlineMeeting');
  });

  it('de feature gebruikt Graph als het geconfigureerd is: boeken maakt het event, HR-annulering annuleert het', async () => {
    const lokaal = LokaleStaat.open(':memory:');
    const store = new SqliteListStore(lokaal);
    await store.add('AmbtseedSessies', {
      ...oktober,
      sessieId: 'S-ON',
      start: '2026-12-10T09:00:00.000Z',
      eind: '2026-12-10T10:00:00.000Z',
    });
    const agenda = agendaVanEnv({ GRAPH_ACCESS_TOKEN: 'env-token', GRAPH_BASE_URL: BASE }, config, lokaal);
    const services = testServices({ store, config, lokaal, agenda });
    const input = (who: string, data: object): TurnInput => ({
      kind: 'submit',
      data,
      user: { channelId: 'c', aadObjectId: who, rollen: who === 'hr' ? ['hr'] : [] },
      conversation: { id: 'c', type: 'personal' },
      locale: 'nl',
      now: new Date('2026-11-02T09:00:00Z'),
    });
    const r = JSON.stringify(
      await feature.onSubmit(
        input('aad-9', { action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-ON', vorm: 'eed' }),
        services,
      ),
    );
    expect(r).toContain('Outlook-agenda');
    expect(r).toContain('https://teams.microsoft.com/l/meetup-join/fake');
    expect(r).not.toContain('.ics');
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/v1.0/users/ambtseed%40demoland.example/events',
      auth: 'Bearer env-token',
    });
    expect(await lokaalAgendaRegister(lokaal).get('S-ON')).toBe('EV-1');
    await feature.onSubmit(input('hr', { action: 'ambtseed.sessieAnnuleer', sessieId: 'S-ON', bevestigd: 'ja' }), services);
    expect(calls.at(-1)).toMatchObject({ method: 'POST', path: '/events/EV-1/cancel' });
    await store.close();
  });
});
