/**
 * GraphListStore, provisioning and the lists CLI subcommands against the HTTP-level Graph fake:
 * column shapes, idempotent provisioning, request counts of writes ($batch of 20) and reads (paging),
 * indexed-only $filter, permanent failures kept and reported, resume after restart, and no duplicate
 * when another process created the key first.
 */
import { GraphError } from '@microsoft/microsoft-graph-client';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ListItemInput } from '@shared/lists/schemas';
import { LIST_NAMES } from '@shared/lists/definitions';
import { queryAll } from '@shared/store/list-store';
import { runProvision, runSync } from '@shared/store/graph/cli';
import { createListStore } from '@shared/store';
import { GraphListStore } from '@shared/store/graph/graph-list-store';
import { MsalTokenProvider, readCertificate } from '@shared/graph/auth';
import { runListsCli } from '@shared/cli/lists';
import { abortableSleep } from '@shared/graph/retry';
import { planProvision } from '@shared/store/graph/provisioning';
import { FAKE_BASE_URL, FAKE_SITE_ID, FAKE_TOKEN, GraphFake } from '../support/graph-fake';
import { fakeHttp, fakeStore, provisionFake } from '../support/graph-store';

const fake = new GraphFake();
beforeAll(() => fake.listen());
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  fake.resetStats();
  fake.setFaults(undefined);
});

const melding = (n: number): ListItemInput<'Meldingen'> => ({
  meldingId: `M-2024-${String(n).padStart(4, '0')}`,
  ontvangenOp: `2024-${String((n % 12) + 1).padStart(2, '0')}-01`,
  kanaal: 'teams',
  meldpunt: 'integriteitscoordinator',
  soort: 'zakelijk',
  categorie: 'financieel',
  betrokkene: 'ambtenaar',
  anoniem: n % 2 === 0,
  onderzoek: 'geen',
  uitkomst: 'lopend',
  maatregelen: ['geen'],
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), env: {} as NodeJS.ProcessEnv } };
}

