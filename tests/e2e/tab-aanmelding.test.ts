/**
 * Tab sign-in in a real tenant (issue 14, item 7), in headless Chromium against the built web app.
 * Teams is played by a host page that frames the tab, and teams-js by a stub: the built teams-js chunk is
 * answered with a module exporting `app` and `authentication` whose behaviour each test sets in
 * `window.__teams` (an init script). The tab API runs in SSO mode with an authenticator that accepts the
 * stub's token only, so a page that renders proves the token was fetched after consent.
 * - `getAuthToken` fails with `resourceRequiresConsent` → a "Toestemming geven" button; a click starts
 *   `authentication.authenticate` once (with a user gesture) and then the tab retries and renders.
 * - other failures say what to do (not set up: contact the administrator; pop-up closed: click again).
 * - outside Teams (not framed, or framed and initialize never resolves): "werkt het best in Teams" and the
 *   deep link to the Teams app.
 * - the pop-up pages: /auth/start sends the pop-up to Entra with prompt=consent, /auth/end reports back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { loadOrgConfig } from '@shared/config';
import { seedDemo } from '@shared/cli/seed';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import { AuthError } from '../../tab/api/auth';
import { createTabApp } from '../../tab/api/app';
import { describeWithChromium, launchBrowser } from '../support/browser';
import { buildWebIfStale, DIST } from '../support/web-build';

const ROOT = path.resolve(__dirname, '../..');
const TEAMS_APP_ID = '8c1e7f2a-5b3d-4e6f-9a0b-1c2d3e4f5a6b';

/** What the teams-js stub does (see STUB). */
interface StubGedrag {
  tokenFout?: string | null;
  authFout?: string | null;
  initHangt?: boolean;
}

/** The stand-in for the teams-js chunk: same export names (`app`, `authentication`), behaviour from window.__teams. */
const STUB = `
const s = window.__teams;
const nooit = () => new Promise(() => {});
export const app = {
  initialize: () => (s.initHangt ? nooit() : Promise.resolve()),
  getContext: async () => ({ app: { locale: 'nl-NL', theme: 'default' }, user: { tenant: { id: 'tenant-1' }, loginHint: 'medewerker@example.org' } }),
  notifySuccess: () => {},
  registerOnThemeChangeHandler: () => {},
};
export const authentication = {
  getAuthToken: async () => {
    s.oproepen.push('getAuthToken');
    if (s.tokenFout && !s.toestemming) throw new Error(s.tokenFout);
    return 'token-na-toestemming';
  },
  authenticate: async (p) => {
    s.oproepen.push({ authenticate: p.url, gebaar: navigator.userActivation.isActive });
    if (s.authFout) throw new Error(s.authFout);
    s.toestemming = true;
    return 'toestemming';
  },
  notifySuccess: (r) => s.oproepen.push({ notifySuccess: r }),
  notifyFailure: (r) => s.oproepen.push({ notifyFailure: r }),
};
`;

/** The built teams-js chunk: the asset that exports `authentication` (its name carries a content hash). */
function teamsChunk(): string {
  const dir = path.join(DIST, 'assets');
  const f = fs.readdirSync(dir).find((n) => n.endsWith('.js') && /as authentication[,}]/.test(fs.readFileSync(path.join(dir, n), 'utf8')));
  if (!f) throw new Error('teams-js-chunk niet gevonden in tab/web/dist/assets');
  return f;
}

