import { t } from '@shared/i18n';
import { actie, defineFeature, ongeldigMetLabels, type Actie } from '../kit';
import { beoordeel, nietWijzigen, team } from './beoordeling';
import { formulier, menu, opslaan } from './melden';
import { beeindig, herbevestig, mijn } from './mijn';
import { overzicht } from './overzicht';
import {
  beeindigInvoer,
  beoordeelInvoer,
  formulierInvoer,
  herbevestigInvoer,
  menuInvoer,
  mijnInvoer,
  nietWijzigenInvoer,
  opslaanInvoer,
  overzichtInvoer,
  teamInvoer,
  type NevenwerkAction,
} from './payload';

/**
 * The register of nevenwerkzaamheden and financiële belangen (Ambtenarenwet art. 8). Roles: every employee reports
 * and sees only their own registrations (`melden.ts`, `mijn.ts`); a manager assesses their own team
 * (`beoordeling.ts`, team = `Functiebezetting.leidinggevende`); HR sees counts (`overzicht.ts`) and publishes with
 * `npm run lists -- publiceer-nevenwerk`. The yearly refresh round is `herbevestiging-job.ts`.
 */

const iedereen = 'iedereen' as const;

/** Every nevenwerk action: who may use it, its submit schema (`payload.ts`), its handler. */
export const NEVENWERK_ACTIONS = {
  'nevenwerk.menu': actie({ rol: iedereen, invoer: menuInvoer, run: menu }),
  'nevenwerk.formulier': actie({ rol: iedereen, invoer: formulierInvoer, run: formulier }),
  'nevenwerk.opslaan': actie({ rol: iedereen, invoer: opslaanInvoer, run: opslaan }),
  'nevenwerk.mijn': actie({ rol: iedereen, invoer: mijnInvoer, run: mijn }),
  'nevenwerk.beeindig': actie({ rol: iedereen, invoer: beeindigInvoer, run: beeindig }),
  'nevenwerk.herbevestig': actie({ rol: iedereen, invoer: herbevestigInvoer, run: herbevestig }),
  'nevenwerk.team': actie({ rol: ['manager'], invoer: teamInvoer, run: team }),
  'nevenwerk.beoordeel': actie({ rol: ['manager'], invoer: beoordeelInvoer, run: beoordeel }),
  'nevenwerk.nietWijzigen': actie({ rol: ['manager'], invoer: nietWijzigenInvoer, run: nietWijzigen }),
  'nevenwerk.overzicht': actie({ rol: ['hr'], invoer: overzichtInvoer, run: overzicht }),
} satisfies Record<NevenwerkAction, Actie>;

/** The card's label of each input (validation errors name the field as the person saw it). */
const LABELS: Record<string, string> = {
  soort: 'nevenwerk.formulier.soort',
  organisatie: 'nevenwerk.veld.organisatie',
  urenPerMaand: 'nevenwerk.formulier.uren',
  beoordeling: 'nevenwerk.beoordeling.label',
  voorwaarden: 'nevenwerk.veld.voorwaarden',
  registratieId: 'nevenwerk.beoordeling.registratie',
};

const commando = (a: NevenwerkAction, ...cs: string[]) => Object.fromEntries(cs.map((c) => [c, a]));

/** The nevenwerk feature registered in `bot/src/features/index.ts`. */
export const nevenwerkFeature = defineFeature({
  id: 'nevenwerk',
  routes: NEVENWERK_ACTIONS,
  // Named in the kit's answer to an outdated card ("Typ "menu" of "nevenwerk" …").
  startCommando: { nl: 'nevenwerk', en: 'side activities' },
  antwoorden: { ongeldig: ongeldigMetLabels((veld, l) => (Object.hasOwn(LABELS, veld) ? t(l, LABELS[veld]) : undefined)) },
  commands: {
    ...commando(
      'nevenwerk.menu',
      'nevenwerk',
      'nevenwerkzaamheden',
      'nevenwerk melden',
      'financieel belang',
      'side activities',
      'outside activities',
    ),
    ...commando('nevenwerk.mijn', 'mijn nevenwerk', 'my side activities'),
    ...commando('nevenwerk.team', 'nevenwerk beoordelen', 'assess side activities'),
    ...commando('nevenwerk.overzicht', 'nevenwerk overzicht', 'side activities overview'),
    // Intent synonyms: also typed commands, and the words bot/src/features/commando-herkenning.ts recognises in free text.
    ...commando(
      'nevenwerk.menu',
      'nevenwerk doorgeven',
      'nevenfunctie',
      'nevenfunctie melden',
      'nevenactiviteit melden',
      'bijbaan melden',
      'side job',
      'second job',
    ),
    ...commando('nevenwerk.mijn', 'mijn nevenfuncties', 'my side jobs', 'my outside activities'),
    ...commando('nevenwerk.team', 'nevenwerk team', 'nevenwerk goedkeuren', 'assess side jobs', 'approve side activities'),
    ...commando('nevenwerk.overzicht', 'nevenfuncties overzicht', 'outside activities overview'),
  },
});

export { runNevenwerkHerbevestiging } from './herbevestiging-job';
