/**
 * "help" over POST /api/messages (demo config, local mode) answers what the asking person's role can do here.
 * Roles come from config/demo.yaml `rollen` (…a1 vertrouwenspersoon, …a2 integriteitscoördinator, …a3 HR,
 * …a4 manager, …a5 adviseur VPT; the default test user …e1 has none). The expected commands per role are worked
 * out by hand from the route tables: every employee plans the ambtseed, sees the own VOG, reports nevenwerk and
 * registers aggression; managers assess their team's nevenwerk; vertrouwenspersonen log gesprekken; HR manages
 * the ambtseed and sees the VOG and nevenwerk overviews; the coordinator (demo `intake.meldingRollen`) registers
 * meldingen and sees the Wbk deadlines and the uitvraag response; the VPT adviser updates aggression incidents.
 * Every command the answer names is sent as that person and must be neither unknown nor refused.
 */
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { FEATURES } from '../../bot/src/features';
import { message, replyText, startBotHarness, type BotHarness } from '../support/activities';

const demo = loadOrgConfig('demo', path.resolve(__dirname, '../../config'));
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness(demo);
});
afterAll(async () => {
  await bot.close();
});

const persoon = (n: string) => ({ id: `29:hulp-${n}`, aadObjectId: `00000000-0000-0000-0000-0000000000${n}` });
const MEDEWERKER = persoon('e1');

/** [who, user, locale, headings and commands that must be in the answer, headings that must not] */
type Geval = [string, { id: string; aadObjectId: string }, 'nl-NL' | 'en-US', string[], string[], string[]];
const IEDEREEN_NL = ['plan mijn ambtseed', 'mijn vog', 'nevenwerk melden', 'mijn nevenwerk', 'agressie registreren'];
const IEDEREEN_EN = ['plan my oath', 'my vog', 'outside activities', 'my side activities', 'report aggression'];
const ROL_KOPPEN_NL = [
  'Als leidinggevende',
  'Als vertrouwenspersoon',
  'Als HR',
  'Als integriteitscoördinator',
  'Als adviseur Veilige Publieke Taak',
];
const ROL_KOPPEN_EN = [
  'As a manager',
  'As a confidential counsellor',
  'As HR',
  'As the integrity coordinator',
  'As the Safe Public Service adviser',
];
const GEVALLEN: Geval[] = [
  ['medewerker', MEDEWERKER, 'nl-NL', ['Wat je hier verder kunt'], IEDEREEN_NL, ROL_KOPPEN_NL],
  ['employee', MEDEWERKER, 'en-US', ['What else you can do here'], IEDEREEN_EN, ROL_KOPPEN_EN],
  [
    'leidinggevende',
    persoon('a4'),
    'nl-NL',
    ['Als leidinggevende'],
    [...IEDEREEN_NL, 'nevenwerk beoordelen'],
    ROL_KOPPEN_NL.filter((k) => k !== 'Als leidinggevende'),
  ],
  [
    'manager',
    persoon('a4'),
    'en-US',
    ['As a manager'],
    [...IEDEREEN_EN, 'assess side activities'],
    ROL_KOPPEN_EN.filter((k) => k !== 'As a manager'),
  ],
  [
    'vertrouwenspersoon',
    persoon('a1'),
    'nl-NL',
    ['Als vertrouwenspersoon'],
    [...IEDEREEN_NL, 'gesprek vastleggen', 'mijn registraties'],
    ROL_KOPPEN_NL.filter((k) => k !== 'Als vertrouwenspersoon'),
  ],
  [
    'confidential counsellor',
    persoon('a1'),
    'en-US',
    ['As a confidential counsellor'],
    [...IEDEREEN_EN, 'log conversation', 'my records'],
    ROL_KOPPEN_EN.filter((k) => k !== 'As a confidential counsellor'),
  ],
  [
    'HR',
    persoon('a3'),
    'nl-NL',
    ['Als HR'],
    [...IEDEREEN_NL, 'ambtseed beheer', 'vog overzicht', 'nevenwerk overzicht'],
    ROL_KOPPEN_NL.filter((k) => k !== 'Als HR'),
  ],
  [
    'HR (en)',
    persoon('a3'),
    'en-US',
    ['As HR'],
    [...IEDEREEN_EN, 'manage oath', 'vog overview', 'side activities overview'],
    ROL_KOPPEN_EN.filter((k) => k !== 'As HR'),
  ],
  [
    'integriteitscoördinator',
    persoon('a2'),
    'nl-NL',
    ['Als integriteitscoördinator'],
    [...IEDEREEN_NL, 'melding registreren', 'melding bijwerken', 'termijnen', 'uitvraag status'],
    ROL_KOPPEN_NL.filter((k) => k !== 'Als integriteitscoördinator'),
  ],
  [
    'integrity coordinator',
    persoon('a2'),
    'en-US',
    ['As the integrity coordinator'],
    [...IEDEREEN_EN, 'register report', 'update report', 'deadlines', 'survey status'],
    ROL_KOPPEN_EN.filter((k) => k !== 'As the integrity coordinator'),
  ],
  [
    'adviseur VPT',
    persoon('a5'),
    'nl-NL',
    ['Als adviseur Veilige Publieke Taak'],
    [...IEDEREEN_NL, 'agressie bijwerken'],
    ROL_KOPPEN_NL.filter((k) => k !== 'Als adviseur Veilige Publieke Taak'),
  ],
];

