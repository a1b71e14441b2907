import { loadOrgConfig } from '@shared/config';
import { SqliteListStore } from '@shared/store';
import { kaartFouten } from '../support/adaptive-kaart';
import { message, replyCards, replyText, startBotHarness, submit, submitActions, USER, type BotHarness } from '../support/activities';

/**
 * Careful actions over /api/messages (nl-NL, one en-US): no default between eed and belofte, a question before a
 * booking or a session is cancelled, and a submitted card replaced by its read-only summary (updateActivity on the
 * card's message id, which Teams sends as `replyToId`).
 */
describe('ambtseed: voorzichtige acties', () => {
  const config = loadOrgConfig('demo');
  const HR = { id: '29:hr-user', name: 'HR', aadObjectId: config.rollen.hr.gebruikers[0] };
  const alsHr = { from: HR, conversationId: 'a:conv-hr' };
  let bot: BotHarness;
  let store: SqliteListStore;
  const alleenLezen = (card: object) => {
    const json = JSON.stringify(card);
    expect(json).not.toContain('"Input.');
    expect(json).not.toContain('Action.Submit');
    expect(kaartFouten(card)).toEqual([]);
  };

  const NU = new Date('2026-11-20T09:00:00Z');
  afterAll(async () => {
    await bot.close();
    await store.close();
  });
  beforeAll(async () => {
    store = new SqliteListStore(':memory:');
    // Two sessions of 5 places in the Statenzaal, on Thursday 3 and 10 December 2026 at 10:00 (CET).
    await store.addMany(
      'AmbtseedSessies',
      ['03', '10'].map((dag, n) => ({
        sessieId: `S-${n + 1}`,
        start: `2026-12-${dag}T09:00:00.000Z`,
        eind: `2026-12-${dag}T10:00:00.000Z`,
        soort: 'ambtseed' as const,
        locatie: 'Statenzaal',
        online: false,
        afnemer: 'de provinciesecretaris',
        capaciteit: 5,
      })),
    );
    await store.addMany('NieuweMedewerkers', [
      { medewerkerId: USER.aadObjectId, dienstverband: 'arbeidsovereenkomst', indienstOp: '2026-11-16' },
    ]);
    bot = await startBotHarness(config, { clock: () => NU, store });
  });

  it('eed of belofte heeft geen standaard: de kaart kiest niets voor, zonder keuze wordt er niets geboekt', async () => {
    const plan = replyCards((await bot.send(message('plan mijn ambtseed'))).replies)[0];
    const vorm = JSON.stringify(plan).match(/\{[^{}]*"id":"vorm"[^{}]*/)![0];
    expect(vorm).toContain('"isRequired":true');
    expect(vorm).not.toMatch(/"value":"(eed|belofte)"/);
    const r = await bot.send(submit({ action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-1', vorm: '' }));
    expect(replyText(r.replies)).toContain('Kies eerst of je de eed of de belofte aflegt');
    expect(await store.get('AmbtseedInschrijvingen', 'S-1#00001')).toBeUndefined();
  });

  it('na inschrijven wordt de plankaart vervangen door de keuze, zonder knoppen', async () => {
    const r = await bot.send(
      submit({ action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-1', vorm: 'belofte' }, { replyToId: 'plan-1' }),
    );
    expect(replyText(r.replies)).toContain('Je bent ingeschreven');
    const update = bot.updates.find((u) => u.activityId === 'plan-1')!;
    const kaart = update.activity.attachments![0].content;
    expect(JSON.stringify(kaart)).toContain('Je keuze is verstuurd');
    expect(JSON.stringify(kaart)).toContain('do 3 dec 2026, 10:00');
    expect(JSON.stringify(kaart)).toContain('Belofte');
    alleenLezen(kaart);
  });

  it('annuleren vraagt eerst; "nee" laat alles staan, "ja" annuleert en vervangt de vraag door de samenvatting', async () => {
    const vraag = await bot.send(submit({ action: 'ambtseed.annuleer', inschrijvingId: 'S-1#00001' }, { replyToId: 'plan-2' }));
    const kaart = replyCards(vraag.replies)[0];
    expect(kaartFouten(kaart)).toEqual([]);
    expect(JSON.stringify(kaart)).toContain('Wil je je inschrijving voor Ambtseed of -belofte op do 3 dec 2026, 10:00 annuleren?');
    expect((await store.get('AmbtseedInschrijvingen', 'S-1#00001'))?.status).toBe('ingeschreven');
    const knoppen = submitActions(kaart);
    expect(knoppen.map((k) => k.title)).toEqual(['Ja, annuleer mijn inschrijving', 'Nee, ik blijf ingeschreven']);

    const nee = await bot.send(submit(knoppen[1].data, { replyToId: 'vraag-1' }));
    expect(replyText(nee.replies)).toContain('je inschrijving blijft staan');
    alleenLezen(bot.updates.find((u) => u.activityId === 'vraag-1')!.activity.attachments![0].content);
    expect((await store.get('AmbtseedInschrijvingen', 'S-1#00001'))?.status).toBe('ingeschreven');

    const ja = await bot.send(submit(knoppen[0].data, { replyToId: 'vraag-2' }));
    expect(replyText(ja.replies)).toContain('is geannuleerd');
    const samenvatting = bot.updates.find((u) => u.activityId === 'vraag-2')!.activity.attachments![0].content;
    expect(JSON.stringify(samenvatting)).toContain('Inschrijving geannuleerd');
    alleenLezen(samenvatting);
    expect((await store.get('AmbtseedInschrijvingen', 'S-1#00001'))?.status).toBe('geannuleerd');
  });

  it('HR annuleert een bijeenkomst pas na een vraag die zegt wie bericht krijgt (geen vinkje op de beheerkaart)', async () => {
    await bot.send(submit({ action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-2', vorm: 'eed' }));
    const beheer = replyCards((await bot.send(message('ambtseed beheer', alsHr))).replies)[0];
    expect(JSON.stringify(beheer)).not.toContain('Input.Toggle');
    const knop = submitActions(beheer).find((a) => a.data.action === 'ambtseed.sessieAnnuleer')!;
    expect(knop.title).toBe('Bijeenkomst annuleren…');
    const vraag = await bot.send(submit({ ...knop.data, sessieId: 'S-2' }, alsHr));
    const kaart = replyCards(vraag.replies)[0];
    expect(JSON.stringify(kaart)).toContain('1 ingeschreven persoon krijgt bericht');
    expect(JSON.stringify(kaart)).toContain('niemand staat op de wachtlijst');
    expect((await store.get('AmbtseedSessies', 'S-2'))?.capaciteit).toBe(5);
    const ja = submitActions(kaart)[0];
    expect(ja.data).toEqual({ action: 'ambtseed.sessieAnnuleer', sessieId: 'S-2', bevestigd: 'ja' });
    const r = await bot.send(submit(ja.data, { ...alsHr, replyToId: 'vraag-hr' }));
    expect(replyText(r.replies)).toContain('Bijeenkomst geannuleerd');
    alleenLezen(bot.updates.find((u) => u.activityId === 'vraag-hr')!.activity.attachments![0].content);
    expect((await store.get('AmbtseedSessies', 'S-2'))?.capaciteit).toBe(0);
  });

  it('een opgeslagen sessieformulier wordt een samenvatting van wat is opgeslagen', async () => {
    await bot.send(
      submit(
        {
          action: 'ambtseed.sessieOpslaan',
          sessieId: '',
          soort: 'workshopIntegriteit',
          datum: '2026-12-17',
          begin: '13:00',
          eind: '15:00',
          locatie: 'Zaal 2',
          online: 'false',
          afnemer: 'de integriteitscoördinator',
          capaciteit: '12',
        },
        { ...alsHr, replyToId: 'form-1' },
      ),
    );
    const kaart = bot.updates.find((u) => u.activityId === 'form-1')!.activity.attachments![0].content;
    const json = JSON.stringify(kaart);
    expect(json).toContain('Bijeenkomst opgeslagen');
    expect(json).toContain('do 17 dec 2026, 13:00');
    expect(json).toContain('Zaal 2');
    expect(json).toContain('"value":"12"');
    alleenLezen(kaart);
  });

  it('en-US: the cancel question is in English', async () => {
    await bot.send(submit({ action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-1', vorm: 'eed' }, { locale: 'en-US' }));
    const vraag = await bot.send(submit({ action: 'ambtseed.annuleer', inschrijvingId: 'S-1#00002' }, { locale: 'en-US' }));
    const kaart = replyCards(vraag.replies)[0];
    expect(JSON.stringify(kaart)).toContain(
      'Do you want to cancel your booking for Oath or affirmation of office on Thu 3 Dec 2026, 10:00?',
    );
    expect(submitActions(kaart).map((k) => k.title)).toEqual(['Yes, cancel my booking', 'No, keep my booking']);
  });
});
