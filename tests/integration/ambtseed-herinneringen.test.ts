import { loadOrgConfig } from '@shared/config';
import { SqliteListStore } from '@shared/store';
import { AmbtseedBoeking, legVerklaringVast, markeerAanwezigheid } from '@shared/store/ambtseed-booking';
import { buildJaarverslag, leesJaarverslagBronnen } from '@shared/report';
import { runAmbtseedHerinneringen } from '../../bot/src/features/ambtseed/herinneringen-job';

import { nepZender } from '../support/proactive-fake';

const config = loadOrgConfig('demo'); // termijn 2 months, workshopVerplicht true, hr users …a3 and …22

async function vulStore(): Promise<SqliteListStore> {
  const store = new SqliteListStore(':memory:');
  await store.addMany('NieuweMedewerkers', [
    { medewerkerId: 'mw-open', indienstOp: '2027-01-04', dienstverband: 'arbeidsovereenkomst' }, // deadline 2027-03-04
    { medewerkerId: 'mw-geboekt', indienstOp: '2027-01-04', dienstverband: 'stagiair', workshopGevolgdOp: '2027-01-20' },
  ]);
  await store.add('AmbtseedSessies', {
    sessieId: 'S-1',
    start: '2027-02-15T09:00:00.000Z',
    eind: '2027-02-15T10:00:00.000Z',
    soort: 'ambtseed',
    locatie: 'Statenzaal',
    online: false,
    afnemer: 'de provinciesecretaris',
    capaciteit: 20,
  });
  await store.add('AmbtseedSessies', {
    sessieId: 'W-1',
    start: '2027-02-16T09:00:00.000Z',
    eind: '2027-02-16T10:00:00.000Z',
    soort: 'workshopIntegriteit',
    locatie: 'Zaal',
    online: false,
    afnemer: 'de integriteitscoördinator',
    capaciteit: 20,
  });
  // mw-open books only the workshop; the stagiair signs the verklaring on day 1.
  await new AmbtseedBoeking(store).boek(
    { sessieId: 'W-1', medewerker: 'mw-open', dienstverband: 'arbeidsovereenkomst', indienstOp: '2027-01-04' },
    new Date('2027-01-05T10:00:00Z'),
  );
  await legVerklaringVast(store, { medewerker: 'mw-geboekt', dienstverband: 'stagiair', indienstOp: '2027-01-04', datum: '2027-01-04' });
  return store;
}

describe('herinneringsjob met een nep-klok', () => {
  it('dagelijks gedraaid van indiensttreding tot na de deadline: 14 en 3 dagen vooraf, de dag ervoor, wekelijks HR-overzicht met alleen aantallen', async () => {
    const store = await vulStore();

    const { sender, sent, zetDag } = nepZender();
    for (let d = Date.parse('2027-01-04T07:00:00Z'); d <= Date.parse('2027-03-10T07:00:00Z'); d += 86400_000) {
      const now = new Date(d);
      zetDag(now.toISOString().slice(0, 10));
      await runAmbtseedHerinneringen({ store, config, sender, now });
      await runAmbtseedHerinneringen({ store, config, sender, now }); // a second run the same day sends nothing new
    }
    const naarMedewerkers = [...sent].filter(([, v]) => v.aan.startsWith('mw-')).map(([k, v]) => [k, v.dag]);
    expect(naarMedewerkers).toEqual([
      ['ambtseed:welkom:mw-open', '2027-01-04'],
      ['ambtseed:dagVoor:W-1#00001', '2027-02-15'],
      ['ambtseed:deadline14:ambtseed:mw-open:2027-03-04', '2027-02-18'],
      ['ambtseed:deadline3:ambtseed:mw-open:2027-03-04', '2027-03-01'],
    ]);
    // HR: one overview per ISO week per HR user (2027-01-04 is a Monday: weeks W01..W10 = 10 weeks), counts only.
    const hr = [...sent].filter(([k]) => k.startsWith('ambtseed:weekoverzicht:'));
    expect(hr).toHaveLength(10 * 2);
    expect(hr.every(([, v]) => v.dag === '2027-01-04' || new Date(`${v.dag}T12:00:00Z`).getUTCDay() === 1)).toBe(true);
    const laatste = JSON.stringify(hr.at(-1)![1].replies);
    // In week 10 (8 March) mw-open is past 4 March: label and figure in their own FactSet fields.
    expect(laatste).toContain('"title":"Over de deadline","value":"1 nieuwe medewerker (');
    expect(laatste).toContain('Weekoverzicht ambtseed en workshop (week 10 van 2027)');
    expect(laatste).not.toMatch(/mw-/);
    await store.close();
  });

  it('STORE=postgres runs them as two jobs: the daily one sends no HR overview, the weekly one only the HR overview', async () => {
    const store = await vulStore();
    const { sender, sent } = nepZender();
    const maandag = new Date('2027-01-04T07:00:00Z');
    await runAmbtseedHerinneringen({ store, config, sender, now: maandag, onderdelen: 'herinneringen' });
    expect([...sent.keys()]).toEqual(['ambtseed:welkom:mw-open']);
    sent.clear();
    await runAmbtseedHerinneringen({ store, config, sender, now: maandag, onderdelen: 'weekoverzicht' });
    // the demo organisation has two HR users; 2027-01-04 is in ISO week 2027-W01
    expect([...sent.keys()].sort()).toEqual([...sent.keys()].filter((k) => k.startsWith('ambtseed:weekoverzicht:2027-W01:')).sort());
    expect(sent.size).toBe(2);
    await store.close();
  });
});

