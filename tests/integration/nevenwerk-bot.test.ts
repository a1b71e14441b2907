/**
 * The register of nevenwerkzaamheden and financiële belangen through the real bot host (HTTP → CloudAdapter →
 * dispatcher → feature → fake connector, locale nl-NL): an employee reports and sees only their own registrations,
 * financial interests only in designated functions, the PII guard on the organisation, the manager assesses only
 * their own team, HR sees counts; and the yearly refresh round with a fake clock, answered over /api/messages.
 */
import { loadOrgConfig } from '@shared/config';
import { buildJaarverslag, leesJaarverslagBronnen } from '@shared/report';
import { vasteNaamBron } from '@shared/graph/gebruikers';
import { SqliteListStore } from '@shared/store';
import { runNevenwerkHerbevestiging } from '../../bot/src/features/nevenwerk';
import { nepZender } from '../support/proactive-fake';
import { message, replyCards, replyText, startBotHarness, submit, submitActions, USER, type BotHarness } from '../support/activities';

const config = loadOrgConfig('demo');
const MGR = config.rollen.manager.gebruikers[0];
const MGR2 = config.rollen.manager.gebruikers[1];
const HR = config.rollen.hr.gebruikers[0];
const EMP = USER.aadObjectId; // beleidsmedewerker, manager MGR
const EMP2 = '00000000-0000-0000-0000-0000000000e2'; // inkoper (financial interests designated), manager MGR2
const van = (aadObjectId: string, naam: string) => ({
  from: { id: `29:${naam}`, name: naam, aadObjectId },
  conversationId: `a:conv-${naam}`,
});

