import { BoekingFout } from '@shared/domain/ambtseed';
import { t } from '@shared/i18n';
import type { Reply } from '../feature';
import { actie, defineFeature, type Actie } from '../kit';
import { aanwezigheid, aanwezigheidOpslaan } from './aanwezigheid';
import { annuleerBoeking, metKeuzeSamenvatting, nietAnnuleren } from './bevestigen';
import { boek, verklaar, verzet } from './boeking';
import { deelnemers } from './deelnemers';
import { herinnerAchterstallig } from './achterstallig';
import { hr, sessieAnnuleer, sessieFormulier, sessieOpslaan } from './hr';
import {
  aanwezigheidInvoer,
  annuleerInvoer,
  boekInvoer,
  deelnemersInvoer,
  herinnerInvoer,
  hrInvoer,
  nietAnnulerenInvoer,
  planInvoer,
  sessieFormInvoer,
  sessieKeuzeInvoer,
  verklaringInvoer,
  verzetInvoer,
  type AmbtseedAction,
} from './payload';
import { plan } from './plan';

/**
 * The ambtseed feature: "Plan mijn ambtseed" for new hires (what they owe, eed vs belofte,
 * book / cancel / rebook / waitlist, integriteitsverklaring: `plan.ts`, `boeking.ts`), and for HR (role `hr`
 * from the config): create, edit and cancel sessions by card, the capacity forecast (`hr.ts`), and attendance
 * (afgelegd / afwezig: `aanwezigheid.ts`).
 *
 * Invitations: with `BotServices.agenda` (Graph configured, see `agendaVanEnv` in `uitnodiging-graph.ts`) a
 * calendar event per session with a Teams meeting for online sessions; otherwise an .ics download link served
 * by `./routes.ts` (the host mounts `ambtseedRouter`). People who move up from the waitlist or whose session is
 * cancelled/changed are told proactively (`BotServices.proactive`, once per dedupe key).
 */

const iedereen = 'iedereen' as const;
const alleenHr = ['hr'] as const;

/** Every ambtseed action: who may use it, its submit schema (`payload.ts`), its handler. */
export const AMBTSEED_ACTIONS = {
  'ambtseed.plan': actie({ rol: iedereen, invoer: planInvoer, run: plan }),
  'ambtseed.boek': actie({ rol: iedereen, invoer: boekInvoer, run: metKeuzeSamenvatting(boek) }),
  'ambtseed.annuleer': actie({ rol: iedereen, invoer: annuleerInvoer, run: annuleerBoeking }),
  'ambtseed.nietAnnuleren': actie({ rol: iedereen, invoer: nietAnnulerenInvoer, run: nietAnnuleren }),
  'ambtseed.verzet': actie({ rol: iedereen, invoer: verzetInvoer, run: metKeuzeSamenvatting(verzet) }),
  'ambtseed.verklaring': actie({ rol: iedereen, invoer: verklaringInvoer, run: verklaar }),
  'ambtseed.hr': actie({ rol: alleenHr, invoer: hrInvoer, run: hr }),
  'ambtseed.sessieFormulier': actie({ rol: alleenHr, invoer: sessieKeuzeInvoer, run: sessieFormulier }),
  'ambtseed.sessieOpslaan': actie({ rol: alleenHr, invoer: sessieFormInvoer, run: sessieOpslaan }),
  'ambtseed.sessieAnnuleer': actie({ rol: alleenHr, invoer: sessieKeuzeInvoer, run: sessieAnnuleer }),
  'ambtseed.herinnerAchterstallig': actie({ rol: alleenHr, invoer: herinnerInvoer, run: herinnerAchterstallig }),
  'ambtseed.deelnemers': actie({ rol: alleenHr, invoer: deelnemersInvoer, run: deelnemers }),
  'ambtseed.aanwezigheid': actie({ rol: alleenHr, invoer: aanwezigheidInvoer, run: aanwezigheid }),
  'ambtseed.aanwezigheidOpslaan': actie({ rol: alleenHr, invoer: aanwezigheidInvoer, run: aanwezigheidOpslaan }),
} satisfies Record<AmbtseedAction, Actie>;

/** Typed commands (lower case, Dutch and English) → action. */
const COMMANDS: Record<string, AmbtseedAction> = {
  ...Object.fromEntries(
    [
      'plan mijn ambtseed',
      'ambtseed',
      'ambtsbelofte',
      'eed afleggen',
      'integriteitsverklaring',
      'plan my oath',
      'oath of office',
      'integrity declaration',
    ].map((c) => [c, 'ambtseed.plan' as const]),
  ),
  ...Object.fromEntries(['ambtseed beheer', 'ambtseed hr', 'manage oath', 'oath admin'].map((c) => [c, 'ambtseed.hr' as const])),
  // Intent synonyms: also typed commands, and the words bot/src/features/commando-herkenning.ts recognises in free text.
  ...Object.fromEntries(
    [
      'eed',
      'belofte',
      'belofte afleggen',
      'beëdiging',
      'mijn sessie',
      'oath',
      'oath ceremony',
      'swear the oath',
      'my oath session',
      'integrity statement',
    ].map((c) => [c, 'ambtseed.plan' as const]),
  ),
  ...Object.fromEntries(
    ['ambtseed sessies', 'ambtseed overzicht', 'oath sessions', 'oath overview'].map((c) => [c, 'ambtseed.hr' as const]),
  ),
};

/** A refused booking (`BoekingFout`): Dutch gets the domain's own message (it can be more specific), English the translated one per code. */
function boekingsfout(
  err: unknown,
  locale: 'nl' | 'en',
  log: { info(o: object, msg?: string): void },
  action: string,
): Reply[] | undefined {
  if (!(err instanceof BoekingFout)) return undefined;
  log.info({ feature: 'ambtseed', actie: action, code: err.code }, 'boeking geweigerd');
  return [{ type: 'text', text: locale === 'en' ? t('en', `ambtseed.boekingsfout.${err.code}`, err.params) : err.message }];
}

/** The ambtseed feature registered in `bot/src/features/index.ts`. */
export const ambtseedFeature = defineFeature({
  id: 'ambtseed',
  routes: AMBTSEED_ACTIONS,
  commands: COMMANDS,
  antwoorden: {
    fout: (err, turn, services, action) => boekingsfout(err, turn.locale, services.log, action),
    // A forged or outdated card (an action this version no longer has): say so, as the meldwijzer does, not "Er ging iets mis".
    onbekend: (turn, services) => {
      services.log.warn({ feature: 'ambtseed', reden: 'onbekendeActie' }, 'onbekende ambtseed-actie');
      return [{ type: 'text', text: t(turn.locale, 'ambtseed.fout.verouderd') }];
    },
  },
});

export { ambtseedRouter } from './routes';
export { runAmbtseedHerinneringen } from './herinneringen-job';
