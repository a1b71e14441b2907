import {
  amsterdamDelen,
  amsterdamNaarUtc,
  BoekingFout,
  bezetting,
  capaciteitsPrognose,
  isGeannuleerd,
  toonTijd,
  weekOverzicht,
} from '@shared/domain/ambtseed';
import { plusDagen } from '@shared/domain/ambtseed/verplichtingen';
import { vandaag } from '@shared/domain/tijd';
import { t, tekstIn, type Locale } from '@shared/i18n';
import { queryAll } from '@shared/store';
import type { BotServices, Reply, TurnInput } from '../feature';
import { bevestiging, plaats, soortNaam, synchroniseerAgenda, vertel, vertelGepromoveerd } from './berichten';
import { renderHrKaart, renderSessieFormulier } from './cards';
import { boekingVoor, inschrijvingenVan } from './lezen';
import { overzichtRegels } from './overzicht';
import type { SessieFormInvoer, SessieKeuzeInvoer } from './payload';

/** HR's part of the ambtseed feature (role `hr`): the overview, sessions by card, cancelling a session. */

/**
 * HR's card (route `ambtseed.hr`, commands "ambtseed beheer", …): the weekly overview, the capacity forecast and
 * the coming sessions with edit, attendance and cancel. `melding` is shown above the card.
 */
export async function hrKaart(input: TurnInput, services: BotServices, melding?: string): Promise<Reply[]> {
  const l = input.locale;
  const { store, config } = services;
  const now = input.now;
  const nms = await queryAll(store, 'NieuweMedewerkers', { range: { column: 'indienstOp', from: plusDagen(vandaag(now), -400) } });
  const alle = await queryAll(store, 'AmbtseedSessies', {
    range: { column: 'start', from: new Date(now.getTime() - 400 * 86400_000).toISOString() },
  });
  const inschrijvingen = await queryAll(store, 'AmbtseedInschrijvingen', { where: { medewerker: nms.map((m) => m.medewerkerId) } });
  const komend = alle
    .filter((s) => Date.parse(s.eind) > now.getTime() - 7 * 86400_000 && !isGeannuleerd(s))
    .sort((a, b) => a.start.localeCompare(b.start));
  const perSessie = await inschrijvingenVan(
    store,
    komend.map((s) => s.sessieId),
  );
  const alleInschr = [...new Map([...inschrijvingen, ...perSessie].map((i) => [i.inschrijvingId, i])).values()];
  const o = weekOverzicht(now, nms, alleInschr, alle, config.ambtseed);
  const prognose = capaciteitsPrognose(now, nms, alle, alleInschr, config.ambtseed);
  const card = renderHrKaart({
    titel: t(l, 'ambtseed.hr.titel'),
    overzichtTitel: t(l, 'ambtseed.overzicht.titel', { week: o.week }),
    overzicht: overzichtRegels(o, l),
    prognoseTitel: t(l, 'ambtseed.hr.prognose', { kwartaal: prognose[0]?.kwartaal ?? '' }),
    prognose: prognose.flatMap((p) => [
      {
        tekst: t(l, 'ambtseed.hr.prognose.regel', {
          soort: soortNaam(p.soort, l),
          vraag: p.vraag,
          instroom: p.verwachteInstroom,
          achterstand: p.achterstand,
          aanbod: p.aanbod,
          sessies: p.sessiesGepland,
        }),
        kleur: 'Default' as const,
      },
      p.toereikend
        ? { tekst: t(l, 'ambtseed.hr.prognose.ok'), kleur: 'Good' as const }
        : {
            tekst: t(l, 'ambtseed.hr.prognose.tekort', { tekort: p.tekort, extra: p.extraSessies, cap: p.standaardCapaciteit }),
            kleur: 'Attention' as const,
          },
    ]),
    sessiesTitel: t(l, 'ambtseed.hr.sessies'),
    geenSessies: komend.length ? '' : t(l, 'ambtseed.hr.geenSessies'),
    sessies: komend.map((s) => {
      const b = bezetting(s.sessieId, perSessie);
      return {
        label: t(l, 'ambtseed.hr.regel', {
          tijd: toonTijd(s.start, l),
          soort: soortNaam(s.soort, l),
          plaats: plaats(s, l),
          bezet: b.ingeschreven,
          capaciteit: s.capaciteit,
          wachtlijst: b.wachtlijst,
        }),
      };
    }),
    keuzes: komend.map((s) => ({ id: s.sessieId, label: `${toonTijd(s.start, l)} · ${soortNaam(s.soort, l)}` })),
    eersteSessie: komend[0]?.sessieId ?? '',
    kiesSessie: t(l, 'ambtseed.hr.kiesSessie'),
    wijzigTitel: t(l, 'ambtseed.hr.wijzig'),
    aanwezigheidTitel: t(l, 'ambtseed.hr.aanwezigheid'),
    bevestigTitel: t(l, 'ambtseed.hr.form.bevestigAnnuleren'),
    annuleerTitel: t(l, 'ambtseed.hr.annuleerSessie'),
    nieuwTitel: t(l, 'ambtseed.hr.nieuw'),
  });
  return [...(melding ? [{ type: 'text' as const, text: melding }] : []), { type: 'card', card }];
}

