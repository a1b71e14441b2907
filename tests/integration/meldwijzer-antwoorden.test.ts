/**
 * How the meldwijzer answers short remarks and questions over POST /api/messages (local mode) in the demo,
 * Zuid-Holland and Huizen configs, as a newcomer typed them in the Playground: thanks get a short reply and no
 * card, greetings a hello and the menu, and the privacy card says once that a Teams chat is not anonymous.
 * Expected texts are the message catalogue's (shared/src/i18n/messages/meldwijzer.ts) and config/<org>.yaml's
 * FAQ answers, written out here.
 */
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { message, replyCards, replyText, startBotHarness, type BotHarness } from '../support/activities';

const ORGS = ['demo', 'zuid-holland', 'huizen'] as const;
type Org = (typeof ORGS)[number];
const bots = new Map<Org, BotHarness>();

beforeAll(async () => {
  for (const org of ORGS) bots.set(org, await startBotHarness(loadOrgConfig(org, path.resolve(__dirname, '../../config'))));
});
afterAll(async () => {
  for (const h of bots.values()) await h.close();
});

/** The replies to one typed text. */
const typ = async (org: Org, tekst: string, locale = 'nl-NL') => (await bots.get(org)!.send(message(tekst, { locale }))).replies;

/** How often `deel` occurs in `tekst`. */
const keer = (tekst: string, deel: string) => tekst.split(deel).length - 1;

describe('thanks get a short reply, no card', () => {
  it.each([
    ['demo', 'nl-NL', 'bedankt', 'Graag gedaan!'],
    ['demo', 'nl-NL', 'dank je wel!', 'Graag gedaan!'],
    ['zuid-holland', 'nl-NL', 'top, dank', 'Graag gedaan!'],
    ['huizen', 'nl-NL', 'Heel erg bedankt voor de uitleg :)', 'Graag gedaan!'],
    ['demo', 'en-US', 'thanks', "You're welcome!"],
    ['huizen', 'en-US', 'Thank you so much for the help!', "You're welcome!"],
  ] as const)('%s %s: "%s"', async (org, locale, tekst, antwoord) => {
    const replies = await typ(org, tekst, locale);
    expect(replyCards(replies)).toEqual([]);
    expect(replies).toHaveLength(1);
    expect(replies[0].activity.text).toContain(antwoord);
  });

  it('a question that starts with thanks is still answered as a question', async () => {
    const replies = await typ('demo', 'Bedankt! En mag ik een kerstpakket van een leverancier houden?');
    const txt = replyText(replies);
    expect(txt).not.toContain('Graag gedaan');
    expect(txt).toContain('Geschenken tot € 50 mag je melden en aannemen');
    expect(txt).toContain('Hier kun je terecht');
  });
});

