/**
 * PostgreSQL for tests (issue 17). `DATABASE_URL` points at a throwaway cluster (`scripts/pg-temp.sh`;
 * `.ci/run` starts one). Without it, PostgreSQL tests skip with a message locally and fail in CI
 * (`CI=true`), so a CI run can never pass by skipping them.
 *
 * Each test gets its own schema (`freshSchema`), dropped afterwards, so tests in parallel workers never
 * see each other's rows.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { createPgPool } from '@shared/store/postgres/connection';

/** The test database URL, or undefined (see module doc). */
export const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;

/**
 * `describe` when PostgreSQL is available, else a skipped block that says why; under CI=true a failing
 * test instead (DATABASE_URL must be set there).
 */
export function describePostgres(name: string, body: () => void): void {
  if (DATABASE_URL) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('DATABASE_URL is set (CI runs the PostgreSQL tests)', () => {
        throw new Error('DATABASE_URL ontbreekt in CI: .ci/run start een tijdelijke PostgreSQL-cluster (scripts/pg-temp.sh).');
      });
    });
    return;
  }
  describe.skip(`${name} (overgeslagen: zet DATABASE_URL, bv. eval "$(scripts/pg-temp.sh start)")`, body);
}

/** Schemas created by this process, dropped by `dropSchema`. */
export async function freshSchema(): Promise<string> {
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  return schema;
}

/** Drop a schema made by `freshSchema` (and everything in it). */
export async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}

/** A pool on `schema` (the store's type parsers). */
export function schemaPool(schema: string, max = 5): pg.Pool {
  return createPgPool(DATABASE_URL, { schema, max });
}
