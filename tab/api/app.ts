import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { createTabRouter, type TabApiDeps } from './router';

/** The four pages of the tab; each is a static tab's `contentUrl` in the Teams manifest. */
export const TAB_PAGINAS = ['/', '/dilemma', '/sessie', '/dashboard'] as const;
/** The pages of the consent pop-up (teams-js `authentication.authenticate`): start → Entra → end. */
export const AANMELD_PAGINAS = ['/auth/start', '/auth/end'] as const;

/**
 * What the web app may know before anyone is signed in (`GET /api/aanmelding`, no auth): whether SSO is on,
 * the Entra client id and scope for the consent pop-up, and the Teams app id for the "open in Teams" link.
 * None of it is secret (all of it is in the Teams app package).
 */
export interface AanmeldInfo {
  modus: 'sso' | 'lokaal';
  clientId?: string;
  /** e.g. `api://<host>/<client id>/access_as_user`. */
  scope?: string;
  /** Teams app id (manifest `id`, `TEAMS_APP_ID`) for `https://teams.microsoft.com/l/app/<id>`. */
  teamsAppId?: string;
}

/** `AanmeldInfo` from the environment (TAB_SSO_CLIENT_ID, TAB_SSO_HOST, TEAMS_APP_ID). */
export function aanmeldInfoVanEnv(env: NodeJS.ProcessEnv = process.env): AanmeldInfo {
  const clientId = env.TAB_SSO_CLIENT_ID?.trim();
  const teamsAppId = /^[0-9a-f-]{36}$/i.test(env.TEAMS_APP_ID?.trim() ?? '') ? env.TEAMS_APP_ID!.trim() : undefined;
  if (!clientId) return { modus: 'lokaal', teamsAppId };
  const host = env.TAB_SSO_HOST?.trim();
  return { modus: 'sso', clientId, scope: host ? `api://${host}/${clientId}/access_as_user` : `${clientId}/.default`, teamsAppId };
}

/**
 * The tab's HTTP app: `/api/*` (see router.ts) and, when `webDist` holds a built web app, its static files
 * with `index.html` for each page path. Security headers allow framing by Teams (and localhost) only;
 * teams-js may fetch its list of valid host origins from res.cdn.office.net.
 */
export function createTabApp(deps: TabApiDeps & { webDist?: string; aanmeldInfo?: AanmeldInfo }): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' https://res.cdn.office.net; " +
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com http://localhost:*",
    );
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const aanmeldInfo = deps.aanmeldInfo ?? { modus: 'lokaal' };
  app.get('/api/aanmelding', (_req, res) => {
    res.json(aanmeldInfo);
  });
  app.use('/api', createTabRouter(deps));
  const dist = deps.webDist;
  if (dist && fs.existsSync(path.join(dist, 'index.html'))) {
    app.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
    app.use(express.static(dist, { index: false, maxAge: 0 }));
    const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    app.get([...TAB_PAGINAS, ...AANMELD_PAGINAS], (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(index);
    });
  }
  app.use((_req, res) => {
    res.status(404).type('text/plain; charset=utf-8').send('Niet gevonden.');
  });
  return app;
}
