/**
 * The yearly refresh round of the nevenwerk register with STORE=postgres: the pg-boss job `nevenwerk-herbevestiging`
 * from `geplandeJobs` (bot/src/jobs), with two instances ticking on one database and a fake clock. Expected from the
 * rule (docs/contracts.md, config `nevenwerk.herbevestigingDatum` 01-15 and `herinneringNaDagen` 21 in demo.yaml):
 * nothing before 15 January 08:00 (intake.dagelijksOm); on 15 January every registration in force that was reported
 * before it is put to its holder once, whichever instance runs it; 21 days later one reminder to who has not answered.
 */
import { loadOrgConfig } from '@shared/config';
import { queryAll } from '@shared/store/list-store';
import { migratePostgres } from '@shared/store/postgres/migrations';
import { PgListStore } from '@shared/store/postgres/pg-list-store';
import { geplandeJobs, type JobContext } from '../../bot/src/jobs';
import { startPgBossJobs, type PgBossJobs } from '../../bot/src/host/pg-boss-jobs';
import { nepZender } from '../support/proactive-fake';
import { DATABASE_URL, describePostgres, dropSchema, freshSchema, schemaPool } from '../support/postgres';

/** Resolves once `cond()` holds (checked every 100 ms); rejects after `ms`. */
function wachtTot(cond: () => boolean, ms: number): Promise<void> {
  const start = Date.now();
  return new Promise((klaar, mis) => {
    const kijk = () => (cond() ? klaar() : Date.now() - start > ms ? mis(new Error('niet op tijd')) : void setTimeout(kijk, 100));
    kijk();
  });
}

describePostgres('nevenwerk refresh round as a pg-boss job (STORE=postgres, two instances)', () => {
  jest.setTimeout(60_000);
  let schema: string;
  let store: PgListStore;
  const instances: PgBossJobs[] = [];

  beforeAll(async () => {
    schema = await freshSchema();
    store = new PgListStore(schemaPool(schema, 6));
    await migratePostgres(store.pool);
  });
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await store.close();
    await dropSchema(schema);
    await dropSchema(`${schema}_boss`);
  });

  test('asks each holder once across both instances on 15 January, reminds once after 21 days', async () => {
    const basis = {
      functie: 'beleidsmedewerker',
      register: 'nevenwerkzaamheid' as const,
      mogelijkConflict: false,
      soortNevenwerk: 'docent' as const,
    };
    await store.addMany('Nevenwerkzaamheden', [
      {
        ...basis,
        registratieId: 'NW-2026-0001',
        medewerker: 'oid-a',
        gemeldOp: '2026-03-01',
        status: 'beoordeeld',
        beoordeling: 'toegestaan',
      },
      { ...basis, registratieId: 'NW-2026-0002', medewerker: 'oid-b', gemeldOp: '2026-05-01', status: 'gemeld' },
      // ended before the round: not asked
      {
        ...basis,
        registratieId: 'NW-2026-0003',
        medewerker: 'oid-b',
        gemeldOp: '2026-02-01',
        status: 'beeindigd',
        beeindigdOp: '2026-12-01',
      },
    ]);
    const config = loadOrgConfig('demo');
    const { sender, sent, zetDag } = nepZender();
    let nu = new Date('2027-01-15T06:30:00Z'); // 07:30 in Amsterdam: before intake.dagelijksOm
    const ctx = { store, config, proactive: sender, lokaal: undefined as never } satisfies JobContext;
    const jobs = geplandeJobs(ctx).filter((j) => j.naam === 'nevenwerk-herbevestiging');
    expect(jobs).toHaveLength(1);
    for (let i = 0; i < 2; i++)
      instances.push(
        await startPgBossJobs({
          pool: store.pool,
          databaseUrl: DATABASE_URL!,
          bossSchema: `${schema}_boss`,
          jobs,
          clock: () => nu,
          tickMs: 3_600_000,
          pollingIntervalSeconds: 0.5,
          maintenanceIntervalSeconds: 1,
          retryDelaySeconds: 1,
        }),
      );
    const tik = async () => (await Promise.all(instances.map((i) => i.tick()))).flat();

    expect(await tik()).toEqual([]);
    nu = new Date('2027-01-15T07:05:00Z');
    zetDag('2027-01-15');
    expect(await tik()).toEqual(['nevenwerk-herbevestiging:2027-01-15']); // one of the two instances claims it
    await wachtTot(() => sent.size >= 2, 20_000);
    expect(await tik()).toEqual([]); // the same day again: nothing
    await new Promise((r) => setTimeout(r, 1500)); // room for a wrong second run
    expect([...sent].map(([k, v]) => [k, v.aan, v.dag])).toEqual([
      ['nevenwerk:herbevestiging:2027:NW-2026-0001', 'oid-a', '2027-01-15'],
      ['nevenwerk:herbevestiging:2027:NW-2026-0002', 'oid-b', '2027-01-15'],
    ]);
    const rijen = await queryAll(store, 'NevenwerkHerbevestigingen');
    expect(rijen.map((h) => [h.ronde, h.registratieId, h.gevraagdOp, h.antwoord]).sort()).toEqual([
      ['2027', 'NW-2026-0001', '2027-01-15', 'openstaand'],
      ['2027', 'NW-2026-0002', '2027-01-15', 'openstaand'],
    ]);

    // oid-a confirms; on 5 February (15 January + 21 days) only oid-b gets the reminder.
    await store.update('NevenwerkHerbevestigingen', '2027|NW-2026-0001', { antwoord: 'bevestigd', beantwoordOp: '2027-01-20' });
    nu = new Date('2027-02-05T08:00:00Z');
    zetDag('2027-02-05');
    expect(await tik()).toEqual(['nevenwerk-herbevestiging:2027-02-05']);
    await wachtTot(() => sent.size >= 3, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect([...sent].slice(2).map(([k, v]) => [k, v.aan, v.dag])).toEqual([
      ['nevenwerk:herbevestiging:2027:NW-2026-0002:herinnering', 'oid-b', '2027-02-05'],
    ]);
    const runs = await store.pool.query<{ moment: string; state: string }>(
      `SELECT data->>'moment' AS moment, state FROM ${schema}_boss.job WHERE name = 'nevenwerk-herbevestiging' ORDER BY 1`,
    );
    expect(runs.rows).toEqual([
      { moment: '2027-01-15', state: 'completed' },
      { moment: '2027-02-05', state: 'completed' },
    ]);
  });
});
