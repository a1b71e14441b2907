import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadOrgConfig } from '@shared/config';
import { defaultRetryPolicy, GraphHttp, StaticTokenProvider } from '@shared/graph';
import { GraphNaamBron, naamBronVanEnv, type NaamBron } from '@shared/graph/gebruikers';
import { SqliteListStore } from '@shared/store';
import { kaartFouten } from '../support/adaptive-kaart';
import { message, replyCards, startBotHarness, submit, submitActions, type BotHarness } from '../support/activities';

/**
 * HR sees who comes, by name looked up at run time (never stored): the participant list, the attendance card and its
 * summary, over /api/messages. Local mode takes the Agents Playground's mock users (config/playground/*.yml: Megan
 * Bowen …21, Lynne Robbins …25); Graph answers `$batch` requests of at most 20 `GET /users/{id}?$select=displayName`;
 * without a source or without User.ReadBasic.All (403) HR sees codes and a notice. Attendance can be recorded for any
 * session of this year that has started (fake clock: 2 December 2026).
 */
const config = loadOrgConfig('demo');
const HR = { id: '29:hr-user', name: 'HR', aadObjectId: config.rollen.hr.gebruikers[0] };
const alsHr = { from: HR, conversationId: 'a:conv-hr' };
const MEGAN = '00000000-0000-0000-0000-0000000000021';
const LYNNE = '00000000-0000-0000-0000-0000000000025';
const ONBEKEND = '00000000-0000-0000-0000-0000000000fff';
const NU = new Date('2026-12-02T09:00:00Z');

async function vulStore(): Promise<SqliteListStore> {
  const store = new SqliteListStore(':memory:');
  const sessie = (sessieId: string, start: string, eind: string) => ({
    sessieId,
    start,
    eind,
    soort: 'ambtseed' as const,
    locatie: 'Statenzaal',
    online: false,
    afnemer: 'de provinciesecretaris',
    capaciteit: 2,
  });
  await store.addMany('AmbtseedSessies', [
    sessie('S-MAART', '2026-03-12T09:00:00.000Z', '2026-03-12T10:00:00.000Z'), // this year, long ago
    sessie('S-VORIGJAAR', '2025-12-11T09:00:00.000Z', '2025-12-11T10:00:00.000Z'),
    sessie('S-DEC', '2026-12-10T09:00:00.000Z', '2026-12-10T10:00:00.000Z'),
  ]);
  const inschrijving = (
    n: number,
    sessieId: string,
    medewerker: string,
    status: 'ingeschreven' | 'wachtlijst',
    vorm: 'eed' | 'belofte',
  ) => ({
    inschrijvingId: `${sessieId}#0000${n}`,
    sessieId,
    medewerker,
    dienstverband: 'arbeidsovereenkomst' as const,
    indienstOp: '2026-02-02',
    status,
    vorm,
  });
  await store.addMany('AmbtseedInschrijvingen', [
    inschrijving(1, 'S-MAART', LYNNE, 'ingeschreven', 'belofte'),
    inschrijving(2, 'S-MAART', MEGAN, 'ingeschreven', 'eed'),
    inschrijving(1, 'S-DEC', LYNNE, 'ingeschreven', 'eed'),
    inschrijving(2, 'S-DEC', ONBEKEND, 'ingeschreven', 'belofte'),
    inschrijving(3, 'S-DEC', MEGAN, 'wachtlijst', 'eed'),
  ]);
  return store;
}

const kaartTekst = (r: { replies: Parameters<typeof replyCards>[0] }) => JSON.stringify(replyCards(r.replies)[0]);

