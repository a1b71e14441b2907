import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteListStore } from '@shared/store/sqlite-list-store';
import { runListStoreContract } from './list-store.contract';

runListStoreContract('SqliteListStore :memory:', async () => new SqliteListStore(':memory:'));

const dirs: string[] = [];
runListStoreContract(
  'SqliteListStore file',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-store-'));
    dirs.push(dir);
    return new SqliteListStore(path.join(dir, 'nested', 'lijsten.db'));
  },
  async (store) => {
    await store.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  },
);

describe('SqliteListStore file specifics', () => {
  test('uses WAL and survives reopening; a second connection sees the data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-store-'));
    const file = path.join(dir, 'x.db');
    const a = new SqliteListStore(file);
    expect(a.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await a.add('NieuweMedewerkers', { medewerkerId: 'mw-1', indienstOp: '2026-02-01', dienstverband: 'stagiair' });
    const b = new SqliteListStore(file);
    expect(await b.get('NieuweMedewerkers', 'mw-1')).toMatchObject({ dienstverband: 'stagiair', workshopGevolgdOp: null });
    await a.close();
    await b.close();
    const c = new SqliteListStore(file);
    expect(await c.get('NieuweMedewerkers', 'mw-1')).toBeDefined();
    await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
