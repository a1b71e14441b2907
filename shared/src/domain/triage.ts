import type { OrgConfig } from '../config/schema';
import type { Situatie } from '../lists/definitions';
import { SITUATIES } from '../lists/definitions';
import type { Antwoorden } from './meldroute';
import { actorEnPerspectief } from './triage-actor';
import { GESCHENKEN } from './triage-begrippen';
import { classificeer, classifierModel, GEEN, type Classifier } from './triage-classifier';
import { softmax } from './triage-model';
import { bewerkingsafstand, normaliseer, ZinIndex } from './triage-tekst';
import { herkenVraag } from './triage-vraag';

export { normaliseer } from './triage-tekst';

/**
 * Free-text triage for the meldwijzer: maps what an employee types ("mijn leidinggevende schreeuwt tegen
 * me", "I want to report fraud anonymously") to one of the situation types. Two halves, combined: a lexicon
 * with a few rules and the organisation's own extra terms (`triage.extraTermen` in config), and a naive
 * Bayes classifier over Snowball stems, compound parts, concepts and who acts (triage-classifier.ts),
 * trained at start-up on the dev part of the labelled corpus. No external AI service.
 * Measured on the corpus's test part: docs/decisions.md ("Meldwijzer triage: corpus, classifier …").
 *
 * Privacy: the text is only read here, in memory. This module never stores or logs it, and the result
 * holds no part of it (only the situation, scores and inferred answers).
 *
 * Matching: text is lower-cased, diacritics are removed (é → e, ë → e), punctuation becomes space.
 * A one-word term matches a word that equals it, starts with it (term ≥ 4 letters: Dutch inflections
 * and compounds, "pest" → "pesten", "fraude" → "fraudeert"), contains it (term ≥ 7 letters,
 * "subsidiefraude"), or is one edit away (term ≥ 5 letters; two edits from 9 letters; same first letter:
 * typos such as "leidingevende"). A multi-word term matches as a phrase.
 */

/** A lexicon entry: a term and its weight (default 1). */
type Term = [string, number?];

