/** The triage result shape others build on: decision, ranking, actor, perspective, question intent. */
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { triage } from '@shared/domain/triage';
import { ACHTERGROND } from '@shared/domain/triage-classifier';

const demo = loadOrgConfig('demo', path.resolve(__dirname, '../../config'));

describe('triage result', () => {
  it('ranks every situation, best first, with probabilities that sum to 1', () => {
    const u = triage('Mijn collega steelt geld uit de kas', demo);
    expect(u.rangorde).toHaveLength(7);
    expect(u.rangorde[0].situatie).toBe(u.situatie);
    for (let i = 1; i < u.rangorde.length; i++) expect(u.rangorde[i - 1].kans).toBeGreaterThanOrEqual(u.rangorde[i].kans);
    expect(u.rangorde.reduce((n, k) => n + k.kans, 0)).toBeCloseTo(1, 6);
  });

  it('decides zeker / twijfel / onbekend consistently with situatie and twijfelTussen', () => {
    const zeker = triage('Mijn collega steelt geld uit de kas', demo);
    expect(zeker).toMatchObject({ beslissing: 'zeker', situatie: 'zakelijk' });
    expect(zeker.twijfelTussen).toBeUndefined();
    const twijfel = triage('wat moet ik doen als ik fraude vermoed', demo);
    expect(twijfel.beslissing).toBe('twijfel');
    expect(twijfel.situatie).toBe(twijfel.twijfelTussen![0]);
    const onbekend = triage('het weer is mooi vandaag', demo);
    expect(onbekend.beslissing).toBe('onbekend');
    expect(onbekend.situatie).toBeUndefined();
  });

  test.each([
    ['Mijn leidinggevende schreeuwt tegen me', 'leidinggevende', 'ander'],
    ['Bij een huisbezoek werd ik door de bewoner geduwd', 'burger', 'ander'],
    ['Een collega neemt steeds cadeaus aan van een aannemer', 'collega', 'ander'],
    ['De wethouder regelt vergunningen voor zijn vrienden', 'bestuurder', 'ander'],
    ['Ik denk dat de directeur een aanbesteding heeft gemanipuleerd', 'hogerLeidinggevende', 'ander'],
    ['De gemeentesecretaris pest me', 'secretaris', 'ander'],
    ['The provincial secretary is committing fraud with expenses', 'secretaris', 'ander'],
    ['Ik ben secretaris van de tennisclub, moet ik dat melden?', 'ik', 'zelf'],
    ['Mag ik een kerstpakket van een leverancier houden?', 'ik', 'zelf'],
    ['Can I accept a bottle of wine from a supplier?', 'ik', 'zelf'],
    ['The contractor keeps sending me expensive gifts', 'leverancier', 'ander'],
    // A gift to the employee who hesitates about it: the employee decides, whoever gave it.
    ['Een inwoner kwam een bos bloemen voor me brengen, ik wil niet onbeleefd zijn', 'ik', 'zelf'],
    ['A resident left chocolates at reception for me and I dont want to be rude', 'ik', 'zelf'],
    // …but a gift with a threat is still the outsider's conduct.
    ['Een bewoner gooide een fles naar me en dreigde dat hij terugkomt, ik weet niet wat ik moet', 'burger', 'ander'],
    // The employee's own role is no other actor; a supervisory board is no manager.
    ['Ik ben afdelingshoofd en mij is een commissariaat aangeboden', 'ik', 'zelf'],
    ['I sit on the supervisory board of a school, is that ok with my job?', 'ik', 'zelf'],
  ])('%s → actor %s, %s', (tekst, actor, perspectief) => {
    expect(triage(tekst, demo)).toMatchObject({ actor, perspectief });
  });

  it('gives everyday chat it never saw the menu (class geen), and never goes straight to a route for it', () => {
    const chat = [
      'zin in het weekend',
      'de koffieautomaat is weer leeg',
      'what time is the meeting',
      'goedemiddag',
      'heeft iemand mijn oplader gezien',
      'ik ben vandaag thuis',
      'het regent alweer',
      'tot straks bij de stand-up',
      'lekker gegeten?',
      'wie gaat er mee naar de kantine',
    ];
    const geleerd = new Set(ACHTERGROND.map((t) => t.toLowerCase()));
    expect(chat.filter((t) => geleerd.has(t))).toEqual([]);
    const uitkomsten = chat.map((t) => triage(t, demo).beslissing);
    expect(uitkomsten.filter((b) => b === 'onbekend').length).toBeGreaterThanOrEqual(7);
    expect(uitkomsten).not.toContain('zeker');
  });

  test.each([
    ['Bij een huisbezoek werd ik door de bewoner geduwd'],
    ['De bewoners bedreigden me aan de deur'],
    ['A resident pushed me during a home visit'],
  ])('%s → the aggression-from-outside route, wie=burger', (tekst) => {
    expect(triage(tekst, demo)).toMatchObject({ beslissing: 'zeker', situatie: 'agressieExtern', antwoorden: { wie: 'burger' } });
  });

  it('knows outsiders from one word list, for the actor and for the aggression rule', () => {
    // "kraamhouder" is a market trader: an outsider (actor burger), so yelling is aggression from outside:
    // the rule adds 3 + 1 aggressive word to agressieExtern, and wie=burger is filled in.
    const u = triage('Een kraamhouder schreeuwt tegen me', demo);
    expect(u).toMatchObject({ actor: 'burger', antwoorden: { wie: 'burger' } });
    expect(u.scores.agressieExtern).toBe(4);
    expect(u.rangorde[0].situatie).toBe('agressieExtern');
  });

  it('does not read a short word of the rule lists with a typo ("staat" is not "slaat")', () => {
    // Only the lexicon's "aan de balie" (2) counts; "slaat" adds the outsider-aggression rule: 3 + 1 aggressive word.
    expect(triage('Een klant staat aan de balie', demo).scores.agressieExtern).toBe(2);
    expect(triage('Een klant slaat aan de balie', demo).scores.agressieExtern).toBe(6);
  });

  it('fills in wie=leidinggevende (not collega) when the own manager acts', () => {
    expect(triage('Mijn leidinggevende schreeuwt tegen me', demo).antwoorden.wie).toBe('leidinggevende');
  });

  it('recognises a privacy question, the matching FAQ entry, and help', () => {
    const chatFaq = demo.faq.findIndex((f) => f.vraag.nl === 'Is een chat met de bot anoniem?');
    const geschenkFaq = demo.faq.findIndex((f) => f.vraag.nl === 'Mag ik een relatiegeschenk aannemen?');
    expect(triage('Is deze chat anoniem?', demo).vraag).toEqual({ soort: 'privacy', faq: chatFaq });
    expect(triage('Mag ik een kerstpakket van een leverancier houden?', demo).vraag).toEqual({ soort: 'faq', faq: geschenkFaq });
    expect(triage('help', demo).vraag).toEqual({ soort: 'help' });
    expect(triage('wat kun je?', demo).vraag).toEqual({ soort: 'help' });
    expect(triage('Mijn collega steelt geld uit de kas', demo).vraag).toBeUndefined();
  });
});
