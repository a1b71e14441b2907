import {
  amsterdamDelen,
  BoekingFout,
  bezetting,
  capaciteitsPrognose,
  isGeannuleerd,
  toonTijd,
  weekOverzicht,
  type Sessie,
} from '@shared/domain/ambtseed';
import { plusDagen } from '@shared/domain/ambtseed/verplichtingen';
import { amsterdamDate, TijdFout, vandaag, wandtijdNaarInstant } from '@shared/domain/tijd';
import { t, tekstIn, type Locale } from '@shared/i18n';
import { weekTekst } from '@shared/i18n/formaat';
import { queryAll } from '@shared/store';
import type { BotServices, Reply, TurnInput } from '../feature';
import { bevestiging, plaats, soortNaam, synchroniseerAgenda, vertel, vertelGepromoveerd } from './berichten';
import { sessieFeiten, samenvatting } from './bevestigen';
import { renderBevestigKaart, renderHrKaart, renderSessieFormulier, type Feit, type SessieFormulierData } from './cards';
import { bestaandeSessie, boekingVoor, inschrijvingenVan } from './lezen';
import { openstaandUrl } from './openstaand';
import { overzichtRegels } from './overzicht';
import { afnemerIn, afnemerOpslaan, ORGANISATIETAAL } from './afnemer';
import type { OrgConfig } from '@shared/config';
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
  // Attendance can be recorded for every session of this (Europe/Amsterdam) year that has started, not only recent ones.
  const jaar = vandaag(now).slice(0, 4);
  const ditJaar = alle
    .filter((s) => Date.parse(s.start) <= now.getTime() && amsterdamDate(new Date(s.start)).startsWith(jaar) && !isGeannuleerd(s))
    .sort((a, b) => b.start.localeCompare(a.start));
  const alleInschr = [...new Map([...inschrijvingen, ...perSessie].map((i) => [i.inschrijvingId, i])).values()];
  const o = weekOverzicht(now, nms, alleInschr, alle, config.ambtseed);
  const prognose = capaciteitsPrognose(now, nms, alle, alleInschr, config.ambtseed);
  const card = renderHrKaart({
    titel: t(l, 'ambtseed.hr.titel'),
    overzichtTitel: t(l, 'ambtseed.overzicht.titel', { week: weekTekst(l, o.week, { metJaar: true }) }),
    overzicht: overzichtRegels(o, l),
    prognoseTitel: t(l, 'ambtseed.hr.prognose', { kwartaal: prognose[0] ? kwartaalTekst(prognose[0].kwartaal, l) : '' }),
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
    deelnemersTitel: t(l, 'ambtseed.hr.deelnemers'),
    herinnerTitel: o.achterstallig ? t(l, 'ambtseed.hr.herinner', { n: o.achterstallig }) : '',
    exportUrl: o.achterstallig ? openstaandUrl(services.publicUrl, now, l) : '',
    exportTitel: t(l, 'ambtseed.hr.export', { n: o.achterstallig }),
    aanwezigheidKeuzes: ditJaar.map((s) => ({ id: s.sessieId, label: `${toonTijd(s.start, l)} · ${soortNaam(s.soort, l)}` })),
    eersteAanwezigheid: ditJaar[0]?.sessieId ?? '',
    kiesAanwezigheid: t(l, 'ambtseed.hr.kiesAanwezigheid'),
    geenAanwezigheid: ditJaar.length ? '' : t(l, 'ambtseed.hr.geenAanwezigheid'),
    annuleerTitel: t(l, 'ambtseed.hr.annuleerSessie'),
    nieuwTitel: t(l, 'ambtseed.hr.nieuw'),
  });
  return [...(melding ? [{ type: 'text' as const, text: melding }] : []), { type: 'card', card }];
}

/**
 * A quarter in words from its code `YYYY-Qn` (`capaciteitsPrognose`): "eerste kwartaal van 2027" / "first quarter of
 * 2027" (catalogue `ambtseed.kwartaal`); anything else as it is.
 */
export function kwartaalTekst(kwartaal: string, l: Locale): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(kwartaal);
  return m ? t(l, 'ambtseed.kwartaal', { q: Number(m[2]), jaar: m[1] }) : kwartaal;
}