/** Route `ambtseed.sessieFormulier`: the form for a new session (`nieuw`) or to edit `sessieId`. */
export async function sessieFormulier(d: SessieKeuzeInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  const bestaand = !d.nieuw && d.sessieId ? await services.store.get('AmbtseedSessies', d.sessieId) : undefined;
  if (!d.nieuw && d.sessieId && !bestaand) throw new BoekingFout('SESSIE_ONBEKEND', t(l, 'ambtseed.fout.nietGevonden'));
  const start = bestaand ? amsterdamDelen(bestaand.start) : { datum: plusDagen(vandaag(input.now), 14), tijd: '10:00' };
  const eind = bestaand ? amsterdamDelen(bestaand.eind) : { datum: start.datum, tijd: '11:00' };
  const lab = (k: string) => t(l, `ambtseed.hr.form.${k}`);
  return [
    {
      type: 'card',
      card: renderSessieFormulier({
        titel: lab(bestaand ? 'wijzig' : 'nieuw'),
        l: {
          soort: lab('soort'),
          ambtseed: soortNaam('ambtseed', l),
          workshop: soortNaam('workshopIntegriteit', l),
          datum: lab('datum'),
          begin: lab('begin'),
          eind: lab('eind'),
          locatie: lab('locatie'),
          online: lab('online'),
          afnemer: lab('afnemer'),
          capaciteit: lab('capaciteit'),
          opslaan: lab('opslaan'),
        },
        v: {
          sessieId: bestaand?.sessieId ?? '',
          soort: bestaand?.soort ?? 'ambtseed',
          datum: start.datum,
          begin: start.tijd,
          eind: eind.tijd,
          locatie: bestaand?.locatie ?? '',
          online: bestaand?.online ? 'true' : 'false',
          afnemer: bestaand?.afnemer ?? tekstIn(l, services.config.ambtseed.afnemer),
          capaciteit: String(bestaand?.capaciteit ?? 20),
        },
      }),
    },
  ];
}

/**
 * Route `ambtseed.sessieOpslaan`: create or change a session. A change that moves the time or place tells the
 * booked people; more capacity moves people up from the waitlist.
 */
