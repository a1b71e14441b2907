/**
 * HR's dashboard (`/api/dashboard`, the jaarverslag JSON; `/api/dashboard/jaren`, which years have figures) and the
 * report downloads (`/api/rapport/<jaar>.docx|xlsx`).
 */
import type { Router } from 'express';
import { z } from 'zod';
import { toLocale } from '@shared/i18n';
import { buildJaarverslag, isLeegJaar, leesJaarverslagBronnen } from '@shared/report';
import { leesDatum, vandaag } from '@shared/domain/tijd';
import { vereistRol } from '../auth';
import { HR_ROLLEN, ongeldig, wrap, type RouteContext } from './http';

/** How many calendar years the dashboard's year picker offers: this year and the five before it. */
export const DASHBOARD_JAREN = 6;

/**
 * `GET /api/dashboard/jaren` (HR and integriteitscoördinator): `huidig` is this calendar year (Europe/Amsterdam),
 * `jaren` the years the picker offers (newest first, `DASHBOARD_JAREN` of them), `metCijfers` those of them with
 * any record the jaarverslag counts (not `isLeegJaar`, docs/contracts.md), newest first; empty for an empty store.
 */
export interface DashboardJaren {
  huidig: number;
  jaren: number[];
  metCijfers: number[];
}

/** Adds the dashboard and report routes to `router`. */
export function dashboardRoutes(router: Router, { store, config, now }: RouteContext): void {
  const jaarQuery = z.object({
    jaar: z.coerce
      .number({ error: 'verwacht een jaartal' })
      .int('verwacht een jaartal')
      .min(2000, 'vanaf 2000')
      .max(2100, 'tot en met 2100'),
    jaren: z.coerce.number().int().min(1, 'minstens 1').max(10, 'maximaal 10').default(3),
  });
  // The CLI's --suppress-below N for the downloaded Word report (counts 1..N−1 as "<N"; never in xlsx, docs/contracts.md).
  const onderDrempelQuery = z.object({
    suppressBelow: z.coerce
      .number({ error: 'verwacht een geheel getal' })
      .int('verwacht een geheel getal')
      .min(2, 'minstens 2')
      .max(1_000_000, 'maximaal 1.000.000')
      .optional(),
  });
  // The report's own reader and pure aggregation: the dashboard shows exactly the jaarverslag's figures.
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

  // Which of the years the dashboard offers have any figures (the report's own rule, isLeegJaar), so the page opens
  // on the most recent year with data and says so plainly when a year has none.
  router.get(
    '/dashboard/jaren',
    vereistRol(...HR_ROLLEN),
    wrap(async (_req, res) => {
      const huidig = leesDatum(vandaag(now())).jaar;
      const verslag = await jaarverslag(huidig, DASHBOARD_JAREN);
      const metCijfers = [verslag, ...Object.values(verslag.vorigeJaren)]
        .filter((c) => !isLeegJaar(c))
        .map((c) => c.jaar)
        .sort((a, b) => b - a);
      const antwoord: DashboardJaren = { huidig, jaren: Array.from({ length: DASHBOARD_JAREN }, (_, i) => huidig - i), metCijfers };
      res.json(antwoord);
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
}
