/**
 * The real servers as an operator starts them (issue 14, item 3): without MicrosoftAppId the bot refuses to
 * start on App Service (WEBSITE_SITE_NAME) or with NODE_ENV=production, with ONE line on stderr and exit 1;
 * the tab does the same for its local dev identity. Local mode listens on loopback only.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/processes';

const ROOT = path.resolve(__dirname, '../..');
jest.setTimeout(120_000);

/** A clean environment for one server process (no secrets or tenant settings from the developer's shell). */
function schoneEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STORE: 'sqlite',
    INTEGRITEITSPLEIN_ORG: 'demo',
    INTEGRITEITSPLEIN_DB: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'start-')), 'ip.db'),
    TAB_SERVE_WEB: '0',
    LOG_LEVEL: 'warn',
  };
  for (const k of [
    'MicrosoftAppId',
    'MicrosoftAppPassword',
    'MicrosoftAppType',
    'TAB_SSO_CLIENT_ID',
    'TAB_VOTE_SECRET',
    'AMBTSEED_LINK_SECRET',
    'BOT_PUBLIC_URL',
    'WEBSITE_SITE_NAME',
    'WEBSITE_INSTANCE_ID',
    'NODE_ENV',
  ])
    delete env[k];
  return { ...env, ...extra };
}

/** Run a server script until it exits (or 60 s). */
function run(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [script], { cwd: ROOT, env });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe('start-up refusals of the real servers', () => {
  it.each([[{ WEBSITE_SITE_NAME: 'ip-demo' }], [{ NODE_ENV: 'production' }], [{ WEBSITE_INSTANCE_ID: '4f1c9e2b7a6d' }]])(
    'bot without MicrosoftAppId and %j: one line, exit 1',
    async (marker) => {
      const r = await run('bot/src/server.ts', schoneEnv({ BOT_PORT: String(await freePort()), ...marker }));
      expect(r.code).toBe(1);
      const regels = r.stderr.trim().split('\n');
      expect(regels).toEqual([expect.stringMatching(/^De bot start niet: MicrosoftAppId is leeg, dus lokale modus/)]);
      expect(r.stdout).not.toMatch(/luistert/);
    },
  );

  it('tab with the local dev identity on App Service: one line, exit 1', async () => {
    const r = await run('tab/api/server.ts', schoneEnv({ TAB_PORT: String(await freePort()), WEBSITE_SITE_NAME: 'ip-demo' }));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^De tab start niet: TAB_SSO_CLIENT_ID is leeg/)]);
  });
});

describe('local mode listens on loopback only', () => {
  const extern = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  const of = extern ? it : it.skip;

  of('the bot in local mode answers on 127.0.0.1, not on the machine address', async () => {
    const port = await freePort();
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['bot/src/server.ts'], {
      cwd: ROOT,
      env: schoneEnv({ BOT_PORT: String(port) }),
      stdio: 'ignore',
    });
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (
          await fetch(`http://127.0.0.1:${port}/healthz`).then(
            (r) => r.ok,
            () => false,
          )
        )
          break;
        if (Date.now() > deadline || child.exitCode !== null) throw new Error('bot kwam niet op');
        await new Promise((r) => setTimeout(r, 300));
      }
      const buiten = await fetch(`http://${extern}:${port}/healthz`).then(
        (r) => r.status,
        (e: Error) => (e.cause as { code?: string })?.code ?? e.message,
      );
      expect(buiten).toBe('ECONNREFUSED');
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
