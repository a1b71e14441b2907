import { formatPath } from '@shared/config';
import { meldroute, volgendeVraag } from '@shared/domain/meldroute';
import { isoWeek } from '@shared/domain/tijd';
import { triage } from '@shared/domain/triage';
import { t, type Locale } from '@shared/i18n';
import type { Situatie } from '@shared/lists/definitions';
import type { BotServices, Feature, Reply, TurnInput } from '../feature';
import {
  groepData,
  keuzeData,
  menuData,
  renderGroepCard,
  renderKeuzeCard,
  renderMenuCard,
  renderResultaatCard,
  renderVraagCard,
  renderWelkomCard,
  resultaatData,
  situatieLabel,
  vraagData,
  welkomData,
} from './cards';
import { telGebruik } from './gebruik';
import { meldwijzerSubmitSchema, type RouteStaat } from './payload';

export { flushMeldwijzerGebruik } from './gebruik';

/**
 * The meldwijzer: guides an employee to the right meldpunt (issue 3).
 * - install → welcome card (who the bot is for, privacy note, anonymous path, main menu);
 * - card submits `meldwijzer.*` → situation → ≤ 3 clarifying questions → result card (state in the card);
 * - free text nobody else claimed → triage (shared/src/domain/triage.ts) → same route; a close call asks;
 * - commands menu / privacy / opnieuw / help.
 * Counts every shown result in `MeldwijzerGebruik` (ISO week × situatie, no user, no text).
 * Never logs or stores the employee's text or answers.
 */

const card = (c: Record<string, unknown>): Reply => ({ type: 'card', card: c });
const text = (s: string): Reply => ({ type: 'text', text: s });

/** The main menu as a reply. */
export const menu = (locale: Locale): Reply => card(renderMenuCard(menuData(locale)));

/**
 * ISO week (Europe/Amsterdam) of `now`, cached per UTC hour: Amsterdam's offset is whole hours, so a week
 * always starts on a UTC hour boundary and the cache is exact (isoWeek costs ~0.5 ms per call).
 */
let weekCache: { uur: number; week: string } | undefined;
function weekVan(now: Date): string {
  const uur = Math.floor(now.getTime() / 3_600_000);
  if (weekCache?.uur !== uur) weekCache = { uur, week: isoWeek(now) };
  return weekCache.week;
}

/** A forged, outdated or malformed card submit: a short Dutch (or English) message and the main menu. */
const ongeldig = (locale: Locale): Reply[] => [text(t(locale, 'meldwijzer.fout.submit')), menu(locale)];

/** The next card for route state `staat`: a clarifying question, or the result (counted). */
async function stap(staat: RouteStaat, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const { config } = services;
  // The next card depends only on config, locale and route state: memoised per config (bounded).
  const key = `${input.locale}|${staat.situatie}|${JSON.stringify(staat.antwoorden)}|${staat.gevraagd.join(',')}`;
  let perConfig = stappen.get(config);
  if (!perConfig) stappen.set(config, (perConfig = new Map()));
  let volgende = perConfig.get(key);
  if (!volgende) {
    const vraag = volgendeVraag(config, staat.situatie, staat.antwoorden);
    if (vraag) volgende = { card: renderVraagCard(vraagData(input.locale, staat, vraag)) };
    else {
      const advies = meldroute(config, staat.situatie, staat.antwoorden);
      volgende = { card: renderResultaatCard(resultaatData(input.locale, advies, staat)), getoond: advies.situatie };
    }
    if (perConfig.size >= 500) perConfig.delete(perConfig.keys().next().value as string);
    perConfig.set(key, volgende);
  }
  if (volgende.getoond) {
    // Counted in memory and written within a second: the answer never waits for (or fails on) the store.
    telGebruik(services.store, weekVan(input.now), volgende.getoond, services.log);
    services.log.info({ event: 'route.getoond', situatie: volgende.getoond }, 'route getoond');
  }
  return [card(volgende.card)];
}
const stappen = new WeakMap<object, Map<string, { card: Record<string, unknown>; getoond?: Situatie }>>();

/** Greetings that get a short hello plus the main menu instead of triage's "not sure" answer. */
const GROETEN = [
  'hallo', 'hoi', 'hey', 'hee', 'hi', 'hello', 'hallo daar', 'goedemorgen', 'goedemiddag', 'goedenavond', 'goeiemorgen', 'goedendag', 'dag',
  'good morning', 'good afternoon', 'good evening', 'hi there', 'hello there',
];

