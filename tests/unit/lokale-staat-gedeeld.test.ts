/**
 * The keys seen once (`LokaleStaat.eersteKeer` / `vergeet`, Teams' redelivered activities) behave the same in
 * the process's SQLite file and, with STORE=postgres, in PostgreSQL shared by every instance (issue 17 item 1):
 * one contract, run on both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { LokaleStaat } from '@shared/store';
import { migratePostgres } from '@shared/store/postgres/migrations';
import { describePostgres, dropSchema, freshSchema, schemaPool } from '../support/postgres';

/** Two handles as two instances would hold them (`a`, `b`), and a clean-up. */
type Opstelling = { a: LokaleStaat; b: LokaleStaat; klaar(): Promise<void> };

const TTL = 10 * 60_000; // the bot's redelivery window (bot/src/bot.ts)
const t0 = Date.parse('2026-11-20T09:00:00Z');

function contract(naam: string, maak: () => Promise<Opstelling>): void {
  describe(naam, () => {
    let o: Opstelling;
    beforeEach(async () => (o = await maak()));
    afterEach(() => o.klaar());

    test('a key is new once within its window, new again when the window has passed', async () => {
      expect(await o.a.eersteKeer('activiteit', 'a:conv|f:1', TTL, t0)).toBe(true);
      expect(await o.a.eersteKeer('activiteit', 'a:conv|f:1', TTL, t0 + TTL - 1)).toBe(false);
      expect(await o.a.eersteKeer('activiteit', 'a:conv|f:1', TTL, t0 + TTL)).toBe(true);
      expect(await o.a.eersteKeer('activiteit', 'a:conv|f:1', TTL, t0 + TTL + 1)).toBe(false);
    });

    test('kinds are separate; a forgotten key is new again', async () => {
      expect(await o.a.eersteKeer('activiteit', 'k', TTL, t0)).toBe(true);
      expect(await o.a.eersteKeer('kaart', 'k', TTL, t0)).toBe(true);
      await o.a.vergeet('activiteit', 'k');
      expect(await o.a.eersteKeer('activiteit', 'k', TTL, t0 + 1)).toBe(true);
      expect(await o.a.eersteKeer('kaart', 'k', TTL, t0 + 1)).toBe(false);
    });

    test('a redelivery that reaches the other handle is recognised; 20 at once: exactly one is new', async () => {
      expect(await o.a.eersteKeer('activiteit', 'a:conv|f:2', TTL, t0)).toBe(true);
      expect(await o.b.eersteKeer('activiteit', 'a:conv|f:2', TTL, t0 + 1000)).toBe(false);
      const tegelijk = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? o.a : o.b).eersteKeer('activiteit', 'a:conv|f:3', TTL, t0)),
      );
      expect(tegelijk.filter(Boolean)).toHaveLength(1);
    });

    test('turn leases: one claimer at a time, renewed while running, done for the window, free again when expired', async () => {
      const LEASE = 30_000;
      expect(await o.a.claimBeurt('a:conv|f:9', LEASE, t0)).toEqual({ soort: 'nieuw' });
      // The other instance sees it running, with the time left of the lease.
      expect(await o.b.claimBeurt('a:conv|f:9', LEASE, t0 + 10_000)).toEqual({ soort: 'bezig', nogMs: 20_000 });
      await o.a.verlengBeurt('a:conv|f:9', LEASE, t0 + 25_000);
      expect(await o.b.claimBeurt('a:conv|f:9', LEASE, t0 + 40_000)).toEqual({ soort: 'bezig', nogMs: 15_000 });
      await o.a.beurtKlaar('a:conv|f:9', TTL, t0 + 41_000);
      expect(await o.b.claimBeurt('a:conv|f:9', LEASE, t0 + 42_000)).toEqual({ soort: 'klaar' });
      // Renewing a finished turn does not make it running again; after the window it is new.
      await o.a.verlengBeurt('a:conv|f:9', LEASE, t0 + 43_000);
      expect(await o.b.claimBeurt('a:conv|f:9', LEASE, t0 + 44_000)).toEqual({ soort: 'klaar' });
      expect(await o.b.claimBeurt('a:conv|f:9', LEASE, t0 + 41_000 + TTL)).toEqual({ soort: 'nieuw' });

      // A claimer that dies: its lease expires and the next delivery gets the turn.
      expect(await o.a.claimBeurt('a:conv|f:10', LEASE, t0)).toEqual({ soort: 'nieuw' });
      expect(await o.b.claimBeurt('a:conv|f:10', LEASE, t0 + LEASE)).toEqual({ soort: 'nieuw' });
      // A claim given back (the turn could not run) is free at once.
      await o.b.beurtVrijgeven('a:conv|f:10');
      expect(await o.a.claimBeurt('a:conv|f:10', LEASE, t0 + LEASE + 1)).toEqual({ soort: 'nieuw' });

      // 20 deliveries at once on both handles: exactly one runs the turn.
      const tegelijk = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? o.a : o.b).claimBeurt('a:conv|f:11', LEASE, t0)));
      expect(tegelijk.filter((c) => c.soort === 'nieuw')).toHaveLength(1);
    });
  });
}

contract('keys seen once in the SQLite file (two handles on one file)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-eenmalig-'));
  const file = path.join(dir, 'staat.db');
  const a = LokaleStaat.open(file);
  const b = LokaleStaat.open(file);
  return {
    a,
    b,
    klaar: async () => {
      a.close();
      b.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describePostgres('keys seen once in PostgreSQL (STORE=postgres)', () => {
  contract('shared by two instances on one database', async () => {
    const schema = await freshSchema();
    const pools: pg.Pool[] = [schemaPool(schema, 3), schemaPool(schema, 3)];
    await migratePostgres(pools[0]);
    const [a, b] = pools.map((pool) => {
      const staat = LokaleStaat.open(':memory:');
      staat.deelViaPostgres(pool);
      return staat;
    });
    expect(a.deeltViaPostgres).toBe(true);
    return {
      a,
      b,
      klaar: async () => {
        a.close();
        b.close();
        await Promise.all(pools.map((p) => p.end()));
        await dropSchema(schema);
      },
    };
  });
});
