/**
 * No meldwijzer answer about a feature is a dead end (issue 13): over POST /api/messages, the FAQ answers about the
 * ambtseed and nevenwerk (config `faq` of demo, zuid-holland and huizen) carry that feature's start button
 * ("Plan mijn ambtseed" → ambtseed.plan, "Nevenwerk melden" → nevenwerk.menu; once per answer), and so does the
 * nevenwerk route card; pressing the button gives what the typed command gives. Other answers get no start button.
 */
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { message, replyCards, replyText, startBotHarness, submit, submitActions, type BotHarness } from '../support/activities';

const START = ['ambtseed.plan', 'nevenwerk.menu', 'vog.status'];
const laad = (naam: string) => loadOrgConfig(naam, path.resolve(__dirname, '../../config'));
let gesprek = 0;

/** The start buttons (action → titles) in the bot's answer to `tekst`, and the answer. */
async function startKnoppen(bot: BotHarness, tekst: string, locale: string) {
  const r = await bot.send(message(tekst, { locale, conversationId: `a:start-${++gesprek}` }));
  const knoppen = replyCards(r.replies)
    .flatMap((c) => submitActions(c))
    .filter((k) => START.includes(String(k.data.action)));
  return { knoppen: knoppen.map((k) => `${String(k.data.action)}: ${k.title}`), r };
}

/** [config, text, locale, expected start buttons] */
const GEVALLEN: [string, string, string, string[]][] = [
  ['demo', 'Wanneer moet ik de ambtseed afleggen?', 'nl-NL', ['ambtseed.plan: Plan mijn ambtseed']],
  ['demo', 'When must I take the oath of office?', 'en-US', ['ambtseed.plan: Plan my oath']],
  ['demo', 'Moet ik nevenwerkzaamheden melden?', 'nl-NL', ['nevenwerk.menu: Nevenwerk melden']],
  ['demo', 'Must I report outside activities?', 'en-US', ['nevenwerk.menu: Report outside activities']],
  ['zuid-holland', 'Wanneer moet ik de ambtseed afleggen?', 'nl-NL', ['ambtseed.plan: Plan mijn ambtseed']],
  ['huizen', 'Moet ik nevenwerkzaamheden melden?', 'nl-NL', ['nevenwerk.menu: Nevenwerk melden']],
  ['demo', 'Ik geef bijles tegen betaling, moet ik dat melden?', 'nl-NL', ['nevenwerk.menu: Nevenwerk melden']],
  ['demo', 'Is deze chat anoniem?', 'nl-NL', []],
  ['demo', 'Mag ik een relatiegeschenk aannemen?', 'nl-NL', []],
  ['demo', 'Een collega pest me al maanden.', 'nl-NL', []],
];

const bots = new Map<string, BotHarness>();
async function bot(naam: string): Promise<BotHarness> {
  let b = bots.get(naam);
  if (!b) bots.set(naam, (b = await startBotHarness(laad(naam))));
  return b;
}
afterAll(async () => {
  for (const b of bots.values()) await b.close();
});

describe('start buttons under the meldwijzer’s answers', () => {
  it.each(GEVALLEN)('%s: "%s" (%s)', async (config, tekst, locale, verwacht) => {
    expect((await startKnoppen(await bot(config), tekst, locale)).knoppen).toEqual(verwacht);
  });

  it('the button does what the typed command does', async () => {
    const b = await bot('demo');
    for (const [tekst, commando] of [
      ['Wanneer moet ik de ambtseed afleggen?', 'plan mijn ambtseed'],
      ['Moet ik nevenwerkzaamheden melden?', 'nevenwerk melden'],
    ]) {
      const { r } = await startKnoppen(b, tekst, 'nl-NL');
      const knop = replyCards(r.replies)
        .flatMap((c) => submitActions(c))
        .find((k) => START.includes(String(k.data.action)))!;
      const conversationId = `a:start-${++gesprek}`;
      const viaKnop = replyText((await b.send(submit(knop.data, { conversationId }))).replies);
      const viaCommando = replyText((await b.send(message(commando, { conversationId: `a:start-${++gesprek}` }))).replies);
      expect(viaKnop).toBe(viaCommando);
      expect(viaKnop).not.toContain('Niet toegestaan');
    }
  });
});
