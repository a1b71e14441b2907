import request from 'supertest';
import type { SqliteListStore } from '@shared/store';
import { message, replyCards, replyText, submit, type BotHarness, type CapturedReply } from '../support/activities';
import { alsHr, docxXml, startAmbtseedBot } from '../support/ambtseed-demo';

/** HR (the demo's first HR user) working in English. */
const alsHrEn = { ...alsHr, locale: 'en-US' };

/**
 * Proactive ambtseed messages are written in the recipient's language, never in the language of the HR adviser who
 * acted (over /api/messages): HR works in English (en-US); two employees wrote to the bot in Dutch (nl-NL), one in
 * English. Expected texts are the catalogue's sentences for 10 December 2026, 10:00 Amsterdam (09:00 UTC, winter time).
 */
describe('ambtseed: berichten in de taal van wie ze krijgt', () => {
  const NL_GEBOEKT = '00000000-0000-0000-0000-0000000000b1';
  const NL_WACHT = '00000000-0000-0000-0000-0000000000b2';
  const EN_GEBOEKT = '00000000-0000-0000-0000-0000000000b3';
  let bot: BotHarness;
  let sluit: () => Promise<void>;

  beforeAll(async () => {
    ({ bot, sluit } = await startAmbtseedBot(async (st) => {
      await st.add('AmbtseedSessies', {
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
      await st.addMany('AmbtseedInschrijvingen', [
        inschrijving(1, NL_GEBOEKT, 'ingeschreven'),
        inschrijving(2, EN_GEBOEKT, 'ingeschreven'),
        inschrijving(3, NL_WACHT, 'wachtlijst'),
      ]);
    }));
    // Each employee has written to the bot once, so Teams can reach them and their language is known.
    await bot.send(message('hallo', { from: { id: '29:b1', aadObjectId: NL_GEBOEKT }, conversationId: 'a:conv-b1' }));
    await bot.send(message('hallo', { from: { id: '29:b2', aadObjectId: NL_WACHT }, conversationId: 'a:conv-b2' }));
    await bot.send(message('hello', { from: { id: '29:b3', aadObjectId: EN_GEBOEKT }, conversationId: 'a:conv-b3', locale: 'en-US' }));
  });
  afterAll(() => sluit());

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

/**
 * The official (`ambtseed.afnemer`: "de provinciesecretaris" / "the provincial secretary" in config/demo.yaml) is
 * stored in the organisation's language when HR works in English, and the .ics and the oorkonde name it in the
 * document's language, so a Dutch invitation or certificate never says "the provincial secretary" — also for a session
 * stored before, in English.
 */
describe('ambtseed: de afnemer uit de configuratie in de taal van de organisatie en van de lezer', () => {
  const NL = '00000000-0000-0000-0000-0000000000b4';
  let bot: BotHarness;
  let store: SqliteListStore;
  let sluit: () => Promise<void>;

  beforeAll(async () => {
    ({ bot, store, sluit } = await startAmbtseedBot(async (st) => {
      // Saved before the official was kept in the organisation's language: in English.
      await st.add('AmbtseedSessies', {
        sessieId: 'S-2026-11-26-1000-E',
        start: '2026-11-26T09:00:00.000Z',
        eind: '2026-11-26T10:00:00.000Z',
        soort: 'ambtseed',
        locatie: 'Statenzaal',
        online: false,
        afnemer: 'the provincial secretary',
        capaciteit: 10,
      });
      await st.add('AmbtseedInschrijvingen', {
        inschrijvingId: 'S-2026-11-26-1000-E#00001',
        sessieId: 'S-2026-11-26-1000-E',
        medewerker: NL,
        dienstverband: 'arbeidsovereenkomst',
        indienstOp: '2026-10-01',
        status: 'ingeschreven',
        vorm: 'belofte',
      });
    }));
    await bot.send(message('hallo', { from: { id: '29:b4', aadObjectId: NL }, conversationId: 'a:conv-b4' }));
  });
  afterAll(() => sluit());

  /** The .ics text with folded lines joined (RFC 5545 §3.1). */
  const ics = async (sessieId: string, taal: string) =>
    (await request(bot.url).get(`/ambtseed/agenda/${sessieId}.ics`).set('Accept-Language', taal)).text.replace(/\r\n[ \t]/g, '');

  it('HR (Engels) maakt een bijeenkomst met de standaardafnemer: opgeslagen en in de .ics als "de provinciesecretaris"', async () => {
    const form = replyCards((await bot.send(submit({ action: 'ambtseed.sessieFormulier', nieuw: true }, alsHrEn))).replies)[0];
    const veld = JSON.stringify(form).match(/"id":"afnemer"[^}]*"value":"([^"]*)"/)?.[1];
    expect(veld).toBe('the provincial secretary');
    await bot.send(
      submit(
        {
          action: 'ambtseed.sessieOpslaan',
          sessieId: '',
          soort: 'ambtseed',
          datum: '2026-12-17',
          begin: '10:00',
          eind: '11:00',
          locatie: 'Statenzaal',
          online: 'false',
          afnemer: veld,
          capaciteit: '20',
        },
        alsHrEn,
      ),
    );
    expect((await store.get('AmbtseedSessies', 'S-2026-12-17-1000-E'))?.afnemer).toBe('de provinciesecretaris');
    const nl = await ics('S-2026-12-17-1000-E', 'nl-NL');
    expect(nl).toContain('Afnemer: de provinciesecretaris');
    expect(nl).not.toContain('provincial');
    expect(await ics('S-2026-12-17-1000-E', 'en-GB')).toContain('Official: the provincial secretary');
    // A session stored in English before: the Dutch invitation still says "de provinciesecretaris".
    expect(await ics('S-2026-11-26-1000-E', 'nl-NL')).toContain('Afnemer: de provinciesecretaris');
  });

  it('een eigen afnemer blijft zoals HR hem typte', async () => {
    const opgeslagen = await store.add('AmbtseedSessies', {
      sessieId: 'S-2026-12-18-1000-E',
      start: '2026-12-18T09:00:00.000Z',
      eind: '2026-12-18T10:00:00.000Z',
      soort: 'ambtseed',
      locatie: 'Raadzaal',
      online: false,
      afnemer: 'de burgemeester',
      capaciteit: 10,
    });
    expect(opgeslagen.created).toBe(true);
    expect(await ics('S-2026-12-18-1000-E', 'en-GB')).toContain('Official: de burgemeester');
  });

  it('HR (Engels) legt aanwezigheid vast: Nederlands bericht, en de oorkonde noemt "de provinciesecretaris"', async () => {
    await bot.send(
      submit(
        { action: 'ambtseed.aanwezigheidOpslaan', sessieId: 'S-2026-11-26-1000-E', 'a_S-2026-11-26-1000-E#00001': 'afgelegd-belofte' },
        alsHrEn,
      ),
    );
    const bericht = JSON.stringify(bot.replies.filter((x) => x.conversationId === 'a:conv-b4').at(-1)!.activity);
    expect(bericht).toContain('Je hebt de ambtseed of ambtsbelofte afgerond op 26 november 2026');
    const link = /https?:\/\/[^"]*\/ambtseed\/oorkonde\/[^"]+/.exec(bericht)![0];
    expect(new URL(link).searchParams.get('lang')).toBe('nl');
    const url = new URL(link);
    const xml = await docxXml(bot.url, url.pathname + url.search);
    const tekst = xml.replace(/<[^>]+>/g, '');
    expect(tekst).toContain('ten overstaan van de provinciesecretaris');
    expect(tekst).not.toContain('provincial');
  });
});

/**
 * Running text on HR's card reads as people write it (over /api/messages, demo data of 2 December 2026, nl-NL and
 * en-US): the forecast's quarter in words (the quarter after December 2026 is the first of 2027), no ISO dates or
 * weeks, no "(s)" and no "1 plaatsen".
 */
describe('ambtseed: lopende tekst op de HR-kaart', () => {
  let bot: BotHarness;
  let sluit: () => Promise<void>;
  beforeAll(async () => {
    ({ bot, sluit } = await startAmbtseedBot());
  });
  afterAll(() => sluit());

  /** Every text a person reads on a card (TextBlock text, titles, labels), without ids and URLs. */
  const teksten = (n: unknown): string[] => {
    if (Array.isArray(n)) return n.flatMap(teksten);
    if (!n || typeof n !== 'object') return [];
    return Object.entries(n as Record<string, unknown>).flatMap(([k, v]) =>
      typeof v === 'string' ? (['text', 'title', 'label', 'placeholder'].includes(k) ? [v] : []) : teksten(v),
    );
  };

  it.each([
    ['nl-NL', 'Capaciteit in het eerste kwartaal van 2027', 'week 49 van 2026'],
    ['en-US', 'Capacity in the first quarter of 2027', 'week 49 of 2026'],
  ])('%s', async (locale, kwartaal, week) => {
    const kaart = replyCards((await bot.send(message('ambtseed beheer', { ...alsHr, locale }))).replies)[0];
    const alles = teksten(kaart).join('\n');
    expect(alles).toContain(kwartaal);
    expect(alles).toContain(week);
    expect(alles).not.toMatch(/\d{4}-Q\d|\d{4}-W\d|\d{4}-\d{2}-\d{2}|\(s\)|\(en\)|\b1 (plaatsen|places|bijeenkomsten|sessions)\b/);
  });
});
