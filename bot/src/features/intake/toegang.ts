import type { OrgConfig, Rol } from '@shared/config';
import { t, type Locale } from '@shared/i18n';
import type { Toegang } from '../kit';

/**
 * Who may do what in the intake feature, enforced on the server for every command and every card submit
 * (roles are enforced on the server). A denied action answers "Niet toegestaan" and writes nothing.
 */

/** Every intake action. */
export const INTAKE_ACTIES = [
  'menu',
  'gesprek',
  'mijnRegistraties',
  'melding',
  'meldingBijwerken',
  'wbk',
  'uitvraagStatus',
  'uitvraagGesprek',
  'uitvraagMelding',
  'uitvraagGeen',
  'agressie',
  'agressieBijwerken',
] as const;
export type IntakeActie = (typeof INTAKE_ACTIES)[number];

/**
 * The roles allowed to perform `actie`, or `'iedereen'` (every signed-in employee: the menu, and registering an
 * aggression incident by outsiders, which the meldwijzer offers to everyone).
 * Melding actions and the Wbk overview follow `config.intake.meldingRollen` (default: integriteitscoördinator).
 */
export function toegestaan(actie: IntakeActie, config: OrgConfig): readonly Rol[] | 'iedereen' {
  switch (actie) {
    case 'menu':
    case 'agressie':
      return 'iedereen';
    case 'gesprek':
    case 'mijnRegistraties':
    case 'uitvraagGesprek':
      return ['vertrouwenspersoon'];
    case 'melding':
    case 'meldingBijwerken':
    case 'wbk':
      return config.intake.meldingRollen;
    case 'uitvraagStatus':
      return ['integriteitscoordinator'];
    case 'uitvraagMelding':
      return ['manager'];
    case 'uitvraagGeen':
      return ['vertrouwenspersoon', 'manager'];
    case 'agressieBijwerken':
      return ['adviseurVpt'];
  }
}

/** `toegestaan` as the kit's `rol` of a route (`features/kit.ts`): resolved against the config of the turn. */
export function toegang(actie: IntakeActie): Toegang {
  return (config) => toegestaan(actie, config);
}

/** The Dutch/English "Niet toegestaan: … is alleen voor …" text for an action named `actieNaam` that needs `nodig`. */
export function nietToegestaanTekst(locale: Locale, actieNaam: string, nodig: readonly Rol[] | 'iedereen'): string {
  const rollen = nodig === 'iedereen' ? [t(locale, 'intake.rol.iedereen')] : nodig.map((r) => t(locale, `intake.rol.${r}`));
  const lijst = rollen.length > 1 ? `${rollen.slice(0, -1).join(', ')} ${t(locale, 'intake.of')} ${rollen[rollen.length - 1]}` : rollen[0];
  return t(locale, 'intake.nietToegestaan', { actie: `"${actieNaam}"`, rollen: lijst });
}
