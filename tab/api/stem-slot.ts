import crypto from 'node:crypto';
import type { SqliteDatabase } from '@shared/store/database';
import { eindeVanWeek } from '@shared/domain/dilemma-van-de-week';

/**
 * One vote per person per week for the dilemma of the week, without storing who voted.
 *
 * The `DilemmaStemmen` list holds only `stemId` (random), `dilemmaId`, `week`, `optie`. To refuse a second
 * vote, this module keeps `HMAC-SHA256(weekKey, userId)` in its own SQLite table `tab_vote_guard` until the
 * week ends (then the rows are deleted). The table is `WITHOUT ROWID` (ordered by hash, not by time) so its
 * order cannot be lined up with the order of the votes.
 *
 * Week key: `HMAC(TAB_VOTE_SECRET, week)` when that secret is set (production: the database alone then
 * cannot test a known user id against the hashes); otherwise a random key per week kept in
 * `tab_vote_keys` and deleted with the hashes when the week ends (local mode).
 *
 * Both tables are created by the local-state migrations (shared/src/store/migraties.ts): pass `LokaleStaat.db`
 * (or the embedded store's handle, which is migrated too).
 */
export class StemSlot {
  private readonly now: () => Date;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly secret: string | undefined,
    now: () => Date = () => new Date(),
  ) {
    this.now = now;
  }

  /** Delete hashes and keys of weeks that have ended. @returns the number of hashes deleted. */
  opruimen(): number {
    const nu = this.now().toISOString();
    const r = this.db.prepare('DELETE FROM tab_vote_guard WHERE verloopt <= ?').run(nu);
    this.db.prepare('DELETE FROM tab_vote_keys WHERE verloopt <= ?').run(nu);
    return r.changes;
  }

  private sleutel(week: string): Buffer {
    if (this.secret) return crypto.createHmac('sha256', this.secret).update(`stemslot|${week}`).digest();
    const row = this.db.prepare('SELECT sleutel FROM tab_vote_keys WHERE week = ?').get(week) as { sleutel: Buffer } | undefined;
    if (row) return row.sleutel;
    this.db
      .prepare('INSERT OR IGNORE INTO tab_vote_keys (week, sleutel, verloopt) VALUES (?, ?, ?)')
      .run(week, crypto.randomBytes(32), eindeVanWeek(week));
    return (this.db.prepare('SELECT sleutel FROM tab_vote_keys WHERE week = ?').get(week) as { sleutel: Buffer }).sleutel;
  }

  /**
   * The voter's hash. The object id is normalised first (trimmed, lower case): AAD object ids are GUIDs, which
   * are case-insensitive, and in local mode `X-Dev-Gebruiker: ABC` and `abc` are the same person.
   */
  private hash(userId: string, week: string): string {
    return crypto.createHmac('sha256', this.sleutel(week)).update(userId.trim().toLowerCase()).digest('base64url');
  }

  /** True when `userId` has voted in `week`. */
  heeftGestemd(userId: string, week: string): boolean {
    this.opruimen();
    return !!this.db.prepare('SELECT 1 FROM tab_vote_guard WHERE hash = ?').get(this.hash(userId, week));
  }

  /**
   * Claim the vote of `userId` for `week` (atomic).
   * @returns false when the user already voted this week.
   */
  claim(userId: string, week: string): boolean {
    this.opruimen();
    const r = this.db
      .prepare('INSERT OR IGNORE INTO tab_vote_guard (hash, week, verloopt) VALUES (?, ?, ?)')
      .run(this.hash(userId, week), week, eindeVanWeek(week));
    return r.changes === 1;
  }

  /** Give the claim back (the vote could not be written). */
  vrijgeven(userId: string, week: string): void {
    this.db.prepare('DELETE FROM tab_vote_guard WHERE hash = ?').run(this.hash(userId, week));
  }
}
