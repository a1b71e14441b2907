/**
 * `npm run start:bot`: the bot on BOT_PORT (default 3978) for INTEGRITEITSPLEIN_ORG (default demo), with
 * the store from the environment (STORE, INTEGRITEITSPLEIN_DB). The host holds no logic (bot/src/host/app.ts).
 */
import { ConfigError, loadOrgConfig } from '@shared/config';
import { createListStore, LokaleStaat } from '@shared/store';
import { PgListStore } from '@shared/store/postgres/pg-list-store';
import { ambtseedRouter, publicUrlVanEnv } from './features/ambtseed/routes';
import { BoekingWachtrij } from './features/ambtseed/boeking-uitkomst';
import { synchroniseerAgenda } from './features/ambtseed/berichten';
import { agendaVanEnv } from './features/ambtseed/uitnodiging-graph';
import { flushMeldwijzerGebruik } from './features/meldwijzer';
import { createBotHost } from './host/app';
import { startJobs } from './jobs';
import { createLogger } from './host/logger';
import { controleerBotInstellingen } from './host/instellingen';
import { controleerBotRoutes } from './host/routes';
import { StartWeigering } from '@shared/config/hosting';
import { naamBronVanEnv } from '@shared/graph/gebruikers';

async function main(): Promise<void> {
  const log = createLogger();
  let config;
  try {
    // Local mode, BOT_PUBLIC_URL and AMBTSEED_LINK_SECRET in production: one line and exit 1 (host/instellingen.ts).
    controleerBotInstellingen(process.env);
    config = loadOrgConfig();
  } catch (err) {
    if (err instanceof StartWeigering) {
      console.error(err.message);
      process.exit(1);
    }
    if (err instanceof ConfigError) {
      console.error(`Configuratie ongeldig, de bot start niet:\n${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  // Local state (conversation references, turn leases, job runs) lives in the SQLite file, also with STORE=graph
  // (where the same file holds the Graph outbox): decision 5 in docs/decisions.md. One handle: with STORE=sqlite the
  // list store uses it too; with STORE=postgres createListStore moves what every instance must share to the database.
  const lokaal = LokaleStaat.uitEnv();
  const store = await createListStore(process.env, lokaal);
  // Graph calendar invitations when Graph and `ambtseed.organisator` are configured, else .ics links.
  const agenda = agendaVanEnv(process.env, config, lokaal);
  // Names at run time: Graph (User.ReadBasic.All) when configured, the Playground's mock users in local mode.
  const namen = naamBronVanEnv(process.env, { lokaal: !(process.env.MicrosoftAppId ?? '').trim() });
  // Ambtseed download links: .ics invitations and signed certificates. Every route is in host/routes.ts.
  const host = createBotHost({
    config,
    store,
    log,
    lokaal,
    agenda,
    namen,
    publicUrl: publicUrlVanEnv(),
    routes: [ambtseedRouter({ store, config, namen })],
  });
  controleerBotRoutes(host.app);
  // Jobs (bot/src/jobs; each lives with its feature): Wbk reminder, uitvraag, ambtseed reminders, HR's weekly
  // overview. SQLite: the in-process scheduler. STORE=postgres: pg-boss, once per due moment across all instances.
  const jobLog = log.child({ module: 'jobs' });
  const pool = store instanceof PgListStore ? store.pool : undefined;
  const jobs = await startJobs({ store, config, proactive: host.proactive, lokaal, log: jobLog }, { pool, log: jobLog });
  // Bookings answered "pending" (Graph store: the seat still in the outbox) get their outcome proactively, also
  // those left by an earlier run. Every BOEKING_WACHTRIJ_MS (default 5000) ms.
  const wachtrijLog = log.child({ module: 'ambtseed-wachtrij' });
  const wachtrij = new BoekingWachtrij({
    lokaal,
    store,
    proactive: host.proactive,
    log: wachtrijLog,
    // A booking confirmed later joins the session's Graph calendar invitation then (the turn skipped it).
    naVastgelegd: agenda
      ? async (sessieId) => {
          const services = {
            store,
            config,
            lokaal,
            agenda,
            namen,
            publicUrl: publicUrlVanEnv(),
            log: wachtrijLog,
            clock: () => new Date(),
          };
          await synchroniseerAgenda(services, [sessieId], 'nl');
        }
      : undefined,
  });
  wachtrij.start(Number(process.env.BOEKING_WACHTRIJ_MS ?? 5000) || 5000);
  const port = Number(process.env.BOT_PORT ?? 3978);
  // Local mode (no token needed) listens on loopback only; with an app id on every interface.
  const gestart = () => {
    log.info(
      { event: 'gestart', port, organisatie: config.organisatie.id, modus: host.localMode ? 'lokaal' : 'beveiligd' },
      `Bot luistert op http://${host.localMode ? '127.0.0.1' : 'localhost'}:${port}/api/messages`,
    );
  };
  const server = host.localMode ? host.app.listen(port, '127.0.0.1', gestart) : host.app.listen(port, gestart);
  // Exit once the store is closed (the Graph store then hands its claimed outbox rows back, so the next process
  // sends them at once instead of after their 60 s lease), at the latest after a grace period.
  const stop = () => {
    server.close();
    void Promise.all([jobs.stop(), wachtrij.stop()])
      .catch(() => undefined)
      .then(() => flushMeldwijzerGebruik())
      .finally(() => store.close())
      .finally(() => lokaal.close())
      .finally(() => process.exit(0));
    setTimeout(() => process.exit(0), jobs.soort === 'pg-boss' ? 6000 : 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(`Bot starten mislukt: ${(err as Error).message}`);
  process.exit(1);
});
