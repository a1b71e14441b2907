import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/** A better-sqlite3 database handle (re-exported so other modules need not import the driver's types). */
export type SqliteDatabase = Database.Database;

/** Default database file (docs/contracts.md "Environment": `data/integriteitsplein.db`), relative to the project root. */
export const DEFAULT_DB_PATH = path.join('data', 'integriteitsplein.db');

/** The database path from `INTEGRITEITSPLEIN_DB`, else `data/integriteitsplein.db`. */
export function databasePathFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.INTEGRITEITSPLEIN_DB && env.INTEGRITEITSPLEIN_DB.trim() !== '' ? env.INTEGRITEITSPLEIN_DB : DEFAULT_DB_PATH;
}

/**
 * Open (and create) the SQLite file that holds the lists and local state (outbox, conversation
 * references, vote hashes). WAL mode so the bot and tab processes can share it; a 5 s busy timeout so a
 * writer in the other process makes us wait instead of failing. `:memory:` gives a private in-memory db.
 * @throws Error (Dutch) when the folder cannot be created or the file is not a SQLite database.
 */
export function openDatabase(file: string): SqliteDatabase {
  if (file !== ':memory:') {
    const dir = path.dirname(path.resolve(file));
    fs.mkdirSync(dir, { recursive: true });
  }
  let db: SqliteDatabase;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
  } catch (err) {
    throw new Error(`Kan database ${file} niet openen: ${(err as Error).message}. Controleer INTEGRITEITSPLEIN_DB.`);
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  return db;
}
