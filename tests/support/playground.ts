/**
 * The bot and the Microsoft 365 Agents Playground (Teams channel `msteams`) on free ports, with a headless
 * Chromium page on it, for the Playground e2e suites. The Playground writes devTools/ logs into its working
 * directory, so it runs in a temp directory, never in the repository.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { freePort, start, stop, waitFor } from './processes';

const root = path.resolve(__dirname, '../..');

/** A running bot + Playground + browser page; `close()` stops all three and removes the temp directory. */
export interface PlaygroundSessie {
  page: Page;
  url: string;
  close(): Promise<void>;
}

/**
 * Start the bot for `org` (its SQLite file in a temp directory, local mode) and the Playground against it.
 * @param opts.org organisation config (`config/<org>.yaml`)
 * @param opts.playgroundConfig optional `M365_AGENTS_PLAYGROUND_CONFIG_PATH` (a mock user with a role)
 * @throws when the bot or the Playground does not answer within 60 s
 */
export async function startPlayground(opts: { org: string; playgroundConfig?: string }): Promise<PlaygroundSessie> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-playground-'));
  const botPort = await freePort();
  const pgPort = await freePort();
  let browser: BrowserContext | undefined;
  const bot: ChildProcess = start(
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join(root, 'bot/src/server.ts')],
    {
      BOT_PORT: String(botPort),
      INTEGRITEITSPLEIN_ORG: opts.org,
      INTEGRITEITSPLEIN_DB: path.join(tmp, 'bot.db'),
      MicrosoftAppId: '',
      LOG_LEVEL: 'warn',
    },
    root,
  );
  const playground: ChildProcess = start(
    path.join(root, 'node_modules/.bin/agentsplayground'),
    ['-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(pgPort)],
    { TEAMSAPPTESTER_BROWSER: 'none', ...(opts.playgroundConfig ? { M365_AGENTS_PLAYGROUND_CONFIG_PATH: opts.playgroundConfig } : {}) },
    tmp,
  );
  const close = async () => {
    await browser?.close();
    stop(playground);
    stop(bot);
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  try {
    const url = `http://127.0.0.1:${pgPort}`;
    await Promise.all([waitFor(`http://127.0.0.1:${botPort}/healthz`, 60_000), waitFor(url, 60_000)]);
    browser = await launchBrowser();
    const page = await browser.newPage();
    return { page, url, close };
  } catch (err) {
    await close();
    throw err;
  }
}

export { typInPlayground } from './chromium';
