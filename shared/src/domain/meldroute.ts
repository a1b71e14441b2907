import type { Contact, Meldpunt, OrgConfig, Regeling, Route, RouteBetrokkene, Tekst, VraagId } from '../config/schema';
import { VRAGEN } from '../config/schema';
import type { Situatie } from '../lists/definitions';
import { SITUATIES } from '../lists/definitions';
import type { Actor, Perspectief } from './triage';

/**
 * Which meldpunten fit a situation, given the answers to the clarifying questions — read only from the
 * organisation's config (`routes` in config/<org>.yaml). Pure: no I/O, no text of the employee.
 * Shared by the bot (meldwijzer) and the tab.
 *
 * Route semantics (schema.ts `routeSchema`):
 * - `meldpunten`: offered first, in the config's order; `ook`: also mentioned; `anoniem`: meldpunten that
 *   take the matter on without the reporter's name (shown as "anonymous path").
 * - `vragen`: at most three clarifying questions, asked in order.
 * - `varianten`: the first variant whose every `als` answer matches replaces `meldpunten` / `ook`, or sends
 *   the employee to another situation's route (`situatie`), whose own variants then apply.
 * - `bijLeidinggevende` / `bijDirectie` / `bijSecretaris` / `bijBestuurder`: when the behaviour comes from the
 *   employee's own manager, a director, the secretaris or a bestuurder (the triage actor, or the answer
 *   `wie: leidinggevende`), these meldpunten, steps and `beslisser` replace the route's (a variant the answers
 *   chose keeps its meldpunten first, the field's follow); in every case
 *   the result offers no meldpunt of soort `leidinggevende` (and, about the secretaris, of soort `secretaris`)
 *   that the field does not list, so nobody is sent to the person they report.
 */

/** Allowed answer values per clarifying question (card buttons; free-text triage fills some). */
export const ANTWOORDEN = {
  maatschappelijkBelang: ['ja', 'nee', 'weetNiet'],
  wie: ['collega', 'leidinggevende', 'burger'],
  anoniem: ['ja', 'nee'],
  voorkeurVertrouwenspersoon: ['geen', 'vrouw', 'man', 'intern', 'extern'],
} as const satisfies Record<VraagId, readonly string[]>;

/** Answers given so far, e.g. `{ anoniem: 'ja' }`. Unknown values are ignored by `meldroute`. */
export type Antwoorden = Partial<Record<VraagId, string>>;

/** A meldpunt on the result, with the contacts behind it (filtered by a vertrouwenspersoon preference). */
export interface AdviesMeldpunt {
  meldpunt: Meldpunt;
  contacten: Contact[];
}

/**
 * Someone in the line above the employee whose behaviour it is about: `leidinggevende` their own manager,
 * `directie` a director or higher manager, `secretaris` the gemeente- or provinciesecretaris (the top of the
 * line, who receives and decides on meldingen), `bestuurder` a wethouder, gedeputeerde or burgemeester.
 */
export type Betrokkene = 'leidinggevende' | 'directie' | 'secretaris' | 'bestuurder';

/** Route field per betrokkene (schema.ts `routeBetrokkeneSchema`). */
const BIJ_VELD: Record<Betrokkene, 'bijLeidinggevende' | 'bijDirectie' | 'bijSecretaris' | 'bijBestuurder'> = {
  leidinggevende: 'bijLeidinggevende',
  directie: 'bijDirectie',
  secretaris: 'bijSecretaris',
  bestuurder: 'bijBestuurder',
};

/**
 * The betrokkene for a triage actor, or else for the answer to "van wie gaat het gedrag uit?"
 * (`wie: leidinggevende` counts as the employee's own manager). Undefined: nobody in the line above.
 */
