import { dagelijks, startPgBossJobs, wekelijks, type GeplandeJob, type PgBossJobs } from '../../bot/src/host/pg-boss-jobs';
import { migratePostgres } from '@shared/store/postgres/migrations';
import type pg from 'pg';
import { DATABASE_URL, describePostgres, dropSchema, freshSchema, schemaPool } from '../support/postgres';

const wachtTot = async (cond: () => boolean, ms: number) => {
  const tot = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > tot) throw new Error('niet op tijd');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('due moments (Europe/Amsterdam)', () => {
  test('daily from 08:00 Amsterdam time, also across the DST change; weekly from Monday 08:00 until Sunday', () => {
    const d = dagelijks('08:00');
    expect(d(new Date('2026-03-02T06:59:00Z'))).toBeUndefined(); // 07:59 CET
    expect(d(new Date('2026-03-02T07:00:00Z'))).toBe('2026-03-02');
    expect(d(new Date('2026-03-30T05:59:00Z'))).toBeUndefined(); // 07:59 CEST
    expect(d(new Date('2026-03-30T06:00:00Z'))).toBe('2026-03-30');
    const w = wekelijks(1, '08:00');
    expect(w(new Date('2026-03-02T06:00:00Z'))).toBeUndefined(); // Monday 07:00
    expect(w(new Date('2026-03-02T07:00:00Z'))).toBe('2026-W10');
    expect(w(new Date('2026-03-08T20:00:00Z'))).toBe('2026-W10'); // Sunday: still the same week's moment
  });
  test('00:30 Amsterdam time (22:30 UTC the day before) is not yet due', () => {
    expect(dagelijks('08:00')(new Date('2026-03-30T22:30:00Z'))).toBeUndefined();
  });
});

describePostgres('scheduled jobs on pg-boss, four instances on one database', () => {
  let schema: string;
  let pool: pg.Pool;
  let instances: PgBossJobs[] = [];
  const fast = { tickMs: 3_600_000, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, retryDelaySeconds: 1 };
  beforeEach(async () => {
    schema = await freshSchema();
    pool = schemaPool(schema, 8);
    await migratePostgres(pool);
  });
  afterEach(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    instances = [];
    await pool.end();
    await dropSchema(schema);
    await dropSchema(`${schema}_boss`);
  });

  const start = (jobs: GeplandeJob[], clock: () => Date, extra: object = {}) =>
    startPgBossJobs({ pool, databaseUrl: DATABASE_URL!, bossSchema: `${schema}_boss`, jobs, clock, ...fast, ...extra }).then(
      (i) => (instances.push(i), i),
    );

  test('each daily job runs once per day with four instances ticking at the same moments, and again the next day', async () => {
    let now = new Date('2026-03-02T06:30:00Z');
    const runs: string[] = [];
    const jobs = (inst: number): GeplandeJob[] =>
      ['wbk-herinnering', 'uitvraag', 'ambtseed-herinneringen'].map((naam) => ({
        naam,
        moment: dagelijks('08:00'),
        run: async (m) => void runs.push(`${naam}:${m}:${inst}`),
      }));
    const all = [];
    for (let i = 0; i < 4; i++) all.push(await start(jobs(i), () => now));
    expect((await Promise.all(all.map((i) => i.tick()))).flat()).toEqual([]); // 07:30: nothing due
    now = new Date('2026-03-02T07:00:30Z');
    const sent = (await Promise.all(all.map((i) => i.tick()))).flat();
    expect(sent.sort()).toEqual(['ambtseed-herinneringen:2026-03-02', 'uitvraag:2026-03-02', 'wbk-herinnering:2026-03-02']);
    now = new Date('2026-03-02T15:00:00Z');
    expect((await Promise.all(all.map((i) => i.tick()))).flat()).toEqual([]);
    await wachtTot(() => runs.length >= 3, 15_000);
    now = new Date('2026-03-03T07:05:00Z');
    await Promise.all(all.map((i) => i.tick()));
    await wachtTot(() => runs.length >= 6, 15_000);
    await new Promise((r) => setTimeout(r, 1500)); // room for a wrong second run to show up
    const perMoment = new Map<string, number>();
    for (const r of runs) perMoment.set(r.split(':').slice(0, 2).join(':'), (perMoment.get(r.split(':').slice(0, 2).join(':')) ?? 0) + 1);
    expect([...perMoment.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(perMoment.size).toBe(6);
  });

  test('a failing run is retried until it succeeds', async () => {
    let pogingen = 0;
    const inst = await start(
      [
        {
          naam: 'wbk-herinnering',
          moment: () => '2026-03-02',
          run: async () => {
            pogingen++;
            if (pogingen < 3) throw new Error('Teams even weg');
          },
        },
      ],
      () => new Date(),
    );
    await inst.tick();
    await wachtTot(() => pogingen >= 3, 20_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(pogingen).toBe(3);
  });

  test('a run whose instance stops responding mid-job is expired and finished by another instance', async () => {
    const klaar: string[] = [];
    let gestart = 0;
    const hangt: GeplandeJob = {
      naam: 'uitvraag',
      moment: () => '2026-03-02',
      run: () => {
        gestart++;
        return new Promise(() => undefined);
      },
    };
    const a = await start([hangt], () => new Date(), { expireInSeconds: 2 });
    await a.tick();
    await wachtTot(() => gestart === 1, 10_000);
    // Instance a is "dead": it never finishes. Instance b comes up with a working handler.
    await start([{ naam: 'uitvraag', moment: () => '2026-03-02', run: async (m) => void klaar.push(m) }], () => new Date(), {
      expireInSeconds: 2,
    });
    await a.boss.offWork('uitvraag');
    await wachtTot(() => klaar.length === 1, 30_000);
    expect(klaar).toEqual(['2026-03-02']);
  });
});
