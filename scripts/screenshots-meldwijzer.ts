/**
 * Screenshots of the meldwijzer cards in the Microsoft 365 Agents Playground (Teams channel `msteams`), in
 * Dutch, at 1280x900 and 375x812, in headless Chromium (/usr/bin/chromium, or CHROMIUM_PATH). Evidence for
 * issues; the PNGs go to docs/screenshots/meldwijzer/.
 *
 * Run: npx tsx scripts/screenshots-meldwijzer.ts [org]   (org: a config/<org>.yaml, default `demo`)
 *
 * What it does: starts the bot (bot/src/server.ts, SQLite in a temp directory, local mode), a small HTTP proxy in
 * front of the bot's /api/messages, and the Agents Playground against that proxy. The Playground's server
 * hard-codes `locale: "en-US"` in the activities it builds (so the bot would answer in English); the proxy
 * rewrites `activity.locale` and the clientInfo entity's `locale` to "nl-NL" before passing each activity on,
 * so the bot answers in Dutch. (Rewriting in the browser with `page.route` does not help: the browser talks to
 * the Playground server, which builds the activity.) Each question is typed into the Playground (one conversation,
 * in order), the answer card is awaited, the chat is scrolled so the question is at the top, and a screenshot is
 * taken at both widths; when the answers are taller than the viewport, the viewport is made taller (same width).
 * The Playground's log panel is hidden; at 375 px its desktop layout is adapted (chat list and toolbar hidden,
 * cards limited to the chat width, as a phone client shows them), see LAYOUT. The Playground user is its default
 * mock user Alex Wilber, whom config/demo.yaml makes integriteitscoördinator (so "help" lists those commands too).
 * Everything it started (browser, Playground, proxy, bot, temp directory) is stopped at the end, also on error.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, typInPlayground } from '../tests/support/chromium';
import { startBotEnPlayground, type BotEnPlayground } from '../tests/support/playground';
import { freePort } from '../tests/support/processes';

const root = path.resolve(__dirname, '..');
const OUT = path.join(root, 'docs/screenshots/meldwijzer');
const ORG = process.argv[2] ?? 'demo';
const LOCALE = 'nl-NL';
const VIEWPORTS = [
  { naam: '1280', width: 1280, height: 900 },
  { naam: '375', width: 375, height: 812 },
] as const;

/** Set `locale` (activity and clientInfo entities) to nl-NL in an activity JSON body; other bodies unchanged. */
function naarNederlands(body: Buffer): Buffer {
  try {
    const a = JSON.parse(body.toString('utf8')) as { locale?: string; entities?: { type?: string; locale?: string }[] };
    a.locale = LOCALE;
    for (const e of a.entities ?? []) if (e.type === 'clientInfo') e.locale = LOCALE;
    return Buffer.from(JSON.stringify(a));
  } catch {
    return body;
  }
}

