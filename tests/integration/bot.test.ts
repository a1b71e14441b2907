/**
 * The bot over HTTP (POST /api/messages, local mode, replies captured by a fake Bot Connector):
 * welcome, every situation end to end, back/start over, free text, group-chat refusal, @mention stripping,
 * retried activities, malformed submits, onTurnError, usage counting and privacy of logs.
 * Expected meldpunten come from config/demo.yaml routes, worked out by hand.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { z } from 'zod';
import { loadOrgConfig } from '@shared/config';
import { LokaleStaat, SqliteListStore, queryAll } from '@shared/store';
import { createBotHost } from '../../bot/src/host/app';
import type { Feature } from '../../bot/src/features/feature';
import { flushMeldwijzerGebruik } from '../../bot/src/features/meldwijzer';
import {
  conversationUpdate,
  installationUpdate,
  mentionMessage,
  message,
  replyCards,
  replyText,
  startBotHarness,
  submit,
  submitActions,
  type BotHarness,
} from '../support/activities';

const config = loadOrgConfig('demo', path.resolve(__dirname, '../../config'));
const NOW = new Date('2026-11-25T10:00:00Z'); // ISO week 2026-W48 (Wednesday)
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness(config, { clock: () => NOW });
});
afterAll(async () => h.close());

/** Click the submit button titled `title` on the last card of `replies`. */
async function click(replies: { activity: Record<string, unknown> }[], title: string, conversationId?: string) {
  const cards = replyCards(replies as never);
  const card = cards[cards.length - 1];
  const action = submitActions(card).find((a) => a.title === title);
  if (!action)
    throw new Error(
      `Geen knop "${title}" in: ${submitActions(card)
        .map((a) => a.title)
        .join(' | ')}`,
    );
  return h.send(submit(action.data, { conversationId }));
}

describe('welcome', () => {
  it('welcomes on install with a plain privacy note and the main menu, once', async () => {
    const conv = 'a:welkom-1';
    const r = await h.send(conversationUpdate({ conversationId: conv }));
    expect(r.status).toBe(200);
    const txt = replyText(r.replies);
    expect(txt).toContain('Welkom bij de meldwijzer van Provincie Demoland');
    expect(txt).toContain('Een chat in Teams is niet anoniem');
    expect(txt).toContain('De bot bewaart niets over je vraag');
    // demo.yaml: vertrouwenspersoon and huisVoorKlokkenluiders are anonymous; listed, not glued into running text.
    expect(txt).toContain('Anoniem melden kan via:');
    expect(txt).toContain('• Vertrouwenspersoon');
    expect(txt).toContain('• Huis voor Klokkenluiders');
    expect(txt).not.toMatch(/via Vertrouwenspersoon/);
    const knoppen = submitActions(replyCards(r.replies)[0]);
    expect(knoppen.map((a) => a.data.situatie)).toEqual([
      'dilemma',
      'vermoedenMisstand',
      'zakelijk',
      'ongewenstGedrag',
      'agressieExtern',
      'nevenwerkzaamheden',
      'algemeen',
    ]);
    // Teams cuts button titles off at roughly 30-40 characters: every menu title must be short.
    for (const k of knoppen) expect(k.title.length).toBeLessThanOrEqual(26);
    // The longer explanation goes in a wrapping TextBlock (fraud, gifts, information stays readable).
    expect(txt).toContain('fraude, omkoping, geschenken');
    // Teams also sends installationUpdate for the same install: no second welcome.
    expect((await h.send(installationUpdate({ conversationId: conv }))).replies).toHaveLength(0);
  });

  it('welcomes in English for an English client', async () => {
    const r = await h.send(installationUpdate({ conversationId: 'a:welkom-en', locale: 'en-US' }));
    const txt = replyText(r.replies);
    expect(txt).toContain('A Teams chat is not anonymous');
    expect(txt).toContain('You can report anonymously through:');
    expect(txt).toContain('• Confidential counsellor');
    expect(txt).toContain('• Dutch Whistleblowers Authority');
    expect(txt).not.toMatch(/through Confidential|through: Confidential/);
    const knoppen = submitActions(replyCards(r.replies)[0]);
    for (const k of knoppen) expect(k.title.length).toBeLessThanOrEqual(26);
    expect(knoppen.map((k) => k.title)).toContain('Business integrity');
    expect(txt).toContain('fraud, bribery, gifts, misuse of information');
  });
});

