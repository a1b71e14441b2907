import { z } from 'zod';

/**
 * The Bot Framework channel token check that the host runs BEFORE botbuilder sees a request.
 *
 * botbuilder 4.23 answers a forged token with `alg=none`, HS256 or a wrong signature with HTTP 500 and the
 * library's text as the body, writes a stack trace and the channel's public keys to the log per request, and
 * turns an unreachable key endpoint into 500 as well. This check decides first, with `jose`, and answers
 * every refusal with a short body: 401 for a missing, malformed, unsigned, wrongly signed, expired, not yet
 * valid or wrong-audience token, an unknown `kid` or a key not endorsed for the channel; 503 when the signing
 * keys cannot be fetched. Only tokens that pass reach botbuilder, which validates them again (same rules).
 *
 * The rules are botbuilder's channel validation (botframework-connector `ChannelValidation` and
 * `JwtTokenExtractor`, the Bot Framework "Authenticate requests from the Bot Connector service" protocol):
 * issuer `https://api.botframework.com`, audience = the bot's app id, RS256/RS384/RS512, 5 minutes clock
 * tolerance, the key from the channel's OpenID metadata by `kid`, the key's `endorsements` include the
 * activity's `channelId`, and the `serviceurl` claim equals the activity's `serviceUrl`. Emulator and skill
 * tokens are not accepted (the product talks to Teams only; the Agents Playground uses local mode).
 */

/** Why a token was refused (logged as `reden`; never shown to the caller). */
export type AanmeldReden =
  | 'geenToken'
  | 'misvormd'
  | 'algoritme'
  | 'uitgever'
  | 'onbekendeSleutel'
  | 'endorsement'
  | 'handtekening'
  | 'verlopen'
  | 'nogNietGeldig'
  | 'publiek'
  | 'serviceUrl'
  | 'sleutelsOnbereikbaar';

/** Outcome of the check: accepted, or refused with the HTTP status to answer (401 or 503). */
export type KanaalTokenUitslag = { ok: true } | { ok: false; status: 401 | 503; reden: AanmeldReden };

/** The Bot Framework channel's token issuer (botframework-connector `AuthenticationConstants`). */
export const KANAAL_UITGEVER = 'https://api.botframework.com';
/** Where the channel publishes its OpenID metadata (same source). */
export const KANAAL_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
const ALGORITMES = ['RS256', 'RS384', 'RS512'];
/** Clock tolerance of botbuilder's channel validation: 5 minutes, in seconds. */
const KLOKSPELING_S = 5 * 60;
/** Keys are refreshed after 24 h (botbuilder's default refresh interval), ms. */
const VERVERS_NA_MS = 24 * 60 * 60 * 1000;
/** An unknown `kid` triggers at most one refresh per 5 minutes (forged tokens cannot make us fetch per request), ms. */
const ONBEKEND_KID_PAUZE_MS = 5 * 60 * 1000;
/** Timeout of one metadata or key request, ms. */
const OPHAAL_TIMEOUT_MS = 5000;

const metadataSchema = z.looseObject({ jwks_uri: z.url() });
const jwkSchema = z.looseObject({ kty: z.string(), kid: z.string().optional(), endorsements: z.array(z.string()).optional() });
const jwksSchema = z.looseObject({ keys: z.array(z.unknown()) });
type Jwk = z.infer<typeof jwkSchema>;

export interface KanaalTokenOpties {
  /** The bot's app id (`MicrosoftAppId`): the required `aud`. */
  appId: string;
  /** OpenID metadata of the channel (`ToBotFromChannelOpenIdMetadataUrl`; default the public cloud's). */
  metadataUrl?: string;
  /** Clock in ms (tests). */
  now?: () => number;
}

/**
 * Build the check. The keys are fetched on the first request that needs them and cached (see the constants).
 * @returns `(authorization header, activity) → uitslag`; it never throws.
 */
