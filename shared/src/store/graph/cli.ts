/**
 * The Graph subcommands of `npm run lists` (wired in shared/src/cli/lists.ts):
 * - `provision --site <id> [--dry-run]`: create or complete the SharePoint lists (provisioning.ts).
 * - `sync`: drain the outbox now, with a progress bar and a summary (written, retried, failed
 *   permanently with Graph's reason). With `STORE=postgres` it first reconciles: a drift report of SharePoint
 *   against PostgreSQL (the source of truth), and, unless `--dry-run`, the corrections queued through the outbox.
 */
import cliProgress from 'cli-progress';
import { createGraphHttp, type GraphHttp } from '@shared/graph';
import { getListDefinition, LIST_NAMES } from '../../lists/definitions';
import { t } from '../../i18n';
import { getalTekst } from '../../i18n/formaat';
import { queryAll } from '../list-store';
import { applyProvision, describeStep, planProvision } from './provisioning';
import { vergelijkLijst, type LijstVergelijking } from './afwijkingen';
import { createGraphListStore } from './index';
import type { DrainSummary } from './outbox-worker';

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
export async function runSync(args: { retryFailed?: boolean; dryRun?: boolean } = {}, io: GraphCliIo = defaultIo): Promise<number> {
  if ((io.env.STORE ?? '').trim() === 'postgres') return runPostgresSync(args, io);
  let store: Awaited<ReturnType<typeof createGraphListStore>>;
  try {
    store = await createGraphListStore(io.env);
  } catch (e) {
    io.err(`Fout: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    if (args.dryRun) {
      const report = store.outboxReport();
      io.out(`Outbox: ${report.pending} in de wachtrij, ${report.failed.length} blijvend mislukt (droog: niets verstuurd).\n`);
      for (const f of report.failed) io.out(`  ${f.list} ${f.key}: HTTP ${f.status ?? '?'} ${f.reason ?? ''}\n`);
      return report.pending === 0 && report.failed.length === 0 ? 0 : 1;
    }
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

/** Lines printed per list before the rest is summed up (a report for people, not a dump). */
const MAX_REGELS_PER_LIJST = 200;

/** A list value as the drift report prints it: text in quotes, lists joined, empty as "(leeg)". */
function waardeTekst(v: unknown): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('nl', 'cli.sync.leeg');
  if (Array.isArray(v)) return `"${v.map(String).join(', ')}"`;
  if (typeof v === 'string') return `"${v.length > 80 ? `${v.slice(0, 79)}…` : v}"`;
  return String(v);
}

/** The drift report's lines for one list (see `runPostgresSync`). */
function driftRegels(v: LijstVergelijking, inOutbox: ReadonlySet<string>): string[] {
  if (v.afwijkingen.length === 0) {
    return [
      t('nl', 'cli.sync.lijstGelijk', {
        list: v.list,
        items: t('nl', 'cli.aantal.item', { n: v.inPostgres, getal: getalTekst('nl', v.inPostgres) }),
      }),
    ];
  }
  const out = [t('nl', 'cli.sync.lijstAfwijkend', { list: v.list, pg: v.inPostgres, sp: v.inSharePoint, n: v.afwijkingen.length })];
  for (const a of v.afwijkingen.slice(0, MAX_REGELS_PER_LIJST)) {
    const wacht = inOutbox.has(`${a.list}\u0000${a.key}`) ? t('nl', 'cli.sync.inOutbox') : '';
    if (a.soort === 'ontbreektInSharePoint') out.push(t('nl', 'cli.sync.ontbreekt', { key: a.key }) + wacht);
    else if (a.soort === 'alleenInSharePoint') out.push(t('nl', 'cli.sync.alleenInSharePoint', { key: a.key }) + wacht);
    else
      for (const f of a.velden)
        out.push(
          t('nl', 'cli.sync.verschilt', {
            key: a.key,
            kolom: f.kolom,
            postgres: waardeTekst(f.postgres),
            sharepoint: waardeTekst(f.sharepoint),
          }) + wacht,
        );
  }
  const rest = v.afwijkingen.length - MAX_REGELS_PER_LIJST;
  if (rest > 0) out.push(t('nl', 'cli.sync.meer', { n: rest, list: v.list }));
  return out;
}

function outboxRegel(summary: DrainSummary, report: { pending: number; failed: unknown[] }): string {
  return t('nl', 'cli.sync.outbox', {
    geschreven: summary.written,
    opnieuw: summary.retried,
    mislukt: report.failed.length,
    wachtrij: report.pending,
    aanvragen: summary.requests,
  });
}

/**
 * `lists sync` with `STORE=postgres`: reconcile the SharePoint lists with PostgreSQL (the source of truth).
 * 1. Unless `dryRun`: put failed rows back when `retryFailed`, and drain the outbox (what waits is not drift).
 * 2. Read every list on both sides (SharePoint as it is, without the outbox) and print the drift report: per list
 *    the items missing in SharePoint, the items only in SharePoint, and per differing item each column with its
 *    value in PostgreSQL and in SharePoint; "(wacht in de outbox)" when a write of that item is still queued.
 * 3. Unless `dryRun`: queue the PostgreSQL state of every item missing or differing in SharePoint
 *    (`PgListStore.spiegelOpnieuw`) and drain. Items only in SharePoint are never deleted (reported with advice).
 * @returns exit code: 0 no drift (dry run) or everything corrected and the outbox empty; 1 drift found (dry run), or
 *   corrections still pending or failed, or items only in SharePoint; 2 missing or invalid settings
 */
async function runPostgresSync(args: { retryFailed?: boolean; dryRun?: boolean }, io: GraphCliIo): Promise<number> {
  const { createPostgresListStore } = await import('../postgres');
  const { spiegelVanEnv } = await import('./sharepoint-spiegel');
  const { GraphQueryEngine } = await import('./query-engine');
  let store: Awaited<ReturnType<typeof createPostgresListStore>>;
  let spiegel: ReturnType<typeof spiegelVanEnv>;
  try {
    store = await createPostgresListStore(io.env, { spiegel: false });
  } catch (e) {
    io.err(`Fout: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    spiegel = spiegelVanEnv(io.env, store.pool, { pollMs: 0 });
    if (!spiegel) throw new Error(`${t('nl', 'cli.sync.geenGraph')}.`);
  } catch (e) {
    io.err(`Fout: ${(e as Error).message}\n`);
    await store.close();
    return 2;
  }
  // A store on the same pool whose writes go to this mirror's outbox (the corrections); draining is explicit here.
  const { PgListStore } = await import('../postgres/pg-list-store');
  const schrijver = new PgListStore(store.pool, { mirror: { write: spiegel.mirror.write }, ownsPool: false });
  const drain = () => spiegel.drain({ maxFruitlessRounds: 5 });
  try {
    let summary: DrainSummary = { written: 0, retried: 0, failed: [], pending: 0, requests: 0 };
    if (!args.dryRun) {
      if (args.retryFailed) await spiegel.outbox.requeueFailed();
      summary = await drain();
    }
    const leeg = { latestPending: () => undefined, pendingByKey: () => new Map() };
    const sharepoint = new GraphQueryEngine(spiegel.http, spiegel.lists, leeg, Number(io.env.GRAPH_PAGE_SIZE) || 5000);
    const inOutbox = await spiegel.outbox.pendingKeys();
    const vergelijkingen: LijstVergelijking[] = [];
    io.out(`${t('nl', 'cli.sync.kop', { site: spiegel.lists.siteId })}\n`);
    for (const list of LIST_NAMES) {
      const def = getListDefinition(list);
      const v = vergelijkLijst(def, await queryAll(store, list), await sharepoint.readMatching(def, {}));
      vergelijkingen.push(v);
      for (const regel of driftRegels(v, inOutbox)) io.out(`${regel}\n`);
    }
    const alle = vergelijkingen.flatMap((v) => v.afwijkingen);
    const tel = (soort: string) => alle.filter((a) => a.soort === soort).length;
    const alleen = tel('alleenInSharePoint');
    if (alle.length === 0) io.out(`${t('nl', 'cli.sync.geenAfwijkingen')}\n`);
    else
      io.out(
        `${t('nl', 'cli.sync.totaal', { n: alle.length, ontbreekt: tel('ontbreektInSharePoint'), verschilt: tel('verschilt'), alleen })}\n`,
      );
    if (alleen > 0) io.out(`${t('nl', 'cli.sync.alleenAdvies')}\n`);
    if (args.dryRun) {
      if (alle.length > 0) io.out(`${t('nl', 'cli.sync.droog')}\n`);
      return alle.length === 0 ? 0 : 1;
    }
    let gecorrigeerd = 0;
    for (const [i, v] of vergelijkingen.entries()) {
      const keys = v.afwijkingen.filter((a) => a.soort !== 'alleenInSharePoint').map((a) => a.key);
      gecorrigeerd += await schrijver.spiegelOpnieuw(LIST_NAMES[i], keys);
    }
    if (gecorrigeerd > 0) {
      io.out(`${t('nl', 'cli.sync.gecorrigeerd', { n: gecorrigeerd })}\n`);
      const tweede = await drain();
      summary = {
        written: summary.written + tweede.written,
        retried: summary.retried + tweede.retried,
        failed: [...summary.failed, ...tweede.failed],
        pending: tweede.pending,
        requests: summary.requests + tweede.requests,
      };
    }
    const report = await spiegel.outboxReport();
    io.out(`${outboxRegel(summary, report)}\n`);
    for (const f of report.failed) io.out(`  ${f.list} ${f.key}: HTTP ${f.status ?? '?'} ${f.reason ?? ''}\n`);
    return report.pending === 0 && report.failed.length === 0 && alleen === 0 ? 0 : 1;
  } finally {
    await spiegel.close();
    await schrijver.close();
    await store.close();
  }
}
