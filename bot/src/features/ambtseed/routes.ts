import crypto from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { amsterdamDate } from '@shared/domain/tijd';
import type { OrgConfig } from '@shared/config';
import { t, tekstIn, toLocale } from '@shared/i18n';
import type { ListStore } from '@shared/store';
import { oorkondeDocx } from './oorkonde';
import { sessieIcs } from './uitnodiging-ics';

/**
 * Download links of the ambtseed feature, as an express Router the bot host mounts at its root:
 * ```ts
 * import { ambtseedRouter } from './features/ambtseed/routes';
 * app.use(ambtseedRouter({ store, config }));
 * ```
 * - `GET /ambtseed/agenda/:sessieId.ics` — the session's iCalendar invitation (cancellation once the
 *   session is cancelled). No personal data, so no signature.
 * - `GET /ambtseed/oorkonde/:inschrijvingId.docx?sig=…` — the certificate of one afgelegd booking; the
 *   link is signed (HMAC-SHA256 with `AMBTSEED_LINK_SECRET`, or a random per-process key when unset, so
 *   links then stop working after a restart) because it tells that a person took the oath.
 * Bad input gets 400/404 with a short Dutch text; nothing is logged about the person.
 */

let procesGeheim: Buffer | undefined;
function geheim(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.AMBTSEED_LINK_SECRET) return Buffer.from(env.AMBTSEED_LINK_SECRET, 'utf8');
  procesGeheim ??= crypto.randomBytes(32);
  return procesGeheim;
}

/** The signature of an oorkonde link (hex HMAC-SHA256 of the inschrijvingId, first 32 characters). */
export function tekenLink(inschrijvingId: string, env: NodeJS.ProcessEnv = process.env): string {
  return crypto.createHmac('sha256', geheim(env)).update(`oorkonde:${inschrijvingId}`).digest('hex').slice(0, 32);
}

/** Absolute URL of a session's .ics file under `publicUrl` (e.g. `https://bot.example.nl`). */
export function icsUrl(publicUrl: string, sessieId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/ambtseed/agenda/${encodeURIComponent(sessieId)}.ics`;
}

/** Absolute, signed URL of the oorkonde of one inschrijving. */
export function oorkondeUrl(publicUrl: string, inschrijvingId: string, locale: 'nl' | 'en' = 'nl'): string {
  return `${publicUrl.replace(/\/+$/, '')}/ambtseed/oorkonde/${encodeURIComponent(inschrijvingId)}.docx?sig=${tekenLink(inschrijvingId)}&lang=${locale}`;
}

/** Public base URL of the bot: `BOT_PUBLIC_URL`, else `http://localhost:<BOT_PORT|3978>`. */
export function publicUrlVanEnv(env: NodeJS.ProcessEnv = process.env): string {
  return (env.BOT_PUBLIC_URL && env.BOT_PUBLIC_URL.trim()) || `http://localhost:${env.BOT_PORT || 3978}`;
}

const idParam = z.string().min(1).max(255);
const oorkondeQuery = z.object({ sig: z.string().regex(/^[0-9a-f]{32}$/), lang: z.string().optional() });

/** An async express 4 handler whose rejection goes to `next` (express 4 drops it otherwise). */
const viaNext =
  (fn: (req: Request, res: Response) => Promise<unknown>) =>
  (req: Request, res: Response, next: NextFunction): void => {
    fn(req, res).catch(next);
  };

/** Build the router (see the module comment). */
export function ambtseedRouter(deps: { store: ListStore; config: OrgConfig }): Router {
  const router = express.Router();

  router.get(
    '/ambtseed/agenda/:bestand',
    viaNext(async (req, res) => {
      const m = /^(.+)\.ics$/.exec(req.params.bestand);
      const id = m ? idParam.safeParse(m[1]) : undefined;
      if (!id?.success) return void res.status(400).type('text/plain').send('Ongeldige link: verwacht /ambtseed/agenda/<sessieId>.ics.');
      const sessie = await deps.store.get('AmbtseedSessies', id.data);
      if (!sessie) return void res.status(404).type('text/plain').send('Deze bijeenkomst bestaat niet.');
      const locale = toLocale(req.acceptsLanguages('nl', 'en') || 'nl');
      const ics = sessieIcs(
        sessie,
        t(locale, 'ambtseed.ics.titel', { soort: t(locale, `ambtseed.soort.${sessie.soort}`), organisatie: deps.config.organisatie.naam }),
        t(locale, 'ambtseed.ics.beschrijving', { afnemer: sessie.afnemer }),
      );
      res
        .status(200)
        .type('text/calendar; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="ambtseed-${id.data.replace(/[^A-Za-z0-9_-]/g, '_')}.ics"`)
        .send(ics);
    }),
  );

  router.get(
    '/ambtseed/oorkonde/:bestand',
    viaNext(async (req, res) => {
      const m = /^(.+)\.docx$/.exec(req.params.bestand);
      const q = oorkondeQuery.safeParse(req.query);
      if (!m || !q.success) return void res.status(400).type('text/plain').send('Ongeldige link.');
      const inschrijvingId = m[1];
      const verwacht = tekenLink(inschrijvingId);
      if (!crypto.timingSafeEqual(Buffer.from(q.data.sig), Buffer.from(verwacht)))
        return void res.status(403).type('text/plain').send('Deze link is niet (meer) geldig.');
      const i = await deps.store.get('AmbtseedInschrijvingen', inschrijvingId);
      if (!i || i.status !== 'afgelegd' || (i.vorm !== 'eed' && i.vorm !== 'belofte'))
        return void res.status(404).type('text/plain').send('Geen afgelegde eed of belofte bij deze link.');
      const sessie = await deps.store.get('AmbtseedSessies', i.sessieId);
      const locale = q.data.lang === 'en' ? 'en' : 'nl';
      const buf = await oorkondeDocx({
        organisatie: deps.config.organisatie.naam,
        vorm: i.vorm,
        datum: i.afgelegdOp ?? (sessie ? amsterdamDate(new Date(sessie.start)) : ''),
        afnemer: sessie?.afnemer ?? tekstIn(locale, deps.config.ambtseed.afnemer),
        locale,
      });
      res
        .status(200)
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .set('Content-Disposition', 'attachment; filename="oorkonde.docx"')
        .send(buf);
    }),
  );

  return router;
}