/** Route `ambtseed.sessieFormulier`: the form for a new session (`nieuw`) or to edit `sessieId`. */
export async function sessieFormulier(d: SessieKeuzeInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  const bestaand = !d.nieuw && d.sessieId ? await services.store.get('AmbtseedSessies', d.sessieId) : undefined;
  if (!d.nieuw && d.sessieId && !bestaand) throw new BoekingFout('SESSIE_ONBEKEND', t(l, 'ambtseed.fout.nietGevonden'));
  const start = bestaand ? amsterdamDelen(bestaand.start) : { datum: plusDagen(vandaag(input.now), 14), tijd: '10:00' };
  const eind = bestaand ? amsterdamDelen(bestaand.eind) : { datum: start.datum, tijd: '11:00' };
  return [
    formulierKaart(l, !!bestaand, {
      sessieId: bestaand?.sessieId ?? '',
      soort: bestaand?.soort ?? 'ambtseed',
      datum: start.datum,
      begin: start.tijd,
      eind: eind.tijd,
      locatie: bestaand?.locatie ?? '',
      online: bestaand?.online ? 'true' : 'false',
      afnemer: bestaand ? afnemerIn(bestaand.afnemer, services.config, l) : tekstIn(l, services.config.ambtseed.afnemer),
      capaciteit: String(bestaand?.capaciteit ?? 20),
      weekend: '',
    }),
  ];
}

/** The session form card with values `v`; `melding` and `dst` as in {@link SessieFormulierData}. */
function formulierKaart(
  l: Locale,
  wijzig: boolean,
  v: SessieFormulierData['v'],
  melding = '',
  dst: SessieFormulierData['dst'] = [],
): Reply {
  const lab = (k: string) => t(l, `ambtseed.hr.form.${k}`);
  return {
    type: 'card',
    card: renderSessieFormulier({
      titel: lab(wijzig ? 'wijzig' : 'nieuw'),
      melding,
      dst,
      l: {
        soort: lab('soort'),
        ambtseed: soortNaam('ambtseed', l),
        workshop: soortNaam('workshopIntegriteit', l),
        datum: lab('datum'),
        begin: lab('begin'),
        eind: lab('eind'),
        locatie: lab('locatie'),
        online: lab('online'),
        onlineVraag: lab('onlineVraag'),
        afnemer: lab('afnemer'),
        capaciteit: lab('capaciteit'),
        opslaan: lab('opslaan'),
      },
      v,
    }),
  };
}

/**
 * The instants of the form's begin and end (Europe/Amsterdam wall time → UTC, `shared/src/domain/tijd.ts`), or
 * the answer that stops the save: an impossible date ("Ongeldige datum", before any summer-time check), a time
 * that does not exist (names the switch), or — for a time that happens twice — the form again asking which one.
 */
function sessieTijden(d: SessieFormInvoer, l: Locale): { start: string; eind: string } | Reply[] {
  const dst: SessieFormulierData['dst'] = [];
  const uit: Partial<Record<'begin' | 'eind', string>> = {};
  for (const veld of ['begin', 'eind'] as const) {
    try {
      uit[veld] = wandtijdNaarInstant(d.datum, d[veld], { keuze: d[`${veld}Keuze`] });
    } catch (err) {
      if (!(err instanceof TijdFout)) throw err;
      if (err.soort === 'formaat' || err.soort === 'onmogelijkeDatum')
        return [{ type: 'text', text: t(l, 'ambtseed.hr.ongeldigeDatum', { fout: err.bericht(l) }) }];
      if (err.soort === 'bestaatNiet') return [{ type: 'text', text: t(l, 'ambtseed.hr.nietsOpgeslagen', { fout: err.bericht(l) }) }];
      dst.push({
        veld: `${veld}Keuze`,
        vraag: t(l, 'tijd.keuze.vraag', { wandtijd: t(l, `ambtseed.hr.dst.${veld}`, { tijd: d[veld] }) }),
        keuzes: err.opties.map((o) => ({ title: t(l, `tijd.keuze.${o.keuze}`, { tijd: d[veld], offset: o.offset }), value: o.keuze })),
      });
    }
  }
  if (uit.begin && uit.eind) return { start: uit.begin, eind: uit.eind };
  return [formulierKaart(l, !!d.sessieId, formulierWaarden(d), t(l, 'ambtseed.hr.kiesZomerWinter'), dst)];
}