describe('nevenwerkzaamheden via de bot-host', () => {
  let bot: BotHarness;
  let store: SqliteListStore;

  beforeAll(async () => {
    store = new SqliteListStore(':memory:');
    await store.addMany('Functiebezetting', [
      { medewerker: EMP, functie: 'beleidsmedewerker', leidinggevende: MGR },
      { medewerker: EMP2, functie: 'inkoper', leidinggevende: MGR2 },
    ]);
    const klok = () => new Date('2026-11-20T09:00:00Z');
    bot = await startBotHarness(config, { store, clock: klok });
  });
  afterAll(() => bot.close().then(() => store.close()));

  it('an employee reports a nevenwerkzaamheid by card; financial interests only in a designated function', async () => {
    const menu = await bot.send(message('nevenwerk'));
    expect(menu.status).toBe(200);
    const knoppen = submitActions(replyCards(menu.replies)[0]);
    expect(knoppen.map((k) => k.title)).toEqual(['Nevenwerkzaamheid melden', 'Mijn registraties']); // beleidsmedewerker: no interests
    // A forged button for financial interests is refused, nothing is saved.
    const belang = await bot.send(submit({ action: 'nevenwerk.formulier', register: 'financieelBelang' }));
    expect(replyText(belang.replies)).toContain('Financiële belangen meld je alleen in functies die de organisatie daarvoor aanwijst');

    const form = await bot.send(submit(knoppen[0].data));
    const kaart = replyCards(form.replies)[0];
    expect(JSON.stringify(kaart)).toContain('Toezichthouder (raad van toezicht, commissaris)');
    const opslaan = submitActions(kaart).find((a) => a.data.action === 'nevenwerk.opslaan')!;
    // Teams sends the button's data plus the inputs: toggles as "true"/"false", the number as text.
    const r = await bot.send(
      submit({
        ...opslaan.data,
        soort: 'bestuurslid',
        organisatie: 'Stichting Buurthuis',
        betaald: 'true',
        urenPerMaand: '4',
        mogelijkConflict: 'false',
      }),
    );
    expect(replyText(r.replies)).toContain('Je melding is geregistreerd als NW-2026-0001');
    expect(await store.get('Nevenwerkzaamheden', 'NW-2026-0001')).toEqual({
      registratieId: 'NW-2026-0001',
      medewerker: EMP,
      functie: 'beleidsmedewerker',
      register: 'nevenwerkzaamheid',
      soortNevenwerk: 'bestuurslid',
      soortBelang: null,
      organisatie: 'Stichting Buurthuis',
      betaald: true,
      urenPerMaand: 4,
      mogelijkConflict: false,
      gemeldOp: '2026-11-20',
      status: 'gemeld',
      beoordeling: null,
      voorwaarden: [],
      beoordeeldOp: null,
      beeindigdOp: null,
      publicatieActiviteit: null,
    });
  });

  it('the PII guard refuses an e-mail address or phone number in the organisation; a kind of the other register is refused', async () => {
    const voor = (await store.query('Nevenwerkzaamheden', {})).items.length;
    const mail = await bot.send(
      submit({
        action: 'nevenwerk.opslaan',
        register: 'nevenwerkzaamheid',
        soort: 'adviseur',
        organisatie: 'mail piet@voorbeeld.nl',
        mogelijkConflict: 'false',
      }),
    );
    expect(replyText(mail.replies)).toContain('Organisatie: Dit veld mag geen e-mailadres bevatten');
    expect(replyText(mail.replies)).toContain('Er is niets opgeslagen');
    const tel = await bot.send(
      submit({
        action: 'nevenwerk.opslaan',
        register: 'nevenwerkzaamheid',
        soort: 'adviseur',
        organisatie: 'bel 06 1234 5678',
        mogelijkConflict: 'false',
      }),
    );
    expect(replyText(tel.replies)).toContain('Organisatie: Dit veld mag geen telefoonnummer bevatten');
    const soort = await bot.send(submit({ action: 'nevenwerk.opslaan', register: 'nevenwerkzaamheid', soort: 'aandelen' }));
    expect(replyText(soort.replies)).toContain('Soort: verwacht een van: bestuurslid');
    const uren = await bot.send(
      submit({ action: 'nevenwerk.opslaan', register: 'nevenwerkzaamheid', soort: 'docent', urenPerMaand: '2,5' }),
    );
    expect(replyText(uren.replies)).toContain('Uren per maand: verwacht een geheel aantal uren');
    expect((await store.query('Nevenwerkzaamheden', {})).items).toHaveLength(voor);
  });

  it('a designated function reports a financial interest; someone HR has not placed cannot register', async () => {
    const menu = await bot.send(message('nevenwerk', van(EMP2, 'inkoper')));
    expect(submitActions(replyCards(menu.replies)[0]).map((k) => k.title)).toContain('Financieel belang melden');
    const r = await bot.send(
      submit(
        {
          action: 'nevenwerk.opslaan',
          register: 'financieelBelang',
          soort: 'aandelen',
          organisatie: 'Bouwbedrijf BV',
          mogelijkConflict: 'true',
        },
        van(EMP2, 'inkoper'),
      ),
    );
    expect(replyText(r.replies)).toContain('NW-2026-0002');
    expect(await store.get('Nevenwerkzaamheden', 'NW-2026-0002')).toMatchObject({
      register: 'financieelBelang',
      soortBelang: 'aandelen',
      betaald: null,
    });
    const onbekend = await bot.send(
      submit(
        { action: 'nevenwerk.opslaan', register: 'nevenwerkzaamheid', soort: 'docent' },
        van('00000000-0000-0000-0000-0000000000e9', 'nieuw'),
      ),
    );
    expect(replyText(onbekend.replies)).toContain('HR heeft nog niet vastgelegd welke functie je hebt');
  });

  it('an employee sees and ends only their own registrations', async () => {
    const mijn = replyText((await bot.send(message('mijn nevenwerk'))).replies);
    expect(mijn).toContain('NW-2026-0001 · Bestuurslid · Stichting Buurthuis · betaald · 4 uur per maand · nog niet beoordeeld');
    expect(mijn).not.toContain('NW-2026-0002');
    const vreemd = await bot.send(submit({ action: 'nevenwerk.beeindig', registratieId: 'NW-2026-0002' }));
    expect(replyText(vreemd.replies)).toContain('Registratie NW-2026-0002 vind ik niet bij jouw registraties');
    expect((await store.get('Nevenwerkzaamheden', 'NW-2026-0002'))?.status).toBe('gemeld');
  });

  it('a manager assesses their own team only, with conditions as codes', async () => {
    // An employee without the manager role is refused by the kit.
    expect(replyText((await bot.send(message('nevenwerk beoordelen'))).replies)).toContain('Niet toegestaan');
    const team = await bot.send(message('nevenwerk beoordelen', van(MGR, 'manager')));
    const tekst = replyText(team.replies);
    expect(tekst).toContain('1 registratie wacht op je beoordeling');
    expect(tekst).toContain('NW-2026-0001');
    expect(tekst).not.toContain('NW-2026-0002'); // MGR2's team
    const knop = submitActions(replyCards(team.replies)[0]).find((a) => a.data.action === 'nevenwerk.beoordeel')!;

    const ander = await bot.send(submit({ ...knop.data, registratieId: 'NW-2026-0002', beoordeling: 'toegestaan' }, van(MGR, 'manager')));
    expect(replyText(ander.replies)).toContain('hoort niet bij je eigen team');
    expect((await store.get('Nevenwerkzaamheden', 'NW-2026-0002'))?.beoordeling).toBeNull();

    const zonder = await bot.send(submit({ ...knop.data, beoordeling: 'toegestaanMetVoorwaarden', voorwaarden: '' }, van(MGR, 'manager')));
    // The field by its label on the card, not its id.
    expect(replyText(zonder.replies)).toContain('Voorwaarden: kies minstens één voorwaarde');
    expect(replyText(zonder.replies)).not.toContain('voorwaarden:');
    const ok = await bot.send(
      submit(
        { ...knop.data, beoordeling: 'toegestaanMetVoorwaarden', voorwaarden: 'buitenWerktijd,geenDienstmiddelen' },
        van(MGR, 'manager'),
      ),
    );
    expect(replyText(ok.replies)).toContain('Beoordeling van NW-2026-0001 opgeslagen');
    expect(await store.get('Nevenwerkzaamheden', 'NW-2026-0001')).toMatchObject({
      status: 'beoordeeld',
      beoordeling: 'toegestaanMetVoorwaarden',
      voorwaarden: ['buitenWerktijd', 'geenDienstmiddelen'],
      beoordeeldOp: '2026-11-20',
    });
    expect(replyText((await bot.send(message('nevenwerk beoordelen', van(MGR, 'manager')))).replies)).toContain(
      'Er wachten geen registraties uit je team',
    );
  });

  it('HR sees counts only; others are refused', async () => {
    expect(replyText((await bot.send(message('nevenwerk overzicht'))).replies)).toContain('alleen voor HR');
    const o = replyText((await bot.send(message('nevenwerk overzicht', van(HR, 'hr')))).replies);
    expect(o).toContain('Register nevenwerkzaamheden, stand per 20 november 2026');
    expect(o).toContain('Nevenwerkzaamheden lopend op 20 november 2026: 1');
    expect(o).toContain('Financiële belangen lopend op 20 november 2026: 1');
    // Not a terminal command: HR is told who makes the publication.
    expect(o).toContain('De publicatie voor topfuncties (HTML en CSV) maakt de functioneel beheerder');
    expect(o).not.toContain('npm run');
    expect(o).toContain('Toegestaan met voorwaarden: 1');
    expect(o).toContain('Nog niet beoordeeld: 1');
    expect(o).not.toMatch(/NW-2026|Buurthuis|Bouwbedrijf/);
  });
});

