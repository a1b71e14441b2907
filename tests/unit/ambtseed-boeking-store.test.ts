import { AmbtseedBoeking, BoekingFout, legVerklaringVast, markeerAanwezigheid } from '@shared/store/ambtseed-booking';
import { atomicallyMetSlot, queryAll, SqliteListStore, type ListStore } from '@shared/store';

const now = new Date('2026-11-02T09:00:00Z');
const sessie = (sessieId: string, capaciteit: number, soort: 'ambtseed' | 'workshopIntegriteit' = 'ambtseed') => ({
  sessieId,
  start: '2026-12-01T09:00:00Z',
  eind: '2026-12-01T10:00:00Z',
  soort,
  locatie: 'Statenzaal',
  online: false,
  afnemer: 'de provinciesecretaris',
  capaciteit,
});
const aanvraag = (sessieId: string, medewerker: string) => ({
  sessieId,
  medewerker,
  dienstverband: 'arbeidsovereenkomst' as const,
  indienstOp: '2026-11-01',
  vorm: 'eed' as const,
});

/** A ListStore that is not a SqliteListStore (so AmbtseedBoeking takes the locked path) and yields between calls. */
function tragerStore(inner: ListStore): ListStore {
  const pause = () => new Promise((r) => setTimeout(r, Math.random() * 3));
  const slow =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      await pause();
      const r = await f(...a);
      await pause();
      return r;
    };
  const basis = {
    add: slow(inner.add.bind(inner)),
    addMany: slow(inner.addMany.bind(inner)),
    update: slow(inner.update.bind(inner)),
    get: slow(inner.get.bind(inner)),
    query: slow(inner.query.bind(inner)),
    increment: slow(inner.increment.bind(inner)),
    addWithSequence: slow(inner.addWithSequence.bind(inner)),
    writeStatus: slow(inner.writeStatus.bind(inner)),
    close: slow(inner.close.bind(inner)),
  } as Omit<ListStore, 'atomically'>;
  return { ...basis, atomically: atomicallyMetSlot(basis) };
}

describe.each([
  ['SqliteListStore (transactie)', (s: SqliteListStore) => s as ListStore],
  ['andere ListStore (slot)', (s: SqliteListStore) => tragerStore(s)],
])('AmbtseedBoeking op %s', (_naam, wrap) => {
  let sqlite: SqliteListStore;
  let store: ListStore;
  beforeEach(async () => {
    sqlite = new SqliteListStore(':memory:');
    store = wrap(sqlite);
    await sqlite.addMany('AmbtseedSessies', [sessie('S-1', 3), sessie('S-2', 5), sessie('W-1', 5, 'workshopIntegriteit')]);
  });
  afterEach(() => sqlite.close());

  it('50 gelijktijdige boekingen voor 3 plaatsen: precies 3 ingeschreven, 47 op de wachtlijst in aankomstvolgorde', async () => {
    const boeking = new AmbtseedBoeking(store);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => boeking.boek(aanvraag('S-1', `mw-${i}`), now)));
    const rows = await queryAll(sqlite, 'AmbtseedInschrijvingen', { where: { sessieId: 'S-1' } });
    expect(rows.filter((r) => r.status === 'ingeschreven')).toHaveLength(3);
    expect(rows.filter((r) => r.status === 'wachtlijst')).toHaveLength(47);
    expect(new Set(rows.map((r) => r.inschrijvingId)).size).toBe(50);
    // the ids 00001..00050 are handed out once each; places went to the first three ids
    expect(
      rows
        .filter((r) => r.status === 'ingeschreven')
        .map((r) => r.inschrijvingId)
        .sort(),
    ).toEqual(['S-1#00001', 'S-1#00002', 'S-1#00003']);
    expect(results.filter((r) => r.resultaat?.status === 'ingeschreven')).toHaveLength(3);
  });

  it('annuleren promoveert de eerste van de wachtlijst; verzetten is atomair; dubbel boeken wordt geweigerd', async () => {
    const boeking = new AmbtseedBoeking(store);
    for (const m of ['a', 'b', 'c', 'd', 'e']) await boeking.boek(aanvraag('S-1', m), now);
    await expect(boeking.boek(aanvraag('S-2', 'a'), now)).rejects.toMatchObject({ code: 'AL_INGESCHREVEN' });
    const a = await boeking.annuleer('S-1#00002', now);
    expect(a.gepromoveerd.map((i) => i.medewerker)).toEqual(['d']);
    const v = await boeking.verzet('S-1#00001', 'S-2', now);
    expect(v.resultaat).toMatchObject({ sessieId: 'S-2', medewerker: 'a', status: 'ingeschreven', vorm: 'eed' });
    expect(v.gepromoveerd.map((i) => i.medewerker)).toEqual(['e']);
    const s1 = await queryAll(sqlite, 'AmbtseedInschrijvingen', { where: { sessieId: 'S-1', status: 'ingeschreven' } });
    expect(s1.map((r) => r.medewerker).sort()).toEqual(['c', 'd', 'e']);
    await expect(boeking.verzet('S-1#00001', 'S-2', now)).rejects.toBeInstanceOf(BoekingFout);
  });

  it('HR annuleert een bijeenkomst: capaciteit 0 en iedereen geannuleerd; meer capaciteit promoveert', async () => {
    const boeking = new AmbtseedBoeking(store);
    for (const m of ['a', 'b', 'c', 'd', 'e']) await boeking.boek(aanvraag('S-1', m), now);
    const w = await boeking.wijzigSessie('S-1', { capaciteit: 4 }, now);
    expect(w.gepromoveerd.map((i) => i.medewerker)).toEqual(['d']);
    await expect(boeking.wijzigSessie('S-1', { capaciteit: 2 }, now)).rejects.toMatchObject({ code: 'CAPACITEIT_TE_LAAG' });
    const c = await boeking.annuleerSessie('S-1');
    expect(c.geannuleerd.map((i) => i.medewerker).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect((await sqlite.get('AmbtseedSessies', 'S-1'))?.capaciteit).toBe(0);
    await expect(boeking.boek(aanvraag('S-1', 'z'), now)).rejects.toMatchObject({ code: 'SESSIE_GEANNULEERD' });
  });
});

