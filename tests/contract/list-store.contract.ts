import { InvalidItemError, ItemNotFoundError, queryAll, type ListStore } from '@shared/store/list-store';
import type { ListItemInput } from '@shared/lists/schemas';

/**
 * The ListStore contract: every implementation (SqliteListStore, GraphListStore) must pass this suite.
 * `factory` returns a fresh, empty store for each test; `teardown` (optional) runs after each test.
 */
export function runListStoreContract(
  name: string,
  factory: () => Promise<ListStore>,
  teardown?: (store: ListStore) => Promise<void>,
): void {
  describe(`ListStore contract: ${name}`, () => {
    let store: ListStore;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      if (teardown) await teardown(store);
      else await store.close();
    });

    const melding = (n: number, o: Partial<ListItemInput<'Meldingen'>> = {}): ListItemInput<'Meldingen'> => ({
      meldingId: `M-2024-${String(n).padStart(4, '0')}`,
      ontvangenOp: `2024-${String(((n - 1) % 12) + 1).padStart(2, '0')}-15`,
      kanaal: 'gesprek',
      meldpunt: 'vertrouwenspersoon',
      soort: n % 2 ? 'zakelijk' : 'sociaal',
      categorie: n % 2 ? 'informatie' : 'ongewensteOmgangsvormen',
      betrokkene: 'ambtenaar',
      anoniem: n % 3 === 0,
      onderzoek: 'geen',
      uitkomst: 'lopend',
      maatregelen: n % 4 === 0 ? ['teamtraject', 'dossiernotitie'] : ['geen'],
      ...o,
    });

    test('add then get returns the canonical item (optional columns null)', async () => {
      const r = await store.add('Meldingen', melding(1));
      expect(r.created).toBe(true);
      const got = await store.get('Meldingen', 'M-2024-0001');
      expect(got).toEqual({ ...melding(1), ontvangstbevestigdOp: null, terugkoppelingOp: null, afgeslotenOp: null, bewaarTot: null });
      expect(typeof got!.anoniem).toBe('boolean');
    });

    test('add is idempotent on the key: the second add keeps the first item', async () => {
      await store.add('Meldingen', melding(1, { kanaal: 'teams' }));
      const again = await store.add('Meldingen', melding(1, { kanaal: 'telefonisch' }));
      expect(again.created).toBe(false);
      expect(again.item.kanaal).toBe('teams');
      expect(await queryAll(store, 'Meldingen')).toHaveLength(1);
    });

    test('add rejects an invalid item and writes nothing', async () => {
      await expect(store.add('Meldingen', { ...melding(1), kanaal: 'fax' } as never)).rejects.toBeInstanceOf(InvalidItemError);
      await expect(store.add('Gesprekken', { gesprekId: 'G-1', naam: 'X' } as never)).rejects.toBeInstanceOf(InvalidItemError);
      expect(await store.get('Meldingen', 'M-2024-0001')).toBeUndefined();
    });

    test('addMany writes all or nothing and counts existing keys', async () => {
      const items = [1, 2, 3, 4, 5].map((n) => melding(n));
      expect(await store.addMany('Meldingen', items)).toEqual({ created: 5, existing: 0 });
      expect(await store.addMany('Meldingen', [melding(5), melding(6)])).toEqual({ created: 1, existing: 1 });
      const bad = [melding(7), { ...melding(8), ontvangenOp: '2024-02-30' }];
      await expect(store.addMany('Meldingen', bad)).rejects.toThrow(/item 2: ontvangenOp/);
      expect(await store.get('Meldingen', 'M-2024-0007')).toBeUndefined();
      expect(await queryAll(store, 'Meldingen')).toHaveLength(6);
    });

    test('update changes columns, keeps the key, validates, and throws for a missing key', async () => {
      await store.add('Meldingen', melding(1));
      const u = await store.update('Meldingen', 'M-2024-0001', {
        ontvangstbevestigdOp: '2024-01-18',
        uitkomst: 'gegrond',
        maatregelen: ['waarschuwing'],
      });
      expect(u.ontvangstbevestigdOp).toBe('2024-01-18');
      expect((await store.get('Meldingen', 'M-2024-0001'))!.maatregelen).toEqual(['waarschuwing']);
      await expect(store.update('Meldingen', 'M-2024-0001', { uitkomst: 'misschien' } as never)).rejects.toBeInstanceOf(InvalidItemError);
      await expect(store.update('Meldingen', 'M-2024-0001', { meldingId: 'M-2024-0099' })).rejects.toBeInstanceOf(InvalidItemError);
      await expect(store.update('Meldingen', 'M-2099-0001', { uitkomst: 'gegrond' })).rejects.toBeInstanceOf(ItemNotFoundError);
      expect((await store.get('Meldingen', 'M-2024-0001'))!.uitkomst).toBe('gegrond');
    });

    test('query filters by date range (inclusive), choice and multichoice', async () => {
      await store.addMany(
        'Meldingen',
        Array.from({ length: 24 }, (_, i) => melding(i + 1)),
      );
      const q1 = await queryAll(store, 'Meldingen', { range: { column: 'ontvangenOp', from: '2024-03-15', to: '2024-05-15' } });
      expect(q1.map((m) => m.ontvangenOp).sort()).toEqual([
        '2024-03-15',
        '2024-03-15',
        '2024-04-15',
        '2024-04-15',
        '2024-05-15',
        '2024-05-15',
      ]);
      const zakelijk = await queryAll(store, 'Meldingen', { where: { soort: 'zakelijk' } });
      expect(zakelijk).toHaveLength(12);
      expect(zakelijk.every((m) => m.soort === 'zakelijk')).toBe(true);
      const anoniem = await queryAll(store, 'Meldingen', { where: { anoniem: true } });
      expect(anoniem).toHaveLength(8);
      const team = await queryAll(store, 'Meldingen', { where: { maatregelen: 'teamtraject' } });
      expect(team.map((m) => m.meldingId)).toEqual([
        'M-2024-0004',
        'M-2024-0008',
        'M-2024-0012',
        'M-2024-0016',
        'M-2024-0020',
        'M-2024-0024',
      ]);
      const oneOf = await queryAll(store, 'Meldingen', {
        where: { categorie: ['informatie', 'financieel'] },
        range: { column: 'ontvangenOp', from: '2024-01-01', to: '2024-06-30' },
      });
      expect(oneOf).toHaveLength(6);
    });

    test('query pages in a stable order without gaps or repeats', async () => {
      const n = 53;
      await store.addMany(
        'Gesprekken',
        Array.from({ length: n }, (_, i) => ({
          gesprekId: `G-${String(i).padStart(3, '0')}`,
          datum: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
          vertrouwenspersoon: 'intern' as const,
          onderwerp: 'integriteit' as const,
          isMelding: i % 2 === 0,
          doorverwezen: 'geen' as const,
        })),
      );
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await store.query('Gesprekken', { pageSize: 10, pageToken: token, orderBy: 'datum' });
        expect(page.items.length).toBeLessThanOrEqual(10);
        seen.push(...page.items.map((g) => g.gesprekId));
        token = page.nextPageToken;
        pages++;
      } while (token);
      expect(pages).toBe(6);
      expect(new Set(seen).size).toBe(n);
      const dates = (await queryAll(store, 'Gesprekken', { orderBy: 'datum' })).map((g) => g.datum);
      expect(dates).toEqual([...dates].sort());
    });

    test('composite key and atomic increment (MeldwijzerGebruik)', async () => {
      await store.increment('MeldwijzerGebruik', { week: '2026-W48', situatie: 'dilemma', aantal: 1 }, 'aantal');
      await store.increment('MeldwijzerGebruik', { week: '2026-W48', situatie: 'dilemma', aantal: 1 }, 'aantal');
      await store.increment('MeldwijzerGebruik', { week: '2026-W48', situatie: 'zakelijk', aantal: 1 }, 'aantal');
      await Promise.all(
        Array.from({ length: 10 }, () =>
          store.increment('MeldwijzerGebruik', { week: '2026-W49', situatie: 'dilemma', aantal: 1 }, 'aantal'),
        ),
      );
      expect((await store.get('MeldwijzerGebruik', '2026-W48|dilemma'))!.aantal).toBe(2);
      expect((await store.get('MeldwijzerGebruik', '2026-W48|zakelijk'))!.aantal).toBe(1);
      expect((await store.get('MeldwijzerGebruik', '2026-W49|dilemma'))!.aantal).toBe(10);
    });

    test('dateTime values are stored as UTC instants; multichoice optional may be empty', async () => {
      await store.add('AmbtseedSessies', {
        sessieId: 'S-1',
        start: '2026-03-29T14:00:00+02:00',
        eind: '2026-03-29T15:30:00+02:00',
        soort: 'ambtseed',
        locatie: 'Statenzaal',
        online: false,
        afnemer: 'provinciesecretaris',
        capaciteit: 20,
      });
      expect((await store.get('AmbtseedSessies', 'S-1'))!.start).toBe('2026-03-29T12:00:00.000Z');
      await store.add('AgressieIncidenten', { incidentId: 'A-1', datum: '2026-10-25', soort: ['verbaal', 'psychisch'], maatregelen: [] });
      expect(await store.get('AgressieIncidenten', 'A-1')).toEqual({
        incidentId: 'A-1',
        datum: '2026-10-25',
        soort: ['verbaal', 'psychisch'],
        maatregelen: [],
      });
    });

    /* ---------- atomically, addWithSequence, writeStatus ---------- */

    const gebruik = (aantal: number): ListItemInput<'MeldwijzerGebruik'> => ({ week: '2026-W50', situatie: 'algemeen', aantal });

    test("atomically: reads see the transaction's own writes, others see them after the commit", async () => {
      const r = await store.atomically(async (tx) => {
        await tx.add('Meldingen', melding(1));
        const binnen = await tx.get('Meldingen', 'M-2024-0001');
        await tx.update('Meldingen', 'M-2024-0001', { uitkomst: 'gegrond' });
        const page = await tx.query('Meldingen', { where: { uitkomst: 'gegrond' } });
        return { binnen: binnen?.uitkomst, gevonden: page.items.map((m) => m.meldingId) };
      });
      expect(r).toEqual({ binnen: 'lopend', gevonden: ['M-2024-0001'] });
      expect((await store.get('Meldingen', 'M-2024-0001'))?.uitkomst).toBe('gegrond');
      expect(await store.writeStatus('Meldingen', 'M-2024-0001')).toEqual({ state: 'written' });
    });

    test('atomically: when the callback throws nothing is written and the error comes back', async () => {
      await store.add('Meldingen', melding(2));
      const fout = new Error('afgebroken');
      await expect(
        store.atomically(async (tx) => {
          await tx.add('Meldingen', melding(3));
          await tx.update('Meldingen', 'M-2024-0002', { uitkomst: 'ongegrond' });
          throw fout;
        }),
      ).rejects.toBe(fout);
      expect(await store.get('Meldingen', 'M-2024-0003')).toBeUndefined();
      expect((await store.get('Meldingen', 'M-2024-0002'))?.uitkomst).toBe('lopend');
      // an invalid write inside the transaction fails the same way
      await expect(store.atomically(async (tx) => tx.add('Meldingen', { ...melding(4), kanaal: 'duif' as never }))).rejects.toBeInstanceOf(
        InvalidItemError,
      );
      expect(await store.get('Meldingen', 'M-2024-0004')).toBeUndefined();
    });

    test('atomically: 12 concurrent read-modify-write transactions lose no update', async () => {
      await store.add('MeldwijzerGebruik', gebruik(0));
      await Promise.all(
        Array.from({ length: 12 }, () =>
          store.atomically(async (tx) => {
            const nu = (await tx.get('MeldwijzerGebruik', '2026-W50|algemeen'))!;
            await tx.update('MeldwijzerGebruik', '2026-W50|algemeen', { aantal: nu.aantal + 1 });
          }),
        ),
      );
      expect((await store.get('MeldwijzerGebruik', '2026-W50|algemeen'))!.aantal).toBe(12);
    });

    const volgnummer = {
      column: 'meldingId',
      prefix: 'M-2024-',
      digits: 4,
      seed: { range: { column: 'ontvangenOp', from: '2024-01-01', to: '2024-12-31' } },
    };
    const metId = (id: string) => ({ ...melding(1), meldingId: id });

    test('addWithSequence: seeded once from the ids that exist, then counts on; taken numbers are skipped', async () => {
      await store.addMany('Meldingen', [melding(3), melding(7), { ...melding(9), meldingId: 'M-2023-0042', ontvangenOp: '2023-05-01' }]);
      const a = await store.addWithSequence('Meldingen', volgnummer, metId);
      const b = await store.addWithSequence('Meldingen', volgnummer, metId);
      expect([a.meldingId, b.meldingId]).toEqual(['M-2024-0008', 'M-2024-0009']);
      await store.add('Meldingen', melding(10)); // someone else (an import) takes the next number
      expect((await store.addWithSequence('Meldingen', volgnummer, metId)).meldingId).toBe('M-2024-0011');
      // another prefix has its own counter, and more digits than `digits` when needed
      expect(
        (
          await store.addWithSequence('Meldingen', { ...volgnummer, prefix: 'M-2025-', digits: 1, seed: undefined }, (id) => ({
            ...metId(id),
            ontvangenOp: '2025-01-02',
          }))
        ).meldingId,
      ).toBe('M-2025-1');
      expect((await store.get('Meldingen', 'M-2024-0008'))?.kanaal).toBe('gesprek');
    });

    test('addWithSequence: 10 at once get 10 different consecutive ids; also inside atomically', async () => {
      const ids = await Promise.all(
        Array.from({ length: 10 }, () => store.addWithSequence('Meldingen', volgnummer, metId).then((m) => m.meldingId)),
      );
      expect([...ids].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `M-2024-${String(i + 1).padStart(4, '0')}`));
      const binnen = await store.atomically(async (tx) => [
        (await tx.addWithSequence('Meldingen', volgnummer, metId)).meldingId,
        (await tx.addWithSequence('Meldingen', volgnummer, metId)).meldingId,
      ]);
      expect(binnen).toEqual(['M-2024-0011', 'M-2024-0012']);
      expect(await store.writeStatus('Meldingen', 'M-2024-0012')).toEqual({ state: 'written' });
    });

    test('addWithSequence in a transaction that is rolled back writes no item; later ids still count on', async () => {
      let teruggedraaid = '';
      await expect(
        store.atomically(async (tx) => {
          teruggedraaid = (await tx.addWithSequence('Meldingen', volgnummer, metId)).meldingId;
          throw new Error('stop');
        }),
      ).rejects.toThrow('stop');
      expect(await queryAll(store, 'Meldingen')).toEqual([]);
      const a = (await store.addWithSequence('Meldingen', volgnummer, metId)).meldingId;
      const b = (await store.addWithSequence('Meldingen', volgnummer, metId)).meldingId;
      // the rolled-back number may come again (SQLite, Graph: the counter rolls back too) or be skipped (a
      // PostgreSQL sequence-like counter); either way the next ids are consecutive from there
      expect(teruggedraaid).toBe('M-2024-0001');
      expect([
        ['M-2024-0001', 'M-2024-0002'],
        ['M-2024-0002', 'M-2024-0003'],
      ]).toContainEqual([a, b]);
    });

    test('addWithSequence: a builder that ignores the id, or an invalid item, is refused and writes nothing', async () => {
      await expect(store.addWithSequence('Meldingen', volgnummer, () => melding(5))).rejects.toThrow(/meldingId/);
      await expect(
        store.addWithSequence('Meldingen', volgnummer, (id) => ({ ...metId(id), kanaal: 'duif' as never })),
      ).rejects.toBeInstanceOf(InvalidItemError);
      expect(await queryAll(store, 'Meldingen')).toEqual([]);
    });
  });
}
