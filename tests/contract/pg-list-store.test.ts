import { migratePostgres } from '@shared/store/postgres/migrations';
import { PgListStore } from '@shared/store/postgres/pg-list-store';
import { queryAll } from '@shared/store/list-store';
import { createListStore } from '@shared/store';
import { DATABASE_URL, describePostgres, dropSchema, freshSchema, schemaPool } from '../support/postgres';
import { runListStoreContract } from './list-store.contract';

describePostgres('PgListStore', () => {
  const schemas = new Map<PgListStore, string>();
  runListStoreContract(
    'PgListStore on PostgreSQL',
    async () => {
      const schema = await freshSchema();
      const pool = schemaPool(schema);
      await migratePostgres(pool);
      const store = new PgListStore(pool);
      schemas.set(store, schema);
      return store;
    },
    async (store) => {
      await store.close();
      await dropSchema(schemas.get(store as PgListStore)!);
    },
  );

  test('createListStore: STORE=postgres opens DATABASE_URL and migrates; without DATABASE_URL a Dutch error', async () => {
    const schema = await freshSchema();
    const url = `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const store = await createListStore({ STORE: 'postgres', DATABASE_URL: url });
    expect(store).toBeInstanceOf(PgListStore);
    await store.add('NieuweMedewerkers', { medewerkerId: 'mw-1', indienstOp: '2026-01-05', dienstverband: 'stagiair' });
    const tables = (
      await (store as PgListStore).pool.query('SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1', [schema])
    ).rows[0].n;
    expect(tables).toBeGreaterThan(10);
    await store.close();
    await dropSchema(schema);
    await expect(createListStore({ STORE: 'postgres' })).rejects.toThrow(/DATABASE_URL ontbreekt/);
    await expect(createListStore({ STORE: 'postgres', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' })).rejects.toThrow(
      /Kan PostgreSQL \(DATABASE_URL\) niet gebruiken/,
    );
  });

  describe('PostgreSQL specifics', () => {
    let schema: string;
    let store: PgListStore;
    beforeEach(async () => {
      schema = await freshSchema();
      const pool = schemaPool(schema, 12);
      await migratePostgres(pool);
      store = new PgListStore(pool);
    });
    afterEach(async () => {
      await store.close();
      await dropSchema(schema);
    });

    test('migrations run once when four instances start at the same moment, and again is a no-op', async () => {
      const pools = Array.from({ length: 4 }, () => schemaPool(schema, 2));
      // A version far beyond the real migrations (MIGRATIONS), which beforeEach applied already.
      const results = await Promise.all(
        pools.map((p) => migratePostgres(p, [{ version: 1000, name: 'probe', sql: 'CREATE TABLE probe (id int PRIMARY KEY)' }])),
      );
      expect(results.filter((r) => r.includes(1000))).toHaveLength(1);
      const rows = (await store.pool.query('SELECT version FROM schema_migrations WHERE version = 1000')).rows;
      expect(rows).toHaveLength(1);
      await Promise.all(pools.map((p) => p.end()));
    });

    test('date and dateTime columns are typed; values come back as the port strings', async () => {
      const cols = (
        await store.pool.query(
          "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'list_AmbtseedSessies'",
          [schema],
        )
      ).rows as { column_name: string; data_type: string }[];
      const type = Object.fromEntries(cols.map((c) => [c.column_name, c.data_type]));
      expect(type).toMatchObject({ start: 'timestamp with time zone', capaciteit: 'integer', online: 'boolean' });
      await store.add('NieuweMedewerkers', { medewerkerId: 'mw-1', indienstOp: '2026-03-29', dienstverband: 'extern' });
      expect((await store.get('NieuweMedewerkers', 'mw-1'))!.indienstOp).toBe('2026-03-29');
    });

    test('month-by-month bounds past the month end (2024-02-31) select February only', async () => {
      await store.addMany(
        'Gesprekken',
        ['2024-02-28', '2024-02-29', '2024-03-01', '2024-03-31'].map((datum, i) => ({
          gesprekId: `G-${i}`,
          datum,
          vertrouwenspersoon: 'intern' as const,
          onderwerp: 'integriteit' as const,
          isMelding: false,
          doorverwezen: 'geen' as const,
        })),
      );
      const feb = await queryAll(store, 'Gesprekken', { range: { column: 'datum', from: '2024-02-01', to: '2024-02-31' } });
      expect(feb.map((g) => g.datum).sort()).toEqual(['2024-02-28', '2024-02-29']);
      const fromFeb31 = await queryAll(store, 'Gesprekken', { range: { column: 'datum', from: '2024-02-31', to: '2024-03-31' } });
      expect(fromFeb31.map((g) => g.datum).sort()).toEqual(['2024-03-01', '2024-03-31']);
      await expect(store.query('Gesprekken', { range: { column: 'datum', from: '2024-W01' } })).rejects.toThrow(/datumgrens/);
    });

    test('keyset paging descending on a column with empty values keeps every item exactly once', async () => {
      await store.addMany(
        'NieuweMedewerkers',
        Array.from({ length: 37 }, (_, i) => ({
          medewerkerId: `mw-${String(i).padStart(2, '0')}`,
          indienstOp: '2025-01-01',
          dienstverband: 'stagiair' as const,
          workshopGevolgdOp: i % 3 === 0 ? null : `2025-02-${String((i % 9) + 1).padStart(2, '0')}`,
        })),
      );
      const seen: string[] = [];
      let pageToken: string | undefined;
      do {
        const page = await store.query('NieuweMedewerkers', { orderBy: 'workshopGevolgdOp', descending: true, pageSize: 4, pageToken });
        seen.push(...page.items.map((m) => m.medewerkerId));
        pageToken = page.nextPageToken;
      } while (pageToken);
      expect(seen).toHaveLength(37);
      expect(new Set(seen).size).toBe(37);
    });

    test('concurrent increments from two pools (two instances) are all counted', async () => {
      const other = new PgListStore(schemaPool(schema, 6));
      const init = { week: '2026-W49', situatie: 'zakelijk' as const, aantal: 1 };
      await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? store : other).increment('MeldwijzerGebruik', init, 'aantal')));
      expect((await store.get('MeldwijzerGebruik', '2026-W49|zakelijk'))!.aantal).toBe(40);
      await other.close();
    });

    test('the mirror sees every write inside its transaction, and a failing mirror writes nothing', async () => {
      const seen: string[] = [];
      const mirrored = new PgListStore(schemaPool(schema, 2), {
        mirror: async (_tx, writes) => {
          for (const w of writes) {
            if (w.key === 'mw-bad') throw new Error('outbox kapot');
            seen.push(`${w.mode}:${w.key}`);
          }
        },
      });
      await mirrored.addMany('NieuweMedewerkers', [
        { medewerkerId: 'mw-1', indienstOp: '2025-01-01', dienstverband: 'extern' },
        { medewerkerId: 'mw-1', indienstOp: '2025-01-01', dienstverband: 'extern' },
        { medewerkerId: 'mw-2', indienstOp: '2025-01-01', dienstverband: 'extern' },
      ]);
      await mirrored.add('NieuweMedewerkers', { medewerkerId: 'mw-1', indienstOp: '2025-01-01', dienstverband: 'extern' });
      await mirrored.update('NieuweMedewerkers', 'mw-2', { workshopGevolgdOp: '2025-03-01' });
      await expect(
        mirrored.add('NieuweMedewerkers', { medewerkerId: 'mw-bad', indienstOp: '2025-01-01', dienstverband: 'extern' }),
      ).rejects.toThrow(/outbox/);
      expect(seen).toEqual(['insert:mw-1', 'insert:mw-2', 'upsert:mw-2']);
      expect(await store.get('NieuweMedewerkers', 'mw-bad')).toBeUndefined();
      await mirrored.close();
    });

    test('atomically: 60 concurrent bookings of a session with 5 places from three instances give exactly 5', async () => {
      const stores = [store, new PgListStore(schemaPool(schema, 6)), new PgListStore(schemaPool(schema, 6))];
      await store.add('AmbtseedSessies', {
        sessieId: 'S-1',
        start: '2026-03-02T13:00:00Z',
        eind: '2026-03-02T14:00:00Z',
        soort: 'ambtseed',
        online: false,
        afnemer: 'secretaris',
        capaciteit: 5,
      });
      const boek = (i: number) =>
        stores[i % 3].atomically(async (tx) => {
          const sessie = await tx.get('AmbtseedSessies', 'S-1');
          const bezet = (await tx.query('AmbtseedInschrijvingen', { where: { sessieId: 'S-1', status: 'ingeschreven' } })).items.length;
          const status = bezet < sessie!.capaciteit ? 'ingeschreven' : 'wachtlijst';
          await tx.add('AmbtseedInschrijvingen', {
            inschrijvingId: `S-1#${String(i).padStart(5, '0')}`,
            sessieId: 'S-1',
            medewerker: `mw-${i}`,
            dienstverband: 'arbeidsovereenkomst',
            indienstOp: '2026-01-01',
            status,
          });
          return status;
        });
      const uitkomsten = await Promise.all(Array.from({ length: 60 }, (_, i) => boek(i)));
      expect(uitkomsten.filter((u) => u === 'ingeschreven')).toHaveLength(5);
      const alle = await queryAll(store, 'AmbtseedInschrijvingen', { where: { sessieId: 'S-1' } });
      expect(alle).toHaveLength(60);
      expect(alle.filter((a) => a.status === 'ingeschreven')).toHaveLength(5);
      await Promise.all(stores.slice(1).map((s) => s.close()));
    });

    test('atomically: a throwing callback writes nothing and rethrows', async () => {
      await expect(
        store.atomically(async (tx) => {
          await tx.add('NieuweMedewerkers', { medewerkerId: 'mw-x', indienstOp: '2025-01-01', dienstverband: 'extern' });
          expect(await tx.get('NieuweMedewerkers', 'mw-x')).toBeDefined(); // reads see the transaction's own writes
          throw new Error('halverwege');
        }),
      ).rejects.toThrow('halverwege');
      expect(await store.get('NieuweMedewerkers', 'mw-x')).toBeUndefined();
    });

    test('addWithSequence: unique ids across instances, seeded from imported ids, never reused after a failed write', async () => {
      const melding = (id: string) => ({
        meldingId: id,
        ontvangenOp: '2026-02-01',
        kanaal: 'teams' as const,
        meldpunt: 'vertrouwenspersoon' as const,
        soort: 'sociaal' as const,
        categorie: 'ongewensteOmgangsvormen' as const,
        betrokkene: 'ambtenaar' as const,
        anoniem: true,
        onderzoek: 'geen' as const,
        uitkomst: 'lopend' as const,
        maatregelen: ['geen' as const],
      });
      await store.addMany('Meldingen', [melding('M-2026-0041'), melding('M-2026-0007'), melding('M-2025-0900')]);
      const seq = { column: 'meldingId', prefix: 'M-2026-', digits: 4 };
      const other = new PgListStore(schemaPool(schema, 6));
      const ids = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 ? store : other).addWithSequence('Meldingen', seq, melding).then((m) => m.meldingId)),
      );
      expect(new Set(ids).size).toBe(30);
      expect([...ids].sort()[0]).toBe('M-2026-0042');
      expect([...ids].sort()[29]).toBe('M-2026-0071');
      await expect(store.addWithSequence('Meldingen', seq, (id) => ({ ...melding(id), kanaal: 'fax' as never }))).rejects.toThrow(/kanaal/);
      expect((await store.addWithSequence('Meldingen', seq, melding)).meldingId).toBe('M-2026-0073');
      await store.add('Meldingen', melding('M-2026-0074')); // taken by hand: skipped
      expect((await store.addWithSequence('Meldingen', seq, melding)).meldingId).toBe('M-2026-0075');
      await other.close();
    });
  });
});