describe('de leidinggevende hoort van een nieuwe registratie, in de eigen taal', () => {
  it("the manager gets one card in their own chat and language, with the registration id only; the refresh round writes in the holder's language", async () => {
    const store = new SqliteListStore(':memory:');
    await store.addMany('Functiebezetting', [
      { medewerker: EMP, functie: 'beleidsmedewerker', leidinggevende: MGR },
      { medewerker: EMP2, functie: 'inkoper', leidinggevende: MGR2 },
    ]);
    const bot = await startBotHarness(config, { store, clock: () => new Date('2026-11-20T09:00:00Z') });
    const melding = { action: 'nevenwerk.opslaan', register: 'nevenwerkzaamheid', soort: 'adviseur', organisatie: 'Stichting Dorpshuis' };
    try {
      // Both managers have a personal chat with the bot: MGR in Dutch, MGR2 in English.
      await bot.send(message('hallo', van(MGR, 'manager')));
      await bot.send(message('hello', { ...van(MGR2, 'manager2'), locale: 'en-US' }));
      const voor = bot.replies.length;
      const r = await bot.send(submit({ ...melding, betaald: 'false', mogelijkConflict: 'true' }));
      expect(replyText(r.replies)).toContain('Je melding is geregistreerd als NW-2026-0001');
      const naarManager = bot.replies.slice(voor).filter((x) => x.conversationId === 'a:conv-manager');
      expect(naarManager).toHaveLength(1);
      const kaart = JSON.stringify(replyCards(naarManager)[0]);
      expect(kaart).toContain('Iemand uit je team heeft een registratie gemeld (NW-2026-0001)');
      // Nothing about the person or the activity in the notification.
      expect(kaart).not.toMatch(/Dorpshuis|Adviseur|test-user|Test Gebruiker/i);
      const knop = submitActions(replyCards(naarManager)[0]).find((a) => a.data.action === 'nevenwerk.team')!;
      expect(replyText((await bot.send(submit(knop.data, van(MGR, 'manager')))).replies)).toContain(
        '1 registratie wacht op je beoordeling',
      );

      // EMP2 reports from an English Teams client; the English-speaking manager is told in English.
      const voor2 = bot.replies.length;
      await bot.send(submit({ ...melding, betaald: 'true', mogelijkConflict: 'false' }, { ...van(EMP2, 'inkoper'), locale: 'en-US' }));
      const naarManager2 = bot.replies.slice(voor2).filter((x) => x.conversationId === 'a:conv-manager2');
      expect(JSON.stringify(replyCards(naarManager2)[0])).toContain('Someone in your team reported a registration (NW-2026-0002)');

      // The refresh round of 2027 through the host's own sender: each holder in the language of their last message.
      const voor3 = bot.replies.length;
      const rapport = await runNevenwerkHerbevestiging({
        store,
        config,
        sender: bot.host.proactive,
        now: new Date('2027-01-15T09:00:00Z'),
      });
      expect(rapport).toEqual({ gevraagd: 2, verzoeken: { verzonden: 2 }, herinneringen: {} });
      const kaarten = bot.replies.slice(voor3).map((x) => [x.conversationId, JSON.stringify(replyCards([x]))] as const);
      expect(kaarten).toHaveLength(2);
      const nl = kaarten.find(([, k]) => k.includes('NW-2026-0001'))![1];
      const en = kaarten.find(([, k]) => k.includes('NW-2026-0002'))![1];
      expect(nl).toContain('Jaarlijkse actualisering 2027');
      expect(nl).toContain('Klopt nog');
      expect(en).toContain('Yearly update 2027');
      expect(en).toContain('Still correct');
    } finally {
      await bot.close();
      await store.close();
    }
  });
});