describe('guided route, every situation type', () => {
  /** [situation, answers to click in order, meldpunt names expected first (in order), text that must appear] */
  const routes: [string, string[], string[], string[]][] = [
    ['Dilemma of twijfel', ['Nee'], ['Je leidinggevende', 'Vertrouwenspersoon'], ['Gedragscode integriteit']],
    [
      'Vermoeden van een misstand',
      ['Ja, anoniem'],
      ['Vertrouwenspersoon'],
      ['Huis voor Klokkenluiders', 'binnen 7 dagen', 'uiterlijk 3 maanden', 'De provinciesecretaris beslist'],
    ],
    [
      'Zakelijke integriteit',
      ['Nee, dat hoeft niet', 'Nee'],
      ['Je leidinggevende'],
      ['Anoniem melden kan via:', '• Vertrouwenspersoon', 'zonder je naam'],
    ],
    [
      'Ongewenst gedrag',
      ['Een collega', 'Een vrouw'],
      ['Vertrouwenspersoon', 'Je leidinggevende'],
      ['Vertrouwenspersoon A (intern)', 'Landelijke Klachtencommissie'],
    ],
    ['Agressie van buiten', [], ['Je leidinggevende', 'Adviseur Veilige Publieke Taak'], ['Politie', 'bel 112']],
    ['Nevenwerk en belangen', [], ['Je leidinggevende'], ['Regeling nevenwerkzaamheden']],
    ['Algemene vraag', [], ['Integriteitscoördinator', 'Vertrouwenspersoon'], []],
  ];

  test.each(routes)('%s', async (situatie, answers, first, mentions) => {
    const conv = `a:route-${situatie.length}`;
    let r = await h.send(message('menu', { conversationId: conv }));
    r = await click(r.replies, situatie, conv);
    for (const [i, a] of answers.entries()) {
      expect(replyText(r.replies)).toContain(`Vraag ${i + 1} van maximaal 3`);
      r = await click(r.replies, a, conv);
    }
    const card = replyCards(r.replies)[0];
    const body = card.body as { type: string; text?: string; items?: { text?: string }[] }[];
    expect(body[0].text).toBe('Hier kun je terecht');
    // Meldpunt names in the "Ga eerst naar" section, in order.
    const kop = body.findIndex((b) => b.text === 'Ga eerst naar');
    const names = body
      .slice(kop + 1)
      .filter((b) => b.type === 'Container' && b.items?.[0]?.text && !('style' in b))
      .map((b) => b.items![0].text);
    expect(names.slice(0, first.length)).toEqual(first);
    const txt = replyText(r.replies);
    for (const m of mentions) expect(txt).toContain(m);
    expect(txt).toContain('Een Teams-chat is niet anoniem');
    // Agressie: "bel 112 bij direct gevaar" first, with the intake's incident registration as a button; nevenwerk
    // offers the nevenwerk registration (issue 13: no dead end).
    const eigen: Record<string, string[]> = {
      'Agressie van buiten': ['Incident registreren'],
      'Nevenwerk en belangen': ['Nevenwerk melden'],
    };
    const knoppen = [...(eigen[situatie] ?? []), 'Terug', 'Opnieuw beginnen'];
    expect(submitActions(card).map((a) => a.title)).toEqual(knoppen);
  });

  it('hides vertrouwenspersonen that do not fit a preference', async () => {
    let r = await h.send(submit({ action: 'meldwijzer.situatie', situatie: 'ongewenstGedrag', antwoorden: { wie: 'collega' } }));
    r = await click(r.replies, 'Een man');
    const txt = replyText(r.replies);
    expect(txt).toContain('Vertrouwenspersoon B (intern)');
    expect(txt).not.toContain('Vertrouwenspersoon A (intern)');
  });

  it('redirects an aggression case by a burger to the agressieExtern route', async () => {
    let r = await h.send(submit({ action: 'meldwijzer.situatie', situatie: 'ongewenstGedrag' }));
    r = await click(r.replies, 'Een burger, klant of bezoeker');
    expect(replyText(r.replies)).toContain('Je antwoorden wijzen op: Agressie of geweld van buiten.');
  });

  it('goes back one question, and from the first question back to the menu', async () => {
    let r = await h.send(submit({ action: 'meldwijzer.situatie', situatie: 'zakelijk' }));
    expect(replyText(r.replies)).toContain('Wil je anoniem blijven?');
    r = await click(r.replies, 'Nee, dat hoeft niet');
    expect(replyText(r.replies)).toContain('Gaat het om een vermoeden van een misstand die het maatschappelijk belang raakt?');
    r = await click(r.replies, 'Terug');
    expect(replyText(r.replies)).toContain('Wil je anoniem blijven?');
    r = await click(r.replies, 'Terug');
    expect(replyText(r.replies)).toContain('Waar gaat je vraag over?');
    r = await click(r.replies, 'Privacy');
    expect(replyText(r.replies)).toContain('De bot bewaart niets over je vraag');
  });

  it('starts over from a result card', async () => {
    let r = await h.send(submit({ action: 'meldwijzer.situatie', situatie: 'algemeen' }));
    r = await click(r.replies, 'Opnieuw beginnen');
    expect(replyText(r.replies)).toContain('Waar gaat je vraag over?');
  });
});

