import type { DOELGROEPEN } from '@shared/lists/definitions';

/**
 * The state of one led session in the tab (`/sessie`) and the reducer that moves it from set-up through the
 * presentation to recording it. Pure: the phase components show the state and dispatch actions.
 */
export type Werkvorm = 'dilemmaspel' | 'moreelBeraadLight';
export type Fase = 'opzet' | 'bezig' | 'afronden' | 'klaar';
export type Doelgroep = (typeof DOELGROEPEN)[number];

/** Most participants the form accepts (the API allows up to 10.000; a session in the tab is one group). */
export const MAX_DEELNEMERS = 500;

/** True when `waarde` (the input's text) is a whole number from 1 to MAX_DEELNEMERS. */
export function deelnemersGeldig(waarde: string): boolean {
  const getal = Number(waarde);
  return waarde.trim() !== '' && Number.isInteger(getal) && getal >= 1 && getal <= MAX_DEELNEMERS;
}

/** A fresh session id `DS-<year>-<12 hex>` (the API makes a repeated POST with the same id idempotent). */
export function nieuwSessieId(): string {
  return `DS-${new Date().getFullYear()}-${Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Outcome of recording the session, shown as a message bar. */
export interface Resultaat {
  intent: 'success' | 'error';
  tekst: string;
}

/**
 * One session: `deelnemers` and `minutenPerRonde` are the inputs' texts (validated when used), `gekozen` the
 * chosen dilemma ids in order, `stap` the moreel-beraad step and `ronde` the dilemmaspel round (both from 0),
 * `datum` the session date (`YYYY-MM-DD`, Europe/Amsterdam).
 */
export interface SessieStaat {
  sessieId: string;
  werkvorm: Werkvorm;
  doelgroep: Doelgroep;
  deelnemers: string;
  minutenPerRonde: string;
  gekozen: string[];
  fase: Fase;
  stap: number;
  ronde: number;
  datum: string;
  resultaat: Resultaat | null;
}

export type SessieActie =
  | { type: 'dilemmasGeladen'; ids: string[] }
  | { type: 'werkvorm'; werkvorm: Werkvorm }
  | { type: 'doelgroep'; doelgroep: Doelgroep }
  | { type: 'deelnemers'; waarde: string }
  | { type: 'minutenPerRonde'; waarde: string }
  | { type: 'kies'; ids: string[] }
  | { type: 'wisselDilemma'; id: string; aan: boolean }
  | { type: 'start' }
  | { type: 'stap'; stap: number }
  | { type: 'volgendeRonde' }
  | { type: 'afronden' }
  | { type: 'datum'; datum: string }
  | { type: 'vastgelegd'; tekst: string }
  | { type: 'mislukt'; tekst: string }
  | { type: 'nieuw' };

/** The set-up a page opens with (moreel beraad light for a department of 8, today's date). */
export function beginStaat(): SessieStaat {
  return {
    sessieId: nieuwSessieId(),
    werkvorm: 'moreelBeraadLight',
    doelgroep: 'afdeling',
    deelnemers: '8',
    minutenPerRonde: '10',
    gekozen: [],
    fase: 'opzet',
    stap: 0,
    ronde: 0,
    datum: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date()),
    resultaat: null,
  };
}

/** Next state for `actie`. A moreel beraad light has one casus, so switching to it keeps the first choice only. */
export function sessieReducer(staat: SessieStaat, actie: SessieActie): SessieStaat {
  switch (actie.type) {
    case 'dilemmasGeladen':
      return { ...staat, gekozen: actie.ids.slice(0, 1) };
    case 'werkvorm':
      return {
        ...staat,
        werkvorm: actie.werkvorm,
        gekozen: actie.werkvorm === 'moreelBeraadLight' ? staat.gekozen.slice(0, 1) : staat.gekozen,
      };
    case 'doelgroep':
      return { ...staat, doelgroep: actie.doelgroep };
    case 'deelnemers':
      return { ...staat, deelnemers: actie.waarde };
    case 'minutenPerRonde':
      return { ...staat, minutenPerRonde: actie.waarde };
    case 'kies':
      return { ...staat, gekozen: actie.ids };
    case 'wisselDilemma':
      return { ...staat, gekozen: actie.aan ? [...staat.gekozen, actie.id] : staat.gekozen.filter((x) => x !== actie.id) };
    case 'start':
      return { ...staat, stap: 0, ronde: 0, fase: 'bezig' };
    case 'stap':
      return { ...staat, stap: actie.stap };
    case 'volgendeRonde':
      return { ...staat, ronde: staat.ronde + 1 };
    case 'afronden':
      return { ...staat, fase: 'afronden' };
    case 'datum':
      return { ...staat, datum: actie.datum };
    case 'vastgelegd':
      return { ...staat, resultaat: { intent: 'success', tekst: actie.tekst }, fase: 'klaar' };
    case 'mislukt':
      return { ...staat, resultaat: { intent: 'error', tekst: actie.tekst } };
    case 'nieuw':
      return { ...staat, sessieId: nieuwSessieId(), resultaat: null, stap: 0, ronde: 0, fase: 'opzet' };
  }
}

/** Whole participants from the input text (0 when not a number). */
export function aantalDeelnemers(staat: SessieStaat): number {
  return Math.max(0, Math.floor(Number(staat.deelnemers) || 0));
}
