/** `POST /api/sessies`: a dilemma session registered by its leader (manager, HR, integriteitscoördinator). */
import crypto from 'node:crypto';
import type { Router } from 'express';
import { z } from 'zod';
import { DOELGROEPEN, WERKVORMEN } from '@shared/lists/definitions';
import { isIsoDate } from '@shared/lists/schemas';
import { queryAll } from '@shared/store/list-store';
import { vandaag } from '@shared/domain/tijd';
import { vereistRol } from '../auth';
import { idSchema, parseBody, SESSIE_ROLLEN, wrap, type RouteContext } from './http';

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

/** Adds the session route to `router`. */
export function sessieRoutes(router: Router, { store, now, log }: RouteContext): void {
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
}
