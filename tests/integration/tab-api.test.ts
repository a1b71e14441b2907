import path from 'node:path';
import JSZip from 'jszip';
import request from 'supertest';
import type { Express } from 'express';
import { loadOrgConfig } from '@shared/config';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import { queryAll, type ListStore } from '@shared/store/list-store';
import { createAuthenticator } from '../../tab/api/auth';
import { createTabApp } from '../../tab/api/app';

const config = loadOrgConfig('demo', path.resolve(__dirname, '../../config'));

/** Wednesday 25 November 2026, 11:00 Amsterdam: ISO week 2026-W48 (Monday 23 Nov .. Sunday 29 Nov). */
const NU = new Date('2026-11-25T10:00:00Z');

async function maakApp(now: () => Date = () => NU): Promise<{ app: Express; store: SqliteListStore }> {
  const store = new SqliteListStore(':memory:');
  await store.addMany('Dilemmas', [
    {
      dilemmaId: 'D-001',
      titel: 'Het etentje',
      tekst: 'Tekst 1',
      opties: JSON.stringify(['Ja', 'Nee', 'Overleggen']),
      thema: 'zakelijk',
      bron: 'dilemmaspel',
    },
    {
      dilemmaId: 'D-002',
      titel: 'De grap',
      tekst: 'Tekst 2',
      opties: JSON.stringify(['Direct', 'Later', 'Vertrouwenspersoon']),
      thema: 'sociaal',
      bron: 'dilemmaspel',
    },
    {
      dilemmaId: 'D-003',
      titel: '<script>alert(1)</script> **vet**',
      tekst: '<img src=x onerror=alert(1)> _schuin_',
      opties: JSON.stringify(['A', 'B']),
      thema: 'zakelijk',
      bron: 'eigen',
    },
  ]);
  await store.addMany('DilemmaSessies', [
    { sessieId: 'DS-2025-001', datum: '2025-03-04', werkvorm: 'dilemmaspel', doelgroep: 'afdeling', deelnemers: 10, dilemmaIds: 'D-001' },
    {
      sessieId: 'DS-2025-002',
      datum: '2025-12-31',
      werkvorm: 'moreelBeraadLight',
      doelgroep: 'management',
      deelnemers: 12,
      dilemmaIds: 'D-002',
    },
    { sessieId: 'DS-2024-001', datum: '2024-06-01', werkvorm: 'workshop', doelgroep: 'nieuweMedewerkers', deelnemers: 5, dilemmaIds: '' },
  ]);
  const app = createTabApp({ store, config, db: store.db, authenticate: createAuthenticator({ modus: 'lokaal' }, config), now });
  return { app, store };
}

/** supertest parser that keeps a binary body (docx/xlsx) as one Buffer. */
const parse = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const als = (rol: string, wie?: string) => (r: request.Test) => {
  r.set('X-Dev-Rol', rol);
  if (wie) r.set('X-Dev-Gebruiker', wie);
  return r;
};

