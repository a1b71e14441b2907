import { databasePathFromEnv } from './database';
import type { ListStore } from './list-store';
import type { LokaleStaat } from './lokaal';
import { SqliteListStore } from './sqlite-list-store';

export * from './list-store';
export { SqliteListStore } from './sqlite-list-store';
export { openDatabase, databasePathFromEnv, type SqliteDatabase } from './database';
export { LokaleStaat } from './lokaal';

/**
 * The store the environment asks for (docs/contracts.md "Environment"): `STORE=sqlite` (default) opens
 * `INTEGRITEITSPLEIN_DB` (default `data/integriteitsplein.db`); `STORE=graph` the SharePoint lists;
 * `STORE=postgres` the PostgreSQL database at `DATABASE_URL` (migrated on open; see ./postgres).
 * @param lokaal the process's local state: the SQLite store then uses its handle (one connection per process)
 *   and the Graph store keeps its outbox and counters there; with PostgreSQL its shared part moves to the database
 *   (`LokaleStaat.deelViaPostgres`). Without it the store opens the file itself.
 * @throws Error (Dutch) for an unknown STORE value or missing Graph settings.
 */
export async function createListStore(env: NodeJS.ProcessEnv = process.env, lokaal?: LokaleStaat): Promise<ListStore> {
  const kind = (env.STORE ?? 'sqlite').trim() || 'sqlite';
  if (kind === 'sqlite') return new SqliteListStore(lokaal ?? databasePathFromEnv(env));
  if (kind === 'graph') {
    // The Graph adapter lives in ./graph; loaded lazily so the embedded default never needs it.
    const modulePath = './graph';
    const graph: unknown = await import(modulePath).catch(() => undefined);
    if (!graph || typeof (graph as { createGraphListStore?: unknown }).createGraphListStore !== 'function') {
      throw new Error('STORE=graph is in deze versie nog niet beschikbaar. Gebruik STORE=sqlite.');
    }
    return (graph as { createGraphListStore: (e: NodeJS.ProcessEnv, l?: LokaleStaat) => Promise<ListStore> }).createGraphListStore(
      env,
      lokaal,
    );
  }
  if (kind === 'postgres') {
    const { createPostgresListStore } = await import('./postgres');
    const store = await createPostgresListStore(env);
    // Several instances share one database: the local state they must agree on lives there too.
    lokaal?.deelViaPostgres(store.pool);
    return store;
  }
  throw new Error(`Onbekende STORE "${kind}": kies sqlite, postgres of graph.`);
}