/** Built-in lexicon per situation (Dutch and English). Weights: 1 hint, 2 typical, 3 decisive. */
const LEXICON: Record<Situatie, Term[]> = {
  dilemma: [
    ['dilemma', 3],
    ['twijfel', 2],
    ['twijfelachtig', 1],
    ['weet niet of', 2],
    ['is het ok', 2],
    ['is dat ok', 2],
    ['is het toegestaan', 2],
    ['is het goed', 1],
    ['grijs gebied', 2],
    ['doubt', 2],
    ['unsure', 2],
    ['not sure', 2],
    ['grey area', 2],
    ['gray area', 2],
    ['is it ok', 2],
    ['is it okay', 2],
    ['is it allowed', 2],
    ['am i allowed', 3],
    ['aannemen', 1],
    ['accept', 1],
    ['uitnodiging', 1],
    ['invitation', 1],
    ['uitnodigt', 1],
    ['invites', 1],
    ['cadeau', 1],
    ['geschenk', 1],
    ['relatiegeschenk', 1],
    ['gift', 1],
    ['kerstpakket', 1],
    ['diner', 1],
    ['dinner', 1],
    ['etentje', 1],
    ['lunch', 1],
    ['kaartjes', 1],
    ['tickets', 1],
    ['korting', 1],
    ['discount', 1],
  ],
  vermoedenMisstand: [
    ['misstand', 3],
    ['misstanden', 3],
    ['klokkenluider', 3],
    ['klokkenluiden', 3],
    ['whistleblower', 3],
    ['whistleblowing', 3],
    ['wrongdoing', 3],
    ['vermoed', 3],
    ['vermoeden', 3],
    ['suspect', 2],
    ['suspicion', 2],
    ['maatschappelijk belang', 3],
    ['public interest', 3],
    ['gevaar', 2],
    ['gevaarlijk', 2],
    ['danger', 2],
    ['dangerous', 2],
    ['omwonenden', 2],
    ['local residents', 2],
    ['nearby residents', 2],
    ['people living nearby', 2],
    ['volksgezondheid', 3],
    ['public health', 3],
    ['milieu', 2],
    ['environment', 2],
    ['vervuiling', 2],
    ['pollution', 2],
    ['lozing', 2],
    ['veiligheidseisen', 2],
    ['veiligheidsregels', 2],
    ['safety rules', 2],
    ['safety requirements', 2],
    ['onveilig', 1],
    ['unsafe', 1],
    ['structureel', 1],
    ['systematisch', 1],
    ['structurally', 1],
    ['systematically', 1],
    ['stelselmatig', 1],
    ['asbest', 3],
    ['asbestos', 3],
    ['niemand doet iets', 2],
    ['nobody does anything', 2],
    ['gezondheid', 2],
    ['health', 2],
    ['giftig', 2],
    ['toxic waste', 3],
    ['genegeerd', 1],
    ['ignored', 1],
    ['in de doofpot', 2],
    ['cover up', 2],
    ['covered up', 2],
    ['subsidie', 1],
    ['subsidiegeld', 1],
    ['belastinggeld', 2],
    ['gemeenschapsgeld', 2],
    ['overheidsgeld', 2],
    ['public money', 2],
    ['taxpayer', 2],
    ['wet overtreden', 2],
    ['breaking the law', 2],
    ['illegaal', 1],
    ['illegal', 1],
    ['burgers lopen risico', 3],
  ],
  zakelijk: [
    ['fraude', 3],
    ['fraud', 3],
    ['frauderen', 3],
    ['corruptie', 3],
    ['corruption', 3],
    ['corrupt', 3],
    ['omkoping', 3],
    ['bribe', 3],
    ['bribery', 3],
    ['steekpenning', 3],
    ['smeergeld', 3],
    ['kickback', 3],
    ['diefstal', 3],
    ['theft', 3],
    ['steelt', 3],
    ['stelen', 3],
    ['gestolen', 3],
    ['steals', 3],
    ['stealing', 3],
    ['stole', 3],
    ['verduistert', 3],
    ['verduistering', 3],
    ['embezzle', 3],
    ['embezzlement', 3],
    ['gesjoemel', 2],
    ['sjoemelen', 2],
    ['gesjoemeld', 2],
    // Flemish: foefelen (knoeien), een onkostennota (declaratie).
    ['foefel', 2],
    ['gefoefel', 2],
    ['onkostennota', 2],
    ['rommelt', 1],
    ['declaratie', 2],
    ['declaraties', 2],
    ['declareert', 2],
    ['expense', 2],
    ['expenses', 2],
    ['receipts', 2],
    ['bonnetjes', 2],
    ['valse', 1],
    ['vervalst', 3],
    ['vervalsen', 3],
    ['faking', 2],
    ['fake', 2],
    ['forged', 3],
    ['forging', 3],
    ['falsify', 3],
    ['dossiers', 2],
    ['dossier', 2],
    ['files', 1],
    ['records', 1],
    ['niets mee te maken', 2],
    ['nothing to do with', 2],
    ['gegevens inziet', 3],
    ['inzien', 1],
    ['vertrouwelijke informatie', 2],
    ['confidential information', 2],
    ['lekt', 2],
    ['gelekt', 2],
    ['leaks', 2],
    ['leaking', 2],
    ['leaked', 2],
    ['naar de pers', 2],
    ['to the press', 2],
    ['lekt informatie', 2],
    ['leaks information', 2],
    ['uit de kas', 3],
    ['kasgeld', 3],
    ['neemt geld', 2],
    ['takes money', 2],
    ['geld verdwijnt', 2],
    ['money missing', 2],
    ['bevoordeelt', 3],
    ['bevoordeling', 3],
    ['bevoordelen', 3],
    ['nepotisme', 3],
    ['nepotism', 3],
    ['leverancier', 1],
    ['supplier', 1],
    ['relatie met een leverancier', 2],
    ['privegegevens', 2],
    ['personal data', 2],
    ['misbruik', 2],
    ['misuse', 2],
    ['abuse of', 2],
    ['belangenverstrengeling', 2],
    ['conflict of interest', 2],
    ['vriendjespolitiek', 3],
    ['favouritism', 3],
    ['favoritism', 3],
    ['aanbesteding', 1],
    ['tender', 1],
    ['dienstauto', 2],
    ['company car', 2],
    ['laptop van de zaak', 2],
    ['werktijd', 1],
    ['tijdschrijven', 2],
    ['zakelijke kosten', 2],
    ['business expenses', 2],
    ['uren', 1],
    ['hours', 1],
    ['accepteert geschenken', 3],
    ['accepts gifts', 3],
    ['neemt geschenken aan', 3],
    ['steekt geld in eigen zak', 3],
    ['witwassen', 3],
  ],
  ongewenstGedrag: [
    ['pest', 3],
    ['pesten', 3],
    ['gepest', 3],
    ['pesterij', 3],
    ['bully', 3],
    ['bullying', 3],
    ['bullies', 3],
    ['bullied', 3],
    ['kleineert', 3],
    ['kleineren', 3],
    ['belittle', 3],
    ['belittles', 3],
    ['vernedert', 3],
    ['vernederd', 3],
    ['vernederen', 3],
    ['humiliate', 3],
    ['humiliates', 3],
    ['humiliated', 3],
    ['intimidatie', 3],
    ['intimideert', 3],
    ['geintimideerd', 3],
    ['intimidate', 3],
    ['intimidates', 3],
    ['intimidation', 3],
    ['intimidated', 3],
    ['seksuele', 3],
    ['sexual', 3],
    ['harassment', 3],
    ['harass', 3],
    ['harasses', 3],
    ['harassed', 3],
    ['lastigvallen', 3],
    ['lastiggevallen', 3],
    ['valt me lastig', 3],
    ['ongewenst gedrag', 3],
    ['ongewenste omgangsvormen', 3],
    ['unwanted behaviour', 3],
    ['unwanted behavior', 3],
    ['discriminatie', 3],
    ['discrimineert', 3],
    ['gediscrimineerd', 3],
    ['discrimination', 3],
    ['discriminates', 3],
    ['discriminated', 3],
    ['racisme', 3],
    ['racist', 3],
    ['racism', 3],
    ['seksisme', 3],
    ['sexism', 3],
    ['sexist', 3],
    ['buitengesloten', 2],
    ['sluit me buiten', 2],
    ['excluded', 2],
    ['roddelt', 2],
    ['roddelen', 2],
    ['gossip', 2],
    ['uitgescholden', 2],
    ['aanraken', 2],
    ['aangeraakt', 2],
    ['touches', 2],
    ['touched', 2],
    ['grappen over', 2],
    ['jokes about', 2],
    ['ongepast', 2],
    ['inappropriate', 2],
    ['onveilige werksfeer', 3],
    ['toxic', 2],
    ['giftige', 1],
    ['machtsmisbruik', 2],
    ['uitlachen', 2],
    ['lacht me uit', 2],
  ],
  agressieExtern: [
    ['agressie', 2],
    ['agressief', 2],
    ['aggression', 2],
    ['aggressive', 2],
    ['geweld', 2],
    ['violence', 2],
    ['violent', 2],
    ['weet waar je woont', 3],
    ['weet waar ik woon', 3],
    ['knows where i live', 3],
    ['aan de balie', 2],
    ['at the desk', 2],
    ['loket', 2],
    ['handhaving', 1],
    ['handhaver', 1],
    ['boa', 2],
    ['112', 3],
  ],
  nevenwerkzaamheden: [
    ['nevenwerkzaamheden', 3],
    ['nevenwerkzaamheid', 3],
    ['nevenfunctie', 3],
    ['nevenfuncties', 3],
    ['neveninkomsten', 3],
    ['bijbaan', 3],
    ['bijbaantje', 3],
    ['naast mijn baan', 3],
    ['naast mijn werk', 3],
    ['naast je baan', 3],
    ['zzp', 3],
    ['zzper', 3],
    ['freelance', 3],
    ['freelancen', 3],
    ['eigen bedrijf', 3],
    ['eigen bedrijfje', 3],
    ['side job', 3],
    ['second job', 3],
    ['sideline', 3],
    ['outside activities', 3],
    ['outside activity', 3],
    ['own business', 3],
    ['penningmeester', 2],
    ['bestuurslid', 2],
    ['board member', 2],
    ['treasurer', 2],
    ['financiele belangen', 3],
    ['financieel belang', 3],
    ['financial interest', 3],
    ['financial interests', 3],
    ['aandelen', 2],
    ['shares', 2],
    ['vrijwilligerswerk', 2],
    ['volunteer', 2],
    ['volunteering', 2],
  ],
  algemeen: [
    ['gedragscode', 2],
    ['code of conduct', 2],
    ['regeling', 1],
    ['procedure', 1],
    ['beleid', 1],
    ['policy', 1],
    ['integriteit', 1],
    ['integrity', 1],
    ['vertrouwenspersoon', 1],
    ['confidential counsellor', 1],
    ['wie is', 1],
    ['who is', 1],
    ['waar vind ik', 2],
    ['hoe meld ik', 2],
    // "…iets" / "…something": how to report, with no matter named: the general question itself.
    ['hoe meld ik iets', 3],
    ['waar meld ik iets', 3],
    ['hoe kan ik iets melden', 3],
    ['waar kan ik iets melden', 3],
    ['how do i report something', 3],
    ['how can i report something', 3],
    ['where do i report something', 3],
    ['where can i report something', 3],
    ['waar meld ik', 2],
    ['how do i report', 2],
    ['where do i report', 2],
    ['where can i report', 2],
    ['where can i find', 2],
    ['vraag', 1],
    ['question', 1],
    ['informatie over', 1],
    ['information about', 1],
    ['hoe werkt', 1],
    ['how does', 1],
    ['vog', 2],
    ['verklaring omtrent', 2],
    ['jaarverslag', 1],
    ['workshop', 1],
    ['training', 1],
  ],
};