describe('jaarlijkse actualisering met een nep-klok', () => {
  it('asks everyone with a registration in force once from 15 January, reminds after 21 days, and counts the response', async () => {
    const store = new SqliteListStore(':memory:');
    const basis = {
      functie: 'beleidsmedewerker',
      register: 'nevenwerkzaamheid' as const,
      mogelijkConflict: false,
      soortNevenwerk: 'docent' as const,
    };
    await store.addMany('Nevenwerkzaamheden', [
      { ...basis, registratieId: 'NW-2026-0001', medewerker: EMP, gemeldOp: '2026-03-01', status: 'beoordeeld', beoordeling: 'toegestaan' },
      { ...basis, registratieId: 'NW-2026-0002', medewerker: EMP2, gemeldOp: '2026-05-01', status: 'gemeld' },
      // ended before the round: not asked
      { ...basis, registratieId: 'NW-2026-0003', medewerker: EMP2, gemeldOp: '2026-02-01', status: 'beeindigd', beeindigdOp: '2026-12-01' },
      // reported after the round started: not asked this year
      { ...basis, registratieId: 'NW-2027-0001', medewerker: EMP, gemeldOp: '2027-01-16', status: 'gemeld' },
    ]);
    let nu = new Date('2027-01-10T07:30:00Z');
    const bot = await startBotHarness(config, { store, clock: () => nu });
    const { sender, sent, zetDag } = nepZender();
    try {
      for (let d = Date.parse('2027-01-10T07:30:00Z'); d <= Date.parse('2027-02-20T07:30:00Z'); d += 86400_000) {
        nu = new Date(d);
        zetDag(nu.toISOString().slice(0, 10));
        await runNevenwerkHerbevestiging({ store, config, sender, now: nu });
        await runNevenwerkHerbevestiging({ store, config, sender, now: nu }); // a second run the same day sends nothing new
        if (nu.toISOString().slice(0, 10) === '2027-01-20') {
          // EMP confirms through the card's button on 20 January.
          const kaart = (sent.get('nevenwerk:herbevestiging:2027:NW-2026-0001')!.replies[0] as { card: Record<string, unknown> }).card;
          const bevestig = submitActions(kaart).find((a) => a.title === 'Klopt nog')!;
          const r = await bot.send(submit(bevestig.data));
          expect(replyText(r.replies)).toContain('registratie NW-2026-0001 is bevestigd');
          // Someone else cannot answer for EMP2.
          const vreemd = await bot.send(submit({ ...bevestig.data, registratieId: 'NW-2026-0002' }));
          expect(replyText(vreemd.replies)).toContain('vind ik niet bij jouw registraties');
        }
      }
      expect([...sent].map(([k, v]) => [k, v.aan, v.dag])).toEqual([
        ['nevenwerk:herbevestiging:2027:NW-2026-0001', EMP, '2027-01-15'],
        ['nevenwerk:herbevestiging:2027:NW-2026-0002', EMP2, '2027-01-15'],
        ['nevenwerk:herbevestiging:2027:NW-2026-0002:herinnering', EMP2, '2027-02-05'], // 15 January + 21 days
      ]);
      expect(await store.get('NevenwerkHerbevestigingen', '2027|NW-2026-0001')).toEqual({
        ronde: '2027',
        registratieId: 'NW-2026-0001',
        gevraagdOp: '2027-01-15',
        antwoord: 'bevestigd',
        beantwoordOp: '2027-01-20',
      });
      // EMP2 ends the registration from the reminder; the register and the report follow.
      const herinnering = (
        sent.get('nevenwerk:herbevestiging:2027:NW-2026-0002:herinnering')!.replies[0] as { card: Record<string, unknown> }
      ).card;
      const stop = submitActions(herinnering).find((a) => a.title === 'Beëindigen')!;
      const r = await bot.send(submit(stop.data, van(EMP2, 'inkoper')));
      expect(replyText(r.replies)).toContain('Registratie NW-2026-0002 is beëindigd');
      expect(await store.get('Nevenwerkzaamheden', 'NW-2026-0002')).toMatchObject({ status: 'beeindigd', beeindigdOp: '2027-02-20' });
      const again = await bot.send(submit(stop.data, van(EMP2, 'inkoper')));
      expect(replyText(again.replies)).toContain('al beantwoord');

      const verslag = buildJaarverslag(await leesJaarverslagBronnen(store, { jaar: 2027 }), {
        jaar: 2027,
        organisatie: 'Provincie Demoland',
      });
      expect(verslag.nevenwerk.herbevestiging).toEqual({ gevraagd: 2, bevestigd: 1, beeindigd: 1, openstaand: 0 });
      expect(verslag.nevenwerk.beeindigd).toBe(1);
    } finally {
      await bot.close();
      await store.close();
    }
  });
});

