import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { OrgConfig } from '@shared/config';
import { TIJDZONE, vandaag as vandaagVan } from '@shared/domain/tijd';
import type { ListStore, LokaleStaat, SqliteDatabase } from '@shared/store';
import type { ProactiveSender } from '../proactive';
import { runAmbtseedHerinneringen, type HerinneringRapport } from '../features/ambtseed/herinneringen-job';
import { intakeStaat } from '../features/intake/staat';
import { runUitvraag, type UitvraagResultaat } from '../features/intake/uitvraag-job';
import { runWbkHerinnering, type WbkHerinneringResultaat } from '../features/intake/wbk-herinnering-job';

/**
 * The scheduler of the bot's daily jobs. The jobs live with their feature: the Wbk reminder and the half-yearly
 * uitvraag in `features/intake/*-job.ts`, the ambtseed reminders in `features/ambtseed/herinneringen-job.ts`. They run once per
 * Europe/Amsterdam day, at or after `intake.dagelijksOm` (default 08:00). A run is recorded in the table
 * `intake_job_runs` (job, date) so a restart on the same day does not run it again; every message also has its
 * own dedupe key, so even a repeated run sends nothing twice. The clock is injectable for tests.
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
  /** Ambtseed reminders (issue 5): new hires 14 and 3 days before their deadline, the day before a session, HR weekly. */
  ambtseed?: HerinneringRapport;
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
      async () =>
        (out.uitvraag = await runUitvraag({ config: ctx.config, proactive: ctx.proactive, staat: intakeStaat(ctx.lokaal.db) }, now)),
    ],
    [
      'ambtseed',
      async () => (out.ambtseed = await runAmbtseedHerinneringen({ store: ctx.store, config: ctx.config, sender: ctx.proactive, now })),
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
