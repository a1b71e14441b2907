import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** The built tab web app (vite build --config tab/web/vite.config.ts). */
export const DIST = path.join(ROOT, 'tab/web/dist');

/** Newest modification time under `p` (files only), ms. */
function newest(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

/**
 * Build the web app once, unless dist is newer than every source it is built from.
 * @throws Error with vite's output when the build fails
 */
export function buildWebIfStale(): void {
  const index = path.join(DIST, 'index.html');
  const sources = [
    'tab/web/src',
    'tab/web/index.html',
    'tab/web/vite.config.ts',
    'tab/api/pagina-rollen.ts',
    'shared/src/i18n',
    'shared/src/domain',
    'shared/src/lists',
    'shared/src/report',
  ].map((p) => path.join(ROOT, p));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs > Math.max(...sources.map(newest))) return;
  buildWeb();
}

/**
 * Build the tab into tab/web/dist now (`vite build`, as `npm run build:tab`), whatever its state.
 * @returns the build's duration in ms. @throws Error with vite's stderr when the build fails.
 */
export function buildWeb(): number {
  const t0 = performance.now();
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'tab/web/vite.config.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr}`);
  return performance.now() - t0;
}
