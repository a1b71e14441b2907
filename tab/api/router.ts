import crypto from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import '@shared/lists/zod-nl';
import type { OrgConfig } from '@shared/config/schema';
import { DOELGROEPEN, SITUATIES, WERKVORMEN } from '@shared/lists/definitions';
import { toLocale } from '@shared/i18n';
import { isIsoDate, type ListItem } from '@shared/lists/schemas';
import { queryAll, type ListStore } from '@shared/store/list-store';
import type { SqliteDatabase } from '@shared/store/database';
import { isoWeek, vandaag } from '@shared/domain/tijd';
import { dilemmaVanDeWeek, isIsoWeek, type DilemmaOverride } from '@shared/domain/dilemma-van-de-week';
import { meldroute } from '@shared/domain/meldroute';
import { buildJaarverslag, leesJaarverslagBronnen } from '@shared/report';
import { aanmelding, vereistRol, type Authenticator, type MetGebruiker } from './auth';
import { StemSlot } from './stem-slot';

/**
 * The tab's HTTP API (issue 6), mounted under `/api` by `createTabApp`. A thin adapter: it parses every body
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
 * - `GET  /api/dashboard?jaar=2025&jaren=3` (hr, integriteitscoordinator) → the jaarverslag JSON (DESIGN.md)
 * - `GET  /api/rapport/:jaar.(docx|xlsx)?suppressBelow=N` (hr, integriteitscoordinator) → the report document;
 *   `suppressBelow` (≥ 2) suppresses small counts in the docx as the CLI's `--suppress-below` does
 */
export interface TabApiDeps {
  store: ListStore;
  config: OrgConfig;
  /** SQLite handle for the tab's own tables (`tab_vote_guard`, `tab_vote_keys`, `tab_dilemma_keuze`). */
  db: SqliteDatabase;
  authenticate: Authenticator;
  /** Optional secret for the vote guard's keys (`TAB_VOTE_SECRET`). */
  stemSecret?: string;
  /** Clock (tests). */
  now?: () => Date;
  logger?: Logger;
}

/** Managers lead sessions; HR and the integriteitscoördinator may too. */
const SESSIE_ROLLEN = ['manager', 'hr', 'integriteitscoordinator'] as const;
const HR_ROLLEN = ['hr', 'integriteitscoordinator'] as const;

/**
 * One zod issue as readable Dutch `veld: wat er mis is` (no values echoed). zod's Dutch locale prefixes
 * many messages with "Ongeldige invoer:", which the 400 text already says once, so that prefix is dropped.
 */
export function leesbaarIssue(i: z.core.$ZodIssue): string {
  const veld = i.path.join('.') || 'invoer';
  if (i.code === 'unrecognized_keys') return `${veld}: onbekend veld ${i.keys.join(', ')}`;
  if (i.code === 'invalid_type' && /ontving undefined|received undefined/.test(i.message)) return `${veld}: verplicht veld ontbreekt`;
  const bericht = i.message
    .replace(/^Ongeldige invoer:\s*/i, '')
    .replace(/\bverwacht string\b/g, 'verwacht tekst')
    .replace(/\bontving string\b/g, 'ontving tekst');
  return `${veld}: ${bericht}`;
}

/**
 * Answer 400 with one readable Dutch message naming the fields (never echoing the values):
 * `Ongeldige invoer: week: verwacht tekst, ontving getal; optie: …`. Only writes (non-GET) add
 * "Er is niets opgeslagen." — a read never stores anything.
 */
function ongeldig(req: Request, res: Response, error: z.ZodError): void {
  const details = error.issues.map(leesbaarIssue).join('; ');
  const schrijf = req.method !== 'GET' && req.method !== 'HEAD';
  res.status(400).json({
    fout: `Ongeldige invoer: ${details}.${schrijf ? ' Er is niets opgeslagen.' : ''}`,
    velden: error.issues.map((i) => i.path.join('.')),
  });
}

/** Parse `req.body` with `schema`; on failure answer 400 and return undefined. */
function parseBody<T>(schema: z.ZodType<T>, req: Request, res: Response): T | undefined {
  const r = schema.safeParse(req.body);
  if (!r.success) {
    ongeldig(req, res, r.error);
    return undefined;
  }
  return r.data;
}

const weekSchema = z.string().refine(isIsoWeek, 'verwacht een bestaande ISO-week, bv. 2026-W48');
const idSchema = z
  .string()
  .trim()
  .min(1, 'mag niet leeg zijn')
  .max(64, 'maximaal 64 tekens')
  .regex(/^[A-Za-z0-9_-]+$/, 'alleen letters, cijfers, - en _');

