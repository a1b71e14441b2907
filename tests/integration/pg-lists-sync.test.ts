/**
 * `npm run lists -- sync` with STORE=postgres: the drift report of SharePoint (the Graph fake) against PostgreSQL (the
 * source of truth) on a seeded difference, `--dry-run` changing nothing, and the corrections through the outbox.
 * The expected lines follow from the differences the test makes in SharePoint behind the mirror's back.
 */
import { StaticTokenProvider } from '@shared/graph/auth';
import { runListsCli, type CliIo } from '@shared/cli/lists';
import type { ListItemInput } from '@shared/lists/schemas';
import { SharePointSpiegel } from '@shared/store/graph/sharepoint-spiegel';
import { migratePostgres } from '@shared/store/postgres/migrations';
import { PgListStore } from '@shared/store/postgres/pg-list-store';
import { FAKE_BASE_URL, FAKE_SITE_ID, FAKE_TOKEN, GraphFake } from '../support/graph-fake';
import { fakeHttp, provisionFake } from '../support/graph-store';
import { DATABASE_URL, describePostgres, dropSchema, freshSchema, schemaPool } from '../support/postgres';

const fake = new GraphFake();
beforeAll(() => fake.listen());
afterAll(() => fake.close());

const gesprek = (n: number, doorverwezen: ListItemInput<'Gesprekken'>['doorverwezen'] = 'geen'): ListItemInput<'Gesprekken'> => ({
  gesprekId: `G-${String(n).padStart(4, '0')}`,
  datum: '2026-05-04',
  vertrouwenspersoon: 'extern',
  onderwerp: 'arbeidsconflict',
  isMelding: true,
  doorverwezen,
});

/** SharePoint's item id of a Gesprekken item, and its list's path. */
function sharePointItem(gesprekId: string): { pad: string } {
  const l = fake.list('Gesprekken')!;
  const item = [...l.items.values()].find((i) => i.fields.gesprekId === gesprekId)!;
  return { pad: `/sites/${FAKE_SITE_ID}/lists/${l.id}/items/${item.id}` };
}

