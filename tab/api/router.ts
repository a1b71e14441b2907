import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { OrgConfig } from '@shared/config/schema';
import type { ListStore } from '@shared/store/list-store';
import type { SqliteDatabase } from '@shared/store/database';
import { LokaleStaat } from '@shared/store/lokaal';
import { aanmelding, type Authenticator, type MetGebruiker } from './auth';
import { StemSlot } from './stem-slot';
import { DilemmaKeuzes } from './dilemma-keuzes';
import type { RouteContext } from './routes/http';
import { portalRoutes } from './routes/portal';
import { dilemmaRoutes } from './routes/dilemma';
import { sessieRoutes } from './routes/sessies';
import { dashboardRoutes } from './routes/dashboard';

export { leesbaarIssue } from './routes/http';
export type { TabDilemma } from './routes/dilemma';

/**
 * The tab's HTTP API, mounted under `/api` by `createTabApp`, one file per resource in `routes/`. A thin adapter: it parses every body
 * with zod (400 `{ fout }` in Dutch), resolves the caller (401) and checks roles (403), then calls domain
 * functions from `shared/` and the ListStore. Errors never carry stack traces to the client.
 *
 * Routes (all JSON):
 * - `GET  /api/ik` → `{ modus, rollen }`
 * - `GET  /api/portal` → organisation, meldpunten + contacts, routes per situation (meldroute), regelingen,
 *   FAQ, eed/belofte texts, upcoming ambtseed sessions
 * - `GET  /api/dilemma` → `{ week, dilemma, gespreksvragen, gestemd, resultaten? }` (dilemma of this week)
 * - `POST /api/dilemma/stem` `{ week, dilemmaId, optie }` → 201 `{ resultaten }`; 409 when already voted
 * - `GET|PUT /api/dilemma/keuze` (hr, integriteitscoordinator) HR override `{ week, dilemmaId }`
 * - `GET  /api/dilemmas` (manager, hr, integriteitscoordinator) → dilemmas for a session
 * - `POST /api/sessies` (manager, hr, integriteitscoordinator) `{ datum, werkvorm, doelgroep, deelnemers, dilemmaIds, sessieId? }`
 *   → 201 `{ sessieId }`
 * - `GET  /api/dashboard?jaar=2025&jaren=3` (hr, integriteitscoordinator) → the jaarverslag JSON (docs/contracts.md)
 * - `GET  /api/rapport/:jaar.(docx|xlsx)?suppressBelow=N` (hr, integriteitscoordinator) → the report document;
 *   `suppressBelow` (≥ 2) suppresses small counts in the docx as the CLI's `--suppress-below` does
 */
export interface TabApiDeps {
  store: ListStore;
  config: OrgConfig;
  /** SQLite handle of the local state (used for the tab's tables `tab_dilemma_keuze` and the vote guard unless `lokaal` is given). */
  db: SqliteDatabase;
  /**
   * The process's local state, for the vote guard (`tab_vote_guard`, `tab_vote_keys`) and HR's dilemma choices
   * (`tab_dilemma_keuze`): with STORE=postgres shared by every instance. Default: a local state around `db`.
   */
  lokaal?: LokaleStaat;
  authenticate: Authenticator;
  /** Optional secret for the vote guard's keys (`TAB_VOTE_SECRET`). */
  stemSecret?: string;
  /** Clock (tests). */
  now?: () => Date;
  logger?: Logger;
}

/** Build the API router. */
export function createTabRouter(deps: TabApiDeps): Router {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const log = deps.logger;
  const lokaal = deps.lokaal ?? LokaleStaat.rondHandle(db);
  const ctx: RouteContext = {
    store: deps.store,
    config: deps.config,
    db,
    slot: new StemSlot(lokaal, deps.stemSecret, now),
    keuzes: new DilemmaKeuzes(lokaal),
    now,
    log,
  };
  const router = express.Router();
  // Who is calling comes first (401 before anything else), then the body parser (16 kB is plenty).
  router.use(aanmelding(deps.authenticate));
  router.use(express.json({ limit: '16kb' }));

  router.get('/ik', (req, res) => {
    const g = (req as MetGebruiker).gebruiker!;
    res.json({ modus: g.modus, rollen: g.rollen });
  });
  portalRoutes(router, ctx);
  dilemmaRoutes(router, ctx);
  sessieRoutes(router, ctx);
  dashboardRoutes(router, ctx);

  router.use((_req, res) => {
    res.status(404).json({ fout: 'Onbekend adres in de tab-API.' });
  });

  // Error handler: bad JSON → 400; everything else → 500 without details (the log gets the error type only).
  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string; status?: number; name?: string };
    if (e?.type === 'entity.parse.failed')
      return res.status(400).json({ fout: 'Ongeldige invoer: de aanvraag is geen geldige JSON. Er is niets opgeslagen.' });
    if (e?.type === 'entity.too.large') return res.status(413).json({ fout: 'De aanvraag is te groot. Er is niets opgeslagen.' });
    if (e?.name === 'InvalidItemError') return res.status(400).json({ fout: 'Ongeldige invoer voor de lijst. Er is niets opgeslagen.' });
    log?.error({ event: 'tab.api.fout', soort: e?.name ?? typeof err }, 'onverwachte fout in tab-API');
    res.status(500).json({ fout: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' });
  });
  return router;
}
