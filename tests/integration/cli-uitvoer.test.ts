/**
 * Every CLI writes all of its output before it exits (issue: `lists export … | jq` stopped at exactly 64 KiB
 * and exited 0, because the process exited before stdout to a pipe had drained).
 * The real CLI runs as a child process (tsx), its stdout a pipe read by this test: fast, and slowly.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteListStore } from '@shared/store/sqlite-list-store';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const AANTAL = 15_000;

let dir: string;
let db: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-uitvoer-'));
  db = path.join(dir, 'lijsten.db');
  const store = new SqliteListStore(db);
  const items = Array.from({ length: AANTAL }, (_, i) => ({
    gesprekId: `G-${String(i).padStart(6, '0')}`,
    datum: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    vertrouwenspersoon: i % 3 ? 'intern' : 'extern',
    onderwerp: 'integriteit',
    isMelding: i % 2 === 0,
    doorverwezen: 'geen',
  }));
  await store.addMany('Gesprekken', items as never);
  await store.close();
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Run `npm run lists -- …` as a process with stdout a pipe. `traag`: after each chunk the reader pauses
 * 40 ms (a reader much slower than the writer, so the pipe is full when the CLI has finished its work).
 */
function lists(args: string[], traag: boolean): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['shared/src/cli/lists.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, STORE: 'sqlite', INTEGRITEITSPLEIN_DB: db },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      chunks.push(d);
      if (traag) {
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 40);
      }
    });
    child.on('error', reject);
    // 'close' comes after the process exited and its stdio streams ended.
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks), stderr }));
  });
}

test('a multi-MB JSON export through a pipe is complete and parses, with every item', async () => {
  const r = await lists(['export', '--list', 'Gesprekken', '--format', 'json'], false);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout.length).toBeGreaterThan(2 * 1024 * 1024);
  const items = JSON.parse(r.stdout.toString('utf8')) as { gesprekId: string }[];
  expect(items).toHaveLength(AANTAL);
  expect(items[AANTAL - 1].gesprekId).toBe('G-014999');
}, 60_000);

test('the same export to a slow reader is complete too', async () => {
  const r = await lists(['export', '--list', 'Gesprekken', '--format', 'json'], true);
  expect(r.code).toBe(0);
  const items = JSON.parse(r.stdout.toString('utf8')) as unknown[];
  expect(items).toHaveLength(AANTAL);
}, 120_000);

test('a CSV export to a slow reader has every row and ends with the line break of the last row', async () => {
  const r = await lists(['export', '--list', 'Gesprekken', '--format', 'csv'], true);
  expect(r.code).toBe(0);
  const lines = r.stdout.toString('utf8').split('\r\n');
  expect(lines).toHaveLength(AANTAL + 2); // header, rows, '' after the final CRLF
  expect(lines[AANTAL]).toMatch(/^G-014999;/);
}, 120_000);
