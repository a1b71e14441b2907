import type { OrgConfig } from '../config/schema';
import type { Perspectief, TriageVraag } from './triage';
import { GESCHENKEN } from './triage-begrippen';
import { analyseer, normaliseer, type Taal } from './triage-tekst';

/**
 * Questions in a meldwijzer text: a match with one of the organisation's FAQ entries (`faq` in
 * config/<org>.yaml: `vraag` nl/en and `trefwoorden`), a privacy/anonymity question, or a request for help.
 * Pure, in memory; keeps nothing of the text.
 *
 * - dank: only thanks, with politeness and praise around it ("bedankt", "dank je wel!", "top, dank", "thanks
 *   for the help"); "bedankt, maar mag ik dan ook…" is no thank-you.
 * - help: the text, without greetings and fillers around it, is a help request ("help", "hulp", "wat kun je",
 *   "hallo, wat doet deze bot eigenlijk?", "what can you do", "menu"); only greetings ("hoi bot", "goedemorgen
 *   allemaal", "hello there") is a help request with `groet`.
 * - privacy: a question (a "?" or a question opening) that names anonymity, being traced or one's name
 *   ("Is deze chat anoniem?", "Blijf ik anoniem?"); or storing, keeping secret or someone else seeing,
 *   together with a word for this chat ("Wordt dit gesprek opgeslagen?", "Wie leest dit mee?",
 *   "Can my manager see this?") — so "Mag ik vertrouwelijke informatie delen?" stays a dilemma.
 * - faq: the entry whose question shares at least half of its content stems (two or more) with the text, or
 *   whose `trefwoorden` (or a word of the same family, e.g. "kerstpakket" for "geschenk") the text names in a
 *   question about one's own conduct.
 */

/** Word families a FAQ trefwoord stands for: naming one member names the family. */
const FAMILIES: readonly (readonly string[])[] = [
  GESCHENKEN,
  [
    'anoniem',
    'anonymous',
    'anonymously',
    'anonimiteit',
    'anonymity',
    'privacy',
    'opgeslagen',
    'bewaard',
    'stored',
    'saved',
    'logged',
    'meelezen',
    'meekijken',
  ],
  ['ambtseed', 'eed', 'belofte', 'oath', 'affirmation', 'eedaflegging', 'beedigd', 'beediging'],
  [
    'nevenwerkzaamheden',
    'nevenwerkzaamheid',
    'bijbaan',
    'bijbaantje',
    'nevenfunctie',
    'side job',
    'second job',
    'outside activities',
    'freelance',
    'zzp',
  ],
];

/** Privacy words that make a question a privacy question by themselves: anonymity, being traced, one's name. */
const PRIVACY = [
  'anoniem',
  'anonieme',
  'anonymous',
  'anonymously',
  'anonimiteit',
  'anonymity',
  'privacy',
  'herleidbaar',
  'herleiden',
  'traced',
  'traceable',
  'mijn naam',
  'my name',
  'zonder naam',
  'identiteit',
  'identity',
  'onder ons',
  'between us',
];
/**
 * Words about storing, seeing or keeping secret that make a privacy question only together with a word for
 * this chat (`HIER`): "Wordt dit gesprek opgeslagen?" is one, "Mag ik vertrouwelijke informatie delen?" or
 * "Mag ik dossiers inzien?" is not.
 */
