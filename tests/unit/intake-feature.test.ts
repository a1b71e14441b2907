import { randomUUID } from 'node:crypto';
import { loadOrgConfig } from '@shared/config';
import { SqliteListStore, queryAll, LokaleStaat } from '@shared/store';
import { intakeFeature, INTAKE_ACTIONS } from '../../bot/src/features/intake';
import type { Reply, TurnInput } from '../../bot/src/features/feature';
import { testServices } from '../support/services';
import { rollenVan } from '@shared/domain/rollen';
import type { ProactiveSender, SendStatus } from '../../bot/src/proactive';
import { LIST_DEFINITIONS } from '@shared/lists/definitions';

// Demo config: Playground mock users (config/demo.yaml).
const U = {
  ic: '00000000-0000-0000-0000-0000000000020',
  vp: '00000000-0000-0000-0000-0000000000021',
  hr: '00000000-0000-0000-0000-0000000000022',
  manager: '00000000-0000-0000-0000-0000000000023',
  vpt: '00000000-0000-0000-0000-0000000000024',
  medewerker: '00000000-0000-0000-0000-0000000000025',
} as const;
type Wie = keyof typeof U;

const NOW = new Date('2026-03-01T23:30:00Z'); // 00:30 on 2 March in Amsterdam
const config = loadOrgConfig('demo');

function fakeSender() {
  const sent: { oid: string; key: string; replies: Reply[] }[] = [];
  const sender: ProactiveSender = {
    async send(oid, replies, key): Promise<SendStatus> {
      if (sent.some((s) => s.key === key)) return 'alVerzonden';
      sent.push({ oid, key, replies });
      return 'verzonden';
    },
    canReach: async () => true,
    wasSent: async (k) => sent.some((s) => s.key === k),
  };
  return { sender, sent };
}

function setup(withSender = true) {
  const lokaal = LokaleStaat.open(':memory:');
  const store = new SqliteListStore(lokaal);
  const logs: object[] = [];
  const log = { info: (o: object) => logs.push(o), warn: (o: object) => logs.push(o), error: (o: object) => logs.push(o) };
  const { sender, sent } = fakeSender();
  const services = testServices({ store, config, lokaal, log, clock: () => NOW, ...(withSender ? { proactive: sender } : {}) });
  return { store, services, sent, logs };
}

function input(wie: Wie, data?: unknown, text?: string, locale: 'nl' | 'en' = 'nl'): TurnInput {
  return {
    kind: data ? 'submit' : 'message',
    data,
    text,
    user: { channelId: `29:${wie}`, aadObjectId: U[wie], rollen: rollenVan(config.rollen, { aadObjectId: U[wie] }) },
    conversation: { id: `c-${wie}`, type: 'personal' },
    locale,
    now: NOW,
  };
}

const texts = (r: Reply[]) => r.filter((x): x is { type: 'text'; text: string } => x.type === 'text').map((x) => x.text);
const cards = (r: Reply[]) => r.filter((x): x is { type: 'card'; card: Record<string, unknown> } => x.type === 'card').map((x) => x.card);

const gesprek = (extra: Record<string, unknown> = {}) => ({
  action: 'intake.gesprek.opslaan',
  kaartId: randomUUID(),
  cyclus: '',
  datum: '2026-03-02',
  vertrouwenspersoon: 'intern',
  onderwerp: 'ongewensteOmgangsvormen',
  isMelding: 'true',
  doorverwezen: 'geen',
  ...extra,
});
const melding = (extra: Record<string, unknown> = {}) => ({
  action: 'intake.melding.opslaan',
  kaartId: randomUUID(),
  cyclus: '',
  ontvangenOp: '2026-02-20',
  kanaal: 'gesprek',
  meldpunt: 'integriteitscoordinator',
  soort: 'vermoedenMisstand',
  categorie: 'financieel',
  betrokkene: 'ambtenaar',
  anoniem: 'true',
  onderzoek: 'geen',
  uitkomst: 'lopend',
  maatregelen: 'geen',
  ontvangstbevestigdOp: '',
  ...extra,
});
const agressie = (extra: Record<string, unknown> = {}) => ({
  action: 'intake.agressie.opslaan',
  kaartId: randomUUID(),
  datum: '2026-03-01',
  soort: 'verbaal,psychisch',
  toelichting: '',
  ...extra,
});

