import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadOrgConfig, type OrgConfig } from '@shared/config';
import { LokaleStaat, queryAll, SqliteListStore } from '@shared/store';
import { createProactiveSender, type ProactiveTransport } from '../../bot/src/proactive';
import { amsterdamTijd, runDagelijkseJobs, type JobContext } from '../../bot/src/jobs';
import { huidigeCyclus, teStartenCyclus } from '../../bot/src/features/intake/uitvraag-job';
import { intakeFeature } from '../../bot/src/features/intake';
import { intakeStaat } from '../../bot/src/features/intake/staat';
import type { Reply, TurnInput } from '../../bot/src/features/feature';
import { rollenVan } from '@shared/domain/rollen';
import { testServices } from '../support/services';

const IC = '00000000-0000-0000-0000-0000000000020';
const VP = '00000000-0000-0000-0000-0000000000021';
const MGR = '00000000-0000-0000-0000-0000000000023';
const config: OrgConfig = loadOrgConfig('demo');

function ref(oid: string) {
  return {
    serviceUrl: 'http://127.0.0.1:9/',
    channelId: 'msteams',
    conversation: { id: `a:${oid}`, conversationType: 'personal' },
    user: { id: `29:${oid}`, aadObjectId: oid },
  };
}

function omgeving(file = ':memory:') {
  const lokaal = LokaleStaat.open(file);
  const db = lokaal.db;
  const store = new SqliteListStore(lokaal);
  const sent: { conv: string; replies: Reply[] }[] = [];
  const transport: ProactiveTransport = {
    async continueConversation(r, replies) {
      sent.push({ conv: r.conversation.id, replies });
    },
  };
  const proactive = createProactiveSender({ lokaal, transport });
  const ctx: JobContext = { store, config, proactive, lokaal };
  return { db, lokaal, store, sent, proactive, ctx };
}

const melding = (meldingId: string, ontvangenOp: string, extra: Record<string, unknown> = {}) => ({
  meldingId,
  ontvangenOp,
  kanaal: 'gesprek' as const,
  meldpunt: 'integriteitscoordinator' as const,
  soort: 'vermoedenMisstand' as const,
  categorie: 'misstand' as const,
  betrokkene: 'ambtenaar' as const,
  anoniem: false,
  onderzoek: 'geen' as const,
  uitkomst: 'lopend' as const,
  maatregelen: ['geen' as const],
  ...extra,
});

describe('scheduler', () => {
  it('runs at or after 08:00 Europe/Amsterdam, in winter and summer time', () => {
    expect(amsterdamTijd(new Date('2026-01-15T06:59:00Z'))).toBe('07:59');
    expect(amsterdamTijd(new Date('2026-01-15T07:00:00Z'))).toBe('08:00');
    expect(amsterdamTijd(new Date('2026-03-29T06:00:00Z'))).toBe('08:00'); // first day of CEST
    expect(amsterdamTijd(new Date('2026-10-25T07:00:00Z'))).toBe('08:00'); // first day of CET again
  });
});

