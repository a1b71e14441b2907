/**
 * Ambtseed bookings on PostgreSQL under a burst, as four instances see it (four pools on one schema): every
 * booking gets its outcome at the first try. Before the bookings named their locks (`AtomicallyOptions.locks`),
 * they ran SERIALIZABLE and conflicted across sessions (predicate locks on whole B-tree pages): in the
 * 4-instance bench a booking needed 3–4 attempts on average, the slowest 25 of the 30 allowed, and under a
 * busier machine two of 1,000 ran out and were answered "Er ging iets mis".
 */
import { queryAll } from '@shared/store/list-store';
import { AmbtseedBoeking, BoekingFout } from '@shared/store/ambtseed-booking';
import { migratePostgres } from '@shared/store/postgres/migrations';
import { PgListStore } from '@shared/store/postgres/pg-list-store';
import { proefOid, proefSessieId, vulBoekingsproef } from '../support/bot-cluster';
import { describePostgres, dropSchema, freshSchema, schemaPool } from '../support/postgres';

const SESSIES = 50;
const CAPACITEIT = 15;
const MENSEN = 1000;
const now = new Date();

describePostgres('ambtseed bookings on PostgreSQL from four instances', () => {
  jest.setTimeout(120_000);
  let schema: string;
  let stores: PgListStore[];
  /** How often each store ran a transaction's callback (a retry runs it again). */
  let pogingen: number;

  beforeEach(async () => {
    schema = await freshSchema();
    stores = Array.from({ length: 4 }, () => new PgListStore(schemaPool(schema, 6)));
    await migratePostgres(stores[0].pool);
    pogingen = 0;
    for (const s of stores) {
      const eigen = s.atomically.bind(s);
      s.atomically = (fn, options) =>
        eigen((tx) => {
          pogingen++;
          return fn(tx);
        }, options);
    }
  });
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await dropSchema(schema);
  });

  const aanvraag = (i: number, sessie = i % SESSIES) => ({
    sessieId: proefSessieId(sessie),
    medewerker: proefOid(i),
    dienstverband: 'arbeidsovereenkomst' as const,
    indienstOp: now.toISOString().slice(0, 10),
    vorm: 'eed' as const,
  });

  test('1,000 bookings at once over 50 sessions of 15: every one booked or waitlisted at its first try', async () => {
    await vulBoekingsproef(stores[0], { sessies: SESSIES, capaciteit: CAPACITEIT, mensen: MENSEN });
    const uitkomsten = await Promise.allSettled(
      Array.from({ length: MENSEN }, (_, i) => new AmbtseedBoeking(stores[i % 4]).boek(aanvraag(i), now)),
    );
    const fouten = uitkomsten.flatMap((u) => (u.status === 'rejected' ? [String(u.reason)] : []));
    expect(fouten).toEqual([]);
    const status = uitkomsten.map((u) => (u.status === 'fulfilled' ? u.value.resultaat?.status : undefined));
    // 20 people per session of 15: 15 places and 5 waiting, in each of the 50 sessions.
    expect(status.filter((s) => s === 'ingeschreven')).toHaveLength(SESSIES * CAPACITEIT);
    expect(status.filter((s) => s === 'wachtlijst')).toHaveLength(MENSEN - SESSIES * CAPACITEIT);
    // Each booking's transaction ran once: no serialization failure, nothing retried.
    expect(pogingen).toBe(MENSEN);
    const rijen = await queryAll(stores[0], 'AmbtseedInschrijvingen');
    expect(rijen).toHaveLength(MENSEN);
    for (let s = 0; s < SESSIES; s++) {
      const hier = rijen.filter((r) => r.sessieId === proefSessieId(s));
      expect(hier.filter((r) => r.status === 'ingeschreven')).toHaveLength(CAPACITEIT);
      // Who came first got the place: the waitlist holds the last five inschrijving numbers.
      const wachtend = hier.filter((r) => r.status === 'wachtlijst').map((r) => Number(r.inschrijvingId.split('#')[1]));
      expect(wachtend.sort((a, b) => a - b)).toEqual([16, 17, 18, 19, 20]);
    }
  });

  test('one person booking two sessions of the same kind at once from two instances gets exactly one of them', async () => {
    await vulBoekingsproef(stores[0], { sessies: 20, capaciteit: CAPACITEIT, mensen: 10 });
    for (let p = 0; p < 10; p++) {
      // Person p books sessions 2p and 2p+1 at the same moment on different instances (a double click on two cards).
      const r = await Promise.allSettled([
        new AmbtseedBoeking(stores[0]).boek(aanvraag(p, 2 * p), now),
        new AmbtseedBoeking(stores[1]).boek(aanvraag(p, 2 * p + 1), now),
      ]);
      expect(r.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
      const geweigerd = r.find((x) => x.status === 'rejected') as PromiseRejectedResult;
      expect(geweigerd.reason).toBeInstanceOf(BoekingFout);
      expect((geweigerd.reason as BoekingFout).code).toBe('AL_INGESCHREVEN');
    }
    const rijen = await queryAll(stores[0], 'AmbtseedInschrijvingen');
    expect(rijen).toHaveLength(10);
    expect(new Set(rijen.map((r) => r.medewerker)).size).toBe(10);
  });

  test('transactions with a common lock run one after the other; with different locks side by side', async () => {
    const [a, b] = stores;
    const spoor: string[] = [];
    const traag = (store: PgListStore, naam: string, locks: string[]) =>
      store.atomically(
        async () => {
          spoor.push(`${naam}:begin`);
          await new Promise((r) => setTimeout(r, 300));
          spoor.push(`${naam}:eind`);
        },
        { locks },
      );
    const eerste = traag(a, 'A', ['x', 'y']);
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([eerste, traag(b, 'B', ['y'])]);
    expect(spoor).toEqual(['A:begin', 'A:eind', 'B:begin', 'B:eind']);

    spoor.length = 0;
    const derde = traag(a, 'C', ['x']);
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([derde, traag(b, 'D', ['z'])]);
    expect(spoor).toEqual(['C:begin', 'D:begin', 'C:eind', 'D:eind']);
  });
});
