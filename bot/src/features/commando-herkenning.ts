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
 *      letter, as the triage's `bewerkingsafstand`);
 *   4. every content word of the text is a word of the same action's phrases or a general command word
 *      ({@link COMMANDOWOORDEN}: plannen, melden, bekijken, show, book…). One word about people or conduct
 *      ("collega", "leidinggevende", "geschonden", "leverancier") and the text is the triage's.
 * Of the phrases that qualify, the one with the most content words wins; "mijn"/"my" in both text and phrase
 * breaks a tie ("mijn nevenwerk" → nevenwerk.mijn, "nevenwerk" → nevenwerk.menu); a tie between two actions claims
 * nothing. Roles are not checked here: the kit refuses a command another role owns, as for a typed exact command.
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
  'starten',
  'beginnen',
  'openen',
  'maken',
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
}

const GEMEEN = COMMANDOWOORDEN.map(woord);
const VRAGEN = VRAAGVORMEN.map((v) => ` ${v} `);
const indexen = new WeakMap<readonly Feature[], Index>();

/** Content words of a normalised text (function words and single letters left off). */
function kernwoorden(woorden: readonly string[]): string[] {
  return woorden.filter((w) => w.length >= 2 && !isFunctiewoord(w) && !MIJN.has(w));
}

function bouwIndex(features: readonly Feature[]): Index {
  const zinnen: Zin[] = [];
  const woordenschat = new Map<string, Woord[]>();
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
      for (const k of kern) if (!lijst.some((x) => x.w === k.w)) lijst.push(k);
      woordenschat.set(groep, lijst);
    }
  }
  return { zinnen, woordenschat };
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
  if (v.w.length >= 5 && t.w.length >= 4 && t.w.charCodeAt(0) === v.w.charCodeAt(0) && Math.abs(t.w.length - v.w.length) <= 2) {
    const max = v.w.length >= 9 ? 2 : 1;
    return bewerkingsafstand(t.w, v.w, max) <= max;
  }
  return false;
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
  const omringd = ` ${zin} `;
  if (VRAGEN.some((v) => omringd.includes(v))) return undefined;
  const kern = kernwoorden(woorden).map(woord);
  if (kern.length === 0 || kern.length > MAX_KERN) return undefined;
  const mijn = woorden.some((w) => MIJN.has(w));

  let index = indexen.get(features);
  if (!index) indexen.set(features, (index = bouwIndex(features)));
  let beste: Zin | undefined;
  let besteScore = 0;
  let gelijk = false;
  for (const z of index.zinnen) {
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
  return beste && !gelijk ? { feature: beste.feature, commando: beste.commando } : undefined;
}
