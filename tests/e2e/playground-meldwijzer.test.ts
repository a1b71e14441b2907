/**
 * End to end in the Microsoft 365 Agents Playground (Teams channel `msteams`) in headless Chromium:
 * start the bot (Zuid-Holland config) and the Playground on free ports, type a fixture question from
 * ../shared/fixtures/meldwijzer-cases.json, click through the card and see the expected meldpunten on the
 * result card, in the organisation's order. Screenshot: tests/e2e/artifacts/playground-meldwijzer.png; the
 * rendered height and visible buttons of the result card go to tests/e2e/artifacts/playground-meldwijzer-kaart.json.
 * The Playground's mock client is en-US, so the bot answers in English.
 */
import { fixturePath } from '../support/fixtures';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, describeWithChromium } from '../support/browser';
import { startPlayground, typInPlayground, type PlaygroundSessie } from '../support/playground';

const fixture = JSON.parse(fs.readFileSync(fixturePath('meldwijzer-cases.json'), 'utf8')) as {
  cases: { org: string; vraag: string; situatie: string; first: string[]; also: string[] }[];
};
// "Mijn teamleider kleineert me in elk overleg." → ongewenstGedrag: first vertrouwenspersoon, leidinggevende; also LKOG.
// The teamleider is the employee's own manager, so the "leidinggevende" of the procedure is a more senior one
// (Zuid-Holland: "iedere hiërarchisch hogere leidinggevende"; routes.ongewenstGedrag.bijLeidinggevende).
const CASE = fixture.cases.find((c) => c.org === 'zuid-holland' && c.situatie === 'ongewenstGedrag')!;
/** English names of the meldpunten in config/zuid-holland.yaml. */
const NAMES: Record<string, string> = {
  vertrouwenspersoon: 'Confidential counsellor',
  leidinggevende: 'A more senior manager',
  LKOG: 'National Complaints Committee on Undesirable Behaviour (LKOG)',
};

describeWithChromium('Agents Playground: meldwijzer end to end', () => {
  let sessie: PlaygroundSessie;
  let page: Page;
  let playgroundUrl = '';

  beforeAll(async () => {
    sessie = await startPlayground({ org: 'zuid-holland' });
    ({ page, url: playgroundUrl } = sessie);
  }, 90_000);

  afterAll(() => sessie?.close());

  it('guides a typed fixture question to the expected meldpunten', async () => {
    await page.goto(playgroundUrl, { waitUntil: 'domcontentloaded' });
    // The welcome card arrives on install (conversationUpdate / installationUpdate).
    await page.getByText('A Teams chat is not anonymous', { exact: false }).first().waitFor({ timeout: 30_000 });
    await typInPlayground(page, CASE.vraag);
    // "teamleider" already says who: only the preference question remains.
    await page.getByText('Do you have a preference for a confidential counsellor?').first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'No preference' }).last().click();
    await page.getByText('Where you can go').last().waitFor({ timeout: 20_000 });
    await page.getByText('Go first to').last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-meldwijzer.png'), fullPage: true });
    // The result card as rendered: height and visible buttons (contacts collapse behind a toggle per meldpunt).
    // Expected buttons: the first vertrouwenspersoon's chat, call, mail and phone, two contact toggles, one
    // regeling, back and start over (9). The height is recorded for the closing note, not bounded.
    const kaart = page.locator('.ac-adaptiveCard', { hasText: 'Where you can go' }).last();
    const hoogte = Math.round((await kaart.boundingBox())?.height ?? 0);
    const knoppen = await kaart.locator('button:visible').count();
    fs.writeFileSync(path.join(ARTIFACTS, 'playground-meldwijzer-kaart.json'), JSON.stringify({ hoogte, knoppen }));
    expect(hoogte).toBeGreaterThan(0);
    expect(knoppen).toBeLessThanOrEqual(12);

    const all = await page.locator('body').innerText();
    const result = all.slice(all.lastIndexOf('Where you can go'));
    const eerst = result.slice(result.indexOf('Go first to'), result.indexOf('Also possible'));
    const posities = CASE.first.map((m) => eerst.indexOf(NAMES[m]));
    expect(posities.every((p) => p >= 0)).toBe(true);
    expect([...posities].sort((a, b) => a - b)).toEqual(posities); // the organisation's order
    for (const m of CASE.also) expect(result).toContain(NAMES[m]);
  });
});