const OPSLAG = [
  'opgeslagen',
  'opslaan',
  'slaat',
  'bewaar',
  'bewaard',
  'bewaart',
  'bewaren',
  'gelogd',
  'logt',
  'meelezen',
  'leest mee',
  'lezen mee',
  'meekijken',
  'kijkt mee',
  'terugzien',
  'terug zien',
  'te zien',
  'inzien',
  'vertrouwelijk',
  'geheim',
  'prive',
  'stored',
  'store',
  'saved',
  'save',
  'logged',
  'log',
  'logs',
  'recorded',
  'track',
  'tracked',
  'confidential',
  'private',
  'secret',
];
/** Seeing or knowing, when someone else (`KIJKERS`) might do it to this chat (`HIER`): "Kan mijn baas dit lezen?". */
const KIJKEN = [
  'lees',
  'leest',
  'lezen',
  'ziet',
  'zien',
  'zie',
  'kijkt',
  'kijken',
  'weet',
  'weten',
  'read',
  'reads',
  'see',
  'sees',
  'know',
  'knows',
  'erachter',
  'achterhalen',
  'find',
  'finds',
  'found',
];
const KIJKERS = [
  'wie',
  'iemand',
  'baas',
  'leidinggevende',
  'manager',
  'chef',
  'organisatie',
  'werkgever',
  'collega',
  'collegas',
  'hr',
  'it',
  'who',
  'anyone',
  'someone',
  'boss',
  'employer',
  'organisation',
  'organization',
  'colleague',
  'colleagues',
];
/** Words for this chat and what the employee types in it. */
const HIER = [
  'dit',
  'deze chat',
  'dit gesprek',
  'deze bot',
  'de bot',
  'hier',
  'wat ik',
  'dat ik',
  'mijn vraag',
  'mijn vragen',
  'mijn berichten',
  'chat',
  'gesprek',
  'berichten',
  'this',
  'the bot',
  'what i',
  'that i',
  'my question',
  'my questions',
  'my messages',
  'messages',
  'conversation',
];
/** Question openings (after normalising; the "?" itself is seen in the raw text). */
const VRAAGWOORDEN = [
  'is',
  'zijn',
  'wordt',
  'worden',
  'blijf',
  'blijft',
  'kan',
  'kunnen',
  'kun',
  'mag',
  'wie',
  'wat',
  'waar',
  'hoe',
  'weet',
  'ziet',
  'leest',
  'bewaart',
  'slaat',
  'does',
  'do',
  'is',
  'are',
  'will',
  'can',
  'who',
  'what',
  'where',
  'how',
  'am',
  'would',
];
/** Greetings and fillers around a help request ("hallo, wat kun je eigenlijk?"). */
const GROET = new Set(['hallo', 'hoi', 'hey', 'hee', 'hi', 'hello', 'goedemorgen', 'goedemiddag', 'goedenavond', 'dag', 'beste', 'bot']);
/** Greeting words a text of only greetings must have one of ("goedemorgen allemaal", "hoi bot", "hello there"). */
const GROETKERN = new Set([
  'hallo',
  'hoi',
  'hey',
  'hee',
  'heey',
  'hi',
  'hiya',
  'hello',
  'goedemorgen',
  'goeiemorgen',
  'goedemiddag',
  'goeiemiddag',
  'goedenavond',
  'goeienavond',
  'goedendag',
  'goeiedag',
  'morning',
]);
/** What may stand around a greeting in a text of only greetings. */
const GROETRAND = new Set([
  ...GROET,
  'daar',
  'allemaal',
  'iedereen',
  'meldwijzer',
  'there',
  'all',
  'everyone',
  'good',
  'afternoon',
  'evening',
]);
/** Thanks words a thank-you must have one of ("bedankt", "dank je wel", "top, dank", "thanks!"). */
const DANKKERN = new Set([
  'bedankt',
  'dank',
  'dankje',
  'dankjewel',
  'dankuwel',
  'bedankje',
  'thanks',
  'thank',
  'thankyou',
  'thx',
  'tnx',
  'merci',
  'cheers',
]);
/** What may stand around the thanks in a text of only thanks: politeness, praise, what it was for, a goodbye. */
const DANKRAND = new Set(
  (
    'je jij u jullie wel hartelijk heel erg zeer veel voor de het dit dat is was hulp info informatie uitleg antwoord ' +
    'antwoorden tip tips top super mooi fijn prima oke ok okay okee oki goed helder duidelijk perfect geweldig handig ' +
    'ah oh nou hoor ja alvast nogmaals weer echt zo doei dag groetjes bot meldwijzer you so very much a lot lots for ' +
    'the your help answer answers that this it is was helps helped helpful great nice cool awesome perfect yes again ' +
    'many really all bye'
  ).split(' '),
);
/** Every word is a `kern` or `rand` word, and one is a `kern` word. */
const alleen = (woorden: readonly string[], kern: ReadonlySet<string>, rand: ReadonlySet<string>): boolean =>
  woorden.some((w) => kern.has(w)) && woorden.every((w) => kern.has(w) || rand.has(w));
