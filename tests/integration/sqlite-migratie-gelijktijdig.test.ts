/**
 * Several processes that open one new SQLite file at the same moment (the bot and the tab at `npm start`, or the
 * report test's parallel `lists import` runs) all get a migrated file: the migrations of shared/src/store/migraties.ts
 * run in one BEGIN IMMEDIATE transaction each, so a column check and its ALTER TABLE cannot interleave. Before, one
 * of them could fail with "duplicate column name: locale" (seen in tests/integration/report-published.test.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const PROCESSEN = 8;
const RONDES = 5;

/** Start `n` node processes that wait for the same moment, then open `file` as the embedded store; their exit codes and stderr. */
async function openTegelijk(file: string, n: number): Promise<{ code: number | null; err: string }[]> {
  const start = Date.now() + 1500;
  const code = `
    const { SqliteListStore } = require(${JSON.stringify(path.join(root, 'shared/src/store'))});
    while (Date.now() < ${start}) {}
    const store = new SqliteListStore(${JSON.stringify(file)});
    store.close().then(() => process.exit(0));`;
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<{ code: number | null; err: string }>((resolve) => {
          const p = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', code], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
          let err = '';
          p.stderr.on('data', (d: Buffer) => (err += d.toString()));
          p.on('exit', (c) => resolve({ code: c, err }));
        }),
    ),
  );
}

describe('migrating one new SQLite file from several processes at once', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-migratie-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`${PROCESSEN} processes, ${RONDES} new files: every process opens a migrated file`, async () => {
    for (let r = 0; r < RONDES; r++) {
      const file = path.join(dir, `gelijk-${r}.db`);
      const uit = await openTegelijk(file, PROCESSEN);
      expect(uit.filter((u) => u.code !== 0).map((u) => u.err.split('\n').find((l) => /Error|duplicate/.test(l)) ?? u.err)).toEqual([]);
    }
  }, 120_000);
});