describeWithChromium('tab sign-in in a real tenant (e2e, Chromium, teams-js stub)', () => {
  let server: Server;
  let base = '';
  let store: SqliteListStore;
  let tmp = '';
  let browser: BrowserContext;
  let chunk = '';
  // The "Teams" page that frames the tab: a real loopback server (Chromium's local-network checks refuse a
  // routed page framing 127.0.0.1), reached as localhost, which the tab's frame-ancestors allows.
  let teamsHost: Server;
  let hostUrl = '';
  let framePad = '/';

  beforeAll(async () => {
    buildWebIfStale();
    chunk = teamsChunk();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tab-aanmelding-'));
    store = new SqliteListStore(path.join(tmp, 'ip.db'));
    await seedDemo(store, 'demo');
    const config = loadOrgConfig('demo', path.join(ROOT, 'config'));
    const app = createTabApp({
      store,
      config,
      db: store.db,
      // SSO mode as far as the web app can tell; only the stub's token after consent is accepted.
      authenticate: async (req) => {
        if (req.header('authorization') !== 'Bearer token-na-toestemming')
          throw new AuthError(401, 'Je aanmelding is ongeldig of verlopen.');
        return { id: 'aaaaaaaa-0000-0000-0000-000000000001', modus: 'sso', rollen: ['medewerker'] };
      },
      aanmeldInfo: {
        modus: 'sso',
        clientId: '11111111-1111-1111-1111-111111111111',
        scope: 'api://tab.example.nl/11111111-1111-1111-1111-111111111111/access_as_user',
        teamsAppId: TEAMS_APP_ID,
      },
      webDist: DIST,
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((r) => server.once('listening', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    teamsHost = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><title>Teams</title><iframe title="tab" src="${base}${framePad}" style="width:1200px;height:900px"></iframe>`,
      );
    });
    teamsHost.listen(0, '127.0.0.1');
    await new Promise<void>((r) => teamsHost.once('listening', () => r()));
    hostUrl = `http://localhost:${(teamsHost.address() as AddressInfo).port}/teams-host`;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await new Promise((r) => teamsHost?.close(r));
    await store?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A fresh page with the stub in place; `framed` loads the tab inside a Teams-like host page. */
  async function nieuwePagina(gedrag: StubGedrag, opties: { framed?: boolean; pad?: string } = {}): Promise<Page> {
    const page = await browser.newPage();
    await page.addInitScript((g) => {
      (window as unknown as { __teams: unknown }).__teams = { oproepen: [], toestemming: false, ...g };
    }, gedrag);
    await page.route(`**/assets/${chunk}`, (r) => r.fulfill({ contentType: 'text/javascript', body: STUB }));
    framePad = opties.pad ?? '/';
    await page.goto(opties.framed === false ? `${base}${framePad}` : hostUrl);
    return page;
  }
  const tabFrame = (page: Page) => page.frames().find((f) => f.url().startsWith(base))!;
  const oproepen = (page: Page, framed = true) =>
    (framed ? tabFrame(page) : page.mainFrame()).evaluate(
      () => (window as unknown as { __teams: { oproepen: unknown[] } }).__teams.oproepen,
    );

  test('consent needed: a button starts authenticate once (user gesture), then the tab retries and renders', async () => {
    const page = await nieuwePagina({ tokenFout: 'resourceRequiresConsent' });
    try {
      const tab = page.frameLocator('iframe');
      await tab.getByText('Het Integriteitsplein heeft eenmalig je toestemming nodig').waitFor();
      expect(await oproepen(page)).toEqual(['getAuthToken']); // no pop-up without a click
      await tab.getByRole('button', { name: 'Toestemming geven' }).click();
      await tab.locator('main h1').first().waitFor();
      expect(await tab.locator('main h1').first().textContent()).toBe('Integriteitsplein');
      const calls = await oproepen(page);
      expect(calls.filter((c) => typeof c === 'object')).toEqual([{ authenticate: `${base}/auth/start?lang=nl`, gebaar: true }]);
      expect(calls.filter((c) => c === 'getAuthToken').length).toBeGreaterThanOrEqual(2);
    } finally {
      await page.close();
    }
  });

  test('consent_required from Entra is recognised the same way', async () => {
    const page = await nieuwePagina({ tokenFout: 'AADSTS65001: consent_required' });
    try {
      await page.frameLocator('iframe').getByRole('button', { name: 'Toestemming geven' }).waitFor();
    } finally {
      await page.close();
    }
  });

  test('the pop-up closed before consent: says so, the button stays for another try', async () => {
    const page = await nieuwePagina({ tokenFout: 'resourceRequiresConsent', authFout: 'CancelledByUser' });
    try {
      const tab = page.frameLocator('iframe');
      await tab.getByRole('button', { name: 'Toestemming geven' }).click();
      await tab.getByText('Het aanmeldvenster is gesloten voordat de toestemming was gegeven').waitFor();
      expect(await tab.getByRole('button', { name: 'Toestemming geven' }).isEnabled()).toBe(true);
      expect((await oproepen(page)).filter((c) => typeof c === 'object')).toHaveLength(1);
    } finally {
      await page.close();
    }
  });

  test('other failures say what to do, without a consent button', async () => {
    const page = await nieuwePagina({ tokenFout: 'resourceDisabled' });
    try {
      const tab = page.frameLocator('iframe');
      await tab.getByText('De aanmelding van deze app is niet goed ingericht').waitFor();
      expect(await tab.getByText('Neem contact op met de beheerder van het Integriteitsplein.').count()).toBe(1);
      expect(await tab.getByRole('button', { name: 'Toestemming geven' }).count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  test('outside Teams (framed, initialize never resolves): after the timeout it says it works best in Teams, with the deep link', async () => {
    const page = await nieuwePagina({ initHangt: true });
    try {
      const tab = page.frameLocator('iframe');
      const start = Date.now();
      await tab.getByText('Het Integriteitsplein werkt het best in Microsoft Teams').waitFor({ timeout: 15_000 });
      expect(Date.now() - start).toBeGreaterThan(2500); // the 3 s initialise timeout (omgeving.ts)
      expect(await tab.getByRole('link', { name: 'Openen in Teams' }).getAttribute('href')).toBe(
        `https://teams.microsoft.com/l/app/${TEAMS_APP_ID}`,
      );
    } finally {
      await page.close();
    }
  });

  test('outside Teams (a plain browser tab): the same message and link, no error bar', async () => {
    const page = await nieuwePagina({}, { framed: false });
    try {
      await page.getByText('Het Integriteitsplein werkt het best in Microsoft Teams').waitFor();
      expect(await page.getByRole('link', { name: 'Openen in Teams' }).getAttribute('href')).toBe(
        `https://teams.microsoft.com/l/app/${TEAMS_APP_ID}`,
      );
      expect(await page.getByText('Niet aangemeld').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  test('the consent pop-up: /auth/start goes to Entra with prompt=consent, /auth/end reports success (state checked)', async () => {
    const page = await browser.newPage();
    try {
      await page.addInitScript(() => {
        (window as unknown as { __teams: unknown }).__teams = { oproepen: [], toestemming: false };
      });
      await page.route(`**/assets/${chunk}`, (r) => r.fulfill({ contentType: 'text/javascript', body: STUB }));
      let entra: URL | undefined;
      await page.route('https://login.microsoftonline.com/**', (r) => {
        entra = new URL(r.request().url());
        // Entra would ask for consent and redirect back with a code and the same state.
        return r.fulfill({ status: 302, headers: { location: `${base}/auth/end?code=abc&state=${entra.searchParams.get('state')}` } });
      });
      await page.goto(`${base}/auth/start?lang=nl`);
      await page.waitForURL(`${base}/auth/end?**`);
      await page.waitForFunction(() => (window as unknown as { __teams: { oproepen: unknown[] } }).__teams.oproepen.length > 0);
      expect(entra?.pathname).toBe('/tenant-1/oauth2/v2.0/authorize');
      expect(Object.fromEntries(entra!.searchParams)).toEqual({
        client_id: '11111111-1111-1111-1111-111111111111',
        response_type: 'code',
        response_mode: 'query',
        redirect_uri: `${base}/auth/end`,
        scope: 'api://tab.example.nl/11111111-1111-1111-1111-111111111111/access_as_user openid profile',
        prompt: 'consent',
        state: expect.stringMatching(/^[0-9a-f-]{36}$/),
        ui_locales: 'nl',
        login_hint: 'medewerker@example.org',
      });
      expect(await oproepen(page, false)).toEqual([{ notifySuccess: 'toestemming' }]);
      // A redirect with a state this pop-up did not make is refused.
      await page.goto(`${base}/auth/end?code=abc&state=vervalst`);
      await page.waitForFunction(() => (window as unknown as { __teams: { oproepen: unknown[] } }).__teams.oproepen.length > 0);
      expect(await oproepen(page, false)).toEqual([{ notifyFailure: 'state_mismatch' }]);
      // Entra's refusal is passed on.
      await page.goto(`${base}/auth/end?error=access_denied&state=x`);
      await page.waitForFunction(() => (window as unknown as { __teams: { oproepen: unknown[] } }).__teams.oproepen.length > 0);
      expect(await oproepen(page, false)).toEqual([{ notifyFailure: 'access_denied' }]);
    } finally {
      await page.close();
    }
  });
});
