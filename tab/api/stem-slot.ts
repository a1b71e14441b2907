import crypto from 'node:crypto';
import type { LokaleStaat } from '@shared/store/lokaal';
import { eindeVanWeek } from '@shared/domain/dilemma-van-de-week';

/**
 * One vote per person per week for the dilemma of the week, without storing who voted.
 *
 * The `DilemmaStemmen` list holds only `stemId` (random), `dilemmaId`, `week`, `optie`. To refuse a second
 * vote, this module keeps `HMAC-SHA256(weekKey, userId)` in its own SQLite table `tab_vote_guard` until the
 * week ends (then the rows are deleted). The table is `WITHOUT ROWID` (ordered by hash, not by time) so its
 * order cannot be lined up with the order of the votes. With STORE=postgres the tables live in the database every
 * instance shares (`LokaleStaat.deelViaPostgres`), so a vote on one instance is refused on another.
 *
 * Week key: `HMAC(TAB_VOTE_SECRET, week)` when that secret is set (production: the database alone then
 * cannot test a known user id against the hashes); otherwise a random key per week kept in
 * `tab_vote_keys` and deleted with the hashes when the week ends (local mode).
 *
 * Both tables are created by the local-state migrations (shared/src/store/migraties.ts and, for PostgreSQL, the
 * migration `lokale-staat`): pass the process's `LokaleStaat`.
 */
export class StemSlot {
  private readonly now: () => Date;

  constructor(
    private readonly lokaal: LokaleStaat,
    private readonly secret: string | undefined,
    now: () => Date = () => new Date(),
  ) {
    this.now = now;
  }

  /** Delete hashes and keys of weeks that have ended. @returns the number of hashes deleted. */
  async opruimen(): Promise<number> {
    const nu = this.now().toISOString();
    const n = await this.lokaal.voerUit('DELETE FROM tab_vote_guard WHERE verloopt <= ?', [nu]);
    await this.lokaal.voerUit('DELETE FROM tab_vote_keys WHERE verloopt <= ?', [nu]);
    return n;
  }

  private async sleutel(week: string): Promise<Buffer> {
    if (this.secret) return crypto.createHmac('sha256', this.secret).update(`stemslot|${week}`).digest();
    const lees = () => this.lokaal.een<{ sleutel: Buffer }>('SELECT sleutel FROM tab_vote_keys WHERE week = ?', [week]);
    const row = await lees();
    if (row) return row.sleutel;
    // Two instances may make a key at once: the first insert wins and both read that one.
    await this.lokaal.voerUit('INSERT INTO tab_vote_keys (week, sleutel, verloopt) VALUES (?, ?, ?) ON CONFLICT (week) DO NOTHING', [
      week,
      crypto.randomBytes(32),
      eindeVanWeek(week),
    ]);
    return (await lees())!.sleutel;
  }

  /**
   * The voter's hash. The object id is normalised first (trimmed, lower case): AAD object ids are GUIDs, which
   * are case-insensitive, and in local mode `X-Dev-Gebruiker: ABC` and `abc` are the same person.
   */
  private async hash(userId: string, week: string): Promise<string> {
    return crypto
      .createHmac('sha256', await this.sleutel(week))
      .update(userId.trim().toLowerCase())
      .digest('base64url');
  }

  /** True when `userId` has voted in `week`. */
  async heeftGestemd(userId: string, week: string): Promise<boolean> {
    await this.opruimen();
    return (await this.lokaal.een('SELECT 1 AS x FROM tab_vote_guard WHERE hash = ?', [await this.hash(userId, week)])) !== undefined;
  }

  /**
   * Claim the vote of `userId` for `week` (atomic, also across instances).
   * @returns false when the user already voted this week.
   */
  async claim(userId: string, week: string): Promise<boolean> {
    await this.opruimen();
    const n = await this.lokaal.voerUit(
      'INSERT INTO tab_vote_guard (hash, week, verloopt) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING',
      [await this.hash(userId, week), week, eindeVanWeek(week)],
    );
    return n === 1;
  }

  /** Give the claim back (the vote could not be written). */
  async vrijgeven(userId: string, week: string): Promise<void> {
    await this.lokaal.voerUit('DELETE FROM tab_vote_guard WHERE hash = ?', [await this.hash(userId, week)]);
  }
}
