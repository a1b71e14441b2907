import { isGeannuleerd, toonTijd, type BoekingPlan, type Sessie } from '@shared/domain/ambtseed';
import { t, type Locale } from '@shared/i18n';
import { queryAll } from '@shared/store';
import { verstuurInEigenTaal } from '../../proactive/sender';
import type { BotServices } from '../feature';
import { renderBevestigingKaart, type BevestigingKaartData } from './cards';
import { afnemerIn, ORGANISATIETAAL } from './afnemer';
import { icsUrl } from './routes';

/**
 * Texts, confirmation cards, proactive messages and calendar updates shared by the ambtseed handlers.
 * People are told through `services.proactive` (once per dedupe key); calendars through `services.agenda`.
 */

/** Where a session is: "online (Teams)" or its location. */
export const plaats = (s: Sessie, l: Locale): string => (s.online ? t(l, 'ambtseed.sessie.online') : (s.locatie ?? ''));
/** "Ambtseed" / "Workshop integriteit" in `l`. */
export const soortNaam = (soort: string, l: Locale): string => t(l, `ambtseed.soort.${soort}`);

/**
 * The data of a confirmation card: title, text, optional extra line; with `sessie` and `metAgenda` an .ics
 * download link under `publicUrl`.
 */
export function bevestiging(
  l: Locale,
  publicUrl: string,
  titel: string,
  tekst: string,
  sessie?: Sessie,
  extra = '',
  metAgenda = true,
): BevestigingKaartData {
  return {
    titel,
    tekst,
    extra,
    icsUrl: sessie && metAgenda ? icsUrl(publicUrl, sessie.sessieId, l) : '',
    agendaTitel: t(l, 'ambtseed.actie.agenda'),
    teamsUrl: '',
    teamsTitel: t(l, 'ambtseed.actie.teams'),
    oorkondeUrl: '',
    oorkondeTitel: t(l, 'ambtseed.actie.oorkonde'),
    planTitel: t(l, 'ambtseed.actie.plan'),
  };
}

/**
 * One proactive confirmation: to whom (object id), its dedupe key and the card, built in the recipient's language
 * (`kaart(locale)`), never in the language of whoever triggered it.
 */
export interface Bericht {
  medewerker: string;
  dedupeKey: string;
  kaart: (l: Locale) => BevestigingKaartData;
}

/**
 * Tell people proactively (moved up, session cancelled/changed, attendance recorded), once per key, each in their
 * own Teams language (`verstuurInEigenTaal`: their locale at their last message, Dutch when unknown).
 */
export async function vertel(services: BotServices, aan: Bericht[]): Promise<void> {
  const sender = services.proactive;
  if (!sender) {
    if (aan.length) services.log.warn({ feature: 'ambtseed', aantal: aan.length }, 'geen proactieve verzender: mensen niet bericht');
    return;
  }
  for (const a of aan) {
    const status = await verstuurInEigenTaal(
      sender,
      a.medewerker,
      (l) => [{ type: 'card', card: renderBevestigingKaart(a.kaart(l)) }],
      a.dedupeKey,
    );
    services.log.info({ feature: 'ambtseed', dedupeKey: a.dedupeKey.split(':').slice(0, 2).join(':'), status }, 'bericht aan deelnemer');
  }
}

/** Tell everyone who moved up from the waitlist in `plan`, each in their own language. */
export async function vertelGepromoveerd(services: BotServices, plan: BoekingPlan): Promise<void> {
  const aan: Bericht[] = [];
  for (const p of plan.gepromoveerd) {
    const s = await services.store.get('AmbtseedSessies', p.sessieId);
    if (!s) continue;
    aan.push({
      medewerker: p.medewerker,
      dedupeKey: `ambtseed:promotie:${p.inschrijvingId}`,
      kaart: (l) =>
        bevestiging(
          l,
          services.publicUrl,
          soortNaam(s.soort, l),
          t(l, 'ambtseed.gepromoveerd', { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l), plaats: plaats(s, l) }),
          s,
        ),
    });
  }
  await vertel(services, aan);
}

/**
 * Bring the calendar events of `sessieIds` in line with their bookings (no calendar: nothing). One event serves
 * every attendee, so its texts are in the organisation's language (`locale`, default Dutch), never in the language
 * of whoever acted. A Graph failure is logged (status only) and does not fail the booking.
 * @returns the Teams join URL of an online session, when Graph gave one.
 */
export async function synchroniseerAgenda(
  services: BotServices,
  sessieIds: string[],
  locale: Locale = ORGANISATIETAAL,
): Promise<string | undefined> {
  const agenda = services.agenda;
  if (!agenda) return undefined;
  let joinUrl: string | undefined;
  for (const id of new Set(sessieIds)) {
    const sessie = await services.store.get('AmbtseedSessies', id);
    if (!sessie || isGeannuleerd(sessie)) continue;
    const deelnemers = (await queryAll(services.store, 'AmbtseedInschrijvingen', { where: { sessieId: id, status: 'ingeschreven' } })).map(
      (i) => i.medewerker,
    );
    try {
      const r = await agenda.synchroniseer(sessie, deelnemers, {
        onderwerp: t(locale, 'ambtseed.ics.titel', {
          soort: soortNaam(sessie.soort, locale),
          organisatie: services.config.organisatie.naam,
        }),
        beschrijving: t(locale, 'ambtseed.ics.beschrijving', { afnemer: afnemerIn(sessie.afnemer, services.config, locale) }),
      });
      joinUrl = r.joinUrl ?? joinUrl;
    } catch (err) {
      services.log.warn(
        { feature: 'ambtseed', actie: 'agenda', status: (err as { statusCode?: number }).statusCode ?? null },
        'agenda-uitnodiging niet bijgewerkt',
      );
    }
  }
  return joinUrl;
}
