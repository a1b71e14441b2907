/**
 * bench/tab — not a test. Builds the tab (vite build), then reports:
 *  1. the portal page's initial JS and CSS (the entry script, its modulepreloads and stylesheets in
 *     dist/index.html), raw and gzip bytes (target: initial JS ≤ 150 KB gzip), and which chunks are NOT initial
 *     (the dashboard, the charts, the portal's folding sections, teams-js and the dark themes load when needed);
 *  2. in headless Chromium on loopback: the portal's first contentful paint and the time until the portal is
 *     rendered with its data (h1 + "Waar kan ik terecht?"), median of 5 cold loads, against a baseline in the
 *     same run: a bare static HTML page with one heading from the same server (target: ratio ≤ 2×);
 *  3. that opening the portal requests no dashboard/chart chunk, and opening the dashboard does.
 *
 * Run: npm run bench -- tab   (or: npx tsx bench/tab.ts)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { loadOrgConfig } from '@shared/config';
import { seedDemo } from '@shared/cli/seed';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import { createAuthenticator } from '../tab/api/auth';
import { createTabApp } from '../tab/api/app';
import { buildWeb } from '../tests/support/web-build';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'tab/web/dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Initial assets of index.html: module entry, modulepreloads, stylesheets. */
function initialAssets(): { js: string[]; css: string[] } {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const attr = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);
  return {
    js: [
      ...new Set([...attr(/<script[^>]+type="module"[^>]+src="([^"]+)"/g), ...attr(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)]),
    ],
    css: attr(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
  };
}

function sizes(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(DIST, f.replace(/^\//, '')));
    raw += buf.length;
    gzip += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gzip };
}

async function main(): Promise<void> {
  const buildMs = buildWeb();
  const initial = initialAssets();
  const js = sizes(initial.js);
  const css = sizes(initial.css);
  const alle = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const lazy = alle.filter((f) => !initial.js.includes(`/assets/${f}`) && !initial.css.includes(`/assets/${f}`));
  const lazySizes = sizes(lazy.map((f) => `assets/${f}`));

  // Server with demo data, in this process (local mode).
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-tab-'));
  const store = new SqliteListStore(path.join(tmp, 'ip.db'));
  await seedDemo(store, 'demo');
  const config = loadOrgConfig('demo', path.join(ROOT, 'config'));
  const app = createTabApp({ store, config, db: store.db, authenticate: createAuthenticator({ modus: 'lokaal' }, config), webDist: DIST });
  const baselineHtml =
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>basis</title></head><body><main><h1>Integriteitsplein</h1></main></body></html>';
  const express = (await import('express')).default;
  const host = express();
  host.get('/basis', (_req, res) => {
    res.type('html').send(baselineHtml);
  });
  host.use(app);
  const server = host.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  const meet = async (url: string, klaar: string) => {
    const fcp: number[] = [];
    const ready: number[] = [];
    const requests: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext(); // cold cache every run
      const page = await ctx.newPage();
      page.on('request', (r) => requests.push(r.url()));
      const t0 = Date.now();
      await page.goto(url);
      await page.waitForSelector(klaar, { timeout: 30000 });
      ready.push(Date.now() - t0);
      fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
      await ctx.close();
    }
    return { fcp: median(fcp), ready: median(ready), requests };
  };
  const basis = await meet(`${base}/basis`, 'h1');
  const portal = await meet(`${base}/`, 'text=Waar kan ik terecht?');
  const dashboard = await meet(`${base}/dashboard?rol=hr`, 'svg[role="img"]');
  await browser.close();
  await new Promise((r) => server.close(r));
  await store.close();
  fs.rmSync(tmp, { recursive: true, force: true });

  const isLazyChunk = (u: string) => /\/assets\/(Dashboard|Staafdiagram)-/.test(u);
  const portalLaadtDashboard = portal.requests.some(isLazyChunk);
  const dashboardLaadt = dashboard.requests
    .filter(isLazyChunk)
    .map((u) => u.replace(/^.*\/assets\//, '').replace(/-[\w-]+\.js$/, ''))
    .filter((v, i, a) => a.indexOf(v) === i);

  console.log(`bench/tab: vite build ${Math.round(buildMs)} ms`);
  console.log(
    `  portal initial JS   ${initial.js.length} files, ${kb(js.raw)} raw, ${kb(js.gzip)} gzip  (target ≤ 150 KB: ${js.gzip <= 150 * 1024 ? 'OK' : 'OVER'})`,
  );
  console.log(
    `  portal initial CSS  ${initial.css.length} files, ${kb(css.raw)} raw, ${kb(css.gzip)} gzip  (Fluent v9 styles are atomic CSS inserted by Griffel at run time)`,
  );
  console.log(`  initial JS+CSS gzip ${kb(js.gzip + css.gzip)}  (target ≤ 250 KB: ${js.gzip + css.gzip <= 250 * 1024 ? 'OK' : 'OVER'})`);
  console.log(`  loaded on demand    ${lazy.length} chunks, ${kb(lazySizes.gzip)} gzip: ${lazy.join(', ')}`);
  console.log(
    `  portal requests a dashboard/chart chunk: ${portalLaadtDashboard ? 'YES (wrong)' : 'no'}; the dashboard loads: ${dashboardLaadt.join(', ') || '(none!)'}`,
  );
  const fcpRatio = portal.fcp / basis.fcp;
  console.log(
    `  first contentful paint (median of ${RUNS}, cold): portal ${portal.fcp.toFixed(0)} ms, baseline static page ${basis.fcp.toFixed(0)} ms, ratio ${fcpRatio.toFixed(2)}×  (target ≤ 2×: ${fcpRatio <= 2 ? 'OK' : 'OVER'})`,
  );
  console.log(
    `  portal rendered with data: ${portal.ready} ms (baseline ${basis.ready} ms, ratio ${(portal.ready / basis.ready).toFixed(2)}×); dashboard with charts: ${dashboard.ready} ms`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
