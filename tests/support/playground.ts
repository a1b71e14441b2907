/**
 * The bot and the Microsoft 365 Agents Playground (Teams channel `msteams`) on free ports, with a headless
 * Chromium page on it, for the Playground e2e suites. The Playground writes devTools/ logs into its working
 * directory, so it runs in a temp directory, never in the repository. No Jest globals (scripts use it too).
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium } from './chromium';
import { freePort, start, stop, waitFor } from './processes';

const root = path.resolve(__dirname, '../..');

/** A running bot + Playground + browser page; `close()` stops all three and removes the temp directory. */
export interface PlaygroundSessie {
  page: Page;
  url: string;
  close(): Promise<void>;
}

/** The bot and the Playground as processes (no browser); `stop()` stops both. */
export interface BotEnPlayground {
  /** The Playground's page URL. */
  url: string;
  stop(): void;
}

/**
 * Start the bot for `org` (its SQLite file in `tmp`, local mode) and the Playground (working directory `tmp`),
 * and wait until both answer. No Jest globals: scripts run with tsx use it too.
 * @param opts.botPort the bot's port (default: a free one)
 * @param opts.berichtenPoort where the Playground posts activities (`/api/messages`; default the bot's port, or a
 *   proxy in front of it)
 * @param opts.playgroundConfig optional `M365_AGENTS_PLAYGROUND_CONFIG_PATH` (a mock user with a role)
 * @throws when the bot or the Playground does not answer within 60 s (both are stopped then)
 */
export async function startBotEnPlayground(opts: {
  org: string;
  tmp: string;
  botPort?: number;
  berichtenPoort?: number;
  playgroundConfig?: string;
}): Promise<BotEnPlayground> {
  const botPort = opts.botPort ?? (await freePort());
  const pgPort = await freePort();
  const bot: ChildProcess = start(
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join(root, 'bot/src/server.ts')],
    {
      BOT_PORT: String(botPort),
      INTEGRITEITSPLEIN_ORG: opts.org,
      INTEGRITEITSPLEIN_DB: path.join(opts.tmp, 'bot.db'),
      MicrosoftAppId: '',
      LOG_LEVEL: 'warn',
    },
    root,
  );
  const playground: ChildProcess = start(
    path.join(root, 'node_modules/.bin/agentsplayground'),
    ['-e', `http://127.0.0.1:${opts.berichtenPoort ?? botPort}/api/messages`, '-c', 'msteams', '-p', String(pgPort)],
    { TEAMSAPPTESTER_BROWSER: 'none', ...(opts.playgroundConfig ? { M365_AGENTS_PLAYGROUND_CONFIG_PATH: opts.playgroundConfig } : {}) },
    opts.tmp,
  );
  const stopBeide = () => {
    stop(playground);
    stop(bot);
  };
  const url = `http://127.0.0.1:${pgPort}`;
  try {
    await Promise.all([waitFor(`http://127.0.0.1:${botPort}/healthz`, 60_000), waitFor(url, 60_000)]);
  } catch (err) {
    stopBeide();
    throw err;
  }
  return { url, stop: stopBeide };
}

/**
 * Start the bot for `org` (its SQLite file in a temp directory, local mode) and the Playground against it.
 * @param opts.org organisation config (`config/<org>.yaml`)
 * @param opts.playgroundConfig optional `M365_AGENTS_PLAYGROUND_CONFIG_PATH` (a mock user with a role)
 * @throws when the bot or the Playground does not answer within 60 s
 */
export async function startPlayground(opts: { org: string; playgroundConfig?: string }): Promise<PlaygroundSessie> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-playground-'));
  let browser: BrowserContext | undefined;
  let processen: BotEnPlayground | undefined;
  const close = async () => {
    await browser?.close();
    processen?.stop();
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  try {
    processen = await startBotEnPlayground({ org: opts.org, tmp, playgroundConfig: opts.playgroundConfig });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    const page = await browser.newPage();
    return { page, url: processen.url, close };
  } catch (err) {
    await close();
    throw err;
  }
}

export { typInPlayground } from './chromium';
