/* Worker thread for tests/integration/ambtseed-gelijktijdig.test.ts: its own SQLite connection to the shared
 * file, books the given people into one session as fast as it can, reports the outcomes. */
import { parentPort, workerData } from 'node:worker_threads';
import { AmbtseedBoeking } from '@shared/store/ambtseed-booking';
import { SqliteListStore } from '@shared/store/sqlite-list-store';

const { file, sessieId, medewerkers, now } = workerData as { file: string; sessieId: string; medewerkers: string[]; now: string };
const store = new SqliteListStore(file);
const boeking = new AmbtseedBoeking(store);
const shared = new Int32Array(workerData.start as SharedArrayBuffer);
Atomics.wait(shared, 0, 0); // start all workers at the same moment
void (async () => {
  const statussen = await Promise.all(
    medewerkers.map((m) =>
      boeking
        .boek({ sessieId, medewerker: m, dienstverband: 'arbeidsovereenkomst', indienstOp: '2026-11-01', vorm: 'eed' }, new Date(now))
        .then((p) => p.resultaat!.status),
    ),
  );
  await store.close();
  parentPort!.postMessage(statussen);
})();