describe('daily Wbk reminder (fake clock)', () => {
  it('sends the coordinator one card a day listing deadlines within 2 days or overdue, overdue in red', async () => {
    const { store, sent, proactive, ctx } = omgeving();
    await proactive.refs.save(IC, ref(IC)); // the Playground coordinator has talked to the bot; test user ...a2 has not
    await store.add('Meldingen', melding('M-2026-0001', '2026-03-02')); // confirm by 03-09
    await store.add('Meldingen', melding('M-2026-0002', '2026-02-20')); // confirm by 02-27
    await store.add('Meldingen', melding('M-2026-0003', '2026-03-05', { ontvangstbevestigdOp: '2026-03-05' })); // feedback by 06-05
    await store.add('Meldingen', melding('M-2026-0004', '2026-01-02', { afgeslotenOp: '2026-01-20', uitkomst: 'ongegrond' })); // closed

    expect(await runDagelijkseJobs(ctx, new Date('2026-03-07T06:59:00Z'))).toEqual({}); // 07:59: not yet
    const run = await runDagelijkseJobs(ctx, new Date('2026-03-07T07:00:00Z'));
    expect(run.wbk).toMatchObject({ vandaag: '2026-03-07', signalen: 2, verlopen: 1 });
    expect(run.wbk!.verzonden).toEqual({ [IC]: 'verzonden', '00000000-0000-0000-0000-0000000000a2': 'geenReferentie' });
    expect(sent).toHaveLength(1);
    const card = JSON.stringify(sent[0].replies);
    expect(card).toContain(
      '"text":"M-2026-0002: ontvangstbevestiging uiterlijk 27 februari 2026: 8 dagen te laat","wrap":true,"color":"Attention"',
    );
    expect(card).toContain('M-2026-0001: ontvangstbevestiging uiterlijk 9 maart 2026: nog 2 dagen');
    expect(card).not.toContain('M-2026-0003');
    expect(card).not.toContain('M-2026-0004');

    // Later the same day: already done.
    expect((await runDagelijkseJobs(ctx, new Date('2026-03-07T15:00:00Z'))).wbk).toBeUndefined();
    // Next day: a new card.
    const next = await runDagelijkseJobs(ctx, new Date('2026-03-08T07:30:00Z'));
    expect(next.wbk!.verzonden[IC]).toBe('verzonden');
    expect(sent).toHaveLength(2);
  });

  it('writes to an English-speaking coordinator in English', async () => {
    const { store, sent, proactive, ctx } = omgeving();
    await proactive.refs.save(IC, { ...ref(IC), locale: 'en-GB' });
    await store.add('Meldingen', melding('M-2026-0002', '2026-02-20'));
    await runDagelijkseJobs(ctx, new Date('2026-03-07T07:00:00Z'));
    expect(JSON.stringify(sent[0].replies)).toContain('M-2026-0002: acknowledgement due 27 February 2026: 8 days overdue');
  });

  it('sends nothing when nothing needs attention', async () => {
    const { store, sent, proactive, ctx } = omgeving();
    await proactive.refs.save(IC, ref(IC));
    await store.add('Meldingen', melding('M-2026-0001', '2026-03-02', { ontvangstbevestigdOp: '2026-03-03' }));
    const run = await runDagelijkseJobs(ctx, new Date('2026-03-07T08:00:00Z'));
    expect(run.wbk).toMatchObject({ signalen: 0, verzonden: {} });
    expect(sent).toHaveLength(0);
  });

  it('a restart on the same day sends nothing twice', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-jobs-'));
    const file = path.join(dir, 'db.sqlite');
    const a = omgeving(file);
    await a.proactive.refs.save(IC, ref(IC));
    await a.store.add('Meldingen', melding('M-2026-0002', '2026-02-20'));
    await runDagelijkseJobs(a.ctx, new Date('2026-03-07T07:00:00Z'));
    expect(a.sent).toHaveLength(1);
    a.db.close();
    const b = omgeving(file);
    await runDagelijkseJobs(b.ctx, new Date('2026-03-07T07:05:00Z'));
    // Even when the job bookkeeping is lost, the dedupe keys hold.
    b.db.exec('DELETE FROM intake_job_runs');
    const again = await runDagelijkseJobs(b.ctx, new Date('2026-03-07T09:00:00Z'));
    expect(again.wbk!.verzonden[IC]).toBe('alVerzonden');
    expect(b.sent).toHaveLength(0);
    b.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('half-yearly uitvraag', () => {
  it('knows the current cycle and the period asked about', () => {
    expect(huidigeCyclus('2026-01-05', ['01-01', '07-01'])).toEqual({ cyclus: '2026-01-01', sinds: '2025-07-01' });
    expect(huidigeCyclus('2026-06-30', ['01-01', '07-01'])).toEqual({ cyclus: '2026-01-01', sinds: '2025-07-01' });
    expect(huidigeCyclus('2026-07-01', ['01-01', '07-01'])).toEqual({ cyclus: '2026-07-01', sinds: '2026-01-01' });
    expect(huidigeCyclus('2026-03-01', ['09-15'])).toEqual({ cyclus: '2025-09-15', sinds: '2024-09-15' });
    expect(teStartenCyclus('2026-01-15', ['01-01', '07-01'])?.cyclus).toBe('2026-01-01'); // 14 days: made up
    expect(teStartenCyclus('2026-01-16', ['01-01', '07-01'])).toBeUndefined(); // too late to start
  });

  function turn(oid: string, data: unknown, now: Date): TurnInput {
    return {
      kind: 'submit',
      data,
      user: { channelId: `29:${oid}`, aadObjectId: oid, rollen: rollenVan(config.rollen, { aadObjectId: oid }) },
      conversation: { id: `a:${oid}`, type: 'personal' },
      locale: 'nl',
      now,
    };
  }

  it('asks, takes answers as list items, reminds non-responders once after 7 days, and reports the response rate', async () => {
    const { lokaal, store, sent, proactive, ctx } = omgeving();
    await proactive.refs.save(VP, ref(VP));
    await proactive.refs.save(MGR, ref(MGR));
    const services = testServices({ store, config, lokaal, proactive });

    // 1 July 2026, 08:00 CEST.
    const dag1 = new Date('2026-07-01T06:00:00Z');
    const run1 = await runDagelijkseJobs(ctx, dag1);
    // Configured: vertrouwenspersonen a1 + Megan (…0021), managers a4 + Isaiah (…0023); a1/a4 never used the bot.
    expect(run1.uitvraag!.gestart).toEqual({
      '00000000-0000-0000-0000-0000000000a1': 'geenReferentie',
      [VP]: 'verzonden',
      '00000000-0000-0000-0000-0000000000a4': 'geenReferentie',
      [MGR]: 'verzonden',
    });
    expect(run1.uitvraag!.respons).toMatchObject({ cyclus: '2026-07-01', gevraagd: 4, beantwoord: 0, percentage: 0, nietBereikbaar: 2 });
    const vpCard = JSON.stringify(sent.find((s) => s.conv === `a:${VP}`)!.replies);
    expect(vpCard).toContain('Heb je sinds 1 januari 2026 gesprekken gevoerd');
    expect(vpCard).toContain('"action":"intake.uitvraag.gesprek"');
    expect(JSON.stringify(sent.find((s) => s.conv === `a:${MGR}`)!.replies)).toContain('"action":"intake.uitvraag.melding"');

    // The vertrouwenspersoon adds one gesprek and then says there is nothing more.
    const r = await intakeFeature.onSubmit(
      turn(
        VP,
        {
          action: 'intake.uitvraag.gesprek',
          kaartId: randomUUID(),
          cyclus: '2026-07-01',
          datum: '2026-05-12',
          vertrouwenspersoon: 'intern',
          onderwerp: 'arbeidsconflict',
          isMelding: 'true',
          doorverwezen: 'mediation',
        },
        new Date('2026-07-02T10:00:00Z'),
      ),
      services,
    );
    expect(r[0]).toEqual({ type: 'text', text: 'G-2026-0001 is opgeslagen.' });
    expect(r.filter((x) => x.type === 'card')).toHaveLength(2); // confirmation + a fresh uitvraag card for the next one
    const geen = await intakeFeature.onSubmit(
      turn(VP, { action: 'intake.uitvraag.geen', kaartId: randomUUID(), cyclus: '2026-07-01' }, new Date('2026-07-02T10:01:00Z')),
      services,
    );
    expect(geen).toEqual([{ type: 'text', text: 'Dank je wel. Je antwoord op de uitvraag is verwerkt (1 vastgelegd).' }]);
    expect(await queryAll(store, 'Gesprekken')).toEqual([
      {
        gesprekId: 'G-2026-0001',
        datum: '2026-05-12',
        vertrouwenspersoon: 'intern',
        onderwerp: 'arbeidsconflict',
        isMelding: true,
        doorverwezen: 'mediation',
        verwijderdOp: null,
      },
    ]);

    // Day 2..7: no reminder yet, and the start is not repeated.
    sent.length = 0;
    for (const d of ['2026-07-02', '2026-07-07']) await runDagelijkseJobs(ctx, new Date(`${d}T07:00:00Z`));
    expect(sent).toHaveLength(0);

    // 8 July: 7 days after the card reached the manager, who has not answered: one reminder.
    const run8 = await runDagelijkseJobs(ctx, new Date('2026-07-08T07:00:00Z'));
    expect(run8.uitvraag!.herinnerd).toEqual({ [MGR]: 'verzonden' });
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0].replies)).toContain('Herinnering: we hebben nog geen antwoord op de uitvraag van 1 juli 2026.');

    // 9 July: no second reminder.
    const run9 = await runDagelijkseJobs(ctx, new Date('2026-07-09T07:00:00Z'));
    expect(run9.uitvraag!.herinnerd).toEqual({});
    expect(sent).toHaveLength(1);

    // The manager answers with a matter: it becomes a Meldingen item from meldpunt leidinggevende.
    await intakeFeature.onSubmit(
      turn(
        MGR,
        {
          action: 'intake.uitvraag.melding',
          kaartId: randomUUID(),
          cyclus: '2026-07-01',
          ontvangenOp: '2026-04-03',
          kanaal: 'gesprek',
          meldpunt: 'leidinggevende',
          soort: 'zakelijk',
          categorie: 'dienstmiddelenInterneRegels',
          betrokkene: 'ambtenaar',
          anoniem: 'false',
          onderzoek: 'lijn',
          uitkomst: 'gegrond',
          maatregelen: 'waarschuwing',
          ontvangstbevestigdOp: '2026-04-03',
        },
        new Date('2026-07-10T09:00:00Z'),
      ),
      services,
    );
    expect(await store.get('Meldingen', 'M-2026-0001')).toMatchObject({
      meldpunt: 'leidinggevende',
      soort: 'zakelijk',
      maatregelen: ['waarschuwing'],
    });

    // The coordinator sees the response: 2 of 4 (50%), 1 reminder, 2 unreachable, 2 items.
    expect(await intakeStaat(lokaal).respons('2026-07-01')).toEqual({
      cyclus: '2026-07-01',
      gevraagd: 4,
      beantwoord: 2,
      percentage: 50,
      herinnerd: 1,
      nietBereikbaar: 2,
      items: 2,
    });
    const statusReplies = await intakeFeature.onCommand!(
      'uitvraag status',
      turn(IC, undefined, new Date('2026-07-10T09:00:00Z')),
      services,
    );
    const facts = JSON.stringify(statusReplies);
    expect(facts).toContain('{"title":"Respons","value":"50%"}');
    expect(facts).toContain('{"title":"Gevraagd","value":"4"}');
    // The uitvraag dates are 1 January and 1 July: on 10 July the next one is 1 January 2027.
    expect(facts).toContain('Volgende uitvraag: 1 januari 2027.');

    // 15 July (day 14): the coordinator gets the response card once, without asking.
    await proactive.refs.save(IC, ref(IC));
    sent.length = 0;
    const run15 = await runDagelijkseJobs(ctx, new Date('2026-07-15T07:00:00Z'));
    expect(run15.uitvraag!.responsVerzonden[IC]).toBe('verzonden');
    // (The coordinator also gets that day's Wbk card: the manager's melding of April has overdue feedback.)
    const responsKaarten = () =>
      sent.filter((s) => s.conv === `a:${IC}` && JSON.stringify(s.replies).includes('Uitvraag van 1 juli 2026: respons'));
    expect(responsKaarten()).toHaveLength(1);
    expect(JSON.stringify(responsKaarten()[0].replies)).toContain('{"title":"Respons","value":"50%"}');
    await runDagelijkseJobs(ctx, new Date('2026-07-16T07:00:00Z'));
    expect(responsKaarten()).toHaveLength(1);
  });

  it('someone unreachable on day 1 who installs the bot on day 3 still gets the uitvraag (within the start window)', async () => {
    const { sent, proactive, ctx } = omgeving();
    await runDagelijkseJobs(ctx, new Date('2026-01-01T07:00:00Z'));
    expect(sent).toHaveLength(0);
    await proactive.refs.save(VP, ref(VP));
    const run = await runDagelijkseJobs(ctx, new Date('2026-01-03T07:00:00Z'));
    expect(run.uitvraag!.gestart[VP]).toBe('verzonden');
    expect(run.uitvraag!.respons).toMatchObject({ gevraagd: 4, nietBereikbaar: 3 });
  });
});

describe('ambtseed reminders run with the daily jobs', () => {
  it('a new hire who has not booked gets the 14-day reminders from the scheduler, once', async () => {
    const { store, sent, proactive, ctx } = omgeving();
    const NIEUW = '00000000-0000-4000-8000-00000000b001';
    await proactive.refs.save(NIEUW, ref(NIEUW));
    // demo: deadline = indienstOp + 2 months → 2027-03-04; 14 days before = 2027-02-18.
    await store.add('NieuweMedewerkers', { medewerkerId: NIEUW, indienstOp: '2027-01-04', dienstverband: 'arbeidsovereenkomst' });
    const run = await runDagelijkseJobs(ctx, new Date('2027-02-18T08:00:00Z'));
    // Two obligations with the same deadline: the ambtseed and (demo: workshopVerplicht) the workshop.
    expect(run.ambtseed?.deadline14).toEqual({ verzonden: 2 });
    expect(sent.filter((s) => s.conv === `a:${NIEUW}`).length).toBeGreaterThanOrEqual(1);
    const again = await runDagelijkseJobs(ctx, new Date('2027-02-18T12:00:00Z'));
    expect(again.ambtseed).toBeUndefined();
  });
});