/** Words that say "I am asking about my own conduct" (dilemma), Dutch and English. */
const EIGEN_VRAAG = ['mag ik', 'mag je', 'mogen wij', 'mogen we', 'kan ik', 'zou ik', 'may i', 'can i', 'should i', 'am i allowed'];
/** Aggressive acts: counted as agressieExtern when an outsider acts, otherwise as ongewenstGedrag. */
const AGRESSIEF = [
  'schreeuwt',
  'schreeuwen',
  'schreeuwde',
  'geschreeuwd',
  'scheldt',
  'schelden',
  'uitschelden',
  'uitgescholden',
  'bedreigt',
  'bedreigd',
  'bedreiging',
  'dreigt',
  'gedreigd',
  'slaat',
  'geslagen',
  'sloeg',
  'duwt',
  'geduwd',
  'spuugt',
  'bespuugd',
  'schopt',
  'geschopt',
  'yells',
  'yelled',
  'yelling',
  'shouts',
  'shouted',
  'shouting',
  'screams',
  'screamed',
  'threatens',
  'threatened',
  'threat',
  'threats',
  'hits',
  'punched',
  'pushed',
  'kicked',
  'insults',
  'insulted',
  'swears',
  'agressief',
  'aggressive',
  'geweld',
  'violence',
];
/**
 * Places where employees meet the public ("aan de balie", "on the phone"): with an aggressive act, an
 * outsider acts even when the text does not name one. Who the outsiders are is one list, `BUITENSTAANDERS`
 * in triage-actor.ts (also the actor `burger`).
 */
