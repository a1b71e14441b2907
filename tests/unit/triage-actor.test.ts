/**
 * Actor rules of shared/src/domain/triage-actor.ts that the corpus figures do not pin down: typos in actor
 * words, and someone with authority who has a supplier or citizen do something ("laat … door een aannemer").
 */
import { actorEnPerspectief, actorTikfout } from '@shared/domain/triage-actor';
import path from 'node:path';
import { loadOrgConfig } from '@shared/config';
import { normaliseer, triage } from '@shared/domain/triage';

const actor = (tekst: string) => actorEnPerspectief(normaliseer(tekst)).actor;

describe('typos in actor words', () => {
  it.each([
    ['leidinggevede', 'leidinggevende'], // a letter left out
    ['leidingggevende', 'leidinggevende'], // one too many
    ['teamlieder', 'teamleider'], // two swapped
    ['wethoudre', 'wethoudre'], // the last two letters as written: not corrected
    ['gedeputeede', 'gedeputeerde'],
    ['leverancer', 'leverancier'],
  ])('%s → %s', (woord, term) => {
    expect(actorTikfout(woord)).toBe(term);
  });

  // An agent noun and its verb differ at the end: accepting a gift is not a contractor, visiting not a visitor.
  it.each(['aannemen', 'bezoeken', 'overtreden', 'handhaven', 'ondernemen', 'aanvragen', 'medewerken', 'bestuurden'])(
    'leaves the verb %s alone',
    (woord) => {
      expect(actorTikfout(woord)).toBe(woord);
    },
  );

  it('reads the own manager in a text with a typo, and no supplier in a gift question', () => {
    expect(actor('mijn leidinggevede pest mij')).toBe('leidinggevende');
    expect(actor('Mijn teamlieder scheldt me uit waar iedereen bij is')).toBe('leidinggevende');
    expect(actor('mag ik een fles wijn aannemen na afloop van een project?')).toBe('ik');
    expect(actor('we moeten de regels handhaven maar een collega laat vrienden gaan')).toBe('collega');
  });
});

describe('someone with authority who has others do it', () => {
  it.each([
    ['De wethouder laat zijn oprit betalen door een aannemer', 'bestuurder'],
    ['de gedeputeerde heeft zijn verbouwing laten betalen door een aannemer', 'bestuurder'],
    ['De directeur liet de offerte schrijven door een bevriend adviesbureau', 'hogerLeidinggevende'],
    ['the alderman had his driveway paid for by a contractor', 'bestuurder'],
  ])('%s → %s', (tekst, verwacht) => {
    expect(actor(tekst)).toBe(verwacht);
  });

  it.each([
    ['mijn leidinggevende werd uitgescholden door een burger', 'burger'],
    ['my manager had been insulted by a citizen', 'burger'],
    ['Ik werd door de bewoner geduwd', 'burger'],
  ])('keeps the agent after "door"/"by" in a passive: %s → %s', (tekst, verwacht) => {
    expect(actor(tekst)).toBe(verwacht);
  });
});

describe('Flemish words for the boss and for fiddling expenses', () => {
  it('reads "diensthoofd … foefelen met onkostennota\'s" as a business violation by a director, "overste" as the own manager', () => {
    const u = triage(
      "ons diensthoofd zit te foefelen met zijn onkostennota's",
      loadOrgConfig('demo', path.resolve(__dirname, '../../config')),
    );
    expect(u).toMatchObject({ situatie: 'zakelijk', actor: 'hogerLeidinggevende' });
    expect(actor('mijn overste roept altijd tegen mij')).toBe('leidinggevende');
  });
});
