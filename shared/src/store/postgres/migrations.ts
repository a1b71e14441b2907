/**
 * The PostgreSQL schema of `STORE=postgres`, kept in the repo and applied at start-up.
 *
 * Two parts, both idempotent and applied under one transaction-scoped advisory lock, so four instances
 * starting at the same moment migrate exactly once and the others wait for it:
 * 1. **numbered migrations** (`MIGRATIONS`): local state (outbox, bookings' counters, conversation
 *    references, dedupe keys, vote guard, …) and what the list tables need beyond the definitions (the
 *    report's planner statistics). Each runs once; `schema_migrations` records which ran. Never edit a
 *    released migration: add the next number. They run after part 2, so they may refer to list tables.
 * 2. **list tables** derived from `shared/src/lists/definitions.ts` (the one definition of the lists):
 *    `list_<Name>` with `_key` (key columns joined by `|`) as primary key and one typed column per list
 *    column; missing tables, columns and indexes are added, nothing is ever dropped — the same rule as
 *    the SQLite store, so a new list or column in the definitions needs no hand-written migration.
 *
 * Column types: text/note/choice → `text`, multichoice → `text[]` (GIN-indexed when indexed), boolean →
 * `boolean`, whole numbers → `integer`, other numbers → `double precision`, date → `date`,
 * dateTime → `timestamptz`.
 */
import type pg from 'pg';
import { getListDefinition, LIST_NAMES, type ColumnDefinition } from '../../lists/definitions';

/** One numbered migration: `sql` runs once, inside the migration transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Key of the advisory lock that serialises migrations across instances ('ipmigr' as a number). */
const MIGRATION_LOCK = 0x69706d69;