const PUBLIEKSPLEK = ['aan de telefoon', 'on the phone', 'aan de balie', 'at the desk', 'loket'];
/** Colleagues and managers (insiders). */
const COLLEGA = [
  'collega',
  'collegas',
  'teamleider',
  'leidinggevende',
  'manager',
  'baas',
  'chef',
  'afdelingshoofd',
  'directeur',
  'gemeentesecretaris',
  'provinciesecretaris',
  'town clerk',
  'colleague',
  'colleagues',
  'boss',
  'supervisor',
  'team leader',
  'teamlead',
];
/** Gifts, invitations and other favours (relatiegeschenken): with an own-conduct question, a plain dilemma. */
const GUNST = [
  ...GESCHENKEN,
  'uitnodiging',
  'uitnodigt',
  'uitnodigen',
  'diner',
  'etentje',
  'lunch',
  'korting',
  'invitation',
  'invites',
  'invited',
  'dinner',
  'discount',
];
/** The employee wants to stay anonymous. */
const ANONIEM = [
  'anoniem',
  'anonymous',
  'anonymously',
  'anonimiteit',
  'anonymity',
  'zonder mijn naam',
  'without my name',
  'zonder dat ze weten',
  'zonder dat iemand weet',
  'without anyone knowing',
];

/** Frequent function words that are never a term (skipped for speed; phrases still see them). */
const STOPWOORDEN = new Set(
  (
    'de het een en of in op aan van voor met bij door naar over uit als dat die dit deze wat wie waar hoe ik je jij u hij zij ze we wij mij me mijn ' +
    'jouw zijn haar ons onze hun er is was wordt werd word heb heeft hebben had niet geen wel ook nog al dan maar want omdat zo te om tot ' +
    'the a an and or in on at of for with by to from about as that this these what who where how i you he she it we they me my your his her ' +
    'our their is was are were be been am have has had not no yes also still but because so too very all some any'
  ).split(' '),
);

/**
 * Who acts in what the employee describes: whose behaviour it is about (not who is harmed).
 * `ik` the employee themself · `collega` a colleague · `leidinggevende` their own manager ·
 * `hogerLeidinggevende` a higher manager or director (afdelingshoofd, directeur) ·
 * `secretaris` the top civil servant, to whom meldingen go (gemeentesecretaris, provinciesecretaris) ·
 * `bestuurder` an elected or appointed administrator (wethouder, gedeputeerde, burgemeester) ·
 * `burger` a citizen, client or visitor · `leverancier` a supplier or contractor.
 */
export const ACTOREN = [
  'ik',
  'collega',
  'leidinggevende',
  'hogerLeidinggevende',
  'secretaris',
  'bestuurder',
  'burger',
  'leverancier',
] as const;
export type Actor = (typeof ACTOREN)[number];

/** Own conduct ("mag ik …?", "ik heb een bijbaan") or someone else's ("ik zag dat …", "mijn baas schreeuwt"). */
export const PERSPECTIEVEN = ['zelf', 'ander'] as const;
export type Perspectief = (typeof PERSPECTIEVEN)[number];

/**
 * How sure triage is: `zeker` one situation stands out (go straight to its route) · `twijfel` ask a choice
 * between the two most likely (`twijfelTussen`) · `onbekend` nothing stands out (show the full menu).
 */
export type Beslissing = 'zeker' | 'twijfel' | 'onbekend';

/** One situation with its estimated probability (0..1; the `rangorde` sums to 1, or is all 0 when nothing matched). */
export interface Kandidaat {
  situatie: Situatie;
  kans: number;
}

/**
 * A question the employee asks, besides (or instead of) describing a situation:
 * `faq` matches an entry of the organisation's `faq` (index into `config.faq`; answer it first, then the route) ·
 * `privacy` a question about anonymity or what is stored/seen (answer with the privacy card; `faq` when a
 * config FAQ entry says the same) · `help` "help" / "wat kun je" (explain what the bot does; `groet` when the
 * text is only a greeting, "hoi bot", "goedemorgen allemaal": say hello) · `dank` only thanks ("bedankt",
 * "top, dank", "thanks!": a short reply, no route).
 */
