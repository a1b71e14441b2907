import request from 'supertest';
import type { SqliteListStore } from '@shared/store';
import { alsHr, kaartElementen, startAmbtseedBot } from '../support/ambtseed-demo';
import { kaartFouten } from '../support/adaptive-kaart';
import { message, replyCards, replyText, submit, submitActions, type BotHarness } from '../support/activities';

/**
 * HR's ambtseed beheer over /api/messages with the demo data and a fake clock (Wednesday 2 December 2026, 10:00 in
 * Amsterdam), the QA walk-through of round 3: a session cannot start in the past (Europe/Amsterdam), a Saturday or
 * Sunday asks to confirm first; the overview's "ingeschreven" is the sum of the booked places of the coming sessions
 * (someone who is not a registered new hire, such as a Playground user, counts too) and its FactSet has the label as
 * title and the figure as value; an unknown ambtseed action says the card is out of date; the Deelnemers card leads
 * back to beheer.
 */
const MEGAN = { from: { id: '29:megan', aadObjectId: '00000000-0000-0000-0000-0000000000021' }, conversationId: 'a:conv-megan' };

type Json = Record<string, unknown>;
const formulier = (velden: Record<string, unknown>) => ({
  action: 'ambtseed.sessieOpslaan',
  sessieId: '',
  soort: 'ambtseed',
  begin: '10:00',
  eind: '11:00',
  locatie: 'Statenzaal',
  online: 'false',
  afnemer: 'de provinciesecretaris',
  capaciteit: '20',
  ...velden,
});
/** Every FactSet fact of a card. */
const feiten = (kaart: Json) =>
  kaartElementen<{ facts: { title: string; value: string }[] }>(kaart, (o) => o.type === 'FactSet').flatMap((f) => f.facts);

