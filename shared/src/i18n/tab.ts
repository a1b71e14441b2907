import { vertaalUit, type Locale } from './basis';
import { tab } from './messages/tab';

export { tekstIn, toLocale, type Locale } from './basis';

/**
 * Translate a tab message (`tab.*` keys of `messages/tab.ts`) like `t` in `./index.ts`, with only the tab's
 * catalogue loaded: the web app imports this, so its first page does not carry the bot's and the report's
 * messages (≈ 20 KB gzip).
 */
export function tTab(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  return vertaalUit(tab, locale, key, params);
}
