/**
 * Situation types of the meldwijzer (bot) and the MeldwijzerGebruik list (docs/contracts.md "SharePoint lists").
 * A module of its own, re-exported by `./definitions.ts`, so the tab's portal can list them without loading
 * every list definition.
 */
export const SITUATIES = [
  'dilemma',
  'vermoedenMisstand',
  'zakelijk',
  'ongewenstGedrag',
  'agressieExtern',
  'nevenwerkzaamheden',
  'algemeen',
] as const;

/** One of `SITUATIES`. */
export type Situatie = (typeof SITUATIES)[number];
