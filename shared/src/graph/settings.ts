import { z } from 'zod';
import { issueTeksten } from '../lists/zod-nl';

/** Default Graph endpoint (docs/contracts.md "Environment": `GRAPH_BASE_URL`). */
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

/**
 * Everything the Graph module reads from the environment (docs/contracts.md "Environment"), parsed with zod.
 * - `baseUrl`: `GRAPH_BASE_URL` without a trailing slash, including the version segment (`…/v1.0`).
 * - `siteId`: `SHAREPOINT_SITE_ID` (`host,siteCollectionId,webId` or any id Graph accepts).
 * - auth: `GRAPH_ACCESS_TOKEN` (static bearer token) or `GRAPH_TENANT_ID` + `GRAPH_CLIENT_ID` +
 *   (`GRAPH_CLIENT_SECRET` | `GRAPH_CLIENT_CERT_PATH`, a PEM file with private key and certificate).
 * - tuning (optional): `GRAPH_TIMEOUT_MS` (per HTTP attempt, default 30000), `GRAPH_MAX_ATTEMPTS`
 *   (per HTTP request, default 6), `GRAPH_PAGE_SIZE` (items per read request, default 5000),
 *   `GRAPH_WRITE_WAIT_MS` (how long a write waits for its outbox entry to reach Graph, default 15000).
 */
export interface GraphSettings {
  baseUrl: string;
  siteId?: string;
  accessToken?: string;
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  certPath?: string;
  timeoutMs: number;
  maxAttempts: number;
  pageSize: number;
  writeWaitMs: number;
}

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() !== '' ? s.trim() : undefined));
const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return fallback;
      const n = Number(s);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: 'verwacht een positief geheel getal' });
        return z.NEVER;
      }
      return n;
    });

const envSchema = z.object({
  GRAPH_BASE_URL: z
    .string()
    .optional()
    .transform((s) => (s && s.trim() !== '' ? s.trim() : DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, ''))
    .refine((s) => /^https?:\/\/[^/]+\/[^/]+/.test(s), 'verwacht een URL met versie, bv. https://graph.microsoft.com/v1.0'),
  SHAREPOINT_SITE_ID: optionalText,
  GRAPH_ACCESS_TOKEN: optionalText,
  GRAPH_TENANT_ID: optionalText,
  GRAPH_CLIENT_ID: optionalText,
  GRAPH_CLIENT_SECRET: optionalText,
  GRAPH_CLIENT_CERT_PATH: optionalText,
  GRAPH_TIMEOUT_MS: positiveInt(30_000),
  GRAPH_MAX_ATTEMPTS: positiveInt(6),
  GRAPH_PAGE_SIZE: positiveInt(5000),
  GRAPH_WRITE_WAIT_MS: positiveInt(15_000),
});

/**
 * Read the Graph settings from `env`.
 * @throws Error (Dutch) naming the variable and what was expected, or when no way to authenticate is set.
 */
export function graphSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): GraphSettings {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    const lines = issueTeksten(r.error, { leeg: '(omgeving)' });
    throw new Error(`Ongeldige Graph-instellingen: ${lines.join('; ')}.`);
  }
  const e = r.data;
  if (!e.GRAPH_ACCESS_TOKEN && !(e.GRAPH_TENANT_ID && e.GRAPH_CLIENT_ID && (e.GRAPH_CLIENT_SECRET || e.GRAPH_CLIENT_CERT_PATH))) {
    throw new Error(
      'Geen Graph-aanmelding ingesteld: zet GRAPH_ACCESS_TOKEN, of GRAPH_TENANT_ID + GRAPH_CLIENT_ID met GRAPH_CLIENT_SECRET of GRAPH_CLIENT_CERT_PATH.',
    );
  }
  return {
    baseUrl: e.GRAPH_BASE_URL,
    siteId: e.SHAREPOINT_SITE_ID,
    accessToken: e.GRAPH_ACCESS_TOKEN,
    tenantId: e.GRAPH_TENANT_ID,
    clientId: e.GRAPH_CLIENT_ID,
    clientSecret: e.GRAPH_CLIENT_SECRET,
    certPath: e.GRAPH_CLIENT_CERT_PATH,
    timeoutMs: e.GRAPH_TIMEOUT_MS,
    maxAttempts: e.GRAPH_MAX_ATTEMPTS,
    pageSize: Math.min(e.GRAPH_PAGE_SIZE, 5000),
    writeWaitMs: e.GRAPH_WRITE_WAIT_MS,
  };
}
