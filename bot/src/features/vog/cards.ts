import fs from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';

/**
 * Typed render functions for the VOG card templates `bot/cards/vog-*.json` (Adaptive Cards 1.5, expanded with
 * adaptivecards-templating). Every string is already localised by the caller; `aanvraagId: ''` hides a button.
 */

const KAARTEN_MAP = path.resolve(__dirname, '../../../cards');
const cache = new Map<string, unknown>();

function expand(naam: string, data: object): Record<string, unknown> {
  if (!cache.has(naam)) cache.set(naam, JSON.parse(fs.readFileSync(path.join(KAARTEN_MAP, `${naam}.json`), 'utf8')));
  return new Template(structuredClone(cache.get(naam))).expand({ $root: data }) as Record<string, unknown>;
}

/** A label and its value. */
export interface Feit {
  titel: string;
  waarde: string;
}

/** Data of `vog-status.json`: the employee's own functions, each with facts and (when open) the "applied" button. */
export interface StatusKaartData {
  titel: string;
  intro: string;
  functies: { functie: string; feiten: Feit[]; aanvraagId: string }[];
  aangevraagdTitel: string;
  uitleg: string;
}
export const renderStatusKaart = (d: StatusKaartData) => expand('vog-status', d);

/** Data of `vog-verzoek.json`: the proactive request or reminder. */
export interface VerzoekKaartData {
  titel: string;
  tekst: string;
  hoe: string;
  aanvraagId: string;
  aangevraagdTitel: string;
  statusTitel: string;
}
export const renderVerzoekKaart = (d: VerzoekKaartData) => expand('vog-verzoek', d);

/** Data of `vog-overzicht.json`: HR's outstanding requests and the form to record one outcome. */
export interface OverzichtKaartData {
  titel: string;
  telling: Feit[];
  geenOpen: string;
  rijenTitel: string;
  rijen: { tekst: string }[];
  keuzes: { id: string; label: string }[];
  kiesLabel: string;
  uitkomstLabel: string;
  ontvangenTitel: string;
  nietOntvangenTitel: string;
  afgifteLabel: string;
  vastleggenTitel: string;
  vernieuwTitel: string;
  voetnoot: string;
}
export const renderOverzichtKaart = (d: OverzichtKaartData) => expand('vog-overzicht', d);