function tmpDb(): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-graph-'));
  return { file: path.join(dir, 'integriteitsplein.db'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe('provisioning', () => {
  test('creates every list with the column shapes of docs/contracts.md; a second run does nothing', async () => {
    const http = fakeHttp();
    const plan = await planProvision(http, FAKE_SITE_ID);
    expect(plan.steps.map((s) => s.kind)).toEqual(Array(LIST_NAMES.length).fill('createList'));
    await provisionFake(fake);
    const cols = new Map(fake.list('Meldingen')!.columns.map((c) => [c.name, c]));
    expect(cols.get('meldingId')).toMatchObject({ type: 'text', indexed: true, enforceUniqueValues: true });
    expect(cols.get('ontvangenOp')).toMatchObject({ type: 'dateOnly', indexed: true });
    expect(cols.get('maatregelen')).toMatchObject({ type: 'multichoice', choices: expect.arrayContaining(['berisping', 'aangifte']) });
    expect(cols.get('anoniem')).toMatchObject({ type: 'boolean' });
    expect(cols.get('kanaal')).toMatchObject({ type: 'choice', indexed: false });
    expect(new Map(fake.list('Dilemmas')!.columns.map((c) => [c.name, c])).get('tekst')).toMatchObject({ type: 'note' });
    // MeldwijzerGebruik has a composite key: no unique column.
    expect(fake.list('MeldwijzerGebruik')!.columns.some((c) => c.enforceUniqueValues)).toBe(false);
    expect((await planProvision(http, FAKE_SITE_ID)).steps).toEqual([]);
  });

  test('adds a missing column and a missing index, never deletes; --dry-run changes nothing', async () => {
    await provisionFake(fake);
    const list = fake.list('Gesprekken')!;
    list.columns = list.columns.filter((c) => c.name !== 'doorverwezen');
    list.columns.find((c) => c.name === 'datum')!.indexed = false;
    list.columns.push({
      id: 'extra',
      name: 'eigenKolom',
      displayName: 'eigenKolom',
      type: 'text',
      indexed: false,
      enforceUniqueValues: false,
      required: false,
      readOnly: false,
    });
    const dry = io();
    const env = { GRAPH_BASE_URL: FAKE_BASE_URL, GRAPH_ACCESS_TOKEN: FAKE_TOKEN };
    expect(await runProvision({ site: FAKE_SITE_ID, dryRun: true }, { ...dry.io, env })).toBe(0);
    expect(dry.out.join('')).toContain('kolom Gesprekken.doorverwezen toevoegen');
    expect(dry.out.join('')).toContain('index op Gesprekken.datum aanzetten');
    expect(list.columns.some((c) => c.name === 'doorverwezen')).toBe(false);
    const real = io();
    expect(await runProvision({ site: FAKE_SITE_ID }, { ...real.io, env })).toBe(0);
    expect(list.columns.find((c) => c.name === 'doorverwezen')).toMatchObject({ type: 'choice' });
    expect(list.columns.find((c) => c.name === 'datum')!.indexed).toBe(true);
    expect(list.columns.some((c) => c.name === 'eigenKolom')).toBe(true); // never deleted
    const again = io();
    expect(await runProvision({ site: FAKE_SITE_ID }, { ...again.io, env })).toBe(0);
    expect(again.out.join('')).toContain('Niets te doen');
  });

  test('missing settings: exit code 2 and a Dutch message', async () => {
    const r = io();
    expect(await runProvision({ site: FAKE_SITE_ID }, r.io)).toBe(2);
    expect(r.err.join('')).toMatch(/Geen Graph-aanmelding ingesteld/);
  });
});

describe('GraphListStore', () => {
  test('writes 100 items in 5 $batch requests and reads 12,000 in 3 pages of 5000, with $filter on indexed columns only', async () => {
    await provisionFake(fake);
    const store = fakeStore();
    fake.resetStats();
    await store.addMany(
      'Meldingen',
      Array.from({ length: 100 }, (_, i) => melding(i + 1)),
    );
    const batchPosts = fake.log.filter((l) => l.startsWith('POST /$batch'));
    expect(batchPosts).toHaveLength(5);
    expect(fake.itemsOf('Meldingen')).toHaveLength(100);

    fake.seedItems(
      'Gesprekken',
      Array.from({ length: 12_000 }, (_, i) => ({
        gesprekId: `G-${i}`,
        datum: '2025-05-01',
        vertrouwenspersoon: 'intern',
        onderwerp: 'integriteit',
        isMelding: false,
        doorverwezen: 'geen',
      })),
    );
    fake.resetStats();
    const all = await queryAll(store, 'Gesprekken');
    expect(all).toHaveLength(12_000);
    expect(fake.log.filter((l) => l.startsWith('GET') && l.includes('/items'))).toHaveLength(3);

    fake.resetStats();
    const q = await queryAll(store, 'Meldingen', {
      range: { column: 'ontvangenOp', from: '2024-03-01', to: '2024-03-31' },
      where: { kanaal: 'teams', soort: 'zakelijk' },
    });
    expect(q.map((m) => m.ontvangenOp)).toEqual(Array(q.length).fill('2024-03-01'));
    expect(q).toHaveLength(9); // n % 12 + 1 = 3 for n = 2, 14, …, 98 → 9 items
    const get = fake.log.find((l) => l.startsWith('GET') && l.includes('$filter'))!;
    expect(get).toContain('fields/ontvangenOp ge');
    expect(get).toContain("fields/soort eq 'zakelijk'");
    expect(get).not.toContain('kanaal'); // not indexed: filtered locally
    await store.close();
  });

  test('a permanent failure (400) is kept and reported by sync, never dropped; fixed and retried it is written', async () => {
    await provisionFake(fake);
    const db = tmpDb();
    const list = fake.list('Meldingen')!;
    const kanaal = list.columns.find((c) => c.name === 'kanaal')!;
    list.columns = list.columns.filter((c) => c !== kanaal); // someone deleted a column in SharePoint
    const store = fakeStore({ db: db.file });
    const r = await store.add('Meldingen', melding(1));
    expect(r.created).toBe(true);
    expect(store.outboxReport().failed).toEqual([
      { list: 'Meldingen', key: 'M-2024-0001', status: 400, reason: expect.stringContaining("Field 'kanaal' is not recognized") },
    ]);
    await store.close();

    const env = {
      GRAPH_BASE_URL: FAKE_BASE_URL,
      GRAPH_ACCESS_TOKEN: FAKE_TOKEN,
      SHAREPOINT_SITE_ID: FAKE_SITE_ID,
      INTEGRITEITSPLEIN_DB: db.file,
    };
    const s1 = io();
    expect(await runSync({}, { ...s1.io, env })).toBe(1);
    expect(s1.out.join('')).toMatch(/1 blijvend mislukt/);
    expect(s1.out.join('')).toMatch(/Meldingen M-2024-0001: HTTP 400/);
    expect(fake.itemsOf('Meldingen')).toHaveLength(0);

    expect(await runProvision({ site: FAKE_SITE_ID }, { ...io().io, env })).toBe(0); // column back
    const s2 = io();
    expect(await runSync({ retryFailed: true }, { ...s2.io, env })).toBe(0);
    expect(s2.out.join('')).toMatch(/1 geschreven, 0 keer opnieuw geprobeerd, 0 blijvend mislukt, 0 nog in de wachtrij/);
    expect(fake.itemsOf('Meldingen')).toEqual([expect.objectContaining({ meldingId: 'M-2024-0001', kanaal: 'teams' })]);
    db.cleanup();
  });

  test('while Graph is down writes wait in the outbox; a new store on the same file sends them', async () => {
    await provisionFake(fake);
    const db = tmpDb();
    const fast = { sleep: (_ms: number, s?: AbortSignal) => abortableSleep(1, s), maxAttempts: 2 };
    const a = fakeStore({ db: db.file, policy: fast, writeWaitMs: 200 });
    await a.lists.index('Meldingen'); // the list was reachable at start-up
    fake.setFaults({ rate: 1, kinds: ['unavailable'] });
    await a.add('Meldingen', melding(1));
    await a.update('Meldingen', 'M-2024-0001', { uitkomst: 'gegrond' });
    expect(a.outbox.counts().pending).toBe(2);
    expect(await a.get('Meldingen', 'M-2024-0001')).toMatchObject({ uitkomst: 'gegrond' }); // reads see the outbox
    await a.close();
    fake.setFaults(undefined);
    const b = fakeStore({ db: db.file });
    const summary = await b.drain();
    expect(summary).toMatchObject({ written: 2, failed: [], pending: 0 });
    expect(fake.itemsOf('Meldingen')).toEqual([expect.objectContaining({ meldingId: 'M-2024-0001', uitkomst: 'gegrond' })]);
    await b.close();
    db.cleanup();
  });

  test('Graph down from the start: add still lands in the outbox and reaches SharePoint later, once', async () => {
    await provisionFake(fake);
    const db = tmpDb();
    const fast = { sleep: (_ms: number, s?: AbortSignal) => abortableSleep(1, s), maxAttempts: 2 };
    fake.setFaults({ rate: 1, kinds: ['unavailable'] });
    const a = fakeStore({ db: db.file, policy: fast, writeWaitMs: 100 });
    expect((await a.add('Meldingen', melding(3))).created).toBe(true);
    expect((await a.add('Meldingen', melding(3))).created).toBe(false); // already waiting in the outbox
    expect(a.outbox.counts()).toEqual({ pending: 1, failed: 0 });
    await a.close();
    fake.setFaults(undefined);
    const b = fakeStore({ db: db.file });
    expect(await b.drain()).toMatchObject({ written: 1, pending: 0 });
    expect(fake.itemsOf('Meldingen')).toHaveLength(1);
    await b.close();
    db.cleanup();
  });

  test('a key another process already created is not created twice (409 on the unique key → look up → no-op)', async () => {
    await provisionFake(fake);
    const a = fakeStore();
    const b = fakeStore();
    await b.lists.index('Meldingen'); // b's cache is loaded before a writes
    await a.add('Meldingen', melding(1));
    const r = await b.add('Meldingen', melding(1)); // b does not know the key yet
    expect(r.created).toBe(true);
    expect(b.outbox.counts()).toEqual({ pending: 0, failed: 0 });
    expect(fake.itemsOf('Meldingen')).toHaveLength(1);
    await a.close();
    await b.close();
  });

  test('the fake refuses a multichoice without @odata.type and a filter on a non-indexed column, as SharePoint does', async () => {
    await provisionFake(fake);
    const http = fakeHttp({ maxAttempts: 1 });
    const l = fake.list('AgressieIncidenten')!;
    const e1 = <GraphError>(
      await http
        .post(`/sites/${FAKE_SITE_ID}/lists/${l.id}/items`, { fields: { incidentId: 'A-1', datum: '2025-01-01', soort: ['verbaal'] } })
        .catch((x: GraphError) => x)
    );
    expect(e1.statusCode).toBe(400);
    expect(e1.message).toBe('General exception while processing');
    const e2 = <GraphError>(
      await http
        .get(`/sites/${FAKE_SITE_ID}/lists/${l.id}/items?$filter=${encodeURIComponent("fields/soort eq 'verbaal'")}`)
        .catch((x: GraphError) => x)
    );
    expect(e2.statusCode).toBe(400);
    expect(e2.message).toMatch(/not indexed/);
  });
});

describe('wiring', () => {
  test('STORE=graph: createListStore gives a GraphListStore on GRAPH_BASE_URL with GRAPH_ACCESS_TOKEN; the lists CLI syncs it', async () => {
    await provisionFake(fake);
    const db = tmpDb();
    const env = {
      STORE: 'graph',
      GRAPH_BASE_URL: FAKE_BASE_URL,
      GRAPH_ACCESS_TOKEN: FAKE_TOKEN,
      SHAREPOINT_SITE_ID: FAKE_SITE_ID,
      INTEGRITEITSPLEIN_DB: db.file,
    };
    const store = await createListStore(env);
    expect(store).toBeInstanceOf(GraphListStore);
    await store.add('NieuweMedewerkers', { medewerkerId: 'mw-1', indienstOp: '2026-02-01', dienstverband: 'stagiair' });
    expect(await store.get('NieuweMedewerkers', 'mw-1')).toEqual({
      medewerkerId: 'mw-1',
      indienstOp: '2026-02-01',
      dienstverband: 'stagiair',
      workshopGevolgdOp: null,
    });
    await store.close();
    const r = io();
    expect(await runListsCli(['sync'], { ...r.io, env })).toBe(0);
    expect(r.out.join('')).toMatch(/0 blijvend mislukt, 0 nog in de wachtrij/);
    db.cleanup();
  });

  test('msal: a confidential client is built offline from a secret; a missing certificate file gives a Dutch error', () => {
    expect(
      () =>
        new MsalTokenProvider({
          tenantId: '00000000-0000-0000-0000-000000000001',
          clientId: '00000000-0000-0000-0000-000000000002',
          clientSecret: 'x',
        }),
    ).not.toThrow();
    expect(() => readCertificate('/bestaat/niet.pem')).toThrow(/Kan certificaatbestand \/bestaat\/niet.pem niet lezen/);
  });

  test('msal: a PEM with key and certificate gives the SHA-256 thumbprint openssl computes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-cert-'));
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          key,
          '-out',
          cert,
          '-days',
          '1',
          '-subj',
          '/CN=integriteitsplein-test',
        ],
        { stdio: 'ignore' },
      );
    } catch {
      console.warn('openssl ontbreekt: certificaattest overgeslagen');
      return;
    }
    const both = path.join(dir, 'app.pem');
    fs.writeFileSync(both, fs.readFileSync(key, 'utf8') + fs.readFileSync(cert, 'utf8'));
    const expected = execFileSync('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256'])
      .toString()
      .split('=')[1]
      .trim()
      .replace(/:/g, '');
    const c = readCertificate(both);
    expect(c.thumbprintSha256).toBe(expected);
    expect(c.privateKey).toMatch(/BEGIN PRIVATE KEY/);
    expect(() => new MsalTokenProvider({ tenantId: 't', clientId: '00000000-0000-0000-0000-000000000002', certPath: both })).not.toThrow();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
