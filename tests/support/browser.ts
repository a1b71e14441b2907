import fs from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { ARTIFACTS, CHROMIUM_PATH, launchChromium } from './chromium';

export { ARTIFACTS, CHROMIUM_PATH };

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

/**
 * Launch headless Chromium (tests/support/chromium.ts: fresh profile, closed-network flags, CDN fonts aborted) and make
 * sure the artifacts folder exists. Close the returned context (its profile folder is removed).
 */
export async function launchBrowser(): Promise<BrowserContext> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return launchChromium();
}
