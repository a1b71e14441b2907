/**
 * End-to-end tests of the tab for five findings of a QA walk-through, against the built web app on loopback in headless
 * Chromium: the navigation offers only the pages the caller's roles can use (the API's rule, the server still refuses);
 * the dilemma of the week in English when the organisation wrote it in English, Dutch with a note when not; the
 * dashboard's two download buttons on one row at 1280 px (also when a year "(nog geen cijfers)" widens the year picker);
 * the FAQ search's clear icon inside its box at 375 px; the session summary names the target group in lower case.
 * axe-core (WCAG 2.2 AA) finds 0 violations on every page shown.
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
import { isoWeek } from '@shared/domain/tijd';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import { createAuthenticator } from '../../tab/api/auth';
import { createTabApp } from '../../tab/api/app';
import { describeWithChromium, launchBrowser } from '../support/browser';
import { buildWebIfStale, DIST } from '../support/web-build';

const ROOT = path.resolve(__dirname, '../..');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Last calendar year in Europe/Amsterdam: the small store's only figures are of that year, so the years before have none. */
const VORIG_JAAR = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date())) - 1;

describeWithChromium('tab QA findings (e2e, Chromium)', () => {
  let tmp = '';
  let browser: BrowserContext;
  let page: Page;
  const servers: { srv: Server; store: SqliteListStore }[] = [];
  let base = '';
  let klein = '';
  let store: SqliteListStore;

  async function start(naam: string, vul: (s: SqliteListStore) => Promise<void>): Promise<{ url: string; store: SqliteListStore }> {
    const s = new SqliteListStore(path.join(tmp, `${naam}.db`));
    await vul(s);
    const config = loadOrgConfig('demo', path.join(ROOT, 'config'));
    const app = createTabApp({ store: s, config, db: s.db, authenticate: createAuthenticator({ modus: 'lokaal' }, config), webDist: DIST });
    const srv = app.listen(0, '127.0.0.1');
    await new Promise<void>((r) => srv.once('listening', () => r()));
    servers.push({ srv, store: s });
    return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, store: s };
  }

  beforeAll(async () => {
    buildWebIfStale();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tab-qa-e2e-'));
    const demo = await start('demo', async (s) => {
      await seedDemo(s, 'demo');
      // A dilemma the organisation added to the list itself, in Dutch only (not in config/demo.yaml).
      await s.add('Dilemmas', {
        dilemmaId: 'D-EIGEN',
        titel: 'Het cadeau van de aannemer',
        tekst: 'Na afloop van een project stuurt de aannemer je een fles wijn.',
        opties: JSON.stringify(['Ik houd de fles', 'Ik stuur de fles terug']),
        thema: 'zakelijk',
        bron: 'eigen',
      });
    });
    base = demo.url;
    store = demo.store;
    // Only last year's nevenwerk register: this year is listed as "(nog geen cijfers)", the widest year picker.
    klein = (
      await start('klein', async (s) => {
        // One financial interest of last year, not yet assessed.
        await s.add('Nevenwerkzaamheden', {
          registratieId: `NW-${VORIG_JAAR}-0007`,
          register: 'financieelBelang',
          soortBelang: 'obligaties',
          functie: 'directeur',
          medewerker: 'oid-9',
          status: 'gemeld',
          gemeldOp: `${VORIG_JAAR}-05-04`,
          mogelijkConflict: false,
        });
      })
    ).url;
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 120000);

  afterAll(async () => {
    await page?.close();
    await new Promise((r) => setTimeout(r, 300));
    await browser?.close().catch(() => undefined);
    for (const { srv, store: s } of servers) {
      await new Promise((r) => srv.close(r));
      await s.close();
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function open(url: string, pad: string, q: Record<string, string>): Promise<void> {
    await page.goto(`${url}${pad}?${new URLSearchParams(q)}`);
    await page.locator('main h1').first().waitFor();
  }

  /** axe-core with the WCAG 2.0–2.2 A/AA rules: no violation on the page as it is now (`naam` names it in a failure). */
  async function axe(naam: string): Promise<void> {
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    const gevonden = violations.map((v) => [v.id, v.impact, ...v.nodes.map((n) => String(n.target))].join(' '));
    expect([naam, ...gevonden]).toEqual([naam]);
  }

  const navTeksten = async () => (await page.locator('header nav a').allTextContents()).map((x) => x.trim());

  /** This week's dilemma, as HR would choose it. */
  const ditWeek = (dilemmaId: string) =>
    store.db.prepare('INSERT OR REPLACE INTO tab_dilemma_keuze (week, dilemmaId) VALUES (?, ?)').run(isoWeek(new Date()), dilemmaId);

  test('the navigation shows each page only to the roles that can use it; a direct URL still gets the notice and the API refuses', async () => {
    // Sessions: manager, HR, integriteitscoördinator; dashboard: HR, integriteitscoördinator; portal and dilemma: everyone.
    const verwacht: Record<string, string[]> = {
      medewerker: ['Integriteitsplein', 'Dilemma van de week'],
      vertrouwenspersoon: ['Integriteitsplein', 'Dilemma van de week'],
      adviseurVpt: ['Integriteitsplein', 'Dilemma van de week'],
      manager: ['Integriteitsplein', 'Dilemma van de week', 'Sessie leiden'],
      hr: ['Integriteitsplein', 'Dilemma van de week', 'Sessie leiden', 'Dashboard'],
      integriteitscoordinator: ['Integriteitsplein', 'Dilemma van de week', 'Sessie leiden', 'Dashboard'],
    };
    for (const [rol, items] of Object.entries(verwacht)) {
      await open(base, '/', { rol });
      await page.getByRole('heading', { name: 'Veelgestelde vragen' }).waitFor();
      expect({ rol, nav: await navTeksten() }).toEqual({ rol, nav: items });
    }
    await open(base, '/', { rol: 'medewerker', lang: 'en' });
    expect(await navTeksten()).toEqual(['Integriteitsplein', 'Dilemma of the week']);

    // A medewerker who types the address still gets the page's notice, not its data; the nav does not offer it.
    await open(base, '/sessie', { rol: 'medewerker' });
    await page.getByText('Deze pagina is voor leidinggevenden, HR en de integriteitscoördinator.').waitFor();
    expect(await navTeksten()).toEqual(['Integriteitsplein', 'Dilemma van de week']);
    await axe('sessie/medewerker');
    await open(base, '/dashboard', { rol: 'medewerker' });
    await page.getByText('Het dashboard is voor HR en de integriteitscoördinator.').waitFor();
    expect(await page.locator('table').count()).toBe(0);
    await axe('dashboard/medewerker');

    // The server decides, whatever the web app shows.
    const status = async (pad: string, rol: string) => (await fetch(`${base}/api${pad}`, { headers: { 'X-Dev-Rol': rol } })).status;
    expect(await status('/dilemmas', 'medewerker')).toBe(403);
    expect(await status('/dashboard/jaren', 'medewerker')).toBe(403);
    expect(await status('/dashboard/jaren', 'manager')).toBe(403);
    expect(await status('/dilemmas', 'manager')).toBe(200);
  });

  test('with ?lang=en the dilemma of the week is in English: title, text, options, explanation after the vote, questions', async () => {
    ditWeek('D-001');
    await open(base, '/dilemma', { lang: 'en', rol: 'medewerker' });
    await page.getByRole('heading', { name: "The supplier's dinner" }).waitFor();
    await page.getByText('A supplier with whom you have a tender in progress').waitFor();
    await page.getByRole('heading', { name: 'To discuss further' }).waitFor();
    await page.getByText('Does it matter that the tender is still running?').waitFor();
    expect(await page.getByText('(only available in Dutch)').count()).toBe(0);
    expect(await page.getByText('Het etentje van de leverancier').count()).toBe(0);
    await axe('dilemma/en/voor');
    await page.getByRole('radio', { name: 'I do not go and report the invitation' }).check();
    await page.getByRole('button', { name: 'Vote' }).click();
    await page.getByRole('heading', { name: 'Explanation' }).waitFor();
    await page.getByText(/^Under the code of conduct you do not accept invitations/).waitFor();
    await page
      .getByText(/^I do not go and report the invitation: 1 \(100%\)/)
      .first()
      .waitFor();
    await axe('dilemma/en/na');
    // Dutch stays Dutch.
    await open(base, '/dilemma', { lang: 'nl', rol: 'hr' });
    await page.getByRole('heading', { name: 'Het etentje van de leverancier' }).waitFor();
    await page.getByText('Maakt het uit of de aanbesteding nog loopt?').waitFor();
  });

  test('a dilemma without English is shown in Dutch with a note on the English page, without a note on the Dutch one', async () => {
    ditWeek('D-EIGEN');
    // Someone who has not voted this week yet (the dev identity follows the role), so the options are shown.
    await open(base, '/dilemma', { lang: 'en', rol: 'adviseurVpt' });
    const titel = page.getByRole('heading', { name: 'Het cadeau van de aannemer' });
    await titel.waitFor();
    expect(await titel.getAttribute('lang')).toBe('nl');
    await page.getByText('(only available in Dutch)').waitFor();
    await page.getByRole('radio', { name: 'Ik stuur de fles terug' }).waitFor();
    await axe('dilemma/en/alleen-nl');
    await open(base, '/dilemma', { lang: 'nl', rol: 'medewerker' });
    await page.getByRole('heading', { name: 'Het cadeau van de aannemer' }).waitFor();
    expect(await page.getByText('(alleen in het Nederlands beschikbaar)').count()).toBe(0);
    ditWeek('D-001');
  });

  test('the dashboard keeps its two download buttons on one row at 1280 px and in Teams at 1024 (nl and en, widest pickers); at 375 px they may stack', async () => {
    // 1280 px, and the same tab inside the Teams desktop window of a 1280 px screen (app bar and margins: about 1024 px wide).
    for (const px of [1280, 1024])
      for (const lang of ['nl', 'en']) {
        for (const url of [base, klein]) {
          await page.setViewportSize({ width: px, height: 900 });
          await open(url, '/dashboard', { rol: 'hr', lang });
          const docx = page.getByRole('button', { name: /\.docx/ });
          const xlsx = page.getByRole('button', { name: /\.xlsx/ });
          await xlsx.waitFor();
          if (url === klein) {
            // Earlier years are listed "(nog geen cijfers)": the longest option widens the year picker.
            const opties = await page
              .getByLabel(lang === 'nl' ? 'Verslagjaar' : 'Report year')
              .locator('option')
              .allTextContents();
            expect(opties).toContain(lang === 'nl' ? `${VORIG_JAAR - 1} (nog geen cijfers)` : `${VORIG_JAAR - 1} (no figures yet)`);
          }
          // Without and with small counts hidden (the long hint under that picker used to push .xlsx onto a line of its own).
          for (const drempel of ['', '5']) {
            await page
              .getByLabel(lang === 'nl' ? 'Kleine aantallen (hier en in het Word-verslag)' : 'Small counts (here and in the Word report)')
              .selectOption(drempel);
            const [a, b] = [(await docx.boundingBox())!, (await xlsx.boundingBox())!];
            const wat = { px, lang, url: url === klein ? 'klein' : 'demo', drempel };
            expect({ ...wat, zelfdeRij: Math.abs(a.y - b.y) < 1, naast: b.x > a.x + a.width }).toEqual({
              ...wat,
              zelfdeRij: true,
              naast: true,
            });
            expect(a.height).toBeLessThan(40); // one line of text each: no button wraps inside itself either
            expect(b.height).toBeLessThan(40);
          }
          await axe(`dashboard/${px}/${lang}`);
        }
      }
    await page.setViewportSize({ width: 375, height: 800 });
    await open(klein, '/dashboard', { rol: 'hr' });
    const xlsx = (await page.getByRole('button', { name: /\.xlsx/ }).boundingBox())!;
    expect(xlsx.x + xlsx.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await axe('dashboard/375');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("at 375 px the FAQ search's clear icon stays inside the search box (nl and en, every theme)", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const theme of ['default', 'dark', 'contrast'])
      for (const lang of ['nl', 'en']) {
        await open(base, '/', { rol: 'medewerker', lang, theme });
        await page.getByRole('searchbox').fill('melden');
        const maat = await page.evaluate(() => {
          const doos = document.querySelector('main .fui-SearchBox')!.getBoundingClientRect();
          const kruis = document.querySelector('main .fui-SearchBox__dismiss')!.getBoundingClientRect();
          return {
            uitsteek: Math.max(0, Math.round(kruis.right - doos.right)),
            binnenScherm: kruis.right <= document.documentElement.clientWidth,
          };
        });
        expect({ theme, lang, ...maat }).toEqual({ theme, lang, uitsteek: 0, binnenScherm: true });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      }
    await axe('portal/375/zoeken');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('the session summary names the target group in lower case mid-sentence (nl and en)', async () => {
    for (const [lang, doelgroep, verwacht] of [
      ['nl', 'afdeling', /^Moreel beraad light \(één casus in vijf stappen\) voor afdeling of team, dilemma’s: /],
      ['en', 'organisatiebreed', /^Light moral deliberation \(one case in five steps\) for the whole organisation, dilemmas: /],
    ] as const) {
      await open(base, '/sessie', { rol: 'manager', lang });
      await page.getByLabel(lang === 'nl' ? 'Doelgroep' : 'Audience').selectOption(doelgroep);
      await page.getByRole('button', { name: lang === 'nl' ? 'Start de sessie' : 'Start the session' }).click();
      for (let i = 0; i < 5; i++)
        await page
          .getByRole('button', {
            name: i === 4 ? (lang === 'nl' ? 'Sessie afronden' : 'Finish session') : lang === 'nl' ? 'Volgende stap' : 'Next step',
          })
          .click();
      await page.getByText(verwacht).waitFor();
      await axe(`sessie/afronden/${lang}`);
    }
  });
});
