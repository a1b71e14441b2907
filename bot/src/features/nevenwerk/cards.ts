import { renderCard, type AdaptiveCardJson } from '../../cards/render';

/**
 * Typed render functions for the nevenwerk templates `bot/cards/nevenwerk-*.json` (Adaptive Cards 1.5). Every string
 * is already localised by the caller; submit data objects are the schemas of `payload.ts`.
 */

/** A button: its title and its submit data (`{ action: 'nevenwerk.…', … }`). */
export interface Knop {
  titel: string;
  data: Record<string, unknown>;
}
/** A choice of a ChoiceSet. */
export interface Keuze {
  title: string;
  value: string;
}

/** The template names (for schema tests). */
export const NEVENWERK_KAARTEN = ['nevenwerk-menu', 'nevenwerk-formulier', 'nevenwerk-lijst', 'nevenwerk-beoordeling'] as const;

/** `nevenwerk-menu.json`: a title, a text and buttons. */
export function renderMenuKaart(d: { titel: string; tekst: string; knoppen: Knop[] }): AdaptiveCardJson {
  return renderCard('nevenwerk-menu', d);
}

/** `nevenwerk-formulier.json`: the registration form; `toonUren` shows paid / hours (nevenwerkzaamheden only). */
export function renderFormulierKaart(d: {
  titel: string;
  intro: string;
  soortLabel: string;
  verplicht: string;
  soorten: Keuze[];
  organisatieLabel: string;
  organisatieHint: string;
  toonUren: boolean;
  betaaldLabel: string;
  urenLabel: string;
  conflictLabel: string;
  privacy: string;
  opslaanTitel: string;
  opslaanData: Record<string, unknown>;
}): AdaptiveCardJson {
  return renderCard('nevenwerk-formulier', d);
}

/** `nevenwerk-lijst.json`: a title, an optional text (`''` = none) and lines with their own buttons. */
export function renderLijstKaart(d: { titel: string; tekst: string; regels: { tekst: string; knoppen: Knop[] }[] }): AdaptiveCardJson {
  return renderCard('nevenwerk-lijst', d);
}

/** `nevenwerk-beoordeling.json`: one registration's facts and the assessment inputs. */
export function renderBeoordelingKaart(d: {
  titel: string;
  feiten: Keuze[];
  beoordelingLabel: string;
  verplicht: string;
  beoordelingen: Keuze[];
  voorwaardenLabel: string;
  voorwaarden: Keuze[];
  opslaanTitel: string;
  beoordeelData: Record<string, unknown>;
}): AdaptiveCardJson {
  return renderCard('nevenwerk-beoordeling', d);
}
