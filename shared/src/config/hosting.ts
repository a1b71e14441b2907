/**
 * Where a process runs, as far as safety settings are concerned.
 *
 * Production is `NODE_ENV=production` or any Azure App Service variable: App Service sets `WEBSITE_SITE_NAME`
 * and `WEBSITE_INSTANCE_ID` on every web app (Microsoft Learn, "Environment variables and app settings in
 * Azure App Service"), so a deployment is recognised even when nobody set NODE_ENV.
 */

/** The variables that mark a production host, in the order they are reported. */
export const PRODUCTIE_VARIABELEN = ['NODE_ENV', 'WEBSITE_SITE_NAME', 'WEBSITE_INSTANCE_ID'] as const;

/**
 * Why this process counts as production.
 * @returns the first marker found, e.g. `NODE_ENV=production` or `WEBSITE_SITE_NAME`; undefined on a laptop,
 *   in CI and in tests (no marker set, or only empty values).
 */
export function productieKenmerk(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if ((env.NODE_ENV ?? '').trim().toLowerCase() === 'production') return 'NODE_ENV=production';
  for (const naam of PRODUCTIE_VARIABELEN.slice(1)) if ((env[naam] ?? '').trim()) return naam;
  return undefined;
}

/**
 * A start-up refusal: the process must not run with these settings. `message` is one Dutch line for the
 * operator (which setting, what to do); start-up scripts print it and exit 1, without a stack trace.
 */
export class StartWeigering extends Error {
  override readonly name = 'StartWeigering';
}

/** Shortest accepted link secret (characters): 32 hex characters = 128 bits. */
export const MIN_GEHEIM_LENGTE = 32;

/** True when App Service left a Key Vault reference unresolved in the value. */
export function onopgelosteKeyVaultVerwijzing(waarde: string | undefined): boolean {
  return /^@Microsoft\.KeyVault\(/i.test((waarde ?? '').trim());
}

/**
 * The problem with a secret setting, as Dutch text, or undefined when it is usable.
 * An App Service Key Vault reference that could not be resolved stays in the variable as the literal
 * `@Microsoft.KeyVault(...)` text; that counts as missing, with a hint about the vault role.
 */
export function geheimProbleem(naam: string, waarde: string | undefined): string | undefined {
  const v = (waarde ?? '').trim();
  if (onopgelosteKeyVaultVerwijzing(v))
    return `${naam} is een Key Vault-verwijzing die App Service niet kon oplossen (controleer het secret en de rol "Key Vault Secrets User" van de managed identity)`;
  if (!v) return `${naam} ontbreekt`;
  if (v.length < MIN_GEHEIM_LENGTE) return `${naam} is korter dan ${MIN_GEHEIM_LENGTE} tekens`;
  return undefined;
}