/** The commands the answer names: the quoted, bold parts of its bullets ("- **"a" of "b"**: …"). */
function genoemdeCommandos(tekst: string): string[] {
  return [...tekst.matchAll(/^- \*\*(.+?)\*\*:/gm)].flatMap((m) => [...m[1].matchAll(/"([^"]+)"/g)].map((c) => c[1]));
}

/** The refusals of the kit (fout.nietToegestaan), the intake (intake.nietToegestaan) and the VOG (vog.geweigerd). */
const GEWEIGERD = /is alleen voor|zijn alleen voor|is only for|are for HR only/;

describe('help lists what the asking person can do', () => {
  test.each(GEVALLEN)('%s', async (_wie, from, locale, koppen, commandos, nietKoppen) => {
    const { replies } = await bot.send(message('help', { locale, from }));
    const tekst = replies[0].activity.text ?? '';
    // The general explanation stays first.
    expect(tekst).toMatch(
      locale === 'nl-NL' ? /^Ik ben de meldwijzer van Provincie Demoland/ : /^I am the Provincie Demoland integrity guide/,
    );
    for (const k of koppen) expect(tekst).toContain(`**${k}**`);
    for (const k of nietKoppen) expect(tekst).not.toContain(k);
    expect(genoemdeCommandos(tekst).sort()).toEqual([...commandos].sort());
    // Every named command is a typed command of a feature, and this person is not refused it.
    for (const c of commandos) {
      expect([c, FEATURES.some((f) => f.commands.includes(c))]).toEqual([c, true]);
      const antwoord = replyText((await bot.send(message(c, { locale, from }))).replies);
      expect([c, GEWEIGERD.test(antwoord)]).toEqual([c, false]);
    }
  });

  it.each(['vog overzicht', 'ambtseed beheer', 'melding registreren', 'nevenwerk beoordelen'])(
    'an employee without a role is refused "%s" (so the check above would see a refusal)',
    async (c) => {
      expect(replyText((await bot.send(message(c, { locale: 'nl-NL', from: MEDEWERKER }))).replies)).toMatch(GEWEIGERD);
    },
  );

  it('"wat kun je" and "what can you do" give the same role part as "help"', async () => {
    const from = persoon('a4');
    const help = (await bot.send(message('help', { locale: 'nl-NL', from }))).replies[0].activity.text;
    const watKunJe = (await bot.send(message('wat kun je?', { locale: 'nl-NL', from }))).replies[0].activity.text;
    expect(watKunJe).toBe(help);
    const en = (await bot.send(message('what can you do?', { locale: 'en-US', from }))).replies[0].activity.text ?? '';
    expect(en).toContain('**As a manager**');
  });
});
