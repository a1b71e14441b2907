import { z } from 'zod';
import { issueTeksten } from './zod-nl';
import { controleerPii } from '../domain/pii-guard';
import { isBestaandeDatum, leesDatum, leesTijdstip, TijdFout } from '../domain/tijd';
import { LIST_DEFINITIONS, getListDefinition, type ColumnDefinition, type ListDefinition, type ListName } from './definitions';

/* ---------- Item types, derived at type level from LIST_DEFINITIONS ---------- */

type Columns<L extends ListName> = (typeof LIST_DEFINITIONS)[L]['columns'][number];
type ValueOf<C> = C extends { type: 'choice'; choices: infer Ch extends readonly string[] }
  ? Ch[number]
  : C extends { type: 'multichoice'; choices: infer Ch extends readonly string[] }
    ? Ch[number][]
    : C extends { type: 'number' }
      ? number
      : C extends { type: 'boolean' }
        ? boolean
        : string;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The item of list `L` as stores, import, export and report see it: every column of the definition,
 * optional columns as `null` when empty. Dates are `YYYY-MM-DD` strings (Europe/Amsterdam calendar date),
 * dateTimes ISO 8601 UTC strings (`2026-03-29T08:00:00.000Z`), multichoice values string arrays.
 */
export type ListItem<L extends ListName> = Simplify<
  { [C in Columns<L> as C extends { required: true } ? C['name'] : never]: ValueOf<C> } & {
    [C in Columns<L> as C extends { required: true } ? never : C['name']]: ValueOf<C> | null;
  }
>;

/** Input accepted for an item: optional columns may be left out. */
export type ListItemInput<L extends ListName> = Simplify<
  { [C in Columns<L> as C extends { required: true } ? C['name'] : never]: ValueOf<C> } & {
    [C in Columns<L> as C extends { required: true } ? never : C['name']]?: ValueOf<C> | null;
  }
>;

/** Any list item, untyped (for code that handles every list, such as import and the stores). */
export type AnyListItem = Record<string, unknown>;

/* ---------- zod schemas, derived at run time from the same definitions ---------- */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (rejects 2023-02-29); see shared/src/domain/tijd.ts. */
export const isIsoDate = isBestaandeDatum;

/** A zod refinement that adds the date module's own message (e.g. "2027-02-31 bestaat niet: februari 2027 heeft 28 dagen"). */
const bestaandeDatum = (s: string, ctx: z.RefinementCtx) => {
  if (!ISO_DATE.test(s)) return; // the format message comes from the regex check
  try {
    leesDatum(s);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: err instanceof TijdFout ? err.message : 'geen bestaande datum' });
  }
};

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const dateSchema = z.string().regex(ISO_DATE, 'verwacht een datum als JJJJ-MM-DD (in CSV ook DD-MM-JJJJ)').superRefine(bestaandeDatum);
const dateTimeSchema = z
  .string()
  .regex(ISO_DATETIME, 'verwacht datum en tijd als ISO 8601 met tijdzone, bv. 2026-03-29T10:00:00+02:00')
  .transform((s, ctx) => {
    try {
      return leesTijdstip(s);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof TijdFout ? err.message : 'verwacht een bestaande datum en tijd' });
      return z.NEVER;
    }
  });

/*
 * U+FFFD (�) is what a decoder writes for bytes it could not read: text holding it was damaged on the way in
 * (a Windows-1252 file read as UTF-8, "Caf� �-zaal"). It is never stored; the file has to be fixed or re-saved.
 */
const zonderVervangingsteken = (s: string) => !s.includes('\uFFFD');
const VERVANGINGSTEKEN =
  'bevat het teken � (U+FFFD): de tekst is beschadigd bij het omzetten van tekens; bewaar het bestand opnieuw als "CSV UTF-8" en importeer nogmaals';

/** The PII guard as a zod refinement: its Dutch reason as the issue (free-text columns with `piiControle`). */
const geenPii = (s: string, ctx: z.RefinementCtx) => {
  const u = controleerPii(s);
  if (!u.ok) ctx.addIssue({ code: 'custom', message: u.reden });
};

