/**
 * The SharePoint lists of Integriteitsplein, as data: one definition per list (docs/contracts.md "SharePoint lists",
 * "SharePoint lists"). Infra (provisioning), both stores, the import/export CLI and the report read these
 * definitions; the zod schemas in `schemas.ts` are derived from them, never written by hand.
 *
 * Privacy rule (docs/conventions.md "Text, privacy, errors"): no list holds a name, e-mail address, phone number or free text about a person.
 */
import { SITUATIES } from './situaties';

/** SharePoint column types we use (Graph column definitions: text, note, number, boolean, dateTime, choice). */
export type ColumnType = 'text' | 'note' | 'number' | 'boolean' | 'date' | 'dateTime' | 'choice' | 'multichoice';

/** One column of a list: internal name, type, choice values, required flag, index flag. */
export interface ColumnDefinition {
  /** Internal name (SharePoint `name`), fixed by docs/contracts.md; also the JSON/CSV key. */
  readonly name: string;
  readonly type: ColumnType;
  /** Allowed values for `choice` and `multichoice` columns, in display order. */
  readonly choices?: readonly string[];
  /** Required on every item. Optional columns may be absent or null. */
  readonly required: boolean;
  /** Indexed in SharePoint (the report and queries filter on it). */
  readonly indexed?: boolean;
  /** Whole numbers only (`number` columns). */
  readonly integer?: boolean;
  /** Short Dutch description for provisioning and docs. */
  readonly description?: string;
  /**
   * A free-text column: every write (bot, import, store) runs the PII guard (`shared/src/domain/pii-guard.ts`) and
   * refuses an e-mail address, phone number, IBAN or BSN in it.
   */
  readonly piiControle?: boolean;
}

/** One list: its name, the column(s) that form its key, the date column the report counts it by. */
export interface ListDefinition {
  readonly name: string;
  /** Columns whose values together identify an item; adding an item with an existing key is a no-op. */
  readonly key: readonly string[];
  /** Column that places an item in a year for the report (date, dateTime or ISO week text). */
  readonly yearColumn: string;
  readonly columns: readonly ColumnDefinition[];
  readonly description: string;
}

type ColumnOptions = { indexed?: boolean; integer?: boolean; description?: string; piiControle?: boolean };
/* Small generic builders: they keep the literal names, types and choices so item types can be derived.
   Every builder makes a required column; wrap it in `optional(...)` for an optional one. */
const text = <const N extends string>(name: N, o: ColumnOptions = {}) => ({ ...o, name, type: 'text' as const, required: true as const });
const date = <const N extends string>(name: N, o: ColumnOptions = {}) => ({ ...o, name, type: 'date' as const, required: true as const });
const choice = <const N extends string, const C extends readonly string[]>(name: N, choices: C, o: ColumnOptions = {}) => ({
  ...o,
  name,
  type: 'choice' as const,
  choices,
  required: true as const,
});
const multi = <const N extends string, const C extends readonly string[]>(name: N, choices: C, o: ColumnOptions = {}) => ({
  ...o,
  name,
  type: 'multichoice' as const,
  choices,
  required: true as const,
});
const optional = <C extends { required: true }>(col: C): Omit<C, 'required'> & { required: false } => ({ ...col, required: false });