async function telItems(store: SqliteListStore) {
  return {
    g: (await queryAll(store, 'Gesprekken')).length,
    m: (await queryAll(store, 'Meldingen')).length,
    a: (await queryAll(store, 'AgressieIncidenten')).length,
  };
}

describe('intake: every role against every action (server-side)', () => {
  // Expected permissions written from the issue text, not from the code: vertrouwenspersoon logs gesprekken,
  // the integriteitscoördinator registers/updates meldingen and sees deadlines and response, managers and
  // vertrouwenspersonen answer the uitvraag, everyone registers agressie, the adviseur VPT adds maatregelen.
  const ALLE: Wie[] = ['ic', 'vp', 'hr', 'manager', 'vpt', 'medewerker'];
  const MAG: Record<string, Wie[]> = {
    'intake.menu': ALLE,
    'intake.gesprek.start': ['vp'],
    'intake.gesprek.opslaan': ['vp'],
    'intake.gesprek.mijn': ['vp'],
    'intake.gesprek.corrigeerStart': ['vp'],
    'intake.gesprek.corrigeer': ['vp'],
    'intake.gesprek.verwijderStart': ['vp'],
    'intake.gesprek.verwijder': ['vp'],
    'intake.gesprek.behouden': ['vp'],
    'intake.melding.start': ['ic'],
    'intake.melding.opslaan': ['ic'],
    'intake.melding.bijwerkenStart': ['ic'],
    'intake.melding.kies': ['ic'],
    'intake.melding.bijwerken': ['ic'],
    'intake.wbk.overzicht': ['ic'],
    'intake.uitvraag.status': ['ic'],
    'intake.uitvraag.gesprek': ['vp'],
    'intake.uitvraag.melding': ['manager'],
    'intake.uitvraag.geen': ['vp', 'manager'],
    'intake.agressie.start': ALLE,
    'intake.agressie.opslaan': ALLE,
    'intake.agressie.bijwerkenStart': ['vpt'],
    'intake.agressie.kies': ['vpt'],
    'intake.agressie.bijwerken': ['vpt'],
  };
  const payload = (action: string): Record<string, unknown> => {
    if (action === 'intake.gesprek.opslaan') return gesprek();
    if (action === 'intake.uitvraag.gesprek') return gesprek({ action, cyclus: '2026-01-01' });
    if (action === 'intake.gesprek.corrigeerStart' || action === 'intake.gesprek.verwijderStart' || action === 'intake.gesprek.behouden')
      return { action, gesprekId: 'G-2026-0001' };
    if (action === 'intake.gesprek.verwijder') return { action, kaartId: randomUUID(), gesprekId: 'G-2026-0001' };
    if (action === 'intake.gesprek.corrigeer') {
      const { cyclus: _geen, ...rest } = gesprek({ action, gesprekId: 'G-2026-0001' });
      return rest;
    }
    if (action === 'intake.melding.opslaan') return melding();
    if (action === 'intake.uitvraag.melding') return melding({ action, cyclus: '2026-01-01', meldpunt: 'leidinggevende' });
    if (action === 'intake.melding.kies') return { action, meldingId: 'M-2026-0001' };
    if (action === 'intake.melding.bijwerken')
      return {
        action,
        meldingId: 'M-2026-0001',
        ontvangstbevestigdOp: '2026-02-21',
        terugkoppelingOp: '',
        onderzoek: 'geen',
        uitkomst: 'lopend',
        maatregelen: 'geen',
        afgeslotenOp: '',
        bewaarTot: '',
      };
    if (action === 'intake.uitvraag.geen') return { action, cyclus: '2026-01-01' };
    if (action === 'intake.agressie.opslaan') return agressie();
    if (action === 'intake.agressie.kies') return { action, incidentId: 'A-2026-0001' };
    if (action === 'intake.agressie.bijwerken') return { action, incidentId: 'A-2026-0001', maatregelen: 'waarschuwingsbrief' };
    return { action };
  };

  it('the table covers every action the feature has', () => {
    expect(Object.keys(MAG).sort()).toEqual(Object.keys(INTAKE_ACTIONS).sort());
  });

  for (const action of Object.keys(MAG)) {
    for (const wie of ALLE) {
      const mag = MAG[action].includes(wie);
      it(`${action} by ${wie}: ${mag ? 'allowed' : 'niet toegestaan, nothing written'}`, async () => {
        const { store, services } = setup();
        // Existing items to update/choose.
        await store.add('Meldingen', {
          meldingId: 'M-2026-0001',
          ontvangenOp: '2026-02-20',
          kanaal: 'gesprek',
          meldpunt: 'integriteitscoordinator',
          soort: 'zakelijk',
          categorie: 'informatie',
          betrokkene: 'ambtenaar',
          anoniem: false,
          onderzoek: 'geen',
          uitkomst: 'lopend',
          maatregelen: ['geen'],
        });
        await store.add('AgressieIncidenten', { incidentId: 'A-2026-0001', datum: '2026-02-01', soort: ['verbaal'] });
        const voor = await telItems(store);
        const voorMelding = await store.get('Meldingen', 'M-2026-0001');
        const voorIncident = await store.get('AgressieIncidenten', 'A-2026-0001');
        const replies = await intakeFeature.onSubmit(input(wie, payload(action)), services);
        const eerste = texts(replies)[0] ?? '';
        if (mag) {
          expect(eerste).not.toMatch(/^Niet toegestaan/);
        } else {
          expect(replies).toHaveLength(1);
          expect(eerste).toMatch(/^Niet toegestaan: .* is alleen voor .*\. Er is niets opgeslagen\.$/);
          expect(await telItems(store)).toEqual(voor);
          expect(await store.get('Meldingen', 'M-2026-0001')).toEqual(voorMelding);
          expect(await store.get('AgressieIncidenten', 'A-2026-0001')).toEqual(voorIncident);
        }
      });
    }
  }

  it('typed commands are checked the same way', async () => {
    const { services } = setup();
    expect(texts(await intakeFeature.onCommand!('melding registreren', input('vp'), services))[0]).toMatch(
      /^Niet toegestaan: "Melding registreren" is alleen voor de integriteitscoördinator/,
    );
    expect(cards(await intakeFeature.onCommand!('melding registreren', input('ic'), services))).toHaveLength(1);
    expect(texts(await intakeFeature.onCommand!('log conversation', input('hr', undefined, undefined, 'en'), services))[0]).toMatch(
      /^Not allowed: "Log a conversation" is only for confidential counsellors/,
    );
  });

  it('roles in card data cannot be forged: a rollen field is rejected and nothing is written', async () => {
    const { store, services } = setup();
    const r = await intakeFeature.onSubmit(input('medewerker', { ...melding(), rollen: ['integriteitscoordinator'] }), services);
    expect(texts(r)[0]).toMatch(/^Niet toegestaan/);
    const r2 = await intakeFeature.onSubmit(input('ic', { ...melding(), rollen: ['integriteitscoordinator'] }), services);
    expect(texts(r2)[0]).toMatch(/onbekende kolom|rollen/);
    expect((await telItems(store)).m).toBe(0);
  });
});

