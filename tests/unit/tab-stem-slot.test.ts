import crypto from 'node:crypto';
import { LokaleStaat } from '@shared/store/lokaal';
import { StemSlot } from '../../tab/api/stem-slot';

describe('StemSlot (one vote per person per week, no identity stored)', () => {
  const nu = new Date('2026-11-25T10:00:00Z'); // 2026-W48

  test('with TAB_VOTE_SECRET: the hash is HMAC(HMAC(secret, week), user); no key is stored', async () => {
    const lokaal = LokaleStaat.open(':memory:');
    const db = lokaal.db;
    const slot = new StemSlot(lokaal, 'geheim', () => nu);
    expect(await slot.claim('user-1', '2026-W48')).toBe(true);
    expect(await slot.claim('user-1', '2026-W48')).toBe(false);
    expect(await slot.claim('user-2', '2026-W48')).toBe(true);
    const weekKey = crypto.createHmac('sha256', 'geheim').update('stemslot|2026-W48').digest();
    const verwacht = crypto.createHmac('sha256', weekKey).update('user-1').digest('base64url');
    const rows = db.prepare('SELECT hash, week FROM tab_vote_guard ORDER BY hash').all() as { hash: string; week: string }[];
    expect(rows.map((r) => r.hash)).toContain(verwacht);
    expect(JSON.stringify(rows)).not.toContain('user-');
    expect((db.prepare('SELECT COUNT(*) AS n FROM tab_vote_keys').get() as { n: number }).n).toBe(0);
    db.close();
  });

  test('the same person gets a different, unlinkable hash in another week', async () => {
    const lokaal = LokaleStaat.open(':memory:');
    const db = lokaal.db;
    const slot = new StemSlot(lokaal, undefined, () => nu);
    await slot.claim('user-1', '2026-W48');
    await slot.claim('user-1', '2026-W49');
    const hashes = (db.prepare('SELECT hash FROM tab_vote_guard').all() as { hash: string }[]).map((r) => r.hash);
    expect(new Set(hashes).size).toBe(2);
    // Without a secret the per-week random keys live only as long as the week.
    expect((db.prepare('SELECT COUNT(*) AS n FROM tab_vote_keys').get() as { n: number }).n).toBe(2);
    db.close();
  });

  test('release gives the vote back; everything of a week is purged when it ends', async () => {
    const lokaal = LokaleStaat.open(':memory:');
    const db = lokaal.db;
    let t = nu;
    const slot = new StemSlot(lokaal, undefined, () => t);
    expect(await slot.claim('user-1', '2026-W48')).toBe(true);
    await slot.vrijgeven('user-1', '2026-W48');
    expect(await slot.heeftGestemd('user-1', '2026-W48')).toBe(false);
    expect(await slot.claim('user-1', '2026-W48')).toBe(true);
    t = new Date('2026-11-29T22:59:59Z'); // Sunday 23:59:59 in Amsterdam: still week 48
    expect(await slot.opruimen()).toBe(0);
    t = new Date('2026-11-29T23:00:00Z'); // Monday 00:00 in Amsterdam
    expect(await slot.opruimen()).toBe(1);
    expect((db.prepare('SELECT COUNT(*) AS n FROM tab_vote_keys').get() as { n: number }).n).toBe(0);
    db.close();
  });
});