const VULLING = new Set(['eigenlijk', 'allemaal', 'nou', 'precies', 'dan', 'zoal', 'actually', 'exactly', 'then', 'please', 'aub', 'svp']);
const HELP = new Set([
  'help',
  'hulp',
  'helpen',
  'menu',
  'start',
  'opnieuw',
  'hallo',
  'hoi',
  'help me',
  'wat kun je',
  'wat kan je',
  'wat kun jij',
  'wat kan jij',
  'wat doe je',
  'wat doe jij',
  'wat kun je allemaal',
  'wat kan je allemaal',
  'wat kun je doen',
  'wat kan ik hier',
  'wat kan ik hier doen',
  'wat is dit',
  'hoe werkt dit',
  'hoe werkt deze bot',
  'wie ben je',
  'what can you do',
  'what do you do',
  'how does this work',
  'how does this bot work',
  'who are you',
  'what is this',
  'what can i do here',
  'what can i ask',
  'what can i ask you',
  'wat kan ik vragen',
  'wat kan ik aan jou vragen',
  'wat kan ik jou vragen',
  'wat kan ik je vragen',
  'wat kun je voor me doen',
  'wat kun je voor mij doen',
  'wat kun jij voor me doen',
  'wat kun jij voor mij doen',
  'wat kan je voor me doen',
  'wat kan je voor mij doen',
  'waar kun je mee helpen',
  'waar kan je mee helpen',
  'waar kun je me mee helpen',
  'waarmee kun je helpen',
  'wat doet deze bot',
  'wat doet de bot',
  'wat is deze bot',
  'wat ben jij',
  'wat ben je',
  'hoe werkt het',
  'help mij',
  'what can you help with',
  'what can you help me with',
  'what can you do for me',
  'how does it work',
  'what are you',
  'uitleg',
  'instructies',
  'instructions',
  'commands',
]);

interface FaqIndex {
  /** Content stems per entry (the question in both languages). */
  vraagStammen: Set<string>[];
  /** Per entry: the normalised trefwoorden, expanded with their word families. */
  trefwoorden: string[][];
}

const indexCache = new WeakMap<object, FaqIndex>();

function familieVan(term: string): readonly string[] {
  return FAMILIES.find((f) => f.includes(term)) ?? [term];
}

function bouwIndex(faq: OrgConfig['faq']): FaqIndex {
  const vraagStammen: Set<string>[] = [];
  const trefwoorden: string[][] = [];
  for (const entry of faq) {
    const stammen = new Set<string>();
    for (const [taal, tekst] of [
      ['nl', entry.vraag.nl],
      ['en', 'en' in entry.vraag ? entry.vraag.en : undefined],
    ] as [Taal, string | undefined][]) {
      if (!tekst) continue;
      for (const s of analyseer(normaliseer(tekst)).stammen) stammen.add(`${taal}:${s}`);
    }
    vraagStammen.push(stammen);
    trefwoorden.push([...new Set(entry.trefwoorden.map(normaliseer).filter(Boolean).flatMap(familieVan))]);
  }
  return { vraagStammen, trefwoorden };
}

/** Is the text phrased as a question? */
function isVraagvorm(ruw: string, woorden: readonly string[]): boolean {
  return ruw.includes('?') || (woorden.length > 0 && VRAAGWOORDEN.includes(woorden[0]));
}

function noemt(zin: string, woorden: readonly string[], term: string): boolean {
  if (term.includes(' ')) return zin.includes(` ${term} `);
  // Whole word, or a compound/inflection that starts or (≥ 6 letters) contains the term.
  return woorden.some((w) => w === term || (term.length >= 4 && w.startsWith(term)) || (term.length >= 6 && w.includes(term)));
}

/**
 * The question a text asks, if any.
 * @param ruw the text as typed (only to see a "?"); @param genormaliseerd its `normaliseer` form.
 * @param faq the organisation's FAQ entries (index → `TriageVraag.faq`).
 * @param perspectief from actor detection: a trefwoord match counts only for one's own question.
 */
