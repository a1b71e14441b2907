import type { Actor, Perspectief } from './triage';
import { begrippen } from './triage-begrippen';
import { bewerkingsafstand, normaliseer, ZinIndex } from './triage-tekst';

/**
 * Who acts in a meldwijzer text, and whether it is about the employee's own conduct — rules over the
 * normalised words (see `normaliseer` in triage.ts: lower case, no diacritics, single spaces). Pure; keeps
 * nothing of the text.
 *
 * Rules, in order:
 * 1. An agent after "door" / "by" ("ik werd door de bewoner geduwd", "harassed by my manager") acts.
 * 2. Otherwise the first person named acts ("mijn leidinggevende schreeuwt tegen me", "een collega neemt
 *    cadeaus aan van een aannemer" → collega), except a giver in an own-conduct question: in "een leverancier
 *    biedt me kaartjes aan, mag ik die aannemen?" the employee decides, so the actor is `ik`.
 * 3. Nobody named and an own-conduct marker ("mag ik", "kan ik", "ik wil", "ik heb een bijbaan", "may I",
 *    "I have a side job") → `ik`.
 * Perspective: `zelf` when the actor is `ik`, `ander` when someone else acts; undefined when neither is said.
 */

/**
 * Outsiders — citizens, clients, visitors, residents, passers-by — the one word list for the actor `burger`
 * here and for triage.ts's rule "an aggressive act by an outsider is aggression from outside" (normalised;
 * a phrase has spaces; the last word may carry up to two extra letters: "burgers", "clienten").
 */
export const BUITENSTAANDERS: readonly string[] = [
  'burger',
  'burgers',
  'bezoeker',
  'bezoekers',
  'inwoner',
  'inwoners',
  'bewoner',
  'bewoners',
  'klant',
  'klanten',
  'aanvrager',
  'cliënt',
  'client',
  'clienten',
  'passant',
  'demonstrant',
  'automobilist',
  'fietser',
  'overtreder',
  'verdachte',
  'ondernemer',
  'uitkeringsgerechtigde',
  'hurder',
  'huurder',
  'buurman',
  'buurvrouw',
  'man aan de balie',
  'vrouw aan de balie',
  'iemand aan de balie',
  'iemand aan de telefoon',
  'beller',
  'citizen',
  'citizens',
  'visitor',
  'visitors',
  'resident',
  'residents',
  'customer',
  'customers',
  'member of the public',
  'applicant',
  'driver',
  'stranger',
  'caller',
  'tenant',
  'claimant',
  'jongeren',
  'groep jongeren',
  'een jongen',
  'hangjongeren',
  'kraamhouder',
  'ouder van',
  'vader van',
  'moeder van',
  'parent',
  'owner',
  'some guy',
  'een man',
  'een vrouw',
  'de man',
  'de vrouw',
  'a man',
  'a woman',
  'iemand die een boete',
  'someone whose',
  'partner van de client',
  'zoon van de client',
  'onbekende man',
  'onbekende vrouw',
];

