import type { OrgConfig } from '../config/schema';
import type { Perspectief, TriageVraag } from './triage';
import { GESCHENKEN } from './triage-begrippen';
import { analyseer, normaliseer, stam, type Taal } from './triage-tekst';

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
 *   "Can my manager see this?") — so "Mag ik vertrouwelijke informatie delen?" stays a dilemma; and a wish to
 *   report anonymously, asked or not ("ik wil anoniem melden", "I want to report anonymously").
 * - faq: the entry whose question shares at least half of its content stems (two or more) with the text, one of
 *   them its topic (a trefwoord or its family: "take … office" is no "take the oath of office"); members of one
 *   family count as one stem ("eed afleggen" = "ambtseed afleggen"). Or the text names one of its `trefwoorden` or
 *   a word of the same family ("kerstpakket" for "geschenk", "belofte" for "eed") in a question about one's own
 *   conduct (a "?" or a question opening: "wanneer leg ik de eed af"), or — for gifts, the oath and side jobs — in
 *   a statement about one's own situation ("a supplier sent me a hamper"). A gift needs a word for receiving or
 *   keeping it. Someone else's conduct never asks an FAQ.
 */

/**
 * Word families a FAQ trefwoord stands for: naming one member names the family (as a whole word or phrase; the
 * organisation's own trefwoorden also as the start or tail of a compound). `uitspraak`: a statement about one's own
 * situation asks the entry too ("ik heb een bijbaan als fotograaf", "a supplier sent me a hamper"), not only a
 * question; `ontvangen`: only with a word for receiving or keeping (`ONTVANGEN`) — "mag ik mijn trouwkaartjes
 * printen?" and "een burger gooide een fles" are no gift questions.
 */
