/**
 * The PII guard normalises before it checks (issue: a zero-width space inside an address, full-width or
 * Arabic-Indic digits, `O6-…`, `naam (at) gemeente (dot) nl`, `06,12,34,56,78` and foreign IBANs got through;
 * Dutch IBANs were blocked only by accident, as a "telefoonnummer"). And the vote guard normalises the voter.
 */
import { LokaleStaat } from '@shared/store/lokaal';
import { controleerPii, isIban, normaliseerVoorPii } from '@shared/domain/pii-guard';
import { StemSlot } from '../../tab/api/stem-slot';

describe('controleerPii after normalising', () => {
  it.each([
    ['j.jansen\u200B@provincie.nl', 'email'], // zero-width space before the @
    ['j.jan\u200Dsen@provin\u2060cie.nl', 'email'], // zero-width joiner and word joiner
    ['mail j.jansen@\u202Aprovincie\u202C.nl', 'email'], // bidi embedding inside the address
    ['ｊ．ｊａｎｓｅｎ＠ｐｒｏｖｉｎｃｉｅ．ｎｌ', 'email'], // full-width (NFKC)
    ['naam (at) gemeente (dot) nl', 'email'],
    ['naam [at] gemeente [dot] nl', 'email'],
    ['naam at gemeente dot nl', 'email'],
    ['bel ０６-１２３４５６７８', 'telefoon'], // full-width digits
    ['bel ٠٦-١٢٣٤٥٦٧٨', 'telefoon'], // Arabic-Indic digits
    ['bel ۰۶۱۲۳۴۵۶۷۸', 'telefoon'], // Extended Arabic-Indic (Persian) digits
    ['bel ०६ १२३४५६७८', 'telefoon'], // Devanagari digits
    ['bel O6-12345678', 'telefoon'], // letter O for the zero
    ['bel o6-1234567o', 'telefoon'],
    ['bel 06,12,34,56,78', 'telefoon'],
    ['bel 06/12/34/56/78', 'telefoon'],
    ['bel 06\u200B12345678', 'telefoon'],
    ['bsn 111.222.333', 'bsn'],
    ['bsn 111,222,333', 'bsn'],
    ['bsn １１１２２２３３３', 'bsn'],
    ['rekening DE89370400440532013000', 'iban'],
    ['rekening BE68539007547034', 'iban'],
    ['rekening NL91ABNA0417164300', 'iban'],
    ['rekening NL91 ABNA 0417 1643 00 van de melder', 'iban'],
    ['rekening nl91abna0417164300', 'iban'],
    ['IBAN GB29 NWBK 6016 1331 9268 19', 'iban'],
    ['IBAN FR14 2004 1010 0505 0001 3M02 606', 'iban'],
  ])('rejects %p as %s, naming the kind', (tekst, soort) => {
    const r = controleerPii(tekst);
    expect(r).toMatchObject({ ok: false, soort });
    if (!r.ok)
      expect(r.reden).toContain(
        ({ email: 'e-mailadres', telefoon: 'telefoonnummer', bsn: 'burgerservicenummer', iban: 'bankrekeningnummer (IBAN)' } as const)[
          soort as 'email'
        ],
      );
  });

  it.each([
    'Oktober: gesprek met de afdeling, foto2 besproken',
    '2 Oosterstraat is het kantoor',
    'Gesprek op 05/03/2026 en 5.3.2026',
    'Bedrag € 1.250.000,50 in 2025',
    'Zaaknummer 123456789',
    'We keken at the rules', // " at " without an address around it
    'BE68 5390 0754 7035', // wrong IBAN check digits
    'DE89370400440532013001',
    'Meldingen 3, 4 en 12',
  ])('accepts %p', (tekst) => {
    expect(controleerPii(tekst)).toEqual({ ok: true });
  });

  test('normalisation in one picture', () => {
    expect(normaliseerVoorPii('O6\u200B-١٢,٣٤ naam (at) x (dot) nl')).toBe('06-12 34 naam@x.nl');
  });

  test('isIban: the mod-97 check of the published examples', () => {
    for (const iban of ['NL91ABNA0417164300', 'DE89370400440532013000', 'BE68539007547034', 'GB29NWBK60161331926819'])
      expect(isIban(iban)).toBe(true);
    for (const iban of ['NL91ABNA0417164301', 'DE89370400440532013001', 'BE68539007547035', 'NL91']) expect(isIban(iban)).toBe(false);
  });
});

describe('vote guard: the object id is normalised before hashing', () => {
  test('ABC, abc and " abc " are one voter; def is another', async () => {
    const lokaal = LokaleStaat.open(':memory:');
    const db = lokaal.db;
    const slot = new StemSlot(lokaal, undefined, () => new Date('2026-11-25T10:00:00Z'));
    expect(await slot.claim('ABC', '2026-W48')).toBe(true);
    expect(await slot.claim('abc', '2026-W48')).toBe(false);
    expect(await slot.claim(' abc ', '2026-W48')).toBe(false);
    expect(await slot.heeftGestemd('Abc', '2026-W48')).toBe(true);
    expect(await slot.claim('def', '2026-W48')).toBe(true);
    expect((db.prepare('SELECT COUNT(*) AS n FROM tab_vote_guard').get() as { n: number }).n).toBe(2);
    db.close();
  });
  test('an AAD object id in upper and lower case is one voter', async () => {
    const lokaal = LokaleStaat.open(':memory:');
    const db = lokaal.db;
    const slot = new StemSlot(lokaal, 'geheim', () => new Date('2026-11-25T10:00:00Z'));
    expect(await slot.claim('6F1C2A3B-0D4E-4F5A-9B8C-7D6E5F4A3B2C', '2026-W48')).toBe(true);
    expect(await slot.claim('6f1c2a3b-0d4e-4f5a-9b8c-7d6e5f4a3b2c', '2026-W48')).toBe(false);
    db.close();
  });
});