/** Words (normalised; a phrase has spaces) naming each kind of actor. "mijn" before a manager word = own manager. */
const ACTOR_WOORDEN: Record<Exclude<Actor, 'ik'>, readonly string[]> = {
  collega: [
    'collega',
    'collegas',
    'collegaatje',
    'kamergenoot',
    'teamgenoot',
    'iemand op mijn afdeling',
    'iemand van mijn team',
    'iemand uit mijn team',
    'iemand van de afdeling',
    'medewerker',
    'medewerkster',
    'stagiair',
    'stagiaire',
    'uitzendkracht',
    'inhuurkracht',
    'oud collega',
    'colleague',
    'colleagues',
    'coworker',
    'co worker',
    'teammate',
    'someone in my team',
    'someone on my team',
    'someone in my department',
    'intern',
    'contractor colleague',
    'handhaver',
    'inkoper',
    'projectleider',
    'behandelaar',
    'boa',
    'boas',
    'iemand van ict',
    'iemand van het team',
    'iemand van inkoop',
    'iemand bij',
    'iemand op het stadhuis',
    'iemand op kantoor',
    'iemand uit het team',
    'enforcement officer',
    'someone in finance',
    'someone in our team',
    'someone in my department',
    'guy in my team',
    'people on my team',
    'my team',
    'mijn team',
    'de afdeling',
    'op de afdeling',
    'my colleagues',
  ],
  leidinggevende: [
    'leidinggevende',
    'leidinggevenden',
    'leidingevende',
    'leidinggevnde',
    'teamleider',
    'teamleidster',
    'teamlead',
    'teamcoach',
    'baas',
    'chef',
    'manager',
    'unitmanager',
    'coordinator',
    'ploegleider',
    'opzichter',
    'overste',
    'boss',
    'supervisor',
    'line manager',
    'team leader',
    'team lead',
  ],
  hogerLeidinggevende: [
    'directeur',
    'directrice',
    'directie',
    'afdelingshoofd',
    'diensthoofd',
    'afdelingsmanager',
    'hoofd van de afdeling',
    'sectorhoofd',
    'concerndirecteur',
    'algemeen directeur',
    'managementteam',
    'management',
    'de baas van mijn baas',
    'director',
    'head of department',
    'department head',
    'managing director',
    'senior management',
    'my bosss boss',
    'my managers manager',
    'ceo',
    'ceos',
  ],
  secretaris: [
    'gemeentesecretaris',
    'provinciesecretaris',
    'secretaris directeur',
    'algemeen directeur secretaris',
    'onze secretaris',
    'de secretaris van de gemeente',
    'de secretaris van de provincie',
    'town clerk',
    'municipal secretary',
    'provincial secretary',
    'secretary general',
  ],
  bestuurder: [
    'wethouder',
    'wethouders',
    'gedeputeerde',
    'gedeputeerden',
    'burgemeester',
    'bestuurder',
    'raadslid',
    'raadsleden',
    'statenlid',
    'statenleden',
    'dijkgraaf',
    'heemraad',
    'schepen',
    'college van b en w',
    'alderman',
    'mayor',
    'councillor',
    'councilor',
    'council member',
    'provincial executive',
    'executive councillor',
    'politician',
    'politicus',
  ],
  burger: BUITENSTAANDERS,
  leverancier: [
    'leverancier',
    'leveranciers',
    'aannemer',
    'aannemers',
    'onderaannemer',
    'adviesbureau',
    'ingenieursbureau',
    'bouwbedrijf',
    'projectontwikkelaar',
    'vertegenwoordiger',
    'accountmanager',
    'inschrijver',
    'opdrachtnemer',
    'supplier',
    'suppliers',
    'contractor',
    'contractors',
    'vendor',
    'vendors',
    'consultancy',
    'sales rep',
    'developer',
  ],
};

/** Own-conduct questions (normalised phrases): with these, a giver named in the text does not act, the employee decides. */
const EIGEN_VRAAG = [
  'mag ik',
  'kan ik',
  'moet ik',
  'zou ik',
  'mag k',
  'mogen wij',
  'mogen we',
  'kunnen we',
  'houden we',
  'kan dat',
  'mag dat',
  'is dat een probleem',
  'is dat erg',
  'is het erg',
  'wat vind jij',
  'wat nu',
  'wat moet ik',
  'wat doe ik',
  'hoe pak ik',
  'wat zeg ik',
  'wat doet ge',
  'gaan of niet',
  'doen of niet',
  'hoe moet ik',
  'wat als',
  'may i',
  'can i',
  'should i',
  'must i',
  'am i allowed',
  'is it ok',
  'is it fine',
  'what do i',
  'what should i',
  'how do i handle',
  'keep it',
  'do i have to',
  'do i need to',
  'is that something i',
  'is that a problem',
  'is that ok',
  'is that okay',
  'is that allowed',
  'is dat ok',
  'is dat oke',
];
/** Someone acts on the employee ("ik word gepest", "ik werd geduwd", "I was pushed"): not one's own conduct. */
const LIJDEND =
  /(^| )(ik (word|werd|ben|wordt)( \w+){0,4} (ge\w+[dt]|\w+ge\w+[dt]|uitgescholden|bespuwd|belachelijk|buitengesloten|lastiggevallen|niet uitgenodigd)|(im|i am|i was|i got|i m) (being )?\w+(ed|en)( |$)|(me|mij) (uit|aan|lastig))/;
