import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { OrgConfig } from '@shared/config';
import { TIJDZONE, vandaag as vandaagVan } from '@shared/domain/tijd';
import type { ListStore, LokaleStaat, SqliteDatabase } from '@shared/store';
import type { ProactiveSender } from '../proactive';
import { runAmbtseedHerinneringen, type HerinneringRapport } from '../features/ambtseed/herinneringen-job';
import { runNevenwerkHerbevestiging, type HerbevestigingRapport } from '../features/nevenwerk/herbevestiging-job';
import { intakeStaat } from '../features/intake/staat';
import { runUitvraag, type UitvraagResultaat } from '../features/intake/uitvraag-job';
import { runWbkHerinnering, type WbkHerinneringResultaat } from '../features/intake/wbk-herinnering-job';
import { runVogHerinneringen, type VogJobRapport } from '../features/vog/herinneringen-job';
import { dagelijks, startPgBossJobs, wekelijks, type GeplandeJob, type PgBossJobsOptions } from '../host/pg-boss-jobs';

/**
 * The scheduler of the bot's daily jobs. The jobs live with their feature: the Wbk reminder and the half-yearly
 * uitvraag in `features/intake/*-job.ts`, the ambtseed reminders in `features/ambtseed/herinneringen-job.ts`, the VOG cycle in `features/vog/herinneringen-job.ts`, the nevenwerk refresh round in `features/nevenwerk/herbevestiging-job.ts`. They run once per
 * Europe/Amsterdam day, at or after `intake.dagelijksOm` (default 08:00). A run is recorded in the table
 * `intake_job_runs` (job, date) so a restart on the same day does not run it again; every message also has its
 * own dedupe key, so even a repeated run sends nothing twice. The clock is injectable for tests.
 *
 * With `STORE=postgres` (several instances on one database) `startJobs` runs the same jobs as scheduled pg-boss
 * jobs instead (`geplandeJobs`, bot/src/host/pg-boss-jobs.ts): once per due moment across all instances.
 */

/** What the jobs need: the same services the features get (`lokaal` holds the job runs and the uitvraag state). */
export interface JobContext {
  store: ListStore;
  config: OrgConfig;
  proactive: ProactiveSender;
  lokaal: LokaleStaat;
  log?: { info(o: object, msg?: string): void; error(o: object, msg?: string): void };
}

/** Results of the jobs that ran (absent: not due). */
export interface DagelijkseRun {
  wbk?: WbkHerinneringResultaat;
  uitvraag?: UitvraagResultaat;
  /** Ambtseed reminders: new hires 14 and 3 days before their deadline, the day before a session, HR weekly. */
  ambtseed?: HerinneringRapport;
  /** VOG renewal: requests opened and asked, reminders, HR's weekly overview of outstanding VOGs. */
  vog?: VogJobRapport;
  /** The yearly refresh round of the nevenwerk register (from `nevenwerk.herbevestigingDatum`). */
  nevenwerk?: HerbevestigingRapport;
}

/** `now` as Europe/Amsterdam wall-clock `HH:mm`. */
export function amsterdamTijd(now: Date): string {
  return format(new TZDate(now.getTime(), TIJDZONE), 'HH:mm');
}

function claim(db: SqliteDatabase, job: string, datum: string, now: Date): boolean {
  return (
    db.prepare(`INSERT OR IGNORE INTO intake_job_runs (job, datum, gestart_op) VALUES (?, ?, ?)`).run(job, datum, now.toISOString())
      .changes === 1
  );
}
function release(db: SqliteDatabase, job: string, datum: string): void {
  db.prepare(`DELETE FROM intake_job_runs WHERE job = ? AND datum = ?`).run(job, datum);
}

/**
 * Run the jobs that are due at `now`: each at most once per Amsterdam day, not before `intake.dagelijksOm`.
 * A job that throws is released so the next tick retries it (safe: sends are deduplicated).
 */
export async function runDagelijkseJobs(ctx: JobContext, now: Date): Promise<DagelijkseRun> {
  const out: DagelijkseRun = {};
  if (amsterdamTijd(now) < ctx.config.intake.dagelijksOm) return out;
  const datum = vandaagVan(now);
  const jobs: [keyof DagelijkseRun, () => Promise<unknown>][] = [
    ['wbk', async () => (out.wbk = await runWbkHerinnering(ctx, now))],
    [
      'uitvraag',
      async () => (out.uitvraag = await runUitvraag({ config: ctx.config, proactive: ctx.proactive, staat: intakeStaat(ctx.lokaal) }, now)),
    ],
    [
      'ambtseed',
      async () => (out.ambtseed = await runAmbtseedHerinneringen({ store: ctx.store, config: ctx.config, sender: ctx.proactive, now })),
    ],
    ['vog', async () => (out.vog = await runVogHerinneringen({ store: ctx.store, config: ctx.config, sender: ctx.proactive, now }))],
    [
      'nevenwerk',
      async () => (out.nevenwerk = await runNevenwerkHerbevestiging({ store: ctx.store, config: ctx.config, sender: ctx.proactive, now })),
    ],
  ];
  for (const [job, run] of jobs) {
    if (!claim(ctx.lokaal.db, job, datum, now)) continue;
    try {
      await run();
      ctx.log?.info({ job, datum }, 'dagelijkse job uitgevoerd');
    } catch (err) {
      release(ctx.lokaal.db, job, datum);
      ctx.log?.error({ job, datum, err: (err as Error).message }, 'dagelijkse job mislukt; volgende tik probeert opnieuw');
    }
  }
  return out;
}