/** An HTTP proxy on `port` to the bot on `botPort` that rewrites POST bodies with `naarNederlands`. */
function startProxy(port: number, botPort: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = req.method === 'POST' ? naarNederlands(Buffer.concat(chunks)) : Buffer.concat(chunks);
      const headers = { ...req.headers, host: `127.0.0.1:${botPort}`, 'content-length': String(body.length) };
      const up = http.request({ host: '127.0.0.1', port: botPort, path: req.url, method: req.method, headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', (err) => {
        res.writeHead(502);
        res.end(String(err));
      });
      up.end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** Bot + proxy + Playground + browser page; `close()` stops them all and removes the temp directory. */
async function startSessie(): Promise<{ page: Page; url: string; close(): Promise<void> }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-screenshots-'));
  const [botPort, proxyPort] = [await freePort(), await freePort()];
  let browser: BrowserContext | undefined;
  let proxy: http.Server | undefined;
  let processen: BotEnPlayground | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    processen?.stop();
    proxy?.closeAllConnections();
    await new Promise((r) => (proxy ? proxy.close(() => r(undefined)) : r(undefined)));
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  try {
    proxy = await startProxy(proxyPort, botPort);
    processen = await startBotEnPlayground({ org: ORG, tmp, botPort, berichtenPoort: proxyPort });
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });
    return { page, url: processen.url, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Do `actie` (type a message, click a button) and wait until the chat shows one more Adaptive Card than before. */
async function naNieuweKaart(page: Page, actie: () => Promise<void>): Promise<void> {
  const voor = await page.locator('.ac-adaptiveCard').count();
  await actie();
  await page.waitForFunction((v) => document.querySelectorAll('.ac-adaptiveCard').length > v, voor, { timeout: 20_000 });
}

/** The last Adaptive Card containing `tekst`, once it is there. */
async function kaart(page: Page, tekst: string | RegExp): Promise<Locator> {
  const k = page.locator('.ac-adaptiveCard', { hasText: tekst }).last();
  await k.waitFor({ timeout: 30_000 });
  return k;
}

/**
 * Layout tweaks in the Playground page. The log panel (it repeats every message) is always hidden. The
 * Playground is a desktop layout (its chat pane has min-width 600 px, the chat list sits beside it, and an
 * Adaptive Card is laid out at a fixed ~446 px), so at 375 px the card would be cut off: in narrow mode the chat
 * list and the header toolbar are hidden, the chat pane's min-widths dropped and each card (with its bubble) is
 * limited to the width available, as a phone client lays it out.
 * Page code is kept as strings and eval'ed in the page: tsx would add a `__name` helper to functions, which the
 * page does not have.
 */
const LAYOUT = `(smal) => {
  if (!document.getElementById('ip-layout')) {
    const st = document.createElement('style');
    st.id = 'ip-layout';
    st.textContent = '[data-ip-log]{display:none!important}' +
      'html.ip-smal [data-ip-minw]{min-width:0!important;width:100%!important;max-width:100%!important}' +
      'html.ip-smal [data-ip-nav],html.ip-smal [data-ip-tb]{display:none!important}' +
      'html.ip-smal [data-ip-kaart]{min-width:0!important;max-width:100%!important;width:100%!important;flex-shrink:1!important;box-sizing:border-box!important}' +
      'html.ip-smal .fai-OutputCard[data-ip-kaart]{width:calc(100vw - 72px)!important;max-width:calc(100vw - 72px)!important}';
    document.head.appendChild(st);
  }
  const box = document.querySelector('[role="textbox"][contenteditable="true"]');
  const nav = document.querySelector('[role="region"][aria-label="Chat and Teams Channel"]');
  let pane = null;
  for (let e = box; e && e !== document.body; e = e.parentElement) {
    const mw = getComputedStyle(e).minWidth;
    if (mw !== '0px' && mw !== 'auto') e.setAttribute('data-ip-minw', '');
    if (nav && e.parentElement && e.parentElement.contains(nav) && !e.contains(nav)) {
      let voor = true;
      for (const c of Array.from(e.parentElement.children)) {
        if (c === e) { voor = false; continue; }
        c.setAttribute(voor ? 'data-ip-nav' : 'data-ip-log', '');
      }
      pane = e;
    }
  }
  const tb = document.querySelector('[role="toolbar"]');
  if (tb) tb.setAttribute('data-ip-tb', '');
  for (const k of Array.from(document.querySelectorAll('.ac-adaptiveCard'))) {
    for (let e = k, i = 0; e && e !== pane && i < 6; e = e.parentElement, i++) e.setAttribute('data-ip-kaart', '');
  }
  document.documentElement.classList.toggle('ip-smal', smal);
}`;

/**
 * Scroll the chat so that `el` is near the top, and return how tall the viewport must be to show everything
 * from `el` to the end of the chat (the answers of this step) in one screenshot.
 */
const SCROLL = `(node) => {
  let p = node.parentElement;
  while (p && !(p.scrollHeight > p.clientHeight && /(auto|scroll)/.test(getComputedStyle(p).overflowY))) p = p.parentElement;
  if (!p) return 0;
  const top = node.getBoundingClientRect().top - p.getBoundingClientRect().top + p.scrollTop - 36;
  p.scrollTop = top;
  return (p.scrollHeight - top) - p.clientHeight;
}`;

/** Apply LAYOUT in the page (narrow mode on or off). */
async function layout(page: Page, smal: boolean): Promise<void> {
  await page.evaluate((a) => (globalThis.eval(a.src) as (smal: boolean) => void)(a.smal), { src: LAYOUT, smal });
}

/** Run SCROLL on `el`: scroll it to the top of the chat, return the extra height the step's answers need. */
function scrollNaar(el: Locator): Promise<number> {
  return el.evaluate((node, src) => (globalThis.eval(src) as (n: Element) => number)(node), SCROLL);
}

/**
 * A screenshot per width (1280x900, 375x812) that starts at `anker` (the question or card) and shows everything
 * after it in the chat: when the answers are taller than the viewport, the viewport is made taller (same width,
 * at most 2600 px) rather than taking a full-page shot of the whole conversation.
 */
async function shoot(page: Page, naam: string, anker: () => Promise<Locator>): Promise<void> {
  for (const v of VIEWPORTS) {
    await page.setViewportSize({ width: v.width, height: v.height });
    await layout(page, v.width < 600);
    await page.waitForTimeout(600);
    const el = await anker();
    const extra = await scrollNaar(el).catch(() => 0);
    const h = Math.min(2600, v.height + Math.max(0, Math.ceil(extra) + 8));
    if (h !== v.height) await page.setViewportSize({ width: v.width, height: h });
    await page.waitForTimeout(500);
    await scrollNaar(el);
    await page.mouse.move(1, 1); // no hover highlight on a button
    await page.waitForTimeout(400);
    const file = path.join(OUT, `${naam}-${v.naam}.png`);
    await page.screenshot({ path: file });
    console.log(`  ${path.relative(root, file)} (${v.width}x${h})`);
  }
  await layout(page, false);
  await page.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const sessie = await startSessie();
  const { page } = sessie;
  try {
    await page.goto(sessie.url, { waitUntil: 'domcontentloaded' });
    // The welcome card on install (conversationUpdate, rewritten to nl-NL).
    await page.getByText('Een chat in Teams is niet anoniem', { exact: false }).first().waitFor({ timeout: 45_000 });
    await page.waitForTimeout(1000);
    const typ = (t: string) => typInPlayground(page, t);
    /** The user's own message bubble in the chat (the anchor of a step's screenshot). */
    const bubbel = async (t: string) => page.getByText(t, { exact: true }).filter({ visible: true }).last();

    // 1. Ongewenst gedrag door je leidinggevende: the question card, then click through to the result.
    console.log('1. leidinggevende');
    await typ('mijn leidinggevende schreeuwt steeds tegen me');
    await kaart(page, 'Ongewenst gedrag door je leidinggevende');
    await shoot(page, '01-leidinggevende', () => bubbel('mijn leidinggevende schreeuwt steeds tegen me'));
    for (let i = 0; i < 6; i++) {
      const laatste = page.locator('.ac-adaptiveCard').last();
      if (await laatste.getByText('Hier kun je terecht').count()) break;
      const knoppen = laatste.locator('button:visible');
      const n = await knoppen.count();
      // The first answer button of the question card (not "Terug"/"Opnieuw").
      let geklikt = false;
      for (let j = 0; j < n; j++) {
        const label = (await knoppen.nth(j).innerText()).trim();
        if (/^(Terug|Opnieuw|Begin opnieuw)/i.test(label)) continue;
        console.log(`   klik: ${label}`);
        await naNieuweKaart(page, () => knoppen.nth(j).click());
        await page.waitForTimeout(800);
        geklikt = true;
        break;
      }
      if (!geklikt) break;
    }
    await shoot(page, '01-leidinggevende-resultaat', () => kaart(page, 'Hier kun je terecht'));

    // 2. Privacy.
    console.log('2. privacy');
    await typ('Is deze chat anoniem?');
    await kaart(page, 'Privacy en anoniem melden');
    await page.waitForTimeout(2500);
    await shoot(page, '02-privacy', () => bubbel('Is deze chat anoniem?'));

    // 3. Geschenken (FAQ, then the route) and 4. agressie van een burger: type, wait for the card, shoot.
    for (const [naam, tekst] of [
      ['03-kerstpakket', 'Mag ik een kerstpakket van een leverancier houden?'],
      ['04-agressie', 'een burger bedreigde me aan de balie'],
    ] as const) {
      console.log(naam);
      await naNieuweKaart(page, () => typ(tekst));
      await page.waitForTimeout(2500);
      await shoot(page, naam, () => bubbel(tekst));
    }

    // 5. Help.
    console.log('5. help');
    await typ('help');
    await page.getByText('Ik ben de meldwijzer', { exact: false }).last().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1500);
    await shoot(page, '05-help', () => bubbel('help'));
  } catch (err) {
    // For debugging: what the page showed when it failed (outside the repository).
    await page.screenshot({ path: path.join(os.tmpdir(), 'ip-screenshots-fout.png') }).catch(() => undefined);
    fs.writeFileSync(
      path.join(os.tmpdir(), 'ip-screenshots-fout.txt'),
      await page
        .locator('body')
        .innerText()
        .catch(() => ''),
    );
    throw err;
  } finally {
    await sessie.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
