/**
 * Headless Chromium and the Playground's compose box without Jest: for the browser test helpers
 * (tests/support/browser.ts, playground.ts) and for scripts run with tsx (scripts/screenshots-meldwijzer.ts).
 * Nothing here (nor in playground.ts) touches Jest's globals.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); never a Playwright-downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Folder for the browser tests' screenshots (gitignored). */
export const ARTIFACTS = path.resolve(__dirname, '../e2e/artifacts');

/**
 * Launch headless Chromium with a fresh profile and the flags this closed network needs (docs/conventions.md "Platform facts").
 * CDN font lookups are aborted. Close the returned context (its profile folder is removed).
 */
export async function launchChromium(): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.route(/cdn\.office\.net|res\.cdn\.office\.net|fonts\.googleapis|statics\.teams\.cdn/, (r) => r.abort());
  context.on('close', () => {
    // Chromium may still be writing to its profile right after close: retry, and never fail a test on cleanup.
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      /* a leftover temp folder is harmless */
    }
  });
  return context;
}

/** Type `text` into the Agents Playground's compose box and send it. */
export async function typInPlayground(page: Page, text: string): Promise<void> {
  const box = page.locator('[role="textbox"][contenteditable="true"]').first();
  await box.click();
  await box.type(text);
  await page.keyboard.press('Enter');
}