describe('beoordelen: wie het is, de datum in woorden, de kaart vervangen, wijzigen alleen na bevestiging', () => {
  let store: SqliteListStore;
  let bot: BotHarness;
  const klok = () => new Date('2026-12-02T09:00:00Z');
  const naarMedewerker = (voor: number) => bot.replies.slice(voor).filter((x) => x.conversationId === 'a:conv-medewerker');
  /** The manager clicks a button of the card the bot sent as `kaartId`. */
  const klik = (data: Record<string, unknown>, kaartId: string) => bot.send(submit(data, { ...van(MGR, 'manager'), replyToId: kaartId }));

  beforeAll(async () => {
    store = new SqliteListStore(':memory:');
    await store.addMany('Functiebezetting', [
      { medewerker: EMP, functie: 'beleidsmedewerker', leidinggevende: MGR },
      { medewerker: EMP2, functie: 'inkoper', leidinggevende: MGR },
    ]);
    const basis = {
      functie: 'beleidsmedewerker',
      register: 'nevenwerkzaamheid' as const,
      mogelijkConflict: true,
      status: 'gemeld' as const,
    };
    await store.addMany('Nevenwerkzaamheden', [
      { ...basis, registratieId: 'NW-2026-0001', medewerker: EMP, soortNevenwerk: 'docent', gemeldOp: '2026-12-02' },
      { ...basis, registratieId: 'NW-2026-0002', medewerker: EMP2, functie: 'inkoper', soortNevenwerk: 'adviseur', gemeldOp: '2026-11-30' },
    ]);
    // Names at run time: only EMP has one in this name source.
    bot = await startBotHarness(config, { store, clock: klok, namen: vasteNaamBron([{ aadObjectId: EMP, naam: 'Lynne Robbins' }]) });
    await bot.send(message('hallo', van(EMP, 'medewerker'))); // EMP has a chat with the bot (proactive messages)
  });
  afterAll(() => bot.close().then(() => store.close()));

  it("the manager's card names the employee (looked up, not stored), else the code, and says the date in words", async () => {
    const team = await bot.send(message('nevenwerk beoordelen', van(MGR, 'manager')));
    const [een, twee] = replyCards(team.replies).map((k) => JSON.stringify(k));
    expect(een).toContain('{"title":"Medewerker","value":"Lynne Robbins"}');
    expect(een).toContain('{"title":"Gemeld op","value":"2 december 2026"}');
    // No name for EMP2: the last group of the object id.
    expect(twee).toContain('{"title":"Medewerker","value":"code 0000000000e2"}');
    expect(twee).toContain('{"title":"Gemeld op","value":"30 november 2026"}');
    expect(JSON.stringify(await store.query('Nevenwerkzaamheden', {}))).not.toContain('Lynne');

    // A host without a name source: codes and the notice why.
    const zonder = await startBotHarness(config, { store, clock: klok });
    try {
      const t = replyText((await zonder.send(message('nevenwerk beoordelen', van(MGR, 'manager')))).replies);
      expect(t).toContain('code 0000000000e1');
      expect(t).toContain('Namen zijn niet beschikbaar');
    } finally {
      await zonder.close();
    }
  });

  it('the submitted card becomes its summary; the same assessment again changes nothing and sends nothing', async () => {
    const voor = bot.replies.length;
    const data = {
      action: 'nevenwerk.beoordeel',
      registratieId: 'NW-2026-0001',
      beoordeling: 'toegestaanMetVoorwaarden',
      voorwaarden: 'buitenWerktijd',
    };
    const r = await klik(data, 'kaart-1');
    expect(replyText(r.replies)).toContain('Beoordeling van NW-2026-0001 opgeslagen');
    const vervangen = bot.updates.filter((u) => u.activityId === 'kaart-1');
    expect(vervangen).toHaveLength(1);
    const samenvatting = JSON.stringify(vervangen[0].activity.attachments![0].content);
    expect(samenvatting).toContain('Beoordeeld: NW-2026-0001');
    expect(samenvatting).toContain('Toegestaan met voorwaarden (Alleen buiten werktijd)');
    expect(samenvatting).not.toMatch(/Input\.|Action\.Submit/);
    expect(naarMedewerker(voor)).toHaveLength(1);
    expect(replyText(naarMedewerker(voor))).toContain('Je registratie is beoordeeld');

    // The old card clicked again (same choice): idempotent.
    const voor2 = bot.replies.length;
    const nogmaals = await klik(data, 'kaart-1');
    expect(replyText(nogmaals.replies)).toContain('was al zo beoordeeld');
    expect(naarMedewerker(voor2)).toHaveLength(0);
    expect(await store.get('Nevenwerkzaamheden', 'NW-2026-0001')).toMatchObject({
      beoordeling: 'toegestaanMetVoorwaarden',
      voorwaarden: ['buitenWerktijd'],
    });
  });

  it('a different assessment on an old card asks first and says what changes; "niet wijzigen" keeps it, "wijzig" tells the employee once', async () => {
    const voor = bot.replies.length;
    const oud = { action: 'nevenwerk.beoordeel', registratieId: 'NW-2026-0001', beoordeling: 'nietToegestaan', voorwaarden: '' };
    const vraag = await klik(oud, 'kaart-1');
    const kaart = replyCards(vraag.replies)[0];
    const tekst = JSON.stringify(kaart);
    expect(tekst).toContain('Beoordeling wijzigen: NW-2026-0001');
    expect(tekst).toContain('al beoordeeld: Toegestaan met voorwaarden (Alleen buiten werktijd)');
    expect(tekst).toContain('wijzigen in: Niet toegestaan?');
    expect(await store.get('Nevenwerkzaamheden', 'NW-2026-0001')).toMatchObject({ beoordeling: 'toegestaanMetVoorwaarden' });
    expect(naarMedewerker(voor)).toHaveLength(0);

    const knoppen = submitActions(kaart);
    expect(knoppen.map((k) => k.title)).toEqual(['Wijzig beoordeling', 'Niet wijzigen']);
    const niet = await klik(knoppen[1].data, 'vraag-1');
    expect(JSON.stringify(bot.updates.filter((u) => u.activityId === 'vraag-1').at(-1)!.activity)).toContain('Niets gewijzigd');
    expect(niet.status).toBe(200);
    expect(await store.get('Nevenwerkzaamheden', 'NW-2026-0001')).toMatchObject({ beoordeling: 'toegestaanMetVoorwaarden' });

    const wijzig = await klik(knoppen[0].data, 'vraag-1');
    expect(replyText(wijzig.replies)).toContain(
      'Beoordeling van NW-2026-0001 gewijzigd: was Toegestaan met voorwaarden (Alleen buiten werktijd), nu',
    );
    expect(await store.get('Nevenwerkzaamheden', 'NW-2026-0001')).toMatchObject({ beoordeling: 'nietToegestaan', voorwaarden: [] });
    const bericht = replyText(naarMedewerker(voor));
    expect(naarMedewerker(voor)).toHaveLength(1);
    expect(bericht).toContain('De beoordeling van je registratie is gewijzigd');
    expect(bericht).toContain('Eerst: Toegestaan met voorwaarden (Alleen buiten werktijd). Nu: NW-2026-0001');
    expect(bericht).toContain('Niet toegestaan');

    // The confirmation clicked twice: no second message.
    const voor2 = bot.replies.length;
    expect(replyText((await klik(knoppen[0].data, 'vraag-1')).replies)).toContain('was al zo beoordeeld');
    expect(naarMedewerker(voor2)).toHaveLength(0);
  });
});

