import fs from 'node:fs';
import { controleerPii, isBsn, vindNaam } from '@shared/domain/pii-guard';

describe('isBsn (elfproef)', () => {
  it.each(['111222333', '123456782', '999999990', '12345672'])('%s passes the eleven-test', (n) => {
    // Hand check of 111222333: 9+8+7+12+10+8+9+6-3 = 66 = 6·11.
    expect(isBsn(n)).toBe(true);
  });
  it.each(['123456789', '111222334', '000000000', '12345', 'abcdefghi', '1234567890'])('%s does not', (n) => {
    expect(isBsn(n)).toBe(false);
  });
});

describe('controleerPii', () => {
  it.each([
    ['mail naar j.jansen@provincie.nl', 'email'],
    ['contact: piet [at] example.org', 'email'],
    ['bel 06-12345678', 'telefoon'],
    ['tel 070 441 66 11 na vijven', 'telefoon'],
    ['+31 6 1234 5678', 'telefoon'],
    ['+31 (0)70 4416611', 'telefoon'],
    ['0031 70 4416611', 'telefoon'],
    ['(070) 4416611', 'telefoon'],
    ['+44 20 7946 0958', 'telefoon'],
    ['bsn 111222333', 'bsn'],
    ['BSN: 1234.56.782', 'bsn'],
    ['nummer 123 456 782 genoemd', 'bsn'],
  ])('rejects %p as %s with a Dutch reason', (tekst, soort) => {
    const r = controleerPii(tekst);
    expect(r).toMatchObject({ ok: false, soort });
    if (!r.ok) {
      expect(r.reden).toMatch(/^Dit veld mag geen/);
      expect(r.reden).not.toContain(tekst);
    }
  });
  it.each([
    'Vervolggesprek gepland, doorverwezen naar bedrijfsarts',
    'Gesprek op 2026-03-05 en 05-03-2026 en 5.3.2026',
    'Bedrag € 1.250.000 in 2025',
    'Zaaknummer 123456789', // fails the eleven-test
    'Meldingen 3, 4 en 12',
    '',
  ])('accepts %p', (tekst) => {
    expect(controleerPii(tekst)).toEqual({ ok: true });
  });
});

describe('vindNaam (soft check for a name in a note)', () => {
  it.each([
    ['jan de vries', 'jan de vries'],
    ['Gisteren schold Jan de Vries me uit bij de balie', 'Jan de Vries'],
    ['Piet Bakker dreigde met geweld', 'Piet Bakker'],
    ['meneer Jansen gooide een stoel', 'meneer Jansen'],
    ['mevrouw de Boer bleef bellen', 'mevrouw de Boer'],
  ])('flags %p', (tekst, naam) => {
    expect(vindNaam(tekst)).toBe(naam);
  });

  it.each([
    'Een man van de gemeente kwam binnen',
    'De burger schreeuwde bij de balie',
    'Hij gooide een stoel',
    'Ik ben de weg kwijt',
    '12 jan de hele dag',
  ])('leaves %p alone', (tekst) => {
    expect(vindNaam(tekst)).toBeUndefined();
  });

  it('flags none of the ordinary sentences of the meldwijzer corpus (863: development and test part)', () => {
    const corpus = JSON.parse(fs.readFileSync('tests/fixtures/meldwijzer-corpus.json', 'utf8')) as { items: { tekst: string }[] };
    expect(corpus.items.length).toBeGreaterThanOrEqual(863);
    expect(corpus.items.map((i) => i.tekst).filter((t) => vindNaam(t) !== undefined)).toEqual([]);
  });
});