const stemSchema = z.strictObject({
  week: weekSchema,
  dilemmaId: idSchema,
  optie: z.number().int('verwacht een geheel getal').min(0, 'verwacht 0 of meer').max(20),
});
const keuzeSchema = z.strictObject({ week: weekSchema, dilemmaId: idSchema });
const sessieSchema = z.strictObject({
  sessieId: z
    .string()
    .regex(/^DS-\d{4}-[a-z0-9]{6,32}$/, 'verwacht DS-<jaar>-<code>')
    .optional(),
  datum: z.string().refine(isIsoDate, 'verwacht een datum als JJJJ-MM-DD'),
  werkvorm: z.enum(WERKVORMEN, { error: `verwacht een van: ${WERKVORMEN.join(', ')}` }),
  doelgroep: z.enum(DOELGROEPEN, { error: `verwacht een van: ${DOELGROEPEN.join(', ')}` }),
  deelnemers: z.number().int('verwacht een geheel getal').min(1, 'minstens 1 deelnemer').max(10000, 'maximaal 10.000'),
  dilemmaIds: z
    .array(idSchema)
    .max(20, 'maximaal 20 dilemma’s')
    .refine((ids) => [...new Set(ids)].join(',').length <= 255, 'te veel of te lange dilemma-id’s (samen maximaal 255 tekens)')
    .default([]),
});

/** A dilemma as the tab shows it (options parsed from the list's JSON text). */
export interface TabDilemma {
  dilemmaId: string;
  titel: string;
  tekst: string;
  opties: string[];
  thema: string;
  gespreksvragen: string[];
  /** Explanation from the config (`dilemmas[].toelichting`); in `GET /api/dilemma` only after the caller voted. */
  toelichting: string | null;
}

function naarTabDilemma(item: ListItem<'Dilemmas'>, config: OrgConfig): TabDilemma {
  let opties: string[] = [];
  try {
    const parsed: unknown = JSON.parse(item.opties);
    if (Array.isArray(parsed)) opties = parsed.map(String);
  } catch {
    opties = [];
  }
  const uitConfig = config.dilemmas.find((d) => d.id === item.dilemmaId);
  return {
    dilemmaId: item.dilemmaId,
    titel: item.titel,
    tekst: item.tekst,
    opties,
    thema: item.thema,
    gespreksvragen: uitConfig?.gespreksvragen ?? [],
    toelichting: uitConfig?.toelichting ?? null,
  };
}