describe('Gesprek vastleggen', () => {
  it('the card defaults the date to today in Europe/Amsterdam and has no free-text input', async () => {
    const { services } = setup();
    const [card] = cards(await intakeFeature.onCommand!('gesprek vastleggen', input('vp'), services));
    const body = card.body as { type: string; id?: string; value?: string }[];
    expect(body.find((b) => b.id === 'datum')!.value).toBe('2026-03-02');
    expect(body.filter((b) => b.type === 'Input.Text')).toEqual([]);
    expect(body.filter((b) => b.id).map((b) => b.id)).toEqual(['datum', 'vertrouwenspersoon', 'onderwerp', 'isMelding', 'doorverwezen']);
  });

  it('saves a Gesprekken item with a server-generated id and confirms with a summary card', async () => {
    const { store, services } = setup();
    const r = await intakeFeature.onSubmit(input('vp', gesprek()), services);
    expect(texts(r)[0]).toBe('G-2026-0001 is opgeslagen.');
    expect(await store.get('Gesprekken', 'G-2026-0001')).toEqual({
      gesprekId: 'G-2026-0001',
      datum: '2026-03-02',
      vertrouwenspersoon: 'intern',
      onderwerp: 'ongewensteOmgangsvormen',
      isMelding: true,
      doorverwezen: 'geen',
      verwijderdOp: null,
    });
    const facts = (cards(r)[0].body as { type: string; facts?: { title: string; value: string }[] }[]).find(
      (b) => b.type === 'FactSet',
    )!.facts!;
    expect(facts).toContainEqual({ title: 'Onderwerp', value: 'Ongewenste omgangsvormen' });
    expect(facts).toContainEqual({ title: 'Nieuwe kwestie (geen vervolggesprek)', value: 'ja' });
  });

  it('a second submit of the same card writes nothing', async () => {
    const { store, services } = setup();
    const data = gesprek();
    await intakeFeature.onSubmit(input('vp', data), services);
    const r = await intakeFeature.onSubmit(input('vp', data), services);
    expect(texts(r)[0]).toBe('Deze kaart is al verwerkt als G-2026-0001; er is niets dubbel opgeslagen.');
    expect((await telItems(store)).g).toBe(1);
  });

  it.each([
    ['missing field', { onderwerp: undefined }, /Onderwerp: /],
    ['wrong type (toggle)', { isMelding: 'misschien' }, /Nieuwe kwestie.*: verwacht ja of nee/],
    ['wrong type (date)', { datum: 20260302 }, /Datum: /],
    ['unknown choice', { onderwerp: 'roddel' }, /Onderwerp: verwacht een van/],
    ['forged id', { gesprekId: 'G-2026-0042' }, /onbekende kolom.*gesprekId/],
    ['free text about a person', { naam: 'Jan' }, /onbekende kolom.*naam/],
    ['forged card id', { kaartId: "x'; DROP TABLE" }, /ongeldig kaart-id/],
    ['date in the future', { datum: '2026-03-03' }, /Datum ligt in de toekomst/],
  ])('rejects a submit with %s and writes nothing', async (_naam, wijziging, verwacht) => {
    const { store, services, logs } = setup();
    const data: Record<string, unknown> = { ...gesprek(), ...wijziging };
    for (const [k, v] of Object.entries(wijziging)) if (v === undefined) delete data[k];
    const r = await intakeFeature.onSubmit(input('vp', data), services);
    expect(texts(r)[0]).toMatch(/^Dat kon ik niet opslaan: /);
    expect(texts(r)[0]).toMatch(verwacht);
    expect(texts(r)[0]).toMatch(/Er is niets opgeslagen\.$/);
    expect((await telItems(store)).g).toBe(0);
    expect(JSON.stringify(logs)).not.toContain('Jan');
  });
});

