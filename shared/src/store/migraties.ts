/**
 * The one place that owns every table of the local SQLite file (`INTEGRITEITSPLEIN_DB`): the list tables
 * of the embedded store and the local state every process keeps beside the lists, whatever `STORE` is
 * (docs/decisions.md, "One SQLite file for lists and local state"). Modules keep their own SQL on their own
 * tables but never create a table: `LokaleStaat.open` (and `SqliteListStore`) run these migrations once per
 * handle. Every statement is idempotent (`IF NOT EXISTS`, columns added when absent, never dropped), so a
 * file written by an older version is brought up to date in place.
 */
import { getListDefinition, LIST_NAMES, type ColumnDefinition } from '../lists/definitions';
import type { SqliteDatabase } from './database';

/** Quote an identifier for SQL. Names come from our own definitions, never from users. */
export const sqlIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The SQLite column type of a list column (booleans 0/1, multichoice JSON text). */
export function sqlType(col: ColumnDefinition): string {
  if (col.type === 'boolean') return 'INTEGER';
  if (col.type === 'number') return col.integer ? 'INTEGER' : 'REAL';
  return 'TEXT';
}

/**
 * Run `migreer` in one `BEGIN IMMEDIATE` transaction. Processes that open a new file at the same moment (the bot and
 * the tab, or several `lists import` runs) then migrate one after the other (the busy timeout of `openDatabase` makes
 * the next one wait): a column check and its `ALTER TABLE` can no longer interleave ("duplicate column name").
 * Inside a transaction already (a caller's), it runs in that one.
 */
function alsEen(db: SqliteDatabase, migreer: () => void): void {
  if (db.inTransaction) migreer();
  else db.transaction(migreer).immediate();
}

/** Add `column` to `table` when an older file lacks it. */
function addColumnIfMissing(db: SqliteDatabase, table: string, column: string, type: string): void {
  const cols = (db.prepare(`PRAGMA table_info(${sqlIdent(table)})`).all() as { name: string }[]).map((c) => c.name);
  if (!cols.includes(column)) db.exec(`ALTER TABLE ${sqlIdent(table)} ADD COLUMN ${sqlIdent(column)} ${type}`);
}

/**
 * One table per list (`list_<Name>`), one typed column per list column, `_key` (key columns joined by `|`) as
 * primary key, indexes on the columns the definitions mark indexed. Columns a newer definition adds are added.
 */
export function migreerLijsttabellen(db: SqliteDatabase): void {
  alsEen(db, () => migreerLijsttabellenNu(db));
}

function migreerLijsttabellenNu(db: SqliteDatabase): void {
  for (const name of LIST_NAMES) {
    const def = getListDefinition(name);
    const table = `list_${name}`;
    const colsSql = def.columns.map((c) => `${sqlIdent(c.name)} ${sqlType(c)}`).join(', ');
    db.exec(`CREATE TABLE IF NOT EXISTS ${sqlIdent(table)} (_key TEXT PRIMARY KEY NOT NULL, ${colsSql})`);
    for (const c of def.columns) addColumnIfMissing(db, table, c.name, sqlType(c));
    for (const c of def.columns) {
      if (c.indexed) db.exec(`CREATE INDEX IF NOT EXISTS ${sqlIdent(`ix_${name}_${c.name}`)} ON ${sqlIdent(table)} (${sqlIdent(c.name)})`);
    }
  }
}

/**
 * The local-state tables, each with the module that reads and writes it:
 * - `graph_outbox` — the Graph adapter's durable write queue (shared/src/store/graph/outbox.ts);
 * - `store_volgnummers` — counters of `ListStore.addWithSequence` (last number per list and prefix);
 * - `lokaal_eenmalig` — keys seen once with an expiry (`LokaleStaat.eersteKeer`);
 * - `lokaal_beurten` — turn leases of Teams activities (`LokaleStaat.claimBeurt`: redeliveries, a turn never run twice at once);
 * - `proactive_sent`, `proactive_conversation_refs` — proactive messaging (bot/src/proactive);
 * - `intake_kaarten`, `intake_uitvraag`, `intake_gesprek_eigenaar` — intake card idempotency, the half-yearly uitvraag and
 *   which vertrouwenspersoon recorded a gesprek, for "Mijn registraties" (bot/src/features/intake/staat.ts);
 * - `intake_job_runs` — which daily job ran on which Amsterdam day (bot/src/jobs);
 * - `ambtseed_agenda` — Graph calendar event id per session (bot/src/features/ambtseed/uitnodiging-graph.ts);
 * - `ambtseed_wacht_op_lijst` — bookings answered "pending" whose outcome is still to be told (bot, ambtseed);
 * - `tab_vote_guard`, `tab_vote_keys` — the anonymous one-vote-per-week guard (tab/api/stem-slot.ts);
 * - `tab_dilemma_keuze` — the coordinator's dilemma of a coming week (tab/api).
 */
