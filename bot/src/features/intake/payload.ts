import { z } from 'zod';
import '@shared/lists/zod-nl';
import {
  AGRESSIE_MAATREGELEN,
  AGRESSIE_SOORTEN,
  BETROKKENEN,
  CATEGORIEEN,
  DOORVERWIJZINGEN,
  KANALEN,
  MAATREGELEN,
  MELDING_SOORTEN,
  MELDPUNT_SOORTEN,
  ONDERWERPEN,
  ONDERZOEKEN,
  UITKOMSTEN,
  VP_SOORTEN,
} from '@shared/lists/definitions';
import { isIsoDate } from '@shared/lists/schemas';
import { MELDING_ID } from '@shared/domain/melding-id';

/**
 * zod schemas of the intake card submits (docs/conventions.md "Style" 4: every boundary is parsed with zod). Teams sends every
 * input as a string (`"true"`, `"a,b"`, `""`), so booleans, multi-selects and empty dates are normalised here.
 * All schemas are strict: a field the card does not have (e.g. a forged `gesprekId`, a name) is rejected, so
 * ids are always generated on the server and nothing outside the list schema can reach a list.
 */

const enumVan = <const T extends readonly [string, ...string[]]>(waarden: T) =>
  z.enum(waarden, { error: `verwacht een van: ${waarden.join(', ')}` });

/** `YYYY-MM-DD`, a real calendar date. */
export const datum = z.string({ error: 'verwacht een datum als JJJJ-MM-DD' }).refine(isIsoDate, 'verwacht een datum als JJJJ-MM-DD');
/** An optional date: absent, null or "" mean "no date". */
export const optioneleDatum = z
  .union([z.literal(''), z.null(), datum])
  .optional()
  .transform((v) => (v ? v : null));
/** Teams' toggle value (`"true"`/`"false"`) or a JSON boolean. */
export const janee = z.union([z.boolean(), z.enum(['true', 'false'], { error: 'verwacht ja of nee' }).transform((v) => v === 'true')], {
  error: 'verwacht ja of nee',
});
/** A multi-select: Teams sends `"a,b"`; arrays are accepted too. Values must come from `waarden`, no duplicates. */
const meerkeuze = <const T extends readonly [string, ...string[]]>(waarden: T, min: number) =>
  z
    .union([z.string().transform((s) => (s.trim() === '' ? [] : s.split(',').map((x) => x.trim()))), z.array(z.string())], {
      error: 'verwacht een keuze uit de lijst',
    })
    .pipe(
      z
        .array(enumVan(waarden))
        .min(min, 'kies minstens één waarde')
        .refine((a) => new Set(a).size === a.length, 'dubbele waarde'),
    );

/** A card instance id (UUID) generated when the card was rendered: a second submit of the same card is recognised. */
export const kaartId = z
  .string({ error: 'kaart-id ontbreekt' })
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'ongeldig kaart-id');
/** The year the user confirmed on the year question ("Ja, de datum klopt": the save changes that year's figures). */
const bevestigJaar = z
  .string()
  .regex(/^\d{4}$/, 'verwacht een jaartal')
  .optional();

/** Uitvraag cycle id (`YYYY-MM-DD`, the uitvraag date) or empty outside an uitvraag. */
const cyclus = z
  .union([z.literal(''), datum])
  .optional()
  .transform((v) => (v ? v : null));

export const gesprekInvoer = z.strictObject({
  action: z.enum(['intake.gesprek.opslaan', 'intake.uitvraag.gesprek']),
  kaartId,
  cyclus,
  datum,
  vertrouwenspersoon: enumVan(VP_SOORTEN),
  onderwerp: enumVan(ONDERWERPEN),
  isMelding: janee,
  doorverwezen: enumVan(DOORVERWIJZINGEN),
  bevestigJaar,
});
export type GesprekInvoer = z.infer<typeof gesprekInvoer>;

const GESPREK_ID = /^G-\d{4}-\d{4,}$/;
const gesprekId = z.string({ error: 'gesprek-id ontbreekt' }).regex(GESPREK_ID, 'verwacht een gesprek-id als G-2026-0001');