describe('Melding registreren en bijwerken', () => {
  it('numbers meldingen per year of ontvangenOp: M-<jaar>-<nnnn>', async () => {
    const { services } = setup();
    const ids = [];
    for (const ontvangenOp of ['2026-02-20', '2026-02-21', '2025-12-30']) {
      ids.push(texts(await intakeFeature.onSubmit(input('ic', melding({ ontvangenOp })), services))[0]);
    }
    expect(ids).toEqual(['M-2026-0001 is opgeslagen.', 'M-2026-0002 is opgeslagen.', 'M-2025-0001 is opgeslagen.']);
  });

  it('an anonymous melding carries no reporter reference at all', async () => {
    const { store, services, logs } = setup();
    await intakeFeature.onSubmit(input('ic', melding({ anoniem: 'true' })), services);
    const item = (await store.get('Meldingen', 'M-2026-0001'))!;
    expect(Object.keys(item).sort()).toEqual(LIST_DEFINITIONS.Meldingen.columns.map((c) => c.name).sort());
    expect(item.anoniem).toBe(true);
    const dump = JSON.stringify(store.db.prepare(`SELECT * FROM intake_kaarten`).all()) + JSON.stringify(item) + JSON.stringify(logs);
    expect(dump.toLowerCase()).not.toContain(U.ic.toLowerCase());
  });

  it('rejects "geen" together with other maatregelen, and a confirmation before receipt', async () => {
    const { store, services } = setup();
    expect(texts(await intakeFeature.onSubmit(input('ic', melding({ maatregelen: 'geen,waarschuwing' })), services))[0]).toMatch(
      /"geen" kan niet samen/,
    );
    expect(texts(await intakeFeature.onSubmit(input('ic', melding({ ontvangstbevestigdOp: '2026-02-19' })), services))[0]).toMatch(
      /Ontvangstbevestiging verstuurd op ligt vóór de ontvangstdatum/,
    );
    expect((await telItems(store)).m).toBe(0);
  });

  it('updates ontvangstbevestiging, terugkoppeling, uitkomst, maatregelen and closes with bewaarTot one year later', async () => {
    const { store, services } = setup();
    await intakeFeature.onSubmit(input('ic', melding()), services);
    const card = cards(await intakeFeature.onSubmit(input('ic', { action: 'intake.melding.kies', meldingId: 'M-2026-0001' }), services))[0];
    expect(JSON.stringify(card)).toContain('"action":"intake.melding.bijwerken"');
    const r = await intakeFeature.onSubmit(
      input('ic', {
        action: 'intake.melding.bijwerken',
        meldingId: 'M-2026-0001',
        ontvangstbevestigdOp: '2026-02-24',
        terugkoppelingOp: '2026-03-01',
        onderzoek: 'intern',
        uitkomst: 'gegrond',
        maatregelen: 'waarschuwing,dossiernotitie',
        afgeslotenOp: '2026-03-02',
        bewaarTot: '',
      }),
      services,
    );
    expect(texts(r)[0]).toBe('M-2026-0001 is bijgewerkt.');
    expect(await store.get('Meldingen', 'M-2026-0001')).toMatchObject({
      ontvangstbevestigdOp: '2026-02-24',
      terugkoppelingOp: '2026-03-01',
      onderzoek: 'intern',
      uitkomst: 'gegrond',
      maatregelen: ['waarschuwing', 'dossiernotitie'],
      afgeslotenOp: '2026-03-02',
      bewaarTot: '2027-03-02',
    });
  });

  it.each([
    ['a forged (unknown) melding id', { meldingId: 'M-2026-9999' }, /^Melding M-2026-9999 bestaat niet\. Er is niets opgeslagen\.$/],
    ['a malformed melding id', { meldingId: "M-2026-0001' OR 1=1" }, /Melding: verwacht een melding-id/],
    ['closing while lopend', { afgeslotenOp: '2026-03-02', uitkomst: 'lopend' }, /afgesloten melding heeft een uitkomst/],
    ['a missing field', { uitkomst: undefined }, /Uitkomst: /],
  ])('rejects an update with %s', async (_n, wijziging, verwacht) => {
    const { store, services } = setup();
    await intakeFeature.onSubmit(input('ic', melding()), services);
    const voor = await store.get('Meldingen', 'M-2026-0001');
    const data: Record<string, unknown> = {
      action: 'intake.melding.bijwerken',
      meldingId: 'M-2026-0001',
      ontvangstbevestigdOp: '',
      terugkoppelingOp: '',
      onderzoek: 'geen',
      uitkomst: 'gegrond',
      maatregelen: 'geen',
      afgeslotenOp: '',
      bewaarTot: '',
      ...wijziging,
    };
    for (const [k, v] of Object.entries(wijziging)) if (v === undefined) delete data[k];
    expect(texts(await intakeFeature.onSubmit(input('ic', data), services))[0]).toMatch(verwacht);
    expect(await store.get('Meldingen', 'M-2026-0001')).toEqual(voor);
  });

  it('"melding bijwerken M-2026-0001" opens that melding directly', async () => {
    const { services } = setup();
    await intakeFeature.onSubmit(input('ic', melding()), services);
    const r = await intakeFeature.onCommand!('melding bijwerken', input('ic', undefined, 'melding bijwerken m-2026-0001'), services);
    expect(JSON.stringify(cards(r)[0])).toContain('Melding M-2026-0001 bijwerken');
  });
});

