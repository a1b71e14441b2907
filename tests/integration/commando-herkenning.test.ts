/**
 * Typed commands in the employee's own words over POST /api/messages (demo config, local mode): the QA tester's
 * examples of issue 13 reach the feature the words mean, with the same answer as the declared command (sent by the
 * same person in a fresh conversation), in Dutch and English; role rules are unchanged (an employee typing a
 * manager's or the coordinator's command in their own words gets the refusal). Texts that describe conduct, and
 * the FAQ question about the ambtseed, still go to the meldwijzer's triage.
 * Roles from config/demo.yaml `rollen`: …a2 integriteitscoördinator (sees the Wbk deadlines), …a4 manager;
 * the default test user …e1 has none.
 */
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { message, replyText, startBotHarness, type BotHarness } from '../support/activities';

const demo = loadOrgConfig('demo', path.resolve(__dirname, '../../config'));
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness(demo, { clock: () => new Date('2026-12-02T10:00:00Z') });
});
afterAll(async () => {
  await bot.close();
});

const persoon = (n: string) => ({ id: `29:cmd-${n}`, aadObjectId: `00000000-0000-0000-0000-0000000000${n}` });
const MEDEWERKER = persoon('e1');
const COORDINATOR = persoon('a2');
const MANAGER = persoon('a4');
let gesprek = 0;

/** The bot's answer to `tekst` from `wie`, in a conversation of its own. */
async function antwoord(tekst: string, wie: { id: string; aadObjectId: string }, locale: string): Promise<string> {
  const r = await bot.send(message(tekst, { from: wie, locale, conversationId: `a:cmd-${++gesprek}` }));
  expect(r.status).toBeLessThan(300);
  return replyText(r.replies);
}

/** [typed in own words, the declared command it means, who types it, locale] */
const GEVALLEN: [string, string, ReturnType<typeof persoon>, string][] = [
  ['ik wil de eed afleggen', 'plan mijn ambtseed', MEDEWERKER, 'nl-NL'],
  ['eed', 'plan mijn ambtseed', MEDEWERKER, 'nl-NL'],
  ['ik moet nog een integriteitsverklaring tekenen', 'plan mijn ambtseed', MEDEWERKER, 'nl-NL'],
  ['ambtsed', 'plan mijn ambtseed', MEDEWERKER, 'nl-NL'],
  ['mijn ambtseed', 'plan mijn ambtseed', MEDEWERKER, 'nl-NL'],
  ['I want to take the oath of office', 'plan my oath', MEDEWERKER, 'en-US'],
  ['termijnen wbk', 'wbk termijnen', COORDINATOR, 'nl-NL'],
  ['welke termijnen lopen er nog?', 'wbk termijnen', COORDINATOR, 'nl-NL'],
  ['what deadlines are running', 'deadlines', COORDINATOR, 'en-US'],
  ['nevenwerk beoordeln', 'nevenwerk beoordelen', MANAGER, 'nl-NL'],
  ['assess side jobs', 'assess side activities', MANAGER, 'en-US'],
  ['ik wil nevenwerk melden', 'nevenwerk melden', MEDEWERKER, 'nl-NL'],
  ['I want to declare outside activities', 'outside activities', MEDEWERKER, 'en-US'],
  ['mn vog', 'mijn vog', MEDEWERKER, 'nl-NL'],
];

describe('commands in the employee’s own words', () => {
  it.each(GEVALLEN)('"%s" answers as "%s"', async (tekst, commando, wie, locale) => {
    const verwacht = await antwoord(commando, wie, locale);
    expect(verwacht).not.toContain('Niet toegestaan');
    expect(await antwoord(tekst, wie, locale)).toBe(verwacht);
  });

  it('role rules are unchanged: an employee gets the refusal, not the triage', async () => {
    expect(await antwoord('nevenwerk beoordeln', MEDEWERKER, 'nl-NL')).toContain('Niet toegestaan');
    expect(await antwoord('termijnen wbk', MEDEWERKER, 'nl-NL')).toContain('Niet toegestaan');
    expect(await antwoord('what deadlines are running', MEDEWERKER, 'en-US')).toContain('Not allowed');
  });

  it('conduct and the FAQ question stay with the meldwijzer triage', async () => {
    const plan = await antwoord('plan mijn ambtseed', MEDEWERKER, 'nl-NL');
    const nevenwerk = await antwoord('nevenwerk melden', MEDEWERKER, 'nl-NL');
    for (const tekst of [
      'mijn collega heeft zijn eed geschonden',
      'mijn leidinggevende doet nevenwerk bij een leverancier',
      'Wanneer moet ik de ambtseed afleggen?',
    ]) {
      const a = await antwoord(tekst, MEDEWERKER, 'nl-NL');
      expect(a).not.toBe(plan);
      expect(a).not.toBe(nevenwerk);
      expect(a).toContain('meldwijzer.');
    }
    expect(await antwoord('my manager has a side business with a supplier', MEDEWERKER, 'en-US')).toContain('meldwijzer.');
  });
});
