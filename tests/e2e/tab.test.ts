/**
 * End-to-end tests of the tab against the built web app on loopback, in headless Debian Chromium:
 * every page in light, dark and high-contrast themes with axe-core (WCAG 2.1 AA: 0 violations),
 * the anonymous poll (vote once, second vote refused), a moreel beraad light run to the end (the new
 * DilemmaSessies item is in the store), text from the list rendered as text. Screenshots: tests/e2e/artifacts/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { loadOrgConfig } from '@shared/config';
import { seedDemo } from '@shared/cli/seed';
import { isoWeek, vandaag } from '@shared/domain/tijd';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import { queryAll } from '@shared/store/list-store';
import { createAuthenticator } from '../../tab/api/auth';
import { createTabApp } from '../../tab/api/app';
import { ARTIFACTS, describeWithChromium, launchBrowser } from '../support/browser';
import { buildWebIfStale, DIST } from '../support/web-build';

const ROOT = path.resolve(__dirname, '../..');

const XSS_TITEL = '<script>window.__xss=1</script> **vet** dilemma';
const XSS_TEKST = 'Een tekst met <img src=x onerror="window.__xss=2"> en _markdown_ [link](https://example.org).';

describeWithChromium('tab (e2e, Chromium)', () => {
  let server: Server;
  let base = '';
  let store: SqliteListStore;
  let tmp = '';
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    buildWebIfStale();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tab-e2e-'));
    store = new SqliteListStore(path.join(tmp, 'ip.db'));
    await seedDemo(store, 'demo');
    await store.add('Dilemmas', { dilemmaId: 'D-XSS', titel: XSS_TITEL, tekst: XSS_TEKST, opties: JSON.stringify(['Optie een', 'Optie twee']), thema: 'zakelijk', bron: 'eigen' });
    const config = loadOrgConfig('demo', path.join(ROOT, 'config'));
    const app = createTabApp({ store, config, db: store.db, authenticate: createAuthenticator({ modus: 'lokaal' }, config), webDist: DIST });
    // HR override: this week's dilemma is the one with HTML and markdown in it.
    store.db.prepare('INSERT OR REPLACE INTO tab_dilemma_keuze (week, dilemmaId) VALUES (?, ?)').run(isoWeek(new Date()), 'D-XSS');
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((r) => server.once('listening', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    // The helper removes the profile folder on 'close'; Chromium may still be writing into it then
    // (ENOTEMPTY under load). Run that cleanup tolerantly, with one delayed retry.
    const emitter = browser as unknown as NodeJS.EventEmitter; // playwright's context is an EventEmitter at run time
    const opruimers = emitter.listeners('close') as (() => void)[];
    emitter.removeAllListeners('close');
    emitter.on('close', () => {
      for (const ruimOp of opruimers) {
        try {
          ruimOp();
        } catch {
          setTimeout(() => {
            try {
              ruimOp();
            } catch {
              /* left for the OS to clean up in the temp folder */
            }
          }, 1500).unref();
        }
      }
    });
    page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 120000);

  afterAll(async () => {
    // Close the page first and give Chromium a moment to flush its profile before the helper removes it.
    await page?.close();
    await new Promise((r) => setTimeout(r, 300));
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await store?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function open(pad: string, q: Record<string, string>): Promise<void> {
    await page.goto(`${base}${pad}?${new URLSearchParams(q)}`);
    await page.locator('main h1').first().waitFor();
  }

  async function axe(naam: string): Promise<void> {
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const samenvatting = r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect({ pagina: naam, violations: samenvatting }).toEqual({ pagina: naam, violations: [] });
  }

  const PAGINAS = [
    { pad: '/', rol: 'medewerker', naam: 'portal', kop: 'Integriteitsplein' },
    { pad: '/dilemma', rol: 'hr', naam: 'dilemma', kop: 'Dilemma van de week' },
    { pad: '/sessie', rol: 'manager', naam: 'sessie', kop: 'Sessie leiden' },
    { pad: '/dashboard', rol: 'hr', naam: 'dashboard', kop: 'Dashboard integriteit' },
  ];
  for (const p of PAGINAS) {
    for (const theme of ['default', 'dark', 'contrast']) {
      test(`${p.naam} renders in the ${theme} theme with 0 axe violations`, async () => {
        await open(p.pad, { theme, rol: p.rol });
        await expect(page.locator('main h1').first().textContent()).resolves.toBe(p.kop);
        if (p.naam === 'dashboard') {
          await page.locator('svg[role="img"]').nth(3).waitFor();
          // every chart has a visible caption heading (not only the SVG <title>)
          expect(await page.locator('figure figcaption h3').allTextContents()).toEqual(['Meldingen per soort', 'Gesprekken per onderwerp', 'Meldingen per categorie', 'Meldwijzer per situatie']);
          expect(await page.locator('table caption').textContent()).toContain('Provincie Demoland');
        }
        if (p.naam === 'portal') await page.getByText('Waar kan ik terecht?').waitFor();
        await page.screenshot({ path: path.join(ARTIFACTS, `tab-${p.naam}-${theme}.png`), fullPage: true });
        await axe(`${p.naam}/${theme}`);
      });
    }
  }

  /** Tab through the page; every visible, enabled control (one per radio group) must receive focus. */
  async function allesBereikbaarMetTab(): Promise<void> {
    const aantal = await page.evaluate(() => {
      const zichtbaar = (e: Element) => (e as HTMLElement).offsetParent !== null && !(e as HTMLButtonElement).disabled && e.getAttribute('tabindex') !== '-1';
      const els = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].filter(zichtbaar).filter((e) => {
        if (!(e instanceof HTMLInputElement) || e.type !== 'radio') return true;
        const groep = [...document.querySelectorAll(`input[type="radio"][name="${e.name}"]`)] as HTMLInputElement[];
        return e.checked || (!groep.some((r) => r.checked) && groep[0] === e); // arrow keys move within a radio group
      });
      els.forEach((e, i) => e.setAttribute('data-kb', String(i)));
      (document.activeElement as HTMLElement | null)?.blur();
      return els.length;
    });
    expect(aantal).toBeGreaterThan(5);
    const bereikt = new Set<string>();
    for (let i = 0; i < aantal + 5; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.closest('[data-kb]')?.getAttribute('data-kb') ?? null);
      if (id) bereikt.add(id);
    }
    const gemist = await page.evaluate((ids) => [...document.querySelectorAll('[data-kb]')].filter((e) => !ids.includes(e.getAttribute('data-kb')!)).map((e) => e.outerHTML.slice(0, 120)), [...bereikt]);
    expect(gemist).toEqual([]);
  }

  test('every control is reachable with the keyboard (portal, dilemma, session set-up)', async () => {
    await open('/', { rol: 'medewerker' });
    await allesBereikbaarMetTab();
    await open('/dilemma', { rol: 'hr' });
    await page.getByRole('button', { name: 'Opslaan' }).waitFor();
    await allesBereikbaarMetTab();
    await open('/sessie', { rol: 'manager' });
    await allesBereikbaarMetTab();
  });

  test('English with ?lang=en', async () => {
    await open('/dilemma', { lang: 'en' });
    expect(await page.locator('main h1').textContent()).toBe('Dilemma of the week');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await open('/', { lang: 'en' });
    expect(await page.locator('main h1').first().textContent()).toBe('Integriteitsplein');
    await page.getByRole('heading', { name: 'Upcoming sessions' }).waitFor();
  });

  test('session set-up explains an invalid number of participants', async () => {
    await open('/sessie', { rol: 'manager' });
    await page.getByLabel('Aantal deelnemers').fill('-3');
    await page.getByText('Vul een heel getal in van 1 tot en met 500.').waitFor();
    expect(await page.getByRole('button', { name: 'Start de sessie' }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Aantal deelnemers').getAttribute('aria-invalid')).toBe('true');
    await axe('sessie/ongeldig');
    await page.getByLabel('Aantal deelnemers').fill('12');
    expect(await page.getByText('Vul een heel getal in').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start de sessie' }).isDisabled()).toBe(false);
  });

  test('the portal shows the route of the chosen situation (shared meldroute)', async () => {
    await open('/', { rol: 'medewerker' });
    await page.getByLabel('Waar gaat het over?').selectOption('agressieExtern');
    // config/demo.yaml routes.agressieExtern: meldpunten [leidinggevende, adviseurVpt], ook [politie, vertrouwenspersoon]
    await page.getByText('Helpt na agressie of geweld').waitFor();
    await page.getByText('Zorg eerst voor je veiligheid; bel 112 bij direct gevaar.').waitFor();
    await page.getByRole('searchbox').fill('geschenk');
    await page.getByText('1 vraag gevonden', { exact: true }).waitFor();
  });

  test('dilemma text is rendered as text; vote once, the second vote is refused', async () => {
    await open('/dilemma', { rol: 'medewerker' });
    const kaart = page.locator('main');
    // The literal text is visible; nothing in it became an element or ran.
    await kaart.getByText(XSS_TITEL).waitFor();
    await kaart.getByText(XSS_TEKST).waitFor();
    expect(await page.locator('main script, main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // Keyboard only: the options and the vote button are reachable with Tab and usable with Space/Enter.
    await page.getByRole('radio', { name: 'Optie twee' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Stem');
    await page.keyboard.press('Enter');
    await page.getByText('Bedankt voor je stem').waitFor();
    await page.getByText('Optie twee: 1 (100%)').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-dilemma-gestemd.png'), fullPage: true });

    // Reload: already voted, results shown, no vote button.
    await open('/dilemma', { rol: 'medewerker' });
    await page.getByText('Bedankt voor je stem').waitFor();
    expect(await page.getByRole('button', { name: 'Stem' }).count()).toBe(0);
    // A second vote through the API is refused.
    const status = await page.evaluate(async (week) => {
      const r = await fetch('/api/dilemma/stem', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Dev-Rol': 'medewerker' }, body: JSON.stringify({ week, dilemmaId: 'D-XSS', optie: 0 }) });
      return { status: r.status, body: await r.json() };
    }, isoWeek(new Date()));
    expect(status.status).toBe(409);
    expect(status.body.fout).toMatch(/al gestemd/);
    const stemmen = await queryAll(store, 'DilemmaStemmen', { where: { dilemmaId: 'D-XSS' } });
    expect(stemmen).toHaveLength(1);
    expect(stemmen[0].optie).toBe(1);
  });

  test('a moreel beraad light runs step by step to the end and records a DilemmaSessies item', async () => {
    const voor = (await queryAll(store, 'DilemmaSessies')).length;
    await open('/sessie', { rol: 'manager' });
    await page.getByRole('radio', { name: /Moreel beraad light/ }).check();
    await page.getByLabel('Doelgroep').selectOption('management');
    await page.getByLabel('Aantal deelnemers').fill('7');
    await page.getByLabel('Casus', { exact: true }).selectOption('D-001');
    await page.getByRole('button', { name: 'Start de sessie' }).click();

    const stappen = ['De casus', 'De belanghebbenden', 'De argumenten', 'De afweging', 'De conclusie'];
    for (let i = 0; i < stappen.length; i++) {
      await expect(page.locator('main h1').textContent()).resolves.toBe(stappen[i]);
      await page.getByText(`Stap ${i + 1} van 5`).waitFor();
      await page.getByText('Het etentje van de leverancier').waitFor();
      if (i === 0) {
        expect(await page.getByRole('timer').textContent()).toBe('5:00');
        await page.getByRole('button', { name: 'Start timer' }).click();
        await page.waitForFunction(() => document.querySelector('[role="timer"]')?.textContent === '4:59', undefined, { timeout: 5000 });
        await page.screenshot({ path: path.join(ARTIFACTS, 'tab-sessie-stap1.png'), fullPage: true });
      }
      await page.getByRole('button', { name: i === stappen.length - 1 ? 'Sessie afronden' : 'Volgende stap' }).click();
    }
    await expect(page.locator('main h1').textContent()).resolves.toBe('Sessie vastleggen');
    await page.getByRole('button', { name: 'Sessie vastleggen' }).click();
    await page.getByText('De sessie telt mee in het jaarverslag integriteit.').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-sessie-klaar.png'), fullPage: true });

    const sessies = await queryAll(store, 'DilemmaSessies');
    expect(sessies).toHaveLength(voor + 1);
    const nieuw = sessies.filter((s) => /^DS-\d{4}-[0-9a-f]{12}$/.test(s.sessieId));
    expect(nieuw).toHaveLength(1);
    expect(nieuw[0]).toMatchObject({ datum: vandaag(), werkvorm: 'moreelBeraadLight', doelgroep: 'management', deelnemers: 7, dilemmaIds: 'D-001' });

    // Not a dead end: "Nieuwe sessie" goes back to the set-up.
    await axe('sessie/klaar');
    await page.getByRole('button', { name: 'Nieuwe sessie' }).click();
    await expect(page.locator('main h1').textContent()).resolves.toBe('Sessie leiden');
    await page.getByRole('button', { name: 'Start de sessie' }).waitFor();
  });

  test('dilemmaspel splits 17 people into tables of at most 8', async () => {
    await open('/sessie', { rol: 'manager' });
    await page.getByRole('radio', { name: /Dilemmaspel/ }).check();
    await page.getByLabel('Aantal deelnemers').fill('17');
    await page.getByRole('checkbox', { name: 'De grap in het teamoverleg' }).check();
    await page.getByRole('checkbox', { name: 'Informatie voor een vriend' }).check();
    await page.getByRole('button', { name: 'Start de sessie' }).click();
    // 17 = 6 + 6 + 5 (three tables, as even as possible)
    await page.getByText('Tafel 1 (6 personen)').waitFor();
    await page.getByText('Tafel 2 (6 personen)').waitFor();
    await page.getByText('Tafel 3 (5 personen)').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-dilemmaspel.png'), fullPage: true });
    await axe('dilemmaspel/podium');
  });

  test('inside a non-Teams iframe, teams-js initialize is raced with a timeout and the tab falls back to standalone', async () => {
    // teams-js initialize() never settles in a frame whose parent is not Teams (STACK.md).
    const parent = `${base}/frame-test`;
    await page.route(parent, (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><title>frame</title><iframe title="tab" src="${base}/?rol=medewerker" width="1200" height="800"></iframe>` }));
    const t0 = Date.now();
    await page.goto(parent);
    const frame = page.frameLocator('iframe');
    await frame.getByText('Waar kan ik terecht?').waitFor({ timeout: 20000 });
    await frame.getByText(/buiten Teams \(losse modus\)/).waitFor();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2500);
    await page.unroute(parent);
  });

  test('roles are enforced: an employee does not see the dashboard data', async () => {
    await open('/dashboard', { rol: 'medewerker' });
    await page.getByText('Het dashboard is voor HR en de integriteitscoördinator.').waitFor();
    expect(await page.locator('table').count()).toBe(0);
  });
});
