/**
 * Host of the Integriteitsplein tab (`npm run start:tab`, started by `npm start`): the API and the built
 * web app on `TAB_PORT` (default 53000). When `tab/web/dist` is missing (fresh clone) it first builds the
 * web app with Vite, so `npm start` works without a separate build step. `TAB_SERVE_WEB=0`: API only. No logic here: see app.ts/router.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadOrgConfig, orgNameFromEnv } from '@shared/config';
import { StartWeigering } from '@shared/config/hosting';
import { createListStore, LokaleStaat } from '@shared/store';
import { authConfigFromEnv, controleerTabInstellingen, createAuthenticator } from './auth';
import { aanmeldInfoVanEnv, createTabApp } from './app';

const root = path.resolve(__dirname, '../..');
/** Folder of the built web app. */
export const WEB_DIST = path.join(root, 'tab/web/dist');

/** Build the web app with Vite (programmatic API) unless `tab/web/dist/index.html` exists. */
export async function ensureWebBuild(log: pino.Logger, force = false): Promise<void> {
  if (!force && fs.existsSync(path.join(WEB_DIST, 'index.html'))) return;
  log.info({ event: 'tab.build' }, 'tab/web/dist ontbreekt: de tab wordt eerst gebouwd (vite build)');
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  // `as string` keeps the root tsc (CommonJS resolution) from resolving this ES-only package.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const vite = (await import('vite' as string)) as { build: (config: Record<string, unknown>) => Promise<unknown> };
  await vite.build({ configFile: path.join(root, 'tab/web/vite.config.ts'), logLevel: 'warn' });
}

/** Start the tab server. @returns the listening port and a `stop()` function. */
export async function startTabServer(port = Number(process.env.TAB_PORT ?? 53000)): Promise<{ port: number; stop: () => Promise<void> }> {
  const log = pino({ name: 'tab' });
  controleerTabInstellingen();
  const config = loadOrgConfig(orgNameFromEnv());
  const auth = authConfigFromEnv();
  if (auth.modus === 'lokaal')
    log.warn({ event: 'tab.auth.lokaal' }, 'TAB_SSO_CLIENT_ID niet gezet: lokale modus met ontwikkelaarsidentiteit (niet voor productie)');
  if (!process.env.TAB_VOTE_SECRET)
    log.warn(
      { event: 'tab.stem.sleutel' },
      'TAB_VOTE_SECRET niet gezet: stemsleutels per week staan in de database (alleen voor lokaal gebruik)',
    );
  // TAB_SERVE_WEB=0 serves the API only (tests of the API in a child process need no web build).
  const serveWeb = process.env.TAB_SERVE_WEB !== '0';
  if (serveWeb) await ensureWebBuild(log);
  // One handle on the local SQLite file for the process: the store (SQLite lists or the Graph outbox) and the vote guard
  // (with STORE=postgres the guard's tables are in the database every instance shares: createListStore switches that on).
  const lokaal = LokaleStaat.uitEnv();
  const store = await createListStore(process.env, lokaal);
  const app = createTabApp({
    store,
    config,
    db: lokaal.db,
    lokaal,
    authenticate: createAuthenticator(auth, config),
    stemSecret: process.env.TAB_VOTE_SECRET,
    logger: log,
    webDist: serveWeb ? WEB_DIST : undefined,
    aanmeldInfo: aanmeldInfoVanEnv(),
  });
  // The local dev identity (anyone picks a role) listens on loopback only.
  const server = auth.modus === 'lokaal' ? app.listen(port, '127.0.0.1') : app.listen(port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const actual = (server.address() as AddressInfo).port;
  log.info({ event: 'tab.gestart', port: actual, modus: auth.modus }, `tab luistert op http://localhost:${actual}/`);
  return {
    port: actual,
    stop: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
      lokaal.close();
    },
  };
}

if (require.main === module) {
  startTabServer().then(
    (s) => {
      const stop = () => void s.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err: Error) => {
      console.error(err instanceof StartWeigering ? err.message : `Tab starten mislukt: ${err.message}`);
      process.exit(1);
    },
  );
}
