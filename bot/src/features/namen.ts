import { t, type Locale } from '@shared/i18n';
import type { BotServices } from './feature';

/**
 * Names of people for one turn, for any feature that shows them (the ambtseed's participant list and attendance card,
 * the nevenwerk assessment cards). The lists hold object ids only; names come from `BotServices.namen` (Graph or the
 * Playground's mock users) when the card is built, once per turn for all ids together (Graph: `$batch` of 20), and are
 * never written anywhere or logged.
 */

/** The names of one turn: `naam(id)` is the display name, or the id's code when no name was found. */
export interface BeurtNamen {
  naam(id: string): string;
  /** True when `id` has a real name (for sorting: names first, codes after). */
  bekend(id: string): boolean;
  /** A notice when names are missing (no source, no permission, Graph unreachable); `''` when all were found. */
  melding: string;
}

/**
 * The short code HR sees when no name is available: the last group of an Entra object id (`…-0000000000e1` →
 * `0000000000e1`), which tells people apart, unlike the first 8 characters; other ids as they are.
 */
export function code(id: string): string {
  const m = /^[0-9a-f]{8}-(?:[0-9a-f]+-)*([0-9a-f]+)$/i.exec(id);
  return m ? m[1] : id;
}

/**
 * Look up the names of `ids` for this turn (see the module comment). Never throws for a lookup failure; a missing
 * source or a failed lookup is logged as `namen.ontbreken` with `feature` (the calling feature's id) and the reason.
 */
export async function namenVoorBeurt(services: BotServices, ids: readonly string[], l: Locale, feature: string): Promise<BeurtNamen> {
  const bron = services.namen;
  const uitslag = bron && ids.length ? await bron.namen(ids) : { namen: new Map<string, string>(), probleem: undefined };
  const ontbreekt = ids.some((id) => !uitslag.namen.has(id));
  const sleutel = !bron ? 'geenBron' : uitslag.probleem;
  if (sleutel) services.log.warn({ feature, event: 'namen.ontbreken', reden: sleutel }, 'namen niet opgehaald');
  return {
    naam: (id) => uitslag.namen.get(id) ?? t(l, 'namen.code', { code: code(id) }),
    bekend: (id) => uitslag.namen.has(id),
    melding: ids.length && ontbreekt && sleutel ? t(l, `namen.${sleutel}`) : '',
  };
}

/** Sort order for bookings by person: known names alphabetically (Dutch collation), then codes. */
export function opNaam(namen: BeurtNamen): (a: { medewerker: string }, b: { medewerker: string }) => number {
  return (a, b) =>
    Number(namen.bekend(b.medewerker)) - Number(namen.bekend(a.medewerker)) ||
    namen.naam(a.medewerker).localeCompare(namen.naam(b.medewerker), 'nl');
}
