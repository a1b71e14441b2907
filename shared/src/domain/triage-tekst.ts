import { newStemmer, type Stemmer } from 'snowball-stemmers';

/**
 * Text handling for the meldwijzer triage: normalising, language guess, Snowball stemming (Dutch and
 * English, `snowball-stemmers`), Dutch compound splitting and the features the classifier counts.
 * Pure and in memory: nothing here stores or logs the text (the stem cache holds single words only,
 * never a sentence, and is bounded).
 */

/** Anything but printable ASCII, tab or newline: then the text may carry diacritics (the full path is right for any text). */
const NIET_ASCII = /[^ -~\t\n\r]/;

/** Lower case, without diacritics, punctuation as spaces, single-spaced: "Geïntimideerd!" → "geintimideerd". */
export function normaliseer(text: string): string {
  // Plain ASCII (most chat text) has no diacritics to take off: skip the Unicode decomposition.
  return (NIET_ASCII.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text)
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export type Taal = 'nl' | 'en';

/** Function words per language: for the language guess, and never a feature on their own. */
const NL_FUNCTIE =
  'de het een en of in op aan van voor met bij door naar over uit als dat die dit deze wat wie waar hoe ik je jij u hij zij ze we wij mij me mijn jouw zijn haar ons onze hun er is was wordt werd word heb heeft hebben had niet geen wel ook nog al dan maar want omdat zo te om tot mag kan moet zou wil kun kunnen mogen moeten even steeds toch eigenlijk echt gewoon iets iemand hem mee ben bent zijn zeg zegt gaat doet doen daar hier nu wanneer welke waarom alles elke elk iedere ieder mn m n zn ge gij'.split(
    ' ',
  );
const EN_FUNCTIE =
  'the a an and or in on at of for with by to from about as that this these those what who where how i you he she it we they me my your his her our their is was are were be been am have has had not no yes also still but because so too very all some any do does did can could may might should would will shall must if then than there here when which why just really even im its dont doesnt didnt cant keeps keep get gets got him them us'.split(
    ' ',
  );
const NL_SET = new Set(NL_FUNCTIE);
const EN_SET = new Set(EN_FUNCTIE);
/** Words in both lists that say nothing about the language ("in", "is", "me", "we"…). */
const BEIDE = new Set(NL_FUNCTIE.filter((w) => EN_SET.has(w)));

/** Is `w` a function word (of either language)? */
export function isFunctiewoord(w: string): boolean {
  return NL_SET.has(w) || EN_SET.has(w);
}

/** Guess the language from function words; Dutch when undecided (the organisations are Dutch). */
export function raadTaal(woorden: readonly string[]): Taal {
  let nl = 0;
  let en = 0;
  for (const w of woorden) {
    if (BEIDE.has(w)) continue;
    if (NL_SET.has(w)) nl++;
    else if (EN_SET.has(w)) en++;
  }
  return en > nl ? 'en' : 'nl';
}

const STEMMERS: Record<Taal, Stemmer> = { nl: newStemmer('dutch'), en: newStemmer('english') };
/** Per-word stem cache (words only), emptied when it grows past this size. */
const MAX_CACHE = 50_000;
const stemCache: Record<Taal, Map<string, string>> = { nl: new Map(), en: new Map() };

/** Snowball stem of one normalised word in `taal` ("geintimideerd" → "geintimideerd", "harassing" → "harass"). */
export function stam(woord: string, taal: Taal): string {
  const cache = stemCache[taal];
  let s = cache.get(woord);
  if (s === undefined) {
    if (cache.size >= MAX_CACHE) cache.clear();
    s = STEMMERS[taal].stem(woord);
    cache.set(woord, s);
  }
  return s;
}

/** Dutch linking elements between compound parts ("uitkering-s-gesprek", "boek-en-kast"). */
const TUSSENKLANKEN = ['s', 'en', 'e', ''];
/** Shortest part of a compound that counts (shorter ones are too often chance: "is", "op"). */
const MIN_DEEL = 4;

/**
 * Split a Dutch compound into two known parts: "kantoorspullen" → ["kantoor", "spullen"],
 * "uitkeringsgesprek" → ["uitkering", "gesprek"]. `bekend(w)` says whether a word (a normalised word
 * or its stem) is in the vocabulary. The split with the longest known head wins; the head may end in a
 * linking s/e/en. Returns [] when no split into two known parts exists (the word stays whole).
 */
export function splitsSamenstelling(woord: string, bekend: (deel: string) => boolean): string[] {
  if (woord.length < 2 * MIN_DEEL) return [];
  for (let i = woord.length - MIN_DEEL; i >= MIN_DEEL; i--) {
    const staart = woord.slice(i);
    if (!bekend(staart)) continue;
    for (const tk of TUSSENKLANKEN) {
      const eind = i - tk.length;
      if (eind < MIN_DEEL || woord.slice(eind, i) !== tk) continue;
      const kop = woord.slice(0, eind);
      if (bekend(kop)) return [kop, staart];
    }
  }
  return [];
}

/** The words of a normalised text, its language, and the stems of its content words (in order). */
export interface Tekstanalyse {
  woorden: string[];
  taal: Taal;
  /** Stems of the non-function words, in text order; a split compound contributes its parts' stems too. */
  stammen: string[];
}

/**
 * Analyse a normalised text: language, stems of content words, compound parts.
 * @param bekend vocabulary test for compound parts (normalised word or stem); omit to skip splitting.
 */
export function analyseer(genormaliseerd: string, bekend?: (deel: string) => boolean): Tekstanalyse {
  const woorden = genormaliseerd ? genormaliseerd.split(' ') : [];
  const taal = raadTaal(woorden);
  const stammen: string[] = [];
  for (const w of woorden) {
    if (isFunctiewoord(w) || w.length < 2) continue;
    const s = stam(w, taal);
    stammen.push(s);
    if (bekend && taal === 'nl' && !bekend(s) && w.length >= 2 * MIN_DEEL) {
      for (const deel of splitsSamenstelling(w, bekend)) stammen.push(stam(deel, taal));
    }
  }
  return { woorden, taal, stammen };
}

/**
 * Features for the classifier: every stem, and every pair of neighbouring stems ("neem|geld") —
 * bigrams catch "neemt geld" vs "krijgt geld" that unigrams cannot tell apart.
 */
export function kenmerken(stammen: readonly string[]): string[] {
  const out = [...stammen];
  for (let i = 1; i < stammen.length; i++) out.push(`${stammen[i - 1]}|${stammen[i]}`);
  return out;
}

/**
 * Phrases (normalised words separated by single spaces), indexed by their first word, so finding which occur
 * in a text costs time in proportion to the text, not to the number of phrases. A phrase occurs when its
 * words are consecutive whole words of the text; the last word may carry up to `rek` extra letters
 * when it has at least 4 letters (2: plurals and inflections, "collegas"; Infinity: any ending, "vermoed" → "vermoedt").
 */
export class ZinIndex<T> {
  private readonly perEerste = new Map<string, { woorden: string[]; waarde: T }[]>();
  private readonly rek: number;
  private readonly langste: number;
  /** The distinct lengths of the phrases' first words, longest first (the only prefixes worth looking up). */
  private readonly lengtes: number[];
  /** Per word length n (up to `langste`): the index in `lengtes` of the first length ≤ n. */
  private readonly vanaf: Int32Array;
  /** The first 4 letters of every first word of 4+ letters: a text word whose own first 4 are not here takes no extra letters. */
  private readonly kop4 = new Set<string>();

  constructor(zinnen: Iterable<readonly [string, T]>, rek = 0) {
    this.rek = rek;
    let langste = 0;
    for (const [zin, waarde] of zinnen) {
      const woorden = zin.split(' ').filter(Boolean);
      if (woorden.length === 0) continue;
      langste = Math.max(langste, woorden[0].length);
      const lijst = this.perEerste.get(woorden[0]);
      if (lijst) lijst.push({ woorden, waarde });
      else this.perEerste.set(woorden[0], [{ woorden, waarde }]);
      if (woorden[0].length >= 4) this.kop4.add(woorden[0].slice(0, 4));
    }
    this.langste = langste;
    this.lengtes = [...new Set([...this.perEerste.keys()].map((k) => k.length))].sort((a, b) => b - a);
    this.vanaf = new Int32Array(langste + 1);
    for (let n = 0; n <= langste; n++) {
      const i = this.lengtes.findIndex((l) => l <= n);
      this.vanaf[n] = i < 0 ? this.lengtes.length : i;
    }
  }

  /** Every occurrence: the phrase's value and the index of its first word in `woorden`. */
  vind(woorden: readonly string[]): { waarde: T; pos: number }[] {
    const uit: { waarde: T; pos: number }[] = [];
    for (let i = 0; i < woorden.length; i++) {
      const w = woorden[i];
      const maxKnip = Math.min(this.rek, w.length - 1, Math.max(0, w.length - 1));
      // Extra letters only after a first word of 4+ letters, so the word's own first 4 must begin one.
      const rekt = maxKnip > 0 && w.length > 4 && this.kop4.has(w.slice(0, 4));
      // Prefixes of w, longest first (knip = 0, 1, 2 …), only at the lengths some first word has (each lookup slices
      // and hashes a new string).
      for (let li = w.length > this.langste ? 0 : this.vanaf[w.length]; li < this.lengtes.length; li++) {
        const lengte = this.lengtes[li];
        const knip = w.length - lengte;
        // A short word takes no extra letters ("boa" is not "board", "ceo" not "ceos"… list such forms).
        if (knip > 0 && (!rekt || knip > maxKnip || lengte < 4)) break;
        const kandidaten = this.perEerste.get(knip === 0 ? w : w.slice(0, lengte));
        if (!kandidaten) continue;
        for (const k of kandidaten) {
          const n = k.woorden.length;
          if (n === 1) {
            uit.push({ waarde: k.waarde, pos: i });
            continue;
          }
          if (knip > 0 || i + n > woorden.length) continue;
          let past = true;
          for (let j = 1; j < n && past; j++) {
            const tw = woorden[i + j];
            const pw = k.woorden[j];
            past = j < n - 1 ? tw === pw : tw === pw || (tw.startsWith(pw) && tw.length - pw.length <= this.rek);
          }
          if (past) uit.push({ waarde: k.waarde, pos: i });
        }
      }
    }
    return uit;
  }

  /** Does any phrase occur in `woorden`? */
  bevat(woorden: readonly string[]): boolean {
    return this.vind(woorden).length > 0;
  }
}

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early above `max`. */
export function bewerkingsafstand(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length + 1;
  if (RIJEN.length < 3 * n) RIJEN = new Int32Array(3 * n * 2);
  // Three rows in one reused buffer: prev2 (i-2), prev (i-1), cur (i).
  let p2 = 0;
  let p1 = n;
  let c = 2 * n;
  for (let j = 0; j < n; j++) RIJEN[p1 + j] = j;
  for (let i = 1; i <= a.length; i++) {
    RIJEN[c] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(RIJEN[p1 + j] + 1, RIJEN[c + j - 1] + 1, RIJEN[p1 + j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, RIJEN[p2 + j - 2] + 1);
      RIJEN[c + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = p2;
    p2 = p1;
    p1 = c;
    c = t;
  }
  return RIJEN[p1 + n - 1];
}
let RIJEN = new Int32Array(96);
