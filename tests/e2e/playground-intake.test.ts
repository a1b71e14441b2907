/**
 * Acting as a role in the Microsoft 365 Agents Playground (README "Intake en termijnen"): the Playground started
 * with `M365_AGENTS_PLAYGROUND_CONFIG_PATH=config/playground/vertrouwenspersoon.yml` sends Megan Bowen's mock
 * aadObjectId, which config/demo.yaml maps to the vertrouwenspersoon role: "log conversation" opens the
 * gesprek card, "register report" (integriteitscoördinator only) answers "Not allowed". The Playground's mock
 * client is en-US, so the bot answers in English. Screenshot: tests/e2e/artifacts/playground-intake.png.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, describeWithChromium, launchBrowser } from '../support/browser';
import { freePort, start, stop, waitFor } from '../support/processes';

const root = path.resolve(__dirname, '../..');

describeWithChromium('Agents Playground: acting as the vertrouwenspersoon', () => {
  let bot: ChildProcess | undefined;
  let playground: ChildProcess | undefined;
  let browser: BrowserContext | undefined;
  let page: Page;
  let playgroundUrl = '';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-playground-intake-'));

  beforeAll(async () => {
    const botPort = await freePort();
    const pgPort = await freePort();
    bot = start(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'bot/src/server.ts')],
      {
        BOT_PORT: String(botPort),
        INTEGRITEITSPLEIN_ORG: 'demo',
        INTEGRITEITSPLEIN_DB: path.join(tmp, 'bot.db'),
        MicrosoftAppId: '',
        LOG_LEVEL: 'warn',
      },
      root,
    );
    playground = start(
      path.join(root, 'node_modules/.bin/agentsplayground'),
      ['-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(pgPort)],
      { TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(root, 'config/playground/vertrouwenspersoon.yml') },
      tmp,
    );
    playgroundUrl = `http://127.0.0.1:${pgPort}`;
    await Promise.all([waitFor(`http://127.0.0.1:${botPort}/healthz`, 60_000), waitFor(playgroundUrl, 60_000)]);
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    stop(playground);
    stop(bot);
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  async function typ(text: string): Promise<void> {
    const box = page.locator('[role="textbox"][contenteditable="true"]').first();
    await box.click();
    await box.type(text);
    await page.keyboard.press('Enter');
  }

  it('the vertrouwenspersoon gets the gesprek card; registering a melding is not allowed', async () => {
    await page.goto(playgroundUrl, { waitUntil: 'domcontentloaded' });
    await page.getByText('A Teams chat is not anonymous', { exact: false }).first().waitFor({ timeout: 30_000 });
    await typ('log conversation');
    await page.getByText('Characteristics only, no names or descriptions of people.').first().waitFor({ timeout: 20_000 });
    await page.getByText('New matter (not a follow-up)').first().waitFor({ timeout: 5_000 });
    await typ('register report');
    await page
      .getByText('Not allowed: "Register a report" is only for the integrity coordinator.', { exact: false })
      .first()
      .waitFor({ timeout: 20_000 });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-intake.png'), fullPage: true });
  });
});
