/**
 * Who may use which part of the tab: the one role rule of the API (`vereistRol` on the routes) and of the web app's
 * navigation. Plain constants without imports at run time, so the web bundle can use the same rule; the web app
 * only hides what the API would refuse anyway (403), it never grants access.
 */
import type { TabRol } from './auth';

/** Managers lead sessions; HR and the integriteitscoördinator may too. */
export const SESSIE_ROLLEN = ['manager', 'hr', 'integriteitscoordinator'] as const satisfies readonly TabRol[];
/** The dashboard, the report downloads and the choice of the dilemma of the week. */
export const HR_ROLLEN = ['hr', 'integriteitscoordinator'] as const satisfies readonly TabRol[];

/** The tab's pages (static tabs) and the roles that can use each; `null` = every signed-in user. */
export const PAGINA_ROLLEN: Readonly<Record<string, readonly TabRol[] | null>> = {
  '/': null,
  '/dilemma': null,
  '/sessie': SESSIE_ROLLEN,
  '/dashboard': HR_ROLLEN,
};

/**
 * Whether a caller with `rollen` can use the page `pad` (`'/'`, `'/dilemma'`, `'/sessie'`, `'/dashboard'`).
 * An unknown path is false. Used for the navigation; the API checks the same roles on every request.
 */
export function magPagina(rollen: readonly TabRol[], pad: string): boolean {
  const nodig = PAGINA_ROLLEN[pad];
  if (nodig === undefined) return false;
  return nodig === null || rollen.some((r) => nodig.includes(r));
}
