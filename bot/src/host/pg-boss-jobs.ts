/**
 * Scheduled jobs on pg-boss for `STORE=postgres`: the daily Wbk reminder, the uitvraag, the
 * ambtseed reminders, the VOG cycle, the nevenwerk refresh round and the weekly HR overview run **once per due moment across all instances**, with
 * retries, and survive an instance that dies mid-job. The embedded default (`STORE=sqlite`) keeps the
 * in-process scheduler of `bot/src/jobs` (one instance, SQLite `intake_job_runs`).
 *
 * How:
 * 1. Every instance ticks (default every 30 s) and asks each job for its due moment at that instant
 *    (`moment(now)`: e.g. the Amsterdam date `2026-03-02` once it is past `intake.dagelijksOm`, the ISO
 *    week `2026-W10` for a weekly job). A moment that is due is claimed with one
 *    `INSERT INTO job_momenten … ON CONFLICT DO NOTHING`; the one instance whose insert wins enqueues
 *    the pg-boss job **in the same transaction** (pg-boss `send` with `db`), so a moment is enqueued
 *    exactly once, and never lost between claim and enqueue. An instance that starts late (all were down
 *    at 08:00) still finds the day's moment due and unclaimed: jobs catch up, as the SQLite scheduler does.
 * 2. pg-boss hands each job to one worker (`SELECT … FOR UPDATE SKIP LOCKED`). A handler that throws is
 *    retried (`retryLimit`, exponential backoff from `retryDelaySeconds`); a job whose instance died stays
 *    active until `expireInSeconds`, then pg-boss' maintenance fails it and it is retried on a live instance.
 *    Retries and the rare double run after an expiry are harmless because every proactive message has its
 *    own dedupe key (bot/src/proactive/sender.ts).
 *
 * pg-boss keeps its tables in its own schema (`PGBOSS_SCHEMA`, default `pgboss`) of the same database.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import { isoWeek, TIJDZONE, vandaag } from '@shared/domain/tijd';

/** `now` as Europe/Amsterdam wall-clock `HH:mm` and ISO weekday (1 = Monday … 7 = Sunday). */
function amsterdamKlok(now: Date): { tijd: string; weekdag: number } {
  const z = new TZDate(now.getTime(), TIJDZONE);
  return { tijd: format(z, 'HH:mm'), weekdag: Number(format(z, 'i')) };
}

/**
 * A daily due moment: the Amsterdam date (`2026-03-02`) from `om` (`HH:mm`, Europe/Amsterdam) that day on;
 * undefined before `om`. Used for the Wbk reminder, the uitvraag and the ambtseed reminders.
 */
export function dagelijks(om: string): (now: Date) => string | undefined {
  return (now) => (amsterdamKlok(now).tijd >= om ? vandaag(now) : undefined);
}

/**
 * A weekly due moment: the ISO week (`2026-W10`) from weekday `dag` (1 = Monday) at `om` (Europe/Amsterdam)
 * until the week ends, so an instance that was down on Monday still sends it later that week.
 */
export function wekelijks(dag: number, om: string): (now: Date) => string | undefined {
  return (now) => {
    const k = amsterdamKlok(now);
    return k.weekdag > dag || (k.weekdag === dag && k.tijd >= om) ? isoWeek(now) : undefined;
  };
}

/** One scheduled job. */
export interface GeplandeJob {
  /** pg-boss queue name (letters, digits, `-`, `_`), e.g. `wbk-herinnering`. */
  naam: string;
  /** The due moment at `now` (a stable string per occurrence), or undefined when nothing is due yet. */
  moment(now: Date): string | undefined;
  /** Run the occurrence `moment`. Throwing makes pg-boss retry it. Must be safe to run twice (dedupe keys). */
  run(moment: string, now: Date): Promise<unknown>;
}

