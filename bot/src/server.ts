/**
 * `npm run start:bot`: the bot on BOT_PORT (default 3978) for INTEGRITEITSPLEIN_ORG (default demo), with
 * the store from the environment (STORE, INTEGRITEITSPLEIN_DB). The host holds no logic (bot/src/host/app.ts).
 */
import { ConfigError, loadOrgConfig } from '../../shared/src/config';
import { createListStore, databasePathFromEnv, openDatabase, type SqliteDatabase } from '../../shared/src/store';
import { runAmbtseedHerinneringen } from './features/ambtseed';
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
  let db: SqliteDatabase | undefined;
  if ((process.env.STORE ?? 'sqlite').trim() !== 'graph') db = openDatabase(databasePathFromEnv());
  const host = createBotHost({ config, store, log, db });
  // Daily jobs (Wbk reminder, half-yearly uitvraag): only with proactive messaging (SQLite state).
  const jobs = host.proactive && db ? startIntakeJobs({ store, config, proactive: host.proactive, db, log: log.child({ module: 'jobs' }) }) : undefined;
  // Ambtseed: download links (.ics invitations, signed certificates) and the reminder job. The job may run
  // more often than daily (every message has a dedupe key): hourly, and once shortly after start.
  host.app.use(ambtseedRouter({ store, config }));
  const jobLog = log.child({ module: 'jobs' });
  const ambtseedJob = async () => {
    if (!host.proactive) return;
    try {
      const rapport = await runAmbtseedHerinneringen({ store, config, sender: host.proactive, now: new Date() });
      jobLog.info({ event: 'ambtseed.herinneringen', rapport }, 'ambtseed-herinneringen');
    } catch (err) {
      jobLog.error({ event: 'ambtseed.fout', err: (err as Error).name }, 'ambtseed-herinneringen mislukt');
    }
  };
  const ambtseedTimer = setInterval(() => void ambtseedJob(), 60 * 60 * 1000);
  ambtseedTimer.unref();
  setTimeout(() => void ambtseedJob(), 5_000).unref();
  const port = Number(process.env.BOT_PORT ?? 3978);
  const server = host.app.listen(port, () => {
    log.info({ event: 'gestart', port, organisatie: config.organisatie.id, modus: host.localMode ? 'lokaal' : 'beveiligd' }, `Bot luistert op http://localhost:${port}/api/messages`);
  });
  const stop = () => {
    jobs?.stop();
    clearInterval(ambtseedTimer);
    server.close();
    void flushMeldwijzerGebruik().finally(() => store.close());
    db?.close();
    setTimeout(() => process.exit(0), 200).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(`Bot starten mislukt: ${(err as Error).message}`);
  process.exit(1);
});