/**
 * The values entered on a gesprek form, carried back by "Nee, datum aanpassen" on the year question so the form
 * opens again with them (and with the same `kaartId`: whichever of the form and the question is used, the gesprek is
 * saved once). All optional: a start from the menu or a command has none.
 */
const gesprekWaarden = {
  kaartId: kaartId.optional(),
  datum: datum.optional(),
  vertrouwenspersoon: enumVan(VP_SOORTEN).optional(),
  onderwerp: enumVan(ONDERWERPEN).optional(),
  isMelding: janee.optional(),
  doorverwezen: enumVan(DOORVERWIJZINGEN).optional(),
};

/** "Gesprek vastleggen" (menu, command) or "Nee, datum aanpassen": the form, pre-filled with `gesprekWaarden` when given. */
export const gesprekStartInvoer = z.looseObject({ action: z.literal('intake.gesprek.start'), cyclus, ...gesprekWaarden });
export type GesprekStartInvoer = z.output<typeof gesprekStartInvoer>;

/** A correction of one of the caller's own gesprekken ("Mijn registraties"): the same fields, the id kept. */
export const gesprekCorrigeerInvoer = z.strictObject({
  action: z.literal('intake.gesprek.corrigeer'),
  kaartId,
  gesprekId,
  datum,
  vertrouwenspersoon: enumVan(VP_SOORTEN),
  onderwerp: enumVan(ONDERWERPEN),
  isMelding: janee,
  doorverwezen: enumVan(DOORVERWIJZINGEN),
  bevestigJaar,
});
export type GesprekCorrigeerInvoer = z.infer<typeof gesprekCorrigeerInvoer>;

/** "Ja, verwijderen" on the confirmation card of one of the caller's own gesprekken. */
export const gesprekVerwijderInvoer = z.strictObject({ action: z.literal('intake.gesprek.verwijder'), kaartId, gesprekId });

/** "Nee, behouden" on that confirmation card: nothing changes, the card becomes a summary. */
export const gesprekBehoudenInvoer = z.strictObject({ action: z.literal('intake.gesprek.behouden'), gesprekId });

/**
 * "Corrigeren" / "Verwijderen" next to a gesprek in "Mijn registraties": opens the correction or confirmation card
 * (the correction card pre-filled with `gesprekWaarden` over the stored values when "Nee, datum aanpassen" sent them).
 */
export const gesprekCorrigeerStartInvoer = z.strictObject({
  action: z.literal('intake.gesprek.corrigeerStart'),
  gesprekId,
  ...gesprekWaarden,
});
export type GesprekCorrigeerStartInvoer = z.output<typeof gesprekCorrigeerStartInvoer>;
export const gesprekVerwijderStartInvoer = z.strictObject({ action: z.literal('intake.gesprek.verwijderStart'), gesprekId });

export const meldingInvoer = z.strictObject({
  action: z.enum(['intake.melding.opslaan', 'intake.uitvraag.melding']),
  kaartId,
  cyclus,
  ontvangenOp: datum,
  kanaal: enumVan(KANALEN),
  meldpunt: enumVan(MELDPUNT_SOORTEN),
  soort: enumVan(MELDING_SOORTEN),
  categorie: enumVan(CATEGORIEEN),
  betrokkene: enumVan(BETROKKENEN),
  anoniem: janee,
  onderzoek: enumVan(ONDERZOEKEN),
  uitkomst: enumVan(UITKOMSTEN),
  maatregelen: meerkeuze(MAATREGELEN, 1),
  ontvangstbevestigdOp: optioneleDatum,
});
export type MeldingInvoer = z.infer<typeof meldingInvoer>;

export const meldingBijwerkenInvoer = z.strictObject({
  action: z.literal('intake.melding.bijwerken'),
  meldingId: z.string({ error: 'melding-id ontbreekt' }).regex(MELDING_ID, 'verwacht een melding-id als M-2026-0001'),
  ontvangstbevestigdOp: optioneleDatum,
  terugkoppelingOp: optioneleDatum,
  onderzoek: enumVan(ONDERZOEKEN),
  uitkomst: enumVan(UITKOMSTEN),
  maatregelen: meerkeuze(MAATREGELEN, 1),
  afgeslotenOp: optioneleDatum,
  bewaarTot: optioneleDatum,
});
export type MeldingBijwerkenInvoer = z.infer<typeof meldingBijwerkenInvoer>;