describe('Wbk overview on demand', () => {
  it('lists overdue deadlines in red with the days late', async () => {
    const { store, services } = setup();
    // Received 2026-02-20: confirm by 2026-02-27; today (Amsterdam) is 2026-03-02 → 3 days late.
    await intakeFeature.onSubmit(input('ic', melding()), services);
    const [card] = cards(await intakeFeature.onCommand!('termijnen', input('ic'), services));
    const red = JSON.stringify(card).match(/"text":"([^"]*)","wrap":true,"color":"Attention"/);
    expect(red![1]).toBe('M-2026-0001: ontvangstbevestiging uiterlijk 27 februari 2026: 3 dagen te laat');
    expect((await queryAll(store, 'Meldingen')).length).toBe(1);
  });
});

describe('Agressie-incident registreren', () => {
  it('stores date and soort only, and notifies the adviseur VPT once with a button to add maatregelen', async () => {
    const { store, services, sent } = setup();
    const r = await intakeFeature.onSubmit(input('medewerker', agressie({ toelichting: 'Dreigende taal aan de balie' })), services);
    expect(texts(r)).toEqual([
      'A-2026-0001 is opgeslagen.',
      // No consent to be contacted: the adviser gets no name, so the bot promises no call (config/demo.yaml's contact).
      'De adviseur Veilige Publieke Taak heeft een bericht gekregen, zonder je naam, en legt de maatregelen bij het incident vast. Wil je hulp of contact, neem dan zelf contact op: Adviseur Veilige Publieke Taak, 070 000 00 05, vpt@demoland.example.',
    ]);
    expect(await store.get('AgressieIncidenten', 'A-2026-0001')).toEqual({
      incidentId: 'A-2026-0001',
      datum: '2026-03-01',
      soort: ['verbaal', 'psychisch'],
      maatregelen: [],
    });
    // Demo config: two adviseurs VPT (test user ...a5 and Playground user Patti ...0024).
    expect(sent.map((s) => s.key).sort()).toEqual(
      [`agressie:A-2026-0001:${U.vpt}`, 'agressie:A-2026-0001:00000000-0000-0000-0000-0000000000a5'].sort(),
    );
    const card = JSON.stringify(sent[0].replies);
    expect(card).toContain('Dreigende taal aan de balie');
    expect(card).toContain('"action":"intake.agressie.kies","incidentId":"A-2026-0001"');
    // The note is not stored anywhere in the lists.
    expect(JSON.stringify(await queryAll(store, 'AgressieIncidenten'))).not.toContain('Dreigende');
  });

  it.each([
    ['an e-mail address', 'dader: piet@voorbeeld.nl', /e-mailadres/],
    ['a phone number', 'belde vanaf 06 12 34 56 78', /telefoonnummer/],
    ['a BSN', 'klant met bsn 111222333', /burgerservicenummer/],
  ])('rejects a note with %s, says why, writes and sends nothing', async (_n, toelichting, reden) => {
    const { store, services, sent, logs } = setup();
    const r = await intakeFeature.onSubmit(input('medewerker', agressie({ toelichting })), services);
    expect(texts(r)[0]).toMatch(/^Toelichting: Dit veld mag geen/);
    expect(texts(r)[0]).toMatch(reden);
    expect((await telItems(store)).a).toBe(0);
    expect(sent).toHaveLength(0);
    expect(JSON.stringify(logs)).not.toContain(toelichting);
  });

  it('without proactive messaging the employee is told whom to contact', async () => {
    const { services } = setup(false);
    const r = await intakeFeature.onSubmit(input('medewerker', agressie()), services);
    expect(texts(r)[1]).toMatch(
      /^De adviseur Veilige Publieke Taak kon niet automatisch worden bericht\. Neem zelf contact op: Adviseur Veilige Publieke Taak, 070 000 00 05/,
    );
  });

  it('the adviseur VPT records maatregelen; a forged incident id writes nothing', async () => {
    const { store, services } = setup();
    await intakeFeature.onSubmit(input('medewerker', agressie()), services);
    const r = await intakeFeature.onSubmit(
      input('vpt', { action: 'intake.agressie.bijwerken', incidentId: 'A-2026-0001', maatregelen: 'waarschuwingsbrief,aangiftePolitie' }),
      services,
    );
    expect(texts(r)[0]).toBe('A-2026-0001 is bijgewerkt.');
    expect((await store.get('AgressieIncidenten', 'A-2026-0001'))!.maatregelen).toEqual(['waarschuwingsbrief', 'aangiftePolitie']);
    expect(
      texts(
        await intakeFeature.onSubmit(
          input('vpt', { action: 'intake.agressie.bijwerken', incidentId: 'A-2026-0077', maatregelen: 'herstelgesprek' }),
          services,
        ),
      )[0],
    ).toMatch(/bestaat niet/);
    expect(
      texts(
        await intakeFeature.onSubmit(
          input('vpt', { action: 'intake.agressie.bijwerken', incidentId: 'A-2026-0001', maatregelen: 'opsluiten' }),
          services,
        ),
      )[0],
    ).toMatch(/Maatregelen: verwacht een van/);
    expect((await store.get('AgressieIncidenten', 'A-2026-0001'))!.maatregelen).toEqual(['waarschuwingsbrief', 'aangiftePolitie']);
  });
});

