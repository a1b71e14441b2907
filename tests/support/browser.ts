import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); never a Playwright-downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when Chromium is installed. With REQUIRE_CHROMIUM=1 (CI) a missing Chromium is an error, not a skip. */
export function chromiumAvailable(): boolean {
  const ok = fs.existsSync(CHROMIUM_PATH);
  if (!ok && process.env.REQUIRE_CHROMIUM === '1')
    throw new Error(`Chromium ontbreekt op ${CHROMIUM_PATH} terwijl REQUIRE_CHROMIUM=1: installeer met apt-get install -y chromium.`);
  if (!ok) console.warn(`Browsertests overgeslagen: ${CHROMIUM_PATH} ontbreekt (apt-get install -y chromium).`);
  return ok;
}

/** `describe` that runs only when Chromium is available (see chromiumAvailable). */
export const describeWithChromium: jest.Describe = chromiumAvailable() ? describe : describe.skip;

/** Folder for screenshots (gitignored). */
export const ARTIFACTS = path.resolve(__dirname, '../e2e/artifacts');

/**
 * Launch headless Chromium with a fresh profile and the flags this closed network needs (docs/conventions.md "Platform facts").
 * CDN font lookups are aborted. Close the returned context (its profile folder is removed).
 */
export async function launchBrowser(): Promise<BrowserContext> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
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