/**
 * The numbered migrations, in order. Other modules add local-state tables here (see module doc).
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'store-volgnummers',
    // Counters of ListStore.addWithSequence: the last number handed out per (list, prefix).
    sql: `CREATE TABLE IF NOT EXISTS store_volgnummers (list text NOT NULL, prefix text NOT NULL, laatste bigint NOT NULL, PRIMARY KEY (list, prefix))`,
  },
  {
    version: 2,
    name: 'job-momenten',
    // Due moments of scheduled jobs claimed by an instance (bot/src/host/pg-boss-jobs.ts): one row = enqueued once.
    sql: `CREATE TABLE IF NOT EXISTS job_momenten (job text NOT NULL, moment text NOT NULL, geclaimd_op timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (job, moment))`,
  },
  {
    version: 3,
    name: 'lokaal-eenmalig',
    // Keys seen once with an expiry in ms since the epoch (LokaleStaat.eersteKeer: Teams' redelivered activities), shared by all instances.
    sql: `CREATE TABLE IF NOT EXISTS lokaal_eenmalig (soort text NOT NULL, sleutel text NOT NULL, verloopt bigint NOT NULL, PRIMARY KEY (soort, sleutel));
          CREATE INDEX IF NOT EXISTS lokaal_eenmalig_verloopt ON lokaal_eenmalig (verloopt)`,
  },
  {
    version: 4,
    name: 'graph-outbox',
    // The SharePoint mirror's write queue (shared/src/store/postgres/pg-outbox.ts): one row per list write, in the
    // write's own transaction; drained by any instance (FOR UPDATE SKIP LOCKED, leases on the database clock).
    sql: `CREATE TABLE IF NOT EXISTS graph_outbox (
            seq bigserial PRIMARY KEY,
            list text NOT NULL,
            item_key text NOT NULL,
            mode text NOT NULL CHECK (mode IN ('insert', 'upsert')),
            fields jsonb NOT NULL,
            state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'failed')),
            attempts integer NOT NULL DEFAULT 0,
            uncertain boolean NOT NULL DEFAULT false,
            lease_owner text,
            lease_until timestamptz,
            last_status integer,
            last_error text,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now());
          CREATE INDEX IF NOT EXISTS graph_outbox_state ON graph_outbox (state, seq);
          CREATE INDEX IF NOT EXISTS graph_outbox_key ON graph_outbox (list, item_key, seq)`,
  },
  {
    version: 5,
    name: 'lokale-staat',
    // The local state every instance must share (LokaleStaat.deelViaPostgres): turn leases, proactive messaging
    // (bot/src/proactive), intake state (bot/src/features/intake/staat.ts) and the vote guard (tab/api/stem-slot.ts).
    // Column for column the SQLite tables of shared/src/store/migraties.ts (ISO text times, 0/1 integers), so the
    // modules run the same SQL on both (LokaleStaat.alle/een/voerUit).
    sql: `CREATE TABLE IF NOT EXISTS lokaal_beurten (sleutel text PRIMARY KEY, klaar integer NOT NULL DEFAULT 0, verloopt bigint NOT NULL);
          CREATE INDEX IF NOT EXISTS lokaal_beurten_verloopt ON lokaal_beurten (verloopt);
          CREATE TABLE IF NOT EXISTS proactive_sent (dedupe_key text PRIMARY KEY, aad_object_id text NOT NULL, status text NOT NULL,
            claimed_at text NOT NULL, sent_at text);
          CREATE TABLE IF NOT EXISTS proactive_conversation_refs (aad_object_id text PRIMARY KEY, reference text NOT NULL,
            updated_at text NOT NULL, stale_since text, locale text);
          CREATE TABLE IF NOT EXISTS intake_kaarten (kaart_id text PRIMARY KEY, item_id text, created_at text NOT NULL);
          CREATE TABLE IF NOT EXISTS intake_uitvraag (cyclus text NOT NULL, aad_object_id text NOT NULL, rol text NOT NULL,
            gevraagd_op text NOT NULL, bereikbaar integer NOT NULL DEFAULT 0, herinnerd_op text, beantwoord_op text,
            aantal integer NOT NULL DEFAULT 0, PRIMARY KEY (cyclus, aad_object_id));
          CREATE TABLE IF NOT EXISTS intake_gesprek_eigenaar (gesprek_id text PRIMARY KEY, aad_object_id text NOT NULL, vastgelegd_op text NOT NULL);
          CREATE INDEX IF NOT EXISTS intake_gesprek_eigenaar_oid ON intake_gesprek_eigenaar (aad_object_id);
          CREATE TABLE IF NOT EXISTS tab_vote_guard (hash text PRIMARY KEY, week text NOT NULL, verloopt text NOT NULL);
          CREATE TABLE IF NOT EXISTS tab_vote_keys (week text PRIMARY KEY, sleutel bytea NOT NULL, verloopt text NOT NULL)`,
  },
  {
    version: 6,
    name: 'graph-budget',
    // SharePoint resource units spent by all instances together (shared/src/store/postgres/pg-budget.ts): one row per
    // paced Graph request, on the database clock; rows older than the window are deleted as it rolls.
    sql: `CREATE TABLE IF NOT EXISTS graph_budget_verbruik (id bigserial PRIMARY KEY, t timestamptz NOT NULL, eenheden integer NOT NULL);
          CREATE INDEX IF NOT EXISTS graph_budget_verbruik_t ON graph_budget_verbruik (t)`,
  },
  {
    version: 7,
    name: 'rapport-statistieken',
    // The annual report groups each list by the calendar year of its dates and a melding also by its two Wbk
    // outcomes (shared/src/report/bronnen-postgres.ts: the same expressions, which the planner matches). Without
    // statistics on them PostgreSQL guesses ~15,000 groups where there are 80 and sorts on disk instead of
    // hashing in parallel workers (bench/scale over 1,000,000 items). Statistics, not indexes: the report reads
    // every covered year, so an index would not be scanned, only cost writes. ANALYZE fills them now.
    sql: [
      ['Gesprekken', `date_part('year', "datum")`],
      ['Meldingen', `date_part('year', "ontvangenOp")`],
      ['Meldingen', `("ontvangstbevestigdOp" IS NOT NULL AND "ontvangstbevestigdOp" <= "ontvangenOp" + 7)`],
      [
        'Meldingen',
        `("terugkoppelingOp" IS NOT NULL AND "terugkoppelingOp" <= coalesce("ontvangstbevestigdOp", "ontvangenOp" + 7) + interval '3 months')`,
      ],
      ['AmbtseedInschrijvingen', `date_part('year', "afgelegdOp")`],
      ['NieuweMedewerkers', `date_part('year', "indienstOp")`],
      ['NieuweMedewerkers', `date_part('year', "workshopGevolgdOp")`],
      ['DilemmaSessies', `date_part('year', "datum")`],
      ['AgressieIncidenten', `date_part('year', "datum")`],
      ['VogAanvragen', `date_part('year', "gevraagdOp")`],
      ['Nevenwerkzaamheden', `date_part('year', "gemeldOp")`],
      ['Nevenwerkzaamheden', `date_part('year', "beoordeeldOp")`],
      ['Nevenwerkzaamheden', `date_part('year', "beeindigdOp")`],
      ['NevenwerkHerbevestigingen', `date_part('year', "gevraagdOp")`],
    ]
      .map(([lijst, expr], i) => `CREATE STATISTICS IF NOT EXISTS "st_rapport_${i + 1}" ON (${expr}) FROM "list_${lijst}";\n`)
      .concat(
        ['Gesprekken', 'Meldingen', 'AmbtseedInschrijvingen', 'NieuweMedewerkers', 'DilemmaSessies', 'AgressieIncidenten'].map(
          (lijst) => `ANALYZE "list_${lijst}";\n`,
        ),
      )
      .join(''),
  },
  {
    version: 8,
    name: 'lokale-staat-agenda-keuze',
    // The last two per-instance tables (LokaleStaat.alle/een/voerUit, column for column as in shared/src/store/migraties.ts):
    // the Graph calendar event id per ambtseed session (bot/src/features/ambtseed/uitnodiging-graph.ts; its create is
    // claimed through lokaal_eenmalig, so one instance creates the event) and the coordinator's dilemma of a coming week
    // (tab/api/dilemma-keuzes.ts). "dilemmaId" is quoted so rows come back with the same key as from SQLite.
    sql: `CREATE TABLE IF NOT EXISTS ambtseed_agenda (sessie_id text PRIMARY KEY, event_id text NOT NULL);
          CREATE TABLE IF NOT EXISTS tab_dilemma_keuze (week text PRIMARY KEY, "dilemmaId" text NOT NULL)`,
  },
];

/** Quote an identifier. Names come from our own definitions, never from users. */
export const qi = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The PostgreSQL column type of a list column (see module doc). */
export function pgColumnType(col: ColumnDefinition): string {
  switch (col.type) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return col.integer ? 'integer' : 'double precision';
    case 'date':
      return 'date';
    case 'dateTime':
      return 'timestamptz';
    case 'multichoice':
      return 'text[]';
    default:
      return 'text';
  }
}

/** DDL that creates or extends every list table (idempotent). */
export function listTableDdl(): string[] {
  const out: string[] = [];
  for (const name of LIST_NAMES) {
    const def = getListDefinition(name);
    const table = qi(`list_${name}`);
    out.push(`CREATE TABLE IF NOT EXISTS ${table} (_key text PRIMARY KEY)`);
    for (const c of def.columns) out.push(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${qi(c.name)} ${pgColumnType(c)}`);
    for (const c of def.columns) {
      if (!c.indexed || (def.key.length === 1 && def.key[0] === c.name)) continue; // the primary key indexes it
      const using = c.type === 'multichoice' ? ' USING gin' : '';
      out.push(`CREATE INDEX IF NOT EXISTS ${qi(`ix_${name}_${c.name}`)} ON ${table}${using} (${qi(c.name)})`);
    }
  }
  return out;
}

/**
 * Bring the database on `pool` (its search_path schema) up to date: pending numbered migrations, then
 * the list tables. Safe to call from every instance at every start.
 * @returns the versions applied by this call (empty when the schema was current).
 * @throws the database error of a failing migration (nothing of that migration stays applied).
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const ddl of listTableDdl()) await client.query(ddl);
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
