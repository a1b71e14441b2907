/**
 * VOG renewal end to end: HR imports the holders of kwetsbare functies with the lists CLI, the daily job runs on
 * a fake clock (start, reminders, received, three years later), and the employee and HR act over /api/messages
 * (nl-NL and en-US). Expected dates follow the rule in config/demo.yaml (`vog`: new VOG 3 years after the
 * last one's issue date, reminders 14 and 28 days after the request), worked out by hand below.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { SqliteListStore, queryAll } from '@shared/store';
import { runVogHerinneringen } from '../../bot/src/features/vog';
import type { Reply } from '../../bot/src/features/feature';
import { message, replyCards, replyText, startBotHarness, submit, submitActions, USER, type BotHarness } from '../support/activities';
import { listsCli } from '../support/lists-cli';
import { nepZender } from '../support/proactive-fake';

const config = loadOrgConfig('demo'); // vog.functies boa, betaalbevoegd, ictBeheer; hr users …a3 and …22
const HR = { id: '29:hr-user', name: 'HR', aadObjectId: config.rollen.hr.gebruikers[0] };
const ANDER = { id: '29:ander', name: 'Ander', aadObjectId: '00000000-0000-0000-0000-0000000000e2' };
const ZONDER = { id: '29:zonder', name: 'Zonder', aadObjectId: '00000000-0000-0000-0000-0000000000e3' };

const kaartTekst = (r: Reply[]) => JSON.stringify(r);
/** 08:00 Europe/Amsterdam on a winter date (UTC+1). */
const om8 = (datum: string) => new Date(`${datum}T07:00:00Z`);

