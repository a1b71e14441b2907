/**
 * One Azure web app for the bot and the tab (infra/azure.bicep, `appCommandLine`).
 *
 * App Service gives a web app ONE public port (`PORT`, 8080). The bot (`bot/src/server.ts`, BOT_PORT) and
 * the tab (`tab/api/server.ts`, TAB_PORT) are separate processes, so this host starts both on loopback ports
 * and forwards every bot route (`BOT_ROUTES` in bot/src/host/routes.ts: messages, ambtseed downloads, …) to the
 * bot and everything else to the tab; `/healthz` checks both.
 * Both processes then share the app's file system, and so the one SQLite file (INTEGRITEITSPLEIN_DB).
 * When either process exits, the host exits too, so App Service restarts the whole app.
 *
 * Environment: PORT (public, default 8080), WEBAPP_BOT_PORT (3978), WEBAPP_TAB_PORT (53000).
 * Scale-out: with STORE=graph each App Service instance gets its own local-state file (the Graph outbox,
 * conversation references) next to INTEGRITEITSPLEIN_DB, see `databasePathForInstance`.
 */
import http from 'node:http';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { botRouteVoor } from '../bot/src/host/routes';

/**
 * Where a request goes: the host itself for `/healthz` (healthy when both processes answer their own
 * `/healthz` with 200), the bot for every path on the bot's route list (`BOT_ROUTES`), the tab for the rest.
 */
export function routeFor(url: string | undefined): 'bot' | 'tab' | 'health' {
  const pathname = (url ?? '/').split(/[?#]/)[0];
  if (pathname === '/healthz') return 'health';
  return botRouteVoor(pathname) ? 'bot' : 'tab';
}

/** GET http://host:port/healthz → true on 200 within 3 s. */
function healthy(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host, port, path: '/healthz', timeout: 3000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/**
 * A reverse proxy on one port that streams each request to the bot or the tab (see `routeFor`).
 * An unreachable upstream gets 502 with a short Dutch text; request and response bodies are never read
 * or logged here.
 * @param upstreams loopback ports of the bot and the tab
 */
export function createWebAppProxy(upstreams: { botPort: number; tabPort: number; host?: string }): http.Server {
  const host = upstreams.host ?? '127.0.0.1';
  return http.createServer((req, res) => {
    const target = routeFor(req.url);
    if (target === 'health') {
      void Promise.all([healthy(host, upstreams.botPort), healthy(host, upstreams.tabPort)]).then(([bot, tab]) => {
        res.writeHead(bot && tab ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ bot: bot ? 'ok' : 'onbereikbaar', tab: tab ? 'ok' : 'onbereikbaar' }));
      });
      return;
    }
    const port = target === 'bot' ? upstreams.botPort : upstreams.tabPort;
    const forwarded = req.headers['x-forwarded-proto'] ?? 'https';
    const upstream = http.request(
      { host, port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-proto': forwarded } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${target === 'bot' ? 'De bot' : 'De tab'} is (nog) niet bereikbaar; probeer het zo opnieuw.`);
    });
    req.pipe(upstream);
  });
}

/**
 * The SQLite path for this instance. STORE=sqlite: INTEGRITEITSPLEIN_DB unchanged (one instance; the lists
 * live in that file). STORE=graph or postgres: SharePoint or PostgreSQL holds the lists and the file only holds per-instance state
 * (outbox, conversation references), so each instance (WEBSITE_INSTANCE_ID, set by App Service) gets its own
 * file on the shared /home disk: `integriteitsplein.db` → `integriteitsplein-<first 12 chars of the id>.db`.
 */
export function databasePathForInstance(env: NodeJS.ProcessEnv): string | undefined {
  const db = env.INTEGRITEITSPLEIN_DB;
  const instance = env.WEBSITE_INSTANCE_ID?.replace(/[^A-Za-z0-9]/g, '').slice(0, 12);
  if (!db || (env.STORE !== 'graph' && env.STORE !== 'postgres') || !instance) return db;
  const ext = path.extname(db);
  return `${db.slice(0, db.length - ext.length)}-${instance}${ext}`;
}

const children: ChildProcess[] = [];

/** Starts one process; when it exits, the others are stopped and the host exits (App Service restarts it). */
function startChild(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const root = path.resolve(__dirname, '..');
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => {
    console.error(JSON.stringify({ level: 'error', event: 'webapp.child.exit', name, code, signal }));
    for (const other of children) if (other !== child && other.exitCode === null) other.kill('SIGTERM');
    setTimeout(() => process.exit(1), 500).unref();
  });
  children.push(child);
  return child;
}

if (require.main === module) {
  const port = Number(process.env.PORT ?? 8080);
  const botPort = Number(process.env.WEBAPP_BOT_PORT ?? 3978);
  const tabPort = Number(process.env.WEBAPP_TAB_PORT ?? 53000);
  const db = databasePathForInstance(process.env);
  if (db) process.env.INTEGRITEITSPLEIN_DB = db;
  startChild('bot', 'bot/src/server.ts', { BOT_PORT: String(botPort) });
  startChild('tab', 'tab/api/server.ts', { TAB_PORT: String(tabPort) });
  const server = createWebAppProxy({ botPort, tabPort }).listen(port, () => {
    console.log(JSON.stringify({ level: 'info', event: 'webapp.listening', port, botPort, tabPort }));
  });
  const stop = () => {
    server.close();
    for (const c of children) c.removeAllListeners('exit').kill('SIGTERM');
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
