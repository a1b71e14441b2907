import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { createTabRouter, type TabApiDeps } from './router';

/** The four pages of the tab; each is a static tab's `contentUrl` in the Teams manifest. */
export const TAB_PAGINAS = ['/', '/dilemma', '/sessie', '/dashboard'] as const;

/**
 * The tab's HTTP app: `/api/*` (see router.ts) and, when `webDist` holds a built web app, its static files
 * with `index.html` for each page path. Security headers allow framing by Teams (and localhost) only;
 * teams-js may fetch its list of valid host origins from res.cdn.office.net.
 */
export function createTabApp(deps: TabApiDeps & { webDist?: string }): Express {
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
  app.use('/api', createTabRouter(deps));
  const dist = deps.webDist;
  if (dist && fs.existsSync(path.join(dist, 'index.html'))) {
    app.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
    app.use(express.static(dist, { index: false, maxAge: 0 }));
    const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    app.get([...TAB_PAGINAS], (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(index);
    });
  }
  app.use((_req, res) => {
    res.status(404).type('text/plain; charset=utf-8').send('Niet gevonden.');
  });
  return app;
}