describe("HR's overview: today's stand and the year's count (as the report and the dashboard) told apart", () => {
  it("a registration that ended earlier this year counts in the year, not in today's stand", async () => {
    const store = new SqliteListStore(':memory:');
    const basis = { functie: 'inkoper', mogelijkConflict: false, medewerker: EMP2 };
    await store.addMany('Nevenwerkzaamheden', [
      // in force today
      {
        ...basis,
        registratieId: 'NW-2026-0001',
        register: 'nevenwerkzaamheid',
        soortNevenwerk: 'docent',
        gemeldOp: '2026-03-01',
        status: 'gemeld',
      },
      // ran in 2026 until 30 June: in the year's count, not today's
      {
        ...basis,
        registratieId: 'NW-2025-0001',
        register: 'nevenwerkzaamheid',
        soortNevenwerk: 'bestuurslid',
        gemeldOp: '2025-05-01',
        status: 'beeindigd',
        beeindigdOp: '2026-06-30',
      },
      // a financial interest that ended in 2025: in neither
      {
        ...basis,
        registratieId: 'NW-2024-0001',
        register: 'financieelBelang',
        soortBelang: 'aandelen',
        gemeldOp: '2024-02-01',
        status: 'beeindigd',
        beeindigdOp: '2025-10-01',
      },
    ]);
    const bot = await startBotHarness(config, { store, clock: () => new Date('2026-12-02T09:00:00Z') });
    try {
      const nl = replyText((await bot.send(message('nevenwerk overzicht', van(HR, 'hr')))).replies);
      expect(nl).toContain('Register nevenwerkzaamheden, stand per 2 december 2026');
      expect(nl).toContain('Nevenwerkzaamheden lopend op 2 december 2026: 1');
      expect(nl).toContain('Financiële belangen lopend op 2 december 2026: 0');
      expect(nl).toContain('In 2026 geregistreerd (jaarverslag en dashboard): 2 nevenwerkzaamheden en 0 financiële belangen');
      const en = replyText((await bot.send(message('side activities overview', { ...van(HR, 'hr'), locale: 'en-US' }))).replies);
      expect(en).toContain('Outside activities in force on 2 December 2026: 1');
      expect(en).toContain('Registered in 2026 (annual report and dashboard): 2 outside activities and 0 financial interests');
      expect(en).toContain('is made by the administrator of Integriteitsplein');
    } finally {
      await bot.close();
      await store.close();
    }
  });
});
