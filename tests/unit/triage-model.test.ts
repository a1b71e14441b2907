/** The parts of the meldwijzer classifier: naive Bayes, softmax, phrase index, compounds, concepts, actor rules. */
import { actorEnPerspectief } from '@shared/domain/triage-actor';
import { begrippen } from '@shared/domain/triage-begrippen';
import { classificeer, classifierModel, classifierOpbouwMs, kenmerkenVan, trainClassifier } from '@shared/domain/triage-classifier';
import { scoorNb, softmax, trainNb } from '@shared/domain/triage-model';
import { normaliseer, splitsSamenstelling, stam, ZinIndex } from '@shared/domain/triage-tekst';
import { SITUATIES } from '@shared/lists/definitions';

describe('naive Bayes', () => {
  // Worked out by hand (add-1 smoothing, each feature once per document):
  // priors (2+1)/(3+2) = 3/5 and (1+1)/(3+2) = 2/5; vocabulary x, y, z (3); feature totals a: 3, b: 1;
  // P(x|a) = (2+1)/(3+3) = 1/2, P(x|b) = (0+1)/(1+3) = 1/4.
  const model = trainNb(
    ['a', 'b'] as const,
    [
      { kenmerken: ['x', 'y', 'x'], klassen: { a: 1 } },
      { kenmerken: ['x'], klassen: { a: 1 } },
      { kenmerken: ['z'], klassen: { b: 1 } },
    ],
    1,
  );

  it('computes priors and smoothed likelihoods', () => {
    expect(Math.exp(model.logPrior[0])).toBeCloseTo(3 / 5, 12);
    expect(Math.exp(model.logPrior[1])).toBeCloseTo(2 / 5, 12);
    expect(Math.exp(model.logKans.get('x')![0])).toBeCloseTo(1 / 2, 12);
    expect(Math.exp(model.logKans.get('x')![1])).toBeCloseTo(1 / 4, 12);
    expect(model.omvang).toBe(3);
  });

  it('scores known features and skips unknown ones', () => {
    const { log, bekend } = scoorNb(model, ['x', 'onbekend']);
    expect(bekend).toBe(1);
    // a: 3/5 · 1/2 = 0.3; b: 2/5 · 1/4 = 0.1 → P(a | x) = 0.75.
    expect(softmax(log)[0]).toBeCloseTo(0.75, 12);
  });

  it('refuses a non-positive smoothing or no examples', () => {
    expect(() => trainNb(['a'], [{ kenmerken: ['x'], klassen: { a: 1 } }], 0)).toThrow(RangeError);
    expect(() => trainNb(['a'], [])).toThrow(RangeError);
  });

  it('softmax: probabilities that sum to 1, stable for large logits', () => {
    const p = softmax([0, Math.log(3)]);
    expect(p[0]).toBeCloseTo(0.25, 12);
    expect(p[1]).toBeCloseTo(0.75, 12);
    const q = softmax([1000, 1000]);
    expect([q[0], q[1]]).toEqual([0.5, 0.5]);
  });
});

