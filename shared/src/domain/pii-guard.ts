/**
 * PII guard for the few free-text fields that cards allow (e.g. a short note). The lists may hold no name,
 * e-mail address, phone number, bank account or free text about a person (docs: lists hold metadata and codes);
 * a note that contains an e-mail address, an IBAN, a phone number or a burgerservicenummer (BSN) is rejected with
 * a message that says which kind was found.
 *
 * The text is normalised first ({@link normaliseerVoorPii}), so that the ways people (or a copy from a PDF) hide
 * the same number or address do not slip through: Unicode compatibility forms (NFKC: full-width `０６`, `＠`),
 * zero-width and bidi control characters, digits of any script (Arabic-Indic `٠٦`, Devanagari `०६`), the letter O
 * typed for a zero (`O6-…`), `(at)` / `[at]` / ` at ` for `@` and `(dot)` / `[dot]` for `.`, and `,` `.` `/` used
 * as separators between digit groups (`06,12,34,56,78`).
 *
 * What it then catches: e-mail addresses; IBANs of any country with a valid ISO 13616 mod-97 check digit
 * (`NL91ABNA0417164300`, `DE89370400440532013000`, `BE68539007547034`, also in groups of four); Dutch and
 * international phone numbers (06-, 0xx-, +31, 0031 forms; 10 digits for national numbers, 8–14 after the
 * country code for international ones); and 8- or 9-digit numbers that pass the BSN elfproef. Names cannot be
 * detected reliably; the cards therefore offer choice fields instead of text wherever possible.
 */

/** Which kind of personal data was found. */
export type PiiSoort = 'email' | 'iban' | 'telefoon' | 'bsn';

/** Result of `controleerPii`: `ok` or the first finding with a Dutch (and English) reason. */
export type PiiUitkomst = { ok: true } | { ok: false; soort: PiiSoort; reden: string; redenEn: string };

/**
 * The BSN elfproef (Basisregistratie Personen; Logius "Elfproef BSN"): for a 9-digit number d1…d9,
 * 9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − 1·d9 must be divisible by 11. 8-digit BSNs are
 * padded with a leading zero. All-zero is not a BSN.
 * @param digits a string of 8 or 9 digits (other input returns false).
 */
