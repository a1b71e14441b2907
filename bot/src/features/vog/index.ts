import { t } from '@shared/i18n';
import { actie, defineFeature, ongeldigMetLabels, type Actie } from '../kit';
import { aangevraagd, status } from './status';
import { overzicht, vastleggen } from './hr';
import { aangevraagdInvoer, overzichtInvoer, statusInvoer, vastleggenInvoer, type VogAction } from './payload';

/**
 * The VOG feature: renewal of the Verklaring Omtrent Gedrag (VOG) for staff in kwetsbare functies (config
 * `vog.functies`; the rule and its dates: `shared/src/domain/vog.ts`).
 * - Everyone: "mijn vog" shows their own functions, last VOG, next date and open request (`status.ts`); the
 *   request card's button records that they applied (only their own request).
 * - HR (role `hr`): "vog overzicht" lists the outstanding VOGs and records received / not received (`hr.ts`).
 * - The daily job (`herinneringen-job.ts`) opens the due requests, asks and reminds the people, and gives HR a
 *   weekly overview. HR imports the holders with `npm run lists -- import … --list VogFunctiehouders`.
 */

const iedereen = 'iedereen' as const;
const alleenHr = ['hr'] as const;

/** Every VOG action: who may use it, its submit schema (`payload.ts`), its handler. */
export const VOG_ACTIONS = {
  'vog.status': actie({ rol: iedereen, invoer: statusInvoer, run: status }),
  'vog.aangevraagd': actie({ rol: iedereen, invoer: aangevraagdInvoer, run: aangevraagd }),
  'vog.overzicht': actie({ rol: alleenHr, invoer: overzichtInvoer, run: overzicht }),
  'vog.vastleggen': actie({ rol: alleenHr, invoer: vastleggenInvoer, run: vastleggen }),
} satisfies Record<VogAction, Actie>;

/** Typed commands (lower case, Dutch and English) → action. */
const COMMANDS: Record<string, VogAction> = {
  ...Object.fromEntries(['mijn vog', 'vog', 'vog status', 'my vog', 'certificate of conduct'].map((c) => [c, 'vog.status' as const])),
  ...Object.fromEntries(['vog overzicht', 'vog beheer', 'vog overview'].map((c) => [c, 'vog.overzicht' as const])),
  // Intent synonyms: also typed commands, and the words bot/src/features/commando-herkenning.ts recognises in free text.
  ...Object.fromEntries(['verklaring omtrent gedrag', 'certificate of good conduct'].map((c) => [c, 'vog.status' as const])),
  ...Object.fromEntries(['vog hr'].map((c) => [c, 'vog.overzicht' as const])),
};

/** The card's label of each input (validation errors name the field as HR saw it). */
const LABELS: Record<string, string> = {
  aanvraagId: 'vog.overzicht.kies',
  uitkomst: 'vog.overzicht.uitkomst',
  afgifteOp: 'vog.veld.afgifteOp',
};

/** The VOG feature registered in `bot/src/features/index.ts`. */
export const vogFeature = defineFeature({
  id: 'vog',
  routes: VOG_ACTIONS,
  commands: COMMANDS,
  // Named in the kit's answer to an outdated card ("Typ "menu" of "mijn vog" …").
  startCommando: { nl: 'mijn vog', en: 'my vog' },
  antwoorden: {
    geweigerd: (turn) => [{ type: 'text', text: t(turn.locale, 'vog.geweigerd') }],
    ongeldig: ongeldigMetLabels((veld, l) => (Object.hasOwn(LABELS, veld) ? t(l, LABELS[veld]) : undefined)),
  },
});

export { runVogHerinneringen, type VogJobRapport } from './herinneringen-job';