export type TriageVraag =
  { soort: 'faq'; faq: number } | { soort: 'privacy'; faq?: number } | { soort: 'help'; groet?: true } | { soort: 'dank' };

/** Result of triage. No part of the text is kept. */
export interface TriageUitkomst {
  /** zeker / twijfel / onbekend (see `Beslissing`). */
  beslissing: Beslissing;
  /** Best fitting situation (set for `zeker` and `twijfel`, then the first of `twijfelTussen`); undefined for `onbekend` (show the menu). */
  situatie?: Situatie;
  /** Set exactly when `beslissing` is `twijfel`: the two to choose between, most likely first. */
  twijfelTussen?: [Situatie, Situatie];
  /** All situations, most likely first, with probabilities. */
  rangorde: Kandidaat[];
  /** Rule (lexicon) scores per situation (higher is better); for tests and diagnostics. */
  scores: Record<Situatie, number>;
  /** Who acts, when the text says so (undefined: not said). */
  actor?: Actor;
  /** Own conduct or someone else's, when the text says so. */
  perspectief?: Perspectief;
  /** A question to answer (FAQ entry, privacy, help), when the text asks one. */
  vraag?: TriageVraag;
  /** Answers the text already gives (e.g. `anoniem: 'ja'`, `wie: 'burger'`), so the bot need not ask. */
  antwoorden: Antwoorden;
}

/**
 * How rules and classifier are combined and when triage is sure (tuned by cross-validation on the dev part
 * of the corpus only; docs/decisions.md). `nbGewicht` scales the naive Bayes log scores, `regelGewicht` the
 * lexicon rule scores; `zeker`: the best situation's probability needed to go straight to its route;
 * `twijfel`: the probability the best two need together to ask a choice between them (else the menu).
 * `classifier`: another trained classifier (tests, cross-validation); default the cached one.
 */
export interface TriageInstellingen {
  nbGewicht: number;
  /** Scales the logistic regression's logits (0: naive Bayes and rules only). */
  lrGewicht: number;
  /** Naive Bayes is overconfident: a situation is never put more than this many log units behind the best one. */
  nbGrens: number;
  regelGewicht: number;
  /** Extra logit per decisive (weight 3) lexicon term of a situation. */
  beslissendGewicht: number;
  zeker: number;
  twijfel: number;
  /**
   * When the text names exactly one situation with decisive terms and the ranking puts it first, triage is
   * `zeker` from this probability on (below `zeker`; 0: always).
   */
  marge: number;
  classifier?: Classifier;
}

// The classifier is trained when this module loads (bot start-up), not during an employee's first turn.
classifierModel();

export const TRIAGE_INSTELLINGEN: TriageInstellingen = {
  nbGewicht: 0.75,
  lrGewicht: 0.5,
  nbGrens: 6,
  regelGewicht: 0.5,
  beslissendGewicht: 3,
  zeker: 0.98,
  twijfel: 0.6,
  marge: 0.7,
};

export { bewerkingsafstand } from './triage-tekst';

/** Does one normalised word match a one-word term (see module doc)? */
function woordPast(woord: string, term: string, typos = true): boolean {
  if (woord === term) return true;
  if (term.length >= 4 && woord.startsWith(term)) return true;
  if (term.length >= 7 && woord.includes(term)) return true;
  // English -ing/-ed drop a final e: "belittle" → "belittling", "bribe" → "bribing".
  if (term.length >= 5 && term.endsWith('e') && woord.length >= term.length && woord.startsWith(term.slice(0, -1))) return true;
  // Typos: rarely in the first letter, so only words that start like the term are compared (fast).
  if (
    typos &&
    term.length >= 5 &&
    woord.length >= 4 &&
    woord.charCodeAt(0) === term.charCodeAt(0) &&
    Math.abs(woord.length - term.length) <= 2
  ) {
    const max = term.length >= 9 ? 2 : 1;
    if (bewerkingsafstand(woord, term, max) <= max) return true;
  }
  return false;
}

/** What a term counts towards: a situation, or one of the rule groups. */
type Groep = Situatie | 'agressief' | 'publiek' | 'collega' | 'eigenVraag' | 'anoniem' | 'gunst';
interface CTerm {
  norm: string;
  zin: boolean;
  groep: Groep;
  gewicht: number;
  /** A decisive term: lexicon weight 3, or one of the organisation's own extra terms. */
  beslissend: boolean;
  /** Matches a word one or two edits away (see the module doc). */
  typos: boolean;
}
interface Gecompileerd {
  termen: CTerm[];
  /** Phrase terms, indexed by their first word. */
  zinnen: ZinIndex<CTerm>;
  /** Per normalised word, what it counts towards (see `woordTermen`). */
  woorden: Map<string, readonly { groep: Groep; gewicht: number; beslissend: boolean }[]>;
  /** One-word terms by first letter (equality, prefix and typo matches share the first letter). */
  perLetter: Map<string, CTerm[]>;
  /** One-word terms of ≥ 7 letters that may also match inside a word ("subsidiefraude"). */
  lang: CTerm[];
}