export function migreerLokaleStaat(db: SqliteDatabase): void {
  alsEen(db, () => migreerLokaleStaatNu(db));
}

function migreerLokaleStaatNu(db: SqliteDatabase): void {
  db.exec(`CREATE TABLE IF NOT EXISTS graph_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    list TEXT NOT NULL,
    item_key TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('insert', 'upsert')),
    fields TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    uncertain INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_until INTEGER,
    last_status INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  )`);
  db.exec('CREATE INDEX IF NOT EXISTS graph_outbox_state ON graph_outbox (state, seq)');
  db.exec('CREATE INDEX IF NOT EXISTS graph_outbox_key ON graph_outbox (list, item_key, seq)');
  db.exec(`CREATE TABLE IF NOT EXISTS store_volgnummers (
    list TEXT NOT NULL,
    prefix TEXT NOT NULL,
    laatste INTEGER NOT NULL,
    PRIMARY KEY (list, prefix)
  ) WITHOUT ROWID`);
  db.exec(`CREATE TABLE IF NOT EXISTS lokaal_eenmalig (
    soort TEXT NOT NULL,
    sleutel TEXT NOT NULL,
    verloopt INTEGER NOT NULL,
    PRIMARY KEY (soort, sleutel)
  ) WITHOUT ROWID`);
  db.exec('CREATE INDEX IF NOT EXISTS lokaal_eenmalig_verloopt ON lokaal_eenmalig (verloopt)');
  db.exec(`CREATE TABLE IF NOT EXISTS lokaal_beurten (
    sleutel TEXT PRIMARY KEY NOT NULL,
    klaar INTEGER NOT NULL DEFAULT 0,
    verloopt INTEGER NOT NULL
  ) WITHOUT ROWID`);
  db.exec('CREATE INDEX IF NOT EXISTS lokaal_beurten_verloopt ON lokaal_beurten (verloopt)');
  db.exec(`CREATE TABLE IF NOT EXISTS proactive_sent (
    dedupe_key TEXT PRIMARY KEY NOT NULL,
    aad_object_id TEXT NOT NULL,
    status TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    sent_at TEXT
  )`);
  db.exec(`CREATE TABLE IF NOT EXISTS proactive_conversation_refs (
    aad_object_id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    stale_since TEXT
  )`);
  addColumnIfMissing(db, 'proactive_conversation_refs', 'locale', 'TEXT');
  db.exec(`CREATE TABLE IF NOT EXISTS intake_kaarten (
    kaart_id TEXT PRIMARY KEY NOT NULL,
    item_id TEXT,
    created_at TEXT NOT NULL
  )`);
  db.exec(`CREATE TABLE IF NOT EXISTS intake_uitvraag (
    cyclus TEXT NOT NULL,
    aad_object_id TEXT NOT NULL,
    rol TEXT NOT NULL,
    gevraagd_op TEXT NOT NULL,
    bereikbaar INTEGER NOT NULL DEFAULT 0,
    herinnerd_op TEXT,
    beantwoord_op TEXT,
    aantal INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (cyclus, aad_object_id)
  )`);
  db.exec(`CREATE TABLE IF NOT EXISTS intake_gesprek_eigenaar (
    gesprek_id TEXT PRIMARY KEY NOT NULL,
    aad_object_id TEXT NOT NULL,
    vastgelegd_op TEXT NOT NULL
  )`);
  db.exec('CREATE INDEX IF NOT EXISTS intake_gesprek_eigenaar_oid ON intake_gesprek_eigenaar (aad_object_id)');
  db.exec(
    'CREATE TABLE IF NOT EXISTS intake_job_runs (job TEXT NOT NULL, datum TEXT NOT NULL, gestart_op TEXT NOT NULL, PRIMARY KEY (job, datum))',
  );
  db.exec('CREATE TABLE IF NOT EXISTS ambtseed_agenda (sessie_id TEXT PRIMARY KEY NOT NULL, event_id TEXT NOT NULL)');
  db.exec(`CREATE TABLE IF NOT EXISTS ambtseed_wacht_op_lijst (
    inschrijving_id TEXT PRIMARY KEY NOT NULL,
    aad_object_id TEXT NOT NULL,
    aangevraagd_op TEXT NOT NULL
  )`);
  db.exec(
    'CREATE TABLE IF NOT EXISTS tab_vote_guard (hash TEXT PRIMARY KEY NOT NULL, week TEXT NOT NULL, verloopt TEXT NOT NULL) WITHOUT ROWID',
  );
  db.exec(
    'CREATE TABLE IF NOT EXISTS tab_vote_keys (week TEXT PRIMARY KEY NOT NULL, sleutel BLOB NOT NULL, verloopt TEXT NOT NULL) WITHOUT ROWID',
  );
  db.exec('CREATE TABLE IF NOT EXISTS tab_dilemma_keuze (week TEXT PRIMARY KEY NOT NULL, dilemmaId TEXT NOT NULL)');
}
