import { loadOrgConfig } from '@shared/config';
import { SqliteListStore } from '@shared/store';
import { message, replyText, startBotHarness, submit, type BotHarness, type CapturedReply } from '../support/activities';

/**
 * Proactive ambtseed messages are written in the recipient's language, never in the language of the HR adviser who
 * acted (over /api/messages): HR works in English (en-US); two employees wrote to the bot in Dutch (nl-NL), one in
 * English. Expected texts are the catalogue's sentences for 10 December 2026, 10:00 Amsterdam (09:00 UTC, winter time).
 */
describe('ambtseed: berichten in de taal van wie ze krijgt', () => {
  const config = loadOrgConfig('demo');
  const HR = { id: '29:hr-user', name: 'HR', aadObjectId: config.rollen.hr.gebruikers[0] };
  const alsHrEn = { from: HR, conversationId: 'a:conv-hr', locale: 'en-US' };
  const NL_GEBOEKT = '00000000-0000-0000-0000-0000000000b1';
  const NL_WACHT = '00000000-0000-0000-0000-0000000000b2';
  const EN_GEBOEKT = '00000000-0000-0000-0000-0000000000b3';
  const NU = new Date('2026-12-02T09:00:00Z');
  let bot: BotHarness;
  let store: SqliteListStore;

  beforeAll(async () => {
    store = new SqliteListStore(':memory:');
    await store.add('AmbtseedSessies', {
      sessieId: 'S-2026-12-10-1000-E',
      start: '2026-12-10T09:00:00.000Z',
      eind: '2026-12-10T10:00:00.000Z',
      soort: 'ambtseed',
      locatie: 'Statenzaal',
      online: false,
      afnemer: 'de provinciesecretaris',
      capaciteit: 2,
    });
    const inschrijving = (n: number, medewerker: string, status: 'ingeschreven' | 'wachtlijst') => ({
      inschrijvingId: `S-2026-12-10-1000-E#0000${n}`,
      sessieId: 'S-2026-12-10-1000-E',
      medewerker,
      dienstverband: 'arbeidsovereenkomst' as const,
      indienstOp: '2026-11-02',
      status,
      vorm: 'eed' as const,
    });
    await store.addMany('AmbtseedInschrijvingen', [
      inschrijving(1, NL_GEBOEKT, 'ingeschreven'),
      inschrijving(2, EN_GEBOEKT, 'ingeschreven'),
      inschrijving(3, NL_WACHT, 'wachtlijst'),
    ]);
    bot = await startBotHarness(config, { store, clock: () => NU });
    // Each employee has written to the bot once, so Teams can reach them and their language is known.
    await bot.send(message('hallo', { from: { id: '29:b1', aadObjectId: NL_GEBOEKT }, conversationId: 'a:conv-b1' }));
    await bot.send(message('hallo', { from: { id: '29:b2', aadObjectId: NL_WACHT }, conversationId: 'a:conv-b2' }));
    await bot.send(message('hello', { from: { id: '29:b3', aadObjectId: EN_GEBOEKT }, conversationId: 'a:conv-b3', locale: 'en-US' }));
  });
  afterAll(async () => {
    await bot.close();
    await store.close();
  });

  const laatsteAan = (conv: string): string => {
    const r = bot.replies.filter((x: CapturedReply) => x.conversationId === conv).at(-1);
    return r ? JSON.stringify(r.activity) : '';
  };

  it('HR (Engels) geeft een plaats meer en verplaatst: de Nederlandse collega die doorschuift krijgt Nederlands', async () => {
    const r = await bot.send(
      submit(
        {
          action: 'ambtseed.sessieOpslaan',
          sessieId: 'S-2026-12-10-1000-E',
          soort: 'ambtseed',
          datum: '2026-12-10',
          begin: '10:00',
          eind: '11:00',
          locatie: 'Zaal 2',
          online: 'false',
          afnemer: 'de provinciesecretaris',
          capaciteit: '3',
        },
        alsHrEn,
      ),
    );
    expect(replyText(r.replies)).toContain('Session changed');
    expect(laatsteAan('a:conv-b2')).toContain('Goed nieuws: er kwam een plaats vrij. Je bent nu ingeschreven voor Ambtseed of -belofte');
    expect(laatsteAan('a:conv-b2')).toContain('Zaal 2');
    expect(laatsteAan('a:conv-b2')).not.toContain('Good news');
    expect(laatsteAan('a:conv-b1')).toContain('De bijeenkomst Ambtseed of -belofte waarvoor je bent ingeschreven is gewijzigd');
    expect(laatsteAan('a:conv-b1')).toContain('do 10 dec 2026, 10:00, Zaal 2');
    expect(laatsteAan('a:conv-b3')).toContain('The session');
    expect(laatsteAan('a:conv-b3')).toContain('has changed');
  });

  it('HR (Engels) annuleert de bijeenkomst: ieder hoort het in de eigen taal', async () => {
    const r = await bot.send(submit({ action: 'ambtseed.sessieAnnuleer', sessieId: 'S-2026-12-10-1000-E', bevestigd: 'ja' }, alsHrEn));
    expect(replyText(r.replies)).toContain('Session cancelled');
    expect(laatsteAan('a:conv-b1')).toMatch(/geannuleerd/);
    expect(laatsteAan('a:conv-b2')).toMatch(/geannuleerd/);
    expect(laatsteAan('a:conv-b2')).not.toMatch(/cancelled/i);
    expect(laatsteAan('a:conv-b3')).toMatch(/cancelled/);
  });
});
