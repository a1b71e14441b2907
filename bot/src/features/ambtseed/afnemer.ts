import type { OrgConfig } from '@shared/config';
import { tekstIn, type Locale } from '@shared/i18n';

/**
 * The ceremony official (`ambtseed.afnemer` in the organisation file, e.g. `{ nl: "de provinciesecretaris",
 * en: "the provincial secretary" }`) in lists and documents. A session stores its official as text
 * (`AmbtseedSessies.afnemer`); when that is the configured official it is stored in the organisation's language
 * (Dutch), whatever language HR works in, and shown in the reader's language where the config has it. Any other
 * text (an official HR typed) is shown as typed.
 */

/** The organisation's language: config texts kept in lists and shared documents (a Graph event for all) use it. */
export const ORGANISATIETAAL: Locale = 'nl';

const gelijk = (a: string, b: string | undefined) =>
  b !== undefined && a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

/** True when `tekst` is the configured official in one of its languages (case and outer spaces ignored). */
function isConfigAfnemer(tekst: string, config: OrgConfig): boolean {
  const a: { nl: string; en?: string } = config.ambtseed.afnemer;
  return gelijk(tekst, a.nl) || gelijk(tekst, a.en);
}

/** What to store for the official HR entered: the config's Dutch text when it is the configured official, else as entered. */
export function afnemerOpslaan(ingevoerd: string, config: OrgConfig): string {
  return isConfigAfnemer(ingevoerd, config) ? config.ambtseed.afnemer.nl : ingevoerd.trim();
}

/**
 * A session's official in `l`: the configured official in `l` (Dutch when the config has no `l`), also when an
 * older session stored it in another language; any other text as stored.
 */
export function afnemerIn(opgeslagen: string, config: OrgConfig, l: Locale): string {
  return isConfigAfnemer(opgeslagen, config) ? tekstIn(l, config.ambtseed.afnemer) : opgeslagen;
}
