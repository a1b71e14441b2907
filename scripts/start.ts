/**
 * `npm start`: the whole product on the embedded default, for the demo organisation (or
 * INTEGRITEITSPLEIN_ORG): SQLite with demo data, the bot (BOT_PORT, 3978), the tab (TAB_PORT, 53000)
 * and the Microsoft 365 Agents Playground (56150) pointed at the bot. No tenant, no secret.
 * Ctrl+C stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadOrgConfig, orgNameFromEnv, ConfigError } from '@shared/config';
import { databasePathFromEnv } from '@shared/store';
import { seedDemoIfEmpty } from '@shared/cli/seed';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const children: ChildProcess[] = [];

function start(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (line: string) => `[${name}] ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) if (l.trim()) process.stdout.write(prefix(l) + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    // One part stopping leaves the others useless (a Playground without bot, a tab without data): stop all.
    process.stderr.write(prefix(`onverwacht gestopt (code ${code ?? signal}); Integriteitsplein stopt. Zie de regels hierboven.`) + '\n');
    stopAll(1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stopAll(code = 0): void {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function main(): Promise<void> {
  const org = orgNameFromEnv();
  try {
    loadOrgConfig(org);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuratie ongeldig, Integriteitsplein start niet:\n${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const db = databasePathFromEnv();
  if ((process.env.STORE ?? 'sqlite') === 'sqlite') {
    const seeded = await seedDemoIfEmpty(db, org);
    console.log(seeded ? `Demodata geladen in ${db}.` : `Database ${db} bevat al gegevens; geen demodata toegevoegd.`);
  }
  const botPort = process.env.BOT_PORT ?? '3978';
  const tabPort = process.env.TAB_PORT ?? '53000';
  const playgroundPort = process.env.TEAMSAPPTESTER_PORT ?? '56150';
  const urls: string[] = [];
  if (fs.existsSync(path.join(root, 'bot/src/server.ts'))) {
    start('bot', bin('tsx'), ['bot/src/server.ts']);
    urls.push(`Bot:        http://localhost:${botPort}/api/messages  (gezondheid: /healthz)`);
    if (!process.env.NO_PLAYGROUND) {
      start(
        'playground',
        bin('agentsplayground'),
        ['-e', `http://localhost:${botPort}/api/messages`, '-c', 'msteams', '-p', playgroundPort],
        {
          TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none',
        },
      );
      urls.push(`Playground: http://localhost:${playgroundPort}  (chat met de bot zoals in Teams)`);
    }
  }
  if (fs.existsSync(path.join(root, 'tab/api/server.ts'))) {
    start('tab', bin('tsx'), ['tab/api/server.ts']);
    urls.push(`Tab:        http://localhost:${tabPort}/  (/dilemma, /sessie, /dashboard)`);
  }
  console.log(
    `\nIntegriteitsplein draait voor organisatie "${org}":\n  ${urls.join('\n  ') || '(nog geen bot of tab in deze versie)'}\nStoppen: Ctrl+C\n`,
  );
  if (children.length === 0) return;
}

main().catch((err) => {
  console.error(`Starten mislukt: ${(err as Error).message}`);
  stopAll(1);
});
