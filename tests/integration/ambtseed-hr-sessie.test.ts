import { loadOrgConfig } from '@shared/config';
import { SqliteListStore } from '@shared/store';
import { kaartFouten } from '../support/adaptive-kaart';
import { replyCards, replyText, startBotHarness, submit, type BotHarness } from '../support/activities';

/**
 * HR's session card over /api/messages (nl-NL, one en-US): a slot that exists is never "opgeslagen" while values
 * are dropped; wall times around the summer-time switches are asked or refused; 31 February is an invalid date.
 * Expected instants are worked out by hand: Amsterdam is UTC+2 until 25 October 2026 01:00 UTC and UTC+1 after.
 */
describe('ambtseed: HR slaat bijeenkomsten op', () => {
  const config = loadOrgConfig('demo');
  const HR = { id: '29:hr-user', name: 'HR', aadObjectId: config.rollen.hr.gebruikers[0] };
  const als = { from: HR, conversationId: 'a:conv-hr' };
  let bot: BotHarness;
  let store: SqliteListStore;
  const formulier = (velden: Record<string, unknown>) => ({
    action: 'ambtseed.sessieOpslaan',
    sessieId: '',
    soort: 'ambtseed',
    locatie: 'Statenzaal',
    online: 'false',
    afnemer: 'de provinciesecretaris',
    capaciteit: '20',
    ...velden,
  });

  beforeAll(async () => {
    store = new SqliteListStore(':memory:');
    await store.add('AmbtseedSessies', {
      sessieId: 'S-2026-12-03-1000-E',
      start: '2026-12-03T09:00:00.000Z',
      eind: '2026-12-03T10:00:00.000Z',
      soort: 'ambtseed',
      locatie: 'Statenzaal',
      online: false,
      afnemer: 'de provinciesecretaris',
      capaciteit: 20,
    });
    bot = await startBotHarness(config, { store, clock: () => new Date('2026-10-01T08:00:00Z') });
  });
  afterAll(async () => {
    await bot.close();
    await store.close();
  });

  it('een nieuwe bijeenkomst op een bestaand tijdstip wordt geweigerd en noemt de bestaande; niets verandert', async () => {
    const r = await bot.send(
      submit(formulier({ datum: '2026-12-03', begin: '10:00', eind: '11:00', locatie: 'Zaal 2', capaciteit: '25' }), als),
    );
    const tekst = replyText(r.replies);
    expect(tekst).toContain('Er is al een bijeenkomst Ambtseed of -belofte op do 3 dec 2026, 10:00 (Statenzaal, 20 plaatsen)');
    expect(tekst).toContain('niets opgeslagen');
    expect(tekst).not.toContain('Bijeenkomst opgeslagen');
    expect(await store.get('AmbtseedSessies', 'S-2026-12-03-1000-E')).toMatchObject({ capaciteit: 20, locatie: 'Statenzaal' });
  });

  it('wijzigen zegt wat er veranderde (en dat niets veranderde als alles gelijk is)', async () => {
    const r = await bot.send(
      submit(
        formulier({
          sessieId: 'S-2026-12-03-1000-E',
          datum: '2026-12-03',
          begin: '10:00',
          eind: '11:00',
          locatie: 'Zaal 2',
          capaciteit: '25',
        }),
        als,
      ),
    );
    const tekst = replyText(r.replies);
    expect(tekst).toContain('Bijeenkomst gewijzigd');
    expect(tekst).toContain('Locatie: Statenzaal → Zaal 2');
    expect(tekst).toContain('Aantal plaatsen: 20 → 25');
    expect(tekst).not.toContain('Begintijd (Nederlandse tijd):');
    expect(await store.get('AmbtseedSessies', 'S-2026-12-03-1000-E')).toMatchObject({ capaciteit: 25, locatie: 'Zaal 2' });
    const zelfde = await bot.send(
      submit(
        formulier({
          sessieId: 'S-2026-12-03-1000-E',
          datum: '2026-12-03',
          begin: '10:00',
          eind: '11:00',
          locatie: 'Zaal 2',
          capaciteit: '25',
        }),
        als,
      ),
    );
    expect(replyText(zelfde.replies)).toContain('Er is niets veranderd aan Ambtseed of -belofte op do 3 dec 2026, 10:00');
  });

  it('een tijd die twee keer voorkomt (25 oktober 2026, 02:30) laat de kaart vragen welke; daarna wordt de gekozen opgeslagen', async () => {
    const vraag = await bot.send(submit(formulier({ datum: '2026-10-25', begin: '02:30', eind: '03:30' }), als));
    expect(await store.get('AmbtseedSessies', 'S-2026-10-25-0230-E')).toBeUndefined();
    const kaart = replyCards(vraag.replies)[0];
    expect(kaartFouten(kaart)).toEqual([]);
    const tekst = JSON.stringify(kaart);
    expect(tekst).toContain('zomertijd eindigt');
    expect(tekst).toContain('"id":"beginKeuze"');
    expect(tekst).toContain('02:30 zomertijd (de eerste keer, +02:00)');
    expect(tekst).toContain('02:30 wintertijd (de tweede keer, +01:00)');
    expect(tekst).not.toContain('"id":"eindKeuze"'); // 03:30 happens once
    expect(tekst).toContain('"value":"2026-10-25"'); // the form keeps what HR typed
    // 25 October 2026 is a Sunday: HR has confirmed the weekend date on the returned form (weekend: 'ja').
    const winter = await bot.send(
      submit(formulier({ datum: '2026-10-25', begin: '02:30', eind: '03:30', beginKeuze: 'wintertijd', weekend: 'ja' }), als),
    );
    expect(replyText(winter.replies)).toContain('Bijeenkomst opgeslagen');
    // 02:30 CET = 01:30Z; 03:30 CET = 02:30Z.
    expect(await store.get('AmbtseedSessies', 'S-2026-10-25-0230-E')).toMatchObject({
      start: '2026-10-25T01:30:00.000Z',
      eind: '2026-10-25T02:30:00.000Z',
    });
  });

  it('een tijd die niet bestaat (28 maart 2027, 02:30) wordt geweigerd met de wissel erbij', async () => {
    const r = await bot.send(submit(formulier({ datum: '2027-03-28', begin: '02:30', eind: '03:30' }), als));
    const tekst = replyText(r.replies);
    expect(tekst).toContain('2027-03-28 02:30 bestaat niet in Nederland');
    expect(tekst).toContain('zondag 28 maart 2027 begint de zomertijd');
    expect(tekst).toContain('niets opgeslagen');
    expect(await store.get('AmbtseedSessies', 'S-2027-03-28-0230-E')).toBeUndefined();
  });

  it('31 februari is een ongeldige datum, geen zomertijdmelding', async () => {
    const r = await bot.send(submit(formulier({ datum: '2027-02-31', begin: '10:00', eind: '11:00' }), als));
    const tekst = replyText(r.replies);
    expect(tekst).toContain('Ongeldige datum');
    expect(tekst).toContain('februari 2027 heeft 28 dagen');
    expect(tekst).not.toMatch(/zomertijd|wintertijd/);
    expect(await store.get('AmbtseedSessies', 'S-2027-02-31-1000-E')).toBeUndefined();
  });

  it('een aantal plaatsen dat geen getal is: een leesbare fout (geen "NaN"), niets opgeslagen', async () => {
    const r = await bot.send(submit(formulier({ datum: '2027-01-12', begin: '10:00', eind: '11:00', capaciteit: 'twaalf' }), als));
    const tekst = replyText(r.replies);
    expect(tekst).toContain('capaciteit: verwacht een geheel getal');
    expect(tekst).not.toMatch(/NaN/);
    expect(tekst).toContain('niets opgeslagen');
    expect(await store.get('AmbtseedSessies', 'S-2027-01-12-1000-E')).toBeUndefined();
  });

  it('en-US: the ambiguous time is asked in English', async () => {
    const r = await bot.send(submit(formulier({ datum: '2026-10-25', begin: '02:15', eind: '02:45' }), { ...als, locale: 'en-US' }));
    const tekst = JSON.stringify(replyCards(r.replies)[0]);
    expect(tekst).toContain('summer time ends');
    expect(tekst).toContain('Start time 02:15 happens twice');
    expect(tekst).toContain('End time 02:45 happens twice');
    expect(tekst).toContain('02:15 winter time (the second, +01:00)');
  });
});
