/** The dilemma of the week (`/api/dilemma`, vote, HR's choice) and the dilemmas for a session (`/api/dilemmas`). */
import crypto from 'node:crypto';
import type { Router } from 'express';
import { z } from 'zod';
import type { OrgConfig } from '@shared/config/schema';
import type { ListItem } from '@shared/lists/schemas';
import { queryAll } from '@shared/store/list-store';
import { isoWeek } from '@shared/domain/tijd';
import { dilemmaVanDeWeek } from '@shared/domain/dilemma-van-de-week';
import { toLocale, type Locale } from '@shared/i18n';
import { vereistRol, type MetGebruiker } from '../auth';
import { HR_ROLLEN, idSchema, parseBody, SESSIE_ROLLEN, weekSchema, wrap, type RouteContext } from './http';

const stemSchema = z.strictObject({
  week: weekSchema,
  dilemmaId: idSchema,
  optie: z.number().int('verwacht een geheel getal').min(0, 'verwacht 0 of meer').max(20),
});
const keuzeSchema = z.strictObject({ week: weekSchema, dilemmaId: idSchema });
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
  /** True when English was asked for but the organisation has no English for this dilemma: the texts are Dutch. */
  alleenNl: boolean;
}

/**
 * A list item as the tab shows it, with the config's questions and explanation, in `locale`: for `en` the
 * config's English version (`dilemmas[].en`) when it has one with as many options as the list item (votes are stored
 * by option number); otherwise the Dutch texts with `alleenNl: true`.
 */
export function naarTabDilemma(item: ListItem<'Dilemmas'>, config: OrgConfig, locale: Locale = 'nl'): TabDilemma {
  let opties: string[] = [];
  try {
    const parsed: unknown = JSON.parse(item.opties);
    if (Array.isArray(parsed)) opties = parsed.map(String);
  } catch {
    opties = [];
  }
  const uitConfig = config.dilemmas.find((d) => d.id === item.dilemmaId);
  if (locale === 'en') {
    const en = uitConfig?.en;
    if (en && en.opties.length === opties.length)
      return {
        dilemmaId: item.dilemmaId,
        titel: en.titel,
        tekst: en.tekst,
        opties: en.opties,
        thema: item.thema,
        gespreksvragen: en.gespreksvragen,
        toelichting: en.toelichting ?? null,
        alleenNl: false,
      };
  }
  return {
    dilemmaId: item.dilemmaId,
    titel: item.titel,
    tekst: item.tekst,
    opties,
    thema: item.thema,
    gespreksvragen: uitConfig?.gespreksvragen ?? [],
    toelichting: uitConfig?.toelichting ?? null,
    alleenNl: locale === 'en',
  };
}

/** Adds the dilemma routes to `router`. */
export function dilemmaRoutes(router: Router, { store, config, slot, keuzes, now, log }: RouteContext): void {
  const dilemmaVan = async (week: string, locale: Locale = 'nl') => {
    const items = await queryAll(store, 'Dilemmas');
    const id = dilemmaVanDeWeek(
      week,
      items.map((d) => d.dilemmaId),
      await keuzes.alle(),
    );
    const item = items.find((d) => d.dilemmaId === id);
    return item ? naarTabDilemma(item, config, locale) : undefined;
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
      const dilemma = await dilemmaVan(week, toLocale(req.get('accept-language')));
      if (!dilemma) return res.json({ week, dilemma: null, gestemd: false });
      const gestemd = await slot.heeftGestemd(g.id, week);
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
      const dilemma = await dilemmaVan(week, toLocale(req.get('accept-language')));
      if (!dilemma || dilemma.dilemmaId !== body.dilemmaId)
        return res.status(400).json({ fout: 'Dit is niet het dilemma van deze week. Vernieuw de pagina. Er is niets opgeslagen.' });
      if (body.optie >= dilemma.opties.length)
        return res.status(400).json({ fout: `Kies een van de ${dilemma.opties.length} opties. Er is niets opgeslagen.` });
      if (!(await slot.claim(g.id, week)))
        return res.status(409).json({ fout: 'Je hebt deze week al gestemd. Volgende week is er een nieuw dilemma.' });
      try {
        await store.add('DilemmaStemmen', { stemId: crypto.randomUUID(), dilemmaId: dilemma.dilemmaId, week, optie: body.optie });
      } catch (err) {
        await slot.vrijgeven(g.id, week);
        throw err;
      }
      log?.info({ event: 'dilemma.stem', week }, 'stem opgeslagen');
      res.status(201).json({ resultaten: await resultaten(week, dilemma), toelichting: dilemma.toelichting });
    }),
  );

  router.get(
    '/dilemma/keuze',
    vereistRol(...HR_ROLLEN),
    wrap(async (_req, res) => {
      res.json({ keuzes: await keuzes.alle() });
    }),
  );
  router.put(
    '/dilemma/keuze',
    vereistRol(...HR_ROLLEN),
    wrap(async (req, res) => {
      const body = parseBody(keuzeSchema, req, res);
      if (!body) return;
      if (!(await store.get('Dilemmas', body.dilemmaId)))
        return res.status(400).json({ fout: `Dilemma ${body.dilemmaId} bestaat niet. Er is niets opgeslagen.` });
      await keuzes.kies(body.week, body.dilemmaId);
      log?.info({ event: 'dilemma.keuze', week: body.week }, 'dilemma van de week gekozen');
      res.json({ keuzes: await keuzes.alle() });
    }),
  );

  router.get(
    '/dilemmas',
    vereistRol(...SESSIE_ROLLEN),
    wrap(async (req, res) => {
      const items = await queryAll(store, 'Dilemmas');
      const locale = toLocale(req.get('accept-language'));
      res.json({ dilemmas: items.map((d) => naarTabDilemma(d, config, locale)) });
    }),
  );
}
