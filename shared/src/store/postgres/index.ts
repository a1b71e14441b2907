/**
 * `STORE=postgres`: the ListStore and local state in PostgreSQL. See pg-list-store.ts,
 * migrations.ts and docs/decisions.md ("PostgreSQL for scale-out").
 */
import { createPgPool, type PgPoolOptions } from './connection';
import { migratePostgres } from './migrations';
import { PgListStore, type PgListStoreOptions } from './pg-list-store';

export { createPgPool, inTransaction, PG_TYPES, type PgPoolOptions, type PgTx } from './connection';
export { migratePostgres, MIGRATIONS, listTableDdl, type Migration } from './migrations';
export { PgListStore, type PgListStoreOptions, type ListWriteMirror, type MirroredWrite } from './pg-list-store';

/** Pool options from the environment: `PG_POOL_MAX`, `DATABASE_AUTH` (`password` | `entra`), `AZURE_CLIENT_ID`. */
export function pgPoolOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PgPoolOptions {
  const max = env.PG_POOL_MAX ? Number(env.PG_POOL_MAX) : undefined;
  const auth = (env.DATABASE_AUTH ?? 'password').trim() || 'password';
  if (auth !== 'password' && auth !== 'entra') throw new Error(`Onbekende DATABASE_AUTH "${auth}": kies password of entra.`);
  return { max: Number.isInteger(max) && max! > 0 ? max : undefined, auth, managedIdentityClientId: env.AZURE_CLIENT_ID || undefined };
}

/**
 * The PgListStore the environment describes: `DATABASE_URL` (libpq URL) and `pgPoolOptionsFromEnv`.
 * Migrates the schema first (safe from every instance at once).
 * @throws Error (Dutch) when DATABASE_URL is missing or invalid; the database error when it cannot connect.
 */
export async function createPostgresListStore(
  env: NodeJS.ProcessEnv = process.env,
  options: PgListStoreOptions & { schema?: string } = {},
): Promise<PgListStore> {
  const pool = createPgPool(env.DATABASE_URL, { ...pgPoolOptionsFromEnv(env), schema: options.schema });
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`Kan PostgreSQL (DATABASE_URL) niet gebruiken: ${(err as Error).message}`);
  }
  return new PgListStore(pool, options);
}
