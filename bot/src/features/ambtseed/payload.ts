import { z } from 'zod';
import { AANWEZIGHEID_UITKOMSTEN } from '@shared/domain/ambtseed/aanwezigheid';
import { SESSIE_SOORTEN } from '@shared/lists/definitions';

/**
 * The `Action.Submit` data of every ambtseed card (`data.action` starts with `ambtseed.`), one schema per
 * action; the route table in `index.ts` uses them as `invoer`. The templates in `bot/cards/ambtseed-*.json`
 * write these fields (`cards.ts` holds the templates' data shapes). Objects are loose: Teams adds fields of its
 * own, and the attendance card has one field per booking (`a_<inschrijvingId>`, read by `aanwezigheid.ts`).
 */

const knop = <const A extends string>(action: A) => z.looseObject({ action: z.literal(action) });
const id = z.string().min(1).max(255);
const soort = z.enum(SESSIE_SOORTEN);
const tijd = z
  .string()
  .regex(/^\d{2}:\d{2}(:\d{2})?$/, 'verwacht UU:MM')
  .transform((s) => s.slice(0, 5));
/** The session chosen in the plan card: one ChoiceSet per kind of session. */
const sessieKeuze = {
  soort,
  /** Required for an ambtseed booking, without a default: an unanswered ChoiceSet sends `''` (the handler then asks). */
  vorm: z
    .union([z.enum(['eed', 'belofte']), z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  sessieId_ambtseed: z.string().optional(),
  sessieId_workshop: z.string().optional(),
};

export const planInvoer = knop('ambtseed.plan');
export const boekInvoer = z.looseObject({ action: z.literal('ambtseed.boek'), ...sessieKeuze });
/** Cancel a booking: without `bevestigd: 'ja'` the bot first asks (the plan card's button sends none). */
export const annuleerInvoer = z.looseObject({
  action: z.literal('ambtseed.annuleer'),
  inschrijvingId: id,
  bevestigd: z.string().optional(),
});
/** "Nee, niet annuleren" on a confirmation card: nothing changes; the confirmation card is replaced by that answer. */
export const nietAnnulerenInvoer = z.looseObject({ action: z.literal('ambtseed.nietAnnuleren'), wat: z.enum(['inschrijving', 'sessie']) });
export const verzetInvoer = z.looseObject({ action: z.literal('ambtseed.verzet'), ...sessieKeuze, inschrijvingId: id });
export const verklaringInvoer = knop('ambtseed.verklaring');
export const hrInvoer = knop('ambtseed.hr');
/** HR chose a session (to edit, or to cancel with `bevestigd: 'ja'`), or asked for a new one (`nieuw`). */
export const sessieKeuzeInvoer = z.looseObject({
  action: z.enum(['ambtseed.sessieFormulier', 'ambtseed.sessieAnnuleer']),
  sessieId: id.optional(),
  nieuw: z.boolean().optional(),
  bevestigd: z.string().optional(),
});
/**
 * Which of the two instants of a wall time that happens twice (last Sunday of October, 02:00–02:59): the
 * first (`zomertijd`, +02:00) or the second (`wintertijd`, +01:00). Asked by the session form only when needed;
 * an empty ChoiceSet sends `''`.
 */
const dstKeuze = z
  .union([z.enum(['zomertijd', 'wintertijd']), z.literal('')])
  .optional()
  .transform((v) => v || undefined);
/**
 * The session form (new when `sessieId` is empty). Times are Europe/Amsterdam wall-clock `HH:mm`; the date is
 * checked as a calendar date by `shared/src/domain/tijd.ts` (31 February is refused there, with its own message).
 */
export const sessieFormInvoer = z.looseObject({
  action: z.literal('ambtseed.sessieOpslaan'),
  sessieId: z.string().max(255).optional(),
  soort,
  datum: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht JJJJ-MM-DD'),
  begin: tijd,
  eind: tijd,
  beginKeuze: dstKeuze,
  eindKeuze: dstKeuze,
  locatie: z.string().trim().max(255).optional().default(''),
  online: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .transform((v) => v === true || v === 'true'),
  afnemer: z.string().trim().min(1, 'mag niet leeg zijn').max(255),
  capaciteit: z.coerce
    .number({ error: 'verwacht een geheel getal' })
    .int('verwacht een geheel getal')
    .min(1, 'verwacht minstens 1')
    .max(500, 'maximaal 500'),
  /** `'ja'`: HR confirmed a Saturday or Sunday (the form came back asking; see `hr.ts`). */
  weekend: z.string().max(10).optional(),
});
/**
 * The attendance card of a session: from the HR card's attendance ChoiceSet (`aanwezigheidSessie`, any session of
 * this year that has started) or a `sessieId` (the attendance card's own save button).
 */
export const aanwezigheidInvoer = z
  .looseObject({
    action: z.enum(['ambtseed.aanwezigheid', 'ambtseed.aanwezigheidOpslaan']),
    sessieId: id.optional(),
    aanwezigheidSessie: id.optional(),
  })
  .transform((d, ctx) => {
    const sessieId = d.aanwezigheidSessie ?? d.sessieId;
    if (!sessieId) {
      ctx.addIssue({ code: 'custom', path: ['sessieId'], message: 'kies een bijeenkomst' });
      return z.NEVER;
    }
    return { ...d, sessieId };
  });
/** HR reminds everyone past the deadline: without `bevestigd: 'ja'` the bot first asks. */
export const herinnerInvoer = z.looseObject({ action: z.literal('ambtseed.herinnerAchterstallig'), bevestigd: z.string().optional() });
/** HR asks who comes to a session (the HR card's session ChoiceSet). */
export const deelnemersInvoer = z.looseObject({ action: z.literal('ambtseed.deelnemers'), sessieId: id });
/**
 * One attendance choice (`a_<inschrijvingId>` fields of the attendance card); `''` (the ChoiceSet left at "nog niet
 * vastgelegd") becomes `undefined`: nothing is recorded for that row.
 */
export const aanwezigheidKeuze = z.union([z.enum(AANWEZIGHEID_UITKOMSTEN), z.literal('')]).transform((v) => v || undefined);

/** Every ambtseed submit. */
export const ambtseedSubmitSchema = z.union([
  planInvoer,
  boekInvoer,
  annuleerInvoer,
  nietAnnulerenInvoer,
  verzetInvoer,
  verklaringInvoer,
  hrInvoer,
  sessieKeuzeInvoer,
  sessieFormInvoer,
  aanwezigheidInvoer,
  deelnemersInvoer,
  herinnerInvoer,
]);
/** A validated ambtseed submit. */
export type AmbtseedSubmit = z.output<typeof ambtseedSubmitSchema>;
/** Every ambtseed action name. */
export type AmbtseedAction = AmbtseedSubmit['action'];
export type BoekInvoer = z.output<typeof boekInvoer>;
export type VerzetInvoer = z.output<typeof verzetInvoer>;
export type AnnuleerInvoer = z.output<typeof annuleerInvoer>;
export type SessieKeuzeInvoer = z.output<typeof sessieKeuzeInvoer>;
export type SessieFormInvoer = z.output<typeof sessieFormInvoer>;
export type DeelnemersInvoer = z.output<typeof deelnemersInvoer>;
export type AanwezigheidInvoer = z.output<typeof aanwezigheidInvoer>;