describe('ambtseed: namen op het moment zelf (lokale modus: de Playground-gebruikers)', () => {
  let bot: BotHarness;
  let store: SqliteListStore;
  beforeAll(async () => {
    store = await vulStore();
    const namen = naamBronVanEnv({}, { lokaal: true, cwd: path.resolve(__dirname, '../..') });
    bot = await startBotHarness(config, { store, clock: () => NU, namen });
  });
  afterAll(async () => {
    await bot.close();
    await store.close();
  });

  it('de deelnemerslijst noemt wie komt en wie wacht, met namen; een onbekende id als code', async () => {
    const r = await bot.send(submit({ action: 'ambtseed.deelnemers', sessieId: 'S-DEC' }, alsHr));
    const kaart = replyCards(r.replies)[0];
    expect(kaartFouten(kaart)).toEqual([]);
    const feiten = (JSON.parse(JSON.stringify(kaart)) as { body: { facts?: { title: string; value: string }[] }[] }).body.flatMap(
      (b) => b.facts ?? [],
    );
    expect(feiten).toEqual([
      { title: 'Lynne Robbins', value: 'ingeschreven (Eed)' },
      { title: 'code 0000000000fff', value: 'ingeschreven (Belofte)' },
      { title: 'Megan Bowen', value: 'wachtlijst, plaats 1' },
    ]);
    expect(JSON.stringify(kaart)).toContain('2 van 2 plaatsen bezet, 1 op de wachtlijst');
    expect(JSON.stringify(kaart)).not.toContain('00000000)');
  });

  it('aanwezigheid kan voor elke begonnen bijeenkomst van dit jaar, per persoon op naam; de samenvatting noemt de namen', async () => {
    const beheer = replyCards((await bot.send(message('ambtseed beheer', alsHr))).replies)[0];
    const json = JSON.stringify(beheer);
    const keuzes = json.match(/"id":"aanwezigheidSessie".*?"choices":(\[[^\]]*\])/)![1];
    expect(keuzes).toContain('"value":"S-MAART"'); // 12 March: far more than 7 days ago
    expect(keuzes).not.toContain('S-VORIGJAAR');
    expect(keuzes).not.toContain('S-DEC'); // not started yet
    const knop = submitActions(beheer).find((a) => a.data.action === 'ambtseed.aanwezigheid')!;
    const kaart = await bot.send(submit({ ...knop.data, sessieId: 'S-DEC', aanwezigheidSessie: 'S-MAART' }, alsHr));
    const tekst = kaartTekst(kaart);
    expect(tekst).toContain('Aanwezigheid: Ambtseed of -belofte op do 12 mrt 2026, 10:00');
    expect(tekst.indexOf('Lynne Robbins, gekozen vorm: Belofte')).toBeGreaterThan(-1);
    expect(tekst.indexOf('Megan Bowen, gekozen vorm: Eed')).toBeGreaterThan(tekst.indexOf('Lynne Robbins'));
    const opslaan = await bot.send(
      submit(
        {
          action: 'ambtseed.aanwezigheidOpslaan',
          sessieId: 'S-MAART',
          'a_S-MAART#00001': 'afgelegd-belofte',
          'a_S-MAART#00002': 'afwezig',
        },
        { ...alsHr, replyToId: 'aanwezig-1' },
      ),
    );
    expect(JSON.stringify(opslaan.replies)).toContain('Vastgelegd: 1 × belofte afgelegd, 1 × afwezig.');
    const samenvatting = JSON.stringify(bot.updates.find((u) => u.activityId === 'aanwezig-1')!.activity);
    expect(samenvatting).toContain('"title":"Lynne Robbins","value":"Belofte afgelegd"');
    expect(samenvatting).toContain('"title":"Megan Bowen","value":"Afwezig"');
    expect(await store.get('AmbtseedInschrijvingen', 'S-MAART#00001')).toMatchObject({
      status: 'afgelegd',
      vorm: 'belofte',
      afgelegdOp: '2026-03-12',
    });
  });

  it('no names are written to the lists', async () => {
    const alles = JSON.stringify([
      await store.get('AmbtseedInschrijvingen', 'S-MAART#00001'),
      await store.get('AmbtseedSessies', 'S-MAART'),
    ]);
    expect(alles).not.toMatch(/Lynne|Megan/);
  });
});

/** A fake Graph `$batch` endpoint: records each batch's sub-request URLs and answers with `antwoord(id)`. */
async function graphFake(antwoord: (id: string) => { status: number; body: unknown }) {
  const batches: string[][] = [];
  const app = express();
  app.use(express.json());
  app.post('/v1.0/\\$batch', (req, res) => {
    const requests = (req.body as { requests: { id: string; url: string }[] }).requests;
    batches.push(requests.map((r) => r.url));
    res.json({
      responses: requests.map((r) => ({ id: r.id, ...antwoord(decodeURIComponent(/\/users\/([^?]+)/.exec(r.url)![1])) })),
    });
  });
  const server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const bron: NaamBron = new GraphNaamBron(
    new GraphHttp(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`, new StaticTokenProvider('t'), defaultRetryPolicy()),
  );
  return { batches, bron, close: () => new Promise((r) => server.close(r)) };
}

describe('ambtseed: namen uit Microsoft Graph', () => {
  it('45 ids gaan als $batch van 20, 20 en 5 GET /users/{id}?$select=displayName', async () => {
    const fake = await graphFake((id) => ({ status: 200, body: { displayName: `Persoon ${id.slice(-2)}` } }));
    try {
      const ids = Array.from({ length: 45 }, (_, n) => `00000000-0000-0000-0000-0000000001${String(n).padStart(2, '0')}`);
      const r = await fake.bron.namen(ids);
      expect(fake.batches.map((b) => b.length)).toEqual([20, 20, 5]);
      expect(fake.batches[0][0]).toBe('/users/00000000-0000-0000-0000-000000000100?$select=displayName');
      expect(r.namen.get(ids[44])).toBe('Persoon 44');
      expect(r.probleem).toBeUndefined();
    } finally {
      await fake.close();
    }
  });

  it('zonder User.ReadBasic.All (403) ziet HR codes met een melding; en-US in English', async () => {
    const fake = await graphFake(() => ({
      status: 403,
      body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } },
    }));
    const store = await vulStore();
    const bot = await startBotHarness(config, { store, clock: () => NU, namen: fake.bron });
    try {
      const nl = kaartTekst(await bot.send(submit({ action: 'ambtseed.deelnemers', sessieId: 'S-DEC' }, alsHr)));
      expect(nl).toContain('code 0000000000025');
      expect(nl).toContain('de app de machtiging User.ReadBasic.All mist');
      expect(nl).not.toContain('Insufficient privileges');
      const en = kaartTekst(await bot.send(submit({ action: 'ambtseed.deelnemers', sessieId: 'S-DEC' }, { ...alsHr, locale: 'en-US' })));
      expect(en).toContain('Participants: Oath or affirmation of office on Thu 10 Dec 2026, 10:00');
      expect(en).toContain('lacks the User.ReadBasic.All permission');
    } finally {
      await bot.close();
      await store.close();
      await fake.close();
    }
  });

  it('zonder naambron: codes en de melding welke machtiging nodig is', async () => {
    const store = await vulStore();
    const bot = await startBotHarness(config, { store, clock: () => NU });
    try {
      const tekst = kaartTekst(await bot.send(submit({ action: 'ambtseed.aanwezigheid', sessieId: 'S-MAART' }, alsHr)));
      expect(tekst).toContain('code 0000000000021, gekozen vorm: Eed');
      expect(tekst).toContain('User.ReadBasic.All');
    } finally {
      await bot.close();
      await store.close();
    }
  });
});
