/**
 * `GET /api/dashboard/jaren`: which of the years the dashboard offers have figures, so the page opens on the most
 * recent year with data and says plainly when a year has none. Expected years are worked out from the items below
 * (calendar years in Europe/Amsterdam, the jaarverslag's counting rules in docs/contracts.md).
 */
import path from 'node:path';
import request from 'supertest';
import { loadOrgConfig } from '@shared/config';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import { createAuthenticator } from '../../tab/api/auth';
import { createTabApp } from '../../tab/api/app';

const config = loadOrgConfig('demo', path.resolve(__dirname, '../../config'));

/** 1 January 2027, 00:30 in Amsterdam (still 31 December 2026 in UTC): the current year is 2027. */
const NIEUWJAAR = new Date('2026-12-31T23:30:00Z');

function maakApp(now: Date) {
  const store = new SqliteListStore(':memory:');
  const app = createTabApp({ store, config, db: store.db, authenticate: createAuthenticator({ modus: 'lokaal' }, config), now: () => now });
  return { app, store };
}

const alsHr = (r: request.Test) => r.set('X-Dev-Rol', 'hr');

describe('GET /api/dashboard/jaren', () => {
  test('an empty store: six years offered, ending with this year in Amsterdam, none with figures', async () => {
    const { app, store } = maakApp(NIEUWJAAR);
    const r = await alsHr(request(app).get('/api/dashboard/jaren')).expect(200);
    expect(r.body).toEqual({ huidig: 2027, jaren: [2027, 2026, 2025, 2024, 2023, 2022], metCijfers: [] });
    await store.close();
  });

  test('years with any counted record, newest first; years outside the six offered are not listed', async () => {
    const now = new Date('2026-06-15T10:00:00Z');
    const { app, store } = maakApp(now);
    // A conversation in 2024, a dilemma session on 31 December 2025, a VOG request in 2022, and a melding of 2019
    // (older than the six years 2021..2026 the picker offers). 2023 and 2021 have nothing.
    await store.add('Gesprekken', {
      gesprekId: 'G-1',
      datum: '2024-03-05',
      vertrouwenspersoon: 'intern',
      onderwerp: 'integriteit',
      isMelding: true,
      doorverwezen: 'geen',
    });
    await store.add('DilemmaSessies', {
      sessieId: 'DS-1',
      datum: '2025-12-31',
      werkvorm: 'dilemmaspel',
      doelgroep: 'afdeling',
      deelnemers: 9,
      dilemmaIds: 'D-001',
    });
    await store.add('VogAanvragen', {
      aanvraagId: 'boa:oid-1:2022-02-01',
      medewerker: 'oid-1',
      functie: 'boa',
      aanleiding: 'start',
      peildatum: '2022-02-01',
      gevraagdOp: '2022-02-01',
      status: 'openstaand',
    });
    await store.add('Meldingen', {
      meldingId: 'M-2019-0001',
      ontvangenOp: '2019-05-01',
      kanaal: 'gesprek',
      meldpunt: 'vertrouwenspersoon',
      soort: 'zakelijk',
      categorie: 'informatie',
      betrokkene: 'ambtenaar',
      anoniem: false,
      onderzoek: 'geen',
      uitkomst: 'lopend',
      maatregelen: ['geen'],
    });
    const r = await alsHr(request(app).get('/api/dashboard/jaren')).expect(200);
    expect(r.body).toEqual({ huidig: 2026, jaren: [2026, 2025, 2024, 2023, 2022, 2021], metCijfers: [2025, 2024, 2022] });
    await store.close();
  });

  test('a nevenwerkzaamheid counts in every year it is in force (Ambtenarenwet art. 8 register)', async () => {
    const { app, store } = maakApp(new Date('2026-06-15T10:00:00Z'));
    // Reported in 2023, ended in 2025: in force in 2023, 2024 and 2025.
    await store.add('Nevenwerkzaamheden', {
      registratieId: 'NW-2023-0001',
      medewerker: 'oid-9',
      functie: 'beleidsmedewerker',
      register: 'nevenwerkzaamheid',
      soortNevenwerk: 'bestuurslid',
      mogelijkConflict: false,
      gemeldOp: '2023-04-01',
      status: 'beeindigd',
      beeindigdOp: '2025-02-01',
    });
    const r = await alsHr(request(app).get('/api/dashboard/jaren')).expect(200);
    expect(r.body.metCijfers).toEqual([2025, 2024, 2023]);
    await store.close();
  });

  test('only HR and the integriteitscoördinator', async () => {
    const { app, store } = maakApp(NIEUWJAAR);
    await request(app).get('/api/dashboard/jaren').expect(403);
    await request(app).get('/api/dashboard/jaren').set('X-Dev-Rol', 'manager').expect(403);
    await request(app).get('/api/dashboard/jaren').set('X-Dev-Rol', 'integriteitscoordinator').expect(200);
    await store.close();
  });
});