/** The form's values as HR sent them, to show the form again (`weekend`: `'ja'` once HR confirmed a weekend date). */
function formulierWaarden(d: SessieFormInvoer, weekend = d.weekend ?? ''): SessieFormulierData['v'] {
  return {
    sessieId: d.sessieId ?? '',
    soort: d.soort,
    datum: d.datum,
    begin: d.begin,
    eind: d.eind,
    locatie: d.locatie,
    online: d.online ? 'true' : 'false',
    afnemer: d.afnemer,
    capaciteit: String(d.capaciteit),
    weekend,
  };
}

/** True when the calendar date `YYYY-MM-DD` is a Saturday or Sunday (the date itself, no time zone involved). */
function isWeekend(datum: string): boolean {
  const [j, m, dag] = datum.split('-').map(Number);
  const wd = new Date(Date.UTC(j, m - 1, dag)).getUTCDay();
  return wd === 0 || wd === 6;
}

/**
 * The answer that stops saving a session at `start` (ISO instant), or `undefined`: a start that is not after `now`
 * is refused (a new session, or an edit that moves the start; an edit that keeps a past start, e.g. to fix the
 * capacity, is allowed); a Saturday or Sunday (Europe/Amsterdam calendar date of the form) brings the form back
 * asking to confirm, and the next Opslaan of that form (`weekend: 'ja'`) saves.
 */
function tijdstipBezwaar(d: SessieFormInvoer, start: string, oud: Sessie | undefined, input: TurnInput): Reply[] | undefined {
  const l = input.locale;
  const verplaatst = !oud || oud.start !== start;
  if (verplaatst && Date.parse(start) <= input.now.getTime())
    return [{ type: 'text', text: t(l, 'ambtseed.hr.inVerleden', { tijd: toonTijd(start, l) }) }];
  if (verplaatst && isWeekend(d.datum) && d.weekend !== 'ja')
    return [formulierKaart(l, !!d.sessieId, formulierWaarden(d, 'ja'), t(l, 'ambtseed.hr.weekend', { tijd: toonTijd(start, l) }))];
  return undefined;
}

/** What HR changed in a session, one "veld: oud → nieuw" text per changed field (empty: nothing changed). */
function wijzigingen(oud: Sessie, nieuw: Sessie, l: Locale, config: OrgConfig): string[] {
  const uit: string[] = [];
  const regel = (veld: string, a: string, b: string) => {
    if (a !== b) uit.push(t(l, 'ambtseed.hr.wijziging', { veld: t(l, `ambtseed.hr.form.${veld}`), oud: a || '—', nieuw: b || '—' }));
  };
  const janee = (b: boolean) => t(l, b ? 'ambtseed.hr.ja' : 'ambtseed.hr.nee');
  regel('soort', soortNaam(oud.soort, l), soortNaam(nieuw.soort, l));
  regel('begin', toonTijd(oud.start, l), toonTijd(nieuw.start, l));
  regel('eind', toonTijd(oud.eind, l), toonTijd(nieuw.eind, l));
  regel('locatie', oud.locatie ?? '', nieuw.locatie ?? '');
  regel('online', janee(oud.online), janee(nieuw.online));
  regel('afnemer', afnemerIn(oud.afnemer, config, l), afnemerIn(nieuw.afnemer, config, l));
  regel('capaciteit', String(oud.capaciteit), String(nieuw.capaciteit));
  return uit;
}

/**
 * Route `ambtseed.sessieOpslaan`: create or change a session. A change says what changed (or that nothing did);
 * one that moves the time or place tells the booked people; more capacity moves people up from the waitlist.
 * A new session on a slot (date, begin, soort) that already has one is refused, naming the existing session:
 * nothing is saved and nothing of the form is dropped silently.
 */
