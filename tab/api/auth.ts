import type { NextFunction, Request, Response } from 'express';
import type { OrgConfig, Rol } from '@shared/config/schema';
import { ROLLEN } from '@shared/config/schema';
import { rollenVan } from '@shared/domain/rollen';
import { t, toLocale, type Locale } from '@shared/i18n';
import { geheimProbleem, MIN_GEHEIM_LENGTE, productieKenmerk, StartWeigering } from '@shared/config/hosting';

/**
 * Who is calling the tab API.
 * - `sso`: inside Teams the web app sends `Authorization: Bearer <token>` from `authentication.getAuthToken()`;
 *   the token is checked with `jose` against Entra's JWKS (signature, issuer, audience, expiry) and the
 *   user's object id (`oid`) and `groups` claim are mapped to roles with the shared `rollenVan`
 *   (shared/src/domain/rollen.ts, the same rule the bot uses).
 * - `lokaal`: no Entra app configured (development, demos, tests): a clearly marked dev identity whose role
 *   the web app picks with the role switcher (`X-Dev-Rol` header, optional `X-Dev-Gebruiker` to play
 *   several people). Never enabled when `TAB_SSO_CLIENT_ID` is set, refused in production
 *   (`controleerTabInstellingen`), and the server then listens on loopback only.
 */

/** A role in the tab: every signed-in user is `medewerker`; the others come from config `rollen`. */
export type TabRol = 'medewerker' | Rol;
export const TAB_ROLLEN: readonly TabRol[] = ['medewerker', ...ROLLEN];

/** The caller as the API sees it. `id` is an opaque user id (Entra oid or a dev id); never logged, never stored in lists. */
export interface Gebruiker {
  id: string;
  rollen: TabRol[];
  modus: 'sso' | 'lokaal';
}

/** Settings for SSO token validation (from env, see `authConfigFromEnv`). */
export interface SsoConfig {
  modus: 'sso';
  /** Accepted `aud` values (the Entra app's client id and/or its Application ID URI). */
  audience: string[];
  /** Accepted `iss` values (e.g. `https://login.microsoftonline.com/<tenant>/v2.0`). */
  issuer: string[];
  /** URL of the JSON Web Key Set. */
  jwksUrl: string;
}
export type AuthConfig = SsoConfig | { modus: 'lokaal' };

/**
 * Auth settings from the environment:
 * `TAB_SSO_CLIENT_ID` (Entra app id; unset = local mode), `TAB_SSO_TENANT_ID` (required with a client id),
 * optional `TAB_SSO_AUDIENCE` (comma-separated; default the client id and `api://<TAB_SSO_HOST>/<client id>`
 * when `TAB_SSO_HOST` is set), `TAB_SSO_ISSUER` (comma-separated; default the v2 and v1 issuers of the
 * tenant), `TAB_SSO_JWKS_URL` (default the tenant's Entra keys).
 * @throws Error (Dutch) when a client id is set without a tenant id.
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const clientId = env.TAB_SSO_CLIENT_ID?.trim();
  if (!clientId) return { modus: 'lokaal' };
  const tenant = env.TAB_SSO_TENANT_ID?.trim();
  if (!tenant) throw new Error('TAB_SSO_CLIENT_ID is gezet maar TAB_SSO_TENANT_ID ontbreekt: geef de tenant-id van Entra op.');
  const list = (v: string | undefined) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const audience = list(env.TAB_SSO_AUDIENCE);
  if (!audience.length) {
    audience.push(clientId);
    if (env.TAB_SSO_HOST) audience.push(`api://${env.TAB_SSO_HOST}/${clientId}`);
  }
  const issuer = list(env.TAB_SSO_ISSUER);
  if (!issuer.length) issuer.push(`https://login.microsoftonline.com/${tenant}/v2.0`, `https://sts.windows.net/${tenant}/`);
  const jwksUrl = env.TAB_SSO_JWKS_URL?.trim() || `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`;
  return { modus: 'sso', audience, issuer, jwksUrl };
}

/**
 * Start-up rules of the tab, the bot's rule for its local mode: in production
 * (`productieKenmerk`: NODE_ENV=production or an App Service variable) the local dev identity is refused
 * (`TAB_SSO_CLIENT_ID` must be set) and `TAB_VOTE_SECRET` must be a real secret (else the anonymous vote keys
 * would sit in the database next to the votes).
 * @throws StartWeigering with one Dutch line naming every problem and what to do.
 */
export function controleerTabInstellingen(env: NodeJS.ProcessEnv = process.env): void {
  const productie = productieKenmerk(env);
  if (!productie) return;
  const problemen: string[] = [];
  if (!env.TAB_SSO_CLIENT_ID?.trim()) {
    problemen.push(
      `TAB_SSO_CLIENT_ID is leeg, dus lokale ontwikkelaarsidentiteit (iedereen kiest zijn rol), en dat is geweigerd omdat dit productie is (${productie}): zet TAB_SSO_CLIENT_ID en TAB_SSO_TENANT_ID van de Entra-app voor tab-SSO`,
    );
  }
  const geheim = geheimProbleem('TAB_VOTE_SECRET', env.TAB_VOTE_SECRET);
  if (geheim)
    problemen.push(`${geheim}: zet een willekeurig geheim van minstens ${MIN_GEHEIM_LENGTE} tekens (Key Vault-secret tab-vote-secret)`);
  if (problemen.length) throw new StartWeigering(`De tab start niet: ${problemen.join('; ')}.`);
}

