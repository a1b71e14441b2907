import express from 'express';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { addMonths, differenceInCalendarDays, parseISO, format } from 'date-fns';
import { loadOrgConfig } from '@shared/config';
import { vasteNaamBron } from '@shared/graph/gebruikers';
import { seedDemo } from '@shared/cli/seed';
import { queryAll, SqliteListStore } from '@shared/store';
import { achterstalligen } from '../../bot/src/features/ambtseed/achterstallig';
import { ambtseedRouter } from '../../bot/src/features/ambtseed/routes';
import { testServices } from '../support/services';
import { message, replyCards, startBotHarness, type BotHarness } from '../support/activities';

/**
 * HR downloads the open obligations (new hires past their ambtseed deadline) from the HR card, over /api/messages and
 * HTTP, on the demo data of 2 December 2026: 138 people are past their deadline that day (the figure of the issue).
 * The deadline is indienstOp + 2 months (`ambtseed.termijn` in config/demo.yaml), worked out here with date-fns.
 * The file is CSV for Excel nl-NL (BOM, `;`), names from the name source at download time, formula-safe, valid that
 * day only, and nothing about it lands in a list.
 */
describe('ambtseed: export van de openstaande verplichtingen', () => {
  const config = loadOrgConfig('demo');
  const HR = { id: '29:hr-user', name: 'HR', aadObjectId: config.rollen.hr.gebruikers[0] };
  const alsHr = { from: HR, conversationId: 'a:conv-hr' };
  let nu = new Date('2026-12-02T09:00:00Z');
  const klok = () => nu;
  let bot: BotHarness;
  let store: SqliteListStore;
  let eerste: string;
  let tweede: string;

  beforeAll(async () => {
    store = new SqliteListStore(':memory:');
    await seedDemo(store, 'demo', '2026-12-02');
    const wie = await achterstalligen(testServices({ store, config }), nu);
    [eerste, tweede] = wie.map((w) => w.nm.medewerkerId);
    const namen = vasteNaamBron([
      { aadObjectId: eerste, naam: '=HYPERLINK("http://evil.example","klik")' },
      { aadObjectId: tweede, naam: 'Lynne Robbins' },
    ]);
    bot = await startBotHarness(config, { store, clock: klok, namen, routes: [ambtseedRouter({ store, config, clock: klok, namen })] });
  });
  afterAll(async () => {
    await bot.close();
    await store.close();
  });

  /** The export button of HR's card (Action.OpenUrl) in `locale`. */
  async function exportKnop(locale = 'nl-NL'): Promise<{ title: string; pad: string }> {
    const kaart = replyCards((await bot.send(message('ambtseed beheer', { ...alsHr, locale }))).replies)[0];
    const knop = (kaart.actions as { type: string; title: string; url?: string }[]).find((a) => a.type === 'Action.OpenUrl')!;
    expect(knop).toBeDefined();
    const url = new URL(knop.url!);
    return { title: knop.title, pad: url.pathname + url.search };
  }

  const lijstenNu = async () =>
    JSON.stringify(
      await Promise.all((['NieuweMedewerkers', 'AmbtseedSessies', 'AmbtseedInschrijvingen'] as const).map((l) => queryAll(store, l, {}))),
    );

  it('HR-kaart → CSV met BOM en ";", 138 mensen, deadline en dagen te laat kloppen, namen alleen bij het downloaden', async () => {
    const { title, pad } = await exportKnop();
    expect(title).toBe('Openstaande verplichtingen downloaden (CSV, 138)');
    expect(pad).toMatch(/^\/ambtseed\/openstaand\/openstaand-2026-12-02\.csv\?exp=\d+&sig=[0-9a-f]{32}&lang=nl$/);
    const voor = await lijstenNu();

    const r = await request(bot.url).get(pad).buffer(true);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe('attachment; filename="openstaand-2026-12-02.csv"');
    expect(r.headers['cache-control']).toBe('private, no-store');
    const tekst = r.text;
    expect(tekst.startsWith('\uFEFF')).toBe(true);
    expect(tekst.split('\r\n')[0]).toBe(
      '\uFEFFMedewerkercode;Naam;Dienstverband;In dienst sinds;Verplichting;Status;Geboekte bijeenkomst;Deadline;Dagen te laat',
    );
    const rijen = parse<Record<string, string>>(tekst, { delimiter: ';', bom: true, columns: true });
    expect(new Set(rijen.map((x) => x['Medewerkercode'])).size).toBe(138);
    const vandaag = parseISO('2026-12-02');
    for (const x of rijen) {
      expect(x['Deadline']).toBe(format(addMonths(parseISO(x['In dienst sinds']), 2), 'yyyy-MM-dd'));
      expect(Number(x['Dagen te laat'])).toBe(differenceInCalendarDays(vandaag, parseISO(x['Deadline'])));
      expect(Number(x['Dagen te laat'])).toBeGreaterThan(0);
      expect(['Ambtseed of ambtsbelofte', 'Workshop integriteit', 'Integriteitsverklaring']).toContain(x['Verplichting']);
      expect(['nog niet gepland', 'ingeschreven', 'op de wachtlijst']).toContain(x['Status']);
    }
    const dagen = rijen.map((x) => Number(x['Dagen te laat']));
    expect(dagen).toEqual([...dagen].sort((a, b) => b - a));
    // Names come from the name source at download time; a name that looks like a formula is neutralised.
    expect(rijen.find((x) => x['Medewerkercode'] === tweede)!['Naam']).toBe('Lynne Robbins');
    expect(rijen.find((x) => x['Medewerkercode'] === eerste)!['Naam']).toBe('\'=HYPERLINK("http://evil.example","klik")');
    expect(rijen.filter((x) => x['Naam'] === '').length).toBe(
      rijen.length - rijen.filter((x) => [eerste, tweede].includes(x['Medewerkercode'])).length,
    );
    // Generated per request: the lists are the same as before, and hold no name.
    const na = await lijstenNu();
    expect(na).toBe(voor);
    expect(na).not.toContain('Lynne Robbins');
  });

  it('en-US: knop en kolommen in het Engels', async () => {
    const { title, pad } = await exportKnop('en-US');
    expect(title).toBe('Download open obligations (CSV, 138)');
    const r = await request(bot.url).get(pad).buffer(true);
    expect(r.text.split('\r\n')[0]).toBe(
      '\uFEFFEmployee code;Name;Employment;Started on;Obligation;Status;Booked session;Deadline;Days late',
    );
  });

  it('een gewijzigde link of een link van gisteren krijgt 403; zonder naambron alleen codes', async () => {
    const { pad } = await exportKnop();
    const gewijzigd = await request(bot.url).get(pad.replace(/sig=([0-9a-f])/, (_m, c: string) => `sig=${c === '0' ? '1' : '0'}`));
    expect(gewijzigd.status).toBe(403);
    expect(gewijzigd.text).toContain('Deze downloadlink is niet geldig');
    const andereDag = await request(bot.url).get(pad.replace('openstaand-2026-12-02', 'openstaand-2026-12-01'));
    expect(andereDag.status).toBe(403);
    expect((await request(bot.url).get('/ambtseed/openstaand/lijst.csv')).status).toBe(400);

    const zonder = await request(express().use(ambtseedRouter({ store, config, clock: klok })))
      .get(pad)
      .buffer(true);
    expect(zonder.status).toBe(200);
    const rijen = parse<Record<string, string>>(zonder.text, { delimiter: ';', bom: true, columns: true });
    expect(rijen.every((x) => x['Naam'] === '')).toBe(true);

    // 2 December 2026 ends at midnight Amsterdam (23:00 UTC, winter time): then the link has expired.
    nu = new Date('2026-12-02T22:59:00Z');
    expect((await request(bot.url).get(pad)).status).toBe(200);
    nu = new Date('2026-12-02T23:00:00Z');
    const verlopen = await request(bot.url).get(pad);
    expect(verlopen.status).toBe(403);
    expect(verlopen.text).toContain('alleen worden gedownload op de dag dat de link is gemaakt');
    nu = new Date('2026-12-02T09:00:00Z');
  });
});
