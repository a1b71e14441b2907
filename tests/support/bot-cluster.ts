/**
 * Several real bot processes (`bot/src/server.ts`, STORE=postgres) on one database behind a small
 * round-robin proxy on loopback, as App Service runs scale-out instances behind its front end; a fake Bot
 * Connector takes the replies. Used by the multi-instance test and bench/scale.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ListStore } from '@shared/store/list-store';
import { freePort } from './processes';

const ROOT = path.resolve(__dirname, '..', '..');

/** One bot process. */
export interface BotInstance {
  port: number;
  child: ChildProcess;
  /** True until the process exits. */
  readonly alive: boolean;
}

/** A running cluster. */
export interface BotCluster {
  /** The proxy's `/api/messages` URL. */
  url: string;
  /** The fake connector's URL (use as the activities' serviceUrl). */
  serviceUrl: string;
  instances: BotInstance[];
  /** Replies the bots sent, per conversation id. */
  replies: Map<string, unknown[]>;
  /** Requests the proxy sent per instance index. */
  perInstance: number[];
  /** The last 20,000 characters of each instance's output (pino logs at LOG_LEVEL, default warn). */
  logs: string[];
  /** SIGKILL instance `i` (no clean shutdown: as a crash or an App Service recycle under load). */
  kill(i: number): void;
  close(): Promise<void>;
}

/** Wait until `port` answers an HTTP request (any status). */
async function waitForPort(port: number, ms: number, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`bot op poort ${port} stopte (code ${child.exitCode}):\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/api/messages', method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(true);
        },
      );
      req.on('error', () => resolve(false));
      req.end('{}');
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`bot op poort ${port} kwam niet op binnen ${ms} ms:\n${log()}`);
}

/**
 * Start `n` bot processes with `env` (STORE, DATABASE_URL, …) and the proxy in front.
 * The proxy sends each request to the next live instance; when an instance refuses the connection or
 * dies mid-request it answers 502 (the client retries, as Teams redelivers an activity).
 */
export async function startBotCluster(
  n: number,
  env: NodeJS.ProcessEnv,
  opts: { dbFile?: (i: number) => string } = {},
): Promise<BotCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-cluster-'));
  const replies = new Map<string, unknown[]>();
  const connector = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const m = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (m) {
        const id = decodeURIComponent(m[1]);
        if (!replies.has(id)) replies.set(id, []);
        try {
          replies.get(id)!.push(JSON.parse(body));
        } catch {
          /* not JSON: ignore */
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${Date.now()}` }));
    });
  });
  await new Promise<void>((r) => connector.listen(0, '127.0.0.1', r));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;

  const instances: BotInstance[] = [];
  const logs: string[] = [];
  for (let i = 0; i < n; i++) {
    const port = await freePort();
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['bot/src/server.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        MicrosoftAppId: '',
        ...env,
        BOT_PORT: String(port),
        INTEGRITEITSPLEIN_DB: opts.dbFile?.(i) ?? path.join(dir, `instantie-${i}.db`),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    logs[i] = '';
    const keep = (d: Buffer) => (logs[i] = (logs[i] + d.toString('utf8')).slice(-20000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const inst = {
      port,
      child,
      get alive() {
        return child.exitCode === null && child.signalCode === null;
      },
    };
    instances.push(inst);
  }
  await Promise.all(instances.map((inst, i) => waitForPort(inst.port, 150_000, inst.child, () => logs[i])));

  const perInstance = instances.map(() => 0);
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const live = instances.map((inst, i) => ({ inst, i })).filter(({ inst }) => inst.alive);
      if (live.length === 0) {
        res.writeHead(502).end();
        return;
      }
      const { inst, i } = live[next++ % live.length];
      perInstance[i]++;
      const up = http.request(
        { host: '127.0.0.1', port: inst.port, path: req.url, method: req.method, headers: req.headers, agent },
        (ur) => {
          res.writeHead(ur.statusCode ?? 502, ur.headers);
          ur.pipe(res);
        },
      );
      up.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/messages`;

  return {
    url,
    serviceUrl,
    instances,
    replies,
    perInstance,
    logs,
    kill(i) {
      instances[i].child.kill('SIGKILL');
    },
    async close() {
      for (const inst of instances) if (inst.alive) inst.child.kill('SIGTERM');
      await Promise.all(instances.filter((inst) => inst.alive).map((inst) => new Promise((r) => inst.child.once('exit', r))));
      agent.destroy();
      for (const inst of instances) {
        inst.child.stdout?.destroy();
        inst.child.stderr?.destroy();
      }
      proxy.closeAllConnections();
      connector.closeAllConnections();
      await new Promise((r) => proxy.close(r));
      await new Promise((r) => connector.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * POST `activity` to `url` like Teams: a 5xx or a broken connection is retried (Teams redelivers the
 * same activity, same id) up to `attempts` times with a short pause — after a 503 with `Retry-After` (the turn
 * is running elsewhere, bot/src/host/app.ts) as long as that says, at most 30 s.
 * @returns the final HTTP status and how many attempts it took.
 */
export async function postActivity(
  url: string,
  activity: unknown,
  attempts = 8,
): Promise<{ status: number; attempts: number; ms: number }> {
  const body = JSON.stringify(activity);
  const u = new URL(url);
  const t0 = performance.now();
  let status = 0;
  for (let a = 1; a <= attempts; a++) {
    let retryAfter: number | undefined;
    status = await new Promise<number>((resolve) => {
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const ra = Number(res.headers['retry-after']);
          if (res.statusCode === 503 && Number.isFinite(ra) && ra > 0) retryAfter = Math.min(30, ra);
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
    if (status > 0 && status < 500) return { status, attempts: a, ms: performance.now() - t0 };
    await new Promise((r) => setTimeout(r, retryAfter !== undefined ? retryAfter * 1000 : 100 * a));
  }
  return { status, attempts, ms: performance.now() - t0 };
}

/** The Entra object id of test person `i` (a valid GUID shape, no real person). */
export const proefOid = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
/** The id of test session `s` (`S-00`, `S-01`, …). */
export const proefSessieId = (s: number): string => `S-${String(s).padStart(2, '0')}`;

/**
 * Seed a booking burst: `sessies` ambtseed sessions of `capaciteit` seats, an hour apart from 30 days from
 * now, and `mensen` new hires (`proefOid(0…mensen−1)`) who started today. Used by the multi-instance test
 * and bench/scale, so both measure the same set-up.
 */
export async function vulBoekingsproef(store: ListStore, opts: { sessies: number; capaciteit: number; mensen: number }): Promise<void> {
  const start = Date.now() + 30 * 86_400_000;
  await store.addMany(
    'AmbtseedSessies',
    Array.from({ length: opts.sessies }, (_, s) => ({
      sessieId: proefSessieId(s),
      start: new Date(start + s * 3_600_000).toISOString(),
      eind: new Date(start + s * 3_600_000 + 3_600_000).toISOString(),
      soort: 'ambtseed' as const,
      locatie: 'Statenzaal',
      online: false,
      afnemer: 'de provinciesecretaris',
      capaciteit: opts.capaciteit,
    })),
  );
  await store.addMany(
    'NieuweMedewerkers',
    Array.from({ length: opts.mensen }, (_, i) => ({
      medewerkerId: proefOid(i),
      indienstOp: new Date().toISOString().slice(0, 10),
      dienstverband: 'arbeidsovereenkomst' as const,
    })),
  );
}
