/**
 * The typed-command recogniser (bot/src/features/commando-herkenning.ts) on tests/fixtures/commando-corpus.json:
 * floors at the measurement of `npm run bench -- commando` (test part, never tuned on: 61 of 65 commands
 * recognised, 0 of 78 phrasings wrong; it was 56 and 1 before the dev part grew to 129 phrasings), and the
 * negative check of issue 13: at most 0.5 % of the meldwijzer corpus (meldingen and questions, no commands) may be
 * claimed.
 */
import { FEATURES } from '../../bot/src/features';
import { herkenCommando } from '../../bot/src/features/commando-herkenning';
import { actieVan, leesCommandoCorpus, meetCommandos, meldwijzerClaims } from '../../bench/commando';

const corpus = leesCommandoCorpus();
const deel = (d: 'dev' | 'test') => corpus.items.filter((i) => i.deel === d);
const actie = (tekst: string) => {
  const t = herkenCommando(tekst, FEATURES);
  return t ? actieVan(t.feature, t.commando) : null;
};

describe('commando-corpus', () => {
  it('has ~200 phrasings, Dutch and English, split dev/test, with non-commands in both parts', () => {
    expect(corpus.items.length).toBeGreaterThanOrEqual(200);
    for (const d of ['dev', 'test'] as const) {
      expect(deel(d).filter((i) => i.taal === 'en').length).toBeGreaterThanOrEqual(15);
      expect(deel(d).filter((i) => i.actie === null).length).toBeGreaterThanOrEqual(8);
    }
    expect(new Set(corpus.items.map((i) => i.id)).size).toBe(corpus.items.length);
  });

  it('every expected action is a declared action of a feature', () => {
    const acties = new Set(FEATURES.flatMap((f) => Object.keys((f as { routes?: object }).routes ?? {})));
    for (const i of corpus.items) if (i.actie !== null) expect(acties).toContain(i.actie);
  });

  it('test part: at least 93 % of the commands recognised, none wrong', () => {
    const m = meetCommandos(deel('test'));
    expect(m.herkend / m.commandos).toBeGreaterThanOrEqual(0.93);
    expect(m.fout).toBe(0);
  });

  it('dev part: every command recognised, nothing wrong', () => {
    const m = meetCommandos(deel('dev'));
    expect(m.gemistIds).toEqual([]);
    expect(m.foutIds).toEqual([]);
  });

  it('claims at most 0.5 % of the meldwijzer corpus', () => {
    const { n, ids } = meldwijzerClaims();
    expect(ids.length / n).toBeLessThanOrEqual(0.005);
  });
});

describe('herkenCommando', () => {
  it('recognises the QA tester’s examples (issue 13)', () => {
    expect(actie('ik wil de eed afleggen')).toBe('ambtseed.plan');
    expect(actie('eed')).toBe('ambtseed.plan');
    expect(actie('ik moet nog een integriteitsverklaring tekenen')).toBe('ambtseed.plan');
    expect(actie('ambtsed')).toBe('ambtseed.plan');
    expect(actie('mijn ambtseed')).toBe('ambtseed.plan');
    expect(actie('termijnen wbk')).toBe('intake.wbk.overzicht');
    expect(actie('welke termijnen lopen er nog?')).toBe('intake.wbk.overzicht');
    expect(actie('nevenwerk beoordeln')).toBe('nevenwerk.team');
  });

  it('"mijn" picks the own-list command only when typed', () => {
    expect(actie('mijn nevenwerk')).toBe('nevenwerk.mijn');
    expect(actie('nevenwerk')).toBe('nevenwerk.menu');
  });

  it('reads a Dutch compound of known words as its parts, when that claims a longer phrase', () => {
    expect(actie('vogaanvraag')).toBe('vog.status');
    expect(actie('eedaflegging inplannen')).toBe('ambtseed.plan');
    expect(actie('nevenwerkoverzicht')).toBe('nevenwerk.overzicht');
    expect(actie('ambtseedoverzicht')).toBe('ambtseed.hr');
    // As typed it extends "agressie" (agressie.start); split, "melding" is another action's word: the whole word wins.
    expect(actie('agressiemelding registreren')).toBe('intake.agressie.start');
    expect(actie('vogelaar')).toBeNull();
  });

  it('a phrase with "mijn"/"my" claims only a text that says it', () => {
    expect(actie('nevenfuncties')).toBe('nevenwerk.menu');
    expect(actie('mijn nevenfuncties')).toBe('nevenwerk.mijn');
    expect(actie('my outside activities')).toBe('nevenwerk.mijn');
    expect(actie('outside activities')).toBe('nevenwerk.menu');
    expect(actie('mijn sessie')).toBe('ambtseed.plan');
    expect(actie('sessies')).toBeNull();
  });

  it('general command words in English and Dutch stand beside a command’s own words', () => {
    expect(actie('deadline overview')).toBe('intake.wbk.overzicht');
    expect(actie('sign up for the oath ceremony')).toBe('ambtseed.plan');
    expect(actie('nieuwe ambtseed sessie aanmaken')).toBe('ambtseed.hr');
    expect(actie('ik wil een melding maken')).toBeNull();
  });

  it('leaves conduct, permission questions and the meldwijzer’s own words to the triage', () => {
    for (const tekst of [
      'mijn collega heeft zijn eed geschonden',
      'mijn leidinggevende doet nevenwerk bij een leverancier',
      'Wanneer moet ik de ambtseed afleggen?',
      'mag ik nevenwerk doen?',
      'Must I report outside activities?',
      'ik wil iets melden',
      'help',
      'menu',
      '',
      'nevenwerk '.repeat(13),
    ])
      expect(actie(tekst)).toBeNull();
  });
});
