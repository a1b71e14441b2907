import crypto from 'node:crypto';
import { z } from 'zod';
import { plusDagen, wandtijdNaarInstant } from '@shared/domain/tijd';
import { t } from '@shared/i18n';

/**
 * Signatures of personal download links: the oorkonde tells that a person took the oath, so its
 * link carries an expiry and an HMAC over the inschrijving and that expiry. A link without a valid signature, with
 * a changed id or expiry, or past its expiry, gets a short 403 page (Dutch first, English second).
 *
 * - Key: `AMBTSEED_LINK_SECRET` (HMAC-SHA256). Production refuses to start without it (`host/instellingen.ts`);
 *   elsewhere a random key per process is used, so links then stop working after a restart.
 * - Validity: `AMBTSEED_LINK_TTL_DAYS` whole days (default 90, at most 3650), counted from when the link is made.
 * - Query: `exp` = expiry in whole seconds since the Unix epoch, `sig` = first 32 hex characters of
 *   HMAC-SHA256(key, `oorkonde:<inschrijvingId>:<exp>`).
 * `.ics` links are not signed: an invitation holds the session only (title, time, place, the official's function),
 * nothing about who booked it.
 *
 * HR's export of the open obligations (`/ambtseed/openstaand/openstaand-<datum>.csv`) is signed the same way over
 * `openstaand:<datum>:<exp>`, and valid only on the Europe/Amsterdam day it was made (`exp` = the next midnight).
 */

/** Days a personal download link stays valid when `AMBTSEED_LINK_TTL_DAYS` is not set. */
export const STANDAARD_LINK_DAGEN = 90;
/** Longest accepted validity (days): ten years. */
export const MAX_LINK_DAGEN = 3650;

const dagenSchema = z.coerce
  .number({ error: 'verwacht een geheel aantal dagen' })
  .int('verwacht een geheel aantal dagen')
  .min(1, 'verwacht minstens 1 dag')
  .max(MAX_LINK_DAGEN, `verwacht hoogstens ${MAX_LINK_DAGEN} dagen`);

/**
 * The validity of personal download links in days, from `AMBTSEED_LINK_TTL_DAYS` (empty = 90).
 * @throws Error (Dutch, one line) when the value is not a whole number of days from 1 to 3650.
 */
export function linkGeldigheidDagen(env: NodeJS.ProcessEnv = process.env): number {
  const ruw = (env.AMBTSEED_LINK_TTL_DAYS ?? '').trim();
  if (!ruw) return STANDAARD_LINK_DAGEN;
  const r = dagenSchema.safeParse(ruw);
  if (!r.success)
    throw new Error(`AMBTSEED_LINK_TTL_DAYS="${ruw}" is ongeldig: ${r.error.issues[0].message} (standaard ${STANDAARD_LINK_DAGEN}).`);
  return r.data;
}

let procesGeheim: Buffer | undefined;
function geheim(env: NodeJS.ProcessEnv): Buffer {
  if (env.AMBTSEED_LINK_SECRET) return Buffer.from(env.AMBTSEED_LINK_SECRET, 'utf8');
  procesGeheim ??= crypto.randomBytes(32);
  return procesGeheim;
}

/** The expiry (seconds since the epoch) of a link made at `nu`: `nu` + the validity, rounded up to a second. */
export function linkVerloopt(nu: Date = new Date(), env: NodeJS.ProcessEnv = process.env): number {
  return Math.ceil((nu.getTime() + linkGeldigheidDagen(env) * 86_400_000) / 1000);
}

/** The first 32 hex characters of HMAC-SHA256(key, `<doel>:<exp>`); `doel` is e.g. `oorkonde:<inschrijvingId>`. */
function handtekening(doel: string, verlooptOp: number, env: NodeJS.ProcessEnv): string {
  return crypto.createHmac('sha256', geheim(env)).update(`${doel}:${verlooptOp}`).digest('hex').slice(0, 32);
}

/**
 * The signature of an oorkonde link: 32 hex characters (see the module comment).
 * @param verlooptOp expiry in seconds since the epoch (default: a link made now, {@link linkVerloopt})
 */
