import { ROLLEN, type OrgConfig, type Rol } from '../config/schema';

/**
 * Roles of Integriteitsplein (vertrouwenspersoon, integriteitscoordinator, hr, manager, adviseurVpt) and how a
 * signed-in person gets them: the organisation config's `rollen` section lists Entra object ids
 * (`gebruikers`) and Entra group ids (`groepen`) per role (docs/contracts.md "Organisation configuration"). In local
 * mode those are the Agents Playground's mock user ids (see README, "Intake en termijnen").
 *
 * Pure functions, used by the bot (every intake/agressie/ambtseed action is checked on the server) and by
 * the tab API (SSO token `oid` and `groups` claims). No I/O: group membership must be supplied by the caller.
 */

/** Who is asking: the Entra object id (`aadObjectId` in Teams activities, `oid` claim in tokens) and group ids. */
export interface Principal {
  aadObjectId?: string | null;
  /** Entra group object ids the person is a (transitive) member of, when known (token `groups` claim, Graph). */
  groepIds?: readonly string[];
}

/** Object ids and GUIDs are compared case-insensitively and without surrounding spaces. */
const norm = (id: string) => id.trim().toLowerCase();

/**
 * The roles of `principal` according to `rollen` (the config section `rollen`), in the order of `ROLLEN`,
 * without duplicates. A person without an object id has no roles (anonymous web requests, unknown users).
 * @param rollen `config.rollen`: `{ <rol>: { gebruikers: string[], groepen: string[] } }`.
 * @returns e.g. `['vertrouwenspersoon', 'manager']`; `[]` for an ordinary employee.
 */
export function rollenVan(rollen: OrgConfig['rollen'], principal: Principal): Rol[] {
  const oid = principal.aadObjectId ? norm(principal.aadObjectId) : '';
  const groepen = new Set((principal.groepIds ?? []).map(norm));
  if (!oid && groepen.size === 0) return [];
  return ROLLEN.filter((rol) => {
    const p = rollen[rol];
    if (!p) return false;
    return (oid !== '' && p.gebruikers.some((g) => norm(g) === oid)) || p.groepen.some((g) => groepen.has(norm(g)));
  });
}

/** True when `heeft` contains at least one of `nodig`. */
export function heeftRol(heeft: readonly Rol[], ...nodig: Rol[]): boolean {
  return nodig.some((r) => heeft.includes(r));
}

/**
 * The object ids configured directly for `rol` (`rollen.<rol>.gebruikers`), de-duplicated, in config order.
 * Used to address proactive messages (uitvraag, Wbk reminders, VPT notifications). Group members cannot be
 * listed without Graph; groups are therefore not expanded here.
 */
export function gebruikersMetRol(rollen: OrgConfig['rollen'], rol: Rol): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const g of rollen[rol]?.gebruikers ?? []) {
    const k = norm(g);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(g.trim());
    }
  }
  return out;
}

/** Dutch and English display names of the roles (for "niet toegestaan" messages). */
export const ROL_NAMEN: Record<Rol, { nl: string; en: string }> = {
  vertrouwenspersoon: { nl: 'vertrouwenspersonen', en: 'confidential counsellors' },
  integriteitscoordinator: { nl: 'de integriteitscoördinator', en: 'the integrity coordinator' },
  hr: { nl: 'HR', en: 'HR' },
  manager: { nl: 'leidinggevenden', en: 'managers' },
  adviseurVpt: { nl: 'de adviseur Veilige Publieke Taak', en: 'the Safe Public Service adviser' },
};