export function kanaalTokenControle(
  opts: KanaalTokenOpties,
): (authorization: string | undefined, activity: { channelId?: string; serviceUrl?: string }) => Promise<KanaalTokenUitslag> {
  const metadataUrl = opts.metadataUrl || KANAAL_METADATA_URL;
  const now = opts.now ?? Date.now;
  let cache: { keys: Jwk[]; opgehaaldOp: number } | undefined;
  let bezig: Promise<void> | undefined;
  let laatstePoging = -Infinity;

  const haalJson = async (url: string): Promise<unknown> => {
    const res = await fetch(url, { signal: AbortSignal.timeout(OPHAAL_TIMEOUT_MS), headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  };
  const ververs = (): Promise<void> => {
    laatstePoging = now();
    bezig ??= (async () => {
      try {
        const meta = metadataSchema.parse(await haalJson(metadataUrl));
        const set = jwksSchema.parse(await haalJson(meta.jwks_uri));
        const keys = set.keys.flatMap((k) => {
          const r = jwkSchema.safeParse(k);
          return r.success ? [r.data] : [];
        });
        cache = { keys, opgehaaldOp: now() };
      } catch {
        // Keep a stale set if there is one: the keys rotate slowly, an outage of the metadata should not lock out Teams.
      } finally {
        bezig = undefined;
      }
    })();
    return bezig;
  };
  const sleutel = async (kid: string): Promise<Jwk | 'onbereikbaar' | undefined> => {
    if (!cache || now() - cache.opgehaaldOp > VERVERS_NA_MS) await ververs();
    let jwk = cache?.keys.find((k) => k.kid === kid);
    if (!jwk && cache && now() - laatstePoging > ONBEKEND_KID_PAUZE_MS) {
      await ververs();
      jwk = cache?.keys.find((k) => k.kid === kid);
    }
    if (!cache) return 'onbereikbaar';
    return jwk;
  };

  return async (authorization, activity) => {
    const weiger = (reden: AanmeldReden, status: 401 | 503 = 401): KanaalTokenUitslag => ({ ok: false, status, reden });
    if (!authorization?.trim()) return weiger('geenToken');
    const m = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
    if (!m) return weiger('misvormd');
    const token = m[1];
    const jose = await import('jose');
    let header: { alg?: string; kid?: string };
    let claims: { iss?: string };
    try {
      header = jose.decodeProtectedHeader(token);
      claims = jose.decodeJwt(token);
    } catch {
      return weiger('misvormd');
    }
    if (!header.alg || !ALGORITMES.includes(header.alg)) return weiger('algoritme');
    if (token.endsWith('.')) return weiger('handtekening');
    // A foreign issuer is refused before any key lookup (no network for obvious forgeries).
    if (claims.iss !== KANAAL_UITGEVER) return weiger('uitgever');
    if (!header.kid) return weiger('onbekendeSleutel');
    const jwk = await sleutel(header.kid);
    if (jwk === 'onbereikbaar') return weiger('sleutelsOnbereikbaar', 503);
    if (!jwk) return weiger('onbekendeSleutel');
    if (jwk.endorsements && !(activity.channelId && jwk.endorsements.includes(activity.channelId))) return weiger('endorsement');
    let payload: Record<string, unknown>;
    try {
      const key = await jose.importJWK(jwk, header.alg);
      ({ payload } = await jose.jwtVerify(token, key, {
        issuer: KANAAL_UITGEVER,
        audience: opts.appId,
        algorithms: ALGORITMES,
        clockTolerance: KLOKSPELING_S,
        currentDate: new Date(now()),
      }));
    } catch (err) {
      return weiger(redenVan(err, jose.errors));
    }
    if (payload.serviceurl !== activity.serviceUrl) return weiger('serviceUrl');
    return { ok: true };
  };
}

/** Map a jose verification error to a reason. */
function redenVan(err: unknown, errors: typeof import('jose').errors): AanmeldReden {
  if (err instanceof errors.JWTExpired) return 'verlopen';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return 'publiek';
    if (err.claim === 'nbf') return 'nogNietGeldig';
    if (err.claim === 'iss') return 'uitgever';
    return 'misvormd';
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return 'algoritme';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'handtekening';
  return 'misvormd';
}
