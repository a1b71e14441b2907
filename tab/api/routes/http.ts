/** What every tab API route shares: the roles, zod's issues as Dutch 400 answers, common schemas, the route context. */
import type { Request, Response } from 'express';
import { viaNext } from '@shared/http/via-next';
import type { Logger } from 'pino';
import { z } from 'zod';
import { issueTekst } from '@shared/lists/zod-nl';
import type { OrgConfig } from '@shared/config/schema';
import type { ListStore } from '@shared/store/list-store';
import type { SqliteDatabase } from '@shared/store/database';
import { isIsoWeek } from '@shared/domain/dilemma-van-de-week';
import type { StemSlot } from '../stem-slot';
import type { DilemmaKeuzes } from '../dilemma-keuzes';

/** What a route module gets from `createTabRouter`: the store, config and clock, the tab's own tables. */
export interface RouteContext {
  store: ListStore;
  config: OrgConfig;
  /** SQLite handle of the local state (the tab's own tables go through `slot` and `keuzes`). */
  db: SqliteDatabase;
  /** The anonymous one-vote-per-week guard. */
  slot: StemSlot;
  /** HR's choices of the dilemma of the week, by week. */
  keuzes: DilemmaKeuzes;
  /** Clock (tests). */
  now: () => Date;
  log?: Logger;
}

/** An async handler whose rejection reaches the router's error handler (`viaNext`). */
export const wrap = viaNext;

/** The roles per part of the tab (one rule for the API and the web app's navigation, see ../pagina-rollen.ts). */
export { HR_ROLLEN, SESSIE_ROLLEN } from '../pagina-rollen';

/** One zod issue as readable Dutch `veld: wat er mis is` (the one formatter, `@shared/lists/zod-nl`). */
export const leesbaarIssue = (i: z.core.$ZodIssue): string => issueTekst(i);

/**
 * Answer 400 with one readable Dutch message naming the fields (never echoing the values):
 * `Ongeldige invoer: week: verwacht tekst, ontving getal; optie: …`. Only writes (non-GET) add
 * "Er is niets opgeslagen." — a read never stores anything.
 */
export function ongeldig(req: Request, res: Response, error: z.ZodError): void {
  const details = error.issues.map(leesbaarIssue).join('; ');
  const schrijf = req.method !== 'GET' && req.method !== 'HEAD';
  res.status(400).json({
    fout: `Ongeldige invoer: ${details}.${schrijf ? ' Er is niets opgeslagen.' : ''}`,
    velden: error.issues.map((i) => i.path.join('.')),
  });
}

/** Parse `req.body` with `schema`; on failure answer 400 and return undefined. */
export function parseBody<T>(schema: z.ZodType<T>, req: Request, res: Response): T | undefined {
  const r = schema.safeParse(req.body);
  if (!r.success) {
    ongeldig(req, res, r.error);
    return undefined;
  }
  return r.data;
}

/** An existing ISO week (`2026-W48`). */
export const weekSchema = z.string().refine(isIsoWeek, 'verwacht een bestaande ISO-week, bv. 2026-W48');
/** A list id: letters, digits, - and _, at most 64. */
export const idSchema = z
  .string()
  .trim()
  .min(1, 'mag niet leeg zijn')
  .max(64, 'maximaal 64 tekens')
  .regex(/^[A-Za-z0-9_-]+$/, 'alleen letters, cijfers, - en _');