export function isBsn(digits: string): boolean {
  if (!/^\d{8,9}$/.test(digits)) return false;
  const n = digits.padStart(9, '0');
  if (/^0+$/.test(n)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(n[i]) * (9 - i);
  sum -= Number(n[8]);
  return sum % 11 === 0;
}

/**
 * The IBAN check (ISO 13616-1; ISO 7064 MOD 97-10): move the first four characters to the end, replace letters
 * by 10–35, and the number must leave remainder 1 when divided by 97. Any country; 15–34 characters.
 * @param iban without spaces, any case.
 */
export function isIban(iban: string): boolean {
  const s = iban.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  let rest = 0;
  for (const ch of s.slice(4) + s.slice(0, 4)) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/* ---------- normalisation ---------- */

/** Zero-width characters, soft hyphen, word joiners, BOM, and the bidi embedding/override/isolate controls. */
const ONZICHTBAAR = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const IS_CIJFER = /\p{Nd}/u;
const LETTER = /\p{L}/u;

/**
 * The value 0–9 of a decimal digit of any script. Unicode guarantees that every `Nd` digit belongs to a run of
 * ten consecutive code points from 0 to 9 (Unicode Stability Policy), so the value is the position in that run.
 */
function cijferWaarde(cp: number): number {
  let k = 0;
  while (IS_CIJFER.test(String.fromCodePoint(cp - k - 1))) k++;
  return k % 10;
}

/**
 * The text as the guard checks it: NFKC; invisible controls removed; every decimal digit as ASCII; a letter O/o
 * next to a digit (not inside a word) read as 0; `(at)`, `[at]`, `{at}`, ` at ` → `@`; `(dot)`, `[dot]`, `(punt)`,
 * ` dot ` → `.`; `,` `.` `/` between two digits → a space (so digit groups stay one number).
 */
export function normaliseerVoorPii(tekst: string): string {
  let s = tekst.normalize('NFKC').replace(ONZICHTBAAR, '');
  s = Array.from(s, (ch) => ((ch >= '0' && ch <= '9') || !IS_CIJFER.test(ch) ? ch : String(cijferWaarde(ch.codePointAt(0)!)))).join('');
  // O for 0: "O6-12345678", "2O26", "06-1234567O"; "Oktober", "foto2" and "2 Oosterstraat" stay as they are.
  for (let vorige = ''; vorige !== s;) {
    vorige = s;
    s = s.replace(/[Oo]/g, (o, i: number) => {
      const voor = s[i - 1] ?? '';
      const na = s[i + 1] ?? '';
      const cijferVoor = /\d/.test(voor);
      const cijferNa = /\d/.test(na);
      return (cijferVoor && cijferNa) || (cijferNa && !LETTER.test(voor)) || (cijferVoor && !LETTER.test(na)) ? '0' : o;
    });
  }
  s = s
    .replace(/\s*[([{]\s*(?:at|apenstaartje)\s*[)\]}]\s*/gi, '@')
    .replace(/\s*[([{]\s*(?:dot|punt)\s*[)\]}]\s*/gi, '.')
    .replace(/(?<=[\w.-])\s+at\s+(?=[\w-])/gi, '@')
    .replace(/(?<=@[\w.-]*\w)\s+dot\s+(?=\w)/gi, '.');
  return s.replace(/(?<=\d)[,./](?=\d)/g, ' ');
}

/* ---------- detection ---------- */

const EMAIL = /[\p{L}\p{N}._%+-]+\s*@\s*[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
/** Dutch numbers: 0 + 9 digits with optional separators (06-12345678, 070 441 66 11, 0800-1234567). */
const NL_TELEFOON = /(?<![\d])0[1-9](?:[\s./-]?\(?\d\)?){8}(?![\d])/;
/** +31 / 0031 forms, with an optional (0): +31 6 12345678, +31 (0)70 4416611, 0031 70 4416611. */
const NL_INTERNATIONAAL = /(?:\+|\b00)\s?31[\s.-]?(?:\(0\)[\s.-]?)?[1-9](?:[\s.-]?\d){7,8}(?![\d])/;
/** Dates are not phone numbers or BSNs (2026-03-05, 5-3-2026, 05 03 2026 after normalising 05/03/2026). */
const DATUM = /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[-/. ]\d{1,2}[-/. ](?:19|20)\d{2}\b|\b\d{1,2}-\d{1,2}-\d{2}\b/g;
/** Runs of digits with optional separators (space . - / and brackets) and an optional leading + or 00. */
const DIGIT_RUN = /(?:\+|\b00)?\(?\d[\d\s.\-/()]{6,}\d/g;
/** Start of a possible IBAN: country code and check digits, then letters/digits, optionally in groups. */
const IBAN_BEGIN = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:\s?[A-Za-z0-9]){11,34}/g;

const REDENEN: Record<PiiSoort, { nl: string; en: string }> = {
  email: {
    nl: 'Dit veld mag geen e-mailadres bevatten: de registratie bevat geen gegevens waarmee iemand te herkennen is.',
    en: 'This field may not contain an e-mail address: the register holds nothing that identifies a person.',
  },
  iban: {
    nl: 'Dit veld mag geen bankrekeningnummer (IBAN) bevatten: de registratie bevat geen gegevens waarmee iemand te herkennen is.',
    en: 'This field may not contain a bank account number (IBAN): the register holds nothing that identifies a person.',
  },
  telefoon: {
    nl: 'Dit veld mag geen telefoonnummer bevatten: de registratie bevat geen gegevens waarmee iemand te herkennen is.',
    en: 'This field may not contain a phone number: the register holds nothing that identifies a person.',
  },
  bsn: {
    nl: 'Dit veld mag geen burgerservicenummer (BSN) bevatten: de registratie bevat geen gegevens waarmee iemand te herkennen is.',
    en: 'This field may not contain a citizen service number (BSN): the register holds nothing that identifies a person.',
  },
};

function fout(soort: PiiSoort): PiiUitkomst {
  return { ok: false, soort, reden: REDENEN[soort].nl, redenEn: REDENEN[soort].en };
}

/** True when the digit run looks like a phone number (national 0 + 9 digits, or international +/00 + 8–14). */
function isTelefoon(run: string): boolean {
  const digits = run.replace(/\D/g, '');
  const international = /^\s*(\+|00)/.test(run);
  if (international) {
    const rest = run.trim().startsWith('+') ? digits : digits.slice(2);
    return rest.length >= 8 && rest.length <= 14;
  }
  return digits.length === 10 && digits.startsWith('0');
}

/**
 * True when an IBAN with a valid check starts somewhere in `tekst`. Written in groups (`NL91 ABNA 0417 1643 00`)
 * the candidate may only end where a group ends, so the word after it is never taken in.
 */
function bevatIban(tekst: string): boolean {
  for (const m of tekst.matchAll(IBAN_BEGIN)) {
    const groepen = m[0].split(/\s/);
    for (let n = groepen.length; n >= 1; n--) {
      const kandidaat = groepen.slice(0, n).join('');
      if (kandidaat.length >= 15 && kandidaat.length <= 34 && isIban(kandidaat)) return true;
    }
  }
  return false;
}

/**
 * Check a free-text value before it is stored or shown back. The text is normalised first
 * ({@link normaliseerVoorPii}).
 * @returns `{ ok: true }` or the first kind of personal data found (e-mail, then IBAN, phone, BSN) with a
 *   reason in Dutch (`reden`) and English (`redenEn`) that names the kind. Never includes the offending text.
 */
export function controleerPii(tekst: string): PiiUitkomst {
  const genormaliseerd = normaliseerVoorPii(tekst);
  if (EMAIL.test(genormaliseerd)) return fout('email');
  if (bevatIban(genormaliseerd)) return fout('iban');
  const zonderDatums = genormaliseerd.replace(DATUM, ' ');
  if (NL_TELEFOON.test(zonderDatums) || NL_INTERNATIONAAL.test(zonderDatums)) return fout('telefoon');
  const runs = zonderDatums.match(DIGIT_RUN) ?? [];
  for (const run of runs) if (isTelefoon(run)) return fout('telefoon');
  // A BSN written with or without separators (123456782, 1234.56.782, 123 456 782).
  for (const run of runs) {
    const digits = run.replace(/\D/g, '');
    if (isBsn(digits)) return fout('bsn');
  }
  for (const m of zonderDatums.match(/(?<!\d)\d{8,9}(?!\d)/g) ?? []) if (isBsn(m)) return fout('bsn');
  return { ok: true };
}

/* ---------- soft check: a name in a note ---------- */

/**
 * Common Dutch first names (lower case), taken from the most frequent names of people born 1950–2020. Names that are
 * also ordinary words or abbreviations ("ben", "max", "roos", "fleur", "jan." for januari when not followed by a
 * surname, "mark", "bas" …) are left out, because the check must not flag ordinary sentences.
 */
const VOORNAMEN = new Set(
  (
    'jan piet kees henk gerrit johan peter hans willem wim joost pieter erik eric frank marco martin michel paul rob ' +
    'richard ronald rene robert sander stefan thomas tom tim bart jeroen jasper koen maarten niels ruud vincent wouter ' +
    'daan sem lucas luuk levi noah finn liam milan jesse thijs lars bram ruben stijn sven tijn jayden mohammed mohamed ' +
    'ahmed youssef ali mustafa anton arie bert cor dirk evert fred gert harm hendrik jaap jacob joop karel klaas ' +
    'leo marcel nico theo ton wilco edwin dennis patrick mike kevin nick jeffrey danny ' +
    'maria anna johanna elisabeth cornelia wilhelmina geertje hendrika ingrid linda monique petra sandra marieke ' +
    'marloes saskia esther ellen annemieke wendy yvonne kim lisa sanne lotte anouk emma julia sophie tess zoe ' +
    'sara eva noor nora lieke fenna isa mila olivia yara ilse iris femke manon nicole miranda astrid bianca ' +
    'carla caroline claudia diana els ester gerda hanneke hilde inge janneke jolanda karin lia marjolein ' +
    'mieke mirjam natasja nathalie paula renate rianne sabine simone tineke truus wilma fatima aisha khadija ' +
    'samira latifa nadia'
  ).split(/\s+/),
);
/** Dutch surname particles (tussenvoegsels), longest first. */
const TUSSENVOEGSEL = "(?:van der|van den|van de|van 't|in 't|op de|van|de|der|den|ter|ten|te|'t)";
const NAAM_PATRONEN = [
  // "jan de vries", "Piet van der Berg": a first name, particles, a word.
  new RegExp(`(?<![\\p{L}])(\\p{L}+)\\s+${TUSSENVOEGSEL}\\s+(\\p{L}{2,})`, 'giu'),
  // "Jan Jansen": a capitalised first name and a capitalised word.
  new RegExp(`(?<![\\p{L}])(\\p{Lu}\\p{Ll}+)\\s+(\\p{Lu}\\p{Ll}{2,})`, 'gu'),
];
/** "meneer Jansen", "mevrouw de Boer", "dhr. Bakker": a form of address and a capitalised name. */
const AANSPREKING = new RegExp(
  `(?<![\\p{L}])(?:[Mm]eneer|[Mm]evrouw|[Mm]evr\\.?|[Dd]hr\\.?|[Mm]w\\.?)\\s+(?:${TUSSENVOEGSEL}\\s+)?\\p{Lu}\\p{Ll}+`,
  'gu',
);

/**
 * Soft check for a person's name in a short note (not part of {@link controleerPii}, which guards the lists and
 * refuses): a common Dutch first name followed by surname particles and a word ("jan de vries") or by a
 * capitalised word ("Jan Jansen"), or a form of address with a name ("meneer Jansen"). Names cannot be detected
 * reliably (see the module comment); this catches the usual patterns and is meant for a warning the user can
 * overrule. Measured on the meldwijzer corpus (tests/fixtures/meldwijzer-corpus.json, 863 ordinary sentences):
 * none flagged (tests/unit/pii-guard.test.ts).
 * @returns the text that looks like a name, or undefined.
 */
export function vindNaam(tekst: string): string | undefined {
  const t = normaliseerVoorPii(tekst);
  for (const patroon of NAAM_PATRONEN)
    for (const m of t.matchAll(patroon))
      // "12 jan de hele dag": after a number "jan" is the month, not a name.
      if (VOORNAMEN.has(m[1].toLowerCase()) && !/\d\s*$/.test(t.slice(0, m.index))) return m[0];
  return t.match(AANSPREKING)?.[0];
}
