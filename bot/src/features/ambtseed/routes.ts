import express, { type Router } from 'express';
import { viaNext } from '@shared/http/via-next';
import { z } from 'zod';
import { amsterdamDate } from '@shared/domain/tijd';
import type { OrgConfig } from '@shared/config';
import { t, tekstIn, toLocale } from '@shared/i18n';
import type { NaamBron } from '@shared/graph/gebruikers';
import type { ListStore } from '@shared/store';
import { controleerLink, controleerOpenstaandLink, linkGeldigheidDagen, ondertekening, weigeringPagina } from './link-handtekening';
import { namenVoorExport, openstaandBestand, openstaandCsv, openstaandeRijen } from './openstaand';
import { afnemerIn } from './afnemer';
import { oorkondeDocx } from './oorkonde';
import { sessieIcs } from './uitnodiging-ics';

export { tekenLink } from './link-handtekening';

/**
 * Download links of the ambtseed feature, as an express Router the bot host mounts at its root:
 * ```ts
 * import { ambtseedRouter } from './features/ambtseed/routes';
 * app.use(ambtseedRouter({ store, config }));
 * ```
 * - `GET /ambtseed/agenda/:sessieId.ics[?lang=nl|en]` — the session's iCalendar invitation (cancellation once the
 *   session is cancelled), title and description in `lang` (else Accept-Language). No personal data, so no signature.
 * - `GET /ambtseed/oorkonde/:inschrijvingId.docx?exp=…&sig=…` — the certificate of one afgelegd booking; the
 *   link is signed and expires (`link-handtekening.ts`: `AMBTSEED_LINK_SECRET`, `AMBTSEED_LINK_TTL_DAYS`, default
 *   90 days) because it tells that a person took the oath. A wrong, changed or expired link gets a short 403 HTML
 *   page (Dutch, then English).
 * - `GET /ambtseed/openstaand/openstaand-<datum>.csv?exp=…&sig=…&lang=nl|en` — HR's export of the open
 *   obligations (new hires past their ambtseed deadline, `openstaand.ts`), generated per request and never kept;
 *   signed and valid on `<datum>` only (the HR card makes the link). Names at download time from `namen`.
 * Bad input gets 400/404 with a short Dutch text; nothing is logged about the person.
 */

/**
 * Absolute URL of a session's .ics file under `publicUrl` (e.g. `https://bot.example.nl`). With `locale` (the
 * recipient's Teams language) the link carries `?lang=nl|en`, so the invitation's title and description are in that
 * language whatever the browser that opens it sends as Accept-Language.
 */
export function icsUrl(publicUrl: string, sessieId: string, locale?: 'nl' | 'en'): string {
  return `${publicUrl.replace(/\/+$/, '')}/ambtseed/agenda/${encodeURIComponent(sessieId)}.ics${locale ? `?lang=${locale}` : ''}`;
}

/**
 * Absolute, signed URL of the oorkonde of one inschrijving, valid for `AMBTSEED_LINK_TTL_DAYS` (default 90) days
 * from `nu`. @throws Error (Dutch) when `AMBTSEED_LINK_TTL_DAYS` is invalid.
 */
export function oorkondeUrl(
  publicUrl: string,
  inschrijvingId: string,
  locale: 'nl' | 'en' = 'nl',
  nu: Date = new Date(),
  env: NodeJS.ProcessEnv = process.env,
): string {
  const { exp, sig } = ondertekening(inschrijvingId, nu, env);
  return `${publicUrl.replace(/\/+$/, '')}/ambtseed/oorkonde/${encodeURIComponent(inschrijvingId)}.docx?exp=${exp}&sig=${sig}&lang=${locale}`;
}

/** Public base URL of the bot: `BOT_PUBLIC_URL`, else `http://localhost:<BOT_PORT|3978>`. */
export function publicUrlVanEnv(env: NodeJS.ProcessEnv = process.env): string {
  return (env.BOT_PUBLIC_URL && env.BOT_PUBLIC_URL.trim()) || `http://localhost:${env.BOT_PORT || 3978}`;
}

const idParam = z.string().min(1).max(255);

/**
 * Build the router (see the module comment). `env` (default `process.env`) holds the link settings, `clock` the
 * time links are checked against (tests).
 * @throws Error (Dutch) when `AMBTSEED_LINK_TTL_DAYS` is invalid, so a bad setting stops the start.
 */