export async function sessieOpslaan(d: SessieFormInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  const tijden = sessieTijden(d, l);
  if (Array.isArray(tijden)) return tijden;
  const { start, eind } = tijden;
  if (eind <= start) return [{ type: 'text', text: t(l, 'ambtseed.hr.eindVoorBegin') }];
  if (!d.online && !d.locatie) return [{ type: 'text', text: t(l, 'ambtseed.hr.locatieOntbreekt') }];
  const bezwaar = tijdstipBezwaar(d, start, d.sessieId ? await bestaandeSessie(services.store, d.sessieId, l) : undefined, input);
  if (bezwaar) return bezwaar;
  const velden = {
    start,
    eind,
    soort: d.soort,
    locatie: d.locatie || null,
    online: d.online,
    // The configured official is stored in the organisation's language, whichever language HR works in.
    afnemer: afnemerOpslaan(d.afnemer, services.config),
    capaciteit: d.capaciteit,
  };
  let melding: string;
  if (d.sessieId) {
    const oud = await bestaandeSessie(services.store, d.sessieId, l);
    const plan = await boekingVoor(services.store).wijzigSessie(d.sessieId, velden, input.now);
    await vertelGepromoveerd(services, plan);
    const s = plan.sessie!;
    if (oud.start !== s.start || oud.locatie !== s.locatie || oud.online !== s.online) {
      const geboekt = await queryAll(services.store, 'AmbtseedInschrijvingen', { where: { sessieId: s.sessieId, status: 'ingeschreven' } });
      await vertel(
        services,
        geboekt
          .filter((i) => !plan.gepromoveerd.some((p) => p.inschrijvingId === i.inschrijvingId))
          .map((i) => ({
            medewerker: i.medewerker,
            dedupeKey: `ambtseed:gewijzigd:${i.inschrijvingId}:${s.start}:${s.online ? 'online' : (s.locatie ?? '')}`.slice(0, 200),
            kaart: (loc: Locale) =>
              bevestiging(
                loc,
                services.publicUrl,
                soortNaam(s.soort, loc),
                t(loc, 'ambtseed.sessieGewijzigd', {
                  soort: soortNaam(s.soort, loc),
                  tijd: toonTijd(s.start, loc),
                  plaats: plaats(s, loc),
                }),
                s,
              ),
          })),
      );
    }
    await synchroniseerAgenda(services, [s.sessieId]);
    const wat = wijzigingen(oud, s, l, services.config);
    const params = { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l), gepromoveerd: plan.gepromoveerd.length };
    melding = wat.length
      ? t(l, 'ambtseed.hr.gewijzigd', { ...params, wijzigingen: wat.join('; ') })
      : t(l, 'ambtseed.hr.ongewijzigd', params);
    services.log.info(
      { feature: 'ambtseed', actie: 'sessieGewijzigd', velden: wat.length, gepromoveerd: plan.gepromoveerd.length },
      'sessie opgeslagen',
    );
  } else {
    const sessieId = nieuwId(d);
    const bestaand = await services.store.get('AmbtseedSessies', sessieId);
    const r = bestaand ? undefined : await services.store.add('AmbtseedSessies', { sessieId, ...velden });
    const er = bestaand ?? (r && !r.created ? r.item : undefined);
    if (er) {
      services.log.info({ feature: 'ambtseed', actie: 'sessieNieuw', bestaat: true }, 'sessie niet opgeslagen: tijdstip bezet');
      return [{ type: 'text', text: slotBestaat(er, l) }];
    }
    melding = t(l, 'ambtseed.hr.opgeslagen', { soort: soortNaam(d.soort, l), tijd: toonTijd(start, l), gepromoveerd: 0 });
    services.log.info({ feature: 'ambtseed', actie: 'sessieNieuw' }, 'sessie opgeslagen');
  }
  const s = (await services.store.get('AmbtseedSessies', d.sessieId || nieuwId(d)))!;
  return [
    samenvatting(t(l, 'ambtseed.samenvatting.sessieOpgeslagen'), melding, opgeslagenFeiten(s, l, services.config)),
    ...(await hrKaart(input, services, melding)),
  ];
}