/* Choice values, exported so domain code and cards use the same constants. */
export const KANALEN = ['schriftelijk', 'telefonisch', 'gesprek', 'teams'] as const;
export const MELDPUNT_SOORTEN = ['leidinggevende', 'vertrouwenspersoon', 'integriteitscoordinator', 'secretaris', 'extern'] as const;
export const MELDING_SOORTEN = ['vermoedenMisstand', 'zakelijk', 'sociaal'] as const;
/** Central-government typology of integrity violations (categorie of a melding). */
export const CATEGORIEEN = [
  'financieel',
  'misbruikPositie',
  'informatie',
  'misbruikBevoegdheden',
  'ongewensteOmgangsvormen',
  'privesfeer',
  'dienstmiddelenInterneRegels',
  'misstand',
] as const;
export const BETROKKENEN = ['ambtenaar', 'politiekAmbtsdrager', 'onbekend'] as const;
export const ONDERZOEKEN = ['geen', 'vooronderzoek', 'lijn', 'intern', 'extern'] as const;
export const UITKOMSTEN = ['lopend', 'gegrond', 'ongegrond', 'nietOnderzoekswaardig', 'geenSchending'] as const;
export const MAATREGELEN = [
  'geen',
  'waarschuwing',
  'berisping',
  'overplaatsing',
  'voorwaardelijkStrafontslag',
  'ontslag',
  'teamtraject',
  'dossiernotitie',
  'aangifte',
  'vertrek',
  'overig',
] as const;
export const VP_SOORTEN = ['intern', 'extern'] as const;
export const ONDERWERPEN = [
  'integriteit',
  'ongewensteOmgangsvormen',
  'discriminatie',
  'arbeidsconflict',
  'onveiligheid',
  'adviesAlgemeen',
] as const;
export const DOORVERWIJZINGEN = [
  'geen',
  'coach',
  'loopbaanadviseur',
  'mediation',
  'klachtencommissie',
  'leidinggevende',
  'bedrijfsarts',
  'overig',
] as const;
export const SESSIE_SOORTEN = ['ambtseed', 'workshopIntegriteit'] as const;
export const DIENSTVERBANDEN = ['arbeidsovereenkomst', 'extern', 'stagiair'] as const;
export const INSCHRIJVING_STATUSSEN = ['ingeschreven', 'wachtlijst', 'geannuleerd', 'afgelegd', 'afwezig'] as const;
export const VORMEN = ['eed', 'belofte', 'integriteitsverklaring'] as const;
export const DILEMMA_THEMAS = ['zakelijk', 'sociaal'] as const;
export const DILEMMA_BRONNEN = ['dilemmaspel', 'moresprudentie', 'eigen'] as const;
export const WERKVORMEN = ['dilemmaspel', 'moreelBeraad', 'moreelBeraadLight', 'workshop'] as const;
export const DOELGROEPEN = ['nieuweMedewerkers', 'afdeling', 'vakgenootschap', 'management', 'organisatiebreed'] as const;
export const AGRESSIE_SOORTEN = ['verbaal', 'fysiek', 'psychisch', 'anders'] as const;
export const AGRESSIE_MAATREGELEN = [
  'waarschuwingsbrief',
  'herstelgesprek',
  'contactafspraken',
  'meldingPolitie',
  'aangiftePolitie',
] as const;
// The meldwijzer's situations live in their own module (the tab's first page imports them without the list definitions).
export { SITUATIES, type Situatie } from './situaties';

/* ---------- VOG renewal (Verklaring Omtrent Gedrag for kwetsbare functies): codes and dates only ---------- */
/** Why a VOG is asked: on taking up a kwetsbare functie (`start`) or because the last one is three years old (`hernieuwing`). */
export const VOG_AANLEIDINGEN = ['start', 'hernieuwing'] as const;
/**
 * Where a VOG request stands: `openstaand` (asked, nothing heard), `aangevraagd` (the employee says it has been
 * requested at Justis), `ontvangen` / `nietOntvangen` (recorded by HR; both close the request).
 */
export const VOG_STATUSSEN = ['openstaand', 'aangevraagd', 'ontvangen', 'nietOntvangen'] as const;

/* ---------- Nevenwerkzaamheden en financiële belangen (Ambtenarenwet art. 8) ---------- */
/** Which register an item of `Nevenwerkzaamheden` belongs to (Ambtenarenwet art. 8 lid 1 and lid 2). */
export const NEVENWERK_REGISTERS = ['nevenwerkzaamheid', 'financieelBelang'] as const;
/** Kinds of nevenwerkzaamheid (the rows of a "samenvattend overzicht"). */
export const NEVENWERK_SOORTEN = [
  'bestuurslid',
  'toezichthouder',
  'adviseur',
  'docent',
  'eigenOnderneming',
  'loondienst',
  'politiekeFunctie',
  'vrijwilligerswerk',
  'overig',
] as const;
/** Kinds of financial interest (Ambtenarenwet art. 8 lid 2: interests that can touch the service's interests). */
export const FINANCIEEL_BELANG_SOORTEN = [
  'aandelen',
  'opties',
  'obligaties',
  'vastgoed',
  'deelneming',
  'vordering',
  'overigBelang',
] as const;
/** Where a registration stands. */
export const NEVENWERK_STATUSSEN = ['gemeld', 'beoordeeld', 'beeindigd'] as const;
/** The manager's assessment. */
export const NEVENWERK_BEOORDELINGEN = ['toegestaan', 'toegestaanMetVoorwaarden', 'nietToegestaan'] as const;
/** Conditions attached to "toegestaan met voorwaarden", as codes. */
export const NEVENWERK_VOORWAARDEN = [
  'buitenWerktijd',
  'geenDienstmiddelen',
  'geenZakelijkeRelatie',
  'nietBetrokkenBijBesluitvorming',
  'geheimhouding',
  'wijzigingMelden',
  'herbeoordelingNaJaar',
] as const;
/** Answers in the yearly refresh round. */
export const HERBEVESTIGING_ANTWOORDEN = ['openstaand', 'bevestigd', 'beeindigd'] as const;

