/**
 * The meldwijzer over POST /api/messages (local mode, nl-NL unless said) in the demo, Zuid-Holland and Huizen
 * configs: routes that honour whose behaviour it is (own manager, director, bestuurder, citizen, supplier),
 * someone else's conduct (a melding) versus one's own question (a dilemma), FAQ answers first, anonymity
 * questions answered with the privacy card and the organisation's anonymous routes, "help", the agressie
 * result with 112 and the incident button, and short result cards (collapsed contacts).
 * Expected meldpunten are worked out by hand from config/<org>.yaml: the route's bijLeidinggevende /
 * bijDirectie / bijBestuurder fields, its questions and variants.
 */
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { SITUATIES } from '@shared/lists/definitions';
import {
  installationUpdate,
  message,
  replyCards,
  replyText,
  startBotHarness,
  submit,
  submitActions,
  type BotHarness,
  type CapturedReply,
} from '../support/activities';

type Json = Record<string, unknown>;
const ORGS = ['demo', 'zuid-holland', 'huizen'] as const;
type Org = (typeof ORGS)[number];
const harnesses = new Map<Org, BotHarness>();
const bot = (org: Org) => harnesses.get(org)!;

beforeAll(async () => {
  for (const org of ORGS) harnesses.set(org, await startBotHarness(loadOrgConfig(org, path.resolve(__dirname, '../../config'))));
});
afterAll(async () => {
  for (const h of harnesses.values()) await h.close();
});

const laatsteKaart = (replies: CapturedReply[]): Json => {
  const cards = replyCards(replies);
  return cards[cards.length - 1];
};

/** Click the submit button titled `title` on the last card of `replies`. */
async function klik(org: Org, replies: CapturedReply[], title: string, locale = 'nl-NL') {
  const action = submitActions(laatsteKaart(replies)).find((a) => a.title === title);
  if (!action)
    throw new Error(
      `Geen knop "${title}" in: ${submitActions(laatsteKaart(replies))
        .map((a) => a.title)
        .join(' | ')}`,
    );
  return bot(org).send(submit(action.data, { locale }));
}

/** Type `tekst`, then click `antwoorden` on the question cards in order; the replies of the last turn, and the first. */
async function vraag(org: Org, tekst: string, antwoorden: string[] = [], locale = 'nl-NL') {
  const eerste = await bot(org).send(message(tekst, { locale }));
  let r = eerste;
  for (const a of antwoorden) r = await klik(org, r.replies, a, locale);
  return { eerste: eerste.replies, laatste: r.replies };
}

/**
 * After a typed text: click `keuze` on triage's choice card (when given), then `antwoorden`; the replies that
 * open the route (the choice's, else the text's) and those of the last turn.
 */
async function verder(org: Org, replies: CapturedReply[], keuze: string | undefined, antwoorden: string[]) {
  const eerste = keuze ? (await klik(org, replies, keuze)).replies : replies;
  let r = eerste;
  for (const a of antwoorden) r = (await klik(org, r, a)).replies;
  return { eerste, laatste: r };
}

/** Names of the meldpunt containers after the heading `kop` ("Ga eerst naar", "Ook mogelijk"), up to the next heading. */
function namenNa(card: Json, kop: string): string[] {
  const body = card.body as { type: string; text?: string; style?: string; items?: { text?: string }[] }[];
  const start = body.findIndex((b) => b.type === 'TextBlock' && b.text === kop);
  if (start < 0) return [];
  const namen: string[] = [];
  for (const b of body.slice(start + 1)) {
    if (b.type !== 'Container') break;
    if (!b.style && b.items?.[0]?.text) namen.push(b.items[0].text);
  }
  return namen;
}

/** The result card of every situation, every question answered (no variant, a colleague, no preference). */
async function resultaatkaarten(org: Org): Promise<Json[]> {
  const antwoorden = { maatschappelijkBelang: 'nee', anoniem: 'nee', wie: 'collega', voorkeurVertrouwenspersoon: 'geen' };
  const kaarten: Json[] = [];
  for (const situatie of SITUATIES)
    kaarten.push(laatsteKaart((await bot(org).send(submit({ action: 'meldwijzer.situatie', situatie, antwoorden }))).replies));
  return kaarten;
}