const RULE_GROUPS: [Groep, readonly string[]][] = [
  ['agressief', AGRESSIEF],
  ['publiek', PUBLIEKSPLEK],
  ['collega', COLLEGA],
  ['eigenVraag', EIGEN_VRAAG],
  ['anoniem', ANONIEM],
  ['gunst', GUNST],
];

/** Shortest word of a rule list (aggressive acts, insiders, favours…) that still matches with a typo. */
const MIN_TYPO_REGEL = 7;

/** Lexicon + rule lists + the organisation's extra terms, normalised once (cached per config). */
function compileer(extra: Partial<Record<Situatie, string[]>> | undefined): Gecompileerd {
  const termen: Gecompileerd['termen'] = [];
  const add = (term: string, groep: Groep, gewicht: number, beslissend: boolean) => {
    const norm = normaliseer(term);
    // A short word of a rule list takes no typos: one letter turns "staat" into "slaat", "schept" into "schopt".
    const typos = (SITUATIES as readonly string[]).includes(groep) || norm.length >= MIN_TYPO_REGEL;
    if (norm) termen.push({ norm, zin: norm.includes(' '), groep, gewicht, beslissend, typos });
  };
  for (const s of SITUATIES) {
    for (const [term, gewicht = 1] of LEXICON[s]) add(term, s, gewicht, gewicht >= 3);
    for (const term of extra?.[s] ?? []) add(term, s, 2, true);
  }
  for (const [groep, lijst] of RULE_GROUPS) for (const term of lijst) add(term, groep, 1, false);
  const perLetter = new Map<string, CTerm[]>();
  for (const t of termen) if (!t.zin) perLetter.set(t.norm[0], [...(perLetter.get(t.norm[0]) ?? []), t]);
  const zinnen = new ZinIndex(termen.filter((t) => t.zin).map((t) => [t.norm, t] as const));
  return { termen, zinnen, woorden: new Map(), perLetter, lang: termen.filter((t) => !t.zin && t.norm.length >= 7) };
}

/** Largest number of words whose matches one compiled lexicon remembers (then the memory starts afresh). */
const MAX_WOORDEN = 50_000;

/**
 * What one normalised word counts towards, per group: the weight of its best-matching term, and whether a
 * decisive term matched. Remembered per word (words only, never a text).
 */
function woordTermen(c: Gecompileerd, w: string): readonly { groep: Groep; gewicht: number; beslissend: boolean }[] {
  const bekend = c.woorden.get(w);
  if (bekend) return bekend;
  const best: Partial<Record<Groep, number>> = {};
  const besl = new Set<Groep>();
  const overweeg = (term: CTerm, past: (t: CTerm) => boolean) => {
    if (((best[term.groep] ?? 0) < term.gewicht || (term.beslissend && !besl.has(term.groep))) && past(term)) {
      best[term.groep] = Math.max(best[term.groep] ?? 0, term.gewicht);
      if (term.beslissend) besl.add(term.groep);
    }
  };
  for (const term of c.perLetter.get(w[0]) ?? []) overweeg(term, (t) => woordPast(w, t.norm, t.typos));
  if (w.length >= 8) for (const term of c.lang) overweeg(term, (t) => w.includes(t.norm));
  const uit = (Object.entries(best) as [Groep, number][]).map(([groep, gewicht]) => ({ groep, gewicht, beslissend: besl.has(groep) }));
  if (c.woorden.size >= MAX_WOORDEN) c.woorden.clear();
  c.woorden.set(w, uit);
  return uit;
}

const cache = new WeakMap<object, Gecompileerd>();
let standaard: Gecompileerd | undefined;
function gecompileerd(config?: Partial<Pick<OrgConfig, 'triage'>>): Gecompileerd {
  if (!config?.triage) return (standaard ??= compileer(undefined));
  let c = cache.get(config.triage);
  if (!c) cache.set(config.triage, (c = compileer(config.triage.extraTermen)));
  return c;
}

/**
 * Map free text to a situation type.
 * @param text what the employee typed (Dutch or English; typos and missing diacritics tolerated). Not kept.
 * @param config the organisation config; `triage.extraTermen` adds terms (weight 2) per situation.
 * @returns the best situation (or none), the scores, a pair to choose between when two are close, and
 *   answers the text already gives. Rules on top of the lexicon:
 *   - aggressive acts by an outsider (burger, bezoeker, klant…) → agressieExtern (+3), else → ongewenstGedrag;
 *   - a question about one's own conduct ("mag ik…", "may I…") → dilemma (+3) unless the text already names
 *     clear wrongdoing (a score ≥ 3 elsewhere), or nevenwerkzaamheden (+2) when it is about a side job;
 *   - undesirable behaviour by an outsider (and no colleague named) moves to agressieExtern;
 *   - a public-interest marker together with wrongdoing → vermoedenMisstand (+1), answer maatschappelijkBelang=ja;
 *   - a dilemma about a gift or invitation (cadeau, relatiegeschenk, uitnodiging, diner…; no public-interest marker)
 *     → answer maatschappelijkBelang=nee (one's own conduct, so the bot does not ask about danger or fraud);
 *   - "anoniem/anonymously" → answer anoniem=ja; an outsider → wie=burger, a colleague → wie=collega.
 *   Then per situation: logit = nbGewicht × max(NB log score − best, −nbGrens) + regelGewicht × rule score
 *   + beslissendGewicht × decisive terms; softmax gives `rangorde`. Best ≥ `zeker` (or the one situation the text names
 *   with decisive terms, first and ≥ `marge`) → `zeker`; best two together
 *   ≥ `twijfel` → `twijfel` (about equal: in menu order); else, or when neither half knows a word, `onbekend`.
 * @param instellingen weights and thresholds (default `TRIAGE_INSTELLINGEN`; tests and cross-validation pass others).
 */
