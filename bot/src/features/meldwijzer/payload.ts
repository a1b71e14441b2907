import { z } from 'zod';
import '@shared/lists/zod-nl';
import { VRAGEN, type VraagId } from '@shared/config';
import { SITUATIES, type Situatie } from '@shared/lists/definitions';
import { ANTWOORDEN, MAX_VRAGEN } from '@shared/domain/meldroute';
import { ACTOREN, type Actor } from '@shared/domain/triage';

/**
 * The `Action.Submit` data of every meldwijzer card (`data.action` starts with `meldwijzer.`).
 * The route state travels in the card itself (situation, answers, order of asked questions), so the bot
 * keeps no conversation state and stores nothing about the question. Everything is zod-validated: a forged
 * or outdated card (unknown situation, unknown question, answer not offered for that question) is rejected.
 */

const antwoorden = z
  .partialRecord(z.enum(VRAGEN), z.string().max(20))
  .default({})
  .refine((a) => Object.entries(a).every(([v, w]) => (ANTWOORDEN[v as VraagId] as readonly string[]).includes(w)), 'onbekend antwoord');
const gevraagd = z.array(z.enum(VRAGEN)).max(MAX_VRAGEN).default([]);
const situatie = z.enum(SITUATIES);
/** Whose behaviour it is, when free-text triage said so (kept across the clarifying questions). */
const actor = z.enum(ACTOREN).optional();

export const menuInvoer = z.object({ action: z.literal('meldwijzer.menu') });
export const privacyInvoer = z.object({ action: z.literal('meldwijzer.privacy') });
export const situatieInvoer = z.object({ action: z.literal('meldwijzer.situatie'), situatie, antwoorden, actor });
export const antwoordInvoer = z
  .object({
    action: z.literal('meldwijzer.antwoord'),
    situatie,
    antwoorden,
    gevraagd,
    actor,
    vraag: z.enum(VRAGEN),
    waarde: z.string().max(20),
  })
  .refine((d) => (ANTWOORDEN[d.vraag] as readonly string[]).includes(d.waarde), {
    path: ['waarde'],
    message: 'geen antwoord op deze vraag',
  });
export const terugInvoer = z.object({ action: z.literal('meldwijzer.terug'), situatie, antwoorden, gevraagd, actor });
/** Typed commands only ("help", a greeting): no card has these buttons. */
export const helpInvoer = z.object({ action: z.literal('meldwijzer.help') });
export const groetInvoer = z.object({ action: z.literal('meldwijzer.groet') });

export const meldwijzerSubmitSchema = z.discriminatedUnion('action', [
  menuInvoer,
  privacyInvoer,
  situatieInvoer,
  antwoordInvoer,
  terugInvoer,
]);

/** A validated meldwijzer submit. */
export type MeldwijzerSubmit = z.infer<typeof meldwijzerSubmitSchema>;
/** Every meldwijzer action name (card submits and the command-only ones). */
export type MeldwijzerAction = MeldwijzerSubmit['action'] | 'meldwijzer.help' | 'meldwijzer.groet';
/** The route state carried in cards. */
export interface RouteStaat {
  situatie: Situatie;
  antwoorden: Partial<Record<VraagId, string>>;
  gevraagd: VraagId[];
  /** Whose behaviour it is (free-text triage); decides the heading and who is left out of the route. */
  actor?: Actor;
}

/** Payload builders (typed), so cards never hand-write `data` objects. */
export const submit = {
  menu: (): MeldwijzerSubmit => ({ action: 'meldwijzer.menu' }),
  privacy: (): MeldwijzerSubmit => ({ action: 'meldwijzer.privacy' }),
  situatie: (s: Situatie, a: RouteStaat['antwoorden'] = {}, actor?: Actor): MeldwijzerSubmit => ({
    action: 'meldwijzer.situatie',
    situatie: s,
    antwoorden: a,
    ...(actor ? { actor } : {}),
  }),
  antwoord: (staat: RouteStaat, vraag: VraagId, waarde: string): MeldwijzerSubmit => ({
    action: 'meldwijzer.antwoord',
    ...staat,
    vraag,
    waarde,
  }),
  terug: (staat: RouteStaat): MeldwijzerSubmit => ({ action: 'meldwijzer.terug', ...staat }),
};