/** zod schema of one column's value (required or not is applied by `itemSchema`). */
export function columnSchema(col: ColumnDefinition): z.ZodType<unknown> {
  switch (col.type) {
    case 'text': {
      const s = z
        .string()
        .trim()
        .min(col.required ? 1 : 0, 'mag niet leeg zijn')
        .max(255, 'maximaal 255 tekens')
        .refine(zonderVervangingsteken, VERVANGINGSTEKEN);
      return col.piiControle ? s.superRefine(geenPii) : s;
    }
    case 'note':
      return z.string().max(10000, 'maximaal 10.000 tekens').refine(zonderVervangingsteken, VERVANGINGSTEKEN);
    case 'number':
      return col.integer ? z.number().int('verwacht een geheel getal').min(0, 'verwacht 0 of meer') : z.number().finite();
    case 'boolean':
      return z.boolean({ error: 'verwacht ja of nee' });
    case 'date':
      return dateSchema;
    case 'dateTime':
      return dateTimeSchema;
    case 'choice':
      return z.enum(col.choices as [string, ...string[]], { error: `verwacht een van: ${col.choices!.join(', ')}` });
    case 'multichoice': {
      const value = z.enum(col.choices as [string, ...string[]], { error: `verwacht waarden uit: ${col.choices!.join(', ')}` });
      return z
        .array(value)
        .min(col.required ? 1 : 0, 'kies minstens één waarde')
        .refine((a) => new Set(a).size === a.length, 'dubbele waarde');
    }
  }
}

const cache = new Map<string, z.ZodType<AnyListItem>>();

function bouwItemSchema(name: string, jaNeeOnbekend: boolean): z.ZodType<AnyListItem> {
  const def: ListDefinition = getListDefinition(name);
  const shape: Record<string, z.ZodType<unknown>> = {};
  for (const col of def.columns) {
    const s = columnSchema(col);
    // Optional columns: absent → null; an optional multichoice is always an array (empty = none chosen),
    // as SharePoint cannot tell "null" from "no choices" apart.
    const empty = col.type === 'multichoice' ? () => [] : () => null;
    if (!col.required)
      shape[col.name] = s
        .nullable()
        .optional()
        .transform((v) => v ?? empty());
    else if (jaNeeOnbekend && col.type === 'boolean')
      shape[col.name] = s
        .nullable()
        .optional()
        .transform((v) => v ?? null);
    else shape[col.name] = s;
  }
  return z.strictObject(shape);
}

/**
 * zod schema of a whole item of list `name`, derived from its definition: unknown fields are rejected
 * (privacy: nothing slips into a list that the schema does not name), optional columns default to `null`,
 * and the output has the columns in definition order.
 * @throws Error when `name` is not a list.
 */
export function itemSchema<L extends ListName>(name: L): z.ZodType<ListItem<L>, ListItemInput<L>>;
export function itemSchema(name: string): z.ZodType<AnyListItem>;
export function itemSchema(name: string): z.ZodType<AnyListItem> {
  let hit = cache.get(name);
  if (!hit) cache.set(name, (hit = bouwItemSchema(name, false)));
  return hit;
}

const leesCache = new Map<string, z.ZodType<AnyListItem>>();
/**
 * The schema of an item as read back from SharePoint: as {@link itemSchema}, except that a yes/no column may be
 * `null` ("onbekend"). SharePoint leaves a Yes/No value out of `fields` when the item never had one (a column
 * added after the item was written); that is unknown, not "nee", and the report counts it as onbekend.
 */
export function leesItemSchema(name: string): z.ZodType<AnyListItem> {
  let hit = leesCache.get(name);
  if (!hit) leesCache.set(name, (hit = bouwItemSchema(name, true)));
  return hit;
}

/** The key of an item: its key columns' values joined with `|` (e.g. `2026-W48|dilemma`). */
export function itemKey(list: string, item: AnyListItem): string {
  return getListDefinition(list)
    .key.map((k) => String(item[k]))
    .join('|');
}

/**
 * Parse one item for list `name`.
 * @returns the canonical item, or the zod error whose issues name the column and what was expected.
 */
export function parseItem<L extends ListName>(name: L, input: unknown): z.ZodSafeParseResult<ListItem<L>> {
  return itemSchema(name).safeParse(input);
}

/** Format zod issues as `column: message` lines (Dutch), for CLI output and logs (paths only, no values). */
export function formatIssues(error: z.ZodError): string[] {
  return issueTeksten(error, { leeg: '(item)', onbekend: (k) => `onbekende kolom(men) ${k.join(', ')}` });
}
