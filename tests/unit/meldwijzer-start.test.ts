/**
 * Which meldwijzer answers carry a feature's start button (issue 13: no dead ends): an FAQ entry about the
 * ambtseed, nevenwerk or the VOG (by its question in both languages and its trefwoorden), and the result card of
 * the nevenwerk situation; nothing else.
 */
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { meldroute } from '@shared/domain/meldroute';
import { SITUATIES } from '@shared/lists/definitions';
import * as cards from '../../bot/src/features/meldwijzer/cards';
import { submitActions } from '../support/activities';

const faq = (nl: string, en: string, trefwoorden: string[] = []) => ({ vraag: { nl, en }, antwoord: { nl: 'x', en: 'x' }, trefwoorden });

describe('startVoorFaq', () => {
  it.each([
    [faq('Wanneer moet ik de ambtseed afleggen?', 'When must I take the oath of office?', ['ambtseed', 'eed', 'belofte']), ['ambtseed']],
    [faq('Moet ik nevenwerkzaamheden melden?', 'Must I report outside activities?', ['bijbaan']), ['nevenwerk']],
    [faq('Hoe vaak heb ik een nieuwe VOG nodig?', 'How often do I need a new certificate of conduct?'), ['vog']],
    [faq('Is een chat met de bot anoniem?', 'Is a chat with the bot anonymous?', ['anoniem', 'privacy', 'chat']), []],
    [faq('Mag ik een relatiegeschenk aannemen?', 'May I accept a business gift?', ['geschenk', 'cadeau']), []],
    [faq('Wie is de vertrouwenspersoon?', 'Who is the confidential counsellor?'), []],
  ])('%j → %j', (entry, verwacht) => {
    expect(cards.startVoorFaq(entry)).toEqual(verwacht);
  });
});

describe('result cards', () => {
  const config = loadOrgConfig('zuid-holland', path.resolve(__dirname, '../../config'));
  it('only the nevenwerk situation has a start button: "Nevenwerk melden" → nevenwerk.menu', () => {
    for (const locale of ['nl', 'en'] as const)
      for (const s of SITUATIES) {
        const staat = { situatie: s, antwoorden: {}, gevraagd: [] };
        const kaart = cards.renderResultaatCard(cards.resultaatData(locale, meldroute(config, s), staat, config));
        const start = submitActions(kaart).filter((k) => ['ambtseed.plan', 'nevenwerk.menu', 'vog.status'].includes(String(k.data.action)));
        expect(start.map((k) => k.title)).toEqual(
          s === 'nevenwerkzaamheden' ? [locale === 'nl' ? 'Nevenwerk melden' : 'Report outside activities'] : [],
        );
      }
  });
  it('the start card renders as Adaptive Card 1.5 without leftovers', () => {
    const kaart = cards.renderStartCard(cards.startData('nl', ['vog']));
    expect(kaart.version).toBe('1.5');
    expect(JSON.stringify(kaart)).not.toContain('${');
    expect(submitActions(kaart)).toEqual([{ title: 'Mijn VOG', data: { action: 'vog.status' } }]);
  });
});
