/**
 * `npm run start:bot`: the bot on BOT_PORT (default 3978) for INTEGRITEITSPLEIN_ORG (default demo), with
 * the store from the environment (STORE, INTEGRITEITSPLEIN_DB). The host holds no logic (bot/src/host/app.ts).
 */
import { ConfigError, loadOrgConfig } from '@shared/config';
import { createListStore, databasePathFromEnv, openDatabase, type SqliteDatabase } from '@shared/store';
import { ambtseedRouter } from './features/ambtseed/routes';
import { flushMeldwijzerGebruik } from './features/meldwijzer';
import { createBotHost } from './host/app';
import { startIntakeJobs } from './jobs';
import { createLogger } from './host/logger';

async function main(): Promise<void> {
  const log = createLogger();
  let config;
  try {
    config = loadOrgConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuratie ongeldig, de bot start niet:\n${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const store = await createListStore();
  // Local state (conversation references, dedupe keys, job runs) always lives in the SQLite file, also with
  // STORE=graph (where the same file holds the Graph outbox): decision 5 in docs/decisions.md.
  const db: SqliteDatabase = openDatabase(databasePathFromEnv());
  const host = createBotHost({ config, store, log, db });
  // Daily jobs: Wbk reminder, half-yearly uitvraag, ambtseed reminders (bot/src/jobs).
  const jobs = host.proactive ? startIntakeJobs({ store, config, proactive: host.proactive, db, log: log.child({ module: 'jobs' }) }) : undefined;
  // Ambtseed download links: .ics invitations and signed certificates.
  host.app.use(ambtseedRouter({ store, config }));
  const port = Number(process.env.BOT_PORT ?? 3978);
  const server = host.app.listen(port, () => {
    log.info({ event: 'gestart', port, organisatie: config.organisatie.id, modus: host.localMode ? 'lokaal' : 'beveiligd' }, `Bot luistert op http://localhost:${port}/api/messages`);
  });
  const stop = () => {
    jobs?.stop();
    server.close();
    void flushMeldwijzerGebruik().finally(() => store.close());
    db.close();
    setTimeout(() => process.exit(0), 200).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(`Bot starten mislukt: ${(err as Error).message}`);
  process.exit(1);
});