/** Options of `startPgBossJobs`. */
export interface PgBossJobsOptions {
  /** Pool on the application schema (holds `job_momenten`, migrated by migratePostgres). */
  pool: pg.Pool;
  /** libpq URL for pg-boss' own connections (normally DATABASE_URL). */
  databaseUrl: string;
  jobs: readonly GeplandeJob[];
  /** pg-boss schema (default `pgboss`). */
  bossSchema?: string;
  clock?: () => Date;
  /** How often this instance looks for due moments (ms; default 30,000). */
  tickMs?: number;
  /** Retries after a failed run (default 5) and the first retry delay (s; default 30, doubling). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How long a run may take before it counts as dead and is retried elsewhere (s; default 900). */
  expireInSeconds?: number;
  /** Worker polling (s; default 2) and pg-boss maintenance (expiry check; s; default 60). */
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
  log?: { info(o: object, msg?: string): void; warn(o: object, msg?: string): void; error(o: object, msg?: string): void };
}

/** A running scheduler. */
export interface PgBossJobs {
  /** Look for due moments now. @returns the `job:moment` pairs this instance enqueued. */
  tick(): Promise<string[]>;
  /** Stop ticking and working; a run in progress is handed back to pg-boss (failed → retried elsewhere). */
  stop(): Promise<void>;
  readonly boss: PgBoss;
}

/**
 * Start pg-boss and the scheduler on this instance (call on every instance).
 * @throws the database error when pg-boss cannot start (bad URL, no rights to create its schema).
 */
export async function startPgBossJobs(opts: PgBossJobsOptions): Promise<PgBossJobs> {
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log;
  // With DATABASE_AUTH=entra the pool's password is a callback handing out managed-identity tokens; pg-boss'
  // own connections need it too (the URL then has no password).
  const pw = opts.pool.options?.password;
  const password = typeof pw === 'function' ? async () => await pw() : pw;
  const boss = new PgBoss({
    connectionString: opts.databaseUrl,
    ...(password ? { password } : {}),
    schema: opts.bossSchema ?? 'pgboss',
    max: 3,
    application_name: 'integriteitsplein-jobs',
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 60,
    // Our own scheduler enqueues (see module doc); pg-boss' cron is not used.
    schedule: false,
  });
  boss.on('error', (err: Error) => log?.error({ err: err.message }, 'pg-boss fout'));
  await boss.start();
  for (const job of opts.jobs) {
    await boss.createQueue(job.naam, {
      name: job.naam,
      retryLimit: opts.retryLimit ?? 5,
      retryDelay: opts.retryDelaySeconds ?? 30,
      retryBackoff: true,
      expireInSeconds: opts.expireInSeconds ?? 900,
    });
  }
  for (const job of opts.jobs) {
    await boss.work<{ moment: string }>(job.naam, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async ([j]) => {
      log?.info({ job: job.naam, moment: j.data.moment }, 'geplande job gestart');
      await job.run(j.data.moment, clock());
      log?.info({ job: job.naam, moment: j.data.moment }, 'geplande job klaar');
    });
  }

  let stopped = false;
  let running: Promise<string[]> | undefined;
  const claimAndSend = async (job: GeplandeJob, moment: string): Promise<boolean> => {
    const client = await opts.pool.connect();
    try {
      await client.query('BEGIN');
      const won = await client.query('INSERT INTO job_momenten (job, moment) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1', [
        job.naam,
        moment,
      ]);
      if (won.rowCount === 1) {
        await boss.send(job.naam, { moment }, {
          db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) },
        } as PgBoss.SendOptions);
      }
      await client.query('COMMIT');
      return won.rowCount === 1;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
  const tickOnce = async (): Promise<string[]> => {
    const now = clock();
    const sent: string[] = [];
    for (const job of opts.jobs) {
      const moment = job.moment(now);
      if (!moment || stopped) continue;
      try {
        if (await claimAndSend(job, moment)) {
          sent.push(`${job.naam}:${moment}`);
          log?.info({ job: job.naam, moment }, 'geplande job in de wachtrij');
        }
      } catch (err) {
        log?.warn(
          { job: job.naam, moment, err: (err as Error).message },
          'geplande job niet in de wachtrij gezet; volgende tik probeert opnieuw',
        );
      }
    }
    return sent;
  };
  const tick = () => (running ??= tickOnce().finally(() => (running = undefined)));
  const timer = setInterval(() => void tick(), opts.tickMs ?? 30_000);
  timer.unref();
  void tick();
  return {
    boss,
    tick,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
      await boss.stop({ graceful: true, timeout: 5000, wait: true });
    },
  };
}
