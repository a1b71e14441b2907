/**
 * Acting as a role in the Microsoft 365 Agents Playground (README "Intake en termijnen"): the Playground started
 * with `M365_AGENTS_PLAYGROUND_CONFIG_PATH=config/playground/vertrouwenspersoon.yml` sends Megan Bowen's mock
 * aadObjectId, which config/demo.yaml maps to the vertrouwenspersoon role: "log conversation" opens the
 * gesprek card, "register report" (integriteitscoördinator only) answers "Not allowed". The Playground's mock
 * client is en-US, so the bot answers in English. Screenshot: tests/e2e/artifacts/playground-intake.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, describeWithChromium } from '../support/browser';
import { startPlayground, typInPlayground, type PlaygroundSessie } from '../support/playground';

const root = path.resolve(__dirname, '../..');

describeWithChromium('Agents Playground: acting as the vertrouwenspersoon', () => {
  let sessie: PlaygroundSessie;
  let page: Page;
  let playgroundUrl = '';

  beforeAll(async () => {
    sessie = await startPlayground({ org: 'demo', playgroundConfig: path.join(root, 'config/playground/vertrouwenspersoon.yml') });
    ({ page, url: playgroundUrl } = sessie);
  }, 90_000);

  afterAll(() => sessie?.close());

  const typ = (text: string) => typInPlayground(page, text);

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