/** Reporting someone else's conduct ("ik vermoed dat", "ik wil melden", "volgens mij", "I think"). */
const MELDEND = [
  'vermoed',
  'vermoeden',
  'melden dat',
  'misstand',
  'ik zag',
  'ik zie',
  'ik heb gezien',
  'ik merk',
  'ik denk dat',
  'volgens mij',
  'want to report',
  'wil melden',
  'report anonymously',
  'i saw',
  'i think',
  'i noticed',
  'i suspect',
  'someone is',
];

/** Own-conduct markers (normalised phrases). */
const EIGEN = [
  'mag ik',
  'kan ik',
  'moet ik',
  'zou ik',
  'mogen wij',
  'mogen we',
  'is het ok als ik',
  'is het goed als ik',
  'mag je',
  'ik wil graag',
  'ik wil',
  'ik heb een',
  'ik ben gevraagd',
  'ik word',
  'ik overweeg',
  'ik kreeg',
  'ik heb gekregen',
  'ik heb aandelen',
  'ik heb een bijbaan',
  'ik doe',
  'ik geef',
  'ik werk',
  'ik zit in',
  'kunnen wij',
  'may i',
  'can i',
  'should i',
  'must i',
  'am i allowed',
  'is it ok if i',
  'i want to',
  'i would like to',
  'i have been offered',
  'i was offered',
  'i got',
  'i have a',
  'i own',
  'i run',
  'i am thinking',
  'im thinking',
  'i do',
  'i work',
  'ik verhuur',
  'ik ben',
  'ik schrijf',
  'ik speel',
  'ik help',
  'ik twijfel',
  'ik moet',
  'ik weet niet',
  'ik zit',
  'ik heb',
  'i sit',
  'i play',
  'i rent',
  'i give',
  'i teach',
  'i coach',
  'im on',
  'i am on',
  'ive been asked',
  'i have been asked',
  'id like',
  'i d like',
  'my husband has',
  'my wife runs',
  'my wife has',
  'mijn man heeft',
  'mijn vrouw heeft',
];
/** Markers that the giver offers something to the employee (then an own-conduct question keeps actor `ik`). */
const GEVER = [
  'aanbieden',
  'biedt',
  'bood',
  'aangeboden',
  'geeft',
  'gaf',
  'gegeven',
  'stuurt',
  'stuurde',
  'nodigt',
  'uitnodiging',
  'krijg',
  'kreeg',
  'gekregen',
  'offers',
  'offered',
  'gives',
  'gave',
  'sent',
  'invites',
  'invited',
  'invitation',
  'got',
  'wil me',
  'meenemen',
  'bood aan',
  'geven',
  'gezet',
  'brengen',
  'take me',
  'wants to',
  'give',
  'left me',
];

/** Someone else's conduct without naming who ("er wordt", "ze laten", "they", "someone"): perspective `ander`. */
const ANDER = [
  'er wordt',
  'er worden',
  'er word',
  'wordt er',
  'worden er',
  'ze laten',
  'ze lachen',
  'ze doen',
  'ze knoeien',
  'niemand doet',
  'er gebeurt',
  'er gaat',
  'er verdwijnen',
  'er verdwijnt',
  'er lekt',
  'er staan',
  'er hangt',
  'er zijn',
  'er is iets',
  'iemand heeft',
  'iemand belt',
  'iemand',
  'they',
  'someone',
  'somebody',
  'are being',
  'is aangepast',
  'is being',
  'keep getting',
  'nobody',
];

/** A request to the employee ("een oud-collega vraagt om informatie", "my friend asks me"): the employee decides. */
const VERZOEK = /(^| )(vraagt|vroeg)( me| mij)? (om|of)( |$)|(^| )(asks|asked) me( |$)/;

