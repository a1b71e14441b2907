import type { OrgConfig, Rol } from '@shared/config';
import { rollenVan } from '@shared/domain/rollen';
import { t, type Locale } from '@shared/i18n';
import type { TurnUser } from '../feature';

/**
 * Who may do what in the intake feature, enforced on the server for every command and every card submit
 * (issue 4, "Roles, enforced on the server"). A denied action answers "Niet toegestaan" and writes nothing.
 */

/** Every intake action. */
export const INTAKE_ACTIES = [
  'menu',
  'gesprek',
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

/**
 * The caller's roles: those the host put on the turn (e.g. from group membership) plus those the config gives
 * the caller's object id. Computed on the server; nothing in card data can add a role.
 */
export function rollenVanGebruiker(user: TurnUser, config: OrgConfig): Rol[] {
  const eigen = rollenVan(config.rollen, { aadObjectId: user.aadObjectId });
  return [...new Set([...(user.rollen ?? []), ...eigen])];
}

/** True when someone with `rollen` may perform `actie`. */
export function magUitvoeren(actie: IntakeActie, rollen: readonly Rol[], config: OrgConfig): boolean {
  const nodig = toegestaan(actie, config);
  return nodig === 'iedereen' || nodig.some((r) => rollen.includes(r));
}

/** The Dutch/English "Niet toegestaan: … is alleen voor …" text for `actie`. */
export function nietToegestaanTekst(locale: Locale, actie: IntakeActie, actieNaam: string, config: OrgConfig): string {
  const nodig = toegestaan(actie, config);
  const rollen = nodig === 'iedereen' ? [t(locale, 'intake.rol.iedereen')] : nodig.map((r) => t(locale, `intake.rol.${r}`));
  const lijst = rollen.length > 1 ? `${rollen.slice(0, -1).join(', ')} ${t(locale, 'intake.of')} ${rollen[rollen.length - 1]}` : rollen[0];
  return t(locale, 'intake.nietToegestaan', { actie: `"${actieNaam}"`, rollen: lijst });
}
