/**
 * Intake over /api/messages after a QA walk through the demo: an outdated or unknown intake card answers with the
 * friendly "kaart is verouderd" line and the intake menu (nothing written), not a technical error. A gesprek dated in
 * last year asks first, because it changes last year's figures; last year stays open (registering, "Mijn
 * registraties", corrections that move the date between the years) until 1 March, then it is closed. The demo as
 * `npm start` seeds it has a past uitvraag round, so "uitvraag status" shows its response and the next date. An
 * agressie-incident promises contact by the adviseur VPT only when the reporter agreed to send their name (looked up
 * at run time, never stored); otherwise it says what really happens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemoIfEmpty } from '@shared/cli/seed';
import { loadOrgConfig } from '@shared/config';
import { playgroundGebruikers, vasteNaamBron } from '@shared/graph/gebruikers';
import { buildJaarverslag, leesJaarverslagBronnen } from '@shared/report';
import { LokaleStaat, SqliteListStore, queryAll } from '@shared/store';
import { botMetKlok, message, replyCards, startBotHarness, submit, submitActions, type BotHarness } from '../support/activities';

const VP = { id: 'user-id-1', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' };
const MEDEWERKER = { id: 'user-id-7', name: 'Gewone Medewerker', aadObjectId: '00000000-0000-0000-0000-0000000000e7' };
const van = (wie = VP, locale = 'nl-NL') => ({ from: wie, conversationId: `a:personal-${wie.id}`, locale });

describe('intake: outdated card actions', () => {
  const { bot, send } = botMetKlok(loadOrgConfig('demo'), '2026-12-02T09:00:00Z');
  const teksten = (r: Awaited<ReturnType<typeof send>>) => r.map((x) => x.activity.text ?? '').filter(Boolean);

  it('an unknown intake action gets "de kaart is verouderd" and the menu, in nl and en; nothing is written', async () => {
    const r = await send(submit({ action: 'intake.gesprek.bewaar', kaartId: 'x' }, van()));
    expect(teksten(r)).toEqual(['Die knop werkte niet: de kaart is verouderd. Kies hieronder opnieuw.']);
    const [menu] = replyCards(r);
    expect(submitActions(menu).map((a) => a.data.action)).toContain('intake.gesprek.start');
    const en = await send(submit({ action: 'intake.oud' }, van(MEDEWERKER, 'en-US')));
    expect(teksten(en)).toEqual(['That button did not work: the card is outdated. Please choose again below.']);
    // Someone without an intake role gets the menu they may use: agressie only.
    expect(submitActions(replyCards(en)[0]).map((a) => a.data.action)).toEqual(['intake.agressie.start']);
    expect(await queryAll(bot().store, 'Gesprekken')).toEqual([]);
  });
});

describe('intake: a gesprek dated last year', () => {
  const { bot, send, zetKlok } = botMetKlok(loadOrgConfig('demo'), '2026-02-10T09:00:00Z');
  const teksten = (r: Awaited<ReturnType<typeof send>>) => r.map((x) => x.activity.text ?? '').filter(Boolean);
  /** The texts of a card's TextBlocks, containers included, in order. */
  const blokken = (kaart: Record<string, unknown>): (string | undefined)[] => {
    const uit: (string | undefined)[] = [];
    const loop = (n: { type?: string; text?: string; items?: unknown[] }) =>
      n.type === 'TextBlock' ? uit.push(n.text) : (n.items ?? []).forEach((x) => loop(x as typeof n));
    (kaart.body as (typeof kaart)[]).forEach((b) => loop(b));
    return uit;
  };
  const totaal = async (jaar: number) =>
    buildJaarverslag(await leesJaarverslagBronnen(bot().store, { jaar }), { jaar, organisatie: 'X' }).gesprekken.totaal;
  const velden = { vertrouwenspersoon: 'intern', isMelding: 'false', doorverwezen: 'geen', onderwerp: 'integriteit' };
  async function formulier() {
    const [kaart] = replyCards(await send(message('gesprek vastleggen', van())));
    return submitActions(kaart).find((a) => a.data.action === 'intake.gesprek.opslaan')!.data;
  }

  it('asks before saving into last year, says whose figures change, and saves once after "ja"', async () => {
    const opslaan = await formulier();
    const vraag = await send(submit({ ...opslaan, ...velden, datum: '2025-12-15' }, van()));
    expect(teksten(vraag)).toEqual([]);
    const [kaart] = replyCards(vraag);
    expect(blokken(kaart)).toEqual([
      'Gesprek in 2025 vastleggen?',
      '15 december 2025 · Integriteit · Intern',
      'De datum ligt in 2025. Het gesprek telt dan mee in de cijfers van 2025 (het jaarverslag over 2025), niet in die van 2026. Klopt de datum?',
    ]);
    expect(await queryAll(bot().store, 'Gesprekken')).toEqual([]);
    const [ja, nee] = submitActions(kaart);
    expect([ja.title, nee.title]).toEqual(['Ja, de datum klopt', 'Nee, datum aanpassen']);
    // "Nee" opens the form again; nothing is saved.
    expect(blokken(replyCards(await send(submit(nee.data, van())))[0])[0]).toBe('Gesprek vastleggen');
    expect(teksten(await send(submit(ja.data, van())))).toEqual(['G-2025-0001 is opgeslagen.']);
    // Once per card: "ja" again, or the original form again.
    expect(teksten(await send(submit(ja.data, van())))).toEqual([
      'Deze kaart is al verwerkt als G-2025-0001; er is niets dubbel opgeslagen.',
    ]);
    expect(teksten(await send(submit({ ...opslaan, ...velden, datum: '2025-12-15' }, van())))).toEqual([
      'Deze kaart is al verwerkt als G-2025-0001; er is niets dubbel opgeslagen.',
    ]);
    expect(await totaal(2025)).toBe(1);
    // A date in this year needs no question.
    expect(teksten(await send(submit({ ...(await formulier()), ...velden, datum: '2026-02-09' }, van())))).toEqual([
      'G-2026-0001 is opgeslagen.',
    ]);
    // 2024 is closed (its figures were final on 1 March 2025).
    expect(teksten(await send(submit({ ...(await formulier()), ...velden, datum: '2024-12-31' }, van())))).toEqual([
      'Dat kon ik niet opslaan: Datum ligt in 2024; de cijfers over 2024 zijn afgesloten (vastleggen en corrigeren kon tot en met 28 februari 2025). Er is niets opgeslagen.',
    ]);
  });

  it('"Mijn registraties" shows last year\'s too, and a correction moves a gesprek to this year, once', async () => {
    const [lijst] = replyCards(await send(message('mijn registraties', van())));
    expect(blokken(lijst)).toEqual([
      'Mijn registraties 2025 en 2026',
      '2 gesprekken die jij in 2025 en 2026 hebt vastgelegd (alleen kenmerken). Corrigeren en verwijderen kan tot het eind van het jaar. Gesprekken van 2025 kun je nog corrigeren tot en met 28 februari 2026.',
      'G-2025-0001 · 15 december 2025 · Integriteit · Intern',
      'G-2026-0001 · 9 februari 2026 · Integriteit · Intern',
    ]);
    const start = submitActions(lijst).find(
      (a) => a.data.action === 'intake.gesprek.corrigeerStart' && a.data.gesprekId === 'G-2025-0001',
    )!;
    const corrigeer = submitActions(replyCards(await send(submit(start.data, van())))[0])[0].data;
    // The wrong year: the gesprek was on 12 January 2026.
    const [vraag] = replyCards(await send(submit({ ...corrigeer, ...velden, datum: '2026-01-12' }, van())));
    expect(blokken(vraag)).toEqual([
      'G-2025-0001 corrigeren: de cijfers van 2025 veranderen',
      'G-2025-0001 · 12 januari 2026 · Integriteit · Intern',
      'Deze correctie verandert de cijfers van 2025 (het jaarverslag over 2025). Klopt de datum?',
    ]);
    expect(await bot().store.get('Gesprekken', 'G-2025-0001')).toMatchObject({ datum: '2025-12-15', verwijderdOp: null });
    const ja = submitActions(vraag)[0];
    expect(teksten(await send(submit(ja.data, van())))).toEqual([
      'G-2025-0001 is gecorrigeerd. Het gesprek ligt nu in 2026 en heet voortaan G-2026-0002.',
    ]);
    expect(teksten(await send(submit(ja.data, van())))).toEqual([
      'Deze kaart is al verwerkt als G-2026-0002; er is niets dubbel opgeslagen.',
    ]);
    expect(await bot().store.get('Gesprekken', 'G-2026-0002')).toMatchObject({ datum: '2026-01-12', onderwerp: 'integriteit' });
    expect(await bot().store.get('Gesprekken', 'G-2025-0001')).toMatchObject({ verwijderdOp: '2026-02-10' });
    expect(await totaal(2025)).toBe(0);
    expect(await totaal(2026)).toBe(2);
    const [na] = replyCards(await send(message('mijn registraties', van())));
    expect(blokken(na).slice(2)).toEqual([
      'G-2026-0001 · 9 februari 2026 · Integriteit · Intern',
      'G-2026-0002 · 12 januari 2026 · Integriteit · Intern',
    ]);
  });

  it('from 1 March last year is closed: a date in it is refused, nothing is written', async () => {
    zetKlok('2026-03-01T08:00:00Z');
    const voor = (await queryAll(bot().store, 'Gesprekken')).length;
    expect(teksten(await send(submit({ ...(await formulier()), ...velden, datum: '2025-12-20' }, van())))).toEqual([
      'Dat kon ik niet opslaan: Datum ligt in 2025; de cijfers over 2025 zijn afgesloten (vastleggen en corrigeren kon tot en met 28 februari 2026). Er is niets opgeslagen.',
    ]);
    expect((await queryAll(bot().store, 'Gesprekken')).length).toBe(voor);
    expect(blokken(replyCards(await send(message('mijn registraties', van())))[0])[0]).toBe('Mijn registraties 2026');
  });
});

