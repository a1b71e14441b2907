/**
 * PII guard for the few free-text fields that cards allow (e.g. a short note). The lists may hold no name,
 * e-mail address, phone number or free text about a person (DESIGN.md "SharePoint lists"); a note that contains
 * an e-mail address, a phone number or a burgerservicenummer (BSN) is rejected with a message that says why.
 *
 * What it catches (and what it cannot): e-mail addresses (also with spaces around the @ or "[at]"), Dutch and
 * international phone numbers (06-, 0xx-, +31, 0031 forms with spaces, dots, dashes or brackets; 10 digits for
 * national numbers, 9–15 for international ones), and 8- or 9-digit numbers that pass the BSN elfproef. Names
 * cannot be detected reliably; the cards therefore offer choice fields instead of text wherever possible.
 */

/** Why a text was rejected. */
export type PiiSoort = 'email' | 'telefoon' | 'bsn';

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

const EMAIL = /[A-Za-z0-9._%+-]+\s*(?:@|\[at\]|\(at\))\s*[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/i;
/** Dutch numbers: 0 + 9 digits with optional separators (06-12345678, 070 441 66 11, 0800-1234567). */
const NL_TELEFOON = /(?<![\d])0[1-9](?:[\s.\-/]?\(?\d\)?){8}(?![\d])/;
/** +31 / 0031 forms, with an optional (0): +31 6 12345678, +31 (0)70 4416611, 0031 70 4416611. */
const NL_INTERNATIONAAL = /(?:\+|\b00)\s?31[\s.\-]?(?:\(0\)[\s.\-]?)?[1-9](?:[\s.\-]?\d){7,8}(?![\d])/;
/** Dates are not phone numbers or BSNs (2026-03-05, 5-3-2026, 05/03/2026, 5.3.2026). */
const DATUM = /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g;
/** Runs of digits with optional separators (space . - / and brackets) and an optional leading + or 00. */
const DIGIT_RUN = /(?:\+|\b00)?\(?\d[\d\s.\-/()]{6,}\d/g;

const REDENEN: Record<PiiSoort, { nl: string; en: string }> = {
  email: {
    nl: 'Dit veld mag geen e-mailadres bevatten: de registratie bevat geen gegevens waarmee iemand te herkennen is.',
    en: 'This field may not contain an e-mail address: the register holds nothing that identifies a person.',
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
 * Check a free-text value before it is stored or shown back.
 * @returns `{ ok: true }` or the first kind of personal data found (e-mail, then phone, then BSN) with a reason
 *   in Dutch (`reden`) and English (`redenEn`). Never includes the offending text.
 */
export function controleerPii(tekst: string): PiiUitkomst {
  if (EMAIL.test(tekst)) return fout('email');
  const zonderDatums = tekst.replace(DATUM, ' ');
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
