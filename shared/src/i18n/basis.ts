/**
 * The parts of the message catalogue that need no messages: the locale type, locale detection, config texts
 * and filling placeholders. Split from `index.ts` so the tab's first page can translate with its own
 * messages only (`./tab.ts`) instead of loading every feature's catalogue.
 */
export type Locale = 'nl' | 'en';

/** Messages per locale, as each `messages/<feature>.ts` exports them. */
export type Catalogue = { nl: Record<string, string>; en: Record<string, string> };

/** `nl` unless the locale (e.g. Teams `en-US`, `en-GB`) is English. */
export function toLocale(teamsLocale: string | undefined | null): Locale {
  return teamsLocale && /^en\b/i.test(teamsLocale) ? 'en' : 'nl';
}

/** Pick the text for `locale` from a config text `{ nl, en? }` (English falls back to Dutch). */
export function tekstIn(locale: Locale, tekst: { nl: string; en?: string }): string {
  return locale === 'en' ? (tekst.en ?? tekst.nl) : tekst.nl;
}

/**
 * The message `key` of `catalogus` in `locale` with `{name}` placeholders filled from `params`. Falls back to
 * Dutch, then to the key itself (so a missing message is visible, never a crash).
 */
export function vertaalUit(
  catalogus: Record<Locale, Record<string, string>>,
  locale: Locale,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const template = catalogus[locale][key] ?? catalogus.nl[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}