describe('greetings get a hello and the menu; help is as before', () => {
  it.each([
    ['demo', 'nl-NL', 'hoi', 'Hallo! Ik help je de juiste plek te vinden', 'Waar gaat je vraag over?'],
    ['zuid-holland', 'nl-NL', 'Goedemorgen!', 'Hallo! Ik help je de juiste plek te vinden', 'Waar gaat je vraag over?'],
    ['huizen', 'nl-NL', 'goedemorgen allemaal', 'Hallo! Ik help je de juiste plek te vinden', 'Waar gaat je vraag over?'],
    ['demo', 'nl-NL', 'Hoi bot', 'Hallo! Ik help je de juiste plek te vinden', 'Waar gaat je vraag over?'],
    ['demo', 'en-US', 'hello', 'Hello! I help you find the right place', 'What is your question about?'],
    ['huizen', 'en-US', 'Hello there!', 'Hello! I help you find the right place', 'What is your question about?'],
  ] as const)('%s %s: "%s"', async (org, locale, tekst, hallo, menu) => {
    const replies = await typ(org, tekst, locale);
    const txt = replyText(replies);
    expect(replies[0].activity.text).toContain(hallo);
    expect(txt).toContain(menu);
    expect(txt).not.toMatch(/Ik weet niet zeker|I'm not sure|Wat past het best|What fits your question best/);
  });

  it.each([
    ['zuid-holland', 'nl-NL', 'wat kun je', 'Ik ben de meldwijzer van Provincie Zuid-Holland'],
    ['demo', 'nl-NL', 'hoi, wat kun je eigenlijk?', 'Ik ben de meldwijzer van Provincie Demoland'],
    ['huizen', 'en-US', 'help', 'I am the Gemeente Huizen integrity guide'],
  ] as const)('%s %s: "%s" explains what the bot does', async (org, locale, tekst, uitleg) => {
    expect(replyText(await typ(org, tekst, locale))).toContain(uitleg);
  });
});

describe('the privacy card says once that a Teams chat is not anonymous', () => {
  it.each([
    [
      'demo',
      'nl-NL',
      'Is deze chat anoniem?',
      'Een Teams-chat is nooit anoniem',
      /niet anoniem|nooit anoniem/g,
      'Je organisatie kan zien dat jij met deze bot chat.',
    ],
    [
      'huizen',
      'nl-NL',
      'Is deze chat anoniem?',
      'Een Teams-chat is nooit anoniem',
      /niet anoniem|nooit anoniem/g,
      'Je organisatie kan zien dat jij met deze bot chat.',
    ],
    [
      'zuid-holland',
      'en-US',
      'Is this chat anonymous?',
      'A Teams chat is never anonymous',
      /not anonymous|never anonymous/g,
      'Your organisation can see that you chat with this bot.',
    ],
  ] as const)('%s %s: "%s" (with the FAQ answer)', async (org, locale, tekst, faq, nietAnoniem, zichtbaar) => {
    const txt = replyText(await typ(org, tekst, locale));
    expect(txt).toContain(faq);
    expect(txt).toContain(zichtbaar);
    expect(txt.match(nietAnoniem)).toHaveLength(1);
  });

  it.each([
    ['demo', 'nl-NL', 'Een chat in Teams is niet anoniem: je organisatie kan zien dat jij met deze bot chat.'],
    ['huizen', 'en-US', 'A Teams chat is not anonymous: your organisation can see that you chat with this bot.'],
  ] as const)('%s %s: the privacy command (no FAQ answer) says it in full, once', async (org, locale, zin) => {
    const txt = replyText(await typ(org, 'privacy', locale));
    expect(keer(txt, zin)).toBe(1);
  });
});

describe('a wish to report anonymously gets the privacy card with the anonymous routes first', () => {
  // The "• …" lines are the organisation's anonymous routes (config/<org>.yaml: meldpunten with anoniem: true).
  it.each([
    ['demo', 'nl-NL', 'ik wil anoniem melden', 'Privacy en anoniem melden', ['• Vertrouwenspersoon', '• Huis voor Klokkenluiders']],
    ['demo', 'nl-NL', 'kan ik anoniem iets melden?', 'Privacy en anoniem melden', ['• Vertrouwenspersoon', '• Huis voor Klokkenluiders']],
    ['zuid-holland', 'nl-NL', 'Ik wil liever anoniem blijven', 'Privacy en anoniem melden', ['• Vertrouwenspersoon']],
    [
      'demo',
      'en-US',
      'I want to report anonymously',
      'Privacy and reporting anonymously',
      ['• Confidential counsellor', '• Dutch Whistleblowers Authority'],
    ],
    ['huizen', 'en-US', 'I want to report anonymously', 'Privacy and reporting anonymously', ['• BING confidential counsellor']],
  ] as const)('%s %s: "%s" (no situation named: the card alone)', async (org, locale, tekst, titel, kanalen) => {
    const replies = await typ(org, tekst, locale);
    expect(replyCards(replies)).toHaveLength(1);
    const txt = replyText(replies);
    expect(txt).toContain(titel);
    for (const k of kanalen) expect(txt).toContain(k);
    expect(txt).not.toMatch(
      /Nevenwerk en belangen|Outside work|Wat past het best|What fits your question best|Hier kun je terecht|Vraag 1 van/,
    );
  });

  it.each([
    [
      'demo',
      'nl-NL',
      'Ik wil anoniem melden dat mijn leidinggevende vrouwen in het team anders behandelt dan mannen',
      'Privacy en anoniem melden',
      'Ongewenst gedrag door je leidinggevende',
    ],
    [
      'huizen',
      'nl-NL',
      'ik wil anoniem melden dat mijn collega fraude pleegt',
      'Privacy en anoniem melden',
      'Een zakelijke integriteitsschending',
    ],
    [
      'zuid-holland',
      'en-US',
      'I want to report anonymously that my manager fiddles his expense claims',
      'Privacy and reporting anonymously',
      'A business integrity violation by your manager',
    ],
  ] as const)('%s %s: "%s" (a situation named: the card, then its route)', async (org, locale, tekst, titel, route) => {
    const replies = await typ(org, tekst, locale);
    expect(replyCards(replies)).toHaveLength(2);
    const txt = replyText(replies);
    expect(txt.indexOf(titel)).toBeGreaterThanOrEqual(0);
    expect(txt.indexOf(titel)).toBeLessThan(txt.indexOf(route));
  });

  it('someone calling anonymously is no wish to report anonymously', async () => {
    const txt = replyText(await typ('demo', 'Iemand belt steeds anoniem en zegt dat ik moet oppassen'));
    expect(txt).not.toContain('Privacy en anoniem melden');
    expect(txt).toContain('Agressie of geweld van buiten');
  });
});
