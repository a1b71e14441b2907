/**
 * With STORE=postgres every instance shares the local state through the database (LokaleStaat.deelViaPostgres,
 * switched on by createListStore): here two bot hosts, A and B, each with its own process-local SQLite state and
 * its own pool on one PostgreSQL schema, as two App Service instances behind the front end.
 * - A Teams redelivery that reaches B while A still runs the turn is not run on B (503 with Retry-After, no
 *   reply); once A finished it is ignored (200, no reply); when the instance that claimed it died mid-turn, it
 *   is run once the lease expired.
 * - A conversation reference saved when the person wrote to A is used by a proactive send on B, and a dedupe key
 *   B sent under is "already sent" on A.
 * - Intake state continues on the other instance: a gesprek card saved on A and clicked again on B is "already
 *   processed" there, and B's "mijn registraties" lists what the vertrouwenspersoon recorded on A.
 * - The tab's vote guard: a vote on A's tab is refused on B's (409), and B knows the person voted.
 * - HR's choice of the week's dilemma made on A's tab decides the week on B's.
 * - Two instances handling the same session's invitation at once create one calendar event (Graph fake): the
 *   second waits for the first's event id and updates that event with its attendee list; a failed create gives
 *   its claim back, so the other instance creates it.
 */
import request from 'supertest';
import { z } from 'zod';
import { loadOrgConfig } from '@shared/config';
import { createListStore, LokaleStaat } from '@shared/store';
import { PgListStore } from '@shared/store/postgres/pg-list-store';
import { actie, defineFeature, tekst } from '../../bot/src/features/kit';
import { FEATURES } from '../../bot/src/features';
import { createAuthenticator } from '../../tab/api/auth';
import { createTabApp } from '../../tab/api/app';
import { defaultRetryPolicy, GraphHttp } from '@shared/graph';
import { GraphAgenda, lokaalAgendaRegister } from '../../bot/src/features/ambtseed/uitnodiging-graph';
import { AGENDA_FAKE_BASE, startAgendaFake } from '../support/agenda-fake';
import { message, replyCards, replyText, startBotHarness, submit, submitActions, type BotHarness } from '../support/activities';
import { DATABASE_URL, describePostgres, dropSchema, freshSchema } from '../support/postgres';

const config = loadOrgConfig('demo');

/** A test feature whose turn waits until the test opens the gate (a slow turn, as Teams redelivers after ~15 s). */
let poort: Promise<void> = Promise.resolve();
let doeOpen: () => void = () => undefined;
let beurten = 0;
const proef = defineFeature({
  id: 'proef',
  routes: {
    'proef.traag': actie({
      rol: 'iedereen',
      invoer: z.looseObject({ action: z.literal('proef.traag') }),
      run: async () => {
        beurten++;
        await poort;
        return [tekst('beurt gedaan')];
      },
    }),
  },
});
const sluitPoort = () => {
  poort = new Promise<void>((r) => (doeOpen = r));
};