export function ambtseedRouter(deps: {
  store: ListStore;
  config: OrgConfig;
  env?: NodeJS.ProcessEnv;
  clock?: () => Date;
  /** The oorkonde's name, looked up at download time (never stored); absent → a blank name line. */
  namen?: NaamBron;
}): Router {
  const env = deps.env ?? process.env;
  linkGeldigheidDagen(env);
  const router = express.Router();

  router.get(
    '/ambtseed/agenda/:bestand',
    viaNext(async (req, res) => {
      const m = /^(.+)\.ics$/.exec(req.params.bestand);
      const id = m ? idParam.safeParse(m[1]) : undefined;
      if (!id?.success) return void res.status(400).type('text/plain').send('Ongeldige link: verwacht /ambtseed/agenda/<sessieId>.ics.');
      const sessie = await deps.store.get('AmbtseedSessies', id.data);
      if (!sessie) return void res.status(404).type('text/plain').send('Deze bijeenkomst bestaat niet.');
      // The recipient's language from the link (`lang`, set from their Teams locale), else the browser's.
      const lang = req.query.lang;
      const locale = lang === 'en' || lang === 'nl' ? lang : toLocale(req.acceptsLanguages('nl', 'en') || 'nl');
      const ics = sessieIcs(
        sessie,
        t(locale, 'ambtseed.ics.titel', { soort: t(locale, `ambtseed.soort.${sessie.soort}`), organisatie: deps.config.organisatie.naam }),
        t(locale, 'ambtseed.ics.beschrijving', { afnemer: afnemerIn(sessie.afnemer, deps.config, locale) }),
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
      if (!m) return void res.status(400).type('text/plain').send('Ongeldige link.');
      const inschrijvingId = m[1];
      const weigering = controleerLink(inschrijvingId, req.query, deps.clock?.() ?? new Date(), env);
      if (weigering)
        return void res.status(403).set('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(weigeringPagina(weigering, env));
      const i = await deps.store.get('AmbtseedInschrijvingen', inschrijvingId);
      if (!i || i.status !== 'afgelegd' || (i.vorm !== 'eed' && i.vorm !== 'belofte'))
        return void res.status(404).type('text/plain').send('Geen afgelegde eed of belofte bij deze link.');
      const sessie = await deps.store.get('AmbtseedSessies', i.sessieId);
      const locale = req.query.lang === 'en' ? 'en' : 'nl';
      const naam = deps.namen ? (await deps.namen.namen([i.medewerker])).namen.get(i.medewerker) : undefined;
      const buf = await oorkondeDocx({
        organisatie: deps.config.organisatie.naam,
        naam,
        vorm: i.vorm,
        datum: i.afgelegdOp ?? (sessie ? amsterdamDate(new Date(sessie.start)) : ''),
        afnemer: sessie ? afnemerIn(sessie.afnemer, deps.config, locale) : tekstIn(locale, deps.config.ambtseed.afnemer),
        locale,
      });
      res
        .status(200)
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .set('Content-Disposition', 'attachment; filename="oorkonde.docx"')
        .set('Cache-Control', 'private, no-store')
        .send(buf);
    }),
  );

  router.get(
    '/ambtseed/openstaand/:bestand',
    viaNext(async (req, res) => {
      const m = /^openstaand-(\d{4}-\d{2}-\d{2})\.csv$/.exec(req.params.bestand);
      if (!m) return void res.status(400).type('text/plain').send('Ongeldige link: verwacht /ambtseed/openstaand/openstaand-<datum>.csv.');
      const nu = deps.clock?.() ?? new Date();
      const weigering = controleerOpenstaandLink(m[1], req.query, nu, env);
      if (weigering)
        return void res
          .status(403)
          .set('Cache-Control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(weigeringPagina(weigering, env, 'openstaand'));
      const rijen = await openstaandeRijen(deps, nu);
      const namen = await namenVoorExport(
        deps.namen,
        rijen.map((r) => r.medewerker),
      );
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${openstaandBestand(m[1])}"`)
        .set('Cache-Control', 'private, no-store')
        .send(openstaandCsv(rijen, namen, req.query.lang === 'en' ? 'en' : 'nl'));
    }),
  );

  return router;
}