describe('free text', () => {
  it('triages Dutch text and asks only what the text did not answer', async () => {
    const r = await h.send(message('Mijn leidinggevende schreeuwt tegen me'));
    const txt = replyText(r.replies);
    expect(r.replies).toHaveLength(1); // intro text and card in one activity
    expect(txt).toContain('Over: Ongewenst gedrag door je leidinggevende'); // the heading follows the actor
    expect(txt).not.toContain('Van wie gaat het gedrag uit?'); // "leidinggevende" answered it
    expect(txt).toContain('Heb je een voorkeur voor een vertrouwenspersoon?');
  });

  it('triages English text for an English client', async () => {
    const r = await h.send(message('Someone in my team is faking expense receipts', { locale: 'en-GB' }));
    const txt = replyText(r.replies);
    expect(txt).toContain('About: A business integrity violation');
    expect(txt).toContain('Do you want to stay anonymous?');
  });

  it('lands on a result straight away when the text answers everything', async () => {
    const r = await h.send(message('Een burger bedreigde mij aan de balie'));
    expect(replyText(r.replies)).toContain('Adviseur Veilige Publieke Taak');
  });

  it('asks to choose when two situations are close', async () => {
    const r = await h.send(message('twijfel over een geschenk en een declaratie'));
    const titles = submitActions(replyCards(r.replies)[0]).map((a) => a.title);
    expect(titles).toEqual(['Dilemma of twijfel', 'Zakelijke integriteit', 'Iets anders']);
  });

  it('offers the menu when it does not understand', async () => {
    const r = await h.send(message('het weer is mooi vandaag'));
    const txt = replyText(r.replies);
    expect(txt).toContain('Ik weet niet zeker waar je vraag over gaat');
    expect(txt).toContain('Waar gaat je vraag over?');
  });

  it('understands commands, with or without its own @mention', async () => {
    expect(replyText((await h.send(mentionMessage('menu'))).replies)).toContain('Waar gaat je vraag over?');
    expect(replyText((await h.send(message('Help'))).replies)).toContain('Typ je vraag in je eigen woorden');
    expect(replyText((await h.send(message('privacy'))).replies)).toContain('Een chat in Teams is niet anoniem');
  });

  it.each(['hallo', 'Hoi!', 'hi', 'Hello', 'goedemorgen', 'Goedemiddag.'])('greets "%s" with a hello and the main menu', async (groet) => {
    const txt = replyText((await h.send(message(groet))).replies);
    expect(txt).toContain('Hallo! Ik help je de juiste plek te vinden');
    expect(txt).toContain('Waar gaat je vraag over?');
    expect(txt).not.toContain('Ik weet niet zeker');
  });

  it('greets in English for an English client', async () => {
    const txt = replyText((await h.send(message('hello', { locale: 'en-GB' }))).replies);
    expect(txt).toContain('Hello! I help you find the right place');
    expect(txt).toContain('What is your question about?');
    expect(txt).not.toContain("I'm not sure");
  });

  it('does not ask about danger or the public interest for a question about accepting a gift', async () => {
    // A question about one's own conduct (like the fixture's dinner invitation): dilemma, straight to the result.
    for (const vraag of [
      'Mag ik een cadeau van een leverancier aannemen?',
      'Een leverancier nodigt me uit voor een diner. Mag ik daarop ingaan?',
    ]) {
      const txt = replyText((await h.send(message(vraag))).replies);
      expect(txt).toContain('Over: Een dilemma of twijfel');
      expect(txt).not.toContain('maatschappelijk belang');
      expect(txt).toContain('Hier kun je terecht');
      expect(txt).toContain('Je leidinggevende');
    }
    const en = replyText((await h.send(message('May I accept a present from a supplier?', { locale: 'en-GB' }))).replies);
    expect(en).toContain('About: A dilemma or doubt');
    expect(en).not.toMatch(/public interest|danger/);
    expect(en).toContain('Where you can go');
  });
});

