/**
 * Intake over HTTP, as the Agents Playground drives it: Bot Framework activities from the Playground's mock users
 * (config/demo.yaml maps them to roles) to the real bot host on an ephemeral port, replies captured by a fake Bot
 * Connector. Covers the server-side role check, a gesprek saved through card submit, and an agressie-incident
 * whose proactive notification reaches the adviseur VPT through the host's continueConversation wiring.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadOrgConfig } from '@shared/config';
import { SqliteListStore, queryAll, LokaleStaat } from '@shared/store';
import { createBotHost } from '../../bot/src/host/app';
import { createLogger } from '../../bot/src/host/logger';
import { message, replyCards, submit, submitActions, type CapturedReply } from '../support/activities';

const PLAYGROUND = {
  ic: { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
  vp: { id: 'user-id-1', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' },
  hr: { id: 'user-id-2', name: 'Adele Vance', aadObjectId: '00000000-0000-0000-0000-0000000000022' },
  vpt: { id: 'user-id-4', name: 'Patti Fernandez', aadObjectId: '00000000-0000-0000-0000-0000000000024' },
  medewerker: { id: 'user-id-5', name: 'Lynne Robbins', aadObjectId: '00000000-0000-0000-0000-0000000000025' },
};
type Wie = keyof typeof PLAYGROUND;

const listen = (app: express.Express) =>
  new Promise<http.Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });

describe('intake through the bot host (local mode)', () => {
  const config = loadOrgConfig('demo');
  const replies: CapturedReply[] = [];
  let store: SqliteListStore;
  let connector: http.Server;
  let bot: http.Server;
  let serviceUrl: string;
  let url: string;
  const agent = new http.Agent({ keepAlive: true });

  beforeAll(async () => {
    const c = express();
    c.use(express.json({ limit: '1mb' }));
    let n = 0;
    c.post(['/v3/conversations/:conv/activities', '/v3/conversations/:conv/activities/:reply'], (req, res) => {
      // A conversation whose app was uninstalled: Teams answers 403.
      if (req.params.conv === 'a:personal-weg')
        return void res
          .status(403)
          .json({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
      replies.push({ conversationId: String(req.params.conv), activity: req.body });
      res.json({ id: `r-${++n}` });
    });
    connector = await listen(c);
    serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
    const lokaal = LokaleStaat.open(':memory:');
    store = new SqliteListStore(lokaal);
    const host = createBotHost({
      config,
      store,
      log: createLogger('silent'),
      env: { MicrosoftAppId: '' },
      lokaal,
      clock: () => new Date('2026-03-02T09:00:00Z'),
    });
    bot = await listen(host.app);
    url = `http://127.0.0.1:${(bot.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    agent.destroy();
    await new Promise((r) => bot.close(r));
    await new Promise((r) => connector.close(r));
    await store.close();
  });

  async function post(activity: Record<string, unknown>): Promise<CapturedReply[]> {
    const before = replies.length;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${url}/api/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ ...activity, serviceUrl }));
    });
    expect(status).toBeLessThan(300);
    return replies.slice(before);
  }
  const van = (wie: Wie) => ({ from: PLAYGROUND[wie], conversationId: `a:personal-${wie}`, serviceUrl });
  const tekst = (r: CapturedReply[]) => r.map((x) => x.activity.text ?? '').join('\n');

  it('HR typing "gesprek vastleggen" gets "niet toegestaan"; the vertrouwenspersoon gets the card and saves a gesprek', async () => {
    expect(tekst(await post(message('gesprek vastleggen', van('hr'))))).toMatch(
      /^Niet toegestaan: "Gesprek vastleggen" is alleen voor vertrouwenspersonen\./,
    );
    const cardReplies = await post(message('Gesprek vastleggen', van('vp')));
    const [card] = replyCards(cardReplies);
    const opslaan = submitActions(card).find((a) => a.data.action === 'intake.gesprek.opslaan')!;
    // What Teams sends on Action.Submit: the action's data merged with the inputs (all strings).
    const data = {
      ...opslaan.data,
      datum: '2026-03-02',
      vertrouwenspersoon: 'extern',
      onderwerp: 'discriminatie',
      isMelding: 'false',
      doorverwezen: 'klachtencommissie',
    };
    const hrPoging = await post(submit(data, van('hr')));
    expect(tekst(hrPoging)).toMatch(/^Niet toegestaan/);
    expect(await queryAll(store, 'Gesprekken')).toEqual([]);
    const saved = await post(submit(data, van('vp')));
    expect(tekst(saved)).toContain('G-2026-0001 is opgeslagen.');
    expect(await store.get('Gesprekken', 'G-2026-0001')).toEqual({
      gesprekId: 'G-2026-0001',
      datum: '2026-03-02',
      vertrouwenspersoon: 'extern',
      onderwerp: 'discriminatie',
      isMelding: false,
      doorverwezen: 'klachtencommissie',
      verwijderdOp: null,
    });
  });

  it('an employee registers an agressie-incident; the adviseur VPT gets a proactive card in their own chat', async () => {
    await post(message('hallo', van('vpt'))); // the VPT adviser has a personal chat with the bot (reference stored)
    const [card] = replyCards(await post(message('agressie registreren', van('medewerker'))));
    const opslaan = submitActions(card).find((a) => a.data.action === 'intake.agressie.opslaan')!;
    const before = replies.length;
    const r = await post(
      submit({ ...opslaan.data, datum: '2026-03-02', soort: 'fysiek', toelichting: 'Duw bij de balie' }, van('medewerker')),
    );
    expect(tekst(r)).toContain('A-2026-0001 is opgeslagen.');
    expect(tekst(r)).toContain('De adviseur Veilige Publieke Taak heeft een bericht gekregen');
    const toVpt = replies.slice(before).filter((x) => x.conversationId === 'a:personal-vpt');
    expect(toVpt).toHaveLength(1);
    const vptCard = replyCards(toVpt)[0];
    expect(JSON.stringify(vptCard)).toContain('Nieuw agressie-incident A-2026-0001');
    // The adviser clicks "Maatregelen vastleggen" and records measures.
    const kies = submitActions(vptCard)[0];
    const [bijwerkCard] = replyCards(await post(submit(kies.data, van('vpt'))));
    const bijwerk = submitActions(bijwerkCard)[0];
    expect(tekst(await post(submit({ ...bijwerk.data, maatregelen: 'waarschuwingsbrief,aangiftePolitie' }, van('vpt'))))).toContain(
      'A-2026-0001 is bijgewerkt.',
    );
    expect(await store.get('AgressieIncidenten', 'A-2026-0001')).toEqual({
      incidentId: 'A-2026-0001',
      datum: '2026-03-02',
      soort: ['fysiek'],
      maatregelen: ['waarschuwingsbrief', 'aangiftePolitie'],
    });
    // The stored conversation reference holds no display name.
    const refs = store.db.prepare('SELECT reference FROM proactive_conversation_refs').all() as { reference: string }[];
    expect(JSON.stringify(refs)).not.toMatch(/Patti|Lynne|Fernandez/);
  });

  it('a 403 from Teams (app removed by the adviser) marks the reference stale; the employee is told whom to contact', async () => {
    await post(message('hallo', { ...van('vpt'), conversationId: 'a:personal-weg' })); // reference now points to a removed chat
    const [card] = replyCards(await post(message('agressie registreren', van('medewerker'))));
    const opslaan = submitActions(card).find((a) => a.data.action === 'intake.agressie.opslaan')!;
    const r = await post(submit({ ...opslaan.data, datum: '2026-03-01', soort: 'verbaal' }, van('medewerker')));
    expect(tekst(r)).toContain('A-2026-0002 is opgeslagen.');
    expect(tekst(r)).toContain('kon niet automatisch worden bericht');
    const row = store.db
      .prepare('SELECT stale_since FROM proactive_conversation_refs WHERE aad_object_id = ?')
      .get(PLAYGROUND.vpt.aadObjectId) as { stale_since: string | null };
    expect(row.stale_since).toBe('2026-03-02T09:00:00.000Z');
    // The next incident does not call Teams for the stale reference at all.
    const before = replies.length;
    const [card2] = replyCards(await post(message('agressie registreren', van('medewerker'))));
    const opslaan2 = submitActions(card2).find((a) => a.data.action === 'intake.agressie.opslaan')!;
    await post(submit({ ...opslaan2.data, datum: '2026-03-01', soort: 'psychisch' }, van('medewerker')));
    expect(replies.slice(before).filter((x) => x.conversationId !== 'a:personal-medewerker')).toEqual([]);
    // Talking to the bot again refreshes the reference.
    await post(message('hallo', van('vpt')));
    expect(
      (
        store.db.prepare('SELECT stale_since FROM proactive_conversation_refs WHERE aad_object_id = ?').get(PLAYGROUND.vpt.aadObjectId) as {
          stale_since: string | null;
        }
      ).stale_since,
    ).toBeNull();
  });

  it("proactive cards go out in the recipient's language, not the actor's: an English-speaking employee, a Dutch adviser", async () => {
    await post(message('hallo', van('vpt'))); // the adviser writes in Dutch (nl-NL)
    const [card] = replyCards(await post(message('report aggression', { ...van('medewerker'), locale: 'en-US' })));
    const opslaan = submitActions(card).find((a) => a.data.action === 'intake.agressie.opslaan')!;
    const before = replies.length;
    const r = await post(submit({ ...opslaan.data, datum: '2026-03-02', soort: 'verbaal' }, { ...van('medewerker'), locale: 'en-US' }));
    expect(tekst(r)).toMatch(/A-2026-\d{4} has been saved\./);
    expect(tekst(r)).toContain('The Safe Public Service adviser has been notified');
    const toVpt = replyCards(replies.slice(before).filter((x) => x.conversationId === 'a:personal-vpt'));
    expect(toVpt).toHaveLength(1);
    expect(JSON.stringify(toVpt[0])).toMatch(/Nieuw agressie-incident A-2026-\d{4}/);
    expect(JSON.stringify(toVpt[0])).toContain('"value":"2 maart 2026"');
  });

  it('the coordinator opens the intake menu and sees only the actions of that role', async () => {
    const [card] = replyCards(await post(message('intake', van('ic'))));
    expect(submitActions(card).map((a) => a.data.action)).toEqual([
      'intake.melding.start',
      'intake.melding.bijwerkenStart',
      'intake.wbk.overzicht',
      'intake.uitvraag.status',
      'intake.agressie.start',
    ]);
  });
});
