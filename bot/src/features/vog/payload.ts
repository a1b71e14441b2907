import { z } from 'zod';
import { isBestaandeDatum } from '@shared/domain/tijd';

/**
 * The `Action.Submit` data of every VOG card (`data.action` starts with `vog.`), one schema per action; the
 * route table in `index.ts` uses them as `invoer`. The templates `bot/cards/vog-*.json` write these fields.
 * Objects are loose: Teams adds fields of its own.
 */

const aanvraagId = z.string().trim().min(1, 'kies een verzoek').max(255);
const knop = <const A extends string>(action: A) => z.looseObject({ action: z.literal(action) });

export const statusInvoer = knop('vog.status');
export const overzichtInvoer = knop('vog.overzicht');
/** The employee says the VOG of request `aanvraagId` has been applied for. */
export const aangevraagdInvoer = z.looseObject({ action: z.literal('vog.aangevraagd'), aanvraagId });
/** HR records the outcome of one request; `afgifteOp` (the issue date on the VOG) is optional: empty = today. */
export const vastleggenInvoer = z.looseObject({
  action: z.literal('vog.vastleggen'),
  aanvraagId,
  uitkomst: z.enum(['ontvangen', 'nietOntvangen'], { error: 'kies ontvangen of niet ontvangen' }),
  afgifteOp: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : undefined))
    .refine((s) => s === undefined || isBestaandeDatum(s), 'verwacht een datum JJJJ-MM-DD'),
});

/** Every VOG submit. */
export const vogSubmitSchema = z.union([statusInvoer, overzichtInvoer, aangevraagdInvoer, vastleggenInvoer]);
/** Every VOG action name. */
export type VogAction = z.output<typeof vogSubmitSchema>['action'];
export type AangevraagdInvoer = z.output<typeof aangevraagdInvoer>;
export type VastleggenInvoer = z.output<typeof vastleggenInvoer>;
