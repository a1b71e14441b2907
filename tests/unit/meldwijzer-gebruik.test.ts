/** MeldwijzerGebruik counting: batched in memory, one increment per (week, situatie), never throws. */
import { SqliteListStore, queryAll, type ListStore } from '@shared/store';
import { FLUSH_MS, flushMeldwijzerGebruik, telGebruik } from '../../bot/src/features/meldwijzer/gebruik';

describe('telGebruik', () => {
  it('adds counts per week and situation, written on flush', async () => {
    const store = new SqliteListStore(':memory:');
    telGebruik(store, '2026-W48', 'zakelijk');
    telGebruik(store, '2026-W48', 'zakelijk');
    telGebruik(store, '2026-W48', 'dilemma');
    telGebruik(store, '2026-W49', 'zakelijk');
    expect(await queryAll(store, 'MeldwijzerGebruik')).toEqual([]); // not yet written
    await flushMeldwijzerGebruik();
    telGebruik(store, '2026-W48', 'zakelijk');
    await flushMeldwijzerGebruik();
    const items = (await queryAll(store, 'MeldwijzerGebruik')).map((i) => `${i.week} ${i.situatie} ${i.aantal}`).sort();
    expect(items).toEqual(['2026-W48 dilemma 1', '2026-W48 zakelijk 3', '2026-W49 zakelijk 1']);
    await store.close();
  });

  it('writes by itself within FLUSH_MS', async () => {
    const store = new SqliteListStore(':memory:');
    telGebruik(store, '2026-W01', 'algemeen');
    await new Promise((r) => setTimeout(r, FLUSH_MS + 200));
    expect((await queryAll(store, 'MeldwijzerGebruik')).map((i) => i.aantal)).toEqual([1]);
    await store.close();
  });

  it('logs a failing store without throwing', async () => {
    const warn = jest.fn();
    const kapot = { increment: async () => Promise.reject(new Error('weg')) } as unknown as ListStore;
    telGebruik(kapot, '2026-W01', 'algemeen', { warn });
    await expect(flushMeldwijzerGebruik()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith({ event: 'gebruik.telFout', err: 'Error' }, expect.any(String));
  });
});
