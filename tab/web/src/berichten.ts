import { vertaalUit, type Catalogue, type Locale } from '@shared/i18n/basis';
import { tabApp } from '@shared/i18n/messages/tab-app';

/**
 * The tab messages the web app has loaded: the shell and portal part (`tab-app.ts`) with the entry, and each
 * lazily loaded page's part (`tab-dilemma.ts`, `tab-sessie.ts`, `tab-dashboard.ts`) when its chunk arrives, so
 * the first page does not carry the texts of pages it does not show (docs/decisions.md, bench/tab).
 */
const geladen: Catalogue = { nl: { ...tabApp.nl }, en: { ...tabApp.en } };

/**
 * Add a page's part of the tab catalogue. Called at the top of that page's module, so its texts are there before
 * it renders; adding a part twice is harmless.
 */
export function laadBerichten(deel: Catalogue): void {
  Object.assign(geladen.nl, deel.nl);
  Object.assign(geladen.en, deel.en);
}

/**
 * Translate a `tab.*` key like `tTab` (`@shared/i18n/tab`), over the parts loaded so far: English falls back to
 * Dutch, a missing key shows as itself (visible, never a crash).
 */
export function vertaal(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  return vertaalUit(geladen, locale, key, params);
}