describe('aanwezigheid voedt de tellingen van het jaarverslag', () => {
  it('afgelegd eed/belofte, integriteitsverklaring, bijeenkomsten met minstens één afgelegd, workshopdeelnemers', async () => {
    const store = new SqliteListStore(':memory:');
    const boeking = new AmbtseedBoeking(store);
    const vooraf = new Date('2026-01-02T09:00:00Z');
    await store.addMany('AmbtseedSessies', [
      {
        sessieId: 'S-1',
        start: '2026-03-29T08:00:00.000Z',
        eind: '2026-03-29T09:00:00.000Z',
        soort: 'ambtseed',
        locatie: 'Statenzaal',
        online: false,
        afnemer: 'de provinciesecretaris',
        capaciteit: 3,
      },
      {
        sessieId: 'S-2',
        start: '2026-10-25T09:00:00.000Z',
        eind: '2026-10-25T10:00:00.000Z',
        soort: 'ambtseed',
        locatie: 'Statenzaal',
        online: false,
        afnemer: 'de provinciesecretaris',
        capaciteit: 3,
      },
      {
        sessieId: 'W-1',
        start: '2026-05-01T09:00:00.000Z',
        eind: '2026-05-01T10:00:00.000Z',
        soort: 'workshopIntegriteit',
        locatie: 'Zaal',
        online: false,
        afnemer: 'de integriteitscoördinator',
        capaciteit: 3,
      },
    ]);
    await store.addMany(
      'NieuweMedewerkers',
      ['a', 'b', 'c'].map((m) => ({ medewerkerId: m, indienstOp: '2026-01-01', dienstverband: 'arbeidsovereenkomst' as const })),
    );
    for (const m of ['a', 'b', 'c'])
      await boeking.boek(
        { sessieId: 'S-1', medewerker: m, dienstverband: 'arbeidsovereenkomst', indienstOp: '2026-01-01', vorm: 'eed' },
        vooraf,
      );
    await boeking.boek(
      { sessieId: 'S-2', medewerker: 'x', dienstverband: 'arbeidsovereenkomst', indienstOp: '2026-01-01', vorm: 'eed' },
      vooraf,
    );
    for (const m of ['a', 'b'])
      await boeking.boek({ sessieId: 'W-1', medewerker: m, dienstverband: 'arbeidsovereenkomst', indienstOp: '2026-01-01' }, vooraf);
    await markeerAanwezigheid(store, 'S-1#00001', { status: 'afgelegd', vorm: 'eed', datum: '2026-03-29' });
    await markeerAanwezigheid(store, 'S-1#00002', { status: 'afgelegd', vorm: 'belofte', datum: '2026-03-29' });
    await markeerAanwezigheid(store, 'S-1#00003', { status: 'afwezig', datum: '2026-03-29' });
    await markeerAanwezigheid(store, 'S-2#00001', { status: 'afwezig', datum: '2026-10-25' });
    await markeerAanwezigheid(store, 'W-1#00001', { status: 'afgelegd', datum: '2026-05-01' });
    await markeerAanwezigheid(store, 'W-1#00002', { status: 'afgelegd', datum: '2026-05-01' });
    await legVerklaringVast(store, { medewerker: 'ext', dienstverband: 'extern', indienstOp: '2026-02-01', datum: '2026-02-03' });

    const r = buildJaarverslag(await leesJaarverslagBronnen(store, { jaar: 2026 }), { jaar: 2026, organisatie: 'Provincie Demoland' });
    // S-1: eed + belofte afgelegd, one absent; S-2 nobody afgelegd (not a bijeenkomst); workshop rows have no vorm.
    expect(r.ambtseed).toEqual({ afgelegd: 2, eed: 1, belofte: 1, integriteitsverklaring: 1, bijeenkomsten: 1, vormOnbekend: 0 });
    expect(r.onboarding.workshopDeelnemers).toBe(2);
    expect(r.onboarding.nieuweMedewerkers).toBe(3);
    await store.close();
  });
});

describe('HR importeert bijeenkomsten (AmbtseedSessies-CSV) en de bot toont de Nederlandse tijd', () => {
  it('laatste zondag van maart en oktober 2027: 10:00 lokale tijd in de kaart, in UTC opgeslagen', async () => {
    const { parseCsvItems } = await import('@shared/lists/import-file');
    const { ambtseedFeature: feature } = await import('../../bot/src/features/ambtseed');
    const { testServices } = await import('../support/services');
    const csv = [
      'sessieId;start;eind;soort;locatie;online;afnemer;capaciteit',
      'S-MRT;2027-03-28T10:00:00+02:00;2027-03-28T11:00:00+02:00;ambtseed;Statenzaal;nee;de Commissaris van de Koning;25',
      'S-OKT;2027-10-31T10:00:00+01:00;2027-10-31T11:00:00+01:00;ambtseed;;ja;de Commissaris van de Koning;25',
    ].join('\n');
    const parsed = parseCsvItems('AmbtseedSessies', csv);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const store = new SqliteListStore(':memory:');
    await store.addMany('AmbtseedSessies', parsed.items as never[]);
    expect((await store.get('AmbtseedSessies', 'S-MRT'))?.start).toBe('2027-03-28T08:00:00.000Z');
    expect((await store.get('AmbtseedSessies', 'S-OKT'))?.start).toBe('2027-10-31T09:00:00.000Z');
    const replies = await feature.onCommand!(
      'plan mijn ambtseed',
      {
        kind: 'message',
        user: { channelId: 'c', aadObjectId: 'mw', rollen: [] },
        conversation: { id: 'c', type: 'personal' },
        locale: 'nl',
        now: new Date('2027-03-01T09:00:00Z'),
      },
      testServices({ store, config }),
    );
    const s = JSON.stringify(replies);
    expect(s).toContain('zo 28 mrt 2027, 10:00 · Statenzaal');
    expect(s).toContain('zo 31 okt 2027, 10:00 · online (Teams)');
    await store.close();
  });
});
