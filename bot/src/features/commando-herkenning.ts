import { bewerkingsafstand } from '@shared/domain/triage';
import { isFunctiewoord, normaliseer, stam } from '@shared/domain/triage-tekst';
import type { Feature } from './feature';

/**
 * Typed commands in the employee's own words ("ik wil de eed afleggen", "termijnen wbk", "nevenwerk beoordeln",
 * "I want to declare outside activities") → the feature command they mean. The dispatcher (`bot/src/bot.ts`) asks
 * this after the exact command match and before the meldwijzer's triage; what is not claimed here goes to the
 * triage as before. The features' declared commands (and the intent synonyms declared next to them in each
 * feature's `index.ts`) are the only vocabulary; the feature that takes free text (the meldwijzer) is skipped: its
 * triage understands its own words ("help", "menu").
 *
 * Only short, command-like texts are claimed. A text is claimed for a command phrase when, after the fillers
 * ("ik wil", "graag", "hoe kan ik", "please", "I want to", function words) are left off:
 *   1. it has at most {@link MAX_WOORDEN} words and {@link MAX_KERN} content words;
 *   2. it asks no permission or obligation question ("mag ik", "moet ik", "is het erg", "may I", "should I": those
 *      are dilemmas and FAQ questions for the triage, whose answer offers the feature's start button);
 *   3. every content word of the phrase occurs in the text (same word, same Snowball stem in Dutch or English,
 *      the text's word extends it — "nevenwerkzaamheden" — or a typo: one edit, two from 9 letters, same first
 *      letter, as the triage's `bewerkingsafstand`); a phrase with "mijn"/"my" needs "mijn"/"my" in the text;
 *   4. every content word of the text is a word of the same action's phrases or a general command word
 *      ({@link COMMANDOWOORDEN}: plannen, melden, bekijken, overzicht, show, book, overview…). One word about
 *      people or conduct ("collega", "leidinggevende", "geschonden", "leverancier") and the text is the triage's.
 * A Dutch compound of a phrase word and a known word is also read as its two parts ("vogaanvraag" → vog +
 * aanvraag, "eedaflegging", "nevenwerkoverzicht"); that reading wins only when it claims a phrase with more content
 * words than the word as typed. Of the phrases that qualify, the one with the most content words wins; "mijn"/"my"
 * in both text and phrase breaks a tie ("mijn nevenwerk" → nevenwerk.mijn, "nevenwerk" → nevenwerk.menu); a tie
 * between two actions claims nothing. A text with a content word that is no phrase word, general word or such a
 * compound is left at once (most meldingen: a few µs). Roles are not checked here: the kit refuses a command
 * another role owns, as for a typed exact command.
 * Measured on tests/fixtures/commando-corpus.json and against tests/fixtures/meldwijzer-corpus.json
 * (`npm run bench -- commando`). Pure and in memory; nothing is logged or stored.
 */

/** A text with more words than this is not a command (a description of what happened is longer). */
export const MAX_WOORDEN = 12;
/** At most this many content words once fillers and function words are left off. */
export const MAX_KERN = 6;

/** What the recogniser claimed: the feature and its declared command (a key of the feature's commands). */
export interface CommandoTreffer {
  feature: Feature;
  commando: string;
}

/**
 * General command words (Dutch and English) that may stand beside any command's own words: the verbs and nouns
 * of asking a bot to do something, and the politeness around it. Never words about people or conduct.
 */
export const COMMANDOWOORDEN: readonly string[] = [
  // Dutch
  'plannen',
  'inplannen',
  'plan',
  'afleggen',
  'doen',
  'regelen',
  'aanvragen',
  'aanmelden',
  'inschrijven',
  'melden',
  'doorgeven',
  'opgeven',
  'invullen',
  'tekenen',
  'ondertekenen',
  'bekijken',
  'zien',
  'tonen',
  'laten',
  'checken',
  'controleren',
  'status',
  'stand',
  'staat',
  'ervoor',
  'overzicht',
  'lijst',
  'inzien',
  'opvragen',
  'starten',
  'beginnen',
  'openen',
  'maken',
  'aanmaken',
  'toevoegen',
  'boeken',
  'registreren',
  'vastleggen',
  'formulier',
  'nieuw',
  'nieuwe',
  'graag',
  'willen',
  'wilt',
  'alsjeblieft',
  'alstublieft',
  'aub',
  'svp',
  'pls',
  'plz',
  'please',
  'snel',
  'ff',
  'effe',
  'hallo',
  'hoi',
  'hey',
  'bot',
  // English
  'schedule',
  'book',
  'register',
  'show',
  'see',
  'view',
  'submit',
  'sign',
  'take',
  'fill',
  'apply',
  'declare',
  'report',
  'record',
  'log',
  'list',
  'check',
  'overview',
  'new',
  'add',
  'create',
  'up',
  'open',
  'start',
  'need',
  'want',
  'like',
  'wanna',
  'hi',
  'hello',
];

/**
 * Permission and obligation questions and doubts (normalised phrases): such a text is a dilemma or an FAQ
 * question, answered by the triage (`shared/src/domain/triage-vraag.ts`), never a command.
 */