describe('intake: the demo has a past uitvraag round', () => {
  const IC = { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
  let dir: string;
  let harness: BotHarness;
  let store: SqliteListStore;
  let lokaal: LokaleStaat;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-seed-'));
    const db = path.join(dir, 'demo.db');
    expect(await seedDemoIfEmpty(db, 'demo', '2026-12-02')).toBe(true);
    expect(await seedDemoIfEmpty(db, 'demo', '2026-12-02')).toBe(false);
    store = new SqliteListStore(db);
    lokaal = LokaleStaat.open(db);
    harness = await startBotHarness(loadOrgConfig('demo'), { store, lokaal, clock: () => new Date('2026-12-02T09:00:00Z') });
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
    await store?.close();
    lokaal?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('"uitvraag status" shows the round of 1 July 2026 and the next date', async () => {
    const r = await harness.send(message('uitvraag status', { from: IC, conversationId: 'a:personal-ic' }));
    expect(r.status).toBe(200);
    const [kaart] = replyCards(r.replies);
    const body = kaart.body as { type: string; text?: string; facts?: { title: string; value: string }[] }[];
    expect(body[0].text).toBe('Uitvraag van 1 juli 2026: respons');
    // config/demo.yaml: 2 vertrouwenspersonen and 2 managers asked; answered on day 2 (2 items), after the reminder
    // ("niets te melden"), on day 1 (1 item), and one not at all after the reminder.
    expect(body.find((b) => b.type === 'FactSet')!.facts).toEqual([
      { title: 'Gevraagd', value: '4' },
      { title: 'Beantwoord', value: '3' },
      { title: 'Respons', value: '75%' },
      { title: 'Herinnering gestuurd', value: '2' },
      { title: 'Niet bereikbaar (bot niet geïnstalleerd)', value: '0' },
      { title: 'Vastgelegd via uitvraag', value: '3' },
    ]);
    expect(body.filter((b) => b.type === 'TextBlock').map((b) => b.text)).toContain('Volgende uitvraag: 1 januari 2027.');
  });
});

describe('intake: agressie, what the adviseur VPT gets and what the reporter is promised', () => {
  const VPT = { id: 'user-id-4', name: 'Patti Fernandez', aadObjectId: '00000000-0000-0000-0000-0000000000024' };
  const LYNNE = { id: 'user-id-5', name: 'Lynne Robbins', aadObjectId: '00000000-0000-0000-0000-0000000000025' };
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(loadOrgConfig('demo'), {
      clock: () => new Date('2026-03-02T09:00:00Z'),
      namen: vasteNaamBron(playgroundGebruikers(path.join('config', 'playground', 'integriteitscoordinator.yml'))),
    });
    await harness.send(message('hallo', { from: VPT, conversationId: 'a:personal-vpt' })); // the adviser's chat reference
  });
  afterAll(() => harness?.close());
  const teksten = (r: { activity: { text?: string } }[]) => r.map((x) => x.activity.text ?? '').filter(Boolean);
  async function meld(extra: Record<string, string>, locale = 'nl-NL') {
    const wie = { from: LYNNE, conversationId: 'a:personal-lynne', locale };
    const [kaart] = replyCards((await harness.send(message('agressie registreren', wie))).replies);
    const opslaan = submitActions(kaart).find((a) => a.data.action === 'intake.agressie.opslaan')!;
    const voor = harness.replies.length;
    const r = await harness.send(submit({ ...opslaan.data, datum: '2026-03-02', soort: 'verbaal', toelichting: '', ...extra }, wie));
    expect(r.status).toBe(200);
    const naarVpt = harness.replies.slice(voor).filter((x) => x.conversationId === 'a:personal-vpt');
    return { kaart, antwoord: teksten(r.replies), vpt: JSON.stringify(replyCards(naarVpt)) };
  }

  it('the card asks whether the adviser may contact the reporter; off by default', async () => {
    const [kaart] = replyCards(
      (await harness.send(message('agressie registreren', { from: LYNNE, conversationId: 'a:personal-lynne' }))).replies,
    );
    const toggle = (kaart.body as { type: string; id?: string; title?: string; value?: string }[]).find((b) => b.type === 'Input.Toggle')!;
    expect(toggle).toMatchObject({
      id: 'contact',
      value: 'false',
      title:
        'De adviseur Veilige Publieke Taak mag contact met mij opnemen (je naam gaat alleen mee in het bericht aan de adviseur en wordt niet bewaard)',
    });
  });

  it('without consent: no name to the adviser and no promise of a call; the reporter gets the contact details', async () => {
    const { antwoord, vpt } = await meld({ contact: 'false' });
    expect(antwoord).toEqual([
      'A-2026-0001 is opgeslagen.',
      'De adviseur Veilige Publieke Taak heeft een bericht gekregen, zonder je naam, en legt de maatregelen bij het incident vast. Wil je hulp of contact, neem dan zelf contact op: Adviseur Veilige Publieke Taak, 070 000 00 05, vpt@demoland.example.',
    ]);
    expect(vpt).toContain('De melder heeft niet om contact gevraagd; de melding is zonder naam.');
    expect(vpt).not.toMatch(/Lynne|Robbins/);
  });

  it("with consent: the adviser's card names the reporter (looked up now), the incident stores no name", async () => {
    const { antwoord, vpt } = await meld({ contact: 'true' });
    expect(antwoord).toEqual([
      'A-2026-0002 is opgeslagen.',
      'De adviseur Veilige Publieke Taak heeft een bericht gekregen met je naam en neemt contact met je op over opvang en maatregelen.',
    ]);
    expect(vpt).toContain(
      'De melder wil graag contact: Lynne Robbins (zoek de naam op in Teams). De naam is niet bij het incident bewaard.',
    );
    expect(await harness.store.get('AgressieIncidenten', 'A-2026-0002')).toEqual({
      incidentId: 'A-2026-0002',
      datum: '2026-03-02',
      soort: ['verbaal'],
      maatregelen: [],
    });
    const en = await meld({ contact: 'true' }, 'en-US');
    expect(en.antwoord[1]).toBe(
      'The Safe Public Service adviser has been notified with your name and will contact you about support and measures.',
    );
  });

  it('a note with a name ("jan de vries") asks to leave names out; nothing is sent or saved until the user decides', async () => {
    const voor = (await queryAll(harness.store, 'AgressieIncidenten')).length;
    const { antwoord, vpt, kaart: formulier } = await meld({ toelichting: 'jan de vries schold me uit bij de balie' });
    expect(antwoord).toEqual([]);
    expect(vpt).toBe('[]');
    expect((await queryAll(harness.store, 'AgressieIncidenten')).length).toBe(voor);
    const r = await harness.send(
      submit(
        {
          ...submitActions(formulier).find((a) => a.data.action === 'intake.agressie.opslaan')!.data,
          datum: '2026-03-02',
          soort: 'verbaal',
          toelichting: 'jan de vries schold me uit',
        },
        { from: LYNNE, conversationId: 'a:personal-lynne' },
      ),
    );
    const [vraag] = replyCards(r.replies);
    expect((vraag.body as { text?: string }[]).map((b) => b.text)).toEqual([
      'Staat er een naam in de toelichting?',
      '“jan de vries”',
      'Laat namen weg, ook die van de burger: de adviseur heeft de datum, de soort en wat er gebeurde nodig. Wil je dat de adviseur contact met je opneemt, zet dan de schakelaar aan. Er is nog niets opgeslagen.',
    ]);
    const [aanpassen, toch] = submitActions(vraag);
    expect([aanpassen.title, toch.title]).toEqual(['Toelichting aanpassen', 'Het is geen naam, versturen']);
    expect(aanpassen.data).toEqual({ action: 'intake.agressie.start' });
    // Overruled: saved once, the note goes to the adviser as it is.
    const voorVpt = harness.replies.length;
    const ok = await harness.send(submit(toch.data, { from: LYNNE, conversationId: 'a:personal-lynne' }));
    expect(teksten(ok.replies)[0]).toMatch(/^A-2026-\d{4} is opgeslagen\.$/);
    expect(JSON.stringify(replyCards(harness.replies.slice(voorVpt).filter((x) => x.conversationId === 'a:personal-vpt')))).toContain(
      'jan de vries schold me uit',
    );
    expect(teksten((await harness.send(submit(toch.data, { from: LYNNE, conversationId: 'a:personal-lynne' }))).replies)[0]).toMatch(
      /^Deze kaart is al verwerkt als A-2026-\d{4}/,
    );
    // An ordinary note passes without a question.
    expect((await meld({ toelichting: 'Een man schreeuwde en gooide een stoel om' })).antwoord[0]).toMatch(/is opgeslagen\.$/);
  });
});