describe('configuration', () => {
  it('the meldpunten the config names (intake.meldingRollen) may register meldingen too', async () => {
    const store = new SqliteListStore(':memory:');
    const cfg = {
      ...config,
      intake: {
        ...config.intake,
        meldingRollen: ['integriteitscoordinator', 'vertrouwenspersoon'] as ('integriteitscoordinator' | 'vertrouwenspersoon')[],
      },
    };
    const services = testServices({ store, config: cfg, clock: () => NOW });
    expect(texts(await intakeFeature.onSubmit(input('vp', melding({ meldpunt: 'vertrouwenspersoon' })), services))[0]).toBe(
      'M-2026-0001 is opgeslagen.',
    );
    expect(texts(await intakeFeature.onSubmit(input('manager', melding()), services))[0]).toMatch(
      /^Niet toegestaan: "Melding registreren" is alleen voor de integriteitscoördinator of vertrouwenspersonen\./,
    );
  });

  it('an employee without a role sees only "Agressie-incident registreren" in the menu', async () => {
    const { services } = setup();
    const [card] = cards(await intakeFeature.onCommand!('intake', input('medewerker'), services));
    expect((card.actions as { data: { action: string } }[]).map((a) => a.data.action)).toEqual(['intake.agressie.start']);
    expect(JSON.stringify(card)).toContain('Je hebt geen rol voor de registratie.');
  });
});

