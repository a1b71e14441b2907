/**
 * End-to-end tests of the tab against the built web app on loopback, in headless Debian Chromium:
 * every page in light, dark and high-contrast themes, in Dutch and English, at 1280 and 375 px (Teams mobile)
 * with axe-core (WCAG 2.0, 2.1 and 2.2 A/AA rules: 0 violations) and no horizontal scrolling,
 * the anonymous poll (vote once, second vote refused), a moreel beraad light run to the end (the new
 * DilemmaSessies item is in the store), text from the list rendered as text. Screenshots: tests/e2e/artifacts/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import JSZip from 'jszip';
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

// The title also carries a long Dutch compound: at 375 px it must wrap inside the card, not push the page sideways.
const XSS_TITEL = '<script>window.__xss=1</script> **vet** dilemma over Rijksinkoopsamenwerkingsovereenkomstbepalingen';
const XSS_TEKST = 'Een tekst met <img src=x onerror="window.__xss=2"> en _markdown_ [link](https://example.org).';
const TOELICHTING = 'Volgens de gedragscode kies je <b>optie twee</b>: meld het eerst.';
/** This calendar year in Europe/Amsterdam: the demo data run up to today, so the dashboard opens on it. */
const HUIDIG = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date()));
/** Last year: the VOG requests added to the demo data and the nevenwerk registrations below are of that year. */
const VORIG_JAAR = HUIDIG - 1;
/** A year before the small nevenwerk store's registrations: it has nothing. */
const LEEG_JAAR = HUIDIG - 3;

/**
 * The nevenwerk register of a small organisation, all of last year and still in force: two nevenwerkzaamheden (one
 * allowed, one allowed on condition of working outside office hours) and one financial interest not yet assessed;
 * the refresh round asked both nevenwerkzaamheden, one confirmed, one unanswered.
 */
async function vulNevenwerk(store: SqliteListStore): Promise<void> {
  await store.addMany('Nevenwerkzaamheden', [
    {
      registratieId: `NW-${VORIG_JAAR}-0001`,
      medewerker: 'oid-4',
      functie: 'directeur',
      register: 'nevenwerkzaamheid',
      soortNevenwerk: 'bestuurslid',
      betaald: false,
      urenPerMaand: 4,
      mogelijkConflict: false,
      gemeldOp: `${VORIG_JAAR}-02-10`,
      status: 'beoordeeld',
      beoordeling: 'toegestaan',
      beoordeeldOp: `${VORIG_JAAR}-02-20`,
    },
    {
      registratieId: `NW-${VORIG_JAAR}-0002`,
      medewerker: 'oid-5',
      functie: 'beleidsmedewerker',
      register: 'nevenwerkzaamheid',
      soortNevenwerk: 'docent',
      betaald: true,
      urenPerMaand: 8,
      mogelijkConflict: true,
      gemeldOp: `${VORIG_JAAR}-03-01`,
      status: 'beoordeeld',
      beoordeling: 'toegestaanMetVoorwaarden',
      voorwaarden: ['buitenWerktijd'],
      beoordeeldOp: `${VORIG_JAAR}-03-15`,
    },
    {
      registratieId: `NW-${VORIG_JAAR}-0003`,
      medewerker: 'oid-6',
      functie: 'directeur',
      register: 'financieelBelang',
      soortBelang: 'aandelen',
      mogelijkConflict: false,
      gemeldOp: `${VORIG_JAAR}-04-01`,
      status: 'gemeld',
    },
  ]);
  await store.addMany('NevenwerkHerbevestigingen', [
    {
      ronde: String(VORIG_JAAR),
      registratieId: `NW-${VORIG_JAAR}-0001`,
      gevraagdOp: `${VORIG_JAAR}-10-01`,
      antwoord: 'bevestigd',
      beantwoordOp: `${VORIG_JAAR}-10-03`,
    },
    { ronde: String(VORIG_JAAR), registratieId: `NW-${VORIG_JAAR}-0002`, gevraagdOp: `${VORIG_JAAR}-10-01`, antwoord: 'openstaand' },
  ]);
}

