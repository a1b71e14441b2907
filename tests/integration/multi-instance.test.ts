/**
 * Issue 17, item 5: four bot processes on one PostgreSQL database behind a round-robin proxy (loopback).
 * 1,000 people book at once over 50 sessions of 15 places (20 people per session) → no session over capacity,
 * nobody twice, and with one instance SIGKILLed in the middle of the burst nothing is lost: every person ends
 * with exactly one inschrijving (Teams' redelivery of a failed activity is the client's retry here; the turn
 * leases live in the shared database, so a redelivery of a killed instance's turn runs once its lease expired).
 * Item 3: with four instances running, the scheduled jobs (pg-boss) are enqueued and run once per due moment.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { queryAll } from '@shared/store/list-store';
import { migratePostgres } from '@shared/store/postgres/migrations';
import { PgListStore } from '@shared/store/postgres/pg-list-store';
import { submit } from '../support/activities';
import { postActivity, proefOid, proefSessieId, startBotCluster, vulBoekingsproef, type BotCluster } from '../support/bot-cluster';
import { DATABASE_URL, describePostgres, dropSchema, freshSchema, schemaPool } from '../support/postgres';

/**
 * What a person was told in their conversation (the last answer counts; a redelivery may add one): `ingeschreven`
 * ('Je bent ingeschreven'), `wachtlijst` ('Je staat op de wachtlijst (plaats n)'), `staat al` (the booking made by an
 * earlier delivery stands: 'Je staat al ingeschreven voor deze bijeenkomst'), `fout` ('Er ging iets mis'), `geen`,
 * or `anders` with the text. Texts from the catalogue (ambtseed.geboekt, ambtseed.wachtlijst, AL_INGESCHREVEN, fout.algemeen).
 */
function beoordeel(antwoorden: unknown[]): string {
  if (antwoorden.length === 0) return 'geen';
  const tekst = JSON.stringify(antwoorden[antwoorden.length - 1]);
  if (/Er ging iets mis/.test(tekst) || antwoorden.some((a) => /Er ging iets mis/.test(JSON.stringify(a)))) return 'fout';
  if (/Je bent ingeschreven/.test(tekst)) return 'ingeschreven';
  if (/Je staat op de wachtlijst \(plaats \d+\)/.test(tekst)) return 'wachtlijst';
  if (/Je staat al ingeschreven voor deze bijeenkomst/.test(tekst)) return 'staat al';
  return `anders: ${tekst.slice(0, 200)}`;
}

const SESSIES = 50;
const CAPACITEIT = 15;
const MENSEN = 1000;