/** Build the API router. */
export function createTabRouter(deps: TabApiDeps): Router {
  const { store, config, db } = deps;
  const now = deps.now ?? (() => new Date());
  const log = deps.logger;
  const slot = new StemSlot(db, deps.stemSecret, now);
  const keuzes = (): DilemmaOverride[] =>
    db.prepare('SELECT week, dilemmaId FROM tab_dilemma_keuze ORDER BY week').all() as DilemmaOverride[];

  const router = express.Router();
  const wrap = (fn: (req: Request, res: Response) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch(next);
  };

  // Who is calling comes first (401 before anything else), then the body parser (16 kB is plenty).
  router.use(aanmelding(deps.authenticate));
  router.use(express.json({ limit: '16kb' }));

  router.get('/ik', (req, res) => {
    const g = (req as MetGebruiker).gebruiker!;
    res.json({ modus: g.modus, rollen: g.rollen });
  });

  router.get(
    '/portal',
    wrap(async (_req, res) => {
      const routes = SITUATIES.map((situatie) => {
        const a = meldroute(config, situatie);
        const ids = (xs: typeof a.eerst) => xs.map((m) => m.meldpunt.id);
        return {
          situatie,
          naar: a.situatie,
          eerst: ids(a.eerst),
          ook: ids(a.ook),
          anoniem: ids(a.anoniem),
          stappen: a.stappen,
          beslisser: a.beslisser ?? null,
          wbk: a.wbk,
          regelingen: a.regelingen.map((r) => r.id),
        };
      });
      const nu = now().toISOString();
      const sessies = (await queryAll(store, 'AmbtseedSessies', { range: { column: 'start', from: nu }, orderBy: 'start' })).slice(0, 6);
      res.json({
        organisatie: config.organisatie.naam,
        meldpunten: config.meldpunten,
        contacten: config.contacten,
        routes,
        regelingen: config.regelingen,
        faq: config.faq,
        ambtseed: {
          afnemer: config.ambtseed.afnemer,
          eedTekst: config.ambtseed.eedTekst,
          belofteTekst: config.ambtseed.belofteTekst,
          verklaringTekst: config.ambtseed.verklaringTekst ?? null,
        },
        sessies: sessies.map((s) => ({
          sessieId: s.sessieId,
          start: s.start,
          eind: s.eind,
          soort: s.soort,
          locatie: s.locatie,
          online: s.online,
        })),
      });
    }),
  );

  const dilemmaVan = async (week: string) => {
    const items = await queryAll(store, 'Dilemmas');
    const id = dilemmaVanDeWeek(
      week,
      items.map((d) => d.dilemmaId),
      keuzes(),
    );
    const item = items.find((d) => d.dilemmaId === id);
    return item ? naarTabDilemma(item, config) : undefined;
  };
  const resultaten = async (week: string, dilemma: TabDilemma) => {
    const stemmen = await queryAll(store, 'DilemmaStemmen', { where: { week, dilemmaId: dilemma.dilemmaId } });
    const perOptie = dilemma.opties.map((_, i) => stemmen.filter((s) => s.optie === i).length);
    return { totaal: perOptie.reduce((a, b) => a + b, 0), perOptie };
  };

  router.get(
    '/dilemma',
    wrap(async (req, res) => {
      const g = (req as MetGebruiker).gebruiker!;
      const week = isoWeek(now());
      const dilemma = await dilemmaVan(week);
      if (!dilemma) return res.json({ week, dilemma: null, gestemd: false });
      const gestemd = slot.heeftGestemd(g.id, week);
      // The explanation comes after the vote, so it does not steer it.
      res.json({
        week,
        dilemma: gestemd ? dilemma : { ...dilemma, toelichting: null },
        gestemd,
        resultaten: gestemd ? await resultaten(week, dilemma) : null,
      });
    }),
  );

  router.post(
    '/dilemma/stem',
    wrap(async (req, res) => {
      const body = parseBody(stemSchema, req, res);
      if (!body) return;
      const g = (req as MetGebruiker).gebruiker!;
      const week = isoWeek(now());
      if (body.week !== week)
        return res.status(400).json({ fout: `Stemmen kan alleen in de week zelf (nu ${week}). Er is niets opgeslagen.` });
      const dilemma = await dilemmaVan(week);
      if (!dilemma || dilemma.dilemmaId !== body.dilemmaId)
        return res.status(400).json({ fout: 'Dit is niet het dilemma van deze week. Vernieuw de pagina. Er is niets opgeslagen.' });
      if (body.optie >= dilemma.opties.length)
        return res.status(400).json({ fout: `Kies een van de ${dilemma.opties.length} opties. Er is niets opgeslagen.` });
      if (!slot.claim(g.id, week))
        return res.status(409).json({ fout: 'Je hebt deze week al gestemd. Volgende week is er een nieuw dilemma.' });
      try {
        await store.add('DilemmaStemmen', { stemId: crypto.randomUUID(), dilemmaId: dilemma.dilemmaId, week, optie: body.optie });
      } catch (err) {
        slot.vrijgeven(g.id, week);
        throw err;
      }
      log?.info({ event: 'dilemma.stem', week }, 'stem opgeslagen');
      res.status(201).json({ resultaten: await resultaten(week, dilemma), toelichting: dilemma.toelichting });
    }),
  );

  router.get('/dilemma/keuze', vereistRol(...HR_ROLLEN), (_req, res) => {
    res.json({ keuzes: keuzes() });
  });
  router.put(
    '/dilemma/keuze',
    vereistRol(...HR_ROLLEN),
    wrap(async (req, res) => {
      const body = parseBody(keuzeSchema, req, res);
      if (!body) return;
      if (!(await store.get('Dilemmas', body.dilemmaId)))
        return res.status(400).json({ fout: `Dilemma ${body.dilemmaId} bestaat niet. Er is niets opgeslagen.` });
      db.prepare(
        'INSERT INTO tab_dilemma_keuze (week, dilemmaId) VALUES (?, ?) ON CONFLICT(week) DO UPDATE SET dilemmaId = excluded.dilemmaId',
      ).run(body.week, body.dilemmaId);
      log?.info({ event: 'dilemma.keuze', week: body.week }, 'dilemma van de week gekozen');
      res.json({ keuzes: keuzes() });
    }),
  );

  router.get(
    '/dilemmas',
    vereistRol(...SESSIE_ROLLEN),
    wrap(async (_req, res) => {
      const items = await queryAll(store, 'Dilemmas');
      res.json({ dilemmas: items.map((d) => naarTabDilemma(d, config)) });
    }),
  );

  router.post(
    '/sessies',
    vereistRol(...SESSIE_ROLLEN),
    wrap(async (req, res) => {
      const body = parseBody(sessieSchema, req, res);
      if (!body) return;
      if (body.datum > vandaag(now()))
        return res.status(400).json({ fout: 'datum: een sessie registreer je op of na de dag zelf, niet vooraf. Er is niets opgeslagen.' });
      const bekend = new Set((await queryAll(store, 'Dilemmas')).map((d) => d.dilemmaId));
      const onbekend = body.dilemmaIds.filter((id) => !bekend.has(id));
      if (onbekend.length)
        return res.status(400).json({ fout: `dilemmaIds: onbekend dilemma ${onbekend.join(', ')}. Er is niets opgeslagen.` });
      const sessieId = body.sessieId ?? `DS-${body.datum.slice(0, 4)}-${crypto.randomBytes(6).toString('hex')}`;
      const r = await store.add('DilemmaSessies', {
        sessieId,
        datum: body.datum,
        werkvorm: body.werkvorm,
        doelgroep: body.doelgroep,
        deelnemers: body.deelnemers,
        dilemmaIds: [...new Set(body.dilemmaIds)].join(','),
      });
      log?.info({ event: 'dilemmasessie.vastgelegd', werkvorm: body.werkvorm, nieuw: r.created }, 'dilemmasessie vastgelegd');
      res.status(r.created ? 201 : 200).json({ sessieId, nieuw: r.created });
    }),
  );

  const jaarQuery = z.object({
    jaar: z.coerce
      .number({ error: 'verwacht een jaartal' })
      .int('verwacht een jaartal')
      .min(2000, 'vanaf 2000')
      .max(2100, 'tot en met 2100'),
    jaren: z.coerce.number().int().min(1, 'minstens 1').max(10, 'maximaal 10').default(3),
  });
  // The CLI's --suppress-below N for the downloaded Word report (counts 1..N−1 as "<N"; never in xlsx, DESIGN.md).
  const onderDrempelQuery = z.object({
    suppressBelow: z.coerce
      .number({ error: 'verwacht een geheel getal' })
      .int('verwacht een geheel getal')
      .min(2, 'minstens 2')
      .max(1_000_000, 'maximaal 1.000.000')
      .optional(),
  });
  // The report's own reader and pure aggregation (issue 8): the dashboard shows exactly the jaarverslag's figures.
  const jaarverslag = async (jaar: number, jaren: number) =>
    buildJaarverslag(await leesJaarverslagBronnen(store, { jaar, years: jaren }), {
      jaar,
      organisatie: config.organisatie.naam,
      years: jaren,
    });

  router.get(
    '/dashboard',
    vereistRol(...HR_ROLLEN),
    wrap(async (req, res) => {
      const q = jaarQuery.safeParse(req.query);
      if (!q.success) return ongeldig(req, res, q.error);
      res.json(await jaarverslag(q.data.jaar, q.data.jaren));
    }),
  );

  router.get(
    '/rapport/:bestand',
    vereistRol(...HR_ROLLEN),
    wrap(async (req, res) => {
      const m = /^(\d{4})\.(docx|xlsx)$/.exec(String(req.params.bestand));
      if (!m) return res.status(400).json({ fout: 'Vraag een rapport op als <jaar>.docx of <jaar>.xlsx.' });
      const q = jaarQuery.safeParse({ jaar: m[1] });
      if (!q.success) return ongeldig(req, res, q.error);
      const d = onderDrempelQuery.safeParse({ suppressBelow: req.query.suppressBelow === '' ? undefined : req.query.suppressBelow });
      if (!d.success) return ongeldig(req, res, d.error);
      const verslag = await jaarverslag(q.data.jaar, q.data.jaren);
      const locale = toLocale(String(req.query.lang ?? ''));
      // Renderers load lazily (docx, exceljs, resvg are heavy and only needed here).
      const data =
        m[2] === 'docx'
          ? await (await import('@shared/report/docx')).renderDocx(verslag, { locale, onderDrempel: d.data.suppressBelow })
          : await (await import('@shared/report/xlsx')).renderXlsx(verslag, { locale });
      const type =
        m[2] === 'docx'
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      res.setHeader('Content-Type', type);
      res.setHeader('Content-Disposition', `attachment; filename="jaarverslag-integriteit-${q.data.jaar}.${m[2]}"`);
      res.send(Buffer.from(data));
    }),
  );

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