describe('tab API (local mode)', () => {
  let app: Express;
  let store: ListStore & { db: SqliteListStore['db'] };
  beforeEach(async () => {
    ({ app, store } = await maakApp());
  });
  afterEach(async () => {
    await store.close();
  });

  test('GET /api/ik: the dev identity is an employee unless a role is chosen', async () => {
    expect((await request(app).get('/api/ik')).body).toEqual({ modus: 'lokaal', rollen: ['medewerker'] });
    expect((await als('hr')(request(app).get('/api/ik'))).body).toEqual({ modus: 'lokaal', rollen: ['medewerker', 'hr'] });
    // An unknown role never grants anything.
    expect((await als('beheerder')(request(app).get('/api/ik'))).body.rollen).toEqual(['medewerker']);
  });

  test('GET /api/portal: routes come from the shared meldroute (demo.yaml), contacts and texts from config', async () => {
    const r = await request(app).get('/api/portal').expect(200);
    const route = (s: string) => r.body.routes.find((x: { situatie: string }) => x.situatie === s);
    // config/demo.yaml routes.vermoedenMisstand: meldpunten [leidinggevende, vertrouwenspersoon], ook [secretaris, huisVoorKlokkenluiders]
    expect(route('vermoedenMisstand')).toMatchObject({
      eerst: ['leidinggevende', 'vertrouwenspersoon'],
      ook: ['secretaris', 'huisVoorKlokkenluiders'],
      anoniem: ['vertrouwenspersoon'],
      wbk: true,
    });
    expect(route('agressieExtern').eerst).toEqual(['leidinggevende', 'adviseurVpt']);
    expect(r.body.routes).toHaveLength(7);
    expect(r.body.ambtseed.eedTekst).toMatch(/^Ik zweer/);
    expect(r.body.regelingen.map((x: { soort: string }) => x.soort)).toEqual(
      expect.arrayContaining(['gedragscode', 'klokkenluidersregeling', 'klachtenregeling']),
    );
    expect(r.body.faq.length).toBeGreaterThan(0);
  });

  test('GET /api/dilemma: the rotation picks the dilemma of 2026-W48', async () => {
    // 2026-W48 is 1351 weeks after 2001-W01; 1351 mod 3 = 1 → the second id in sorted order.
    const r = await request(app).get('/api/dilemma').expect(200);
    expect(r.body.week).toBe('2026-W48');
    expect(r.body.dilemma.dilemmaId).toBe('D-002');
    expect(r.body.dilemma.opties).toEqual(['Direct', 'Later', 'Vertrouwenspersoon']);
    expect(r.body.gestemd).toBe(false);
    expect(r.body.resultaten).toBeNull();
  });

  test('voting: once per person per week, anonymous list items, second vote refused with 409', async () => {
    const stem = (wie: string, optie: number) =>
      als('medewerker', wie)(request(app).post('/api/dilemma/stem')).send({ week: '2026-W48', dilemmaId: 'D-002', optie });
    const eerste = await stem('anna', 1).expect(201);
    expect(eerste.body.resultaten).toEqual({ totaal: 1, perOptie: [0, 1, 0] });
    const tweede = await stem('anna', 2).expect(409);
    expect(tweede.body.fout).toMatch(/al gestemd/);
    await stem('bram', 2).expect(201);
    const na = await als('medewerker', 'anna')(request(app).get('/api/dilemma')).expect(200);
    expect(na.body.gestemd).toBe(true);
    expect(na.body.resultaten).toEqual({ totaal: 2, perOptie: [0, 1, 1] });
    // The explanation from config/demo.yaml (dilemmas[D-002].toelichting) comes with the vote, not before it.
    expect(eerste.body.toelichting).toBe(config.dilemmas.find((d) => d.id === 'D-002')!.toelichting);
    expect(eerste.body.toelichting).toMatch(/^Grappen over afkomst zijn ongewenst gedrag/);
    expect(na.body.dilemma.toelichting).toBe(eerste.body.toelichting);
    const nogNiet = await als('medewerker', 'carla')(request(app).get('/api/dilemma')).expect(200);
    expect(nogNiet.body.gestemd).toBe(false);
    expect(nogNiet.body.dilemma.toelichting).toBeNull();

    const stemmen = await queryAll(store, 'DilemmaStemmen');
    expect(stemmen).toHaveLength(2);
    for (const s of stemmen) {
      expect(Object.keys(s).sort()).toEqual(['dilemmaId', 'optie', 'stemId', 'week']);
      expect(s.stemId).toMatch(/^[0-9a-f-]{36}$/);
    }
    // The guard holds keyed hashes only: no user id in any column.
    const guard = store.db.prepare('SELECT * FROM tab_vote_guard').all() as Record<string, string>[];
    expect(guard).toHaveLength(2);
    expect(JSON.stringify(guard)).not.toMatch(/anna|bram|lokaal/);
    expect(guard.every((g) => g.verloopt === '2026-11-29T23:00:00.000Z')).toBe(true);
  });

  test('the vote guard is emptied when the week ends, and a new week allows a new vote', async () => {
    let nu = NU;
    const { app: app2, store: s2 } = await maakApp(() => nu);
    try {
      const stem = (week: string, dilemmaId: string) =>
        als('medewerker', 'anna')(request(app2).post('/api/dilemma/stem')).send({ week, dilemmaId, optie: 0 });
      await stem('2026-W48', 'D-002').expect(201);
      nu = new Date('2026-11-29T23:00:01Z'); // Monday 30 Nov 00:00:01 in Amsterdam: week 49
      const w49 = await als('medewerker', 'anna')(request(app2).get('/api/dilemma')).expect(200);
      expect(w49.body.week).toBe('2026-W49');
      expect(w49.body.gestemd).toBe(false);
      expect((s2.db.prepare('SELECT COUNT(*) AS n FROM tab_vote_guard').get() as { n: number }).n).toBe(0);
      await stem('2026-W49', w49.body.dilemma.dilemmaId).expect(201);
    } finally {
      await s2.close();
    }
  });

  test('bad vote bodies get 400 with a Dutch message and nothing is stored', async () => {
    const post = (body: unknown) =>
      request(app)
        .post('/api/dilemma/stem')
        .send(body as object);
    const cases: [unknown, RegExp][] = [
      [{ week: '2026-W48', dilemmaId: 'D-002' }, /optie/],
      [{ week: '2026-W48', dilemmaId: 'D-002', optie: 1.5 }, /geheel getal/],
      [{ week: '2025-W53', dilemmaId: 'D-002', optie: 0 }, /ISO-week/],
      [{ week: '2026-W48', dilemmaId: 'D-002', optie: 0, naam: 'Anna' }, /naam/],
      [{ week: '2026-W47', dilemmaId: 'D-002', optie: 0 }, /alleen in de week zelf/],
      [{ week: '2026-W48', dilemmaId: 'D-001', optie: 0 }, /niet het dilemma van deze week/],
      [{ week: '2026-W48', dilemmaId: 'D-002', optie: 3 }, /Kies een van de 3 opties/],
    ];
    for (const [body, re] of cases) {
      const r = await post(body).expect(400);
      expect(r.body.fout).toMatch(re);
      expect(r.body.fout).toMatch(/Er is niets opgeslagen|Ongeldige invoer/);
    }
    const kapot = await request(app).post('/api/dilemma/stem').set('Content-Type', 'application/json').send('{"week": ').expect(400);
    expect(kapot.body.fout).toMatch(/geen geldige JSON/);
    expect(JSON.stringify(kapot.body)).not.toMatch(/at .*\.js|SyntaxError/);
    expect(await queryAll(store, 'DilemmaStemmen')).toHaveLength(0);
  });

  test('list text is returned verbatim (the web app renders it as text)', async () => {
    await als('hr')(request(app).put('/api/dilemma/keuze')).send({ week: '2026-W48', dilemmaId: 'D-003' }).expect(200);
    const r = await request(app).get('/api/dilemma').expect(200);
    expect(r.body.dilemma.titel).toBe('<script>alert(1)</script> **vet**');
    expect(r.body.dilemma.tekst).toBe('<img src=x onerror=alert(1)> _schuin_');
  });

  test('a 400 names each wrong field once, readably; only writes say nothing was stored', async () => {
    const r = await request(app).post('/api/dilemma/stem').send({ week: 5, dilemmaId: 'D-002', optie: 0, extra: 1 }).expect(400);
    // one "Ongeldige invoer" for the whole message, not one per field; "string" in Dutch
    expect(r.body.fout.match(/Ongeldige invoer/g)).toHaveLength(1);
    expect(r.body.fout).toMatch(/^Ongeldige invoer: /);
    expect(r.body.fout).toContain('week: verwacht tekst, ontving getal');
    expect(r.body.fout).toContain('onbekend veld extra');
    expect(r.body.fout).toMatch(/Er is niets opgeslagen\.$/);
    const ontbreekt = await request(app).post('/api/dilemma/stem').send({ dilemmaId: 'D-002', optie: 0 }).expect(400);
    expect(ontbreekt.body.fout).toContain('week: verplicht veld ontbreekt');
    const lezen = await als('hr')(request(app).get('/api/dashboard?jaar=twintig')).expect(400);
    expect(lezen.body.fout).toMatch(/^Ongeldige invoer: jaar: /);
    expect(lezen.body.fout).not.toMatch(/opgeslagen/);
  });

  test('403 names the roles readably, in Dutch by default and in English on Accept-Language: en', async () => {
    const nl = await als('manager')(request(app).get('/api/dashboard?jaar=2025')).expect(403);
    expect(nl.body.fout).toBe('Niet toegestaan: dit is alleen voor HR of de integriteitscoördinator.');
    const en = await als('manager')(request(app).get('/api/dashboard?jaar=2025')).set('Accept-Language', 'en').expect(403);
    expect(en.body.fout).toBe('Not allowed: this is only for HR or the integrity coordinator.');
    const sessie = await request(app).get('/api/dilemmas').expect(403);
    expect(sessie.body.fout).toBe('Niet toegestaan: dit is alleen voor leidinggevenden, HR of de integriteitscoördinator.');
  });

  test('HR override: only hr or integriteitscoordinator, only existing dilemmas, valid weeks', async () => {
    await request(app).put('/api/dilemma/keuze').send({ week: '2026-W48', dilemmaId: 'D-001' }).expect(403);
    await als('manager')(request(app).put('/api/dilemma/keuze')).send({ week: '2026-W48', dilemmaId: 'D-001' }).expect(403);
    const fout = await als('hr')(request(app).put('/api/dilemma/keuze')).send({ week: '2026-W48', dilemmaId: 'D-999' }).expect(400);
    expect(fout.body.fout).toMatch(/bestaat niet/);
    await als('integriteitscoordinator')(request(app).put('/api/dilemma/keuze')).send({ week: '2026-W53', dilemmaId: 'D-001' }).expect(200);
    const ok = await als('hr')(request(app).put('/api/dilemma/keuze')).send({ week: '2026-W48', dilemmaId: 'D-001' }).expect(200);
    expect(ok.body.keuzes).toEqual([
      { week: '2026-W48', dilemmaId: 'D-001' },
      { week: '2026-W53', dilemmaId: 'D-001' },
    ]);
    expect((await request(app).get('/api/dilemma')).body.dilemma.dilemmaId).toBe('D-001');
  });

  test('sessions: managers record a DilemmaSessies item; employees get 403; bad input 400', async () => {
    const body = { datum: '2026-11-24', werkvorm: 'moreelBeraadLight', doelgroep: 'afdeling', deelnemers: 9, dilemmaIds: ['D-002'] };
    await request(app).post('/api/sessies').send(body).expect(403);
    await als('manager')(request(app).get('/api/dilemmas')).expect(200);
    await request(app).get('/api/dilemmas').expect(403);
    const r = await als('manager')(request(app).post('/api/sessies'))
      .send({ ...body, sessieId: 'DS-2026-abcdef123456' })
      .expect(201);
    expect(r.body).toEqual({ sessieId: 'DS-2026-abcdef123456', nieuw: true });
    // Idempotent on the client's sessieId: a retry writes nothing new.
    expect(
      (
        await als('manager')(request(app).post('/api/sessies'))
          .send({ ...body, sessieId: 'DS-2026-abcdef123456' })
          .expect(200)
      ).body.nieuw,
    ).toBe(false);
    expect(await store.get('DilemmaSessies', 'DS-2026-abcdef123456')).toEqual({
      sessieId: 'DS-2026-abcdef123456',
      datum: '2026-11-24',
      werkvorm: 'moreelBeraadLight',
      doelgroep: 'afdeling',
      deelnemers: 9,
      dilemmaIds: 'D-002',
    });
    const bad: [object, RegExp][] = [
      [{ ...body, deelnemers: 0 }, /deelnemers/],
      [{ ...body, werkvorm: 'kringgesprek' }, /werkvorm/],
      [{ ...body, datum: '2026-02-30' }, /datum/],
      [{ ...body, datum: '2026-12-01' }, /niet vooraf/],
      [{ ...body, dilemmaIds: ['D-404'] }, /onbekend dilemma D-404/],
      [{ ...body, notities: 'Jan was stil' }, /notities/],
      [{ ...body, dilemmaIds: Array.from({ length: 20 }, (_, i) => `D-${String(i).padStart(60, '0')}`) }, /maximaal 255 tekens/],
    ];
    for (const [b, re] of bad) expect((await als('manager')(request(app).post('/api/sessies')).send(b).expect(400)).body.fout).toMatch(re);
  });

  test('dashboard: the jaarverslag figures with previous years, only for HR and the integriteitscoordinator', async () => {
    await request(app).get('/api/dashboard?jaar=2025').expect(403);
    await als('manager')(request(app).get('/api/dashboard?jaar=2025')).expect(403);
    const r = await als('hr')(request(app).get('/api/dashboard?jaar=2025&jaren=2')).expect(200);
    // Hand count of the sessions inserted above: 2025 → 10 + 12 participants; 2024 → one session of 5.
    expect(r.body.jaar).toBe(2025);
    expect(r.body.organisatie).toBe('Provincie Demoland');
    expect(r.body.dilemma.sessies).toBe(2);
    expect(r.body.dilemma.bereik).toBe(22);
    expect(r.body.dilemma.perDoelgroep.management).toEqual({ sessies: 1, deelnemers: 12 });
    expect(Object.keys(r.body.vorigeJaren)).toEqual(['2024']);
    expect(r.body.vorigeJaren['2024'].dilemma).toMatchObject({ sessies: 1, bereik: 5 });
    const fout = await als('integriteitscoordinator')(request(app).get('/api/dashboard?jaar=twintig')).expect(400);
    expect(fout.body.fout).toMatch(/jaar/);
    await als('hr')(request(app).get('/api/rapport/2025.pdf')).expect(400);
    await request(app).get('/api/rapport/2025.docx').expect(403);
  });

  test('report downloads (.docx, .xlsx) for HR: Office Open XML files (zip) with a download name', async () => {
    for (const [ext, type] of [
      ['docx', /wordprocessingml/],
      ['xlsx', /spreadsheetml/],
    ] as const) {
      const r = await als('hr')(request(app).get(`/api/rapport/2025.${ext}`))
        .buffer(true)
        .parse(parse)
        .expect(200);
      expect(r.headers['content-type']).toMatch(type);
      expect(r.headers['content-disposition']).toBe(`attachment; filename="jaarverslag-integriteit-2025.${ext}"`);
      expect((r.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    }
  });

  test('the Word download suppresses small counts with ?suppressBelow=N as the CLI does; a bad N is a 400', async () => {
    const tekst = async (q: string) => {
      const r = await als('hr')(request(app).get(`/api/rapport/2025.docx${q}`))
        .buffer(true)
        .parse(parse)
        .expect(200);
      const zip = await JSZip.loadAsync(r.body as Buffer);
      return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    };
    // 2025: two dilemma sessions (10 + 12 participants) → "2" shown plainly, "<5" when suppressed below 5.
    expect(await tekst('')).not.toContain('&lt;5');
    const onderdrukt = await tekst('?suppressBelow=5');
    expect(onderdrukt).toContain('&lt;5');
    const fout = await als('hr')(request(app).get('/api/rapport/2025.docx?suppressBelow=1')).expect(400);
    expect(fout.body.fout).toMatch(/suppressBelow: .*minstens 2/);
    await als('hr')(request(app).get('/api/rapport/2025.docx?suppressBelow=vijf')).expect(400);
  });

  test('unexpected errors give 500 with a Dutch message and no stack trace', async () => {
    const kapot = { ...store, query: () => Promise.reject(new Error('geheime details /pad/naar/bestand.ts:12')) } as unknown as ListStore;
    const a = createTabApp({
      store: kapot,
      config,
      db: store.db,
      authenticate: createAuthenticator({ modus: 'lokaal' }, config),
      now: () => NU,
    });
    const r = await request(a).get('/api/dilemma').expect(500);
    expect(r.body).toEqual({ fout: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' });
  });

  test('unknown API paths are 404 JSON; pages are not served without a build', async () => {
    expect((await request(app).get('/api/bestaat-niet').expect(404)).body.fout).toBeDefined();
    await request(app).get('/healthz').expect(200);
  });
});