/**
 * Start the scheduler: checks every `intervalMs` (default 60 s) whether jobs are due. The timer is `unref`'d so
 * it never keeps the process alive. Host wiring: `const jobs = startIntakeJobs({ store, config, proactive, lokaal, log })`
 * after the proactive sender exists, and `jobs.stop()` on shutdown.
 */
export function startIntakeJobs(
  ctx: JobContext,
  opts: { clock?: () => Date; intervalMs?: number } = {},
): { stop(): void; tick(): Promise<DagelijkseRun> } {
  const clock = opts.clock ?? (() => new Date());
  let running: Promise<DagelijkseRun> | undefined;
  const tick = () => {
    running ??= runDagelijkseJobs(ctx, clock()).finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => void tick(), opts.intervalMs ?? 60_000);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer), tick };
}

/** pg-boss queue names of the scheduled jobs (STORE=postgres). */
export const GEPLANDE_JOBS = [
  'wbk-herinnering',
  'uitvraag',
  'ambtseed-herinneringen',
  'hr-weekoverzicht',
  'vog-herinneringen',
  'nevenwerk-herbevestiging',
] as const;

/**
 * The bot's jobs as pg-boss jobs (STORE=postgres): the Wbk reminder, the uitvraag, the ambtseed reminders, the VOG cycle
 * and the nevenwerk register's yearly refresh round (which itself waits for `nevenwerk.herbevestigingDatum` and then
 * asks and reminds; Ambtenarenwet art. 8) daily from `intake.dagelijksOm` (Europe/Amsterdam; moment = the Amsterdam date), HR's weekly overview from
 * Monday at `intake.dagelijksOm` (moment = the ISO week, so an instance that was down on Monday still sends it
 * that week). Each run gets the time it actually runs (a retry the next morning looks at that day's deadlines).
 */
export function geplandeJobs(ctx: JobContext): GeplandeJob[] {
  const om = ctx.config.intake.dagelijksOm;
  const [wbk, uitvraag, ambtseed, hr, vog, nevenwerk] = GEPLANDE_JOBS;
  return [
    { naam: wbk, moment: dagelijks(om), run: (_m, now) => runWbkHerinnering(ctx, now) },
    {
      naam: uitvraag,
      moment: dagelijks(om),
      run: (_m, now) => runUitvraag({ config: ctx.config, proactive: ctx.proactive, staat: intakeStaat(ctx.lokaal) }, now),
    },
    {
      naam: ambtseed,
      moment: dagelijks(om),
      run: (_m, now) =>
        runAmbtseedHerinneringen({ store: ctx.store, config: ctx.config, sender: ctx.proactive, now, onderdelen: 'herinneringen' }),
    },
    {
      naam: hr,
      moment: wekelijks(1, om),
      run: (_m, now) =>
        runAmbtseedHerinneringen({ store: ctx.store, config: ctx.config, sender: ctx.proactive, now, onderdelen: 'weekoverzicht' }),
    },
    {
      naam: vog,
      moment: dagelijks(om),
      run: (_m, now) => runVogHerinneringen({ store: ctx.store, config: ctx.config, sender: ctx.proactive, now }),
    },
    {
      naam: nevenwerk,
      moment: dagelijks(om),
      run: (_m, now) => runNevenwerkHerbevestiging({ store: ctx.store, config: ctx.config, sender: ctx.proactive, now }),
    },
  ];
}

/** A running scheduler of either kind. */
export interface GestarteJobs {
  /** `in-process` (SQLite, one instance) or `pg-boss` (STORE=postgres). */
  readonly soort: 'in-process' | 'pg-boss';
  stop(): Promise<void>;
}

/**
 * Start the jobs the way the store asks for: `STORE=postgres` → pg-boss on `DATABASE_URL` (schema
 * `PGBOSS_SCHEMA`, default `pgboss`; the claims in the application schema's `job_momenten`), every instance
 * calls this and each due moment runs once; otherwise the in-process scheduler (`startIntakeJobs`).
 * @param opts.pool the PostgreSQL pool of the application schema (the PgListStore's), needed with STORE=postgres.
 * @throws Error (Dutch) with STORE=postgres without a pool or DATABASE_URL; the database error when pg-boss cannot start.
 */
export async function startJobs(
  ctx: JobContext,
  opts: { env?: NodeJS.ProcessEnv; pool?: PgBossJobsOptions['pool']; log?: PgBossJobsOptions['log'] } = {},
): Promise<GestarteJobs> {
  const env = opts.env ?? process.env;
  if ((env.STORE ?? '').trim() !== 'postgres') {
    const jobs = startIntakeJobs(ctx);
    return { soort: 'in-process', stop: async () => jobs.stop() };
  }
  if (!opts.pool || !env.DATABASE_URL)
    throw new Error('Geplande jobs bij STORE=postgres hebben DATABASE_URL en de PostgreSQL-store nodig.');
  const jobs = await startPgBossJobs({
    pool: opts.pool,
    databaseUrl: env.DATABASE_URL,
    bossSchema: env.PGBOSS_SCHEMA?.trim() || undefined,
    jobs: geplandeJobs(ctx),
    log: opts.log,
  });
  return { soort: 'pg-boss', stop: () => jobs.stop() };
}
