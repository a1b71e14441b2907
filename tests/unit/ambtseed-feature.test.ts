import { loadOrgConfig } from '@shared/config';
import { SqliteListStore } from '@shared/store';
import type { Reply, TurnInput } from '../../bot/src/features/feature';
import { testServices } from '../support/services';
import type { ProactiveSender } from '../../bot/src/proactive';
import { ambtseedFeature } from '../../bot/src/features/ambtseed';
import { AMBTSEED_KAARTEN, kaartTemplate } from '../../bot/src/features/ambtseed/cards';
import { kaartFouten } from '../support/adaptive-kaart';

const HR = '00000000-0000-0000-0000-0000000000a3';
const config = loadOrgConfig('demo');
const now = new Date('2026-11-02T09:00:00Z');

function setup() {
  const store = new SqliteListStore(':memory:');
  const verzonden: { aan: string; key: string; replies: Reply[] }[] = [];
  const proactive: ProactiveSender = {
    async send(aan, replies, key) {
      if (verzonden.some((v) => v.key === key)) return 'alVerzonden';
      verzonden.push({ aan, key, replies });
      return 'verzonden';
    },
    canReach: async () => true,
    wasSent: async (k) => verzonden.some((v) => v.key === k),
  };
  const services = testServices({ store, config, clock: () => now, proactive });
  const feature = ambtseedFeature;
  const kaarten: unknown[] = [];
  const input = (aadObjectId: string, data?: Record<string, unknown>, at = now): TurnInput => ({
    kind: data ? 'submit' : 'message',
    data,
    user: { channelId: `29:${aadObjectId}`, aadObjectId, rollen: aadObjectId === HR ? ['hr'] : [] },
    conversation: { id: 'c', type: 'personal' },
    locale: 'nl',
    now: at,
  });
  const verzamel = (r: Reply[]) => {
    for (const x of r) if (x.type === 'card') kaarten.push(x.card);
    return r;
  };
  const submit = async (who: string, data: Record<string, unknown>, at = now) =>
    verzamel(await feature.onSubmit(input(who, data, at), services));
  const command = async (who: string, c: string) => verzamel(await feature.onCommand!(c, input(who), services));
  return { store, services, feature, verzonden, submit, command, kaarten };
}

const tekst = (r: Reply[]) => JSON.stringify(r);