/** Thrown by an authenticator; `status` is 401 (not signed in / bad token). `message` is Dutch, safe to show. */
export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

/** Resolves the caller of a request or throws `AuthError(401)`. */
export type Authenticator = (req: Request) => Promise<Gebruiker>;

/**
 * Build the authenticator for `auth`.
 * In SSO mode `jose` is loaded on first use (it is an ES module; loading it lazily keeps the local mode and
 * the in-process tests free of it). The JWKS is fetched and cached by `jose.createRemoteJWKSet`.
 */
export function createAuthenticator(auth: AuthConfig, config: OrgConfig): Authenticator {
  if (auth.modus === 'lokaal') {
    return async (req) => {
      const rolHeader = String(req.header('x-dev-rol') ?? 'medewerker');
      const rol = (TAB_ROLLEN as readonly string[]).includes(rolHeader) ? (rolHeader as TabRol) : 'medewerker';
      const wie = String(req.header('x-dev-gebruiker') ?? '')
        .replace(/[^A-Za-z0-9-]/g, '')
        .slice(0, 40);
      const id = `lokaal-${wie || rol}`;
      return { id, modus: 'lokaal', rollen: rol === 'medewerker' ? ['medewerker'] : ['medewerker', rol] };
    };
  }
  let verifier: ((token: string) => Promise<Record<string, unknown>>) | undefined;
  const getVerifier = async () => {
    if (!verifier) {
      const jose = await import('jose');
      const jwks = jose.createRemoteJWKSet(new URL(auth.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
      verifier = async (token) => {
        const { payload } = await jose.jwtVerify(token, jwks, {
          issuer: auth.issuer,
          audience: auth.audience,
          algorithms: ['RS256'],
          clockTolerance: 60,
        });
        return payload;
      };
    }
    return verifier;
  };
  return async (req) => {
    const header = req.header('authorization') ?? '';
    const m = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header);
    if (!m) throw new AuthError(401, 'Niet aangemeld: open het Integriteitsplein in Teams.');
    let claims: Record<string, unknown>;
    try {
      claims = await (await getVerifier())(m[1]);
    } catch {
      throw new AuthError(401, 'Je aanmelding is ongeldig of verlopen: sluit het tabblad en open het opnieuw.');
    }
    const oid = typeof claims.oid === 'string' ? claims.oid : undefined;
    if (!oid) throw new AuthError(401, 'Je aanmelding bevat geen gebruikers-id: open het Integriteitsplein opnieuw in Teams.');
    const groups = Array.isArray(claims.groups) ? claims.groups.filter((g): g is string => typeof g === 'string') : [];
    return { id: oid, modus: 'sso', rollen: ['medewerker', ...rollenVan(config.rollen, { aadObjectId: oid, groepIds: groups })] };
  };
}

/** Express request with the resolved caller. */
export type MetGebruiker = Request & { gebruiker?: Gebruiker };

/** Middleware: resolve the caller (401 `{ fout }` on failure) and put it on `req.gebruiker`. */
export function aanmelding(authenticate: Authenticator) {
  return (req: Request, res: Response, next: NextFunction) => {
    authenticate(req).then(
      (g) => {
        (req as MetGebruiker).gebruiker = g;
        next();
      },
      (err: unknown) => {
        if (err instanceof AuthError) res.status(err.status).json({ fout: err.message });
        else next(err);
      },
    );
  };
}

/**
 * The 403 text with readable role names from the catalogue (`tab.rolVoor.*`), e.g.
 * "Niet toegestaan: dit is alleen voor HR of de integriteitscoördinator." (English: "… HR or the integrity coordinator.").
 */
export function nietToegestaan(locale: Locale, rollen: readonly TabRol[]): string {
  const namen = rollen.map((r) => t(locale, `tab.rolVoor.${r}`));
  const lijst =
    namen.length > 1 ? `${namen.slice(0, -1).join(', ')} ${t(locale, 'tab.fout.of')} ${namen[namen.length - 1]}` : (namen[0] ?? '');
  return t(locale, 'tab.fout.alleenVoor', { rollen: lijst });
}

/** Middleware: 403 `{ fout }` unless the caller has one of `rollen`. Enforced on the API, not only in the UI. */
export function vereistRol(...rollen: TabRol[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const g = (req as MetGebruiker).gebruiker;
    if (!g) return res.status(401).json({ fout: 'Niet aangemeld.' });
    if (!g.rollen.some((r) => rollen.includes(r))) {
      return res.status(403).json({ fout: nietToegestaan(toLocale(req.get('accept-language')), rollen) });
    }
    next();
  };
}
