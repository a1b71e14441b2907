/**
 * `STORE=postgres`: the ListStore and local state in PostgreSQL. See pg-list-store.ts,
 * migrations.ts and docs/decisions.md ("PostgreSQL for scale-out").
 */
import pino from 'pino';
import { createPgPool, type PgPoolOptions } from './connection';
import { migratePostgres } from './migrations';
import { PgListStore, type PgListStoreOptions } from './pg-list-store';
import type { SharePointSpiegel, SharePointSpiegelOptions } from '../graph/sharepoint-spiegel';

export { createPgPool, inTransaction, PG_TYPES, type PgPoolOptions, type PgTx } from './connection';
export { migratePostgres, MIGRATIONS, listTableDdl, type Migration } from './migrations';
export { PgListStore, type PgListStoreOptions, type ListWriteMirror, type ListMirror, type MirroredWrite } from './pg-list-store';
export { PgOutbox, type PgOutboxWrite } from './pg-outbox';

const log = pino({ name: 'postgres-store', level: process.env.LOG_LEVEL ?? 'info' });

/** Pool options from the environment: `PG_POOL_MAX`, `DATABASE_AUTH` (`password` | `entra`), `AZURE_CLIENT_ID`. */
export function pgPoolOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PgPoolOptions {
  const max = env.PG_POOL_MAX ? Number(env.PG_POOL_MAX) : undefined;
  const auth = (env.DATABASE_AUTH ?? 'password').trim() || 'password';
  if (auth !== 'password' && auth !== 'entra') throw new Error(`Onbekende DATABASE_AUTH "${auth}": kies password of entra.`);
  return { max: Number.isInteger(max) && max! > 0 ? max : undefined, auth, managedIdentityClientId: env.AZURE_CLIENT_ID || undefined };
}

/**
 * The PgListStore the environment describes: `DATABASE_URL` (libpq URL) and `pgPoolOptionsFromEnv`.
 * Migrates the schema first (safe from every instance at once). With the Graph settings (`GRAPH_*`,
 * `SHAREPOINT_SITE_ID`) every list write is mirrored to SharePoint through `graph_outbox`
 * (shared/src/store/graph/sharepoint-spiegel.ts); without them nothing is mirrored, and one log line says so.
 * @param options.spiegel `false`: no mirror whatever the environment says; an object: overrides of the mirror's
 *   options (lease, poll interval). An explicit `mirror` wins.
 * @throws Error (Dutch) when DATABASE_URL is missing or invalid, the Graph settings are incomplete; the database
 *   error when it cannot connect.
 */
export async function createPostgresListStore(
  env: NodeJS.ProcessEnv = process.env,
  options: PgListStoreOptions & { schema?: string; spiegel?: false | Partial<SharePointSpiegelOptions> } = {},
): Promise<PgListStore> {
  const pool = createPgPool(env.DATABASE_URL, { ...pgPoolOptionsFromEnv(env), schema: options.schema });
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`Kan PostgreSQL (DATABASE_URL) niet gebruiken: ${(err as Error).message}`);
  }
  if (options.mirror || options.spiegel === false) return new PgListStore(pool, options);
  let spiegel: SharePointSpiegel | undefined;
  try {
    const { spiegelVanEnv } = await import('../graph/sharepoint-spiegel');
    spiegel = spiegelVanEnv(env, pool, options.spiegel ?? {});
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  if (spiegel) log.info({ event: 'sharepoint-spiegel', aan: true }, 'list writes are mirrored to SharePoint through graph_outbox');
  else log.info({ event: 'sharepoint-spiegel', aan: false }, 'no GRAPH_* settings: list writes are not mirrored to SharePoint');
  return new PgListStore(pool, { ...options, mirror: spiegel?.mirror });
}
