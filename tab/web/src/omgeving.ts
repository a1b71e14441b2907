import { toLocale, type Locale } from '@shared/i18n/basis';
import type { TabRol } from '../../api/auth';

/**
 * Where the tab runs and how it looks: inside Teams (context: locale, theme, SSO) or standalone in a browser
 * (`?theme=default|dark|contrast`, `?lang=nl|en`, dev role `?rol=` / role switcher).
 */
export type Thema = 'default' | 'dark' | 'contrast';
export const THEMAS: readonly Thema[] = ['default', 'dark', 'contrast'];

export interface Omgeving {
  /** True inside Teams (initialize resolved). */
  inTeams: boolean;
  locale: Locale;
  thema: Thema;
  /** Fetch an SSO token (inside Teams only). */
  token?: () => Promise<string>;
  /**
   * Start the interactive consent flow once (inside Teams only; call it from a click: teams-js
   * `authentication.authenticate` opens a pop-up at `/auth/start`, see toestemming.ts). Resolves when the
   * pop-up reported success; rejects with the teams-js error otherwise.
   */
  toestemming?: () => Promise<void>;
  /** The page is framed or opened by another window (Teams, or a browser that is not Teams). */
  ingebed?: boolean;
  /** Subscribe to Teams theme changes (inside Teams only). */
  opThemaWissel?: (cb: (t: Thema) => void) => void;
}

/** Teams theme names → ours. */
export function themaUitTeams(naam: string | undefined): Thema {
  return naam === 'dark' ? 'dark' : naam === 'contrast' ? 'contrast' : 'default';
}

/** Theme and language from the query string (standalone mode). */
export function uitQuery(search: string): { thema: Thema; locale: Locale } {
  const q = new URLSearchParams(search);
  const th = q.get('theme');
  return { thema: (THEMAS as readonly string[]).includes(th ?? '') ? (th as Thema) : 'default', locale: toLocale(q.get('lang')) };
}

/**
 * Detect Teams: teams-js `app.initialize()` rejects at top level but hangs inside a non-Teams iframe (docs/conventions.md "Platform facts"),
 * so it is only tried when framed/opened, raced with a 3 s timeout. teams-js is loaded only then.
 */
export async function detecteerOmgeving(search: string, timeoutMs = 3000): Promise<Omgeving> {
  const basis = uitQuery(search);
  const framed = window.self !== window.top || !!window.opener;
  if (!framed) return { inTeams: false, ingebed: false, ...basis };
  try {
    const teams = await import('@microsoft/teams-js');
    await Promise.race([teams.app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs))]);
    const ctx = await teams.app.getContext();
    void teams.app.notifySuccess();
    return {
      inTeams: true,
      locale: toLocale(ctx.app.locale),
      thema: themaUitTeams(ctx.app.theme),
      token: () => teams.authentication.getAuthToken(),
      toestemming: async () => {
        await teams.authentication.authenticate({
          url: `${window.location.origin}/auth/start?lang=${toLocale(ctx.app.locale)}`,
          width: 600,
          height: 535,
        });
      },
      ingebed: true,
      opThemaWissel: (cb) => teams.app.registerOnThemeChangeHandler((naam) => cb(themaUitTeams(naam))),
    };
  } catch {
    // Framed but initialize() timed out: some other page embeds the tab (not Teams).
    return { inTeams: false, ingebed: true, ...basis };
  }
}

/** The dev role (local mode only): `?rol=` wins, else the role switcher's choice in localStorage. */
export function devRol(search: string): TabRol {
  const q = new URLSearchParams(search).get('rol');
  const rollen: readonly string[] = ['medewerker', 'vertrouwenspersoon', 'integriteitscoordinator', 'hr', 'manager', 'adviseurVpt'];
  if (q && rollen.includes(q)) return q as TabRol;
  try {
    const s = window.localStorage.getItem('integriteitsplein.devRol');
    if (s && rollen.includes(s)) return s as TabRol;
  } catch {
    /* storage blocked: default role */
  }
  return 'medewerker';
}