export const VRAAGVORMEN: readonly string[] = [
  'mag ik',
  'mag je',
  'mag dat',
  'mag het',
  'mogen we',
  'mogen wij',
  'moet ik',
  'moet je',
  'moeten we',
  'moeten wij',
  'hoef ik',
  'is het',
  'is dat',
  'kan dat',
  'toegestaan',
  'verplicht',
  'erg',
  'wat als',
  'may i',
  'must i',
  'should i',
  'do i have to',
  'do i need to',
  'is it',
  'am i allowed',
  'allowed',
  'required',
  'what if',
];

const MIJN = new Set(['mijn', 'mn', 'mijne', 'my']);

/** One word, with its Dutch and English stems. */
interface Woord {
  w: string;
  nl: string;
  en: string;
}
const woord = (w: string): Woord => ({ w, nl: stam(w, 'nl'), en: stam(w, 'en') });

/** One declared command phrase, compiled. */
interface Zin {
  feature: Feature;
  commando: string;
  /** The action (or, without the kit's table, the feature id) whose phrases form one vocabulary. */
  groep: string;
  kern: Woord[];
  mijn: boolean;
}
interface Index {
  zinnen: Zin[];
  woordenschat: Map<string, Woord[]>;
  /** The words, Dutch stems and English stems of every phrase word and general word (`precies`). */
  woorden: Set<string>;
  nl: Set<string>;
  en: Set<string>;
  /** Phrase words and general words of 5 letters or more, by first letter: a text word that starts with one extends it. */
  stammen: Map<string, Woord[]>;
  /** Phrase words of 5 letters or more by first letter, for typos (general words take none). */
  perLetter: Map<string, Woord[]>;
  /** First parts of a compound: the phrase words and their Dutch stems of 3 letters or more, longest first. */
  koppen: string[];
}

const GEMEEN = COMMANDOWOORDEN.map(woord);
/** One pattern for all of {@link VRAAGVORMEN}, as whole words. */
const VRAGEN = new RegExp(`(?:^| )(?:${VRAAGVORMEN.join('|')})(?= |$)`);
const indexen = new WeakMap<readonly Feature[], Index>();

/** Content words of a normalised text (function words and single letters left off). */
function kernwoorden(woorden: readonly string[]): string[] {
  return woorden.filter((w) => w.length >= 2 && !isFunctiewoord(w) && !MIJN.has(w));
}

/** Words grouped by their first letter. */
function perEersteLetter(woorden: readonly Woord[]): Map<string, Woord[]> {
  const m = new Map<string, Woord[]>();
  for (const v of woorden) m.set(v.w[0], [...(m.get(v.w[0]) ?? []), v]);
  return m;
}

function bouwIndex(features: readonly Feature[]): Index {
  const zinnen: Zin[] = [];
  const woordenschat = new Map<string, Woord[]>();
  const alle = new Map<string, Woord>();
  for (const feature of features) {
    if (feature.onFreeText || !feature.onCommand) continue;
    const acties = (feature as { commandActies?: Readonly<Record<string, string>> }).commandActies;
    for (const commando of feature.commands) {
      const woorden = normaliseer(commando).split(' ').filter(Boolean);
      const kern = kernwoorden(woorden).map(woord);
      if (kern.length === 0) continue;
      const groep = acties?.[commando] ?? feature.id;
      zinnen.push({ feature, commando, groep, kern, mijn: woorden.some((w) => MIJN.has(w)) });
      const lijst = woordenschat.get(groep) ?? [];
      for (const k of kern) {
        if (!lijst.some((x) => x.w === k.w)) lijst.push(k);
        alle.set(k.w, k);
      }
      woordenschat.set(groep, lijst);
    }
  }
  const beide = [...alle.values(), ...GEMEEN];
  const koppen = new Set([...alle.values()].flatMap((v) => [v.w, v.nl]).filter((k) => k.length >= 3));
  return {
    zinnen,
    woordenschat,
    woorden: new Set(beide.map((v) => v.w)),
    nl: new Set(beide.map((v) => v.nl)),
    en: new Set(beide.map((v) => v.en)),
    stammen: perEersteLetter(beide.filter((v) => v.w.length >= 5)),
    perLetter: perEersteLetter([...alle.values()].filter((v) => v.w.length >= 5)),
    koppen: [...koppen].sort((x, y) => y.length - x.length),
  };
}

/**
 * Does the text's word `t` stand for the vocabulary word `v`: the same word, the same stem, an extension of it, or
 * (with `typos`) one edit away (two from 9 letters; the first letter the same)?
 */
function woordPast(t: Woord, v: Woord, typos = true): boolean {
  if (t.w === v.w) return true;
  if (t.nl.length >= 3 && (t.nl === v.nl || t.en === v.en)) return true;
  if (v.w.length >= 5 && t.w.startsWith(v.w)) return true;
  if (!typos) return false;
  return tikfout(t, v);
}

