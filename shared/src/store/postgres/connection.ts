/**
 * The PostgreSQL connection of `STORE=postgres`: one node-postgres `Pool` per process, on
 * `DATABASE_URL` (a libpq URL, `postgres://user:pass@host:5432/db?sslmode=require`).
 *
 * Values come back in the shapes the ListStore port uses, not node-postgres' defaults:
 * `date` → `YYYY-MM-DD` string (no JS Date, so no time-zone shift), `timestamptz` → ISO 8601 UTC string
 * (`2026-03-29T12:00:00.000Z`), `bigint` (counts) → number.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

const OID = { int8: 20, date: 1082, timestamptz: 1184 } as const;

const parsers: Record<number, (s: string) => unknown> = {
  [OID.date]: (s) => s,
  [OID.timestamptz]: (s) => new Date(s).toISOString(),
  [OID.int8]: (s) => Number(s),
};

/** node-postgres type parsers with the port's value shapes (see module doc). */
export const PG_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    parsers[oid] ?? pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Options of `createPgPool`. */
export interface PgPoolOptions {
  /** Schema for every table (search_path); default the user's default (`public`). Tests use one schema per test. */
  schema?: string;
  /** Pool size (default 10; `PG_POOL_MAX`). Azure Flexible Server B1ms allows 50 connections in all. */
  max?: number;
  /** Name shown in pg_stat_activity (default `integriteitsplein`). */
  applicationName?: string;
  /**
   * `entra`: no password in the URL; each new connection gets a Microsoft Entra access token of the
   * app's managed identity as its password (Azure Database for PostgreSQL Flexible Server with Entra
   * authentication; `DATABASE_AUTH=entra`, `AZURE_CLIENT_ID` = the user-assigned identity's client id).
   */
  auth?: 'password' | 'entra';
  /** Client id of the user-assigned managed identity (with `auth: 'entra'`). */
  managedIdentityClientId?: string;
}

/** Token audience of Azure Database for PostgreSQL (Microsoft Entra authentication). */
const POSTGRES_ENTRA_RESOURCE = 'https://ossrdbms-aad.database.windows.net';

/**
 * A password callback for node-postgres that returns a managed-identity access token (msal-node caches
 * it and renews it before it expires, so each new connection gets a valid one).
 */
function entraPassword(clientId: string | undefined): () => Promise<string> {
  let app: import('@azure/msal-node').ManagedIdentityApplication | undefined;
  return async () => {
    const { ManagedIdentityApplication } = await import('@azure/msal-node');
    app ??= new ManagedIdentityApplication(clientId ? { managedIdentityIdParams: { userAssignedClientId: clientId } } : {});
    const r = await app.acquireToken({ resource: POSTGRES_ENTRA_RESOURCE });
    return r.accessToken;
  };
}

/** A schema name we accept (letters, digits, underscore): it goes into `search_path` unquoted. */
const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A pool on `url` with the port's type parsers.
 * @throws Error (Dutch) when `url` is empty or not a postgres URL, or `schema` is not a plain name.
 */
export function createPgPool(url: string | undefined, options: PgPoolOptions = {}): pg.Pool {
  if (!url || !/^postgres(ql)?:\/\//.test(url.trim())) {
    throw new Error(
      'DATABASE_URL ontbreekt of is geen PostgreSQL-URL (postgres://gebruiker:wachtwoord@host:5432/database). Nodig bij STORE=postgres.',
    );
  }
  if (options.schema !== undefined && !SCHEMA.test(options.schema)) throw new Error(`Ongeldige schemanaam "${options.schema}".`);
  return new pg.Pool({
    connectionString: url.trim(),
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'integriteitsplein',
    types: PG_TYPES,
    ...(options.auth === 'entra' ? { password: entraPassword(options.managedIdentityClientId) } : {}),
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
}

/** A client inside a transaction (BEGIN … COMMIT) handed to `inTransaction`'s callback. */
export type PgTx = pg.PoolClient;

/** PostgreSQL error codes we retry: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Run `fn` in one transaction on a pooled client; COMMIT when it resolves, ROLLBACK when it throws.
 * With `isolation: 'serializable'` a serialization failure or deadlock is retried (up to `attempts`,
 * default 8, with jittered exponential backoff up to 400 ms), so callers see either success or their own error.
 * @throws whatever `fn` throws; the last serialization error after `attempts` tries.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  fn: (tx: PgTx) => Promise<T>,
  options: { isolation?: 'read committed' | 'serializable'; attempts?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query(options.isolation === 'serializable' ? 'BEGIN ISOLATION LEVEL SERIALIZABLE' : 'BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (err as { code?: string }).code;
      if (code && RETRYABLE.has(code) && attempt < attempts) {
        // Full jitter, doubling from 4 ms up to 400 ms: competing transactions spread out instead of colliding again.
        await sleep(Math.random() * Math.min(400, 4 * 2 ** attempt));
        continue;
      }
      throw err;
    } finally {
      client.release();
    }
  }
}
