/**
 * The demo registers as the Agents Playground's mock users see them (README, "Lokaal als elke rol werken" and the
 * promise under `npm start`: "In de Playground heeft de leidinggevende (`manager.yml`) registraties uit het eigen
 * team te beoordelen en heeft de medewerker (`medewerker.yml`) één registratie en een openstaand VOG-verzoek").
 * The demo data is seeded as `npm start` does (`seedDemo`), and each user speaks over /api/messages with the object
 * id their Playground file sends (`currentUser.aadObjectId`), read from those files here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadOrgConfig } from '@shared/config';
import { seedDemo } from '@shared/cli/seed';
import { playgroundGebruikers, vasteNaamBron } from '@shared/graph/gebruikers';
import { SqliteListStore } from '@shared/store';
import { message, replyText, startBotHarness, type BotHarness } from '../support/activities';

const TOT = '2026-12-02';
const config = loadOrgConfig('demo');
/** The Playground user of `config/playground/<bestand>.yml` as it sends itself (`currentUser`). */
const gebruiker = (bestand: string) => {
  const y = parseYaml(fs.readFileSync(path.join('config', 'playground', `${bestand}.yml`), 'utf8')) as {
    currentUser: { aadObjectId: string; name: string };
  };
  return { id: `29:${bestand}`, name: y.currentUser.name, aadObjectId: y.currentUser.aadObjectId };
};
const MEDEWERKER = gebruiker('medewerker');
const MANAGER = gebruiker('manager');
const HR = gebruiker('hr');
const als = (u: typeof MEDEWERKER) => ({ from: u, conversationId: `a:conv-${u.id}` });

describe('the demo registers as the Playground users see them', () => {
  let store: SqliteListStore;
  let bot: BotHarness;

  beforeAll(async () => {
    store = new SqliteListStore(':memory:');
    await seedDemo(store, 'demo', TOT);
    bot = await startBotHarness(config, {
      store,
      clock: () => new Date(`${TOT}T09:00:00Z`),
      namen: vasteNaamBron(playgroundGebruikers(path.join('config', 'playground', 'manager.yml'))),
    });
  }, 120_000);
  afterAll(() => bot.close().then(() => store.close()));

  it('the Playground files and config/demo.yaml name the same users', () => {
    expect(config.rollen.manager.gebruikers).toContain(MANAGER.aadObjectId);
    expect(config.rollen.hr.gebruikers).toContain(HR.aadObjectId);
    for (const rol of Object.values(config.rollen)) expect(rol.gebruikers ?? []).not.toContain(MEDEWERKER.aadObjectId);
  });

  it('the employee (medewerker.yml) has one registration and an open VOG request', async () => {
    const nw = replyText((await bot.send(message('mijn nevenwerk', als(MEDEWERKER)))).replies);
    expect(nw).not.toContain('HR heeft nog niet vastgelegd');
    expect(new Set(nw.match(/NW-\d{4}-\d{4}/g))).toHaveProperty('size', 1);
    expect(nw).toContain('Docent, trainer of examinator');
    const vog = replyText((await bot.send(message('mijn vog', als(MEDEWERKER)))).replies);
    expect(vog).not.toContain('Je staat niet geregistreerd');
    expect(vog).toContain('Mijn VOG');
    expect(vog).toContain('nog aan te vragen');
    expect(vog).toContain('Ik heb de VOG aangevraagd');
    // In the function since 1 March four years before the first demo year (2024): in words.
    expect(vog).toContain('1 maart 2020');
  });

  it('the manager (manager.yml) has registrations of the own team to assess', async () => {
    const t = replyText((await bot.send(message('nevenwerk beoordelen', als(MANAGER)))).replies);
    expect(t).not.toContain('Er wachten geen registraties');
    expect(t).toMatch(/\d+ registraties? wacht/);
  });

  it("HR (hr.yml) sees the employee's open VOG request among the outstanding ones", async () => {
    const t = replyText((await bot.send(message('vog overzicht', als(HR)))).replies);
    expect(t).toContain('Openstaande VOG’s');
    // The short code of the employee's object id (its last 8 characters).
    expect(t).toContain(MEDEWERKER.aadObjectId.slice(-8));
  });
});
