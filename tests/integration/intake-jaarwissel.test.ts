/**
 * A correction that moves a gesprek to another year (new id in that year, old id out of the figures) is one
 * transaction: when the store fails halfway, neither the new gesprek nor the removal is written, so the report
 * counts the gesprek once, in its old year; the same card then moves it once.
 */
import { loadOrgConfig } from '@shared/config';
import { buildJaarverslag, leesJaarverslagBronnen } from '@shared/report';
import { LokaleStaat, queryAll, SqliteListStore, type AtomicallyOptions, type ListStore, type ListTransaction } from '@shared/store';
import { message, replyCards, startBotHarness, submit, submitActions, type BotHarness } from '../support/activities';

const VP = { id: 'user-id-1', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' };
const van = { from: VP, conversationId: `a:personal-${VP.id}`, locale: 'nl-NL' };

/** The embedded store, whose `update` (also in a transaction) fails while `faal.aan` (a full disk, a lost connection). */
function storeDieFaalt(echt: SqliteListStore, faal: { aan: boolean }): ListStore {
  return new Proxy(echt, {
    get(doel, naam) {
      if (naam === 'update' && faal.aan) return () => Promise.reject(new Error('schijf vol'));
      const waarde = Reflect.get(doel, naam, doel) as unknown;
      if (naam !== 'atomically' || typeof waarde !== 'function') return typeof waarde === 'function' ? waarde.bind(doel) : waarde;
      const port: ListStore = doel;
      return <T>(fn: (tx: ListTransaction) => Promise<T>, opties?: AtomicallyOptions) =>
        port.atomically(
          (tx) =>
            fn(
              new Proxy(tx, {
                get(t, n) {
                  if (n === 'update' && faal.aan) return () => Promise.reject(new Error('schijf vol'));
                  const v = Reflect.get(t, n, t) as unknown;
                  return typeof v === 'function' ? v.bind(t) : v;
                },
              }),
            ),
          opties,
        );
    },
  });
}

describe('intake: moving a gesprek to another year is all or nothing', () => {
  const lokaal = LokaleStaat.open(':memory:');
  const faal = { aan: false };
  const store = storeDieFaalt(new SqliteListStore(lokaal), faal);
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness(loadOrgConfig('demo'), { store, lokaal, clock: () => new Date('2026-02-10T09:00:00Z') });
  });
  afterAll(async () => {
    await bot.close();
    await store.close();
  });
  const send = async (a: Record<string, unknown>) => (await bot.send(a)).replies;
  const teksten = (r: Awaited<ReturnType<typeof send>>) => r.map((x) => x.activity.text ?? '').filter(Boolean);
  const totaal = async (jaar: number) =>
    buildJaarverslag(await leesJaarverslagBronnen(store, { jaar }), { jaar, organisatie: 'X' }).gesprekken.totaal;
  const velden = { vertrouwenspersoon: 'intern', onderwerp: 'integriteit', isMelding: 'true', doorverwezen: 'geen' };

  it('writes nothing when the store fails halfway, and moves the gesprek once when it works again', async () => {
    const [form] = replyCards(await send(message('gesprek vastleggen', van)));
    const opslaan = submitActions(form).find((a) => a.data.action === 'intake.gesprek.opslaan')!.data;
    expect(teksten(await send(submit({ ...opslaan, ...velden, datum: '2026-01-05' }, van)))).toEqual(['G-2026-0001 is opgeslagen.']);

    const [lijst] = replyCards(await send(message('mijn registraties', van)));
    const start = submitActions(lijst).find((a) => a.data.action === 'intake.gesprek.corrigeerStart')!;
    const corrigeer = submitActions(replyCards(await send(submit(start.data, van)))[0])[0].data;
    const [vraag] = replyCards(await send(submit({ ...corrigeer, ...velden, datum: '2025-12-20' }, van)));
    const [ja] = submitActions(vraag);

    faal.aan = true;
    const fout = await bot.send(submit(ja.data, van));
    expect(fout.status).toBeLessThan(300); // the turn answers, it does not crash
    expect(teksten(fout.replies).join(' ')).not.toMatch(/G-2025-0001/);
    expect((await queryAll(store, 'Gesprekken')).map((g) => [g.gesprekId, g.verwijderdOp])).toEqual([['G-2026-0001', null]]);
    expect([await totaal(2025), await totaal(2026)]).toEqual([0, 1]);

    faal.aan = false;
    expect(teksten(await send(submit(ja.data, van))).join(' ')).toContain('G-2025-0001');
    const na = await queryAll(store, 'Gesprekken');
    expect(na.map((g) => [g.gesprekId, g.verwijderdOp]).sort()).toEqual([
      ['G-2025-0001', null],
      ['G-2026-0001', '2026-02-10'],
    ]);
    expect([await totaal(2025), await totaal(2026)]).toEqual([1, 0]);
  });
});
