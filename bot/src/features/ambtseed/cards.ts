import fs from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';

/**
 * Typed render functions for the ambtseed card templates `bot/cards/ambtseed-*.json` (Adaptive Cards 1.5,
 * expanded with adaptivecards-templating). The data shapes below are the templates' contract; every string
 * is already localised by the caller. Empty string = "leave this part out" (the templates test `!= ''`).
 */

const KAARTEN_MAP = path.resolve(__dirname, '../../../cards');
const cache = new Map<string, unknown>();

/** The raw template JSON of `bot/cards/<naam>.json` (for schema tests). */
export function kaartTemplate(naam: string): Record<string, unknown> {
  if (!cache.has(naam)) cache.set(naam, JSON.parse(fs.readFileSync(path.join(KAARTEN_MAP, `${naam}.json`), 'utf8')));
  return structuredClone(cache.get(naam)) as Record<string, unknown>;
}

function expand(naam: string, data: object): Record<string, unknown> {
  return new Template(kaartTemplate(naam)).expand({ $root: data }) as Record<string, unknown>;
}

/** The names of all ambtseed templates. */
export const AMBTSEED_KAARTEN = [
  'ambtseed-plan',
  'ambtseed-bevestiging',
  'ambtseed-hr',
  'ambtseed-sessie',
  'ambtseed-aanwezigheid',
  'ambtseed-overzicht',
  'ambtseed-herinnering',
  'ambtseed-bevestig',
  'ambtseed-samenvatting',
] as const;

/** One option in a ChoiceSet. */
export interface Keuze {
  id: string;
  label: string;
}

/** A section of the plan card for one kind of session. `toon: false` hides it (other fields then unused). */
export interface SessieSectie {
  toon: boolean;
  soort: 'ambtseed' | 'workshopIntegriteit';
  kopje: string;
  heeftMijn: boolean;
  mijnTekst: string;
  inschrijvingId: string;
  icsUrl: string;
  teamsUrl: string;
  agendaTitel: string;
  teamsTitel: string;
  annuleerTitel: string;
  sessies: Keuze[];
  eersteSessie: string;
  geenSessies: string;
  kiesSessie: string;
  boekTitel: string;
  verzetTitel: string;
}

/** The eed/belofte part of the ambtseed section. */
export interface EedSectie extends SessieSectie {
  afnemerTekst: string;
  getuigeTekst: string;
  verschilTitel: string;
  verschilUitleg: string;
  verschilSlot: string;
  eedTitel: string;
  eedTekst: string;
  belofteTitel: string;
  belofteTekst: string;
  kiesVorm: string;
  gekozenVorm: string;
}

/** Data of `ambtseed-plan.json` ("Plan mijn ambtseed"). */
export interface PlanKaartData {
  titel: string;
  intro: string;
  nietGeregistreerd: string;
  allesKlaar: string;
  verplichtingen: { wat: string; status: string }[];
  ambtseed: EedSectie;
  workshop: SessieSectie;
  verklaring: { toon: boolean; kopje: string; uitleg: string; tekst: string; verklaarTitel: string };
}
export const renderPlanKaart = (d: PlanKaartData) => expand('ambtseed-plan', d);

/** Data of `ambtseed-bevestiging.json` (booked, waitlisted, cancelled, moved up, session changed). */
export interface BevestigingKaartData {
  titel: string;
  tekst: string;
  extra: string;
  icsUrl: string;
  agendaTitel: string;
  teamsUrl: string;
  teamsTitel: string;
  oorkondeUrl: string;
  oorkondeTitel: string;
  planTitel: string;
}
export const renderBevestigingKaart = (d: BevestigingKaartData) => expand('ambtseed-bevestiging', d);

/** Data of `ambtseed-hr.json` (HR: overview, forecast, sessions, actions). */
export interface HrKaartData {
  titel: string;
  overzichtTitel: string;
  overzicht: { titel: string; waarde: string }[];
  prognoseTitel: string;
  prognose: { tekst: string; kleur: 'Default' | 'Good' | 'Attention' }[];
  sessiesTitel: string;
  geenSessies: string;
  sessies: { label: string }[];
  keuzes: Keuze[];
  eersteSessie: string;
  kiesSessie: string;
  wijzigTitel: string;
  aanwezigheidTitel: string;
  deelnemersTitel: string;
  /** "Herinnering sturen aan wie over de deadline is (n)"; `''` hides the button (nobody is late). */
  herinnerTitel: string;
  /** Signed same-day link to the CSV of open obligations (`openstaand.ts`); `''` hides the button (nobody is late). */
  exportUrl: string;
  exportTitel: string;
  /** Sessions of this calendar year that have started (attendance can be recorded for each), newest first. */
  aanwezigheidKeuzes: Keuze[];
  eersteAanwezigheid: string;
  kiesAanwezigheid: string;
  /** Shown instead of the attendance ChoiceSet when no session of this year has started; `''` otherwise. */
  geenAanwezigheid: string;
  /** "Bijeenkomst annuleren…": asks for confirmation first (`ambtseed-bevestig.json`). */
  annuleerTitel: string;
  nieuwTitel: string;
}
export const renderHrKaart = (d: HrKaartData) => expand('ambtseed-hr', d);