export async function sessieOpslaan(d: SessieFormInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  let start: string;
  let eind: string;
  try {
    start = amsterdamNaarUtc(d.datum, d.begin);
    eind = amsterdamNaarUtc(d.datum, d.eind);
  } catch (err) {
    return [{ type: 'text', text: (err as Error).message }];
  }
  if (eind <= start) return [{ type: 'text', text: t(l, 'ambtseed.hr.eindVoorBegin') }];
  if (!d.online && !d.locatie) return [{ type: 'text', text: t(l, 'ambtseed.hr.locatieOntbreekt') }];
  const velden = {
    start,
    eind,
    soort: d.soort,
    locatie: d.locatie || null,
    online: d.online,
    afnemer: d.afnemer,
    capaciteit: d.capaciteit,
  };
  let gepromoveerd = 0;
  if (d.sessieId) {
    const oud = await services.store.get('AmbtseedSessies', d.sessieId);
    const plan = await boekingVoor(services.store).wijzigSessie(d.sessieId, velden, input.now);
    gepromoveerd = plan.gepromoveerd.length;
    await vertelGepromoveerd(services, plan, l);
    const s = plan.sessie!;
    if (oud && (oud.start !== s.start || oud.locatie !== s.locatie || oud.online !== s.online)) {
      const geboekt = await queryAll(services.store, 'AmbtseedInschrijvingen', { where: { sessieId: s.sessieId, status: 'ingeschreven' } });
      await vertel(
        services,
        geboekt
          .filter((i) => !plan.gepromoveerd.some((p) => p.inschrijvingId === i.inschrijvingId))
          .map((i) => ({
            medewerker: i.medewerker,
            dedupeKey: `ambtseed:gewijzigd:${i.inschrijvingId}:${s.start}:${s.online ? 'online' : (s.locatie ?? '')}`.slice(0, 200),
            kaart: bevestiging(
              l,
              services.publicUrl,
              soortNaam(s.soort, l),
              t(l, 'ambtseed.sessieGewijzigd', { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l), plaats: plaats(s, l) }),
              s,
            ),
          })),
      );
    }
    await synchroniseerAgenda(services, [s.sessieId], l);
  } else {
    const sessieId = `S-${d.datum}-${d.begin.replace(':', '')}-${d.soort === 'ambtseed' ? 'E' : 'W'}`;
    await services.store.add('AmbtseedSessies', { sessieId, ...velden });
  }
  services.log.info({ feature: 'ambtseed', actie: d.sessieId ? 'sessieGewijzigd' : 'sessieNieuw', gepromoveerd }, 'sessie opgeslagen');
  return hrKaart(input, services, t(l, 'ambtseed.hr.opgeslagen', { soort: soortNaam(d.soort, l), tijd: toonTijd(start, l), gepromoveerd }));
}

/** Route `ambtseed.sessieAnnuleer` (with `bevestigd: 'ja'`): cancel a session and tell everyone booked. */
export async function sessieAnnuleer(d: SessieKeuzeInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  if (!d.sessieId) return [{ type: 'text', text: t(l, 'ambtseed.keuzeOngeldig') }];
  if (d.bevestigd !== 'ja') return [{ type: 'text', text: t(l, 'ambtseed.hr.annuleerNietBevestigd') }];
  const plan = await boekingVoor(services.store).annuleerSessie(d.sessieId);
  const s = plan.sessie!;
  const agenda = services.agenda;
  const tekst = (loc: Locale) => t(loc, 'ambtseed.sessieGeannuleerd', { soort: soortNaam(s.soort, loc), tijd: toonTijd(s.start, loc) });
  if (agenda) {
    try {
      await agenda.annuleer(s.sessieId, tekst(l));
    } catch (err) {
      services.log.warn(
        { feature: 'ambtseed', actie: 'agendaAnnuleren', status: (err as { statusCode?: number }).statusCode ?? null },
        'agenda-annulering mislukt',
      );
    }
  }
  await vertel(
    services,
    plan.geannuleerd.map((i) => ({
      medewerker: i.medewerker,
      dedupeKey: `ambtseed:sessieGeannuleerd:${i.inschrijvingId}`,
      // Without Graph the .ics link now serves METHOD:CANCEL, which removes an imported invitation.
      kaart: {
        ...bevestiging(l, services.publicUrl, soortNaam(s.soort, l), tekst(l), s, '', !agenda),
        agendaTitel: t(l, 'ambtseed.actie.agendaAnnuleren'),
      },
    })),
  );
  services.log.info({ feature: 'ambtseed', actie: 'sessieGeannuleerd', getroffen: plan.geannuleerd.length }, 'sessie geannuleerd');
  return hrKaart(input, services, t(l, 'ambtseed.hr.geannuleerd', { n: plan.geannuleerd.length }));
}

/** Route `ambtseed.hr`. */
export const hr = (_invoer: unknown, input: TurnInput, services: BotServices): Promise<Reply[]> => hrKaart(input, services);