export function betrokkeneVan(actor: Actor | undefined, antwoorden: Antwoorden = {}): Betrokkene | undefined {
  if (actor === 'leidinggevende') return 'leidinggevende';
  if (actor === 'hogerLeidinggevende') return 'directie';
  if (actor === 'secretaris') return 'secretaris';
  if (actor === 'bestuurder') return 'bestuurder';
  if (actor === undefined && antwoorden.wie === 'leidinggevende') return 'leidinggevende';
  return undefined;
}

/** Actors inside the organisation: their conduct is reported, not weighed as one's own dilemma. */
const INTERN: ReadonlySet<Actor> = new Set(['collega', 'leidinggevende', 'hogerLeidinggevende', 'secretaris', 'bestuurder']);

/**
 * The situation to route, given whose conduct the text is about: a colleague, manager, director or bestuurder
 * doing what would be a dilemma for oneself ("een collega neemt steeds cadeaus aan van een aannemer") is a
 * melding of a business integrity violation (`zakelijk`), unless the text itself says it is a doubt or
 * dilemma (a dilemma score of 3 or more: "dilemma", "twijfel of"). Suppliers and citizens are left alone: in
 * "een aannemer biedt me kaartjes aan" the employee weighs their own conduct. "Mag ik …?" about one's own
 * conduct is already a dilemma in triage. Pure; the fields come from triage (triage.ts `TriageUitkomst`).
 */
export function situatieVoorPerspectief(uitkomst: {
  situatie: Situatie;
  perspectief?: Perspectief;
  actor?: Actor;
  scores?: Partial<Record<Situatie, number>>;
}): Situatie {
  const { situatie, perspectief, actor, scores } = uitkomst;
  if (situatie === 'dilemma' && perspectief === 'ander' && actor && INTERN.has(actor) && (scores?.dilemma ?? 0) < 3) return 'zakelijk';
  return situatie;
}

/** The advice for one situation: what the result card shows. */
export interface Meldadvies {
  /** The situation the employee chose (or triage found). */
  gekozen: Situatie;
  /** The situation whose route applies (differs when a variant redirected, e.g. dilemma → vermoedenMisstand). */
  situatie: Situatie;
  /** Meldpunten to go to first, in the organisation's order. */
  eerst: AdviesMeldpunt[];
  /** Also mentioned (external bodies, other options); never repeats one of `eerst`. */
  ook: AdviesMeldpunt[];
  /** Meldpunten that can take the matter on anonymously (empty: the org configures no anonymous path here). */
  anoniem: AdviesMeldpunt[];
  stappen: Tekst[];
  beslisser?: Tekst;
  /** Wet bescherming klokkenluiders deadlines apply: acknowledgement within 7 days, feedback within 3 months. */
  wbk: boolean;
  regelingen: Regeling[];
  /** Set when the behaviour comes from someone in the line above: the route left them out. */
  betrokkene?: Betrokkene;
}

/** Maximum number of clarifying questions in one route (at most three). */
export const MAX_VRAGEN = 3;

/** True when `v` is a known question id. */
export function isVraag(v: string): v is VraagId {
  return (VRAGEN as readonly string[]).includes(v);
}

/** True when `s` is a known situation type. */
export function isSituatie(s: string): s is Situatie {
  return (SITUATIES as readonly string[]).includes(s);
}

/** Keep only known questions with allowed values. */
export function geldigeAntwoorden(antwoorden: Record<string, unknown>): Antwoorden {
  const out: Antwoorden = {};
  for (const [k, v] of Object.entries(antwoorden)) {
    if (isVraag(k) && typeof v === 'string' && (ANTWOORDEN[k] as readonly string[]).includes(v)) out[k] = v;
  }
  return out;
}

function matches(als: Partial<Record<VraagId, string>>, antwoorden: Antwoorden): boolean {
  const entries = Object.entries(als);
  return entries.length > 0 && entries.every(([k, v]) => antwoorden[k as VraagId] === v);
}

interface Opgelost {
  situatie: Situatie;
  route: Route;
  meldpunten: string[];
  ook: string[];
  /** A variant (without redirect) chose `meldpunten` / `ook`. */
  variant: boolean;
  /** Situations visited, in order (for the question sequence). */
  pad: Situatie[];
}

