import { ambtseed } from './messages/ambtseed';
import { common } from './messages/common';
import { intake } from './messages/intake';
import { lijstsync } from './messages/lijstsync';
import { meldwijzer } from './messages/meldwijzer';
import { nevenwerk } from './messages/nevenwerk';
import { report } from './messages/report';
import { tab } from './messages/tab';
import { tijd } from './messages/tijd';
import { vog } from './messages/vog';
import { vertaalUit, type Catalogue, type Locale } from './basis';

export { tekstIn, toLocale, type Locale } from './basis';

/**
 * The one message catalogue for bot, tab and CLI (Dutch first, English second).
 * Each feature keeps its messages in `messages/<feature>.ts` as `{ nl: {...}, en: {...} }` and is added to
 * `CATALOGUES` below; keys are namespaced (`meldwijzer.welkom`, `intake.opgeslagen`…).
 */
const CATALOGUES: Catalogue[] = [common, meldwijzer, intake, ambtseed, tab, report, tijd, nevenwerk, vog, lijstsync];

const merged: Record<Locale, Record<string, string>> = { nl: {}, en: {} };
for (const c of CATALOGUES) {
  Object.assign(merged.nl, c.nl);
  Object.assign(merged.en, c.en);
}

/** Register a feature's catalogue (call once at module load). Later keys override earlier ones. */
export function registerMessages(c: Catalogue): void {
  Object.assign(merged.nl, c.nl);
  Object.assign(merged.en, c.en);
}

/**
 * Translate `key` into `locale`, filling `{name}` placeholders from `params`.
 * Falls back to Dutch, then to the key itself (so a missing message is visible, never a crash).
 */
export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  return vertaalUit(merged, locale, key, params);
}

/** All keys of the merged catalogue (tests check that both languages have every key). */
export function messageKeys(): { nl: string[]; en: string[] } {
  return { nl: Object.keys(merged.nl), en: Object.keys(merged.en) };
}
