import { vertaalUit, type Locale } from './basis';
import { tab } from './messages/tab';

export { tekstIn, toLocale, type Locale } from './basis';

/**
 * Translate a tab message (`tab.*` keys of `messages/tab.ts`, all pages) like `t` in `./index.ts`, without the
 * bot's and the report's messages. The web app itself translates with tab/web/src/berichten.ts, which loads each
 * page's part of the catalogue with that page.
 */
export function tTab(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  return vertaalUit(tab, locale, key, params);
}