describe('aanwezigheid en integriteitsverklaring', () => {
  it('afgelegd met vorm en datum; workshop zet workshopGevolgdOp; verklaring is idempotent', async () => {
    const store = new SqliteListStore(':memory:');
    await store.addMany('AmbtseedSessies', [sessie('S-1', 3), sessie('W-1', 5, 'workshopIntegriteit')]);
    await store.add('NieuweMedewerkers', { medewerkerId: 'a', indienstOp: '2026-11-01', dienstverband: 'arbeidsovereenkomst' });
    const boeking = new AmbtseedBoeking(store);
    await boeking.boek(aanvraag('S-1', 'a'), now);
    await boeking.boek(aanvraag('S-1', 'b'), now);
    await boeking.boek(aanvraag('W-1', 'a'), now);
    expect(await markeerAanwezigheid(store, 'S-1#00001', { status: 'afgelegd', vorm: 'belofte', datum: '2026-12-01' })).toMatchObject({
      status: 'afgelegd',
      vorm: 'belofte',
      afgelegdOp: '2026-12-01',
    });
    expect(await markeerAanwezigheid(store, 'S-1#00002', { status: 'afwezig', datum: '2026-12-01' })).toMatchObject({
      status: 'afwezig',
      afgelegdOp: null,
    });
    expect(await markeerAanwezigheid(store, 'W-1#00001', { status: 'afgelegd', datum: '2026-12-01' })).toMatchObject({
      status: 'afgelegd',
      vorm: null,
    });
    expect((await store.get('NieuweMedewerkers', 'a'))?.workshopGevolgdOp).toBe('2026-12-01');
    const v1 = await legVerklaringVast(store, { medewerker: 'x', dienstverband: 'extern', indienstOp: '2026-11-01', datum: '2026-11-03' });
    const v2 = await legVerklaringVast(store, { medewerker: 'x', dienstverband: 'extern', indienstOp: '2026-11-01', datum: '2026-11-05' });
    expect([v1.created, v2.created, v2.inschrijving.afgelegdOp]).toEqual([true, false, '2026-11-03']);
    await store.close();
  });
});
