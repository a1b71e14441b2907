import { z } from 'zod';
import { controleerPii } from '@shared/domain/pii-guard';
import {
  FINANCIEEL_BELANG_SOORTEN,
  NEVENWERK_BEOORDELINGEN,
  NEVENWERK_REGISTERS,
  NEVENWERK_SOORTEN,
  NEVENWERK_VOORWAARDEN,
} from '@shared/lists/definitions';

/**
 * The `Action.Submit` data of every nevenwerk card (`data.action` starts with `nevenwerk.`), one schema per action;
 * the route table in `index.ts` uses them as `invoer`. Objects are loose: Teams adds fields of its own. Teams sends
 * toggles as `"true"`/`"false"`, a number input as a number or a string, a multi-select as `"a,b"`.
 */

const knop = <const A extends string>(action: A) => z.looseObject({ action: z.literal(action) });
const id = z.string().trim().min(1).max(255);
const jaNee = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .optional()
  .transform((v) => v === true || v === 'true');
const register = z.enum(NEVENWERK_REGISTERS, { error: 'verwacht nevenwerkzaamheid of financieelBelang' });

export const menuInvoer = knop('nevenwerk.menu');
export const mijnInvoer = knop('nevenwerk.mijn');
export const teamInvoer = knop('nevenwerk.team');
export const overzichtInvoer = knop('nevenwerk.overzicht');
export const formulierInvoer = z.looseObject({ action: z.literal('nevenwerk.formulier'), register });

/**
 * A new registration. `soort` must be a kind of the chosen register; `organisatie` (the organisation's or company's
 * name, at most 100 characters) passes the PII guard (no e-mail, phone, IBAN or BSN); hours per month 0–200, whole.
 */
export const opslaanInvoer = z
  .looseObject({
    action: z.literal('nevenwerk.opslaan'),
    register,
    soort: z.string().trim().min(1, 'kies een soort'),
    organisatie: z.string().trim().max(100, 'maximaal 100 tekens').optional().default(''),
    betaald: jaNee,
    urenPerMaand: z.preprocess(
      (v) => (v === '' || v === null ? undefined : typeof v === 'string' ? Number(v.replace(',', '.')) : v),
      z
        .number('verwacht een getal')
        .int('verwacht een geheel aantal uren')
        .min(0, 'verwacht 0 of meer')
        .max(200, 'maximaal 200 uur per maand')
        .optional(),
    ),
    mogelijkConflict: jaNee,
  })
  .superRefine((d, ctx) => {
    const soorten: readonly string[] = d.register === 'financieelBelang' ? FINANCIEEL_BELANG_SOORTEN : NEVENWERK_SOORTEN;
    if (!soorten.includes(d.soort)) ctx.addIssue({ code: 'custom', path: ['soort'], message: `verwacht een van: ${soorten.join(', ')}` });
    const pii = controleerPii(d.organisatie);
    if (!pii.ok) ctx.addIssue({ code: 'custom', path: ['organisatie'], message: pii.reden });
  });

export const beeindigInvoer = z.looseObject({ action: z.literal('nevenwerk.beeindig'), registratieId: id });

/** The manager's assessment: conditions (codes) only with, and at least one for, "toegestaan met voorwaarden". */
export const beoordeelInvoer = z
  .looseObject({
    action: z.literal('nevenwerk.beoordeel'),
    registratieId: id,
    beoordeling: z.enum(NEVENWERK_BEOORDELINGEN, { error: 'kies een beoordeling' }),
    voorwaarden: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (Array.isArray(v) ? v : (v ?? '').split(',')).map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.enum(NEVENWERK_VOORWAARDEN, { error: `verwacht voorwaarden uit: ${NEVENWERK_VOORWAARDEN.join(', ')}` }))),
    /** `'ja'` from the "wijzig beoordeling" card: change an assessment that was already recorded. */
    bevestigd: z.literal('ja').optional(),
  })
  .superRefine((d, ctx) => {
    if (d.beoordeling === 'toegestaanMetVoorwaarden' && d.voorwaarden.length === 0)
      ctx.addIssue({ code: 'custom', path: ['voorwaarden'], message: 'kies minstens één voorwaarde bij "toegestaan met voorwaarden"' });
  })
  .transform((d) => ({ ...d, voorwaarden: d.beoordeling === 'toegestaanMetVoorwaarden' ? [...new Set(d.voorwaarden)] : [] }));

/** "Niet wijzigen" on the "wijzig beoordeling" card. */
export const nietWijzigenInvoer = z.looseObject({ action: z.literal('nevenwerk.nietWijzigen'), registratieId: id });

/** An answer in the yearly refresh round. */
export const herbevestigInvoer = z.looseObject({
  action: z.literal('nevenwerk.herbevestig'),
  registratieId: id,
  ronde: z.string().regex(/^\d{4}$/, 'verwacht een jaartal'),
  antwoord: z.enum(['bevestigd', 'beeindigd']),
});

/** Every nevenwerk action name. */
export type NevenwerkAction =
  | 'nevenwerk.menu'
  | 'nevenwerk.mijn'
  | 'nevenwerk.team'
  | 'nevenwerk.overzicht'
  | 'nevenwerk.formulier'
  | 'nevenwerk.opslaan'
  | 'nevenwerk.beeindig'
  | 'nevenwerk.beoordeel'
  | 'nevenwerk.nietWijzigen'
  | 'nevenwerk.herbevestig';
export type OpslaanInvoer = z.output<typeof opslaanInvoer>;
export type BeoordeelInvoer = z.output<typeof beoordeelInvoer>;
export type NietWijzigenInvoer = z.output<typeof nietWijzigenInvoer>;
export type HerbevestigInvoer = z.output<typeof herbevestigInvoer>;