/** The "• name" lines of a card (the anonymous routes). */
const kanalen = (card: Json): string[] => (JSON.stringify(card).match(/• [^"]+/g) ?? []).sort();

/** [case, org, text, answers to click, heading, first (in order), also mentioned, manager left out] */
type Geval = [string, Org, string, string[], string, string[], string[], boolean];
const LKOG = 'Landelijke Klachtencommissie Ongewenst Gedrag (LKOG)';
const BING = 'Vertrouwenspersoon van BING';
const LIJN_HUIZEN = 'Je eigen of een andere leidinggevende';
const NEE_ANONIEM = 'Nee, dat hoeft niet';
const GEVALLEN: Geval[] = [
  // Own manager: routes.ongewenstGedrag.bijLeidinggevende.
  [
    'eigen leidinggevende',
    'demo',
    'Mijn leidinggevende schreeuwt tegen me',
    ['Geen voorkeur'],
    'Ongewenst gedrag door je leidinggevende',
    ['Vertrouwenspersoon', 'Een hogere leidinggevende'],
    [LKOG],
    true,
  ],
  [
    'eigen leidinggevende',
    'zuid-holland',
    'Mijn leidinggevende schreeuwt tegen me',
    ['Geen voorkeur'],
    'Ongewenst gedrag door je leidinggevende',
    ['Vertrouwenspersoon', 'Een hogere leidinggevende'],
    [LKOG],
    true,
  ],
  [
    'eigen leidinggevende',
    'huizen',
    'Mijn baas pest me',
    [],
    'Ongewenst gedrag door je leidinggevende',
    [BING, 'Een andere leidinggevende'],
    [LKOG, 'Personeel en Organisatie'],
    true,
  ],
  // A close call between dilemma and zakelijk about the own manager's conduct is no choice: a melding.
  [
    'eigen leidinggevende',
    'demo',
    'Mijn leidinggevende declareert privé-etentjes',
    [NEE_ANONIEM, 'Nee'],
    'Een zakelijke integriteitsschending door je leidinggevende',
    ['Een hogere leidinggevende', 'Vertrouwenspersoon'],
    ['Provinciesecretaris'],
    true,
  ],
  // Director suspected of rigging a tender: routes.vermoedenMisstand.bijDirectie (demo asks about anonymity first).
  [
    'directeur',
    'demo',
    'Ik vermoed dat de directeur een aanbesteding heeft gemanipuleerd',
    [NEE_ANONIEM],
    'Een vermoeden van een misstand door een directeur of hogere leidinggevende',
    ['Provinciesecretaris', 'Vertrouwenspersoon'],
    ['Integriteitscoördinator', 'Huis voor Klokkenluiders'],
    true,
  ],
  [
    'directeur',
    'zuid-holland',
    'Ik vermoed dat de directeur een aanbesteding heeft gemanipuleerd',
    [],
    'Een vermoeden van een misstand door een directeur of hogere leidinggevende',
    ['Vertrouwenspersoon', 'Provinciesecretaris'],
    ['Huis voor Klokkenluiders'],
    true,
  ],
  [
    'directeur',
    'huizen',
    'Ik vermoed dat de directeur een aanbesteding heeft gemanipuleerd',
    [],
    'Een vermoeden van een misstand door een directeur of hogere leidinggevende',
    [BING, 'Gemeentesecretaris'],
    ['Huis voor Klokkenluiders'],
    true,
  ],
  // Bestuurder (gedeputeerde in a province, wethouder in a municipality): routes.zakelijk.bijBestuurder.
  [
    'bestuurder',
    'demo',
    'De gedeputeerde pleegt fraude met declaraties',
    [NEE_ANONIEM, 'Nee'],
    'Een zakelijke integriteitsschending door een bestuurder',
    ['Integriteitscoördinator', 'Vertrouwenspersoon'],
    ['Provinciesecretaris'],
    true,
  ],
  [
    'bestuurder',
    'zuid-holland',
    'De gedeputeerde pleegt fraude met declaraties',
    ['Nee', NEE_ANONIEM],
    'Een zakelijke integriteitsschending door een bestuurder',
    ['Vertrouwenspersoon', 'Provinciesecretaris'],
    ['Integriteitsteam P&O, personeelsadviseur of bedrijfsmaatschappelijk werk'],
    true,
  ],
  [
    'bestuurder',
    'huizen',
    'Een wethouder neemt steekpenningen aan',
    ['Nee'],
    'Een zakelijke integriteitsschending door een bestuurder',
    [BING, 'Gemeentesecretaris'],
    [],
    true,
  ],
  // Typed with a typo, the own manager is still the own manager (one letter missing inside the word).
  [
    'eigen leidinggevende, tikfout',
    'demo',
    'mijn leidinggevede pest mij',
    ['Geen voorkeur'],
    'Ongewenst gedrag door je leidinggevende',
    ['Vertrouwenspersoon', 'Een hogere leidinggevende'],
    [LKOG],
    true,
  ],
  [
    'eigen leidinggevende, tikfout',
    'huizen',
    'mn teamlieder kleineert me steeds',
    [],
    'Ongewenst gedrag door je leidinggevende',
    [BING, 'Een andere leidinggevende'],
    [LKOG],
    true,
  ],
  // A bestuurder who has a contractor pay: the bestuurder acts, not the contractor named after "door".
  [
    'bestuurder via een aannemer',
    'huizen',
    'De wethouder laat zijn oprit betalen door een aannemer',
    ['Nee'],
    'Een zakelijke integriteitsschending door een bestuurder',
    [BING, 'Gemeentesecretaris'],
    [],
    true,
  ],
  [
    'bestuurder via een aannemer',
    'demo',
    'De gedeputeerde heeft zijn verbouwing laten betalen door een aannemer',
    [NEE_ANONIEM, 'Nee'],
    'Een zakelijke integriteitsschending door een bestuurder',
    ['Integriteitscoördinator', 'Vertrouwenspersoon'],
    ['Provinciesecretaris'],
    true,
  ],
  // Anonymously about the own manager: the anonymous variant's vertrouwenspersoon first, the higher manager also.
  [
    'eigen leidinggevende, anoniem',
    'demo',
    'Mijn leidinggevende declareert privé-etentjes',
    ['Ja, anoniem', 'Nee'],
    'Een zakelijke integriteitsschending door je leidinggevende',
    ['Vertrouwenspersoon'],
    ['Een hogere leidinggevende', 'Provinciesecretaris'],
    true,
  ],
  [
    'bestuurder, anoniem',
    'zuid-holland',
    'De gedeputeerde pleegt fraude met declaraties',
    ['Nee', 'Ja, anoniem'],
    'Een zakelijke integriteitsschending door een bestuurder',
    ['Vertrouwenspersoon'],
    ['Provinciesecretaris'],
    true,
  ],
  // Citizen: the agressie route, the manager first (they are not involved).
  [
    'burger',
    'demo',
    'Een burger bedreigde mij aan de balie',
    [],
    'Agressie of geweld door een burger, klant of bezoeker',
    ['Je leidinggevende', 'Adviseur Veilige Publieke Taak'],
    ['Politie'],
    false,
  ],
  [
    'burger',
    'zuid-holland',
    'Een burger bedreigde mij aan de balie',
    [],
    'Agressie of geweld door een burger, klant of bezoeker',
    ['Je leidinggevende'],
    ['Politie'],
    false,
  ],
  [
    'burger',
    'huizen',
    'Een burger bedreigde mij aan de balie',
    [],
    'Agressie of geweld door een burger, klant of bezoeker',
    [LIJN_HUIZEN],
    ['Politie'],
    false,
  ],
  // Supplier offering a bribe to a colleague: a business integrity melding.
  [
    'leverancier',
    'demo',
    'Een leverancier biedt mijn collega smeergeld aan',
    [NEE_ANONIEM, 'Nee'],
    'Een zakelijke integriteitsschending door een leverancier of aannemer',
    ['Je leidinggevende'],
    ['Vertrouwenspersoon', 'Provinciesecretaris'],
    false,
  ],
  [
    'leverancier',
    'zuid-holland',
    'Een leverancier biedt mijn collega smeergeld aan',
    ['Nee', NEE_ANONIEM],
    'Een zakelijke integriteitsschending door een leverancier of aannemer',
    ['Je leidinggevende'],
    ['Vertrouwenspersoon', 'Provinciesecretaris'],
    false,
  ],
  [
    'leverancier',
    'huizen',
    'Een leverancier biedt mijn collega smeergeld aan',
    ['Nee'],
    'Een zakelijke integriteitsschending door een leverancier of aannemer',
    [LIJN_HUIZEN, BING],
    ['Gemeentesecretaris'],
    false,
  ],
  // Someone else's conduct is a melding ("een collega neemt cadeaus aan"), one's own question a dilemma.
  [
    'ander',
    'demo',
    'Een collega neemt steeds cadeaus aan van een aannemer',
    [NEE_ANONIEM, 'Nee'],
    'Een zakelijke integriteitsschending door een collega',
    ['Je leidinggevende'],
    ['Vertrouwenspersoon'],
    false,
  ],
  [
    'ander',
    'zuid-holland',
    'Een collega neemt steeds cadeaus aan van een aannemer',
    ['Nee', NEE_ANONIEM],
    'Een zakelijke integriteitsschending door een collega',
    ['Je leidinggevende'],
    ['Vertrouwenspersoon'],
    false,
  ],
  [
    'ander',
    'huizen',
    'Een collega neemt steeds cadeaus aan van een aannemer',
    ['Nee'],
    'Een zakelijke integriteitsschending door een collega',
    [LIJN_HUIZEN, BING],
    ['Gemeentesecretaris'],
    false,
  ],
  [
    'zelf',
    'demo',
    'Mag ik een cadeau van een leverancier aannemen?',
    [],
    'Een dilemma of twijfel',
    ['Je leidinggevende', 'Vertrouwenspersoon'],
    ['Integriteitscoördinator'],
    false,
  ],
  [
    'zelf',
    'zuid-holland',
    'Mag ik een cadeau van een leverancier aannemen?',
    [],
    'Een dilemma of twijfel',
    ['Je leidinggevende', 'Vertrouwenspersoon'],
    [],
    false,
  ],
  ['zelf', 'huizen', 'Mag ik een cadeau van een leverancier aannemen?', [], 'Een dilemma of twijfel', [LIJN_HUIZEN, BING], [], false],
];

/**
 * Cases where triage may ask a choice between the two most likely situations instead of deciding (the corpus
 * counts a choice that offers the right one as right): the button to take. The actor travels in the choice.
 */
const KEUZE: Record<string, string> = {
  'Ik vermoed dat de directeur een aanbesteding heeft gemanipuleerd': 'Vermoeden van een misstand',
};

describe('routes follow whose behaviour it is', () => {
  test.each(GEVALLEN)('%s (%s): %s', async (_geval, org, tekst, antwoorden, kop, eerst, ook, zonderLeidinggevende) => {
    const getypt = (await bot(org).send(message(tekst, { locale: 'nl-NL' }))).replies;
    const keuze = replyText(getypt).includes('Wat past het best bij je vraag?') ? KEUZE[tekst] : undefined;
    const { eerste, laatste } = await verder(org, getypt, keuze, antwoorden);
    // The heading follows the actor, in the intro (after a choice: on the first question) and on the result card.
    expect(replyText(eerste)).toContain(keuze ? kop : `Over: ${kop}`);
    const card = laatsteKaart(laatste);
    expect(JSON.stringify(card)).toContain(`Over: ${kop}`);
    expect(namenNa(card, 'Ga eerst naar')).toEqual(eerst);
    const ookNamen = namenNa(card, 'Ook mogelijk');
    for (const naam of ook) expect(ookNamen).toContain(naam);
    if (zonderLeidinggevende) {
      // Never sent to the person they report: the org's "your manager" meldpunt is neither first nor also.
      for (const naam of ['Je leidinggevende', LIJN_HUIZEN]) expect([...namenNa(card, 'Ga eerst naar'), ...ookNamen]).not.toContain(naam);
      expect(JSON.stringify(card)).toMatch(
        /Het gaat over (je eigen leidinggevende|een directeur of hogere leidinggevende|een bestuurder)\. Daarom wijs ik je niet naar/,
      );
    }
  });

  // "Wie beslist" names who decides without the person reported: config routes.zakelijk.bij….beslisser.
  it.each([
    [
      'demo',
      'Mijn leidinggevende declareert privé-etentjes',
      ['Ja, anoniem', 'Nee'],
      'Wie beslist: Een hogere leidinggevende of de provinciesecretaris beslist over onderzoek.',
    ],
    [
      'demo',
      'De gedeputeerde pleegt fraude met declaraties',
      ['Ja, anoniem', 'Nee'],
      'Wie beslist: Bij een gedeputeerde of statenlid beslist de commissaris van de Koning over onderzoek',
    ],
    [
      'huizen',
      'Een wethouder neemt steekpenningen aan',
      ['Nee'],
      'Wie beslist: Bij een wethouder of raadslid beslist de burgemeester over onderzoek',
    ],
    [
      'huizen',
      'De gemeentesecretaris steekt geld uit de kas in eigen zak',
      ['Nee'],
      'Wie beslist: Het college van burgemeester en wethouders beslist over onderzoek naar de gemeentesecretaris.',
    ],
  ] as const)('%s: "%s" says who decides without the person reported', async (org, tekst, antwoorden, beslist) => {
    const { laatste } = await vraag(org, tekst, [...antwoorden]);
    const card = JSON.stringify(laatsteKaart(laatste));
    expect(card).toContain(beslist);
    expect(card).not.toContain('De leidinggevende onderzoekt het');
  });

  it('keeps the actor across the clarifying questions and the back button', async () => {
    const { laatste } = await vraag('demo', 'Mijn leidinggevende schreeuwt tegen me');
    let r = await klik('demo', laatste, 'Terug');
    expect(replyText(r.replies)).toContain('Waar gaat je vraag over?'); // from the first question back to the menu
    r = await bot('demo').send(message('Mijn leidinggevende schreeuwt tegen me'));
    r = await klik('demo', r.replies, 'Een vrouw');
    expect(namenNa(laatsteKaart(r.replies), 'Ga eerst naar')).toEqual(['Vertrouwenspersoon', 'Een hogere leidinggevende']);
    expect(replyText(r.replies)).toContain('Vertrouwenspersoon A (intern)');
    r = await klik('demo', r.replies, 'Terug');
    expect(replyText(r.replies)).toContain('Ongewenst gedrag door je leidinggevende');
  });

  it('names nobody in the heading until the answer says who, then follows the answer', async () => {
    let r = await bot('zuid-holland').send(message('ik word steeds buitengesloten bij de koffie', { locale: 'nl-NL' }));
    expect(replyText(r.replies)).toContain('Over: Ongewenst gedrag op het werk');
    expect(replyText(r.replies)).toContain('Van wie gaat het gedrag uit?');
    expect(replyText(r.replies)).not.toContain('door een collega');
    r = await klik('zuid-holland', r.replies, 'Een leidinggevende');
    expect(replyText(r.replies)).toContain('Ongewenst gedrag door je leidinggevende');
    r = await klik('zuid-holland', r.replies, 'Geen voorkeur');
    expect(namenNa(laatsteKaart(r.replies), 'Ga eerst naar')).toEqual(['Vertrouwenspersoon', 'Een hogere leidinggevende']);
  });

  it('treats the guided answer "Een leidinggevende" like the own manager', async () => {
    let r = await bot('zuid-holland').send(submit({ action: 'meldwijzer.situatie', situatie: 'ongewenstGedrag' }));
    r = await klik('zuid-holland', r.replies, 'Een leidinggevende');
    r = await klik('zuid-holland', r.replies, 'Geen voorkeur');
    expect(namenNa(laatsteKaart(r.replies), 'Ga eerst naar')).toEqual(['Vertrouwenspersoon', 'Een hogere leidinggevende']);
  });

  it('answers in English for an English client', async () => {
    const { eerste, laatste } = await vraag('zuid-holland', 'My manager is harassing me', ['No preference'], 'en-US');
    expect(replyText(eerste)).toContain('About: Undesirable behaviour by your manager');
    const card = laatsteKaart(laatste);
    expect(namenNa(card, 'Go first to')).toEqual(['Confidential counsellor', 'A more senior manager']);
    expect(JSON.stringify(card)).toContain('This is about your own manager. So I do not send you to them');
  });
});

/**
 * The gemeente- or provinciesecretaris receives meldingen and decides on investigations, so a matter about the
 * secretaris goes around them and around the line: routes.<situatie>.bijSecretaris in each config, from the
 * procedures (Zuid-Holland: vertrouwenspersoon, Huis voor Klokkenluiders, a complaint to the LKOG or Gedeputeerde
 * Staten; Huizen: the external BING counsellor, Huis voor Klokkenluiders, LKOG; demo: vertrouwenspersoon and
 * integriteitscoördinator). [org, locale, text, answers, heading, first, also, names never offered]
 */
type SecretarisGeval = [Org, 'nl-NL' | 'en-US', string, string[], string, string[], string[], string[]];
const SECRETARIS: SecretarisGeval[] = [
  [
    'demo',
    'nl-NL',
    'De provinciesecretaris kleineert me in elk overleg',
    ['Geen voorkeur'],
    'Ongewenst gedrag door de gemeente- of provinciesecretaris',
    ['Vertrouwenspersoon', 'Integriteitscoördinator'],
    [LKOG],
    ['Provinciesecretaris', 'Je leidinggevende', 'Een hogere leidinggevende'],
  ],
  [
    'zuid-holland',
    'nl-NL',
    'Ik vermoed dat de provinciesecretaris een rapport over asbest in een school laat verdwijnen',
    [],
    'Een vermoeden van een misstand door de gemeente- of provinciesecretaris',
    ['Vertrouwenspersoon', 'Huis voor Klokkenluiders'],
    [],
    ['Provinciesecretaris', 'Je leidinggevende', 'Een hogere leidinggevende'],
  ],
  [
    'huizen',
    'nl-NL',
    'De gemeentesecretaris steekt geld uit de kas in eigen zak',
    ['Nee'],
    'Een zakelijke integriteitsschending door de gemeente- of provinciesecretaris',
    [BING],
    [],
    ['Gemeentesecretaris', LIJN_HUIZEN, 'Een andere leidinggevende'],
  ],
  [
    'huizen',
    'en-US',
    'The town clerk bullies me',
    [],
    'Undesirable behaviour by the municipal or provincial secretary',
    ['BING confidential counsellor'],
    ['National Complaints Committee on Undesirable Behaviour (LKOG)'],
    ['Municipal secretary', 'Your own or another manager', 'Another manager'],
  ],
];

describe('a matter about the secretaris goes around the secretaris', () => {
  test.each(SECRETARIS)('%s (%s): %s', async (org, locale, tekst, antwoorden, kop, eerst, ook, nooit) => {
    const { eerste, laatste } = await vraag(org, tekst, antwoorden, locale);
    const over = locale === 'nl-NL' ? 'Over' : 'About';
    expect(replyText(eerste)).toContain(`${over}: ${kop}`);
    const card = laatsteKaart(laatste);
    const [eerstKop, ookKop] = locale === 'nl-NL' ? ['Ga eerst naar', 'Ook mogelijk'] : ['Go first to', 'Also possible'];
    expect(namenNa(card, eerstKop)).toEqual(eerst);
    const ookNamen = namenNa(card, ookKop);
    for (const naam of ook) expect(ookNamen).toContain(naam);
    for (const naam of nooit) expect([...namenNa(card, eerstKop), ...ookNamen]).not.toContain(naam);
    expect(JSON.stringify(card)).toContain(
      locale === 'nl-NL'
        ? 'Het gaat over de secretaris, die meldingen ontvangt en over onderzoek beslist. Daarom wijs ik je niet naar de secretaris of je leidinggevende'
        : 'This is about the secretary, who receives reports and decides on investigations. So I do not send you to the secretary or your manager',
    );
  });
});

describe('the bot answers questions', () => {
  it('answers the FAQ entry first, then the route (demo: the gift rule of € 50)', async () => {
    const { eerste } = await vraag('demo', 'Mag ik een kerstpakket van een leverancier houden?');
    const txt = replyText(eerste);
    expect(eerste[0].activity.text).toContain('Mag ik een relatiegeschenk aannemen?');
    expect(eerste[0].activity.text).toContain('Geschenken tot € 50 mag je melden en aannemen');
    expect(txt.indexOf('€ 50')).toBeLessThan(txt.indexOf('Hier kun je terecht'));
    expect(namenNa(laatsteKaart(eerste), 'Ga eerst naar')).toEqual(['Je leidinggevende', 'Vertrouwenspersoon']);
  });

  // demo.yaml's gift FAQ, asked in either language: the answer of the entry in the client's language, then the
  // dilemma route straight away (an own gift question is no public-interest matter, so that is not asked).
  it.each([
    [
      'nl-NL',
      'Mag ik een kerstpakket van een leverancier houden?',
      'Geschenken tot € 50 mag je melden en aannemen',
      'Ga eerst naar',
      ['Je leidinggevende', 'Vertrouwenspersoon'],
    ],
    [
      'en-US',
      'May I keep a Christmas hamper from a supplier?',
      'Gifts up to € 50 may be accepted after reporting them',
      'Go first to',
      ['Your manager', 'Confidential counsellor'],
    ],
    [
      'nl-NL',
      'Mag ik bloemen van een inwoner aannemen?',
      'Geschenken tot € 50 mag je melden en aannemen',
      'Ga eerst naar',
      ['Je leidinggevende', 'Vertrouwenspersoon'],
    ],
    [
      'en-US',
      'Can I accept flowers from a resident?',
      'Gifts up to € 50 may be accepted after reporting them',
      'Go first to',
      ['Your manager', 'Confidential counsellor'],
    ],
  ] as const)('%s: "%s" gets the gift rule and the dilemma route', async (locale, tekst, antwoord, kop, eerst) => {
    const { eerste } = await vraag('demo', tekst, [], locale);
    const txt = replyText(eerste);
    expect(eerste[0].activity.text).toContain(antwoord);
    expect(txt).not.toMatch(/Vraag 1 van|Question 1 of/);
    expect(namenNa(laatsteKaart(eerste), kop)).toEqual(eerst);
  });

  it.each([
    [
      'zuid-holland',
      'Wanneer moet ik eigenlijk de eed afleggen?',
      'Binnen twee maanden na je indiensttreding, ten overstaan van de provinciesecretaris',
      // No situation besides the question: a way on ("Naar het menu"), not the whole menu (meldwijzer-antwoorden.test.ts).
      'Naar het menu',
    ],
    [
      'huizen',
      'Moet ik mijn bijbaan melden?',
      'Nevenwerkzaamheden en financiële belangen meld je bij je leidinggevende',
      'Hier kun je terecht',
    ],
  ] as const)('answers an FAQ entry in %s: %s', async (org, tekst, antwoord, daarna) => {
    const { eerste } = await vraag(org, tekst);
    const txt = replyText(eerste);
    expect(txt).toContain(antwoord);
    expect(txt.indexOf(antwoord)).toBeLessThan(txt.indexOf(daarna));
    expect(txt).not.toContain('Ik weet niet zeker');
  });

  test.each(ORGS)('%s: "Is deze chat anoniem?" gets the privacy card with the FAQ answer and the anonymous routes', async (org) => {
    const { eerste } = await vraag(org, 'Is deze chat anoniem?');
    const txt = replyText(eerste);
    expect(txt).not.toContain('Ik weet niet zeker');
    expect(txt).toContain('Privacy en anoniem melden');
    expect(txt).toContain('Is een chat met de bot anoniem?');
    expect(txt).toContain('Nee. Een Teams-chat is nooit anoniem.');
    expect(txt).toContain('De bot bewaart niets over je vraag');
    // The same anonymous routes as on the welcome card and on every result card.
    const privacy = kanalen(laatsteKaart(eerste));
    expect(privacy.length).toBeGreaterThan(0);
    const welkom = await bot(org).send(installationUpdate({ conversationId: `a:anoniem-${org}` }));
    expect(kanalen(replyCards(welkom.replies)[0])).toEqual(privacy);
    for (const card of await resultaatkaarten(org)) expect(kanalen(card)).toEqual(privacy);
  });

  it('answers the anonymity question in English', async () => {
    const txt = replyText((await vraag('huizen', 'Is this chat anonymous?', [], 'en-US')).eerste);
    expect(txt).toContain('Privacy and reporting anonymously');
    expect(txt).toContain('Is a chat with the bot anonymous?');
    expect(txt).toContain('• BING confidential counsellor');
  });

  it('a privacy question that describes a matter gets the privacy card and then the route', async () => {
    const { eerste } = await vraag('demo', 'Kan ik anoniem melden dat mijn baas fraude pleegt?');
    const txt = replyText(eerste);
    expect(txt).toContain('Privacy en anoniem melden');
    expect(txt.indexOf('Privacy en anoniem melden')).toBeLessThan(
      txt.indexOf('Over: Een zakelijke integriteitsschending door je leidinggevende'),
    );
  });

  it.each(['Wordt dit gesprek opgeslagen?', 'Kan mijn baas dit lezen?', 'Mag ik anoniem melden?'])(
    'a question only about the chat or anonymity gets the privacy card alone: %s',
    async (tekst) => {
      const { eerste } = await vraag('zuid-holland', tekst);
      expect(replyCards(eerste)).toHaveLength(1);
      const txt = replyText(eerste);
      expect(txt).toContain('Privacy en anoniem melden');
      expect(txt).toContain('• Vertrouwenspersoon');
      expect(txt).not.toMatch(/Hier kun je terecht|Vraag 1 van maximaal/);
    },
  );

  it.each(['help', 'wat kun je', 'Wat kun je?'])('explains what the bot does for "%s"', async (tekst) => {
    const txt = replyText((await vraag('huizen', tekst)).eerste);
    expect(txt).toContain('Ik ben de meldwijzer van Gemeente Huizen');
    expect(txt).toContain('Typ je vraag in je eigen woorden');
    expect(txt).toContain('Waar gaat je vraag over?');
  });
});

describe('the agressie result', () => {
  test.each(ORGS)('%s: says "bel 112 bij direct gevaar" first and offers the incident registration', async (org) => {
    const r = await bot(org).send(submit({ action: 'meldwijzer.situatie', situatie: 'agressieExtern' }));
    const card = laatsteKaart(r.replies);
    const body = card.body as { type: string; text?: string; items?: { text?: string }[] }[];
    const spoed = body.findIndex((b) => b.type === 'Container' && b.items?.[0]?.text === 'Bel 112 bij direct gevaar.');
    expect(spoed).toBeGreaterThan(0);
    expect(spoed).toBeLessThan(body.findIndex((b) => b.text === 'Ga eerst naar'));
    const incident = await klik(org, r.replies, 'Incident registreren');
    expect(replyText(incident.replies)).toContain('Agressie-incident registreren');
    expect(replyText(incident.replies)).toContain('Leg alleen de datum en de soort agressie vast');
  });
});

/** OpenUrl buttons a client shows before anything is opened (elements with isVisible: false are skipped). */
function zichtbareKnoppen(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + zichtbareKnoppen(x), 0);
  if (!node || typeof node !== 'object') return 0;
  const o = node as Json;
  if (o.isVisible === false) return 0;
  return (o.type === 'Action.OpenUrl' ? 1 : 0) + Object.entries(o).reduce((n, [k, v]) => n + (k === 'data' ? 0 : zichtbareKnoppen(v)), 0);
}

describe('short result cards', () => {
  test.each(ORGS)(
    '%s: contacts collapse behind one toggle per meldpunt; the first contact of the first meldpunt stays open',
    async (org) => {
      for (const card of await resultaatkaarten(org)) {
        const json = JSON.stringify(card);
        // At most one contact's buttons (≤ 5) plus two regelingen are visible at first.
        expect(zichtbareKnoppen(card.body)).toBeLessThanOrEqual(7);
        // Every hidden container is opened by a ToggleVisibility button that targets it.
        const verborgen = [...json.matchAll(/"id":"((?:eerst|ook)-contact-\d+)","isVisible":false/g)].map((m) => m[1]);
        for (const id of verborgen) expect(json).toContain(`"targetElements":["${id}"]`);
        expect(new Set(verborgen).size).toBe(verborgen.length);
        // "What happens next" stays visible (not inside a hidden container).
        expect(json).toContain('"text":"Wat gebeurt er?"');
      }
    },
  );
});
