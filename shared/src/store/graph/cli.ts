/**
 * The Graph subcommands of `npm run lists` (wired in shared/src/cli/lists.ts):
 * - `provision --site <id> [--dry-run]`: create or complete the SharePoint lists (provisioning.ts).
 * - `sync`: drain the outbox now, with a progress bar and a summary (written, retried, failed
 *   permanently with Graph's reason).
 */
import cliProgress from 'cli-progress';
import { createGraphHttp, type GraphHttp } from '@shared/graph';
import { applyProvision, describeStep, planProvision } from './provisioning';
import { createGraphListStore } from './index';

/** Output and environment of a CLI run (same shape as the lists CLI's `CliIo`). */
export interface GraphCliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIo: GraphCliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), env: process.env };

/**
 * `lists provision`: print the plan; unless `dryRun`, carry it out.
 * @param args.site the site id (else `SHAREPOINT_SITE_ID`)
 * @returns exit code: 0 done (or nothing to do), 1 a Graph error, 2 missing settings
 */
export async function runProvision(args: { site?: string; dryRun?: boolean }, io: GraphCliIo = defaultIo): Promise<number> {
  let http: GraphHttp;
  const site = args.site ?? io.env.SHAREPOINT_SITE_ID;
  try {
    if (!site) throw new Error('Geef de site met --site <id> of zet SHAREPOINT_SITE_ID.');
    http = createGraphHttp(io.env);
  } catch (e) {
    io.err(`Fout: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    const plan = await planProvision(http, site);
    for (const w of plan.warnings) io.err(`Let op: ${w}\n`);
    if (plan.steps.length === 0) {
      io.out(`Niets te doen: alle lijsten en kolommen staan al op site ${site}.\n`);
      return 0;
    }
    io.out(`${args.dryRun ? 'Plan (droog, er verandert niets)' : 'Uitvoeren'} voor site ${site}:\n`);
    if (args.dryRun) {
      for (const s of plan.steps) io.out(`  - ${describeStep(s)}\n`);
      return 0;
    }
    await applyProvision(http, plan, (s) => io.out(`  - ${describeStep(s)}\n`));
    io.out(`Klaar: ${plan.steps.length} stap(pen) uitgevoerd.\n`);
    return 0;
  } catch (e) {
    const ge = e as { statusCode?: number; code?: string; message?: string };
    io.err(`Fout bij provisioning${ge.statusCode ? ` (HTTP ${ge.statusCode} ${ge.code ?? ''})` : ''}: ${ge.message}\n`);
    if (ge.statusCode === 403)
      io.err('Heeft de app-registratie Sites.Selected met schrijfrechten op deze site? Zie README, "SharePoint via Microsoft Graph".\n');
    return 1;
  }
}

/**
 * `lists sync`: drain the outbox until it is empty or Graph keeps failing, then print a summary.
 * @param args.retryFailed put permanently failed rows back in the queue first (after fixing the cause)
 * @returns exit code: 0 outbox empty, 1 rows left (pending or failed), 2 missing settings
 */
export async function runSync(args: { retryFailed?: boolean } = {}, io: GraphCliIo = defaultIo): Promise<number> {
  let store: Awaited<ReturnType<typeof createGraphListStore>>;
  try {
    store = await createGraphListStore(io.env);
  } catch (e) {
    io.err(`Fout: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    if (args.retryFailed) store.outbox.requeueFailed();
    const total = store.outbox.counts().pending;
    const bar =
      process.stderr.isTTY && io.err === defaultIo.err
        ? new cliProgress.SingleBar(
            { format: 'outbox {bar} {value}/{total} rijen', stream: process.stderr },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
    bar?.start(total, 0);
    let lastTenth = -1;
    const summary = await store.drain({
      maxFruitlessRounds: 5,
      onProgress: (done, all) => {
        bar?.update(done);
        const tenth = all ? Math.floor((done / all) * 10) : 10;
        if (!bar && tenth !== lastTenth) {
          lastTenth = tenth;
          io.err(`outbox: ${done}/${all}\n`);
        }
      },
    });
    bar?.stop();
    const report = store.outboxReport();
    io.out(
      `Outbox: ${summary.written} geschreven, ${summary.retried} keer opnieuw geprobeerd, ${report.failed.length} blijvend mislukt, ${report.pending} nog in de wachtrij (${summary.requests} HTTP-aanvragen).\n`,
    );
    if (report.failed.length) {
      io.out('Blijvend mislukt (bewaard in graph_outbox; los de oorzaak op en draai "sync" opnieuw met --retry-failed):\n');
      for (const f of report.failed) io.out(`  ${f.list} ${f.key}: HTTP ${f.status ?? '?'} ${f.reason ?? ''}\n`);
    }
    return report.pending === 0 && report.failed.length === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}
