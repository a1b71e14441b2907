/**
 * The parts of the message catalogue that need no messages: the locale type, locale detection, config texts
 * and filling placeholders. Split from `index.ts` so the tab's first page can translate with its own
 * messages only (`./tab.ts`) instead of loading every feature's catalogue.
 */
export type Locale = 'nl' | 'en';

/** Messages per locale, as each `messages/<feature>.ts` exports them. */
export type Catalogue = { nl: Record<string, string>; en: Record<string, string> };

/** `c` with every key prefixed (`metVoorvoegsel('tab.', c)`: `laden` becomes `tab.laden`), as the merged catalogue keys it. */
export function metVoorvoegsel(voorvoegsel: string, c: Catalogue): Catalogue {
  const met = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [voorvoegsel + k, v]));
  return { nl: met(c.nl), en: met(c.en) };
}

/** `nl` unless the locale (e.g. Teams `en-US`, `en-GB`) is English. */
export function toLocale(teamsLocale: string | undefined | null): Locale {
  return teamsLocale && /^en\b/i.test(teamsLocale) ? 'en' : 'nl';
}

/** Pick the text for `locale` from a config text `{ nl, en? }` (English falls back to Dutch). */
export function tekstIn(locale: Locale, tekst: { nl: string; en?: string }): string {
  return locale === 'en' ? (tekst.en ?? tekst.nl) : tekst.nl;
}

/**
 * The number a text parameter shows, for choosing a plural: `"2"`, `"1.5"`, and counts already written in the
 * reader's notation with thousands grouped (`"1.000"` nl, `"1,000"` en: 1000, never 1). Anything else (a
 * suppressed `"<5"`, a word) is undefined and takes `other`.
 */
function getalUit(waarde: string, locale: Locale): number | undefined {
  const groep = locale === 'en' ? ',' : '.';
  const gegroepeerd = new RegExp(`^-?\\d{1,3}(\\${groep}\\d{3})+$`).test(waarde);
  const s = gegroepeerd ? waarde.split(groep).join('') : waarde;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
}

/**
 * ICU-style plurals in a catalogue text: `{n, plural, =0 {geen plaatsen} one {# plaats} other {# plaatsen}}`
 * picks the branch for `params.n` by an exact `=N` match first, then by `Intl.PluralRules` of `locale`
 * (`one`, `other`; Dutch and English have only these two), and replaces `#` by the number. A text parameter
 * is read as the number it shows (`getalUit`: "1.000" is a thousand); one that is no number (e.g. a suppressed `<5`)
 * takes `other`. Branches may hold `{name}` placeholders and further plurals.
 * A plural whose parameter is missing, or that is malformed, is left as written (visible, never a crash).
 */
export function kiesMeervouden(template: string, locale: Locale, params: Record<string, string | number>): string {
  const start = /\{(\w+),\s*plural,/g;
  let out = '';
  let vanaf = 0;
  for (let m = start.exec(template); m; m = start.exec(template)) {
    const naam = m[1];
    const takken = new Map<string, string>();
    let i = m.index + m[0].length;
    let eind = -1;
    for (;;) {
      while (/\s/.test(template[i] ?? '')) i++;
      if (template[i] === '}') {
        eind = i + 1;
        break;
      }
      const sel = /^(=\d+|\w+)\s*\{/.exec(template.slice(i));
      if (!sel) break;
      let diepte = 1;
      let j = i + sel[0].length;
      for (; j < template.length && diepte > 0; j++) diepte += template[j] === '{' ? 1 : template[j] === '}' ? -1 : 0;
      if (diepte > 0) break;
      takken.set(sel[1], template.slice(i + sel[0].length, j - 1));
      i = j;
    }
    if (eind < 0 || !(naam in params) || !takken.has('other')) continue;
    const waarde = params[naam];
    const n = typeof waarde === 'number' ? waarde : getalUit(waarde, locale);
    const regel = n === undefined ? 'other' : new Intl.PluralRules(locale === 'en' ? 'en-GB' : 'nl-NL').select(n);
    const tak = (n !== undefined ? takken.get(`=${n}`) : undefined) ?? takken.get(regel) ?? takken.get('other')!;
    out += template.slice(vanaf, m.index) + kiesMeervouden(tak, locale, params).replace(/#/g, String(waarde));
    vanaf = eind;
    start.lastIndex = eind;
  }
  return out + template.slice(vanaf);
}

/**
 * The message `key` of `catalogus` in `locale` with plurals chosen (`kiesMeervouden`) and `{name}` placeholders
 * filled from `params`. Falls back to Dutch, then to the key itself (so a missing message is visible, never a crash).
 */
export function vertaalUit(
  catalogus: Record<Locale, Record<string, string>>,
  locale: Locale,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const template = kiesMeervouden(catalogus[locale][key] ?? catalogus.nl[key] ?? key, locale, params);
  return template.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}