describe('Teams hygiene', () => {
  it('answers in a group chat or channel only with an invitation to a 1:1 chat', async () => {
    for (const conversationType of ['groupChat', 'channel'] as const) {
      const r = await h.send(
        mentionMessage('Mijn collega pest mij', { conversationType, conversationId: `19:${conversationType}@thread.v2` }),
      );
      expect(r.replies).toHaveLength(1);
      const txt = replyText(r.replies);
      expect(txt).toContain('Over integriteit praat je liever niet in een groep');
      expect(txt).toContain('https://teams.microsoft.com/l/chat/0/0?users=28%3A00000000-0000-0000-0000-00000000b07a');
      expect(txt).not.toContain('Ongewenst gedrag');
    }
  });

  it('ignores a retried activity (same id)', async () => {
    const a = message('menu', { id: 'retry-1' });
    expect((await h.send(a)).replies).toHaveLength(1);
    const again = await h.send(a);
    expect(again.status).toBe(200);
    expect(again.replies).toHaveLength(0);
  });
});

describe('malformed and forged submits', () => {
  const bad: [string, unknown][] = [
    ['unknown situation', { action: 'meldwijzer.situatie', situatie: 'bestaatNiet' }],
    ['answer not offered', { action: 'meldwijzer.antwoord', situatie: 'zakelijk', vraag: 'anoniem', waarde: 'misschien' }],
    ['wrong types', { action: 'meldwijzer.terug', situatie: 'zakelijk', gevraagd: 'anoniem' }],
    ['missing fields', { action: 'meldwijzer.antwoord' }],
    ['forged answers', { action: 'meldwijzer.situatie', situatie: 'zakelijk', antwoorden: { anoniem: '<script>' } }],
    ['unknown action', { action: 'onbekend.doe' }],
    ['no action', { situatie: 'zakelijk' }],
    ['not an object', 'meldwijzer.menu'],
  ];
  test.each(bad)('%s → short Dutch message and the menu', async (_n, data) => {
    const r = await h.send(submit(data));
    expect(r.status).toBe(200);
    const txt = replyText(r.replies);
    expect(txt).toContain('Die knop werkte niet');
    expect(txt).toContain('Waar gaat je vraag over?');
    expect(txt).not.toContain('Er ging iets mis');
  });
});