interface Familie {
  leden: readonly string[];
  uitspraak: boolean;
  ontvangen?: true;
}
const FAMILIES: readonly Familie[] = [
  { leden: GESCHENKEN, uitspraak: true, ontvangen: true },
  {
    leden: [
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
    uitspraak: false,
  },
  {
    leden: ['ambtseed', 'eed', 'belofte', 'oath', 'affirmation', 'eedaflegging', 'beedigd', 'beediging', 'beedigen', 'ambtsbelofte'],
    uitspraak: true,
  },
  {
    leden: [
      'nevenwerkzaamheden',
      'nevenwerkzaamheid',
      'nevenwerk',
      'bijbaan',
      'bijbaantje',
      'nevenfunctie',
      'nevenfuncties',
      'side job',
      'second job',
      'outside activities',
      'outside work',
      'freelance',
      'zzp',
      'zzper',
    ],
    uitspraak: true,
  },
];

/**
 * Receiving, keeping or giving back a gift (normalised words, and phrases): with a gift word it makes a gift question
 * ("ik heb een kerstpakket gekregen", "a supplier sent me a hamper", "Mag ik bloemen aannemen?").
 */
const ONTVANGEN = [
  'krijg',
  'krijgt',
  'krijgen',
  'kreeg',
  'kregen',
  'gekregen',
  'ontvang',
  'ontvangt',
  'ontvangen',
  'ontving',
  'aangeboden',
  'aanbieden',
  'biedt',
  'bood',
  'gestuurd',
  'stuurde',
  'stuurt',
  'opgestuurd',
  'gegeven',
  'gaf',
  'geeft',
  'gebracht',
  'bracht',
  'brengt',
  'langsgebracht',
  'achtergelaten',
  'liet',
  'aannemen',
  'aanneem',
  'aangenomen',
  'houden',
  'hou',
  'houd',
  'accepteren',
  'accepteer',
  'teruggeven',
  'terugsturen',
  'weigeren',
  'weiger',
  'cadeau gedaan',
  'got',
  'get',
  'gets',
  'getting',
  'received',
  'receive',
  'receiving',
  'sent',
  'send',
  'sends',
  'gave',
  'given',
  'gives',
  'offered',
  'offers',
  'offer',
  'brought',
  'brings',
  'left',
  'dropped',
  'accept',
  'accepted',
  'accepting',
  'keep',
  'keeping',
  'refuse',
  'return',
  'give back',
  'send back',
];

/** Words for anonymity (normalised): a privacy word by themselves, and with a reporting word a wish to report anonymously. */
const ANONIEM_WOORDEN = ['anoniem', 'anonieme', 'anonymous', 'anonymously', 'anonimiteit', 'anonymity'];
/** Privacy words that make a question a privacy question by themselves: anonymity, being traced, one's name. */
const PRIVACY = [
  ...ANONIEM_WOORDEN,
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
  'wanneer',
  'welke',
  'waarom',
  'hoeveel',
  'hoelang',
  'moet',
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
  'when',
  'which',
  'why',
  'must',
  'should',
  'may',
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
    'hoi hallo hey hi hello ' +
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
  /** Per entry and language: the content stems of its question (`vraag.nl`, `vraag.en`), a family member as its family's token. */
  vraagStammen: Record<Taal, Set<string>>[];
  /** Per entry: the tokens of its topic (its trefwoorden's families, or the trefwoord's stems): a stem match must share one. */
  kern: Set<string>[];
  /** Per entry and language: does its question name its topic at all (else shared stems need no topic)? */
  kernInVraag: Record<Taal, boolean>[];
  /** Per entry: its own trefwoorden (normalised; compounds count) and the families they belong to. */
  trefwoorden: string[][];
  families: Familie[][];
}

const indexCache = new WeakMap<object, FaqIndex>();

/** Stem (in `taal`, `taal:stem`) of a single-word family member → its family's token (`#0`, `#1`…). */
const FAMILIE_STAM = new Map<string, string>();
FAMILIES.forEach((f, i) => {
  for (const lid of f.leden) {
    if (lid.includes(' ')) continue;
    for (const taal of ['nl', 'en'] as const) FAMILIE_STAM.set(`${taal}:${stam(lid, taal)}`, `#${i}`);
  }
});

/** A text's content stems as FAQ tokens: `taal:stem`, a family member as its family's token. */
function tokens(stammen: readonly string[], taal: Taal): Set<string> {
  const uit = new Set<string>();
  for (const s of stammen) {
    const t = `${taal}:${s}`;
    uit.add(FAMILIE_STAM.get(t) ?? t);
  }
  return uit;
}

function bouwIndex(faq: OrgConfig['faq']): FaqIndex {
  const index: FaqIndex = { vraagStammen: [], kern: [], kernInVraag: [], trefwoorden: [], families: [] };
  for (const entry of faq) {
    const perTaal = { nl: new Set<string>(), en: new Set<string>() };
    for (const [taal, tekst] of [
      ['nl', entry.vraag.nl],
      ['en', 'en' in entry.vraag ? entry.vraag.en : undefined],
    ] as [Taal, string | undefined][]) {
      if (tekst) perTaal[taal] = tokens(analyseer(normaliseer(tekst)).stammen, taal);
    }
    const trefwoorden = [...new Set(entry.trefwoorden.map(normaliseer).filter(Boolean))];
    const families = FAMILIES.filter((f) => trefwoorden.some((t) => f.leden.includes(t)));
    const woorden = trefwoorden.flatMap((t) => t.split(' '));
    const kern = new Set(
      (['nl', 'en'] as const).flatMap((taal) => [
        ...tokens(
          woorden.map((w) => stam(w, taal)),
          taal,
        ),
      ]),
    );
    index.vraagStammen.push(perTaal);
    index.kern.push(kern);
    index.kernInVraag.push({ nl: [...perTaal.nl].some((t) => kern.has(t)), en: [...perTaal.en].some((t) => kern.has(t)) });
    index.trefwoorden.push(trefwoorden);
    index.families.push(families);
  }
  return index;
}

/** Is the text phrased as a question? */
function isVraagvorm(ruw: string, woorden: readonly string[]): boolean {
  return ruw.includes('?') || (woorden.length > 0 && VRAAGWOORDEN.includes(woorden[0]));
}

/** Does the text (`zin`: its normalised form with a space either side) have `term` as a whole word or phrase? */
function heeft(zin: string, woorden: ReadonlySet<string>, term: string): boolean {
  return term.includes(' ') ? zin.includes(` ${term} `) : woorden.has(term);
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
  // "ik wil anoniem melden" asks how, as "kan ik anoniem melden?" does: the same card with the same FAQ answer.
  const anoniemWens = wilAnoniem(zin, woorden);
  const vraagvorm = isVraagvorm(ruw, woorden) || anoniemWens;
  const faqNr = besteFaq(zin, woorden, taal, stammen, faq, vraagvorm, perspectief);
  const privacy = anoniemWens || (vraagvorm && isPrivacyvraag(zin, woorden));
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
const ANONIEM = [...ANONIEM_WOORDEN, 'zonder naam', 'zonder mijn naam'];
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
  const woordSet = new Set(woorden);
  const hier = HIER.some((h) => heeft(zin, woordSet, h));
  if (!hier) return false;
  if (OPSLAG.some((p) => noemt(zin, woorden, p))) return true;
  return woorden.some((w) => KIJKEN.includes(w)) && woorden.some((w) => KIJKERS.includes(w));
}

/**
 * The FAQ entry a text asks (see the module doc), or undefined. `vraagvorm`: phrased as a question;
 * `perspectief`: a trefwoord counts only for one's own question or situation.
 */
function besteFaq(
  zin: string,
  woorden: readonly string[],
  taal: Taal,
  stammen: readonly string[],
  faq: OrgConfig['faq'],
  vraagvorm: boolean,
  perspectief: Perspectief | undefined,
): number | undefined {
  if (faq.length === 0) return undefined;
  let index = indexCache.get(faq);
  if (!index) indexCache.set(faq, (index = bouwIndex(faq)));
  const tekst = tokens(stammen, taal);
  const woordSet = new Set(woorden);
  let ontvangt: boolean | undefined;
  const genoemd = new Map<Familie, boolean>();
  const noemtFamilie = (f: Familie): boolean => {
    let ja = genoemd.get(f);
    if (ja === undefined) genoemd.set(f, (ja = f.leden.some((l) => heeft(zin, woordSet, l))));
    return ja;
  };
  let beste: number | undefined;
  let besteScore = 0;
  for (let i = 0; i < faq.length; i++) {
    const vs = index.vraagStammen[i][taal];
    let gedeeld = 0;
    let kern = false;
    for (const s of vs)
      if (tekst.has(s)) {
        gedeeld++;
        kern ||= index.kern[i].has(s);
      }
    const n = vs.size || 1;
    const families = index.families[i];
    // Only looked at when it can change the score (most texts mention none of the entry's words).
    let eigenGenoemd: boolean | undefined;
    const trefwoorden = index.trefwoorden[i];
    const eigen = () => (eigenGenoemd ??= trefwoorden.some((t) => noemt(zin, woorden, t)));
    // A gift needs receiving or keeping ("a small business selling cakes" is none), unless the organisation's own
    // trefwoord is asked about ("tot hoeveel euro mag een cadeautje zijn?").
    const ontvangen = families.some((f) => f.ontvangen) && !(vraagvorm && eigen());
    if (ontvangen) ontvangt ??= ONTVANGEN.some((o) => heeft(zin, woordSet, o));
    const context = !ontvangen || ontvangt;
    // Shared stems count when one of them is the entry's topic ("take … office" is no oath of office).
    let score = gedeeld >= 2 && gedeeld / n >= 0.5 && (kern || !index.kernInVraag[i][taal]) && context ? gedeeld / n : 0;
    if (score < 0.5 && perspectief !== 'ander' && context) {
      const familie = families.filter(noemtFamilie);
      const vorm = vraagvorm || (perspectief === 'zelf' && (familie.length ? familie : families).some((f) => f.uitspraak));
      if (vorm && (familie.length > 0 || eigen())) score = 0.5;
    }
    if (score > besteScore) {
      besteScore = score;
      beste = i;
    }
  }
  return beste;
}
