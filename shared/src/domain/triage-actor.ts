import type { Actor, Perspectief } from './triage';

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
    'afdelingsmanager',
    'hoofd van de afdeling',
    'sectorhoofd',
    'concerndirecteur',
    'algemeen directeur',
    'gemeentesecretaris',
    'provinciesecretaris',
    'secretaris directeur',
    'managementteam',
    'de baas van mijn baas',
    'director',
    'head of department',
    'department head',
    'managing director',
    'senior management',
    'my bosss boss',
    'my managers manager',
    'town clerk',
    'ceo',
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
  burger: [
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
  ],
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
];

interface Gevonden {
  actor: Exclude<Actor, 'ik'>;
  pos: number;
  naDoor: boolean;
  /** After "van" / "from": a giver ("een cadeau van een leverancier"). */
  naVan: boolean;
}

/** The actor and perspective of a normalised text (words joined by single spaces). */
export function actorEnPerspectief(genormaliseerd: string): { actor?: Actor; perspectief?: Perspectief } {
  const zin = ` ${genormaliseerd} `;
  const gevonden: Gevonden[] = [];
  for (const [actor, woorden] of Object.entries(ACTOR_WOORDEN) as [Exclude<Actor, 'ik'>, readonly string[]][]) {
    for (const w of woorden) {
      let from = 0;
      for (;;) {
        const i = zin.indexOf(` ${w}`, from);
        if (i < 0) break;
        const end = i + w.length + 1;
        // whole word, or a plural/inflection of up to 2 letters ("collegas", "managers")
        const rest = zin.slice(end, zin.indexOf(' ', end));
        if (rest.length <= 2) {
          const voor = zin.slice(Math.max(0, i - 12), i);
          const naDoor = / (door|by)( de| het| een| mijn| onze| a| the| my| our| an)?$/.test(voor);
          const naVan = / (van|from)( de| het| een| a| the| an)?$/.test(voor);
          gevonden.push({ actor, pos: i, naDoor, naVan });
        }
        from = end;
      }
    }
  }
  const eigen = EIGEN.some((m) => zin.includes(` ${m} `));
  // "de manager van mijn manager" / "mijn leidinggevende en zijn baas" — a higher manager wins over the own one.
  const agent = gevonden.find((g) => g.naDoor) ?? gevonden.sort((a, b) => a.pos - b.pos)[0];
  if (agent) {
    const gever = agent.actor === 'leverancier' || agent.actor === 'burger';
    if (eigen && gever && (agent.naVan || GEVER.some((g) => zin.includes(` ${g} `)))) return { actor: 'ik', perspectief: 'zelf' };
    return { actor: agent.actor, perspectief: 'ander' };
  }
  if (eigen) return { actor: 'ik', perspectief: 'zelf' };
  return {};
}
