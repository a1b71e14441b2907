import type { OrgConfig, Rol } from '../../shared/src/config/schema';
import { ROLLEN } from '../../shared/src/config/schema';

/**
 * Roles of a user from the organisation config (`rollen` in config/<org>.yaml): a role applies when the
 * user's Entra object id is listed under `gebruikers` or one of the user's group ids under `groepen`.
 * @returns the roles in ROLLEN order (empty for an ordinary employee).
 */
export function rollenVoor(config: OrgConfig, oid: string, groepen: readonly string[] = []): Rol[] {
  return ROLLEN.filter((rol) => {
    const p = config.rollen[rol];
    return p.gebruikers.includes(oid) || p.groepen.some((g) => groepen.includes(g));
  });
}
