import { dueHerinneringen, toonTijd, weekOverzicht, type Inschrijving } from '@shared/domain/ambtseed';
import { plusDagen } from '@shared/domain/ambtseed/verplichtingen';
import { vandaag } from '@shared/domain/tijd';
import { gebruikersMetRol } from '@shared/domain/rollen';
import type { OrgConfig } from '@shared/config';
import { t, type Locale } from '@shared/i18n';
import { datumTekst, weekTekst } from '@shared/i18n/formaat';
import { queryAll, type ListStore } from '@shared/store';
import { verstuurInEigenTaal, type ProactiveSender, type SendStatus } from '../../proactive/sender';
import type { Reply } from '../feature';
import { renderHerinneringKaart, renderOverzichtKaart } from './cards';
import { overzichtRegels } from './overzicht';

/** Counts of one run of the reminder job, per send status (for the job log; no ids). */
export type HerinneringRapport = Record<
  'welkom' | 'deadline14' | 'deadline3' | 'dagVoor' | 'weekoverzicht',
  Partial<Record<SendStatus, number>>
>;

/**
 * The daily ambtseed job: run it once a day (e.g. 08:00 Europe/Amsterdam, the
 * config's `intake.dagelijksOm`); running it more often is harmless because every message has a dedupe key.
 * - new hires with an obligation not booked: once an invitation to plan it ("welkom"), then a reminder
 *   14 days and 3 days before their deadline;
 * - booked people: a reminder the day before their session;
 * - HR (`rollen.hr.gebruikers`): on Mondays (or the first run in an ISO week), the weekly overview card
 *   with counts only (`ambtseed:weekoverzicht:<week>:<hr id>`).
 * Each message is in the recipient's Teams language (`verstuurInEigenTaal`); `locale` (default Dutch, the
 * organisation's language) is for people whose language is unknown.
 */
export async function runAmbtseedHerinneringen(deps: {
  store: ListStore;
  config: OrgConfig;
  sender: ProactiveSender;
  now: Date;
  locale?: Locale;
  /**
   * What to send: `alles` (default: the reminders and HR's weekly overview, the in-process scheduler's daily
   * run), `herinneringen` (the reminders only) or `weekoverzicht` (HR's overview only). With STORE=postgres
   * the two are separate pg-boss jobs, daily and weekly (bot/src/jobs).
   */
  onderdelen?: 'alles' | 'herinneringen' | 'weekoverzicht';
}): Promise<HerinneringRapport> {
  const { store, config, sender, now } = deps;
  const l = deps.locale ?? 'nl';
  const today = vandaag(now);
  // New hires whose deadline can still be ahead or recently passed: started in the last ~15 months.
  const nms = await queryAll(store, 'NieuweMedewerkers', { range: { column: 'indienstOp', from: plusDagen(today, -460) } });
  const sessies = await queryAll(store, 'AmbtseedSessies', {
    range: { column: 'start', from: new Date(now.getTime() - 460 * 86400_000).toISOString() },
  });
  const inschrijvingen = new Map<string, Inschrijving>();
  for (const r of await queryAll(store, 'AmbtseedInschrijvingen', { where: { medewerker: nms.map((m) => m.medewerkerId) } }))
    inschrijvingen.set(r.inschrijvingId, r);
  const komend = sessies.filter((s) => Date.parse(s.start) > now.getTime()).map((s) => s.sessieId);
  if (komend.length)
    for (const r of await queryAll(store, 'AmbtseedInschrijvingen', {
      where: { sessieId: komend, status: ['ingeschreven', 'wachtlijst'] },
    }))
      inschrijvingen.set(r.inschrijvingId, r);
  const rijen = [...inschrijvingen.values()];
  const sessieVan = new Map(sessies.map((s) => [s.sessieId, s]));

  const rapport: HerinneringRapport = { welkom: {}, deadline14: {}, deadline3: {}, dagVoor: {}, weekoverzicht: {} };
  const tel = (soort: keyof HerinneringRapport, s: SendStatus) => (rapport[soort][s] = (rapport[soort][s] ?? 0) + 1);

  const onderdelen = deps.onderdelen ?? 'alles';
  const herinneringen = onderdelen === 'weekoverzicht' ? [] : dueHerinneringen(now, nms, rijen, sessies, config.ambtseed);
  for (const h of herinneringen) {
    const bouw = (loc: Locale): Reply[] => {
      let tekst: string;
      if (h.soort === 'dagVoor') {
        const s = sessieVan.get(h.sessieId!)!;
        tekst = t(loc, 'ambtseed.herinnering.dagVoor', {
          soort: t(loc, `ambtseed.soort.${s.soort}`),
          tijd: toonTijd(s.start, loc),
          plaats: s.online ? t(loc, 'ambtseed.sessie.online') : (s.locatie ?? ''),
        });
      } else {
        tekst = t(loc, `ambtseed.herinnering.${h.soort}`, {
          dagen: h.dagenTotDeadline ?? 0,
          deadline: h.deadline ? datumTekst(loc, h.deadline) : '',
          wat: t(loc, `ambtseed.verplichting.${h.onderwerp}`),
        });
      }
      return [
        {
          type: 'card',
          card: renderHerinneringKaart({ titel: t(loc, 'ambtseed.plan.titel'), tekst, planTitel: t(loc, 'ambtseed.actie.plan') }),
        },
      ];
    };
    tel(h.soort, await verstuurInEigenTaal(sender, h.medewerker, bouw, h.dedupeKey, l));
  }

  if (onderdelen !== 'herinneringen') await stuurWeekoverzicht({ ...deps, l, nms, rijen, sessies, tel });
  return rapport;
}

/** HR's weekly overview card (counts only) to every `rollen.hr.gebruikers`, once per ISO week per person. */
async function stuurWeekoverzicht(a: {
  config: OrgConfig;
  sender: ProactiveSender;
  now: Date;
  l: Locale;
  nms: Parameters<typeof weekOverzicht>[1];
  rijen: Inschrijving[];
  sessies: Parameters<typeof weekOverzicht>[3];
  tel: (soort: keyof HerinneringRapport, s: SendStatus) => void;
}): Promise<void> {
  const o = weekOverzicht(a.now, a.nms, a.rijen, a.sessies, a.config.ambtseed);
  const bouw = (loc: Locale): Reply[] => [
    {
      type: 'card',
      card: renderOverzichtKaart({
        titel: t(loc, 'ambtseed.overzicht.titel', { week: weekTekst(loc, o.week, { metJaar: true }) }),
        regels: overzichtRegels(o, loc),
        voetnoot: t(loc, 'ambtseed.overzicht.alleenAantallen'),
        beheerTitel: t(loc, 'ambtseed.hr.titel'),
      }),
    },
  ];
  for (const hr of gebruikersMetRol(a.config.rollen, 'hr'))
    a.tel('weekoverzicht', await verstuurInEigenTaal(a.sender, hr, bouw, `ambtseed:weekoverzicht:${o.week}:${hr}`, a.l));
}