describe('ambtseed beheer: QA-ronde 3', () => {
  let demo: Awaited<ReturnType<typeof startAmbtseedBot>>;
  let bot: BotHarness;
  let store: SqliteListStore;
  beforeAll(async () => {
    demo = await startAmbtseedBot();
    ({ bot, store } = demo);
  });
  afterAll(() => demo.sluit());

  it('een bijeenkomst in het verleden (zondag 1 november 2026) wordt geweigerd; vandaag vóór nu ook', async () => {
    const r = await bot.send(submit(formulier({ datum: '2026-11-01' }), alsHr));
    expect(replyText(r.replies)).toBe(
      'Niets opgeslagen: zo 1 nov 2026, 10:00 ligt in het verleden (Nederlandse tijd). Kies een begin na nu.',
    );
    expect(await store.get('AmbtseedSessies', 'S-2026-11-01-1000-E')).toBeUndefined();
    // 09:30 today in Amsterdam is 08:30Z, before the clock's 09:00Z.
    const vanochtend = await bot.send(submit(formulier({ datum: '2026-12-02', begin: '09:30', eind: '10:30' }), alsHr));
    expect(replyText(vanochtend.replies)).toContain('ligt in het verleden');
    expect(await store.get('AmbtseedSessies', 'S-2026-12-02-0930-E')).toBeUndefined();
  });

  it('een zaterdag vraagt eerst om bevestiging; nogmaals Opslaan op die kaart slaat op; een doordeweekse dag meteen', async () => {
    const vraag = await bot.send(submit(formulier({ datum: '2026-12-12' }), alsHr));
    const kaart = replyCards(vraag.replies)[0];
    expect(kaartFouten(kaart)).toEqual([]);
    expect(JSON.stringify(kaart)).toContain('za 12 dec 2026, 10:00 valt in het weekend. Klopt dat?');
    expect(JSON.stringify(kaart)).toContain('"value":"2026-12-12"');
    expect(await store.get('AmbtseedSessies', 'S-2026-12-12-1000-E')).toBeUndefined();
    const knop = submitActions(kaart).find((a) => a.data.action === 'ambtseed.sessieOpslaan')!;
    const ok = await bot.send(submit({ ...formulier({ datum: '2026-12-12' }), ...knop.data }, alsHr));
    expect(replyText(ok.replies)).toContain('Bijeenkomst opgeslagen');
    expect(await store.get('AmbtseedSessies', 'S-2026-12-12-1000-E')).toMatchObject({ start: '2026-12-12T09:00:00.000Z' });

    const donderdag = await bot.send(submit(formulier({ datum: '2026-12-10' }), alsHr));
    expect(replyText(donderdag.replies)).toContain('Bijeenkomst opgeslagen');
  });

  it('het weekoverzicht telt wie voor een komende bijeenkomst staat ingeschreven, ook een Playground-gebruiker; titel en waarde apart', async () => {
    const voor = replyCards((await bot.send(message('ambtseed beheer', alsHr))).replies)[0];
    const ingeschreven = (k: Json) => feiten(k).find((f) => f.title === 'Ingeschreven voor komende bijeenkomsten')?.value;
    const vooraf = Number(ingeschreven(voor));
    const boek = await bot.send(
      submit({ action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-2026-12-16-E', vorm: 'eed' }, MEGAN),
    );
    expect(replyText(boek.replies) + JSON.stringify(replyCards(boek.replies))).toContain('ingeschreven');
    const na = replyCards((await bot.send(message('ambtseed beheer', alsHr))).replies)[0];
    expect(JSON.stringify(na)).toMatch(/wo 16 dec 2026[^"]*1\/25/);
    expect(Number(ingeschreven(na))).toBe(vooraf + 1);
    const rijen = feiten(na).slice(0, 4);
    expect(rijen.map((f) => f.title)).toEqual([
      'Over de deadline',
      'Deadline binnen 14 dagen, nog niets gepland',
      'Ingeschreven voor komende bijeenkomsten',
      'Op de wachtlijst',
    ]);
    for (const f of rijen) expect(f.value).not.toBe('');
    expect(rijen[0].value).toMatch(/^\d+ nieuwe medewerkers \(arbeidsovereenkomst \d+ · extern \d+ · stagiair \d+\)$/);
  });

  it('een onbekende ambtseed-actie zegt dat de kaart verouderd is', async () => {
    const r = await bot.send(submit({ action: 'ambtseed.bestaatNietMeer' }, alsHr));
    expect(replyText(r.replies)).toContain('de kaart is verouderd');
    expect(replyText(r.replies)).not.toContain('Er ging iets mis');
  });

  it('de Deelnemers-kaart heeft een knop terug naar beheer', async () => {
    const kaart = replyCards((await bot.send(submit({ action: 'ambtseed.deelnemers', sessieId: 'S-2026-12-16-E' }, alsHr))).replies)[0];
    expect(kaartFouten(kaart)).toEqual([]);
    const terug = submitActions(kaart).find((a) => a.title === 'Terug naar beheer')!;
    expect(terug.data).toMatchObject({ action: 'ambtseed.hr' });
    const beheer = replyCards((await bot.send(submit(terug.data, alsHr))).replies)[0];
    expect(JSON.stringify(beheer)).toContain('Weekoverzicht ambtseed en workshop');
  });

  it('de .ics-link van een Engelstalige medewerker geeft een Engelse uitnodiging, ook als de browser Nederlands vraagt', async () => {
    const en = { from: { id: '29:en', aadObjectId: '00000000-0000-0000-0000-0000000000e9' }, conversationId: 'a:conv-en', locale: 'en-US' };
    const r = await bot.send(
      submit({ action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-2026-12-16-E', vorm: 'belofte' }, en),
    );
    const link = /https?:\/\/[^"]*\/ambtseed\/agenda\/[^"]+/.exec(JSON.stringify(replyCards(r.replies)))![0];
    const url = new URL(link);
    expect(url.searchParams.get('lang')).toBe('en');
    const ics = (
      await request(bot.url)
        .get(url.pathname + url.search)
        .set('Accept-Language', 'nl-NL')
    ).text.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('SUMMARY:Oath or affirmation of office');
    expect(ics).toContain('DESCRIPTION:Official:');
  });
});