interface Gevonden {
  actor: Exclude<Actor, 'ik'>;
  pos: number;
  naDoor: boolean;
  /** After "van" / "from": a giver ("een cadeau van een leverancier"). */
  naVan: boolean;
}

const ACTOR_INDEX = new ZinIndex(
  (Object.entries(ACTOR_WOORDEN) as [Exclude<Actor, 'ik'>, readonly string[]][]).flatMap(([actor, woorden]) =>
    woorden.map((w) => [normaliseer(w), actor] as const),
  ),
  2,
);
/**
 * Typo tolerance for one-word actor terms of at least 8 letters: a text word with one letter left out, added,
 * changed or two swapped (Damerau–Levenshtein 1) reads as the term — "mijn leidinggevede pest mij" names the
 * own manager. Only inside the word: the first two and the last two letters are as written, because an agent
 * noun and its verb differ at the end ("aannemer" / "aannemen", "bezoeker" / "bezoeken", "overtreder" /
 * "overtreden") and a text about accepting a gift must not name a contractor. Lookup by the word's one-letter
 * deletions (symmetric delete), checked with the real distance.
 */
const TIKFOUT_MIN = 8;
const TIKFOUT_INDEX: ReadonlyMap<string, readonly string[]> = (() => {
  const index = new Map<string, string[]>();
  const voeg = (sleutel: string, term: string) => {
    const lijst = index.get(sleutel);
    if (!lijst) index.set(sleutel, [term]);
    else if (!lijst.includes(term)) lijst.push(term);
  };
  for (const woorden of Object.values(ACTOR_WOORDEN))
    for (const w of woorden) {
      const term = normaliseer(w);
      if (term.includes(' ') || term.length < TIKFOUT_MIN) continue;
      voeg(term, term);
      for (let i = 2; i < term.length - 2; i++) voeg(term.slice(0, i) + term.slice(i + 1), term);
    }
  return index;
})();
const ACTOR_TERMEN = new Set([...TIKFOUT_INDEX.values()].flat());
/** First two + last two letters of every typo-tolerant term: a typo keeps both (see TIKFOUT_INDEX), so one probe rules most words out. */
const TIKFOUT_RAND = new Set([...ACTOR_TERMEN].map((t) => t.slice(0, 2) + t.slice(-2)));

/** The actor term `woord` is a typo of (see TIKFOUT_INDEX), or `woord` itself. */
export function actorTikfout(woord: string): string {
  if (woord.length < TIKFOUT_MIN - 1 || ACTOR_TERMEN.has(woord)) return woord;
  if (!TIKFOUT_RAND.has(woord.slice(0, 2) + woord.slice(-2))) return woord;
  const kandidaten = new Set(TIKFOUT_INDEX.get(woord) ?? []);
  for (let i = 2; i < woord.length - 2; i++)
    for (const t of TIKFOUT_INDEX.get(woord.slice(0, i) + woord.slice(i + 1)) ?? []) kandidaten.add(t);
  // Deletions only at positions 2 … length−3 on both sides, so every candidate keeps the word's first and last two letters.
  for (const t of kandidaten) if (bewerkingsafstand(woord, t, 1) <= 1) return t;
  return woord;
}

const zinnen = (lijst: readonly string[], rek = 0) =>
  new ZinIndex(
    lijst.map((m) => [m, true] as const),
    rek,
  );
const EIGEN_VRAAG_INDEX = zinnen(EIGEN_VRAAG);
const EIGEN_INDEX = zinnen(EIGEN);
const MELDEND_INDEX = zinnen(MELDEND, Infinity);
const ANDER_INDEX = zinnen(ANDER);
const GEVER_INDEX = zinnen(GEVER);
const DOOR = new Set(['door', 'by']);
const VAN = new Set(['van', 'from']);
const LIDWOORD = new Set(['de', 'het', 'een', 'mijn', 'onze', 'a', 'the', 'my', 'our', 'an']);

