/**
 * CSV/formula injection in exports (OWASP "CSV Injection": https://owasp.org/www-community/attacks/CSV_Injection).
 * A spreadsheet treats a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula
 * (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`). Text cells that HR opens in Excel therefore get a leading `'`, which
 * OWASP recommends; numbers are written as numbers and never prefixed.
 *
 * The escape is reversible, so an export imports back unchanged: a value that already starts with `'` followed by
 * a trigger (or by more `'`) gets one more `'`, and import removes exactly one.
 */

/** A text value that, written as is, a spreadsheet could read as a formula (after any leading `'`). */
const GEVAARLIJK = /^'*[=+\-@\t\r]/;

/** `'` + `tekst` when a spreadsheet would otherwise read it as a formula; else `tekst` unchanged. */
export function neutraliseerFormule(tekst: string): string {
  return GEVAARLIJK.test(tekst) ? `'${tekst}` : tekst;
}

/** The inverse of {@link neutraliseerFormule}: removes the one `'` that it added, nothing else. */
export function herstelFormule(cel: string): string {
  return cel.startsWith("'") && GEVAARLIJK.test(cel.slice(1)) ? cel.slice(1) : cel;
}