export function tekenLink(inschrijvingId: string, verlooptOp: number = linkVerloopt(), env: NodeJS.ProcessEnv = process.env): string {
  return handtekening(`oorkonde:${inschrijvingId}`, verlooptOp, env);
}

/** The signed query of an oorkonde link made at `nu`: `exp` and `sig` (see the module comment). */
export function ondertekening(
  inschrijvingId: string,
  nu: Date = new Date(),
  env: NodeJS.ProcessEnv = process.env,
): { exp: number; sig: string } {
  const exp = linkVerloopt(nu, env);
  return { exp, sig: tekenLink(inschrijvingId, exp, env) };
}

/**
 * The signed query of HR's export of the open obligations of `datum` (`YYYY-MM-DD`, Europe/Amsterdam): `exp` is the
 * next Amsterdam midnight (seconds since the epoch), so the link works on that day only.
 * @throws TijdFout when `datum` is not a real date.
 */
export function ondertekeningOpenstaand(datum: string, env: NodeJS.ProcessEnv = process.env): { exp: number; sig: string } {
  const exp = Date.parse(wandtijdNaarInstant(plusDagen(datum, 1), '00:00')) / 1000;
  return { exp, sig: handtekening(`openstaand:${datum}`, exp, env) };
}

const linkQuery = z.looseObject({ sig: z.string().regex(/^[0-9a-f]{32}$/), exp: z.string().regex(/^\d{1,12}$/) });

/** Why a link is refused: no valid signature (missing, malformed, changed id or expiry), or past its expiry. */
export type LinkWeigering = 'ongeldig' | 'verlopen';

/**
 * Check the signature and expiry of an oorkonde link.
 * @param query the request's query (`sig`, `exp`; anything else is ignored)
 * @returns undefined when the link is valid at `nu`, else why not. A valid signature whose expiry has passed is
 *   `verlopen`; everything else that does not match is `ongeldig`. Compares in constant time.
 */
export function controleerLink(
  inschrijvingId: string,
  query: unknown,
  nu: Date = new Date(),
  env: NodeJS.ProcessEnv = process.env,
): LinkWeigering | undefined {
  return controleer(`oorkonde:${inschrijvingId}`, query, nu, env);
}

/** As {@link controleerLink}, for HR's export link of the open obligations of `datum` ({@link ondertekeningOpenstaand}). */
export function controleerOpenstaandLink(
  datum: string,
  query: unknown,
  nu: Date = new Date(),
  env: NodeJS.ProcessEnv = process.env,
): LinkWeigering | undefined {
  return controleer(`openstaand:${datum}`, query, nu, env);
}

function controleer(doel: string, query: unknown, nu: Date, env: NodeJS.ProcessEnv): LinkWeigering | undefined {
  const q = linkQuery.safeParse(query);
  if (!q.success) return 'ongeldig';
  const exp = Number(q.data.exp);
  if (!crypto.timingSafeEqual(Buffer.from(q.data.sig), Buffer.from(handtekening(doel, exp, env)))) return 'ongeldig';
  return nu.getTime() >= exp * 1000 ? 'verlopen' : undefined;
}

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The short 403 page of a refused link: title and reason in Dutch, then the reason in English. `soort` picks the
 * reasons' wording: a personal link (`oorkonde`, valid `AMBTSEED_LINK_TTL_DAYS` days) or HR's same-day export
 * (`openstaand`).
 */
export function weigeringPagina(
  reden: LinkWeigering,
  env: NodeJS.ProcessEnv = process.env,
  soort: 'oorkonde' | 'openstaand' = 'oorkonde',
): string {
  const dagen = linkGeldigheidDagen(env);
  const sleutel = soort === 'oorkonde' ? `ambtseed.link.${reden}` : `ambtseed.link.openstaand.${reden}`;
  const tekst = (l: 'nl' | 'en') => html(t(l, sleutel, { dagen }));
  return [
    '<!doctype html>',
    '<html lang="nl">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html(t('nl', 'ambtseed.link.titel'))}</title></head>`,
    `<body><h1>${html(t('nl', 'ambtseed.link.titel'))}</h1>`,
    `<p>${tekst('nl')}</p>`,
    `<p lang="en">${tekst('en')}</p></body>`,
    '</html>',
    '',
  ].join('\n');
}