describePostgres('lists sync with STORE=postgres', () => {
  let schema: string;
  let env: NodeJS.ProcessEnv;
  const lists = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const io: CliIo = { out: (s) => (out += s), err: (s) => (err += s), env };
    const code = await runListsCli(argv, io);
    return { code, out, err };
  };

  beforeEach(async () => {
    fake.reset();
    await provisionFake(fake);
    schema = await freshSchema();
    env = {
      STORE: 'postgres',
      DATABASE_URL: `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      GRAPH_ACCESS_TOKEN: FAKE_TOKEN,
      GRAPH_BASE_URL: FAKE_BASE_URL,
      SHAREPOINT_SITE_ID: FAKE_SITE_ID,
      GRAPH_MAX_ATTEMPTS: '2',
      GRAPH_RESOURCE_UNITS_PER_MINUTE: '0',
    };
  });
  afterEach(async () => {
    await dropSchema(schema);
  });

  test('a seeded difference: the report names list, key, column and both values; --dry-run changes nothing; sync corrects', async () => {
    // PostgreSQL and SharePoint in line: three gesprekken and an incident written through the mirror.
    const pool = schemaPool(schema);
    await migratePostgres(pool);
    const spiegel = new SharePointSpiegel({
      pool,
      baseUrl: FAKE_BASE_URL,
      siteId: FAKE_SITE_ID,
      auth: new StaticTokenProvider(FAKE_TOKEN),
      pollMs: 0,
    });
    const store = new PgListStore(pool, { mirror: { write: spiegel.mirror.write } });
    await store.addMany('Gesprekken', [gesprek(1), gesprek(2), gesprek(3)]);
    await store.add('AgressieIncidenten', { incidentId: 'AI-1', datum: '2026-04-01', soort: ['verbaal', 'fysiek'] });
    await spiegel.drain({ maxFruitlessRounds: 3 });
    expect(fake.itemsOf('Gesprekken')).toHaveLength(3);

    // Behind the mirror's back: someone edits G-0002 and the incident in SharePoint, deletes G-0003 and adds G-0099.
    const http = fakeHttp({ maxAttempts: 1 });
    await http.patch(`${sharePointItem('G-0002').pad}/fields`, { doorverwezen: 'mediation' });
    await http.batch([{ id: '1', method: 'DELETE', url: sharePointItem('G-0003').pad }]);
    const incidenten = fake.list('AgressieIncidenten')!;
    await http.patch(`/sites/${FAKE_SITE_ID}/lists/${incidenten.id}/items/${[...incidenten.items.keys()][0]}/fields`, {
      soort: ['verbaal'],
      'soort@odata.type': 'Collection(Edm.String)',
    });
    fake.seedItems('Gesprekken', [{ ...gesprek(99), datum: '2026-05-04T00:00:00Z' }]);
    // And a write in PostgreSQL whose mirror row still waits in the outbox.
    await store.update('Gesprekken', 'G-0001', { doorverwezen: 'coach' });

    const droog = await lists('sync', '--dry-run');
    expect(droog.err).toBe('');
    expect(droog.code).toBe(1);
    const regels = droog.out.split('\n');
    expect(regels).toContain('  Gesprekken: 3 in PostgreSQL, 3 in SharePoint, 4 afwijkingen:');
    expect(regels).toContain('    G-0001: doorverwezen: PostgreSQL "coach", SharePoint "geen" (wacht in de outbox)');
    expect(regels).toContain('    G-0002: doorverwezen: PostgreSQL "geen", SharePoint "mediation"');
    expect(regels).toContain('    G-0003: ontbreekt in SharePoint');
    expect(regels).toContain('    G-0099: alleen in SharePoint, niet in PostgreSQL');
    expect(regels).toContain('  AgressieIncidenten: 1 in PostgreSQL, 1 in SharePoint, 1 afwijking:');
    expect(regels).toContain('    AI-1: soort: PostgreSQL "verbaal, fysiek", SharePoint "verbaal"');
    expect(regels).toContain('  Meldingen: gelijk (0 items)');
    expect(regels).toContain('Afwijkingen: 5 (1 ontbreekt in SharePoint, 3 verschillen, 1 alleen in SharePoint).');
    // Only a report: SharePoint and the outbox are as they were.
    expect(fake.itemsOf('Gesprekken').find((f) => f.gesprekId === 'G-0002')!.doorverwezen).toBe('mediation');
    expect(fake.itemsOf('Gesprekken').map((f) => f.gesprekId)).not.toContain('G-0003');
    expect((await spiegel.outbox.counts()).pending).toBe(1);

    const echt = await lists('sync');
    expect(echt.out).toContain('3 correcties in de outbox gezet');
    // G-0099 stays (sync deletes nothing), so the exit code says not everything is in line.
    expect(echt.code).toBe(1);
    const sp = new Map(fake.itemsOf('Gesprekken').map((f) => [f.gesprekId, f]));
    expect([...sp.keys()].sort()).toEqual(['G-0001', 'G-0002', 'G-0003', 'G-0099']);
    expect(sp.get('G-0001')!.doorverwezen).toBe('coach');
    expect(sp.get('G-0002')!.doorverwezen).toBe('geen');
    expect(fake.itemsOf('AgressieIncidenten')[0].soort).toEqual(['verbaal', 'fysiek']);
    expect((await spiegel.outbox.counts()).pending).toBe(0);

    const daarna = await lists('sync', '--dry-run');
    expect(daarna.code).toBe(1);
    expect(daarna.out).toContain('Afwijkingen: 1 (0 ontbreekt in SharePoint, 0 verschillen, 1 alleen in SharePoint).');
    await http.batch([{ id: '1', method: 'DELETE', url: sharePointItem('G-0099').pad }]);
    const gelijk = await lists('sync', '--dry-run');
    expect(gelijk.code).toBe(0);
    expect(gelijk.out).toContain('Geen afwijkingen: SharePoint komt overeen met PostgreSQL.');
    await spiegel.close();
    await store.close();
  });

  test('an empty database on an empty site is in line (exit 0); without Graph settings one Dutch line and exit code 2', async () => {
    const r = await lists('sync', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Geen afwijkingen: SharePoint komt overeen met PostgreSQL.');
    delete env.GRAPH_ACCESS_TOKEN;
    const zonder = await lists('sync');
    expect(zonder.code).toBe(2);
    expect(zonder.err).toMatch(/^Fout: lists sync met STORE=postgres vraagt de Graph-instellingen .* en SHAREPOINT_SITE_ID\.\n$/);
  });
});
