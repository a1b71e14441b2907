import type { OrgConfig } from '@shared/config';
import { meldroute, situatieVoorPerspectief, volgendeVraag } from '@shared/domain/meldroute';
import { isoWeek } from '@shared/domain/tijd';
import { triage, type TriageUitkomst } from '@shared/domain/triage';
import { t, tekstIn, type Locale } from '@shared/i18n';
import type { Situatie } from '@shared/lists/definitions';
import type { BotServices, Reply, TurnInput } from '../feature';
import { actie, defineFeature, issuePaden, kaart as card, tekst as text, type Actie } from '../kit';
import {
  groepData,
  keuzeData,
  menuData,
  renderGroepCard,
  renderKeuzeCard,
  renderMenuCard,
  privacyData,
  renderPrivacyCard,
  renderResultaatCard,
  renderVraagCard,
  renderStartCard,
  renderWelkomCard,
  resultaatData,
  startData,
  startVoorFaq,
  situatieLabel,
  vraagData,
  welkomData,
} from './cards';
import { telGebruik } from './gebruik';
import { hulpPerRol } from './hulp';
import {
  antwoordInvoer,
  groetInvoer,
  helpInvoer,
  menuInvoer,
  privacyInvoer,
  situatieInvoer,
  terugInvoer,
  type MeldwijzerAction,
  type RouteStaat,
} from './payload';

export { flushMeldwijzerGebruik } from './gebruik';

