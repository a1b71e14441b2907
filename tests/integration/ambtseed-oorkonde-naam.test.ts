import express from 'express';
import { loadOrgConfig } from '@shared/config';
import { vasteNaamBron } from '@shared/graph/gebruikers';
import { SqliteListStore } from '@shared/store';
import { ambtseedRouter, oorkondeUrl } from '../../bot/src/features/ambtseed/routes';
import { docxXml } from '../support/ambtseed-demo';

/** The oorkonde carries the person's name, looked up when it is downloaded (never stored); without a source the line stays blank. */
const config = loadOrgConfig('demo');
const env = { AMBTSEED_LINK_SECRET: 'test-geheim' };
const nu = new Date('2026-12-02T09:00:00Z');
const LYNNE = '00000000-0000-0000-0000-0000000000025';
const store = new SqliteListStore(':memory:');

beforeAll(async () => {
  await store.add('AmbtseedInschrijvingen', {
    inschrijvingId: 'S-OK#00001',
    sessieId: 'S-OK',
    medewerker: LYNNE,
    dienstverband: 'arbeidsovereenkomst',
    indienstOp: '2026-10-01',
    status: 'afgelegd',
    vorm: 'belofte',
    afgelegdOp: '2026-11-20',
  });
});
afterAll(() => store.close());

async function documentTekst(app: express.Express): Promise<string> {
  const url = new URL(oorkondeUrl('http://bot.test', 'S-OK#00001', 'nl', nu, env));
  const xml = await docxXml(app, url.pathname + url.search);
  return xml.replace(/<[^>]+>/g, ' ');
}

it('met een naambron staat de naam op de oorkonde, zonder blijft "(naam)"', async () => {
  const met = await documentTekst(
    express().use(
      ambtseedRouter({ store, config, env, clock: () => nu, namen: vasteNaamBron([{ aadObjectId: LYNNE, naam: 'Lynne Robbins' }]) }),
    ),
  );
  expect(met).toContain('Lynne Robbins');
  expect(met).not.toContain('(naam)');
  expect(met).toContain('20 november 2026');
  const zonder = await documentTekst(express().use(ambtseedRouter({ store, config, env, clock: () => nu })));
  expect(zonder).toContain('(naam)');
  expect(JSON.stringify(await store.get('AmbtseedInschrijvingen', 'S-OK#00001'))).not.toContain('Lynne');
});