/** Words that extend an actor word but name no person ("supervisory board" is a raad van toezicht, not a manager). */
const GEEN_ACTOR = new Set(['supervisory']);
/** The employee's own words before a role: "ik ben (een) directeur", "ik word wethouder", "as a team lead". */
const ZELF_VOOR = [['ik', 'ben'], ['ik', 'word'], ['ik', 'wordt'], ['ben', 'ik'], ['als'], ['i', 'am'], ['im'], ['i', 'm'], ['as']];
const LIDWOORD_ROL = new Set(['een', 'de', 'a', 'an', 'the', 'zelf']);

/** Is the actor word at `pos` the employee describing themself ("ik ben directeur", "as a manager I")? */
function zelfbeschrijving(woorden: readonly string[], pos: number): boolean {
  let eind = pos;
  if (eind >= 1 && LIDWOORD_ROL.has(woorden[eind - 1])) eind--;
  return ZELF_VOOR.some((voor) => voor.length <= eind && voor.every((w, j) => woorden[eind - voor.length + j] === w));
}

/** The employee hesitating about their own part (normalised phrases; the last word may carry two extra letters). */
const TWIJFEL_INDEX = new ZinIndex(
  [
    'onbeleefd',
    'beledig',
    'kwetsen',
    'weet niet',
    'weet het niet',
    'twijfel',
    'geen gedoe',
    'offend',
    'rude',
    'not sure',
    'dont know',
    'do not know',
    'awkward',
    'ongemakkelijk',
  ].map((z) => [z, true] as const),
  2,
);
/** A giver who keeps at it (normalised phrases). */
const HERHAALD_INDEX = new ZinIndex(
  [
    'keeps',
    'keep',
    'steeds',
    'blijft',
    'telkens',
    'elke keer',
    'iedere keer',
    'always',
    'every time',
    'again and again',
    'al weken',
    'al maanden',
  ].map((z) => [z, true] as const),
);
/** Words for "me" as a recipient (normalised). */
const MIJ = new Set(['me', 'mij', 'mijn', 'ik', 'i', 'my', 'mn', 'm']);

/** A gift or favour (BEGRIPPEN `gunst`) and the employee (me, my), with no violence, threat or hurtful word. */
function ontvangtGeschenk(woorden: readonly string[]): boolean {
  if (!woorden.some((w) => MIJ.has(w))) return false;
  const b = begrippen(woorden);
  return b.includes('#gunst') && !b.includes('#geweld') && !b.includes('#kwetsen');
}

/** What `actorEnPerspectief` finds: who acts, own or someone else's conduct, and every kind of person the text names. */
export interface ActorAnalyse {
  actor?: Actor;
  perspectief?: Perspectief;
  /** Every kind of person named anywhere in the text (also as giver or victim), e.g. `burger` for "de bewoner". */
  genoemd: ReadonlySet<Exclude<Actor, 'ik'>>;
}

/** Someone with authority over the employee or the organisation: what they have others do, they do. */
const GEZAG: ReadonlySet<Actor> = new Set(['leidinggevende', 'hogerLeidinggevende', 'secretaris', 'bestuurder']);
/** Causative verbs ("de wethouder laat zijn oprit betalen door een aannemer", "the alderman had it paid for by"). */
const LATEN = new Set(['laat', 'liet', 'laten', 'lieten', 'gelaten', 'has', 'had', 'have', 'gets', 'got', 'getting']);

/**
 * "X laat … door Y" / "X had … by Y": when someone with authority (GEZAG) has something done by a supplier,
 * citizen or colleague named after "door"/"by", the one with authority acts — the route goes around them, not
 * to their line. Not for a passive that only looks like it ("had been insulted by", "wordt bedreigd door").
 */
function causatief(woorden: readonly string[], gevonden: readonly Gevonden[], door: Gevonden | undefined): Gevonden | undefined {
  if (!door || GEZAG.has(door.actor)) return undefined;
  return gevonden.find((g) => {
    if (!GEZAG.has(g.actor) || g.pos >= door.pos) return false;
    for (let i = g.pos + 1; i < door.pos; i++) if (LATEN.has(woorden[i]) && woorden[i + 1] !== 'been') return true;
    return false;
  });
}