describe('ambtseed-feature', () => {
  it('elke kaarttemplate is een geldige Adaptive Card 1.5 (structuur)', () => {
    for (const naam of AMBTSEED_KAARTEN) {
      const tpl = kaartTemplate(naam);
      expect(tpl.version).toBe('1.5');
      expect(tpl.type).toBe('AdaptiveCard');
    }
  });

  it('plan, boek, wachtlijst, annuleer met promotie, verzet; HR-beheer en aanwezigheid; alle kaarten valide', async () => {
    const { store, submit, command, verzonden, kaarten } = setup();
    await store.addMany('AmbtseedSessies', [
      {
        sessieId: 'S-A',
        start: '2026-11-20T09:00:00.000Z',
        eind: '2026-11-20T10:00:00.000Z',
        soort: 'ambtseed',
        locatie: 'Statenzaal',
        online: false,
        afnemer: 'de provinciesecretaris',
        capaciteit: 1,
      },
      {
        sessieId: 'S-B',
        start: '2026-12-04T13:00:00.000Z',
        eind: '2026-12-04T14:00:00.000Z',
        soort: 'ambtseed',
        online: true,
        afnemer: 'de provinciesecretaris',
        capaciteit: 10,
      },
      {
        sessieId: 'W-A',
        start: '2026-11-25T09:00:00.000Z',
        eind: '2026-11-25T12:00:00.000Z',
        soort: 'workshopIntegriteit',
        locatie: 'Zaal 2',
        online: false,
        afnemer: 'de integriteitscoördinator',
        capaciteit: 10,
      },
    ]);
    await store.addMany('NieuweMedewerkers', [
      { medewerkerId: 'mw-1', indienstOp: '2026-11-01', dienstverband: 'arbeidsovereenkomst' },
      { medewerkerId: 'mw-2', indienstOp: '2026-10-15', dienstverband: 'arbeidsovereenkomst' },
      { medewerkerId: 'mw-x', indienstOp: '2026-11-01', dienstverband: 'extern' },
    ]);

    // Plan: what is owed, deadline 2027-01-01, sessions with free places first, eed and belofte texts + difference.
    const plan = await command('mw-1', 'plan mijn ambtseed');
    const p = tekst(plan);
    expect(p).toContain('vóór 1 januari 2027');
    expect(p).toContain('Statenzaal · 1 plaats vrij');
    expect(p).toContain('10 plaatsen vrij');
    expect(p).toContain(config.ambtseed.eedTekst);
    expect(p).toContain(config.ambtseed.belofteTekst);
    expect(p).toContain('Zo waarlijk helpe mij God almachtig.');
    expect(p).toContain('Dat verklaar en beloof ik.');
    expect(p).toMatch(/"id":"sessieId_ambtseed"[^]*"value":"S-A"/);
    expect(p).toContain('vr 20 nov 2026, 10:00'); // 09:00Z = 10:00 CET

    // Book the only place, then a second person is wait-listed.
    expect(
      tekst(await submit('mw-1', { action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-A', vorm: 'belofte' })),
    ).toContain('Je bent ingeschreven');
    const wacht = tekst(await submit('mw-2', { action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-A', vorm: 'eed' }));
    expect(wacht).toContain('wachtlijst (plaats 1)');
    expect(tekst(await submit('mw-2', { action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-A', vorm: 'eed' }))).toContain(
      'al ingeschreven',
    );
    // Someone else cannot cancel my booking.
    expect(tekst(await submit('mw-2', { action: 'ambtseed.annuleer', inschrijvingId: 'S-A#00001' }))).toContain('niet van jou');
    // I cancel: first the bot asks (nothing changes), then the first on the waitlist gets the place and is told.
    expect(tekst(await submit('mw-1', { action: 'ambtseed.annuleer', inschrijvingId: 'S-A#00001' }))).toContain('Inschrijving annuleren?');
    expect((await store.get('AmbtseedInschrijvingen', 'S-A#00001'))?.status).toBe('ingeschreven');
    expect(tekst(await submit('mw-1', { action: 'ambtseed.annuleer', inschrijvingId: 'S-A#00001', bevestigd: 'ja' }))).toContain(
      'geannuleerd',
    );
    expect(verzonden.map((v) => [v.aan, v.key])).toEqual([['mw-2', 'ambtseed:promotie:S-A#00002']]);
    expect((await store.get('AmbtseedInschrijvingen', 'S-A#00002'))?.status).toBe('ingeschreven');
    // Rebook mw-2 to the online session.
    expect(
      tekst(await submit('mw-2', { action: 'ambtseed.verzet', soort: 'ambtseed', inschrijvingId: 'S-A#00002', sessieId_ambtseed: 'S-B' })),
    ).toContain('verzet naar');
    // Workshop booking.
    expect(tekst(await submit('mw-1', { action: 'ambtseed.boek', soort: 'workshopIntegriteit', sessieId_workshop: 'W-A' }))).toContain(
      'Workshop integriteit',
    );
    // Missing choice → Dutch message, nothing written.
    expect(tekst(await submit('mw-1', { action: 'ambtseed.boek', soort: 'ambtseed', vorm: 'eed' }))).toContain(
      'Kies eerst een bijeenkomst',
    );
    expect(tekst(await submit('mw-1', { action: 'ambtseed.boek', soort: 'kapot' }))).toContain('Dat kon ik niet verwerken');

    // External: integriteitsverklaring instead of the oath.
    const px = tekst(await command('mw-x', 'integriteitsverklaring'));
    expect(px).toContain(config.ambtseed.verklaringTekst!);
    expect(px).not.toContain('"id":"sessieId_ambtseed"');
    expect(tekst(await submit('mw-x', { action: 'ambtseed.verklaring' }))).toContain('vastgelegd op 2 november 2026');
    expect(await store.get('AmbtseedInschrijvingen', 'integriteitsverklaring#mw-x')).toMatchObject({
      status: 'afgelegd',
      vorm: 'integriteitsverklaring',
      afgelegdOp: '2026-11-02',
    });

    // HR only.
    expect(tekst(await submit('mw-1', { action: 'ambtseed.hr' }))).toContain('alleen voor HR');
    const hr = tekst(await command(HR, 'ambtseed beheer'));
    expect(hr).toContain('Capaciteit in het eerste kwartaal van 2027');
    // New session on the last Sunday of March 2027 (28 March, CEST): 10:00 local = 08:00Z.
    await submit(HR, { action: 'ambtseed.sessieFormulier', nieuw: true });
    await submit(HR, {
      action: 'ambtseed.sessieOpslaan',
      sessieId: '',
      soort: 'ambtseed',
      datum: '2027-03-28',
      begin: '10:00',
      eind: '11:30',
      locatie: 'Statenzaal',
      online: 'false',
      afnemer: 'de Commissaris van de Koning',
      capaciteit: '25',
      weekend: 'ja', // 28 March 2027 is a Sunday, confirmed
    });
    expect(await store.get('AmbtseedSessies', 'S-2027-03-28-1000-E')).toMatchObject({
      start: '2027-03-28T08:00:00.000Z',
      eind: '2027-03-28T09:30:00.000Z',
      capaciteit: 25,
    });
    expect(
      tekst(
        await submit(HR, {
          action: 'ambtseed.sessieOpslaan',
          soort: 'ambtseed',
          datum: '2027-03-28',
          begin: '02:30',
          eind: '03:30',
          locatie: 'x',
          afnemer: 'y',
          capaciteit: 5,
        }),
      ),
    ).toContain('bestaat niet');
    expect(
      tekst(
        await submit(HR, {
          action: 'ambtseed.sessieOpslaan',
          soort: 'ambtseed',
          datum: '2027-03-28',
          begin: '12:00',
          eind: '11:00',
          locatie: 'x',
          afnemer: 'y',
          capaciteit: 5,
        }),
      ),
    ).toContain('na de begintijd');
    // Edit form of S-B shows its Amsterdam time (13:00Z on 4 Dec = 14:00 CET).
    expect(tekst(await submit(HR, { action: 'ambtseed.sessieFormulier', sessieId: 'S-B' }))).toContain('"value":"14:00"');
    // Cancel S-B: needs the confirmation; then mw-2 is told.
    expect(tekst(await submit(HR, { action: 'ambtseed.sessieAnnuleer', sessieId: 'S-B', bevestigd: 'nee' }))).toContain(
      'niets geannuleerd',
    );
    expect(tekst(await submit(HR, { action: 'ambtseed.sessieAnnuleer', sessieId: 'S-B', bevestigd: 'ja' }))).toContain(
      '1 ingeschreven persoon krijgt bericht',
    );
    expect(verzonden.at(-1)).toMatchObject({ aan: 'mw-2', key: 'ambtseed:sessieGeannuleerd:S-B#00001' });
    expect((await store.get('AmbtseedSessies', 'S-B'))?.capaciteit).toBe(0);

    // Attendance after the session: mw-1 rebooks S-A and takes the belofte.
    await submit('mw-1', { action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-A', vorm: 'belofte' });
    expect(tekst(await submit(HR, { action: 'ambtseed.aanwezigheid', sessieId: 'S-A' }))).toContain('vanaf het begin');
    const na = new Date('2026-11-20T10:30:00Z');
    const aw = tekst(await submit(HR, { action: 'ambtseed.aanwezigheid', sessieId: 'S-A' }, na));
    expect(aw).toContain('"id":"a_S-A#00003"');
    expect(aw).toContain('"value":"afgelegd-belofte"');
    expect(
      tekst(await submit(HR, { action: 'ambtseed.aanwezigheidOpslaan', sessieId: 'S-A', 'a_S-A#00003': 'afgelegd-belofte' }, na)),
    ).toContain('Vastgelegd: 1 × belofte afgelegd.');
    expect(await store.get('AmbtseedInschrijvingen', 'S-A#00003')).toMatchObject({
      status: 'afgelegd',
      vorm: 'belofte',
      afgelegdOp: '2026-11-20',
    });
    expect(JSON.stringify(verzonden.at(-1))).toMatch(/http:\/\/bot\.test\/ambtseed\/oorkonde\/S-A%2300003\.docx\?exp=\d+&sig=[0-9a-f]{32}/);

    for (const k of kaarten) expect(kaartFouten(k)).toEqual([]);
    expect(kaarten.length).toBeGreaterThan(12);
  });
});

describe('ambtseed-feature in het Engels', () => {
  it('een geweigerde boeking krijgt een Engelse melding; de kaart is Engels', async () => {
    const store = new SqliteListStore(':memory:');
    await store.add('AmbtseedSessies', {
      sessieId: 'S-X',
      start: '2026-11-20T09:00:00.000Z',
      eind: '2026-11-20T10:00:00.000Z',
      soort: 'ambtseed',
      locatie: 'Statenzaal',
      online: false,
      afnemer: 'de provinciesecretaris',
      capaciteit: 0,
    });
    const feature = ambtseedFeature;
    const services = testServices({ store, config, clock: () => now });
    const input = (data?: object): TurnInput => ({
      kind: data ? 'submit' : 'message',
      data,
      user: { channelId: 'c', aadObjectId: 'mw-en', rollen: [] },
      conversation: { id: 'c', type: 'personal' },
      locale: 'en',
      now,
    });
    expect(
      tekst(await feature.onSubmit(input({ action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-X', vorm: 'eed' }), services)),
    ).toContain('This session has been cancelled');
    const plan = tekst(await feature.onCommand!('plan my oath', input(), services));
    expect(plan).toContain('Oath or affirmation: what is the difference?');
    expect(plan).toContain('No sessions are planned right now'); // the cancelled one is not offered
    await store.close();
  });
});
