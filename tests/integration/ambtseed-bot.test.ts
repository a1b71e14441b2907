import type { SqliteListStore } from '@shared/store';
import { message, replyCards, replyText, submit, submitActions, USER, type BotHarness } from '../support/activities';
import { alsHr, startAmbtseedBot } from '../support/ambtseed-demo';

/** The ambtseed feature through the real bot host (HTTP → CloudAdapter → dispatcher → feature → fake connector). */
describe('ambtseed via de bot-host', () => {
  let bot: BotHarness;
  let store: SqliteListStore;
  let sluit: () => Promise<void>;

  beforeAll(async () => {
    const vul = async (st: SqliteListStore) => {
      await st.add('AmbtseedSessies', {
        sessieId: 'S-1',
        start: '2026-12-03T09:00:00.000Z',
        eind: '2026-12-03T10:00:00.000Z',
        soort: 'ambtseed',
        locatie: 'Statenzaal',
        online: false,
        afnemer: 'de provinciesecretaris',
        capaciteit: 1,
      });
      await st.add('NieuweMedewerkers', {
        medewerkerId: USER.aadObjectId,
        indienstOp: '2026-11-16',
        dienstverband: 'arbeidsovereenkomst',
      });
    };
    ({ bot, store, sluit } = await startAmbtseedBot(vul, new Date('2026-11-20T09:00:00Z')));
  });
  afterAll(() => sluit());

  it('"plan mijn ambtseed" → kaart met bijeenkomst en eed/belofte; inschrijven via de kaartknop', async () => {
    const r = await bot.send(message('Plan mijn ambtseed'));
    expect(r.status).toBe(200);
    const text = replyText(r.replies);
    // 16 Nov + 2 months, dates as words in running text (never ISO)
    expect(text).toContain('in dienst sinds 16 november 2026) rond je dit af vóór 16 januari 2027');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}\)/);
    expect(text).toContain('do 3 dec 2026, 10:00');
    const boek = submitActions(replyCards(r.replies)[0]).find((a) => a.data.action === 'ambtseed.boek')!;
    expect(boek.title).toBe('Inschrijven');
    // Teams sends the button's data plus the card's input values.
    const r2 = await bot.send(submit({ ...boek.data, sessieId_ambtseed: 'S-1', vorm: 'eed' }));
    expect(replyText(r2.replies)).toContain('Je bent ingeschreven');
    expect(replyText(r2.replies)).toMatch(/\/ambtseed\/agenda\/S-1\.ics/);
    expect((await store.get('AmbtseedInschrijvingen', 'S-1#00001'))?.medewerker).toBe(USER.aadObjectId);
  });

  it('"ambtseed beheer" alleen voor HR', async () => {
    expect(replyText((await bot.send(message('ambtseed beheer'))).replies)).toContain('alleen voor HR');
    const r = await bot.send(message('ambtseed beheer', alsHr));
    expect(replyText(r.replies)).toContain('1/1 bezet');
    // 20 November 2026 is in ISO week 47; running text says so in words, not as 2026-W47
    expect(replyText(r.replies)).toContain('Weekoverzicht ambtseed en workshop (week 47 van 2026)');
  });
});