/** Commands (lower case; Dutch and English) → what they do. */
const COMMANDS: Record<string, 'menu' | 'privacy' | 'help' | 'groet'> = {
  menu: 'menu',
  start: 'menu',
  opnieuw: 'menu',
  'opnieuw beginnen': 'menu',
  'start over': 'menu',
  'main menu': 'menu',
  hoofdmenu: 'menu',
  meldwijzer: 'menu',
  privacy: 'privacy',
  help: 'help',
  hulp: 'help',
  // Greetings (matched as the whole message, after trailing punctuation is stripped): a hello and the menu.
  ...Object.fromEntries(GROETEN.map((g) => [g, 'groet' as const])),
};

export const meldwijzerFeature: Feature = {
  id: 'meldwijzer',
  actions: ['meldwijzer.'],
  commands: Object.keys(COMMANDS),

  async onSubmit(input, services) {
    const parsed = meldwijzerSubmitSchema.safeParse(input.data);
    if (!parsed.success) {
      services.log.warn({ event: 'submit.ongeldig', paden: parsed.error.issues.map((i) => formatPath(i.path) || '(data)') }, 'ongeldige kaartactie');
      return ongeldig(input.locale);
    }
    const d = parsed.data;
    switch (d.action) {
      case 'meldwijzer.menu':
        return [menu(input.locale)];
      case 'meldwijzer.privacy':
        return [card(renderWelkomCard(welkomData(services.config, input.locale)))];
      case 'meldwijzer.situatie':
        return stap({ situatie: d.situatie, antwoorden: d.antwoorden, gevraagd: [] }, input, services);
      case 'meldwijzer.antwoord': {
        const gevraagd = [...d.gevraagd.filter((v) => v !== d.vraag), d.vraag].slice(-3);
        return stap({ situatie: d.situatie, antwoorden: { ...d.antwoorden, [d.vraag]: d.waarde }, gevraagd }, input, services);
      }
      case 'meldwijzer.terug': {
        const laatste = d.gevraagd[d.gevraagd.length - 1];
        if (!laatste) return [menu(input.locale)];
        const antwoorden = { ...d.antwoorden };
        delete antwoorden[laatste];
        return stap({ situatie: d.situatie, antwoorden, gevraagd: d.gevraagd.slice(0, -1) }, input, services);
      }
    }
  },

  async onCommand(command, input, services) {
    switch (COMMANDS[command]) {
      case 'privacy':
        return [card(renderWelkomCard(welkomData(services.config, input.locale)))];
      case 'help':
        return [text(t(input.locale, 'meldwijzer.help')), menu(input.locale)];
      case 'groet':
        return [text(t(input.locale, 'meldwijzer.groet')), menu(input.locale)];
      default:
        return [menu(input.locale)];
    }
  },

  async onInstall(input, services) {
    return [card(renderWelkomCard(welkomData(services.config, input.locale)))];
  },

  async onFreeText(input, services) {
    // The text is read here only; it is neither logged nor stored, and triage keeps none of it.
    const uitkomst = triage(input.text ?? '', services.config);
    services.log.info({ event: 'triage', situatie: uitkomst.situatie ?? null, twijfel: !!uitkomst.twijfelTussen }, 'triage');
    if (!uitkomst.situatie) return [text(t(input.locale, 'meldwijzer.onbekend')), menu(input.locale)];
    if (uitkomst.twijfelTussen) return [card(renderKeuzeCard(keuzeData(input.locale, uitkomst.twijfelTussen, uitkomst.antwoorden)))];
    const intro = text(t(input.locale, 'meldwijzer.resultaat.situatie', { situatie: situatieLabel(input.locale, uitkomst.situatie) }));
    return [intro, ...(await stap({ situatie: uitkomst.situatie, antwoorden: uitkomst.antwoorden, gevraagd: [] }, input, services))];
  },

  async onInvalidSubmit(input) {
    return ongeldig(input.locale);
  },
};

/** The group-chat / channel answer: an invitation to continue in a 1:1 chat (`chatUrl`: deep link to the bot). */
export function groepUitnodiging(locale: Locale, chatUrl: string): Reply[] {
  return [card(renderGroepCard(groepData(locale, chatUrl)))];
}