/** Follow variants (including redirects to other situations) until a route settles. */
function los(config: OrgConfig, situatie: Situatie, antwoorden: Antwoorden): Opgelost {
  const pad: Situatie[] = [];
  let huidig = situatie;
  for (;;) {
    pad.push(huidig);
    const route = config.routes[huidig];
    if (!route) throw new Error(`Geen route voor situatie "${huidig}" in de configuratie.`);
    const variant = route.varianten.find((v) => matches(v.als, antwoorden));
    if (variant?.situatie && !pad.includes(variant.situatie)) {
      huidig = variant.situatie;
      continue;
    }
    return {
      situatie: huidig,
      route,
      meldpunten: variant?.meldpunten ?? route.meldpunten,
      ook: variant?.ook ?? route.ook,
      variant: !!variant,
      pad,
    };
  }
}

function filterOpVoorkeur(contacten: Contact[], voorkeur: string | undefined): Contact[] {
  if (!voorkeur || voorkeur === 'geen') return contacten;
  const vps = contacten.filter((c) => c.rol === 'vertrouwenspersoon');
  if (vps.length === 0) return contacten;
  const passend = vps.filter((c) => (voorkeur === 'intern' ? c.intern : voorkeur === 'extern' ? !c.intern : c.geslacht === voorkeur));
  // No vertrouwenspersoon fits the preference: show them all rather than nobody.
  if (passend.length === 0) return contacten;
  return [...passend, ...contacten.filter((c) => c.rol !== 'vertrouwenspersoon')];
}

/**
 * Meldpunten, steps and who decides when `betrokkene` is involved: the route's `bij…` field, with every
 * meldpunt of soort `leidinggevende` (about the secretaris also of soort `secretaris`) that field does not list
 * left out. A variant the answers chose (e.g. `anoniem: ja` → the vertrouwenspersoon) keeps its meldpunten
 * first; the field's meldpunten then follow under `ook`, and the field's steps and `beslisser` still apply, so
 * an anonymous report about one's own manager is not told to go "to the manager". When nothing is left to go
 * to first, the first remaining `ook`, else the organisation's vertrouwenspersonen and integriteitscoördinator.
 */
function zonderBetrokkene(
  config: OrgConfig,
  r: Opgelost,
  betrokkene: Betrokkene,
): Pick<Opgelost, 'meldpunten' | 'ook'> & { stappen: Tekst[]; beslisser?: Tekst } {
  const bij: RouteBetrokkene | undefined = r.route[BIJ_VELD[betrokkene]];
  const toegestaan = new Set([...(bij?.meldpunten ?? []), ...(bij?.ook ?? [])]);
  const soort = new Map(config.meldpunten.map((m) => [m.id, m.soort]));
  const uitgesloten = new Set(betrokkene === 'secretaris' ? ['leidinggevende', 'secretaris'] : ['leidinggevende']);
  const mag = (id: string) => toegestaan.has(id) || !uitgesloten.has(soort.get(id) ?? '');
  const eerstBron = r.variant || !bij ? r.meldpunten : bij.meldpunten;
  const ookBron = r.variant ? [...(bij?.meldpunten ?? []), ...r.ook, ...(bij?.ook ?? [])] : (bij?.ook ?? r.ook);
  let meldpunten = [...new Set(eerstBron.filter(mag))];
  let ook = [...new Set(ookBron.filter(mag))].filter((id) => !meldpunten.includes(id));
  if (meldpunten.length === 0) {
    const terugval = config.meldpunten.filter((m) => m.soort === 'vertrouwenspersoon' || m.soort === 'integriteitscoordinator');
    meldpunten = ook.length ? [ook[0]] : terugval.map((m) => m.id);
    ook = ook.filter((id) => !meldpunten.includes(id));
  }
  return { meldpunten, ook, stappen: bij?.stappen ?? r.route.stappen, beslisser: bij?.beslisser ?? r.route.beslisser };
}