export function herkenVraag(
  ruw: string,
  genormaliseerd: string,
  faq: OrgConfig['faq'],
  perspectief: Perspectief | undefined,
): TriageVraag | undefined {
  const zin = ` ${genormaliseerd} `;
  const { woorden, taal, stammen } = analyseer(genormaliseerd);
  if (woorden.length === 0) return undefined;
  if (alleen(woorden, DANKKERN, DANKRAND)) return { soort: 'dank' };
  if (alleen(woorden, GROETKERN, GROETRAND)) return { soort: 'help', groet: true };
  if (isHulpvraag(woorden)) return { soort: 'help' };
  const vraagvorm = isVraagvorm(ruw, woorden);
  const faqNr = besteFaq(zin, woorden, taal, stammen, faq, vraagvorm && perspectief !== 'ander');
  const privacy = (vraagvorm && isPrivacyvraag(zin, woorden)) || wilAnoniem(zin, woorden);
  if (privacy) return faqNr === undefined ? { soort: 'privacy' } : { soort: 'privacy', faq: faqNr };
  if (faqNr !== undefined) return { soort: 'faq', faq: faqNr };
  return undefined;
}

/** Help words only, or a help phrase, once greetings before and fillers after are left off. */
function isHulpvraag(woorden: readonly string[]): boolean {
  let van = 0;
  let tot = woorden.length;
  while (van < tot - 1 && GROET.has(woorden[van])) van++;
  while (tot > van + 1 && VULLING.has(woorden[tot - 1])) tot--;
  const kern = woorden.slice(van, tot);
  return HELP.has(kern.join(' ')) || kern.every((w) => HELP.has(w));
}

/** Openings of a question about one's own conduct: "Mag ik dit geheim houden?" is a dilemma, not about the chat. */
const EIGEN_OPENING = ['mag ik', 'kan ik', 'kun ik', 'moet ik', 'zal ik', 'may i', 'can i', 'should i', 'must i', 'shall i'];

/** Anonymity words that, with a word for reporting or staying unknown (`MELDEN`), ask how to report anonymously. */
const ANONIEM = ['anoniem', 'anonieme', 'anonymous', 'anonymously', 'anonimiteit', 'anonymity', 'zonder naam', 'zonder mijn naam'];
/** Reporting or staying unknown (prefixes of the words: "melden", "melding", "reporting", "blijven"). */
const MELDEN = ['meld', 'report', 'aangeven', 'aangifte', 'klokkenluid', 'whistleblow', 'blijf', 'blijv', 'stay', 'remain', 'tip'];

/**
 * A wish to report anonymously, asked or not: "ik wil anoniem melden", "I want to report anonymously", "liefst
 * anoniem blijven" (an anonymity word and a reporting or staying word). "Iemand belt steeds anoniem" is no such wish.
 */
function wilAnoniem(zin: string, woorden: readonly string[]): boolean {
  return ANONIEM.some((a) => noemt(zin, woorden, a)) && woorden.some((w) => MELDEN.some((m) => w.startsWith(m)));
}

/** See the module doc: a privacy word, or a storing/seeing word about this chat. */
function isPrivacyvraag(zin: string, woorden: readonly string[]): boolean {
  if (PRIVACY.some((p) => noemt(zin, woorden, p))) return true;
  if (EIGEN_OPENING.some((o) => zin.startsWith(` ${o} `))) return false;
  const hier = HIER.some((h) => (h.includes(' ') ? zin.includes(` ${h} `) : woorden.includes(h)));
  if (!hier) return false;
  if (OPSLAG.some((p) => noemt(zin, woorden, p))) return true;
  return woorden.some((w) => KIJKEN.includes(w)) && woorden.some((w) => KIJKERS.includes(w));
}

function besteFaq(
  zin: string,
  woorden: readonly string[],
  taal: Taal,
  stammen: readonly string[],
  faq: OrgConfig['faq'],
  eigenVraag: boolean,
): number | undefined {
  if (faq.length === 0) return undefined;
  let index = indexCache.get(faq);
  if (!index) indexCache.set(faq, (index = bouwIndex(faq)));
  const tekstStammen = new Set(stammen.map((s) => `${taal}:${s}`));
  let beste: number | undefined;
  let besteScore = 0;
  for (let i = 0; i < faq.length; i++) {
    const vs = index.vraagStammen[i];
    let gedeeld = 0;
    for (const s of vs) if (tekstStammen.has(s)) gedeeld++;
    const perTaal = [...vs].filter((s) => s.startsWith(`${taal}:`)).length || 1;
    let score = gedeeld >= 2 && gedeeld / perTaal >= 0.5 ? gedeeld / perTaal : 0;
    if (eigenVraag && index.trefwoorden[i].some((t) => noemt(zin, woorden, t))) score = Math.max(score, 0.5);
    if (score > besteScore) {
      besteScore = score;
      beste = i;
    }
  }
  return beste;
}
