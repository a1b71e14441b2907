/**
 * Generates the deployment's own secrets ONCE, at `atk provision` (the `script` step in m365agents.yml and
 * m365agents.local.yml): for every name in `GEHEIMEN` that is not yet set (or shorter than 32 characters) it
 * prints the Agents Toolkit command `::set-teamsfx-env <NAME>=<64 hex characters>` (32 random bytes from
 * node:crypto). The Toolkit stores variables that start with `SECRET_` in the gitignored env/.env.<env>.user;
 * azure.parameters.json hands them to infra/azure.bicep, which keeps them in Key Vault. An existing value is
 * never replaced: rotating the link secret would invalidate every oorkonde link, rotating the vote secret would
 * let people vote twice in the current week.
 *
 * CLI: `npx tsx infra/geheimen.ts` (reads the current values from the environment; prints only new ones).
 */
import crypto from 'node:crypto';

/** The secrets the deployment generates itself, as Toolkit env names, and the runtime setting each becomes. */
export const GEHEIMEN = [
  { env: 'SECRET_AMBTSEED_LINK_SECRET', instelling: 'AMBTSEED_LINK_SECRET' },
  { env: 'SECRET_TAB_VOTE_SECRET', instelling: 'TAB_VOTE_SECRET' },
] as const;

/** Shortest value kept as is (characters); must match the Bicep `@minLength(32)` of the parameters. */
const MIN_LENGTE = 32;

/**
 * The Toolkit lines for the secrets that are missing in `env`.
 * @param random source of random bytes (tests)
 * @returns one `::set-teamsfx-env NAME=value` line per missing secret (none when all are set)
 */
export function nieuweGeheimen(env: NodeJS.ProcessEnv, random: (n: number) => Buffer = crypto.randomBytes): string[] {
  return GEHEIMEN.filter((g) => (env[g.env] ?? '').trim().length < MIN_LENGTE).map(
    (g) => `::set-teamsfx-env ${g.env}=${random(32).toString('hex')}`,
  );
}

if (require.main === module) {
  for (const regel of nieuweGeheimen(process.env)) console.log(regel);
}