/** One edit away (two from 9 letters), the first letter the same, `v` at least 5 letters. */
function tikfout(t: Woord, v: Woord): boolean {
  if (v.w.length < 5 || t.w.length < 4 || t.w.charCodeAt(0) !== v.w.charCodeAt(0) || Math.abs(t.w.length - v.w.length) > 2) return false;
  const max = v.w.length >= 9 ? 2 : 1;
  return bewerkingsafstand(t.w, v.w, max) <= max;
}

/** Same word or same stem as a phrase word or a general word (`woordPast` without extension or typo): never split. */
const precies = (t: Woord, index: Index): boolean =>
  index.woorden.has(t.w) || (t.nl.length >= 3 && (index.nl.has(t.nl) || index.en.has(t.en)));

/** Is `t` a phrase word of some action (typos allowed) or a general command word (no typos)? As `woordPast`. */
const bekend = (t: Woord, index: Index): boolean =>
  precies(t, index) ||
  (index.stammen.get(t.w[0])?.some((v) => t.w.startsWith(v.w)) ?? false) ||
  (index.perLetter.get(t.w[0])?.some((v) => tikfout(t, v)) ?? false);

/** Dutch linking elements after the first part of a compound ("ambtseed-sessies", "vog-aanvraag", "eed-s-…"). */
const VOEGSELS = ['', 's', 'e'];

/**
 * A Dutch compound made of a phrase word and a known word, split in two: "vogaanvraag" → vog + aanvraag,
 * "eedaflegging" → eed + aflegging, "nevenwerkoverzicht" → nevenwerk + overzicht. The first part is a phrase word
 * (or its stem, "termijn" of "termijnen"; at least 3 letters), the second (at least 4 letters) a phrase word or a
 * general word; the longest first part wins. `undefined` when the word is no such compound.
 */
function splits(t: Woord, index: Index): [Woord, Woord] | undefined {
  if (t.w.length < 7) return undefined;
  for (const kop of index.koppen) {
    if (!t.w.startsWith(kop)) continue;
    for (const voeg of VOEGSELS) {
      const staart = t.w.slice(kop.length + voeg.length);
      if (staart.length < 4 || !t.w.startsWith(voeg, kop.length)) continue;
      const s = woord(staart);
      if (bekend(s, index)) return [woord(kop), s];
    }
  }
  return undefined;
}

/** The best phrase for the content words `kern` (see the module doc), with its score; a tie between actions: none. */
function besteZin(kern: readonly Woord[], mijn: boolean, index: Index): { zin?: Zin; score: number } {
  let beste: Zin | undefined;
  let besteScore = 0;
  let gelijk = false;
  for (const z of index.zinnen) {
    if (z.mijn && !mijn) continue;
    if (!z.kern.every((v) => kern.some((t) => woordPast(t, v)))) continue;
    const schat = index.woordenschat.get(z.groep) ?? [];
    if (!kern.every((t) => schat.some((v) => woordPast(t, v)) || GEMEEN.some((v) => woordPast(t, v, false)))) continue;
    const score = 4 * z.kern.length + (z.mijn === mijn ? 1 : 0);
    if (score > besteScore) {
      beste = z;
      besteScore = score;
      gelijk = false;
    } else if (score === besteScore && beste && beste.groep !== z.groep) gelijk = true;
  }
  return gelijk ? { score: besteScore } : { zin: beste, score: besteScore };
}

/**
 * The feature command `tekst` asks for, or `undefined` when it is not a short command-like text (then it is the
 * triage's). See the module doc for the rules.
 * @param tekst what the employee typed, @mention already removed. Read only; never logged or kept.
 * @param features the bot's features (the compiled phrases are cached per array).
 */
export function herkenCommando(tekst: string, features: readonly Feature[]): CommandoTreffer | undefined {
  const zin = normaliseer(tekst);
  if (!zin) return undefined;
  const woorden = zin.split(' ');
  if (woorden.length > MAX_WOORDEN) return undefined;
  if (VRAGEN.test(zin)) return undefined;
  const kern = kernwoorden(woorden).map(woord);
  if (kern.length === 0 || kern.length > MAX_KERN) return undefined;
  const mijn = woorden.some((w) => MIJN.has(w));

  let index = indexen.get(features);
  if (!index) indexen.set(features, (index = bouwIndex(features)));
  // Each content word as typed, or (a compound of known words) as its two parts; a word that is neither a phrase
  // word, a general word nor such a compound ends the search (the common case for a melding: cheap).
  const gesplitst: Woord[] = [];
  let heelBekend = true;
  for (const t of kern) {
    const heelPrecies = precies(t, index);
    const delen = heelPrecies ? undefined : splits(t, index);
    const weet = heelPrecies || bekend(t, index);
    if (!delen && !weet) return undefined;
    heelBekend &&= weet;
    gesplitst.push(...(delen ?? [t]));
  }
  // The words as typed, unless the split reading claims a phrase with more content words ("nevenwerkoverzicht").
  const heel = heelBekend ? besteZin(kern, mijn, index) : { score: 0 };
  const split = gesplitst.length > kern.length && gesplitst.length <= MAX_KERN ? besteZin(gesplitst, mijn, index) : { score: 0 };
  const keuze = split.score > heel.score ? split : heel;
  return keuze.zin ? { feature: keuze.zin.feature, commando: keuze.zin.commando } : undefined;
}