/**
 * The meldwijzer: guides an employee to the right meldpunt.
 * - install → welcome card (who the bot is for, privacy note, anonymous path, main menu);
 * - card submits `meldwijzer.*` → situation → ≤ 3 clarifying questions → result card (state in the card);
 * - free text nobody else claimed → triage (shared/src/domain/triage.ts) → same route; a close call asks;
 *   the actor triage found travels in the card state: the heading names them and an own manager, director or
 *   bestuurder is left out of the route (meldroute.ts); someone else's conduct is a melding, not a dilemma;
 * - a question in the text: a config FAQ entry is answered first (then the route), a privacy or anonymity
 *   question gets the privacy card with the organisation's anonymous routes, "help" / "wat kun je" explains,
 *   a greeting gets a hello and the menu, a thank-you a short reply;
 * - commands menu / privacy / opnieuw / help.
 * Counts every shown result in `MeldwijzerGebruik` (ISO week × situatie, no user, no text).
 * Never logs or stores the employee's text or answers.
 */

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
  const key = `${input.locale}|${staat.situatie}|${JSON.stringify(staat.antwoorden)}|${staat.gevraagd.join(',')}|${staat.actor ?? ''}`;
  let perConfig = stappen.get(config);
  if (!perConfig) stappen.set(config, (perConfig = new Map<string, Stap>()));
  let volgende = perConfig.get(key);
  if (!volgende) {
    const vraag = volgendeVraag(config, staat.situatie, staat.antwoorden);
    if (vraag) volgende = { card: renderVraagCard(vraagData(input.locale, staat, vraag)) };
    else {
      const advies = meldroute(config, staat.situatie, staat.antwoorden, { actor: staat.actor });
      volgende = { card: renderResultaatCard(resultaatData(input.locale, advies, staat, config)), getoond: advies.situatie };
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
type Stap = { card: Record<string, unknown>; getoond?: Situatie };
const stappen = new WeakMap<object, Map<string, Stap>>();

/** Greetings that get a short hello plus the main menu instead of triage's "not sure" answer. */
const GROETEN = [
  'hallo',
  'hoi',
  'hey',
  'hee',
  'hi',
  'hello',
  'hallo daar',
  'goedemorgen',
  'goedemiddag',
  'goedenavond',
  'goeiemorgen',
  'goedendag',
  'dag',
  'good morning',
  'good afternoon',
  'good evening',
  'hi there',
  'hello there',
];

/** Commands (lower case; Dutch and English) → action. */
const COMMANDS: Record<string, MeldwijzerAction> = {
  menu: 'meldwijzer.menu',
  start: 'meldwijzer.menu',
  opnieuw: 'meldwijzer.menu',
  'opnieuw beginnen': 'meldwijzer.menu',
  'start over': 'meldwijzer.menu',
  'main menu': 'meldwijzer.menu',
  hoofdmenu: 'meldwijzer.menu',
  meldwijzer: 'meldwijzer.menu',
  privacy: 'meldwijzer.privacy',
  help: 'meldwijzer.help',
  hulp: 'meldwijzer.help',
  // Greetings (matched as the whole message, after trailing punctuation is stripped): a hello and the menu.
  ...Object.fromEntries(GROETEN.map((g) => [g, 'meldwijzer.groet' as const])),
};

const welkom = (input: TurnInput, services: BotServices): Reply[] => [card(renderWelkomCard(welkomData(services.config, input.locale)))];

/** The privacy card, with the answer of a matching FAQ entry first (`faq`: index into `config.faq`). */
const privacy = (input: TurnInput, config: OrgConfig, faq?: number): Reply =>
  card(renderPrivacyCard(privacyData(config, input.locale, faq === undefined ? undefined : config.faq[faq])));

/** What the bot does (for "help", "wat kun je"), what the asking person's roles can do here, and the main menu. */
const uitleg = (input: TurnInput, config: OrgConfig): Reply[] => [
  text(
    `${t(input.locale, 'meldwijzer.help', { organisatie: config.organisatie.naam })}\n\n${hulpPerRol(input.locale, input.user.rollen, config)}`,
  ),
  menu(input.locale),
];

/** A short hello and the main menu (a greeting, typed alone or with "allemaal", "bot", "there"). */
const groet = (input: TurnInput): Reply[] => [text(t(input.locale, 'meldwijzer.groet')), menu(input.locale)];

/**
 * The answer to free text after triage: a question first (help, privacy, FAQ), then the route of the
 * situation — the actor and the perspective from triage decide the situation and who is left out.
 */
async function beantwoord(uitkomst: TriageUitkomst, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const { config } = services;
  const { vraag, actor } = uitkomst;
  if (vraag?.soort === 'help') return vraag.groet ? groet(input) : uitleg(input, config);
  if (vraag?.soort === 'dank') return [text(t(input.locale, 'meldwijzer.dank'))];
  const situatie = uitkomst.situatie && situatieVoorPerspectief({ ...uitkomst, situatie: uitkomst.situatie });
  // A close call between a dilemma and a violation by someone else ("mijn leidinggevende declareert
  // privé-etentjes") is no choice: someone else's conduct is the melding.
  const keuze = uitkomst.twijfelTussen && [
    ...new Set(uitkomst.twijfelTussen.map((s) => situatieVoorPerspectief({ ...uitkomst, situatie: s }))),
  ];
  const route = async (): Promise<Reply[]> => {
    if (!situatie) return [menu(input.locale)];
    if (keuze && keuze.length > 1) return [card(renderKeuzeCard(keuzeData(input.locale, keuze, uitkomst.antwoorden, actor)))];
    const intro = text(t(input.locale, 'meldwijzer.resultaat.situatie', { situatie: situatieLabel(input.locale, situatie, actor) }));
    return [intro, ...(await stap({ situatie, antwoorden: uitkomst.antwoorden, gevraagd: [], actor }, input, services))];
  };
  if (vraag?.soort === 'privacy') {
    // "Kan ik anoniem melden dat mijn baas fraude pleegt?" names a matter to report anonymously: its route follows
    // the card. Only then: a bare "mag ik anoniem melden?" is a dilemma just because it asks, and "wordt dit
    // gesprek opgeslagen?" is about the chat (whatever a stray lexicon word scored). Someone else's conduct
    // ("ik wil anoniem melden dat mijn leidinggevende vrouwen anders behandelt") is a matter however it scored.
    const zaak =
      uitkomst.beslissing === 'zeker' &&
      situatie !== undefined &&
      situatie !== 'dilemma' &&
      situatie !== 'algemeen' &&
      uitkomst.antwoorden.anoniem === 'ja' &&
      (uitkomst.scores[situatie] >= 3 || uitkomst.perspectief === 'ander');
    return [privacy(input, config, vraag.faq), ...(zaak ? await route() : [])];
  }
  if (vraag?.soort === 'faq') {
    const entry = config.faq[vraag.faq];
    const antwoord = text(
      t(input.locale, 'meldwijzer.faq.antwoord', {
        vraag: tekstIn(input.locale, entry.vraag),
        antwoord: tekstIn(input.locale, entry.antwoord),
      }),
    );
    // An FAQ about the ambtseed, nevenwerk or the VOG offers that feature's start button under the answer.
    // (Not twice: the nevenwerk result card that follows has the button itself.)
    const start = startVoorFaq(entry).filter(
      (f) => !(f === 'nevenwerk' && situatie === 'nevenwerkzaamheden' && !(keuze && keuze.length > 1)),
    );
    // No situation besides the question: the answer is the reply; a way on, not the whole menu under it.
    if (!situatie) return [antwoord, card(renderStartCard(startData(input.locale, start, true)))];
    return [antwoord, ...(start.length ? [card(renderStartCard(startData(input.locale, start)))] : []), ...(await route())];
  }
  if (!situatie) return [text(t(input.locale, 'meldwijzer.onbekend')), menu(input.locale)];
  return route();
}

/** Every meldwijzer action; everyone may use them (the meldwijzer is for every employee). */
export const MELDWIJZER_ACTIONS = {
  'meldwijzer.menu': actie({ rol: 'iedereen', invoer: menuInvoer, run: async (_d, input) => [menu(input.locale)] }),
  'meldwijzer.privacy': actie({
    rol: 'iedereen',
    invoer: privacyInvoer,
    run: async (_d, input, services) => [privacy(input, services.config)],
  }),
  'meldwijzer.situatie': actie({
    rol: 'iedereen',
    invoer: situatieInvoer,
    run: (d, input, services) => stap({ situatie: d.situatie, antwoorden: d.antwoorden, gevraagd: [], actor: d.actor }, input, services),
  }),
  'meldwijzer.antwoord': actie({
    rol: 'iedereen',
    invoer: antwoordInvoer,
    run: (d, input, services) => {
      const gevraagd = [...d.gevraagd.filter((v) => v !== d.vraag), d.vraag].slice(-3);
      return stap(
        { situatie: d.situatie, antwoorden: { ...d.antwoorden, [d.vraag]: d.waarde }, gevraagd, actor: d.actor },
        input,
        services,
      );
    },
  }),
  'meldwijzer.terug': actie({
    rol: 'iedereen',
    invoer: terugInvoer,
    run: async (d, input, services) => {
      const laatste = d.gevraagd[d.gevraagd.length - 1];
      if (!laatste) return [menu(input.locale)];
      const antwoorden = { ...d.antwoorden };
      delete antwoorden[laatste];
      return stap({ situatie: d.situatie, antwoorden, gevraagd: d.gevraagd.slice(0, -1), actor: d.actor }, input, services);
    },
  }),
  'meldwijzer.help': actie({
    rol: 'iedereen',
    invoer: helpInvoer,
    alleenCommando: true,
    run: async (_d, input, services) => uitleg(input, services.config),
  }),
  'meldwijzer.groet': actie({
    rol: 'iedereen',
    invoer: groetInvoer,
    alleenCommando: true,
    run: async (_d, input) => groet(input),
  }),
} satisfies Record<MeldwijzerAction, Actie>;

export const meldwijzerFeature = defineFeature({
  id: 'meldwijzer',
  routes: MELDWIJZER_ACTIONS,
  commands: COMMANDS,
  antwoorden: {
    onbekend: (input, services) => {
      services.log.warn({ event: 'submit.ongeldig', paden: ['action'] }, 'ongeldige kaartactie');
      return ongeldig(input.locale);
    },
    ongeldig: (input, services, fout) => {
      services.log.warn({ event: 'submit.ongeldig', paden: issuePaden(fout) }, 'ongeldige kaartactie');
      return ongeldig(input.locale);
    },
  },

  async onInstall(input, services) {
    return welkom(input, services);
  },

  async onFreeText(input, services) {
    // The text is read here only; it is neither logged nor stored, and triage keeps none of it.
    const uitkomst = triage(input.text ?? '', services.config);
    services.log.info(
      {
        event: 'triage',
        situatie: uitkomst.situatie ?? null,
        twijfel: !!uitkomst.twijfelTussen,
        actor: uitkomst.actor ?? null,
        vraag: uitkomst.vraag?.soort ?? null,
      },
      'triage',
    );
    return beantwoord(uitkomst, input, services);
  },

  async onInvalidSubmit(input) {
    return ongeldig(input.locale);
  },
});

/** The group-chat / channel answer: an invitation to continue in a 1:1 chat (`chatUrl`: deep link to the bot). */
export function groepUitnodiging(locale: Locale, chatUrl: string): Reply[] {
  return [card(renderGroepCard(groepData(locale, chatUrl)))];
}