/**
 * Data of `ambtseed-sessie.json` (create/edit form). Values are strings as the inputs expect them. `melding`
 * (Attention, above the fields) says why the form came back; `dst` asks, per time that happens twice when
 * summer time ends, which of the two is meant (field `beginKeuze` / `eindKeuze`, values `zomertijd` / `wintertijd`).
 */
export interface SessieFormulierData {
  titel: string;
  melding: string;
  dst: { veld: 'beginKeuze' | 'eindKeuze'; vraag: string; keuzes: { title: string; value: string }[] }[];
  l: Record<
    | 'soort'
    | 'ambtseed'
    | 'workshop'
    | 'datum'
    | 'begin'
    | 'eind'
    | 'locatie'
    | 'online'
    | 'onlineVraag'
    | 'afnemer'
    | 'capaciteit'
    | 'opslaan',
    string
  >;
  v: {
    sessieId: string;
    soort: string;
    datum: string;
    begin: string;
    eind: string;
    locatie: string;
    online: 'true' | 'false';
    afnemer: string;
    capaciteit: string;
    /** `'ja'` when HR has been asked about a weekend date and the next Opslaan confirms it; `''` otherwise. */
    weekend: string;
  };
}
export const renderSessieFormulier = (d: SessieFormulierData) => expand('ambtseed-sessie', d);

/** Data of `ambtseed-aanwezigheid.json`: one ChoiceSet per booking, field id `a_<n>`. */
export interface AanwezigheidKaartData {
  titel: string;
  sessieId: string;
  /** Notice when names are missing (codes shown instead); `''` hides it. */
  melding: string;
  opslaanTitel: string;
  /** Placeholder of each ChoiceSet ("Nog niet vastgelegd"): shown while nothing is recorded for that row. */
  kies: string;
  /** `standaard`: the recorded outcome, `''` when none (nothing preselected). */
  deelnemers: { veld: string; label: string; standaard: string; keuzes: { title: string; value: string }[] }[];
}
export const renderAanwezigheidKaart = (d: AanwezigheidKaartData) => expand('ambtseed-aanwezigheid', d);

/** Data of `ambtseed-overzicht.json` (HR weekly overview: counts only). */
export interface OverzichtKaartData {
  titel: string;
  regels: { titel: string; waarde: string }[];
  voetnoot: string;
  beheerTitel: string;
}
export const renderOverzichtKaart = (d: OverzichtKaartData) => expand('ambtseed-overzicht', d);

/** Data of `ambtseed-herinnering.json`. */
export interface HerinneringKaartData {
  titel: string;
  tekst: string;
  planTitel: string;
}
export const renderHerinneringKaart = (d: HerinneringKaartData) => expand('ambtseed-herinnering', d);

/** One line of a FactSet: a label and its value (already localised). */
export interface Feit {
  titel: string;
  waarde: string;
}

/**
 * Data of `ambtseed-bevestig.json`: "are you sure?" before an action that cannot be undone (cancelling a booking
 * or a session, sending reminders). `jaData` is the submit of the action itself (with `bevestigd: 'ja'`),
 * `neeData` the submit that leaves everything as it is.
 */
export interface BevestigKaartData {
  titel: string;
  tekst: string;
  regels: Feit[];
  jaTitel: string;
  jaData: Record<string, unknown>;
  neeTitel: string;
  neeData: Record<string, unknown>;
}
export const renderBevestigKaart = (d: BevestigKaartData) => expand('ambtseed-bevestig', d);

/** Data of `ambtseed-samenvatting.json`: the read-only summary that replaces a submitted card (no inputs; no buttons but {@link TerugKnop}). */
export interface SamenvattingKaartData {
  titel: string;
  tekst: string;
  regels: Feit[];
}
/** Optional on the summary card: a "Terug naar beheer" button (submit `ambtseed.hr`); `''` or left out: no button. */
export interface TerugKnop {
  terugTitel?: string;
}
export const renderSamenvattingKaart = (d: SamenvattingKaartData & TerugKnop) => expand('ambtseed-samenvatting', { terugTitel: '', ...d });