/** The actor and perspective of a normalised text (words joined by single spaces). */
export function actorEnPerspectief(genormaliseerd: string): ActorAnalyse {
  const woorden = genormaliseerd ? genormaliseerd.split(' ') : [];
  const na = (set: ReadonlySet<string>, pos: number) =>
    (pos >= 1 && set.has(woorden[pos - 1])) || (pos >= 2 && set.has(woorden[pos - 2]) && LIDWOORD.has(woorden[pos - 1]));
  const gevonden: Gevonden[] = ACTOR_INDEX.vind(woorden.map(actorTikfout))
    // "ik ben directeur", "ik word wethouder", "as a team lead I…": the employee describes themself, nobody else acts.
    .filter(({ pos }) => !zelfbeschrijving(woorden, pos) && !GEEN_ACTOR.has(woorden[pos]))
    .map(({ waarde, pos }) => ({
      actor: waarde,
      pos,
      naDoor: na(DOOR, pos),
      naVan: na(VAN, pos),
    }));
  const genoemd = new Set(gevonden.map((g) => g.actor));
  const klaar = (uit: { actor?: Actor; perspectief?: Perspectief }): ActorAnalyse => ({ ...uit, genoemd });
  const vraag = EIGEN_VRAAG_INDEX.bevat(woorden);
  const lijdend = LIJDEND.test(genormaliseerd);
  const meldend = MELDEND_INDEX.bevat(woorden);
  const verzoek = VERZOEK.test(genormaliseerd);
  const eigen = (vraag && !meldend) || (!lijdend && !meldend && EIGEN_INDEX.bevat(woorden));
  // "de manager van mijn manager" / "mijn leidinggevende en zijn baas" — a higher manager wins over the own one.
  const door = gevonden.find((g) => g.naDoor);
  const agent = causatief(woorden, gevonden, door) ?? door ?? gevonden.sort((a, b) => a.pos - b.pos)[0];
  if (agent) {
    const gever = agent.actor === 'leverancier' || agent.actor === 'burger';
    // A colleague, neighbour or client asks the employee a favour: the employee decides. (A manager who asks for
    // something wrong — "mijn leidinggevende vraagt me een factuur te antedateren" — acts.)
    if ((agent.actor === 'collega' || gever) && verzoek && !lijdend) return klaar({ actor: 'ik', perspectief: 'zelf' });
    if (eigen && vraag && gever && (agent.naVan || GEVER_INDEX.bevat(woorden))) return klaar({ actor: 'ik', perspectief: 'zelf' });
    // "Een bewoner bracht een kerstpakket voor me", "a resident dropped off a hamper with my name on it": a gift
    // to the employee, without a threat and without reporting someone: the employee decides what to do with it.
    // Not when the giver keeps at it without the employee asking anything: "the contractor keeps sending me
    // expensive gifts" is about the contractor's conduct; "ik wil niet onbeleefd zijn" keeps it the employee's.
    if (
      gever &&
      !lijdend &&
      !meldend &&
      (eigen || TWIJFEL_INDEX.bevat(woorden) || !HERHAALD_INDEX.bevat(woorden)) &&
      ontvangtGeschenk(woorden)
    ) {
      return klaar({ actor: 'ik', perspectief: 'zelf' });
    }
    return klaar({ actor: agent.actor, perspectief: 'ander' });
  }
  if (eigen || verzoek) return klaar({ actor: 'ik', perspectief: 'zelf' });
  // A passive ("bouwplannen worden goedgekeurd") says someone else acts, but not as the opening of a question ("Wordt dit bewaard?").
  const passief = woorden.slice(1).some((w) => w === 'wordt' || w === 'worden');
  if (lijdend || meldend || passief || ANDER_INDEX.bevat(woorden)) return klaar({ perspectief: 'ander' });
  return klaar({});
}