describePostgres('four bot instances on one PostgreSQL database', () => {
  jest.setTimeout(180_000);
  let schema: string;
  let store: PgListStore;
  let cluster: BotCluster | undefined;
  let configDir: string;
  const oid = proefOid;

  beforeAll(async () => {
    schema = await freshSchema();
    store = new PgListStore(schemaPool(schema, 4));
    await migratePostgres(store.pool);
    await vulBoekingsproef(store, { sessies: SESSIES, capaciteit: CAPACITEIT, mensen: MENSEN });

    const url = `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    // The demo organisation with its daily jobs due from 00:00, so they are due whenever the test runs.
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ip-config-'));
    const demo = fs.readFileSync(path.join(__dirname, '..', '..', 'config', 'demo.yaml'), 'utf8');
    expect(demo).toContain('dagelijksOm: "08:00"');
    fs.writeFileSync(path.join(configDir, 'demo.yaml'), demo.replace('dagelijksOm: "08:00"', 'dagelijksOm: "00:00"'));
    cluster = await startBotCluster(4, {
      STORE: 'postgres',
      DATABASE_URL: url,
      PG_POOL_MAX: '6',
      // A killed instance's turns are run elsewhere 10 s after its last lease renewal (default 30 s).
      BOT_BEURT_LEASE_MS: '10000',
      PGBOSS_SCHEMA: `${schema}_boss`,
      INTEGRITEITSPLEIN_CONFIG_DIR: configDir,
    });
  });
  afterAll(async () => {
    await cluster?.close();
    await store.close();
    await dropSchema(schema);
    await dropSchema(`${schema}_boss`);
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  test('the Wbk reminder, uitvraag, ambtseed reminders, HR overview, VOG job and nevenwerk refresh round are enqueued and run exactly once with four instances starting together', async () => {
    const c = cluster!;
    const boss = `${schema}_boss`;
    const jobs = async () =>
      (
        await store.pool.query<{ name: string; moment: string; state: string }>(
          `SELECT name, data->>'moment' AS moment, state FROM ${boss}.job WHERE name = ANY($1) ORDER BY name`,
          [['wbk-herinnering', 'uitvraag', 'ambtseed-herinneringen', 'hr-weekoverzicht', 'vog-herinneringen', 'nevenwerk-herbevestiging']],
        )
      ).rows;
    const tot = Date.now() + 60_000;
    while ((await jobs()).filter((j) => j.state === 'completed').length < 6) {
      if (Date.now() > tot) throw new Error(`jobs niet op tijd klaar: ${JSON.stringify(await jobs())}\n${c.logs.join('\n')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 2000)); // room for a wrong second run to show up
    const rows = await jobs();
    const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    expect(rows.map((r) => [r.name, r.state])).toEqual([
      ['ambtseed-herinneringen', 'completed'],
      ['hr-weekoverzicht', 'completed'],
      ['nevenwerk-herbevestiging', 'completed'],
      ['uitvraag', 'completed'],
      ['vog-herinneringen', 'completed'],
      ['wbk-herinnering', 'completed'],
    ]);
    // Daily moments are the Amsterdam date, the weekly one the ISO week (yyyy-Www).
    for (const r of rows) expect(r.moment).toMatch(r.name === 'hr-weekoverzicht' ? /^\d{4}-W\d{2}$/ : new RegExp(`^${vandaag}$`));
    const claims = await store.pool.query('SELECT job FROM job_momenten ORDER BY job');
    expect(claims.rows.map((r: { job: string }) => r.job)).toEqual([
      'ambtseed-herinneringen',
      'hr-weekoverzicht',
      'nevenwerk-herbevestiging',
      'uitvraag',
      'vog-herinneringen',
      'wbk-herinnering',
    ]);
    expect(c.instances.every((i) => i.alive)).toBe(true);
  });

  test('1,000 concurrent bookings over 50 sessions, one instance killed mid-burst: no overbooking, no duplicate, nothing lost', async () => {
    const c = cluster!;

    let klaar = 0;
    let gedood = false;
    const boekingen = Array.from({ length: MENSEN }, (_, i) => {
      const activity = submit(
        { action: 'ambtseed.boek', soort: 'ambtseed', sessieId_ambtseed: proefSessieId(i % SESSIES), vorm: 'eed' },
        { serviceUrl: c.serviceUrl, conversationId: `a:persoon-${i}`, from: { id: `29:persoon-${i}`, aadObjectId: oid(i) } },
      );
      return postActivity(c.url, activity).then((r) => {
        if (++klaar === 300 && !gedood) {
          gedood = true;
          c.kill(1); // mid-burst: ~700 bookings still in flight or to come
        }
        return r;
      });
    });
    const uitkomsten = await Promise.all(boekingen);
    expect(gedood).toBe(true);
    expect(c.instances[1].alive).toBe(false);
    expect(uitkomsten.filter((u) => u.status !== 200)).toEqual([]);

    const rijen = await queryAll(store, 'AmbtseedInschrijvingen');
    const actief = rijen.filter((r) => r.status === 'ingeschreven' || r.status === 'wachtlijst');
    // Nothing lost, nothing twice: every person exactly one active inschrijving.
    const perPersoon = new Map<string, number>();
    for (const r of actief) perPersoon.set(r.medewerker, (perPersoon.get(r.medewerker) ?? 0) + 1);
    expect(perPersoon.size).toBe(MENSEN);
    expect([...perPersoon.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(rijen.map((r) => r.inschrijvingId)).size).toBe(rijen.length);
    // No session over capacity; with 20 people per session of 15, every session is full and 5 wait.
    for (let s = 0; s < SESSIES; s++) {
      const id = proefSessieId(s);
      expect(actief.filter((r) => r.sessieId === id && r.status === 'ingeschreven')).toHaveLength(CAPACITEIT);
      expect(actief.filter((r) => r.sessieId === id && r.status === 'wachtlijst')).toHaveLength(20 - CAPACITEIT);
    }
    // Every request got a definite outcome in Teams: its conversation's last answer says booked or waitlisted (or, for
    // a redelivery of a turn that had booked before its instance died, that the booking stands) — never an error.
    const uitkomst = (i: number) => beoordeel(c.replies.get(`a:persoon-${i}`) ?? []);
    const perUitkomst = new Map<string, number[]>();
    for (let i = 0; i < MENSEN; i++) perUitkomst.set(uitkomst(i), [...(perUitkomst.get(uitkomst(i)) ?? []), i]);
    expect([...perUitkomst.keys()].filter((k) => !['ingeschreven', 'wachtlijst', 'staat al'].includes(k))).toEqual([]);
    // The answer agrees with the list: booked ↔ a place, waitlisted ↔ on the waitlist.
    const statusVan = new Map(actief.map((r) => [r.medewerker, r.status]));
    for (const k of ['ingeschreven', 'wachtlijst'] as const)
      expect((perUitkomst.get(k) ?? []).filter((i) => statusVan.get(oid(i)) !== k)).toEqual([]);
    // A plain "already booked" only comes from a redelivery after the kill: far fewer than the turns in flight then.
    expect((perUitkomst.get('staat al') ?? []).length).toBeLessThan(100);
    // All four instances took part (instance 1 until it was killed).
    expect(c.perInstance.filter((n) => n > 0)).toHaveLength(4);
  });
});
