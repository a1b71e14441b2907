/**
 * Questions in a meldwijzer text (shared/src/domain/triage-vraag.ts through triage): help requests, privacy
 * and anonymity questions, FAQ entries of the config. Expected kinds follow the module's rules: a privacy word
 * (anonymity, one's name, being traced) in a question; a word for storing, seeing or keeping secret only when
 * it is about this chat and not an own-conduct question; help phrases without the greetings around them.
 */
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { triage } from '@shared/domain/triage';

const demo = loadOrgConfig('demo', path.resolve(__dirname, '../../config'));
const soort = (tekst: string) => triage(tekst, demo).vraag?.soort;

describe('privacy questions', () => {
  test.each([
    'Is deze chat anoniem?',
    'Blijf ik anoniem?',
    'Komt mijn naam ergens?',
    'blijft dit onder ons?',
    'Wordt dit gesprek opgeslagen?',
    'Bewaar je wat ik typ?',
    'Is dit vertrouwelijk?',
    'Is dit gesprek privé?',
    'Wie leest dit mee?',
    'Wie kan dit zien?',
    'Kan mijn baas dit lezen?',
    'Ziet mijn leidinggevende dat ik dit vraag?',
    'Is this chat anonymous?',
    'Do you store my messages?',
    'Is this conversation private?',
    'Can my manager see this?',
    'Does anyone read these messages?',
    'Can my manager find out that I used this bot?',
    'Komt mijn baas erachter dat ik dit vraag?',
  ])('"%s" is a privacy question', (tekst) => expect(soort(tekst)).toBe('privacy'));

  test.each([
    'Mag ik dossiers van mijn buren inzien?',
    'Mag ik vertrouwelijke informatie delen met een journalist?',
    'Mag ik dit geheim houden voor mijn leidinggevende?',
    'Ik weet niet of ik dit mag?',
    'Mijn collega bewaart vertrouwelijke dossiers thuis, is dat erg?',
    'Een collega kijkt steeds in mijn mail, wat nu?',
    'Can I keep this gift?',
  ])('"%s" is not a privacy question', (tekst) => expect(soort(tekst)).not.toBe('privacy'));

  it('names the FAQ entry that says the same (demo: "Is een chat met de bot anoniem?", index 0)', () => {
    expect(triage('Is deze chat anoniem?', demo).vraag).toEqual({ soort: 'privacy', faq: 0 });
    expect(triage('Is this chat anonymous?', demo).vraag).toEqual({ soort: 'privacy', faq: 0 });
  });
});

describe('help requests', () => {
  test.each([
    'help',
    'hulp',
    'wat kun je?',
    'hallo, wat kun je?',
    'Hoi bot, wat kun je eigenlijk?',
    'wat kun jij voor me doen?',
    'Wat doet deze bot?',
    'Wat kan ik aan jou vragen?',
    'help mij',
    'What can you help with?',
    'what can I ask you?',
  ])('"%s" asks what the bot does', (tekst) => expect(soort(tekst)).toBe('help'));

  test.each(['help, mijn collega pest me', 'Wat kun je doen tegen pesten?'])('"%s" is not only a help request', (tekst) =>
    expect(soort(tekst)).not.toBe('help'),
  );
});

describe('FAQ entries', () => {
  // demo.yaml faq: 0 chat anonymous, 1 relatiegeschenk (trefwoorden geschenk, cadeau, relatiegeschenk, gift), 2 ambtseed, 3 nevenwerkzaamheden.
  test.each([
    ['Mag ik een kerstpakket van een leverancier houden?', 1],
    ['Mag ik een fles wijn van een leverancier aannemen?', 1],
    ['Can I accept a bottle of wine from a supplier?', 1],
    ['Wanneer leg ik de eed af?', 2],
    ['Moet ik mijn bijbaan melden?', 3],
  ] as const)('"%s" matches FAQ entry %i', (tekst, faq) => expect(triage(tekst, demo).vraag).toEqual({ soort: 'faq', faq }));

  // The same gift question in Dutch and in English: the same FAQ entry, the same situation and the same answers
  // already given (an own gift question answers "does it touch the public interest?" with no, in both languages).
  test.each([
    ['Mag ik een kerstpakket van een leverancier houden?', 'May I keep a Christmas hamper from a supplier?'],
    ['Mag ik een fles wijn van een leverancier houden?', 'Can I keep a bottle of wine from a supplier?'],
    ['Mag ik bonbons van een klant houden?', 'Can I keep chocolates from a client?'],
    ['Mag ik bloemen van een inwoner aannemen?', 'Can I accept flowers from a resident?'],
    ['Mag ik een tegoedbon houden?', 'Can I keep a voucher?'],
    ['Mag ik kaartjes voor een wedstrijd aannemen?', 'May I accept tickets for a match?'],
  ])('"%s" and "%s" are the same question', (nl, en) => {
    const [a, b] = [triage(nl, demo), triage(en, demo)];
    expect(a.vraag).toEqual({ soort: 'faq', faq: 1 });
    expect(b.vraag).toEqual(a.vraag);
    expect([b.beslissing, b.situatie]).toEqual([a.beslissing, a.situatie]);
    expect(a.antwoorden.maatschappelijkBelang).toBe('nee');
    expect(b.antwoorden).toEqual(a.antwoorden);
  });

  it("does not answer the gift rule for someone else's conduct", () => {
    expect(triage('Een collega neemt steeds cadeaus aan van een aannemer', demo).vraag).toBeUndefined();
  });
});