describe('text handling', () => {
  it('finds phrases as whole words, with a limited inflection of the last word', () => {
    const index = new ZinIndex(
      [
        ['mag ik', 'vraag'],
        ['collega', 'collega'],
        ['iemand van ict', 'collega'],
      ] as const,
      2,
    );
    expect(index.vind('mag ik dat'.split(' '))).toEqual([{ waarde: 'vraag', pos: 0 }]);
    expect(index.vind('de collegas lachen'.split(' '))).toEqual([{ waarde: 'collega', pos: 1 }]);
    expect(index.vind('een collegaatje'.split(' '))).toEqual([]);
    expect(index.vind('ik mag niet'.split(' '))).toEqual([]);
    expect(index.bevat('iemand van ict leest mee'.split(' '))).toBe(true);
    // A word shorter than 4 letters takes no extra letters: "boa" (an enforcement officer) is not "board".
    const kort = new ZinIndex([['boa', 'collega']] as const, 2);
    expect(kort.vind(['the', 'board'])).toEqual([]);
    expect(kort.vind(['de', 'boa'])).toEqual([{ waarde: 'collega', pos: 1 }]);
  });

  it('with any ending (rek Infinity) finds every first word that begins a text word, longest first', () => {
    const index = new ZinIndex(
      [
        ['meld', 'melden'],
        ['vermoed', 'vermoeden'],
        ['vermoede', 'lang'],
        ['ik zag', 'gezien'],
      ] as const,
      Infinity,
    );
    expect(index.vind(['ik', 'vermoedelijk', 'fraude'])).toEqual([
      { waarde: 'lang', pos: 1 },
      { waarde: 'vermoeden', pos: 1 },
    ]);
    expect(index.vind(['meldingen', 'vermoed'])).toEqual([
      { waarde: 'melden', pos: 0 },
      { waarde: 'vermoeden', pos: 1 },
    ]);
    // Same first four letters but no phrase word as its beginning; too short; a phrase's later words as written.
    expect(index.vind(['vermoeid', 'mel', 'ik', 'zagen'])).toEqual([{ waarde: 'gezien', pos: 2 }]);
    expect(index.vind(['ikke', 'zag'])).toEqual([]);
  });

  it('splits Dutch compounds into known parts, with a linking s', () => {
    const bekend = new Set(['kantoor', 'spullen', 'uitkering', 'gesprek']);
    expect(splitsSamenstelling('kantoorspullen', (d) => bekend.has(d))).toEqual(['kantoor', 'spullen']);
    expect(splitsSamenstelling('uitkeringsgesprek', (d) => bekend.has(d))).toEqual(['uitkering', 'gesprek']);
    expect(splitsSamenstelling('fietsenstalling', (d) => bekend.has(d))).toEqual([]);
  });

  it('gives the compound parts of a word as features when the parts are known', () => {
    const f = kenmerkenVan('kantoorspullen', new Set(['kantoor', 'spullen']), {});
    expect(f).toContain(stam('spullen', 'nl'));
    expect(f).toContain(stam('kantoor', 'nl'));
    expect(f).toContain('#spullen');
  });

  it('names concepts for words never seen in training', () => {
    expect(begrippen(['een', 'fles', 'whisky'])).toEqual(['#gunst']);
    expect(begrippen(['kerstcadeautje'])).toContain('#gunst');
    expect(begrippen(['mijn', 'tankpas'])).toContain('#geld');
    expect(begrippen(['het', 'weer'])).toEqual([]);
  });

  it('matches a compound tail only after a head of three letters, and names no threat in everyday words', () => {
    expect(begrippen(['she', 'represents', 'the', 'union'])).toEqual([]);
    expect(begrippen(['volgens', 'het', 'boekje'])).toEqual([]);
    expect(begrippen(['ik', 'word', 'achtervolgd'])).toEqual(['#geweld']);
    expect(begrippen(['he', 'followed', 'me', 'home'])).toContain('#geweld');
  });
});

describe('actor and perspective rules', () => {
  test.each([
    ['Ik word al maanden gepest op mijn werk', undefined, 'ander'],
    ['Ik vermoed dat er met subsidiegeld wordt gesjoemeld', undefined, 'ander'],
    ['Ik wil anoniem een misstand melden', undefined, 'ander'],
    ['Een oud-collega vraagt om informatie uit een dossier', 'ik', 'zelf'],
    ['Bij de handhaving werd mijn collega omvergeduwd door een groep jongeren', 'burger', 'ander'],
    ['Het management verzwijgt de uitkomst van de keuring', 'hogerLeidinggevende', 'ander'],
    ['Ik ben penningmeester van de tennisclub', 'ik', 'zelf'],
    ['Someone threatened me on the phone', undefined, 'ander'],
    ['I give private tutoring for money, do I have to report that?', 'ik', 'zelf'],
  ])('%s → %s, %s', (tekst, actor, perspectief) => {
    const uit = actorEnPerspectief(normaliseer(tekst));
    expect(uit.actor).toBe(actor);
    expect(uit.perspectief).toBe(perspectief);
  });
});

describe('the classifier', () => {
  it('learns from examples and tells situations apart by their words', () => {
    const c = trainClassifier(
      [
        { tekst: 'Een collega neemt geld uit de kas', situaties: ['zakelijk'] },
        { tekst: 'Mijn collega steelt laptops', situaties: ['zakelijk'] },
        { tekst: 'Een klant sloeg me aan de balie', situaties: ['agressieExtern'] },
        { tekst: 'Een bezoeker schopte mijn collega', situaties: ['agressieExtern', 'ongewenstGedrag'] },
        // No everyday chat for `geen`: this model knows only the four texts' words.
      ],
      undefined,
      undefined,
      [],
    );
    const { log, bekend } = classificeer(normaliseer('een klant sloeg'), {}, c);
    expect(bekend).toBeGreaterThan(0);
    const p = softmax(log);
    expect(p[SITUATIES.indexOf('agressieExtern')]).toBeGreaterThan(p[SITUATIES.indexOf('zakelijk')]);
    expect(classificeer(normaliseer('het weer is mooi'), {}, c).bekend).toBe(0);
  });

  it('is built once per process and says what that cost', () => {
    const eerste = classifierModel();
    expect(classifierModel()).toBe(eerste);
    expect(classifierOpbouwMs()).toBeGreaterThan(0);
    expect(eerste.model.omvang).toBeGreaterThan(1000);
  });
});