/** Options of `meldroute`. */
export interface MeldrouteOpties {
  /** Whose behaviour it is (from triage); an own manager, director or bestuurder changes who is offered. */
  actor?: Actor;
}

/**
 * The advice for `situatie` with `antwoorden`: meldpunten in the organisation's order, steps, deadlines,
 * regelingen. Unanswered questions take the route's default (no variant). When the behaviour comes from the
 * employee's own manager, a director or a bestuurder (`opties.actor`, or `wie: leidinggevende`), the route's
 * `bijLeidinggevende` / `bijDirectie` / `bijBestuurder` applies and no manager is offered that it does not list.
 * @throws Error when the config has no route for the situation (the schema requires one for each).
 */
export function meldroute(config: OrgConfig, situatie: Situatie, antwoorden: Antwoorden = {}, opties: MeldrouteOpties = {}): Meldadvies {
  const a = geldigeAntwoorden(antwoorden);
  const r = los(config, situatie, a);
  const betrokkene = betrokkeneVan(opties.actor, a);
  const gekozen = betrokkene
    ? zonderBetrokkene(config, r, betrokkene)
    : { meldpunten: r.meldpunten, ook: r.ook, stappen: r.route.stappen, beslisser: r.route.beslisser };
  const byId = new Map(config.meldpunten.map((m) => [m.id, m]));
  const contacts = new Map(config.contacten.map((c) => [c.id, c]));
  const advies = (id: string): AdviesMeldpunt => {
    const meldpunt = byId.get(id);
    if (!meldpunt) throw new Error(`Onbekend meldpunt "${id}" in route ${r.situatie}.`);
    const cs = meldpunt.contacten.map((c) => contacts.get(c)).filter((c): c is Contact => !!c);
    return { meldpunt, contacten: filterOpVoorkeur(cs, a.voorkeurVertrouwenspersoon) };
  };
  const eerstIds = [...new Set(gekozen.meldpunten)];
  const ookIds = [...new Set(gekozen.ook)].filter((id) => !eerstIds.includes(id));
  const regelingen = r.route.regelingen.map((id) => config.regelingen.find((x) => x.id === id)).filter((x): x is Regeling => !!x);
  return {
    gekozen: situatie,
    situatie: r.situatie,
    eerst: eerstIds.map(advies),
    ook: ookIds.map(advies),
    anoniem: [...new Set(r.route.anoniem)].map(advies),
    stappen: gekozen.stappen,
    beslisser: gekozen.beslisser,
    wbk: r.route.wbk,
    regelingen,
    ...(betrokkene ? { betrokkene } : {}),
  };
}

/**
 * The next clarifying question to ask, or undefined when the route is settled: the first unanswered
 * question of the route that applies now (after a redirect: the new route's), never more than `MAX_VRAGEN`
 * answered in total.
 */
export function volgendeVraag(config: OrgConfig, situatie: Situatie, antwoorden: Antwoorden = {}): VraagId | undefined {
  const a = geldigeAntwoorden(antwoorden);
  if (Object.keys(a).length >= MAX_VRAGEN) return undefined;
  const r = los(config, situatie, a);
  // Routes left behind by a redirect are settled; only the route that now applies can still branch.
  return r.route.vragen.find((v) => !(v in a));
}

/** Situations in menu order (SITUATIES), for the situation picker. */
export const SITUATIE_VOLGORDE: readonly Situatie[] = SITUATIES;

/** Mentioned ids, for tests and logs: `{ eerst: ['leidinggevende', …], ook: […], anoniem: […] }`. */
export function meldpuntIds(advies: Meldadvies): { eerst: string[]; ook: string[]; anoniem: string[] } {
  return {
    eerst: advies.eerst.map((m) => m.meldpunt.id),
    ook: advies.ook.map((m) => m.meldpunt.id),
    anoniem: advies.anoniem.map((m) => m.meldpunt.id),
  };
}
