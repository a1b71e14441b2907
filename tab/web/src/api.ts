import type { TabRol } from '../../api/auth';
import type { Locale } from '@shared/i18n/basis';
import { vertaal as t } from './berichten';

/**
 * Error from the tab API: `message` is the server's Dutch (or localised) text, `status` the HTTP status.
 * `aanmelding` is set when Teams gave no token (`tokenFoutSoort`): `toestemming` means the user can fix it with
 * the consent button.
 */
export class ApiFout extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly aanmelding?: TokenFoutSoort,
  ) {
    super(message);
  }
}

/** Why teams-js `authentication.getAuthToken` / `authenticate` failed, as far as the user can act on it. */
export type TokenFoutSoort = 'toestemming' | 'geannuleerd' | 'popupGeblokkeerd' | 'nietIngericht' | 'anders';

/**
 * Classify a teams-js authentication error (teams-js rejects with an Error whose message is the host's reason,
 * e.g. `resourceRequiresConsent`; Entra reasons such as `consent_required` / AADSTS65001 come through as text).
 */
export function tokenFoutSoort(err: unknown): TokenFoutSoort {
  const tekst = String((err as { message?: unknown })?.message ?? err ?? '');
  if (/resourceRequiresConsent|consent_required|AADSTS65001|interaction_required/i.test(tekst)) return 'toestemming';
  if (/CancelledByUser/i.test(tekst)) return 'geannuleerd';
  if (/FailedToOpenWindow/i.test(tekst)) return 'popupGeblokkeerd';
  if (/resourceDisabled|invalid_resource|AADSTS500011|AADSTS65005/i.test(tekst)) return 'nietIngericht';
  return 'anders';
}

/** The message (catalogue key under `tab.`) that tells the user what to do for a token failure. */
export const TOKEN_FOUT_TEKST: Record<TokenFoutSoort, string> = {
  toestemming: 'aanmelding.toestemmingUitleg',
  geannuleerd: 'aanmelding.geannuleerd',
  popupGeblokkeerd: 'aanmelding.popupGeblokkeerd',
  nietIngericht: 'aanmelding.nietIngericht',
  anders: 'fout.token',
};

/** How requests authenticate: SSO token (Teams) or the dev role header (local mode). */
export interface Aanmelding {
  token?: () => Promise<string>;
  devRol?: TabRol;
  /** Language of the client's own error messages (the server's messages are Dutch). */
  locale?: Locale;
}

/**
 * Call the tab API. Sends JSON, adds `Authorization: Bearer` (Teams) or `X-Dev-Rol` (local mode).
 * @throws ApiFout with the server's `fout` message (or a generic Dutch one) for non-2xx answers.
 */
export async function api<T>(
  aanmelding: Aanmelding,
  pad: string,
  init: { method?: string; body?: unknown; blob?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const locale = aanmelding.locale ?? 'nl';
  // The server localises its role (403) messages by this header; its other messages are Dutch.
  headers['Accept-Language'] = locale;
  if (aanmelding.token) {
    try {
      headers.Authorization = `Bearer ${await aanmelding.token()}`;
    } catch (err) {
      const soort = tokenFoutSoort(err);
      throw new ApiFout(401, t(locale, `tab.${TOKEN_FOUT_TEKST[soort]}`), soort);
    }
  } else if (aanmelding.devRol) headers['X-Dev-Rol'] = aanmelding.devRol;
  let res: Response;
  try {
    res = await fetch(`/api${pad}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiFout(0, t(locale, 'tab.fout.verbinding'));
  }
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as { fout?: string };
    throw new ApiFout(res.status, data.fout ?? t(locale, 'tab.fout.status', { status: res.status }));
  }
  return (init.blob ? await res.blob() : await res.json()) as T;
}
