/** `GET /api/portal`: organisation, meldpunten and contacts, routes per situation, regelingen, FAQ, eed/belofte texts, upcoming sessions. */
import type { Router } from 'express';
import { SITUATIES } from '@shared/lists/definitions';
import { queryAll } from '@shared/store/list-store';
import { meldroute } from '@shared/domain/meldroute';
import { wrap, type RouteContext } from './http';

/** Adds the portal route to `router`. */
export function portalRoutes(router: Router, { store, config, now }: RouteContext): void {
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
}
