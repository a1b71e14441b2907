import { toLocale } from '@shared/i18n/basis';

/**
 * The consent pop-up of tab SSO (Microsoft Learn, "Enable SSO for tab app": when `getAuthToken` fails with
 * `resourceRequiresConsent` / `consent_required`, ask for consent in a pop-up opened by
 * `authentication.authenticate`). Two pages of the same web app, served by the tab server:
 * - `/auth/start`: redirects the pop-up to Entra's authorize endpoint with `prompt=consent` for the tab's
 *   scope (client id and scope from `GET /api/aanmelding`, tenant and login hint from the Teams context).
 * - `/auth/end`: Entra's redirect (`redirectUris` in infra/aad.manifest.json); reports the outcome to the tab
 *   with `authentication.notifySuccess` / `notifyFailure`. The authorization code is never redeemed: the
 *   tab only needs the consent to exist, after which `getAuthToken` succeeds.
 * A random `state` kept in sessionStorage guards against a forged redirect.
 */

/** Entra's v2 authorize endpoint for a tenant (`organizations` when the context has none). */
export function authorizeUrl(o: {
  tenant?: string;
  clientId: string;
  scope: string;
  redirectUri: string;
  state: string;
  loginHint?: string;
  locale: string;
}): string {
  const q = new URLSearchParams({
    client_id: o.clientId,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: o.redirectUri,
    scope: `${o.scope} openid profile`,
    prompt: 'consent',
    state: o.state,
    ui_locales: o.locale,
  });
  if (o.loginHint) q.set('login_hint', o.loginHint);
  return `https://login.microsoftonline.com/${encodeURIComponent(o.tenant || 'organizations')}/oauth2/v2.0/authorize?${q}`;
}

const STATE_SLEUTEL = 'integriteitsplein.toestemming.state';

/** `/auth/start`: to Entra, or `notifyFailure` when SSO is not configured. */
export async function startToestemming(): Promise<void> {
  const teams = await import('@microsoft/teams-js');
  await teams.app.initialize();
  const ctx = await teams.app.getContext();
  const info = (await (await fetch('/api/aanmelding', { headers: { Accept: 'application/json' } })).json()) as {
    clientId?: string;
    scope?: string;
  };
  if (!info.clientId || !info.scope) return teams.authentication.notifyFailure('resourceDisabled');
  const state = crypto.randomUUID();
  sessionStorage.setItem(STATE_SLEUTEL, state);
  window.location.assign(
    authorizeUrl({
      tenant: ctx.user?.tenant?.id,
      clientId: info.clientId,
      scope: info.scope,
      redirectUri: `${window.location.origin}/auth/end`,
      state,
      loginHint: ctx.user?.loginHint,
      locale: toLocale(new URLSearchParams(window.location.search).get('lang') ?? ctx.app.locale),
    }),
  );
}

/** `/auth/end`: the outcome of Entra's redirect back to the tab. */
export async function eindToestemming(): Promise<void> {
  const teams = await import('@microsoft/teams-js');
  await teams.app.initialize();
  const q = new URLSearchParams(window.location.search);
  const verwacht = sessionStorage.getItem(STATE_SLEUTEL);
  sessionStorage.removeItem(STATE_SLEUTEL);
  if (q.get('error')) return teams.authentication.notifyFailure(q.get('error') ?? 'consent_required');
  if (!verwacht || q.get('state') !== verwacht) return teams.authentication.notifyFailure('state_mismatch');
  teams.authentication.notifySuccess('toestemming');
}
