/**
 * Teams redelivers an activity when a turn takes long (issue 14, item 8). The retry filter (conversation +
 * activity id, 10 minutes) lives in the local state, so a redelivery that arrives after a restart of the bot is
 * ignored too: a booking that the person cancelled in between is not made again, and the redelivery gets no reply.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { LokaleStaat, SqliteListStore, queryAll } from '@shared/store';
import { replyText, startBotHarness, submit, USER } from '../support/activities';

const config = loadOrgConfig('demo');
const NOW = new Date('2026-11-20T09:00:00Z');

let dir: string;
let store: SqliteListStore;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-herlevering-'));
  // The lists (SharePoint in production) outlive the bot process; the local state is the file in `dir`.
  store = new SqliteListStore(':memory:');
  await store.add('AmbtseedSessies', {
    sessieId: 'S-HER',
    start: '2026-12-03T09:00:00.000Z',
    eind: '2026-12-03T10:00:00.000Z',
    soort: 'ambtseed',
    locatie: 'Statenzaal',
    online: false,
    afnemer: 'de provinciesecretaris',
    capaciteit: 5,
  });
  await store.add('NieuweMedewerkers', { medewerkerId: USER.aadObjectId, indienstOp: '2026-11-16', dienstverband: 'arbeidsovereenkomst' });
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const start = (lokaal: LokaleStaat) => startBotHarness(config, { store, lokaal, clock: () => NOW });
const boekActiviteit = submit(
  { action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-HER', vorm: 'eed' },
  { id: 'f:boek-1', conversationId: 'a:conv-herlevering' },
);

test('a booking redelivered after a restart is ignored: no second booking, no second reply', async () => {
  const db = path.join(dir, 'integriteitsplein.db');
  let lokaal = LokaleStaat.open(db);
  let bot = await start(lokaal);
  const eerste = await bot.send(boekActiviteit);
  expect(eerste.status).toBe(200);
  expect(replyText(eerste.replies)).toContain('Je bent ingeschreven');
  // The person cancels; a redelivery of the booking would then book again.
  const annuleer = await bot.send(
    submit(
      { action: 'ambtseed.annuleer', inschrijvingId: 'S-HER#00001', bevestigd: 'ja' },
      { id: 'f:annuleer-1', conversationId: 'a:conv-herlevering' },
    ),
  );
  expect(replyText(annuleer.replies)).toContain('is geannuleerd');
  await bot.close();
  lokaal.close();

  // Restart: a new process on the same local-state file; Teams redelivers the slow booking turn.
  lokaal = LokaleStaat.open(db);
  bot = await start(lokaal);
  try {
    const herhaald = await bot.send(boekActiviteit);
    expect(herhaald.status).toBe(200);
    expect(herhaald.replies).toEqual([]);
    const rijen = await queryAll(store, 'AmbtseedInschrijvingen', { where: { sessieId: 'S-HER' } });
    expect(rijen.map((r) => [r.inschrijvingId, r.status])).toEqual([['S-HER#00001', 'geannuleerd']]);
    // A new activity (another id) from the same person is answered as usual.
    const nieuw = await bot.send(
      submit(
        { action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: 'S-HER', vorm: 'eed' },
        { conversationId: 'a:conv-herlevering' },
      ),
    );
    expect(replyText(nieuw.replies)).toContain('Je bent ingeschreven');
  } finally {
    await bot.close();
    lokaal.close();
  }
});

test('the remembered ids expire after the retry window (10 minutes)', async () => {
  const lokaal = LokaleStaat.open(path.join(dir, 'integriteitsplein.db'));
  try {
    const t0 = Date.parse('2026-11-20T09:00:00Z');
    expect(await lokaal.eersteKeer('activiteit', 'a:conv|f:1', 10 * 60_000, t0)).toBe(true);
    expect(await lokaal.eersteKeer('activiteit', 'a:conv|f:1', 10 * 60_000, t0 + 9 * 60_000)).toBe(false);
    expect(await lokaal.eersteKeer('activiteit', 'a:conv|f:1', 10 * 60_000, t0 + 10 * 60_000)).toBe(true);
  } finally {
    lokaal.close();
  }
});