describe('usage figures', () => {
  it('counts shown routes per ISO week and situation, without user or text', async () => {
    const store = new SqliteListStore(':memory:');
    const g = await startBotHarness(config, { clock: () => NOW, store });
    try {
      await g.send(submit({ action: 'meldwijzer.situatie', situatie: 'agressieExtern' }));
      await g.send(submit({ action: 'meldwijzer.situatie', situatie: 'agressieExtern' }));
      await g.send(submit({ action: 'meldwijzer.situatie', situatie: 'nevenwerkzaamheden' }));
      await g.send(
        submit({
          action: 'meldwijzer.antwoord',
          situatie: 'dilemma',
          vraag: 'maatschappelijkBelang',
          waarde: 'ja',
          antwoorden: { anoniem: 'nee' },
        }),
      );
      await g.send(submit({ action: 'meldwijzer.situatie', situatie: 'dilemma' })); // a question, no result: not counted
      await flushMeldwijzerGebruik(); // counts are written within a second; flush now
      const items = await queryAll(store, 'MeldwijzerGebruik');
      expect(items.map((i) => ({ ...i }))).toEqual([
        { week: '2026-W48', situatie: 'agressieExtern', aantal: 2 },
        { week: '2026-W48', situatie: 'nevenwerkzaamheden', aantal: 1 },
        { week: '2026-W48', situatie: 'vermoedenMisstand', aantal: 1 },
      ]);
    } finally {
      await g.close();
      await store.close();
    }
  });
});

describe('errors and logs', () => {
  function captureLogger() {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    return { lines, log: pino({ level: 'info' }, stream) };
  }

  it('onTurnError logs only zod issue paths and tells the user briefly', async () => {
    const { lines, log } = captureLogger();
    const kapot: Feature = {
      id: 'kapot',
      actions: ['kapot.'],
      commands: [],
      async onSubmit(input) {
        z.object({ geheim: z.number() }).parse(input.data);
        return [];
      },
    };
    const host = createBotHost({
      config,
      store: new SqliteListStore(':memory:'),
      lokaal: LokaleStaat.open(':memory:'),
      log,
      env: {},
      features: [kapot],
    });
    const g = await startBotHarness(config);
    // This host (with the failing feature) replies to the harness's fake connector.
    const request = (await import('supertest')).default;
    const res = await request(host.app)
      .post('/api/messages')
      .send({ ...submit({ action: 'kapot.x', geheim: 'Jansen' }), serviceUrl: g.serviceUrl });
    expect(res.status).toBe(200);
    const foutReply = g.replies.at(-1)!;
    expect(foutReply.activity.text).toContain('Er ging iets mis');
    const log1 = lines.join('');
    expect(log1).toContain('"paden":["geheim"]');
    expect(log1).not.toContain('Jansen');
    await g.close();
  });

  it('never logs what the employee typed', async () => {
    const { lines, log } = captureLogger();
    const lokaal = LokaleStaat.open(':memory:');
    const store = new SqliteListStore(lokaal);
    const host = createBotHost({ config, store, lokaal, log, env: {} });
    const g = await startBotHarness(config);
    const request = (await import('supertest')).default;
    await request(host.app)
      .post('/api/messages')
      .send({ ...message('Mijn collega Pietersen pest mij elke dag'), serviceUrl: g.serviceUrl });
    await request(host.app)
      .post('/api/messages')
      .send({ ...message('menu'), serviceUrl: g.serviceUrl });
    const all = lines.join('');
    expect(all).toContain('"event":"triage"');
    expect(all).not.toMatch(/Pietersen|pest mij|elke dag/);
    expect(all).not.toContain('Test Gebruiker');
    await flushMeldwijzerGebruik();
    // Free text led to a question (no result shown yet), so nothing was counted.
    expect(await queryAll(store, 'MeldwijzerGebruik')).toEqual([]);
    await g.close();
    await store.close();
  });
});
