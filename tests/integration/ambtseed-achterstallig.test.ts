import { loadOrgConfig } from '@shared/config';
import { SqliteListStore } from '@shared/store';
import { seedDemo } from '@shared/cli/seed';
import { achterstalligen } from '../../bot/src/features/ambtseed/achterstallig';
import { kaartFouten } from '../support/adaptive-kaart';
import { testServices } from '../support/services';
import { message, replyCards, replyText, startBotHarness, submit, submitActions, type BotHarness } from '../support/activities';

/**
 * HR reminds everyone past the ambtseed deadline, over /api/messages with a fake clock (2 December 2026): the demo
 * data has 138 new hires past their deadline that day (the figure of the issue that asked for this). The HR card
 * offers the reminder with that count, asks first, and then sends each person one reminder (once per day) in their
 * own Teams language; people who never talked to the bot are counted as not reachable.
 */
describe('ambtseed: herinnering aan wie over de deadline is', () => {
  const config = loadOrgConfig('demo');
  const HR = { id: '29:hr-user', name: 'HR', aadObjectId: config.rollen.hr.gebruikers[0] };
  const alsHr = { from: HR, conversationId: 'a:conv-hr' };
  const NU = new Date('2026-12-02T09:00:00Z');
  let bot: BotHarness;
  let store: SqliteListStore;
  afterAll(async () => {
    await bot.close();
    await store.close();
  });
  beforeAll(async () => {
    store = new SqliteListStore(':memory:');
    await seedDemo(store, 'demo', '2026-12-02');
    bot = await startBotHarness(config, { store, clock: () => NU });
  });

  it('138 in de demodata: eerst een vraag, dan één herinnering per persoon in de eigen taal, vandaag niet nog eens', async () => {
    // Two of the late new hires talk to the bot first (one in English), so Teams can reach them.
    const wie = await achterstalligen(testServices({ store, config }), NU);
    expect(wie).toHaveLength(138);
    const [a, b] = wie.map((w) => w.nm.medewerkerId);
    await bot.send(message('hallo', { from: { id: '29:a', aadObjectId: a }, conversationId: 'a:conv-a' }));
    await bot.send(message('hello', { from: { id: '29:b', aadObjectId: b }, conversationId: 'a:conv-b', locale: 'en-US' }));

    const beheer = replyCards((await bot.send(message('ambtseed beheer', alsHr))).replies)[0];
    const knop = submitActions(beheer).find((k) => k.data.action === 'ambtseed.herinnerAchterstallig')!;
    expect(knop.title).toBe('Herinnering aan wie over de deadline is (138)');
    const vraag = replyCards((await bot.send(submit(knop.data, alsHr))).replies)[0];
    expect(kaartFouten(vraag)).toEqual([]);
    expect(JSON.stringify(vraag)).toContain('138 nieuwe medewerkers zijn over de deadline');
    const ja = submitActions(vraag)[0];
    expect(ja.title).toBe('Ja, stuur 138 herinneringen');

    const r = await bot.send(submit(ja.data, alsHr));
    expect(replyText(r.replies)).toContain(
      'Van de 138 mensen over de deadline: 2 kregen nu een herinnering, 0 hadden er vandaag al een, 136 zijn niet bereikbaar',
    );
    const naarA = bot.replies.filter((x) => x.conversationId === 'a:conv-a').at(-1)!;
    const naarB = bot.replies.filter((x) => x.conversationId === 'a:conv-b').at(-1)!;
    expect(JSON.stringify(naarA.activity)).toMatch(/Je deadline van \d+ \w+ 20\d\d is voorbij/);
    expect(JSON.stringify(naarB.activity)).toMatch(/Your deadline of \d+ \w+ 20\d\d has passed/);

    const nogEens = await bot.send(submit(ja.data, alsHr));
    expect(replyText(nogEens.replies)).toContain('0 kregen nu een herinnering, 2 hadden er vandaag al een');
  });

  it('en-US: HR is asked in English', async () => {
    const vraag = replyCards(
      (await bot.send(submit({ action: 'ambtseed.herinnerAchterstallig' }, { ...alsHr, locale: 'en-US' }))).replies,
    )[0];
    expect(JSON.stringify(vraag)).toContain('138 new employees are past the deadline');
  });
});
