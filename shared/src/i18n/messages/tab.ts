/**
 * Messages of the tab feature (keys `tab.*`), in one part per page so the web app loads a page's texts with that
 * page: `tab-app.ts` (shell and portal, loaded with the entry), `tab-dilemma.ts`, `tab-sessie.ts`,
 * `tab-dashboard.ts`. This merge is the whole tab catalogue, for `../index.ts` (bot, API, CLI) and the tests;
 * the web app imports the parts (tab/web/src/berichten.ts).
 */
import type { Catalogue } from '../basis';
import { tabApp } from './tab-app';
import { tabDashboard } from './tab-dashboard';
import { tabDilemma } from './tab-dilemma';
import { tabSessie } from './tab-sessie';

/** The parts of the tab catalogue, first page first. */
export const TAB_DELEN: readonly Catalogue[] = [tabApp, tabDilemma, tabSessie, tabDashboard];

/** Messages of the tab feature (keys `tab.*`): all parts merged. */
export const tab: Catalogue = {
  nl: Object.assign({}, ...TAB_DELEN.map((d) => d.nl)) as Record<string, string>,
  en: Object.assign({}, ...TAB_DELEN.map((d) => d.en)) as Record<string, string>,
};