export const meldingKiesInvoer = z.strictObject({
  action: z.literal('intake.melding.kies'),
  meldingId: z.string({ error: 'kies een melding' }).regex(MELDING_ID, 'verwacht een melding-id als M-2026-0001'),
});

const INCIDENT_ID = /^A-\d{4}-\d{4,}$/;

export const agressieInvoer = z.strictObject({
  action: z.literal('intake.agressie.opslaan'),
  kaartId,
  datum,
  soort: meerkeuze(AGRESSIE_SOORTEN, 1),
  toelichting: z
    .string()
    .max(500, 'maximaal 500 tekens')
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : null)),
  /** "De adviseur VPT mag contact met mij opnemen": only then does the adviser's card carry the reporter's name. */
  contact: janee.optional().transform((v) => v ?? false),
  /** "Het is geen naam, versturen" on the name warning: the note is sent as it is. */
  naamOk: janee.optional().transform((v) => v ?? false),
});
export type AgressieInvoer = z.infer<typeof agressieInvoer>;

export const agressieKiesInvoer = z.strictObject({
  action: z.literal('intake.agressie.kies'),
  incidentId: z.string({ error: 'kies een incident' }).regex(INCIDENT_ID, 'verwacht een incident-id als A-2026-0001'),
});

export const agressieBijwerkenInvoer = z.strictObject({
  action: z.literal('intake.agressie.bijwerken'),
  incidentId: z.string({ error: 'incident-id ontbreekt' }).regex(INCIDENT_ID, 'verwacht een incident-id als A-2026-0001'),
  maatregelen: meerkeuze(AGRESSIE_MAATREGELEN, 0)
    .optional()
    .transform((v) => v ?? []),
});

export const uitvraagGeenInvoer = z.strictObject({
  action: z.literal('intake.uitvraag.geen'),
  kaartId: kaartId.optional(),
  cyclus: datum,
});

/** Routes whose card or command carries no data of its own (menus, "start" buttons): just the action. */
const knop = <const A extends string>(action: A) => z.looseObject({ action: z.literal(action) });
export const menuInvoer = knop('intake.menu');
export const mijnRegistratiesInvoer = knop('intake.gesprek.mijn');
export const meldingStartInvoer = knop('intake.melding.start');
export const meldingBijwerkenStartInvoer = knop('intake.melding.bijwerkenStart');
export const wbkOverzichtInvoer = knop('intake.wbk.overzicht');
export const uitvraagStatusInvoer = knop('intake.uitvraag.status');
export const agressieStartInvoer = knop('intake.agressie.start');
export const agressieBijwerkenStartInvoer = knop('intake.agressie.bijwerkenStart');

/** Every intake submit (the route table in `index.ts` uses one member per action). */
export const intakeSubmitSchema = z.union([
  menuInvoer,
  gesprekStartInvoer,
  gesprekInvoer,
  mijnRegistratiesInvoer,
  gesprekCorrigeerStartInvoer,
  gesprekCorrigeerInvoer,
  gesprekVerwijderStartInvoer,
  gesprekVerwijderInvoer,
  gesprekBehoudenInvoer,
  meldingStartInvoer,
  meldingInvoer,
  meldingBijwerkenStartInvoer,
  meldingKiesInvoer,
  meldingBijwerkenInvoer,
  wbkOverzichtInvoer,
  uitvraagStatusInvoer,
  uitvraagGeenInvoer,
  agressieStartInvoer,
  agressieInvoer,
  agressieBijwerkenStartInvoer,
  agressieKiesInvoer,
  agressieBijwerkenInvoer,
]);
/** A validated intake submit. */
export type IntakeSubmit = z.output<typeof intakeSubmitSchema>;
/** Every intake action name (`data.action`). */
export type IntakeAction = IntakeSubmit['action'];