describe('zod validation of the melding and agressie cards', () => {
  it.each([
    [
      'missing field',
      'ic',
      () => {
        const d: Record<string, unknown> = melding();
        delete d.categorie;
        return d;
      },
      /Categorie: /,
    ],
    ['wrong type (anoniem)', 'ic', () => melding({ anoniem: 'misschien' }), /Anonieme melding.*: verwacht ja of nee/],
    ['wrong type (maatregelen)', 'ic', () => melding({ maatregelen: 42 }), /Maatregelen: /],
    ['forged meldingId', 'ic', () => melding({ meldingId: 'M-2026-0001' }), /onbekende kolom.*meldingId/],
    ['reporter name', 'ic', () => melding({ melder: 'Piet' }), /onbekende kolom.*melder/],
    ['received in the future', 'ic', () => melding({ ontvangenOp: '2026-03-05' }), /Ontvangen op ligt in de toekomst/],
    ['agressie without soort', 'medewerker', () => agressie({ soort: '' }), /Soort agressie: kies minstens één waarde/],
    ['agressie wrong date type', 'medewerker', () => agressie({ datum: true }), /Datum: /],
    ['agressie forged incidentId', 'medewerker', () => agressie({ incidentId: 'A-2026-0001' }), /onbekende kolom.*incidentId/],
    ['agressie citizen name', 'medewerker', () => agressie({ burger: 'Jan Jansen' }), /onbekende kolom.*burger/],
  ] as const)('rejects %s and writes nothing', async (_n, wie, data, verwacht) => {
    const { store, services, sent } = setup();
    const r = await intakeFeature.onSubmit(input(wie, data()), services);
    expect(texts(r)[0]).toMatch(/^Dat kon ik niet opslaan: /);
    expect(texts(r)[0]).toMatch(verwacht);
    expect(await telItems(store)).toEqual({ g: 0, m: 0, a: 0 });
    expect(sent).toHaveLength(0);
  });
});