/** The id of a new session: its slot (date, begin, kind), e.g. `S-2026-12-03-1000-E`. */
const nieuwId = (d: SessieFormInvoer) => `S-${d.datum}-${d.begin.replace(':', '')}-${d.soort === 'ambtseed' ? 'E' : 'W'}`;

/** Every saved value of a session, for the summary that replaces the form. */
function opgeslagenFeiten(s: Sessie, l: Locale, config: OrgConfig): Feit[] {
  return [
    ...sessieFeiten(s, l),
    { titel: t(l, 'ambtseed.hr.form.eind'), waarde: toonTijd(s.eind, l) },
    { titel: t(l, 'ambtseed.hr.form.afnemer'), waarde: afnemerIn(s.afnemer, config, l) },
    { titel: t(l, 'ambtseed.hr.form.capaciteit'), waarde: String(s.capaciteit) },
  ];
}

/** The refusal of a new session on an occupied slot, naming what is there (or that it was cancelled). */
function slotBestaat(s: Sessie, l: Locale): string {
  const params = { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l), plaats: plaats(s, l), capaciteit: s.capaciteit };
  return t(l, isGeannuleerd(s) ? 'ambtseed.hr.slotGeannuleerd' : 'ambtseed.hr.slotBestaat', params);
}

/** Route `ambtseed.sessieAnnuleer` (with `bevestigd: 'ja'`): cancel a session and tell everyone booked. */
export async function sessieAnnuleer(d: SessieKeuzeInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  if (!d.sessieId) return [{ type: 'text', text: t(l, 'ambtseed.keuzeOngeldig') }];
  if (d.bevestigd !== 'ja') return annuleerVraag(await bestaandeSessie(services.store, d.sessieId, l), l, services);
  const plan = await boekingVoor(services.store).annuleerSessie(d.sessieId);
  const s = plan.sessie!;
  const agenda = services.agenda;
  const tekst = (loc: Locale) => t(loc, 'ambtseed.sessieGeannuleerd', { soort: soortNaam(s.soort, loc), tijd: toonTijd(s.start, loc) });
  if (agenda) {
    try {
      // One event for all attendees: in the organisation's language.
      await agenda.annuleer(s.sessieId, tekst(ORGANISATIETAAL));
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
      kaart: (loc: Locale) => ({
        ...bevestiging(loc, services.publicUrl, soortNaam(s.soort, loc), tekst(loc), s, '', !agenda),
        agendaTitel: t(loc, 'ambtseed.actie.agendaAnnuleren'),
      }),
    })),
  );
  services.log.info({ feature: 'ambtseed', actie: 'sessieGeannuleerd', getroffen: plan.geannuleerd.length }, 'sessie geannuleerd');
  const melding = t(l, 'ambtseed.hr.geannuleerd', { n: plan.geannuleerd.length });
  return [
    samenvatting(t(l, 'ambtseed.samenvatting.sessieGeannuleerd'), melding, sessieFeiten(s, l)),
    ...(await hrKaart(input, services, melding)),
  ];
}

/** The question before a session is cancelled: which session, and how many booked and waiting people will be told. */
async function annuleerVraag(s: Sessie, l: Locale, services: BotServices): Promise<Reply[]> {
  const b = bezetting(s.sessieId, await inschrijvingenVan(services.store, [s.sessieId]));
  return [
    {
      type: 'card',
      card: renderBevestigKaart({
        titel: t(l, 'ambtseed.hr.annuleerVraag.titel'),
        tekst: t(l, 'ambtseed.hr.annuleerVraag', { ingeschreven: b.ingeschreven, wachtlijst: b.wachtlijst }),
        regels: sessieFeiten(s, l),
        jaTitel: t(l, 'ambtseed.hr.form.bevestigAnnuleren'),
        jaData: { action: 'ambtseed.sessieAnnuleer', sessieId: s.sessieId, bevestigd: 'ja' },
        neeTitel: t(l, 'ambtseed.hr.annuleerVraag.nee'),
        neeData: { action: 'ambtseed.nietAnnuleren', wat: 'sessie' },
      }),
    },
  ];
}

/** Route `ambtseed.hr`. */
export const hr = (_invoer: unknown, input: TurnInput, services: BotServices): Promise<Reply[]> => hrKaart(input, services);