describePostgres('local state shared by two instances on PostgreSQL', () => {
  jest.setTimeout(60_000);
  let schema: string;
  const instanties: { lokaal: LokaleStaat; store: PgListStore; bot: BotHarness }[] = [];

  beforeAll(async () => {
    schema = await freshSchema();
    const url = `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    for (let i = 0; i < 2; i++) {
      const lokaal = LokaleStaat.open(':memory:');
      const store = (await createListStore({ STORE: 'postgres', DATABASE_URL: url, PG_POOL_MAX: '4' }, lokaal)) as PgListStore;
      const bot = await startBotHarness(config, { store, lokaal, features: [proef, ...FEATURES] });
      instanties.push({ lokaal, store, bot });
    }
  });
  afterAll(async () => {
    for (const i of instanties) {
      await i.bot.close();
      await i.store.close();
      i.lokaal.close();
    }
    await dropSchema(schema);
  });

  /** The tab of an instance, on its local state (its vote guard and HR's choices shared through PostgreSQL). */
  const tab = (i: (typeof instanties)[number]) =>
    createTabApp({
      store: i.store,
      config,
      db: i.lokaal.db,
      lokaal: i.lokaal,
      authenticate: createAuthenticator({ modus: 'lokaal' }, config),
    });

  /** POST to an instance and keep the Retry-After header (the harness' send keeps only the status). */
  async function post(bot: BotHarness, activity: Record<string, unknown>): Promise<{ status: number; retryAfter: string | null }> {
    const r = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity, serviceUrl: bot.serviceUrl }),
    });
    await r.text();
    return { status: r.status, retryAfter: r.headers.get('retry-after') };
  }

  test('switched on by createListStore for STORE=postgres', () => {
    expect(instanties.every((i) => i.lokaal.deeltViaPostgres)).toBe(true);
  });

  test('a conversation reference saved on A is used by B; a message B sent is not sent again by A', async () => {
    const [a, b] = instanties;
    const persoon = { id: '29:gedeeld-1', aadObjectId: '00000000-0000-4000-8000-00000000a001' };
    expect(await b.bot.host.proactive.canReach(persoon.aadObjectId)).toBe(false);
    await a.bot.send(message('menu', { from: persoon, conversationId: 'a:conv-gedeeld-1', locale: 'en-US' }));
    expect(await b.bot.host.proactive.canReach(persoon.aadObjectId)).toBe(true);
    expect(await b.bot.host.proactive.localeVan!(persoon.aadObjectId)).toBe('en');

    const voor = a.bot.replies.length;
    const bericht = [{ type: 'text' as const, text: 'Herinnering via B' }];
    expect(await b.bot.host.proactive.send(persoon.aadObjectId, bericht, 'proef:gedeeld:1')).toBe('verzonden');
    // B continued the conversation A's reference points at (A's connector here).
    expect(a.bot.replies.slice(voor).map((r) => [r.conversationId, r.activity.text])).toEqual([['a:conv-gedeeld-1', 'Herinnering via B']]);
    expect(await a.bot.host.proactive.wasSent('proef:gedeeld:1')).toBe(true);
    expect(await a.bot.host.proactive.send(persoon.aadObjectId, bericht, 'proef:gedeeld:1')).toBe('alVerzonden');
    expect(a.bot.replies.length).toBe(voor + 1);
  });

  test('intake state continues on the other instance: a card saved on A is already processed on B; B lists it', async () => {
    const [a, b] = instanties;
    const vp = { id: 'user-id-1', aadObjectId: '00000000-0000-0000-0000-0000000000021' }; // the demo's vertrouwenspersoon
    const van = { from: vp, conversationId: 'a:conv-vp' };
    const jaar = new Date().getFullYear();
    const [kaart] = replyCards((await a.bot.send(message('gesprek vastleggen', van))).replies);
    const opslaan = submitActions(kaart).find((x) => x.data.action === 'intake.gesprek.opslaan')!;
    const velden = {
      vertrouwenspersoon: 'intern',
      isMelding: 'true',
      doorverwezen: 'geen',
      onderwerp: 'integriteit',
      datum: `${jaar}-01-15`,
    };
    expect(replyText((await a.bot.send(submit({ ...opslaan.data, ...velden }, van))).replies)).toMatch(
      new RegExp(`^G-${jaar}-0001 is opgeslagen\\.`),
    );
    // The same card clicked again, this time routed to B: nothing twice.
    expect(replyText((await b.bot.send(submit({ ...opslaan.data, ...velden }, van))).replies)).toBe(
      `Deze kaart is al verwerkt als G-${jaar}-0001; er is niets dubbel opgeslagen.`,
    );
    expect((await b.store.query('Gesprekken')).items).toHaveLength(1);
    // Who recorded it is known on B too.
    const [lijst] = replyCards((await b.bot.send(message('mijn registraties', van))).replies);
    expect(JSON.stringify(lijst)).toContain(`G-${jaar}-0001`);
  });

  test("the tab's vote guard: a vote on A is refused on B, and B knows the person voted", async () => {
    const [a, b] = instanties;
    await a.store.addMany('Dilemmas', [
      {
        dilemmaId: 'D-001',
        titel: 'Het etentje',
        tekst: 'Tekst 1',
        opties: JSON.stringify(['Ja', 'Nee']),
        thema: 'zakelijk',
        bron: 'eigen',
      },
      {
        dilemmaId: 'D-002',
        titel: 'De grap',
        tekst: 'Tekst 2',
        opties: JSON.stringify(['Direct', 'Later']),
        thema: 'sociaal',
        bron: 'eigen',
      },
    ]);
    const [tabA, tabB] = [tab(a), tab(b)];
    const als = (r: request.Test) => r.set('X-Dev-Rol', 'medewerker').set('X-Dev-Gebruiker', 'anna');
    const vooraf = await als(request(tabB).get('/api/dilemma')).expect(200);
    expect(vooraf.body.gestemd).toBe(false);
    const stem = { week: vooraf.body.week, dilemmaId: vooraf.body.dilemma.dilemmaId, optie: 0 };
    await als(request(tabA).post('/api/dilemma/stem')).send(stem).expect(201);
    const tweede = await als(request(tabB).post('/api/dilemma/stem')).send(stem).expect(409);
    expect(tweede.body.fout).toBe('Je hebt deze week al gestemd. Volgende week is er een nieuw dilemma.');
    expect((await als(request(tabB).get('/api/dilemma')).expect(200)).body.gestemd).toBe(true);
    expect((await b.store.query('DilemmaStemmen')).items).toHaveLength(1);
    // The shared guard holds one keyed hash, no user id.
    const guard = (await a.store.pool.query('SELECT * FROM tab_vote_guard')).rows;
    expect(guard).toHaveLength(1);
    expect(JSON.stringify(guard)).not.toMatch(/anna/);
  });

  test("HR's dilemma choice made on A's tab decides the week on B's tab", async () => {
    const [a, b] = instanties;
    await a.store.add('Dilemmas', {
      dilemmaId: 'D-101',
      titel: 'De keuze van HR',
      tekst: 'Tekst 101',
      opties: JSON.stringify(['Ja', 'Nee']),
      thema: 'zakelijk',
      bron: 'eigen',
    });
    const als = (r: request.Test, rol: string) => r.set('X-Dev-Rol', rol).set('X-Dev-Gebruiker', `${rol}-1`);
    const week = (await als(request(tab(b)).get('/api/dilemma'), 'medewerker').expect(200)).body.week as string;
    await als(request(tab(a)).put('/api/dilemma/keuze'), 'hr')
      .send({ week, dilemmaId: 'D-101' })
      .expect(200);
    expect((await als(request(tab(b)).get('/api/dilemma/keuze'), 'hr').expect(200)).body.keuzes).toEqual([{ week, dilemmaId: 'D-101' }]);
    expect((await als(request(tab(b)).get('/api/dilemma'), 'medewerker').expect(200)).body.dilemma.dilemmaId).toBe('D-101');
    // In PostgreSQL, not in A's own file.
    expect((await a.store.pool.query('SELECT week FROM tab_dilemma_keuze')).rows).toEqual([{ week }]);
    expect(a.lokaal.db.prepare('SELECT count(*) AS n FROM tab_dilemma_keuze').get()).toEqual({ n: 0 });
  });

  test('two instances handling the same session invitation create one calendar event', async () => {
    const [a, b] = instanties;
    const fake = startAgendaFake({ postVertragingMs: 300 });
    try {
      const agenda = (i: (typeof instanties)[number]) =>
        new GraphAgenda(
          new GraphHttp(AGENDA_FAKE_BASE, { getAccessToken: async () => 't' }, defaultRetryPolicy({ maxAttempts: 1 })),
          'hr@fake.example',
          lokaalAgendaRegister(i.lokaal),
          {
            leaseMs: 10_000,
            wachtMs: 20,
          },
        );
      const sessie = {
        sessieId: 'S-GEDEELD',
        start: '2026-12-10T09:00:00.000Z',
        eind: '2026-12-10T10:00:00.000Z',
        soort: 'ambtseed' as const,
        locatie: 'Zaal 1',
        online: false,
        afnemer: 'de secretaris',
        capaciteit: 20,
      };
      const tekst = { onderwerp: 'Ambtseed', beschrijving: 'x' };
      // A booking on A and one on B of the same new session, at the same moment.
      const [opA, opB] = await Promise.all([
        agenda(a).synchroniseer(sessie, ['aad-1'], tekst),
        agenda(b).synchroniseer(sessie, ['aad-1', 'aad-2'], tekst),
      ]);
      expect(fake.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
      expect(opA.eventId).toBe('EV-1');
      expect(opB.eventId).toBe('EV-1');
      // The one that waited updated the created event with its own attendee list.
      expect(fake.calls.map((c) => [c.method, c.eventId, c.attendees.length])).toEqual([
        ['POST', 'EV-1', expect.any(Number)],
        ['PATCH', 'EV-1', expect.any(Number)],
      ]);
      expect(await lokaalAgendaRegister(b.lokaal).get('S-GEDEELD')).toBe('EV-1');
      expect((await a.store.pool.query('SELECT sessie_id, event_id FROM ambtseed_agenda')).rows).toEqual([
        { sessie_id: 'S-GEDEELD', event_id: 'EV-1' },
      ]);

      // A create that fails gives its claim back: the other instance creates the event, once.
      fake.calls.length = 0;
      fake.faalVolgendePost();
      const tweede = { ...sessie, sessieId: 'S-GEDEELD-2' };
      await expect(agenda(a).synchroniseer(tweede, ['aad-1'], tekst)).rejects.toThrow();
      expect(await agenda(b).synchroniseer(tweede, ['aad-2'], tekst)).toEqual({ eventId: 'EV-2', joinUrl: undefined });
      expect(fake.calls.map((c) => [c.method, c.eventId, c.attendees])).toEqual([['POST', 'EV-2', ['aad-2@fake.example']]]);
    } finally {
      fake.stop();
    }
  });

  test('a redelivery on B while A runs the turn is not run; after A finished it is ignored', async () => {
    const [a, b] = instanties;
    sluitPoort();
    beurten = 0;
    const activiteit = submit({ action: 'proef.traag' }, { id: 'f:traag-1', conversationId: 'a:conv-lease' });
    const opA = a.bot.send(activiteit);
    while (beurten === 0) await new Promise((r) => setTimeout(r, 20));

    const tijdens = await post(b.bot, activiteit);
    expect(tijdens.status).toBe(503);
    expect(Number(tijdens.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(tijdens.retryAfter)).toBeLessThanOrEqual(30); // the default lease
    expect(beurten).toBe(1);

    doeOpen();
    const eerste = await opA;
    expect(eerste.status).toBe(200);
    expect(replyText(eerste.replies)).toBe('beurt gedaan');

    const erna = await b.bot.send(activiteit);
    expect(erna).toEqual({ status: 200, replies: [] });
    expect(beurten).toBe(1);
  });

  test('a redelivery of a turn whose instance died mid-turn is run once its lease expired', async () => {
    const [, b] = instanties;
    poort = Promise.resolve();
    beurten = 0;
    const activiteit = submit({ action: 'proef.traag' }, { id: 'f:traag-2', conversationId: 'a:conv-lease' });
    // The instance that got the first delivery claimed the turn with a 1 s lease and was killed before renewing it.
    const dood = LokaleStaat.open(':memory:');
    dood.deelViaPostgres(instanties[0].store.pool);
    expect(await dood.claimBeurt('a:conv-lease|f:traag-2', 1000)).toEqual({ soort: 'nieuw' });
    dood.close();

    const tijdens = await post(b.bot, activiteit);
    expect(tijdens).toEqual({ status: 503, retryAfter: '1' });
    expect(beurten).toBe(0);

    await new Promise((r) => setTimeout(r, 1100));
    const na = await b.bot.send(activiteit);
    expect(na.status).toBe(200);
    expect(replyText(na.replies)).toBe('beurt gedaan');
    expect(beurten).toBe(1);
    // …and only once: the next redelivery is ignored.
    expect(await b.bot.send(activiteit)).toEqual({ status: 200, replies: [] });
  });
});