export function triage(
  text: string,
  config?: Partial<Pick<OrgConfig, 'triage' | 'faq'>>,
  instellingen: TriageInstellingen = TRIAGE_INSTELLINGEN,
): TriageUitkomst {
  const genormaliseerd = normaliseer(text);
  const woorden = genormaliseerd ? genormaliseerd.split(' ') : [];
  const telling: Record<string, number> = {};
  /** Decisive (weight 3) lexicon terms per group: the employee names the situation itself ("dilemma", "gepest"). */
  const beslissend: Record<string, number> = {};
  const { zinnen } = gecompileerd(config);
  // A phrase counts its weight (once, however often it occurs); a word counts once per group, with its
  // best-matching term's weight (so "declaraties" is not counted again for "declaratie").
  for (const term of new Set(zinnen.vind(woorden).map((v) => v.waarde))) {
    telling[term.groep] = (telling[term.groep] ?? 0) + term.gewicht;
    if (term.beslissend) beslissend[term.groep] = (beslissend[term.groep] ?? 0) + 1;
  }
  for (const w of new Set(woorden)) {
    if (STOPWOORDEN.has(w)) continue;
    for (const { groep, gewicht, beslissend: b } of woordTermen(gecompileerd(config), w)) {
      telling[groep] = (telling[groep] ?? 0) + gewicht;
      if (b) beslissend[groep] = (beslissend[groep] ?? 0) + 1;
    }
  }
  const scores = Object.fromEntries(SITUATIES.map((s) => [s, telling[s] ?? 0])) as Record<Situatie, number>;
  const antwoorden: Antwoorden = {};
  const agressief = telling.agressief ?? 0;
  const wie = actorEnPerspectief(genormaliseerd);
  const { actor, perspectief } = wie;
  const buiten = wie.genoemd.has('burger') || (telling.publiek ?? 0) > 0;
  const collega = (telling.collega ?? 0) > 0;
  if (agressief > 0) {
    if (buiten) scores.agressieExtern += 3 + agressief;
    else scores.ongewenstGedrag += 2 + agressief;
  }
  if (buiten && !collega) antwoorden.wie = 'burger';
  else if (collega && (scores.ongewenstGedrag > 0 || agressief > 0)) antwoorden.wie = 'collega';
  // Undesirable behaviour by an outsider is the aggression route (ongewenstGedrag with wie=burger redirects there).
  if (buiten && !collega && scores.ongewenstGedrag > 0) {
    scores.agressieExtern += scores.ongewenstGedrag + 1;
    scores.ongewenstGedrag = 0;
  }
  // "Mag ik…?" about a side job is a nevenwerkzaamheden question; otherwise a dilemma about one's own conduct.
  // …but not when the text already names wrongdoing by others (then the question is "what do I do about it").
  if ((telling.eigenVraag ?? 0) > 0) {
    if (scores.nevenwerkzaamheden > 0) scores.nevenwerkzaamheden += 2;
    else if (Math.max(scores.zakelijk, scores.vermoedenMisstand, scores.ongewenstGedrag, scores.agressieExtern) < 3) scores.dilemma += 3;
  }
  if ((telling.anoniem ?? 0) > 0) antwoorden.anoniem = 'ja';
  if (scores.vermoedenMisstand >= 2 && scores.vermoedenMisstand > scores.zakelijk) antwoorden.maatschappelijkBelang = 'ja';

  const vraag = herkenVraag(text, genormaliseerd, config?.faq ?? [], perspectief);
  if (actor === 'leidinggevende' || actor === 'hogerLeidinggevende' || actor === 'secretaris' || actor === 'bestuurder') {
    if (antwoorden.wie === 'collega') antwoorden.wie = 'leidinggevende';
  }
  const extra = { ...(actor ? { actor } : {}), ...(perspectief ? { perspectief } : {}), ...(vraag ? { vraag } : {}) };

  // Rules and classifier together: logit = nbGewicht × max(NB log score − best NB log score, −nbGrens) + regelGewicht × rule score.
  const nb = genormaliseerd
    ? classificeer(genormaliseerd, { actor, perspectief }, instellingen.classifier)
    : { log: undefined, lr: undefined, bekend: 0, begrippen: 0 };
  const regels = SITUATIES.some((s) => scores[s] > 0);
  const leeg = SITUATIES.map((s) => ({ situatie: s, kans: 0 }));
  if (!regels && nb.bekend === 0) return { beslissing: 'onbekend', rangorde: leeg, scores, antwoorden, ...extra };
  const nbMax = nb.log ? Math.max(...nb.log) : 0;
  const logits = SITUATIES.map(
    (s, i) =>
      (nb.log && nb.bekend > 0 ? instellingen.nbGewicht * Math.max(nb.log[i] - nbMax, -instellingen.nbGrens) : 0) +
      (nb.lr && nb.bekend > 0 ? instellingen.lrGewicht * nb.lr[i] : 0) +
      instellingen.regelGewicht * scores[s] +
      instellingen.beslissendGewicht * (beslissend[s] ?? 0),
  );
  // The classifier's `geen` (everyday chat, about no situation): its logit from the classifier alone.
  if (nb.log && nb.bekend > 0) {
    logits.push(
      instellingen.nbGewicht * Math.max(nb.log[GEEN] - nbMax, -instellingen.nbGrens) + (nb.lr ? instellingen.lrGewicht * nb.lr[GEEN] : 0),
    );
  }
  const kansen = softmax(logits);
  // The decision uses the probabilities with `geen` in (a text that looks like everyday chat is less sure);
  // `rangorde` gives the situations' shares without it (they sum to 1).
  const ruw = SITUATIES.map((s, i) => ({ situatie: s, kans: kansen[i] })).sort(
    (a, b) => b.kans - a.kans || SITUATIES.indexOf(a.situatie) - SITUATIES.indexOf(b.situatie),
  );
  const geen = kansen.length > GEEN ? kansen[GEEN] : 0;
  const rangorde = ruw.map((k) => ({ situatie: k.situatie, kans: geen < 1 ? k.kans / (1 - geen) : 0 }));
  // About nothing the meldwijzer handles: the menu (and the question's answer, when it asked one).
  // Only when nothing else speaks for a situation: no lexicon rule, no concept (a gift, a threat…), nobody who acts.
  const kaal = !regels && nb.begrippen === 0 && actor === undefined;
  if (kaal && geen >= ruw[0].kans) return { beslissing: 'onbekend', rangorde, scores, antwoorden, ...extra };
  const [eerste, tweede] = rangorde;
  let beslissing: Beslissing = 'onbekend';
  // The employee names the situation itself ("dilemma", "gepest", "fraude", the organisation's own terms) and
  // names no other one: that situation, when the combined ranking also puts it first with at least `marge`
  // ("Is er een dilemmaspel?" names "dilemma" but is a general question).
  const genoemd = SITUATIES.filter((s) => (beslissend[s] ?? 0) > 0);
  if (genoemd.length === 1 && eerste.situatie === genoemd[0] && eerste.kans >= instellingen.marge) beslissing = 'zeker';
  else if (eerste.kans >= instellingen.zeker) beslissing = 'zeker';
  else if (eerste.kans + tweede.kans >= instellingen.twijfel) beslissing = 'twijfel';
  // An FAQ question whose best fit is the general question has no route of its own: the FAQ answer is the
  // answer (the bot gives it, then the menu).
  if (vraag?.soort === 'faq' && eerste.situatie === 'algemeen') beslissing = 'onbekend';
  if (beslissing === 'onbekend') return { beslissing, rangorde, scores, antwoorden, ...extra };
  // "Mag ik dit cadeau / deze uitnodiging aannemen?" is about one's own conduct, not a suspected wrongdoing:
  // the dilemma route's redirect question ("does it affect the public interest?") is then answered: no.
  // Not when the text names a public-interest marker, or a colleague without an own-conduct question.
  if (
    beslissing === 'zeker' &&
    eerste.situatie === 'dilemma' &&
    (telling.gunst ?? 0) > 0 &&
    scores.vermoedenMisstand === 0 &&
    (!collega || (telling.eigenVraag ?? 0) > 0)
  ) {
    antwoorden.maatschappelijkBelang = 'nee';
  }
  if (beslissing === 'twijfel') {
    // About equally likely (within 0.1): offered in menu order, so the same two always appear the same way.
    const gelijk = eerste.kans - tweede.kans < 0.1 && SITUATIES.indexOf(tweede.situatie) < SITUATIES.indexOf(eerste.situatie);
    const twijfelTussen: [Situatie, Situatie] = gelijk ? [tweede.situatie, eerste.situatie] : [eerste.situatie, tweede.situatie];
    return { beslissing, situatie: twijfelTussen[0], twijfelTussen, rangorde, scores, antwoorden, ...extra };
  }
  return { beslissing, situatie: eerste.situatie, rangorde, scores, antwoorden, ...extra };
}