describeWithChromium('tab (e2e, Chromium)', () => {
  let server: Server;
  let base = '';
  let store: SqliteListStore;
  let tmp = '';
  let browser: BrowserContext;
  let page: Page;
  const demoVog = { gevraagd: 0, ontvangen: 0, nietOntvangen: 0, open: 0 };

  beforeAll(async () => {
    buildWebIfStale();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tab-e2e-'));
    store = new SqliteListStore(path.join(tmp, 'ip.db'));
    await seedDemo(store, 'demo');
    // The demo's own VOG requests of last year (counted by gevraagdOp, per status as HR recorded it), before the three below.
    for (const a of await queryAll(store, 'VogAanvragen'))
      if (a.gevraagdOp.startsWith(`${VORIG_JAAR}-`)) {
        demoVog.gevraagd++;
        if (a.status === 'ontvangen') demoVog.ontvangen++;
        else if (a.status === 'nietOntvangen') demoVog.nietOntvangen++;
        else demoVog.open++;
      }
    // Three VOG requests in the dashboard's default year (last year): one received, one applied for, one not received.
    const vorig = VORIG_JAAR;
    await store.addMany('VogAanvragen', [
      {
        aanvraagId: `boa:oid-1:${vorig}-02-01`,
        medewerker: 'oid-1',
        functie: 'boa',
        aanleiding: 'start',
        peildatum: `${vorig}-02-01`,
        gevraagdOp: `${vorig}-02-01`,
        status: 'ontvangen',
        afgifteOp: `${vorig}-02-20`,
        vastgelegdOp: `${vorig}-03-01`,
      },
      {
        aanvraagId: `boa:oid-2:${vorig}-05-01`,
        medewerker: 'oid-2',
        functie: 'boa',
        aanleiding: 'hernieuwing',
        peildatum: `${vorig}-05-01`,
        gevraagdOp: `${vorig}-05-01`,
        status: 'aangevraagd',
        aangevraagdOp: `${vorig}-05-03`,
      },
      {
        aanvraagId: `ictBeheer:oid-3:${vorig}-06-01`,
        medewerker: 'oid-3',
        functie: 'ictBeheer',
        aanleiding: 'hernieuwing',
        peildatum: `${vorig}-06-01`,
        gevraagdOp: `${vorig}-06-01`,
        status: 'nietOntvangen',
        vastgelegdOp: `${vorig}-08-01`,
      },
    ]);
    await store.add('Dilemmas', {
      dilemmaId: 'D-XSS',
      titel: XSS_TITEL,
      tekst: XSS_TEKST,
      opties: JSON.stringify(['Optie een', 'Optie twee']),
      thema: 'zakelijk',
      bron: 'eigen',
    });
    const config = loadOrgConfig('demo', path.join(ROOT, 'config'));
    // This week's dilemma (D-XSS, below) gets an explanation with markup in it: shown after the vote, as text.
    config.dilemmas.push({
      id: 'D-XSS',
      titel: XSS_TITEL,
      tekst: XSS_TEKST,
      opties: ['Optie een', 'Optie twee'],
      thema: 'zakelijk',
      bron: 'eigen',
      gespreksvragen: [],
      toelichting: TOELICHTING,
    });
    const app = createTabApp({
      store,
      config,
      db: store.db,
      authenticate: createAuthenticator({ modus: 'lokaal' }, config),
      webDist: DIST,
    });
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
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const samenvatting = r.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
    expect({ pagina: naam, violations: samenvatting }).toEqual({ pagina: naam, violations: [] });
  }

  /** Set the viewport width (height 900, or 800 for the 375 px phone view). */
  async function breedte(px: number): Promise<void> {
    await page.setViewportSize({ width: px, height: px < 600 ? 800 : 900 });
  }

  /** Nothing is wider than the viewport: the page never scrolls sideways (charts and tables included). */
  async function pastInBreedte(naam: string): Promise<void> {
    const maat = await page.evaluate(() => {
      const doc = document.documentElement;
      const breed = [...document.querySelectorAll('main *')]
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.right > doc.clientWidth + 1)
        .slice(0, 3)
        .map(({ e, r }) => `${e.tagName.toLowerCase()}.${(e.getAttribute('class') ?? '').split(' ')[0]} right=${Math.round(r.right)}`);
      return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, breed };
    });
    // `breed` (elements reaching past the right edge) is shown to explain a failure; the page must not scroll.
    expect({ naam, ...maat, past: maat.scrollWidth <= maat.clientWidth }).toEqual({ naam, ...maat, past: true });
  }

  /**
   * A second tab app on its own store (in the test's temp folder), filled by `vul`: for figures counted by hand
   * without the demo data. @returns its base URL and a stop function.
   */
  async function eigenServer(
    naam: string,
    vul: (s: SqliteListStore) => Promise<void>,
  ): Promise<{ url: string; stop: () => Promise<void> }> {
    const eigen = new SqliteListStore(path.join(tmp, `${naam}.db`));
    await vul(eigen);
    const config = loadOrgConfig('demo', path.join(ROOT, 'config'));
    const app = createTabApp({
      store: eigen,
      config,
      db: eigen.db,
      authenticate: createAuthenticator({ modus: 'lokaal' }, config),
      webDist: DIST,
    });
    const srv = app.listen(0, '127.0.0.1');
    await new Promise<void>((r) => srv.once('listening', () => r()));
    return {
      url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
      stop: async () => {
        await new Promise((r) => srv.close(r));
        await eigen.close();
      },
    };
  }

  const PAGINAS = [
    { pad: '/', rol: 'medewerker', naam: 'portal', kop: { nl: 'Integriteitsplein', en: 'Integriteitsplein' } },
    { pad: '/dilemma', rol: 'hr', naam: 'dilemma', kop: { nl: 'Dilemma van de week', en: 'Dilemma of the week' } },
    { pad: '/sessie', rol: 'manager', naam: 'sessie', kop: { nl: 'Sessie leiden', en: 'Lead a session' } },
    { pad: '/dashboard', rol: 'hr', naam: 'dashboard', kop: { nl: 'Dashboard integriteit', en: 'Integrity dashboard' } },
  ];
  for (const p of PAGINAS) {
    for (const theme of ['default', 'dark', 'contrast']) {
      test(`${p.naam} in the ${theme} theme, nl and en, at 1280 and 375 px: 0 axe violations (WCAG 2.2 AA), no sideways scrolling`, async () => {
        for (const lang of ['nl', 'en'] as const) {
          for (const px of [1280, 375]) {
            await breedte(px);
            await open(p.pad, { theme, rol: p.rol, lang });
            await expect(page.locator('main h1').first().textContent()).resolves.toBe(p.kop[lang]);
            if (p.naam === 'dashboard') {
              await page.locator('svg[role="img"]').nth(3).waitFor();
              // every chart has a visible caption heading (not only the SVG <title>)
              if (lang === 'nl')
                expect(await page.locator('figure figcaption h3').allTextContents()).toEqual([
                  'Meldingen per soort',
                  'Gesprekken per onderwerp',
                  'Meldingen per categorie',
                  'Meldwijzer per situatie',
                ]);
              expect(await page.locator('table caption').first().textContent()).toContain('Provincie Demoland');
            }
            if (p.naam === 'portal') await page.getByText(lang === 'nl' ? 'Waar kan ik terecht?' : 'Where can I go?').waitFor();
            await page.screenshot({ path: path.join(ARTIFACTS, `tab-${p.naam}-${theme}-${lang}-${px}.png`), fullPage: true });
            await pastInBreedte(`${p.naam}/${theme}/${lang}/${px}`);
            await axe(`${p.naam}/${theme}/${lang}/${px}`);
          }
        }
        await breedte(1280);
      });
    }
  }

  test('at 375 px the charts draw their labels above the bars, at real size, inside the chart', async () => {
    await breedte(375);
    await open('/dashboard', { rol: 'hr' });
    await page.locator('svg[role="img"]').nth(3).waitFor();
    // the charts are drawn for their measured width (no scaled-down 640 px drawing, even for a moment on a busy machine)
    await page.waitForFunction(() =>
      [...document.querySelectorAll('figure svg[role="img"]')].every(
        (svg) => svg.getAttribute('viewBox')?.split(' ')[2] === String(Math.round(svg.getBoundingClientRect().width)),
      ),
    );
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll('figure svg[role="img"]')].map((svg) => {
        const box = svg.getBoundingClientRect();
        const teksten = [...svg.querySelectorAll('g > text')].map((t) => t.getBoundingClientRect());
        return {
          binnen: teksten.every((r) => r.left >= box.left - 1 && r.right <= box.right + 1),
          hoogte: Math.round(Math.max(...teksten.map((r) => r.height))),
        };
      }),
    );
    expect(labels).toHaveLength(4);
    for (const l of labels) {
      expect(l.binnen).toBe(true);
      expect(l.hoogte).toBeGreaterThanOrEqual(12); // 12 px text, not a scaled-down viewBox
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-dashboard-375-grafieken.png'), fullPage: true });
    await breedte(1280);
  });

  /** Tab through the page; every visible, enabled control (one per radio group) must receive focus. */
  async function allesBereikbaarMetTab(): Promise<void> {
    const aantal = await page.evaluate(() => {
      const zichtbaar = (e: Element) =>
        (e as HTMLElement).offsetParent !== null && !(e as HTMLButtonElement).disabled && e.getAttribute('tabindex') !== '-1';
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
    const gemist = await page.evaluate(
      (ids) =>
        [...document.querySelectorAll('[data-kb]')]
          .filter((e) => !ids.includes(e.getAttribute('data-kb')!))
          .map((e) => e.outerHTML.slice(0, 120)),
      [...bereikt],
    );
    expect(gemist).toEqual([]);
  }

  test('every control is reachable with the keyboard (portal, dilemma, session set-up)', async () => {
    await open('/', { rol: 'medewerker' });
    await page.getByRole('searchbox').waitFor(); // the folding sections (meldpunten, FAQ) load after the first screen
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
    expect(await page.getByText(TOELICHTING).count()).toBe(0); // the explanation comes after the vote
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
    // the option this browser chose is marked on this page only (never stored: after a reload it is gone)
    await page.getByText('Optie twee: 1 (100%) · jouw keuze', { exact: true }).waitFor();
    expect(await page.getByText('Optie een: 0 (0%) · jouw keuze').count()).toBe(0);
    await page.getByRole('heading', { name: 'Toelichting' }).waitFor();
    await page.getByText(TOELICHTING).waitFor();
    expect(await page.locator('main b').count()).toBe(0);
    await axe('dilemma/gestemd');
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-dilemma-gestemd.png'), fullPage: true });

    // Reload: already voted, results shown, no vote button.
    await open('/dilemma', { rol: 'medewerker' });
    await page.getByText('Bedankt voor je stem').waitFor();
    await page.getByText(TOELICHTING).waitFor();
    expect(await page.getByRole('button', { name: 'Stem' }).count()).toBe(0);
    expect(await page.getByText('jouw keuze').count()).toBe(0);
    // A second vote through the API is refused.
    const status = await page.evaluate(async (week) => {
      const r = await fetch('/api/dilemma/stem', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Dev-Rol': 'medewerker' },
        body: JSON.stringify({ week, dilemmaId: 'D-XSS', optie: 0 }),
      });
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
      // the casus' choices and its discussion questions from config/demo.yaml (dilemmas[D-001])
      await page.getByText('Ik overleg eerst met mijn leidinggevende').waitFor();
      await page.getByText('Maakt het uit of de aanbesteding nog loopt?').waitFor();
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
    expect(nieuw[0]).toMatchObject({
      datum: vandaag(),
      werkvorm: 'moreelBeraadLight',
      doelgroep: 'management',
      deelnemers: 7,
      dilemmaIds: 'D-001',
    });

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

  /** The dilemma title on each table card, in table order. */
  const tafelDilemmas = () =>
    page
      .locator('main h3')
      .filter({ hasNotText: /^(Mogelijke keuzes|Vragen om te bespreken|Possible choices|Questions to discuss)$/ })
      .allTextContents();

  test('dilemmaspel at 375 px: 2 tables and 2 dilemmas swap every round; cards show choices and questions', async () => {
    await breedte(375);
    await open('/sessie', { rol: 'manager' });
    await page.getByRole('radio', { name: /Dilemmaspel/ }).check();
    await page.getByLabel('Aantal deelnemers').fill('16'); // 8 + 8: two tables, as many as dilemmas (used to repeat round 1)
    await page.getByRole('checkbox', { name: 'Het etentje van de leverancier' }).uncheck();
    await page.getByRole('checkbox', { name: 'De grap in het teamoverleg' }).check();
    await page.getByRole('checkbox', { name: 'Informatie voor een vriend' }).check();
    await page.getByRole('button', { name: 'Start de sessie' }).click();
    await page.getByText('Tafel 2 (8 personen)').waitFor();
    expect(await tafelDilemmas()).toEqual(['De grap in het teamoverleg', 'Informatie voor een vriend']);
    // options (list) and discussion questions (config/demo.yaml) on the table card
    await page.getByText('Ik spreek de collega later onder vier ogen aan').waitFor();
    await page.getByText('Wat doet het met de nieuwe collega?').waitFor();
    await page.getByText('Hoe zeg je nee zonder de vriendschap te schaden?').waitFor();
    await pastInBreedte('dilemmaspel/375/ronde1');
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-dilemmaspel-375.png'), fullPage: true });
    await axe('dilemmaspel/375');
    await page.getByRole('button', { name: 'Volgende ronde' }).click();
    await expect(page.locator('main h1').textContent()).resolves.toBe('Ronde 2');
    expect(await tafelDilemmas()).toEqual(['Informatie voor een vriend', 'De grap in het teamoverleg']);
    expect(await page.getByText('vanaf deze ronde komen ze terug').count()).toBe(0);
    await page.getByRole('button', { name: 'Volgende ronde' }).click();
    await page.getByText('Elke tafel heeft alle gekozen dilemma’s besproken; vanaf deze ronde komen ze terug.').waitFor();
    await breedte(1280);
  });

  test('at 375 px a moreel beraad on the dilemma with the long title fits: every step, the podium and the form to record it', async () => {
    await breedte(375);
    try {
      await open('/sessie', { rol: 'manager' });
      await page.getByLabel('Casus', { exact: true }).selectOption('D-XSS');
      await page.getByRole('button', { name: 'Start de sessie' }).click();
      for (let i = 0; i < 5; i++) {
        await page.getByText(`Stap ${i + 1} van 5`).waitFor();
        await page.getByText(XSS_TITEL).waitFor();
        await pastInBreedte(`moreel beraad/375/stap ${i + 1}`);
        await page.getByRole('button', { name: i === 4 ? 'Sessie afronden' : 'Volgende stap' }).click();
      }
      await expect(page.locator('main h1').textContent()).resolves.toBe('Sessie vastleggen');
      await pastInBreedte('moreel beraad/375/vastleggen');
      await page.screenshot({ path: path.join(ARTIFACTS, 'tab-sessie-vastleggen-375.png'), fullPage: true });
      await axe('moreel beraad/375/vastleggen');
    } finally {
      await breedte(1280);
    }
  });

  test('dilemmaspel with one dilemma says that every table discusses it in every round (nl and en)', async () => {
    await open('/sessie', { rol: 'manager' });
    await page.getByRole('radio', { name: /Dilemmaspel/ }).check();
    await page.getByText('Je hebt één dilemma gekozen: elke tafel bespreekt het in elke ronde.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Start de sessie' }).click();
    await page.getByText('Tafel 1 (8 personen)').waitFor();
    await page.locator('[role="status"]').getByText('Je hebt één dilemma gekozen', { exact: false }).waitFor();
    await axe('dilemmaspel/een');
    await open('/sessie', { rol: 'manager', lang: 'en' });
    await page.getByRole('radio', { name: /Dilemma game/i }).check();
    await page.getByText('You chose one dilemma: every table discusses it in every round.', { exact: false }).waitFor();
  });

  /** The body rows of table `#id` as cell texts (row heading first). */
  const rijen = async (id: string) =>
    page.locator(`#${id} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
  /** Per row of table `#id`: [row heading, the cell in the column of `jaar`]. */
  const kolom = async (id: string, jaar: number) => {
    const koppen = await page.locator(`#${id} thead th`).allTextContents();
    const k = koppen.indexOf(String(jaar));
    expect(k).toBeGreaterThan(0);
    return (await rijen(id)).map((r) => [r[0], r[k]]);
  };
  /** Open the dashboard as HR and wait for the core table. */
  async function dashboard(q: Record<string, string> = {}, url = base): Promise<void> {
    await page.goto(`${url}/dashboard?${new URLSearchParams({ rol: 'hr', ...q })}`);
    await page.locator('#tabel-kerncijfers').waitFor();
  }
  /** A count as the report shows it below 5 (docs/contracts.md: counts 1..N−1 become "<N"). */
  const onder5 = (n: number) => (n >= 1 && n < 5 ? '<5' : String(n));

  test("the dashboard downloads the Word report with the CLI's small-number suppression, and shows it on the page", async () => {
    await dashboard();
    await page.locator('svg[role="img"]').first().waitFor();
    const woord = async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download jaarverslag (.docx)' }).click(),
      ]);
      const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
      return zip.file('word/document.xml')!.async('string');
    };
    expect(await woord()).not.toContain('&lt;5');
    expect(await page.locator('main').getByText('<5', { exact: true }).count()).toBe(0);
    await page.getByLabel('Kleine aantallen').selectOption('5');
    await page.getByText('1 tot en met 4 wordt “<5”', { exact: false }).waitFor();
    const xml = await woord();
    expect(xml).toContain('&lt;5');
    expect(xml).toContain('Aantallen van 1 tot en met 4 zijn weergegeven als');
    // The page shows the same: last year's VOG counts (the demo's plus the three above) as the report would show
    // them, and a Wbk share whose count is suppressed loses its percentage.
    expect(await kolom('tabel-vog', VORIG_JAAR)).toEqual([
      ['VOG gevraagd', onder5(demoVog.gevraagd + 3)],
      ['Ontvangen', onder5(demoVog.ontvangen + 1)],
      ['Niet ontvangen', onder5(demoVog.nietOntvangen + 1)],
      ['Nog open', onder5(demoVog.open + 1)],
    ]);
    const kern = await rijen('tabel-kerncijfers');
    for (const r of kern.filter((x) => x[0].startsWith('Ontvangstbevestiging') || x[0].startsWith('Terugkoppeling')))
      for (const cel of r.slice(1)) expect(cel).toMatch(/^(–|\d+% \(\d[\d.]*\/\d[\d.]*\)|(<5|\d[\d.]*)\/(<5|\d[\d.]*))$/);
    const desc = await page.locator('#g-soort-desc').textContent();
    expect(desc).toContain('<5'); // the demo data have soorten with 1 to 4 meldingen in a year
    for (const n of (desc ?? '').matchAll(/\d{4} (\d+)/g)) expect(Number(n[1]) === 0 || Number(n[1]) >= 5).toBe(true);
    await axe('dashboard/onderdrukken');
  });

  test('the dashboard opens on the most recent year with figures and shows VOG and anonymous meldingen as the report counts them', async () => {
    await dashboard();
    // The demo data run up to today: this year is the most recent one with figures, and it is still running.
    expect(await page.getByLabel('Verslagjaar').inputValue()).toBe(String(HUIDIG));
    await page.getByText('Dit jaar loopt nog: de cijfers gaan tot en met vandaag.').waitFor();
    // "Op deze pagina" links to the four sections of this long page, each to a heading that exists.
    const inhoud = await page
      .getByRole('navigation', { name: 'Op deze pagina' })
      .locator('a')
      .evaluateAll((as) =>
        as.map((a) => ({ tekst: a.textContent, doel: document.querySelector(a.getAttribute('href')!)?.tagName ?? null })),
      );
    expect(inhoud).toEqual([
      { tekst: `Kerncijfers ${HUIDIG} en voorgaande jaren`, doel: 'H2' },
      { tekst: 'Registers: VOG en anonieme meldingen', doel: 'H2' },
      { tekst: 'Nevenwerkzaamheden en financiële belangen', doel: 'H2' },
      { tekst: 'Grafieken', doel: 'H2' },
    ]);
    expect(await page.locator('#tabel-kerncijfers thead th').allTextContents()).toEqual([
      'Cijfer',
      ...[2, 1, 0].map((i) => String(HUIDIG - i)),
    ]);
    // Last year (the demo's register stock reaches back before it, so all three years have figures): the three
    // requests above are last year's, next to the demo's.
    await page.getByLabel('Verslagjaar').selectOption(String(VORIG_JAAR));
    await page.locator('#tabel-vog').waitFor();
    expect(await page.locator('#tabel-kerncijfers thead th').allTextContents()).toEqual([
      'Cijfer',
      ...[2, 1, 0].map((i) => String(VORIG_JAAR - i)),
    ]);
    expect(demoVog.gevraagd).toBeGreaterThan(0);
    expect(await kolom('tabel-vog', VORIG_JAAR)).toEqual([
      ['VOG gevraagd', String(demoVog.gevraagd + 3)],
      ['Ontvangen', String(demoVog.ontvangen + 1)],
      ['Niet ontvangen', String(demoVog.nietOntvangen + 1)],
      ['Nog open', String(demoVog.open + 1)],
    ]);
    // The anonymous table's total is the core table's "waarvan anoniem", and its per-soort rows add up to it.
    const anoniem = await rijen('tabel-anoniem');
    const waarvanAnoniem = (await rijen('tabel-kerncijfers')).find((r) => r[0] === 'waarvan anoniem')!;
    expect(anoniem[0][0]).toBe('Anonieme meldingen ontvangen');
    expect(anoniem[0].slice(1)).toEqual(waarvanAnoniem.slice(1));
    const perSoort = anoniem.slice(1, 4);
    for (let k = 1; k < anoniem[0].length; k++) expect(perSoort.reduce((n, r) => n + Number(r[k]), 0)).toBe(Number(anoniem[0][k]));
    // The same figure carries the jaarverslag's name (report.ts, the published reports), not a tab copy of its own.
    expect(perSoort.map((r) => r[0])).toEqual(['Vermoeden van een misstand', 'Zakelijke integriteit', 'Sociale integriteit']);
    expect(anoniem.map((r) => r[0])).toContain('Uitkomst: Geen schending vastgesteld');
    const kern = (await rijen('tabel-kerncijfers')).map((r) => r[0]);
    expect(kern).toEqual(
      expect.arrayContaining(['Ontvangstbevestiging binnen 7 dagen', 'Terugkoppeling binnen 3 maanden', 'Integriteitsverklaring getekend']),
    );
    expect(await page.locator('#g-onderwerp-desc').textContent()).toContain('Gevoel van onveiligheid:');
    expect(await page.locator('#g-categorie-desc').textContent()).toContain('Misbruik van positie en belangenverstrengeling:');
    expect(await page.locator('#g-meldwijzer-desc').textContent()).toContain('Dilemma of twijfel:');
    await axe('dashboard/registers');
    await dashboard({ lang: 'en' });
    expect(await page.locator('#g-onderwerp-desc').textContent()).toContain('Feeling unsafe:');
    expect(await page.locator('#g-onderwerp-desc').textContent()).not.toContain('Unsafety');
  });

  test('the dashboard shows the nevenwerk register as the report does (Ambtenarenwet art. 8), with the same suppression', async () => {
    const klein = await eigenServer('nevenwerk', vulNevenwerk);
    try {
      await dashboard({ lang: 'nl' }, klein.url);
      // Only this year and last year have figures: the year before is left out, and the page says so.
      expect(await page.locator('#tabel-nevenwerk thead th').allTextContents()).toEqual(['Kenmerk', String(VORIG_JAAR), String(HUIDIG)]);
      await page
        .getByText(`Over ${HUIDIG - 2} zijn geen cijfers vastgelegd; dat jaar staat niet in de tabellen en grafieken.`, { exact: true })
        .waitFor();
      // The other registers hold nothing in these years: one sentence each, no table of zeros.
      expect(await page.locator('#tabel-vog').count()).toBe(0);
      expect(await page.locator('#leeg-vog').textContent()).toContain(`Nog niets geregistreerd in ${VORIG_JAAR} en ${HUIDIG}.`);
      // Only nevenwerk was registered: every other figure has no data in these years (nothing was registered yet), so
      // the core table and the charts say "geen gegevens" as the report does, never a count of 0.
      const kern = await rijen('tabel-kerncijfers');
      expect(kern.find((r) => r[0] === 'Gesprekken met vertrouwenspersonen')).toEqual([
        'Gesprekken met vertrouwenspersonen',
        'geen gegevens',
        'geen gegevens',
      ]);
      expect(kern.find((r) => r[0] === 'Ontvangstbevestiging binnen 7 dagen')?.slice(1)).toEqual(['geen gegevens', 'geen gegevens']);
      expect(kern.flatMap((r) => r.slice(1)).filter((c) => c !== 'geen gegevens')).toEqual([]);
      // No chart has data in any year: each says so in one sentence under its heading, no chart of "geen gegevens".
      expect(await page.locator('main figure').count()).toBe(0);
      for (const id of ['g-soort', 'g-onderwerp', 'g-categorie', 'g-meldwijzer'])
        expect(await page.locator(`#leeg-${id} p`).textContent()).toBe(`Nog niets geregistreerd in ${VORIG_JAAR} en ${HUIDIG}.`);
      expect(await page.locator('#leeg-g-onderwerp h3').textContent()).toBe('Gesprekken per onderwerp');
      await page.getByRole('heading', { name: 'Nevenwerkzaamheden en financiële belangen', level: 2 }).waitFor();
      // Counted by hand from the three registrations and two refresh questions above (all of last year, still in force).
      expect(await kolom('tabel-nevenwerk', VORIG_JAAR)).toEqual([
        ['Nevenwerkzaamheden geregistreerd', '2'],
        ['waarvan nieuw gemeld', '2'],
        ['Financiële belangen geregistreerd', '1'],
        ['Beoordeeld', '2'],
        ['Nog niet beoordeeld', '1'],
        ['Beëindigd in het jaar', '0'],
      ]);
      // This year the same registrations are still in force, none of them new.
      expect(await kolom('tabel-nevenwerk', HUIDIG)).toEqual([
        ['Nevenwerkzaamheden geregistreerd', '2'],
        ['waarvan nieuw gemeld', '0'],
        ['Financiële belangen geregistreerd', '1'],
        ['Beoordeeld', '2'],
        ['Nog niet beoordeeld', '1'],
        ['Beëindigd in het jaar', '0'],
      ]);
      const perSoort = await kolom('tabel-nevenwerkPerSoort', VORIG_JAAR);
      expect(perSoort.filter((r) => r[1] !== '0')).toEqual([
        ['Bestuurslid', '1'],
        ['Docent, trainer of examinator', '1'],
        ['Totaal', '2'],
      ]);
      expect((await kolom('tabel-belangenPerSoort', VORIG_JAAR)).filter((r) => r[1] !== '0')).toEqual([
        ['Aandelen', '1'],
        ['Totaal', '1'],
      ]);
      expect(await kolom('tabel-nevenwerkPerUitkomst', VORIG_JAAR)).toEqual([
        ['Toegestaan', '1'],
        ['Toegestaan met voorwaarden', '1'],
        ['Niet toegestaan', '0'],
        ['Nog niet beoordeeld', '1'],
        ['Totaal', '3'],
      ]);
      expect((await kolom('tabel-nevenwerkPerVoorwaarde', VORIG_JAAR)).filter((r) => r[1] !== '0')).toEqual([
        ['Alleen buiten werktijd', '1'],
      ]);
      expect(await kolom('tabel-nevenwerkHerbevestiging', VORIG_JAAR)).toEqual([
        ['Bevestigd', '1'],
        ['Beëindigd', '0'],
        ['Geen antwoord', '1'],
        ['Voorgelegd', '2'],
      ]);
      await page.getByLabel('Kleine aantallen').selectOption('3');
      expect(await kolom('tabel-nevenwerkHerbevestiging', VORIG_JAAR)).toEqual([
        ['Bevestigd', '<3'],
        ['Beëindigd', '0'],
        ['Geen antwoord', '<3'],
        ['Voorgelegd', '<3'],
      ]);
      expect((await kolom('tabel-nevenwerkPerUitkomst', VORIG_JAAR)).at(-1)).toEqual(['Totaal', '3']);
      await axe('dashboard/nevenwerk');
      // English: the report's English labels.
      await dashboard({ lang: 'en' }, klein.url);
      await page.getByRole('heading', { name: 'Outside activities and financial interests', level: 2 }).waitFor();
      expect((await kolom('tabel-nevenwerk', VORIG_JAAR))[0]).toEqual(['Outside activities registered', '2']);
      expect((await kolom('tabel-kerncijfers', VORIG_JAAR))[0]).toEqual(['Conversations with confidential counsellors', 'no data']);
    } finally {
      await klein.stop();
    }
  });

  test('a year without figures says so plainly instead of rows of zeros (nl and en), and offers the latest year', async () => {
    const klein = await eigenServer('leeg-jaar', vulNevenwerk);
    try {
      for (const px of [1280, 375]) {
        await breedte(px);
        await dashboard({}, klein.url);
        const jaar = page.getByLabel('Verslagjaar');
        expect(await jaar.locator(`option[value="${LEEG_JAAR}"]`).textContent()).toBe(`${LEEG_JAAR} (nog geen cijfers)`);
        await jaar.selectOption(String(LEEG_JAAR));
        await page.getByText(`Nog geen cijfers over ${LEEG_JAAR}`).waitFor();
        await page.getByText(`De meest recente cijfers zijn van ${HUIDIG}.`).waitFor();
        expect(await page.locator('main table').count()).toBe(0);
        expect(await page.locator('main svg[role="img"]').count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Download jaarverslag (.docx)' }).count()).toBe(0);
        await page.screenshot({ path: path.join(ARTIFACTS, `tab-dashboard-leeg-jaar-${px}.png`), fullPage: true });
        await pastInBreedte(`dashboard/leeg-jaar/${px}`);
        await axe(`dashboard/leeg-jaar/${px}`);
        await page.getByRole('button', { name: `Toon ${HUIDIG}` }).click();
        await page.locator('#tabel-kerncijfers').waitFor();
        expect(await jaar.inputValue()).toBe(String(HUIDIG));
      }
      await breedte(1280);
      await dashboard({ lang: 'en' }, klein.url);
      await page.getByLabel('Report year').selectOption(String(LEEG_JAAR));
      await page.getByText(`No figures for ${LEEG_JAAR} yet`).waitFor();
      await page.getByRole('button', { name: `Show ${HUIDIG}` }).waitFor();
    } finally {
      await breedte(1280);
      await klein.stop();
    }
  });

  test('with an empty store the dashboard opens on this year and says that nothing has been recorded yet', async () => {
    const leeg = await eigenServer('leeg', async () => undefined);
    try {
      const leegBase = leeg.url;
      for (const [lang, tekst] of [
        ['nl', 'Er is nog over geen enkel jaar iets vastgelegd.'],
        ['en', 'Nothing has been recorded for any year yet.'],
      ] as const) {
        await page.goto(`${leegBase}/dashboard?rol=hr&lang=${lang}`);
        await page.getByText(tekst, { exact: false }).waitFor();
        expect(await page.getByLabel(lang === 'nl' ? 'Verslagjaar' : 'Report year').inputValue()).toBe(String(HUIDIG));
        await page.getByText(lang === 'nl' ? `Nog geen cijfers over ${HUIDIG}` : `No figures for ${HUIDIG} yet`).waitFor();
        expect(await page.locator('main table').count()).toBe(0);
        expect(await page.getByRole('button', { name: /Toon|Show/ }).count()).toBe(0);
        await axe(`dashboard/leeg/${lang}`);
      }
    } finally {
      await leeg.stop();
    }
  });

  test('at 1280 px the contact e-mail addresses and web addresses on the portal stay on one line', async () => {
    await breedte(1280);
    await open('/', { rol: 'medewerker' });
    await page.getByRole('link', { name: 'vertrouwenspersoon@extern.example' }).waitFor();
    const adressen = await page
      .locator('main ul[aria-label] a[href^="mailto:"], main ul[aria-label] a[href^="http"]')
      .evaluateAll((as) =>
        as
          .filter((a) => (a as HTMLElement).offsetParent !== null)
          .map((a) => ({ tekst: a.textContent, hoogte: a.getBoundingClientRect().height })),
      );
    expect(adressen.length).toBeGreaterThan(3);
    // one 24 px line each (the link's target-size line height), never two
    for (const a of adressen) expect({ ...a, eenRegel: a.hoogte < 30 }).toEqual({ ...a, eenRegel: true });
  });

  test('inside a non-Teams iframe, teams-js initialize is raced with a timeout and the tab falls back to standalone', async () => {
    // teams-js initialize() never settles in a frame whose parent is not Teams (docs/conventions.md "Platform facts").
    const parent = `${base}/frame-test`;
    await page.route(parent, (r) =>
      r.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>frame</title><iframe title="tab" src="${base}/?rol=medewerker" width="1200" height="800"></iframe>`,
      }),
    );
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