describe('VOG renewal: import, job on a fake clock, employee and HR over /api/messages', () => {
  let tmp: string;
  let store: SqliteListStore;
  let bot: BotHarness;
  let nu = om8('2026-01-05');
  const zender = nepZender();
  const sender = zender.sender;
  /** Every proactive send so far, in order, with its dedupe key. */
  const verzonden = () => [...zender.sent].map(([key, v]) => ({ key, ...v }));
  const job = (datum: string) => runVogHerinneringen({ store, config, sender, now: (nu = om8(datum)) });
  const send = (a: Record<string, unknown>) => bot.send(a);

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-vog-'));
    const db = path.join(tmp, 'lijsten.db');
    // USER starts as BOA on 5 January 2026 (no VOG yet); ANDER is an ICT administrator whose last VOG (before the
    // register) was issued on 10 February 2023, so a new one is due on 10 February 2026; a third row names a
    // function the config does not know and is skipped.
    fs.writeFileSync(
      path.join(tmp, 'houders.csv'),
      [
        'medewerker,functie,startOp,eindOp,laatsteVogOp',
        `${USER.aadObjectId},boa,2026-01-05,,`,
        `${ANDER.aadObjectId},ictBeheer,2020-09-01,,2023-02-10`,
        `${ZONDER.aadObjectId},kassier,2025-01-01,,`,
      ].join('\n'),
    );
    const r = await listsCli(db)('import', path.join(tmp, 'houders.csv'), '--list', 'VogFunctiehouders');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    store = new SqliteListStore(db);
    bot = await startBotHarness(config, { store, clock: () => nu });
  });
  afterAll(async () => {
    await bot.close();
    await store.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('day 1 (start in the function): the job opens a start request and asks the employee; HR gets the overview', async () => {
    const r = await job('2026-01-05');
    expect(r.geopend).toBe(1); // ANDER is not due before 2026-02-10
    expect(r.onbekendeFuncties).toBe(1);
    const aanvragen = await queryAll(store, 'VogAanvragen');
    expect(aanvragen).toEqual([
      expect.objectContaining({
        aanvraagId: `boa:${USER.aadObjectId}:2026-01-05`,
        medewerker: USER.aadObjectId,
        functie: 'boa',
        aanleiding: 'start',
        peildatum: '2026-01-05',
        gevraagdOp: '2026-01-05',
        status: 'openstaand',
      }),
    ]);
    const verzoek = verzonden().find((s) => s.key === `vog:verzoek:boa:${USER.aadObjectId}:2026-01-05`)!;
    expect(verzoek.aan).toBe(USER.aadObjectId);
    expect(kaartTekst(verzoek.replies)).toContain('Buitengewoon opsporingsambtenaar (BOA)');
    expect(kaartTekst(verzoek.replies)).toContain('vanaf de start (5 januari 2026)');
    const hr = verzonden().filter((s) => s.key.startsWith('vog:weekoverzicht:2026-W02:'));
    expect(hr.map((s) => s.aan)).toEqual(config.rollen.hr.gebruikers);
    // Running again the same day changes nothing and sends nothing twice.
    const again = await job('2026-01-05');
    expect(again.geopend).toBe(0);
    expect(again.verzoek).toEqual({});
    expect(again.weekoverzicht).toEqual({ alVerzonden: 2 });
  });

  it('the employee sees only their own status ("mijn vog"); someone without a function is told so', async () => {
    const r = await send(message('mijn vog'));
    const tekst = replyText(r.replies);
    expect(tekst).toContain('Buitengewoon opsporingsambtenaar (BOA)');
    expect(tekst).toContain('nog aan te vragen');
    expect(tekst).not.toContain(ANDER.aadObjectId.slice(-8));
    expect(tekst).not.toContain('ICT-beheerder');
    const zonder = await send(message('mijn vog', { from: ZONDER, conversationId: 'a:conv-zonder' }));
    expect(replyText(zonder.replies)).toContain('niet geregistreerd in een functie');
  });

  it('reminders on day 14 and 28 while nothing happens; a skipped day is not sent late', async () => {
    expect((await job('2026-01-18')).herinnering).toEqual({}); // day 13
    expect((await job('2026-01-19')).herinnering).toEqual({ verzonden: 1 }); // day 14
    expect((await job('2026-01-20')).herinnering).toEqual({ alVerzonden: 1 });
    expect((await job('2026-02-02')).herinnering).toEqual({ verzonden: 1 }); // day 28
    expect(
      verzonden()
        .filter((s) => s.key.startsWith('vog:herinnering:'))
        .map((s) => s.key),
    ).toEqual([`vog:herinnering:boa:${USER.aadObjectId}:2026-01-05:14`, `vog:herinnering:boa:${USER.aadObjectId}:2026-01-05:28`]);
  });

  it('"Ik heb de VOG aangevraagd" on the request card: only the owner; reminders stop', async () => {
    const verzoek = verzonden().find((s) => s.key.startsWith('vog:verzoek:boa:'))!;
    const card = verzoek.replies[0].type === 'card' ? verzoek.replies[0].card : {};
    const knop = submitActions(card).find((a) => a.data.action === 'vog.aangevraagd')!;
    expect(knop.title).toBe('Ik heb de VOG aangevraagd');
    // Someone else pressing the same data gets the "unknown" answer and changes nothing.
    const ander = await send(submit(knop.data, { from: ANDER, conversationId: 'a:conv-ander' }));
    expect(replyText(ander.replies)).toContain('kan ik niet vinden bij jouw functies');
    expect((await store.get('VogAanvragen', String(knop.data.aanvraagId)))!.status).toBe('openstaand');
    nu = om8('2026-02-03');
    const r = await send(submit(knop.data));
    expect(replyText(r.replies)).toContain('Genoteerd: je hebt de VOG aangevraagd (3 februari 2026)');
    expect(await store.get('VogAanvragen', String(knop.data.aanvraagId))).toMatchObject({
      status: 'aangevraagd',
      aangevraagdOp: '2026-02-03',
    });
    expect(replyText((await send(submit(knop.data))).replies)).toContain('al als aangevraagd op 3 februari 2026');
  });

  it('three years after the last VOG: ANDER gets a renewal request on 10 February 2026', async () => {
    const r = await job('2026-02-10');
    expect(r.geopend).toBe(1);
    expect(r.herinnering).toEqual({}); // USER said it is applied for
    expect(await store.get('VogAanvragen', `ictBeheer:${ANDER.aadObjectId}:2026-02-10`)).toMatchObject({
      aanleiding: 'hernieuwing',
      peildatum: '2026-02-10',
      status: 'openstaand',
    });
    expect(kaartTekst(verzonden().find((s) => s.key === `vog:verzoek:ictBeheer:${ANDER.aadObjectId}:2026-02-10`)!.replies)).toContain(
      'elke 3 jaar een nieuwe Verklaring Omtrent Gedrag (VOG) nodig; je vorige is van 10 februari 2023',
    );
  });

  it('HR only: the overview lists both outstanding requests; an employee is refused', async () => {
    expect(replyText((await send(message('vog overzicht'))).replies)).toContain('alleen voor HR');
    const r = await send(message('vog overzicht', { from: HR, conversationId: 'a:conv-hr' }));
    const tekst = replyText(r.replies);
    expect(tekst).toContain(
      `Buitengewoon opsporingsambtenaar (BOA) · medewerker ${USER.aadObjectId.slice(-8)} · nodig sinds 5 januari 2026 · aangevraagd op 3 februari 2026`,
    );
    expect(tekst).toContain(
      `ICT-beheerder met beheerrechten · medewerker ${ANDER.aadObjectId.slice(-8)} · nodig sinds 10 februari 2026 · nog aan te vragen`,
    );
    // An employee cannot record an outcome by forging the submit either.
    const vervalst = await send(
      submit({ action: 'vog.vastleggen', aanvraagId: `boa:${USER.aadObjectId}:2026-01-05`, uitkomst: 'ontvangen' }),
    );
    expect(replyText(vervalst.replies)).toContain('alleen voor HR');
    expect((await store.get('VogAanvragen', `boa:${USER.aadObjectId}:2026-01-05`))!.status).toBe('aangevraagd');
  });

  it('HR records received (issue date on the VOG) and not received; bad input gets a Dutch message and writes nothing', async () => {
    const hr = { from: HR, conversationId: 'a:conv-hr' };
    nu = om8('2026-02-12');
    const fout = await send(
      submit({ action: 'vog.vastleggen', aanvraagId: `boa:${USER.aadObjectId}:2026-01-05`, uitkomst: 'misschien' }, hr),
    );
    expect(replyText(fout.replies)).toMatch(/kies ontvangen of niet ontvangen/);
    const toekomst = await send(
      submit(
        { action: 'vog.vastleggen', aanvraagId: `boa:${USER.aadObjectId}:2026-01-05`, uitkomst: 'ontvangen', afgifteOp: '2026-03-01' },
        hr,
      ),
    );
    expect(replyText(toekomst.replies)).toContain('kan niet in de toekomst liggen');
    expect((await store.get('VogAanvragen', `boa:${USER.aadObjectId}:2026-01-05`))!.status).toBe('aangevraagd');

    const ok = await send(
      submit(
        { action: 'vog.vastleggen', aanvraagId: `boa:${USER.aadObjectId}:2026-01-05`, uitkomst: 'ontvangen', afgifteOp: '2026-02-09' },
        hr,
      ),
    );
    // Issued 9 February 2026 → the next one is needed on 9 February 2029.
    expect(replyText(ok.replies)).toContain(
      'Vastgelegd: VOG ontvangen (Buitengewoon opsporingsambtenaar (BOA), afgegeven op 9 februari 2026). De volgende is nodig op 9 februari 2029.',
    );
    expect(await store.get('VogAanvragen', `boa:${USER.aadObjectId}:2026-01-05`)).toMatchObject({
      status: 'ontvangen',
      vastgelegdOp: '2026-02-12',
      afgifteOp: '2026-02-09',
    });
    const niet = await send(
      submit({ action: 'vog.vastleggen', aanvraagId: `ictBeheer:${ANDER.aadObjectId}:2026-02-10`, uitkomst: 'nietOntvangen' }, hr),
    );
    expect(replyText(niet.replies)).toContain('Vastgelegd: VOG niet ontvangen');
    // The overview (sent with the answer) keeps the not-received request as outstanding.
    const overzicht = replyText(niet.replies);
    expect(overzicht).toContain(`medewerker ${ANDER.aadObjectId.slice(-8)} · nodig sinds 10 februari 2026 · niet ontvangen`);
    expect(overzicht).not.toContain(`medewerker ${USER.aadObjectId.slice(-8)}`);
  });

  it('the employee’s status in English shows the VOG and the next date', async () => {
    const r = await send(message('my vog', { locale: 'en-US' }));
    const tekst = replyText(r.replies);
    expect(tekst).toContain('Last VOG issued on');
    expect(tekst).toContain('9 February 2026');
    expect(tekst).toContain('Next VOG needed on');
    expect(tekst).toContain('9 February 2029');
    expect(tekst).not.toMatch(/\d{4}-\d{2}-\d{2}/); // dates in words, never ISO, in running text
    expect(replyCards(r.replies)[0]).toBeDefined();
  });

  it('three years later: a renewal request on 9 February 2029, not a day earlier; the not-received one is not asked again', async () => {
    expect((await job('2029-02-08')).geopend).toBe(0);
    const r = await job('2029-02-09');
    expect(r.geopend).toBe(1);
    expect(await store.get('VogAanvragen', `boa:${USER.aadObjectId}:2029-02-09`)).toMatchObject({
      aanleiding: 'hernieuwing',
      gevraagdOp: '2029-02-09',
      status: 'openstaand',
    });
    expect((await queryAll(store, 'VogAanvragen', { where: { medewerker: ANDER.aadObjectId } })).length).toBe(1);
  });
});

describe('VOG: a validation error names the field by its label on the card', () => {
  it('HR records without choosing a request: "Verzoek", not the field id', async () => {
    const bot = await startBotHarness(config);
    try {
      const r = await bot.send(submit({ action: 'vog.vastleggen', aanvraagId: '', uitkomst: 'ontvangen' }, { from: HR }));
      const t = replyText(r.replies);
      expect(t).toContain('Verzoek: kies een verzoek');
      expect(t).not.toContain('aanvraagId');
      expect(t).toContain('Er is niets opgeslagen');
    } finally {
      await bot.close();
    }
  });
});
