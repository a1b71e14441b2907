/**
 * How the meldwijzer answers short remarks and questions over POST /api/messages (local mode) in the demo,
 * Zuid-Holland and Huizen configs, as a newcomer typed them in the Playground: thanks get a short reply and no
 * card, greetings a hello and the menu, a wish to report anonymously the privacy card with the organisation's
 * anonymous routes, the privacy card says once that a Teams chat is not anonymous, and FAQ entries are answered for
 * other phrasings of their question (and not for texts about other situations: the corpus's development part).
 * Expected texts are the message catalogue's (shared/src/i18n/messages/meldwijzer.ts) and config/<org>.yaml's
 * FAQ answers, written out here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadOrgConfig, type OrgConfig } from '@shared/config';
import { triage } from '@shared/domain/triage';
import { corpusSchema } from '@shared/domain/triage-meting';
import type { Situatie } from '@shared/lists/definitions';
import { message, replyCards, replyText, startBotHarness, submitActions, type BotHarness } from '../support/activities';

const ORGS = ['demo', 'zuid-holland', 'huizen'] as const;
type Org = (typeof ORGS)[number];
const configs = new Map<Org, OrgConfig>(ORGS.map((org) => [org, loadOrgConfig(org, path.resolve(__dirname, '../../config'))]));
const bots = new Map<Org, BotHarness>();

beforeAll(async () => {
  for (const org of ORGS) bots.set(org, await startBotHarness(configs.get(org)!));
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
    ['zuid-holland', 'nl-NL', 'Hoi, bedankt hoor!', 'Graag gedaan!'],
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

describe('the privacy card says once that a Teams chat is not anonymous and once that the bot stores nothing', () => {
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
    // …and once that the bot stores nothing (the card says what it counts; the FAQ answer need not repeat it).
    expect(txt.match(/bewaart niets|stores nothing/g)).toHaveLength(1);
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

  it.each([
    ['demo', 'nl-NL', 'ik wil anoniem melden', 'Nee. Een Teams-chat is nooit anoniem.'],
    ['huizen', 'en-US', 'I would like to stay anonymous', 'No. A Teams chat is never anonymous.'],
  ] as const)('%s %s: "%s" gets the same FAQ answer on the card as the question would', async (org, locale, tekst, antwoord) => {
    expect(replyText(await typ(org, tekst, locale))).toContain(antwoord);
  });

  it('someone calling anonymously is no wish to report anonymously', async () => {
    const txt = replyText(await typ('demo', 'Iemand belt steeds anoniem en zegt dat ik moet oppassen'));
    expect(txt).not.toContain('Privacy en anoniem melden');
    expect(txt).toContain('Agressie of geweld van buiten');
  });
});

describe('an FAQ answer that names no situation ends with a way on, not the whole menu under it', () => {
  it.each([
    ['demo', 'nl-NL', 'wanneer leg ik de eed af', 'Binnen twee maanden na je indiensttreding', ['Plan mijn ambtseed', 'Naar het menu']],
    ['demo', 'en-US', 'When must I take the oath of office?', 'Within two months', ['Plan my oath', 'To the menu']],
    [
      'zuid-holland',
      'nl-NL',
      'Wanneer moet ik de ambtseed afleggen?',
      'ten overstaan van de provinciesecretaris',
      ['Plan mijn ambtseed', 'Naar het menu'],
    ],
  ] as const)('%s %s: "%s"', async (org, locale, tekst, antwoord, knoppen) => {
    const replies = await typ(org, tekst, locale);
    expect(replyText(replies)).toContain(antwoord);
    expect(replyCards(replies).flatMap((c) => submitActions(c).map((k) => k.title))).toEqual(knoppen);
    // The menu's question and its situation buttons are not there.
    expect(replyText(replies)).not.toMatch(/Waar gaat je vraag over|What is your question about/);
  });
});

describe('FAQ entries are answered for other phrasings of their question', () => {
  // config/zuid-holland.yaml and demo.yaml: "Wanneer moet ik de ambtseed afleggen?" (trefwoorden ambtseed, eed, belofte).
  const EED_ZH = 'Binnen twee maanden na je indiensttreding, ten overstaan van de provinciesecretaris';
  const EED_DEMO = 'Binnen twee maanden na je indiensttreding, in een bijeenkomst met de provinciesecretaris.';
  // demo.yaml: "Mag ik een relatiegeschenk aannemen?" (the € 50 rule).
  const GIFT_NL = 'Geschenken tot € 50 mag je melden en aannemen';
  const GIFT_EN = 'Gifts up to € 50 may be accepted after reporting them';
  it.each([
    ['zuid-holland', 'nl-NL', 'wanneer moet ik de eed afleggen', EED_ZH],
    ['zuid-holland', 'nl-NL', 'wanneer leg ik de eed af', EED_ZH],
    ['zuid-holland', 'nl-NL', 'wanneer moet ik de belofte doen', EED_ZH],
    ['zuid-holland', 'en-US', 'When do I have to take the oath?', 'Within two months of starting, before the provincial secretary'],
    ['demo', 'nl-NL', 'wanneer leg ik de eed af', EED_DEMO],
    ['demo', 'nl-NL', 'Moet ik de eed nog afleggen? Ik werk hier net', EED_DEMO],
    ['demo', 'nl-NL', 'ik heb een kerstpakket van een leverancier gekregen, wat nu?', GIFT_NL],
    ['demo', 'nl-NL', 'Ik kreeg een fles wijn van een aannemer', GIFT_NL],
    ['demo', 'en-US', 'a supplier sent me a hamper', GIFT_EN],
    ['demo', 'en-US', 'A resident dropped off a box of chocolates for me', GIFT_EN],
    // config/huizen.yaml: "Moet ik nevenwerkzaamheden melden?".
    [
      'huizen',
      'nl-NL',
      'ik doe freelance klussen als fotograaf',
      'Nevenwerkzaamheden en financiële belangen meld je bij je leidinggevende',
    ],
  ] as const)('%s %s: "%s"', async (org, locale, tekst, antwoord) => {
    const replies = await typ(org, tekst, locale);
    expect(replies[0].activity.text).toContain(antwoord);
  });

  it.each([
    ['demo', 'nl-NL', 'Mag ik mijn trouwkaartjes op kantoor printen?'],
    ['demo', 'nl-NL', 'Een burger gooide een fles naar mijn hoofd'],
    ['demo', 'en-US', 'A colleague keeps taking office supplies home'],
    ['demo', 'en-US', 'I want to start a small business selling cakes'],
    ['demo', 'nl-NL', 'Mijn collega neemt steeds cadeaus aan van een aannemer'],
    // Zuid-Holland has no gift entry: the gift question gets its route, no FAQ answer.
    ['zuid-holland', 'nl-NL', 'ik heb een kerstpakket van een leverancier gekregen, wat nu?'],
  ] as const)('%s %s: "%s" gets no FAQ answer', async (org, locale, tekst) => {
    const txt = replyText(await typ(org, tekst, locale));
    expect(txt).not.toMatch(
      /\*\*(Mag ik een relatiegeschenk|May I accept a business gift|Wanneer moet ik de ambtseed|When must I take the oath|Moet ik nevenwerkzaamheden|Must I report outside)/,
    );
  });

  /**
   * The development part of tests/fixtures/meldwijzer-corpus.json (never the test part): no text whose labelled
   * situations are none of an entry's topic gets that entry's answer. Topics by hand from the entries: the gift rule
   * is a dilemma or a general question, the ambtseed a general question, nevenwerk its own situation or a general
   * question; the chat-anonymity entry is answered only with the privacy card (or for a text labelled faq).
   * Measured before the stems/families change: demo 2, Zuid-Holland 2, Huizen 0 ("A colleague keeps taking office
   * supplies home" and "… takes office laptops home and sells them" got the oath of office); after: 0, 0, 0.
   */
  const dev = corpusSchema
    .parse(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/meldwijzer-corpus.json'), 'utf8')))
    .items.filter((i) => i.deel === 'dev');
  const ONDERWERP: Record<Org, (readonly Situatie[] | 'privacy')[]> = {
    demo: ['privacy', ['dilemma', 'algemeen'], ['algemeen'], ['nevenwerkzaamheden', 'algemeen']],
    'zuid-holland': ['privacy', ['algemeen']],
    huizen: ['privacy', ['nevenwerkzaamheden', 'algemeen']],
  };
  it.each(ORGS)('%s: no FAQ answer for a text about another situation (corpus, development part)', (org) => {
    const config = configs.get(org)!;
    expect(ONDERWERP[org]).toHaveLength(config.faq.length);
    const mis: string[] = [];
    for (const item of dev) {
      const v = triage(item.tekst, config).vraag;
      if (v?.soort !== 'faq' && !(v?.soort === 'privacy' && v.faq !== undefined)) continue;
      const onderwerp = ONDERWERP[org][v.faq!];
      const goed =
        onderwerp === 'privacy' ? v.soort === 'privacy' || item.vraag === 'faq' : item.situaties.some((s) => onderwerp.includes(s));
      if (!goed) mis.push(item.id);
    }
    expect(mis).toEqual([]);
  });
});
