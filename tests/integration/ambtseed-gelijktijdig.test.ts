import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { queryAll, SqliteListStore } from '@shared/store';

/**
 * Concurrent booking of the last places from four threads, each with its own connection to one SQLite
 * file (as the bot and tab processes share it): exactly `capaciteit` people get a place, the rest wait.
 */
describe('gelijktijdig boeken vanuit meerdere verbindingen op één database', () => {
  it('4 threads × 25 boekingen voor 20 plaatsen (waarvan 19 al bezet): precies één wint de laatste plaats', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ambtseed-'));
    const file = path.join(dir, 'db.sqlite');
    const store = new SqliteListStore(file);
    await store.add('AmbtseedSessies', {
      sessieId: 'S-LAATSTE',
      start: '2026-12-01T09:00:00Z',
      eind: '2026-12-01T10:00:00Z',
      soort: 'ambtseed',
      locatie: 'Statenzaal',
      online: false,
      afnemer: 'de Commissaris van de Koning',
      capaciteit: 20,
    });
    for (let i = 1; i <= 19; i++) {
      await store.add('AmbtseedInschrijvingen', {
        inschrijvingId: `S-LAATSTE#${String(i).padStart(5, '0')}`,
        sessieId: 'S-LAATSTE',
        medewerker: `vooraf-${i}`,
        dienstverband: 'arbeidsovereenkomst',
        indienstOp: '2026-11-01',
        status: 'ingeschreven',
      });
    }
    const start = new SharedArrayBuffer(4);
    const workers = Array.from(
      { length: 4 },
      (_, w) =>
        new Worker(`require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'ambtseed-boek-worker.ts'))});`, {
          eval: true,
          workerData: {
            file,
            sessieId: 'S-LAATSTE',
            medewerkers: Array.from({ length: 25 }, (_, i) => `t${w}-${i}`),
            now: '2026-11-02T09:00:00Z',
            start,
          },
        }),
    );
    const done = workers.map(
      (w) =>
        new Promise<string[]>((resolve, reject) => {
          w.once('message', resolve);
          w.once('error', reject);
        }),
    );
    await new Promise((r) => setTimeout(r, 300));
    Atomics.store(new Int32Array(start), 0, 1);
    Atomics.notify(new Int32Array(start), 0);
    const statussen = (await Promise.all(done)).flat();
    await Promise.all(workers.map((w) => w.terminate()));
    expect(statussen.filter((s) => s === 'ingeschreven')).toHaveLength(1);
    expect(statussen.filter((s) => s === 'wachtlijst')).toHaveLength(99);
    const rows = await queryAll(store, 'AmbtseedInschrijvingen', { where: { sessieId: 'S-LAATSTE' } });
    expect(rows).toHaveLength(119);
    expect(rows.filter((r) => r.status === 'ingeschreven')).toHaveLength(20);
    expect(new Set(rows.map((r) => r.inschrijvingId)).size).toBe(119);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