/** All lists, in provisioning order. */
export const LIST_DEFINITIONS = {
  Meldingen: {
    name: 'Meldingen',
    key: ['meldingId'],
    yearColumn: 'ontvangenOp',
    description: 'Metadata van meldingen van (vermoedens van) integriteitsschendingen en misstanden. Geen namen, geen vrije tekst.',
    columns: [
      text('meldingId', { indexed: true, description: 'M-<jaar>-<nnnn>' }),
      date('ontvangenOp', { indexed: true }),
      choice('kanaal', KANALEN),
      choice('meldpunt', MELDPUNT_SOORTEN),
      choice('soort', MELDING_SOORTEN, { indexed: true }),
      choice('categorie', CATEGORIEEN),
      choice('betrokkene', BETROKKENEN),
      { name: 'anoniem', type: 'boolean', required: true },
      choice('onderzoek', ONDERZOEKEN),
      choice('uitkomst', UITKOMSTEN, { indexed: true }),
      multi('maatregelen', MAATREGELEN),
      optional(date('ontvangstbevestigdOp')),
      optional(date('terugkoppelingOp')),
      optional(date('afgeslotenOp')),
      optional(date('bewaarTot')),
    ],
  },
  Gesprekken: {
    name: 'Gesprekken',
    key: ['gesprekId'],
    yearColumn: 'datum',
    description: 'Gesprekken met vertrouwenspersonen: alleen onderwerp en doorverwijzing.',
    columns: [
      text('gesprekId', { indexed: true }),
      date('datum', { indexed: true }),
      choice('vertrouwenspersoon', VP_SOORTEN),
      choice('onderwerp', ONDERWERPEN),
      { name: 'isMelding', type: 'boolean', required: true, description: 'Een nieuwe kwestie, geen vervolggesprek' },
      choice('doorverwezen', DOORVERWIJZINGEN),
      optional(date('verwijderdOp', { description: 'Door de vertrouwenspersoon verwijderd (telt niet mee in het jaarverslag)' })),
    ],
  },
  AmbtseedSessies: {
    name: 'AmbtseedSessies',
    key: ['sessieId'],
    yearColumn: 'start',
    description: 'Bijeenkomsten voor ambtseed/-belofte en workshops integriteit.',
    columns: [
      text('sessieId', { indexed: true }),
      { name: 'start', type: 'dateTime', required: true, indexed: true },
      { name: 'eind', type: 'dateTime', required: true },
      choice('soort', SESSIE_SOORTEN, { indexed: true }),
      optional(text('locatie')),
      { name: 'online', type: 'boolean', required: true },
      text('afnemer', { description: 'Een functie, geen persoon' }),
      { name: 'capaciteit', type: 'number', required: true, integer: true },
    ],
  },
  AmbtseedInschrijvingen: {
    name: 'AmbtseedInschrijvingen',
    key: ['inschrijvingId'],
    yearColumn: 'afgelegdOp',
    description: 'Inschrijvingen voor ambtseed en workshop (HR-administratie; nooit gekopieerd naar zaaklijsten).',
    columns: [
      text('inschrijvingId', { indexed: true }),
      text('sessieId', { indexed: true }),
      text('medewerker', { indexed: true, description: 'Entra object id' }),
      choice('dienstverband', DIENSTVERBANDEN),
      date('indienstOp'),
      choice('status', INSCHRIJVING_STATUSSEN, { indexed: true }),
      optional(choice('vorm', VORMEN)),
      optional(date('afgelegdOp', { indexed: true })),
    ],
  },
  Dilemmas: {
    name: 'Dilemmas',
    key: ['dilemmaId'],
    yearColumn: '',
    description: 'Dilemma’s voor dilemma van de week en dilemmasessies.',
    columns: [
      text('dilemmaId', { indexed: true }),
      text('titel'),
      { name: 'tekst', type: 'note', required: true },
      text('opties', { description: 'JSON-array van antwoordopties' }),
      choice('thema', DILEMMA_THEMAS),
      choice('bron', DILEMMA_BRONNEN),
    ],
  },
  DilemmaStemmen: {
    name: 'DilemmaStemmen',
    key: ['stemId'],
    yearColumn: 'week',
    description: 'Anonieme stemmen op het dilemma van de week: geen gebruikersveld.',
    columns: [
      text('stemId', { indexed: true, description: 'Willekeurige id per stem (idempotente schrijfactie), niet herleidbaar' }),
      text('dilemmaId', { indexed: true }),
      text('week', { indexed: true, description: 'ISO-week, 2026-W48' }),
      { name: 'optie', type: 'number', required: true, integer: true },
    ],
  },
  DilemmaSessies: {
    name: 'DilemmaSessies',
    key: ['sessieId'],
    yearColumn: 'datum',
    description: 'Dilemmasessies en moreel beraad: werkvorm, doelgroep, aantal deelnemers.',
    columns: [
      text('sessieId', { indexed: true }),
      date('datum', { indexed: true }),
      choice('werkvorm', WERKVORMEN),
      choice('doelgroep', DOELGROEPEN),
      { name: 'deelnemers', type: 'number', required: true, integer: true },
      optional(text('dilemmaIds', { description: 'Komma-gescheiden dilemmaIds' })),
    ],
  },
  AgressieIncidenten: {
    name: 'AgressieIncidenten',
    key: ['incidentId'],
    yearColumn: 'datum',
    description: 'Incidenten van agressie en geweld van buiten: alleen datum, soort en maatregelen.',
    columns: [
      text('incidentId', { indexed: true }),
      date('datum', { indexed: true }),
      multi('soort', AGRESSIE_SOORTEN),
      optional(multi('maatregelen', AGRESSIE_MAATREGELEN)),
    ],
  },
  NieuweMedewerkers: {
    name: 'NieuweMedewerkers',
    key: ['medewerkerId'],
    yearColumn: 'indienstOp',
    description: 'Nieuwe medewerkers (opake id) voor ambtseed- en workshopplanning.',
    columns: [
      text('medewerkerId', { indexed: true, description: 'Opake id' }),
      date('indienstOp', { indexed: true }),
      choice('dienstverband', DIENSTVERBANDEN),
      optional(date('workshopGevolgdOp', { indexed: true })),
    ],
  },
  MeldwijzerGebruik: {
    name: 'MeldwijzerGebruik',
    key: ['week', 'situatie'],
    yearColumn: 'week',
    description: 'Hoe vaak de meldwijzer per week een route per situatie toonde. Geen gebruiker, geen tekst.',
    columns: [
      text('week', { indexed: true }),
      choice('situatie', SITUATIES),
      { name: 'aantal', type: 'number', required: true, integer: true },
    ],
  },
  VogFunctiehouders: {
    name: 'VogFunctiehouders',
    key: ['medewerker', 'functie'],
    yearColumn: 'startOp',
    description: 'Wie een kwetsbare functie (VOG-plichtig) vervult: object id, functiecode uit de configuratie, startdatum. HR importeert.',
    columns: [
      text('medewerker', { indexed: true, description: 'Entra object id' }),
      text('functie', { indexed: true, description: 'Id van een kwetsbare functie uit de configuratie (vog.functies)' }),
      date('startOp', { indexed: true }),
      optional(date('eindOp', { description: 'Laatste dag in de functie; daarna geen VOG-verzoeken meer' })),
      optional(date('laatsteVogOp', { description: 'Afgiftedatum van de laatste VOG vóór dit register; de cyclus telt vanaf hier' })),
    ],
  },
  VogAanvragen: {
    name: 'VogAanvragen',
    key: ['aanvraagId'],
    yearColumn: 'gevraagdOp',
    description: 'VOG-verzoeken van de bot aan functiehouders en wat HR vastlegde. Geen namen, geen vrije tekst.',
    columns: [
      text('aanvraagId', { indexed: true, description: '<functie>:<medewerker>:<peildatum>' }),
      text('medewerker', { indexed: true, description: 'Entra object id' }),
      text('functie', { indexed: true }),
      choice('aanleiding', VOG_AANLEIDINGEN),
      date('peildatum', { description: 'Wanneer de VOG nodig was: de start in de functie of drie jaar na de vorige' }),
      date('gevraagdOp', { indexed: true, description: 'Dag waarop de bot het verzoek deed' }),
      choice('status', VOG_STATUSSEN, { indexed: true }),
      optional(date('aangevraagdOp')),
      optional(date('vastgelegdOp', { description: 'Dag waarop HR ontvangen of niet ontvangen vastlegde' })),
      optional(date('afgifteOp', { description: 'Afgiftedatum op de ontvangen VOG; de volgende ronde telt vanaf hier' })),
    ],
  },
  /* Nevenwerkzaamheden en financiële belangen: codes, opaque ids and two short texts (see the column descriptions). */
  Functiebezetting: {
    name: 'Functiebezetting',
    key: ['medewerker'],
    yearColumn: '',
    description: 'Wie welke functie bekleedt en wie de leidinggevende is (HR-import; opake ids en functiecodes uit de configuratie).',
    columns: [
      text('medewerker', { indexed: true, description: 'Entra object id' }),
      text('functie', { indexed: true, description: 'Functiecode uit nevenwerk.functies in de configuratie' }),
      text('leidinggevende', { indexed: true, description: 'Entra object id van de leidinggevende' }),
    ],
  },
  Nevenwerkzaamheden: {
    name: 'Nevenwerkzaamheden',
    key: ['registratieId'],
    yearColumn: 'gemeldOp',
    description: 'Register van nevenwerkzaamheden en financiële belangen (Ambtenarenwet art. 8). Geen namen.',
    columns: [
      text('registratieId', { indexed: true, description: 'NW-<jaar>-<nnnn>' }),
      text('medewerker', { indexed: true, description: 'Entra object id' }),
      text('functie', { indexed: true, description: 'Functiecode bij de melding' }),
      choice('register', NEVENWERK_REGISTERS, { indexed: true }),
      optional(choice('soortNevenwerk', NEVENWERK_SOORTEN)),
      optional(choice('soortBelang', FINANCIEEL_BELANG_SOORTEN)),
      optional(
        text('organisatie', {
          piiControle: true,
          description: 'Naam van de organisatie of onderneming (PII-controle; nooit gepubliceerd)',
        }),
      ),
      { name: 'betaald', type: 'boolean', required: false },
      { name: 'urenPerMaand', type: 'number', required: false, integer: true },
      { name: 'mogelijkConflict', type: 'boolean', required: true, description: 'Kan de belangen van de dienst raken' },
      date('gemeldOp', { indexed: true }),
      choice('status', NEVENWERK_STATUSSEN, { indexed: true }),
      optional(choice('beoordeling', NEVENWERK_BEOORDELINGEN)),
      optional(multi('voorwaarden', NEVENWERK_VOORWAARDEN)),
      optional(date('beoordeeldOp')),
      optional(date('beeindigdOp')),
      optional(
        text('publicatieActiviteit', {
          piiControle: true,
          description: 'De te publiceren omschrijving van de activiteit, ingevoerd door HR (alleen topfuncties)',
        }),
      ),
    ],
  },
  NevenwerkHerbevestigingen: {
    name: 'NevenwerkHerbevestigingen',
    key: ['ronde', 'registratieId'],
    yearColumn: 'gevraagdOp',
    description: 'De jaarlijkse ronde: per registratie gevraagd, bevestigd of beëindigd.',
    columns: [
      text('ronde', { indexed: true, description: 'Jaar van de ronde, 2026' }),
      text('registratieId', { indexed: true }),
      date('gevraagdOp', { indexed: true }),
      choice('antwoord', HERBEVESTIGING_ANTWOORDEN, { indexed: true }),
      optional(date('beantwoordOp')),
    ],
  },
} as const satisfies Record<string, ListDefinition>;

/** Name of one of our lists. */
export type ListName = keyof typeof LIST_DEFINITIONS;

/** All list names, in provisioning order. */
export const LIST_NAMES = Object.keys(LIST_DEFINITIONS) as ListName[];

/**
 * Look up a list definition by name.
 * @throws Error (Dutch message) when `name` is not one of our lists.
 */
export function getListDefinition(name: string): ListDefinition {
  if (!Object.prototype.hasOwnProperty.call(LIST_DEFINITIONS, name)) {
    throw new Error(`Onbekende lijst "${name}". Kies uit: ${LIST_NAMES.join(', ')}.`);
  }
  return LIST_DEFINITIONS[name as ListName];
}

/** True when `name` is one of our lists. */
export function isListName(name: string): name is ListName {
  return Object.prototype.hasOwnProperty.call(LIST_DEFINITIONS, name);
}
