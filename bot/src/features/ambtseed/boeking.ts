import type { z } from 'zod';
import { BoekingFout, toonTijd, wachtrij, type BoekingPlan, type Inschrijving } from '@shared/domain/ambtseed';
import { heeftRol } from '@shared/domain/rollen';
import { vandaag } from '@shared/domain/tijd';
import { t } from '@shared/i18n';
import { datumTekst } from '@shared/i18n/formaat';
import { legVerklaringVast } from '@shared/store/ambtseed-booking';
import { queryAll } from '@shared/store';
import type { BotServices, Reply, TurnInput } from '../feature';
import { bevestiging, plaats, soortNaam, synchroniseerAgenda, vertelGepromoveerd } from './berichten';
import { BoekingWachtrij, uitkomstVan } from './boeking-uitkomst';
import { renderBevestigingKaart } from './cards';
import { bestaandeSessie, boekingVoor, nieuweMedewerker } from './lezen';
import type { annuleerInvoer, BoekInvoer, VerzetInvoer } from './payload';
import { planKaart } from './plan';

/** The employee's own bookings: book, cancel, rebook, and the integriteitsverklaring. */

/** Route `ambtseed.boek`: book the chosen session (or the waitlist when it is full). */
export async function boek(d: BoekInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  const me = input.user.aadObjectId;
  if (!me) return planKaart(input, services);
  const sessieId = d.soort === 'ambtseed' ? d.sessieId_ambtseed : d.sessieId_workshop;
  if (!sessieId) return [{ type: 'text', text: t(l, 'ambtseed.keuzeOngeldig') }];
  if (d.soort === 'ambtseed' && !d.vorm) return [{ type: 'text', text: t(l, 'ambtseed.vormOngeldig') }];
  const { nm } = await nieuweMedewerker(services.store, me, input.now);
  const plan = await boekingVoor(services.store).boek(
    { sessieId, medewerker: me, dienstverband: nm.dienstverband, indienstOp: nm.indienstOp, vorm: d.vorm ?? null },
    input.now,
  );
  services.log.info({ feature: 'ambtseed', actie: 'boek', status: plan.resultaat?.status }, 'boeking');
  return bevestigBoeking(input, services, plan, 'ambtseed.geboekt');
}

/**
 * The answer after a booking or rebooking (only a seat that is durably reserved is confirmed):
 * - the plan's writes are all in the lists → waitlist position, or the confirmation with the invitation (Graph or
 *   .ics), and whoever moved up is told;
 * - one write still waits in the Graph outbox (Graph throttled or down past `GRAPH_WRITE_WAIT_MS`) → "received,
 *   not yet confirmed"; the booking (and anyone who moved up) goes to `BoekingWachtrij`, which tells the outcome
 *   proactively once the outbox has settled it;
 * - a write refused for good (e.g. 400; kept in the outbox with Graph's reason) → "niet gelukt", no place.
 */
async function bevestigBoeking(input: TurnInput, services: BotServices, plan: BoekingPlan, sleutel: string): Promise<Reply[]> {
  const l = input.locale;
  const r = plan.resultaat!;
  const s = await bestaandeSessie(services.store, r.sessieId, l);
  const params = { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l), plaats: plaats(s, l) };
  const uitkomst = await uitkomstVan(services.store, plan);
  if (uitkomst.soort === 'mislukt') {
    services.log.warn(
      { feature: 'ambtseed', actie: 'boek', uitkomst: 'mislukt', httpStatus: uitkomst.status },
      'boeking door Graph geweigerd',
    );
    return [{ type: 'text', text: t(l, 'ambtseed.uitkomst.mislukt', params) }];
  }
  if (uitkomst.soort === 'wacht') {
    const wachtrij = new BoekingWachtrij({ lokaal: services.lokaal, store: services.store });
    await wachtrij.registreer(r.inschrijvingId, r.medewerker, input.now);
    for (const p of plan.gepromoveerd) await wachtrij.registreer(p.inschrijvingId, p.medewerker, input.now);
    services.log.info({ feature: 'ambtseed', actie: 'boek', uitkomst: 'wacht' }, 'boeking wacht op SharePoint');
    return [{ type: 'text', text: t(l, 'ambtseed.inBehandeling', params) }];
  }
  await vertelGepromoveerd(services, plan);
  if (r.status === 'wachtlijst') {
    const rij = await queryAll(services.store, 'AmbtseedInschrijvingen', { where: { sessieId: s.sessieId, status: 'wachtlijst' } });
    const positie = wachtrij(s.sessieId, rij).findIndex((i) => i.inschrijvingId === r.inschrijvingId) + 1;
    return [
      {
        type: 'card',
        card: renderBevestigingKaart(
          bevestiging(l, services.publicUrl, params.soort, t(l, 'ambtseed.wachtlijst', { ...params, positie }), s, '', false),
        ),
      },
    ];
  }
  const agenda = services.agenda;
  const joinUrl = await synchroniseerAgenda(services, [s.sessieId, ...plan.geannuleerd.map((g) => g.sessieId)]);
  const kaart = bevestiging(
    l,
    services.publicUrl,
    params.soort,
    t(l, sleutel, params),
    s,
    agenda ? t(l, 'ambtseed.uitnodiging.graph') : '',
    !agenda,
  );
  kaart.teamsUrl = joinUrl ?? '';
  return [{ type: 'card', card: renderBevestigingKaart(kaart) }];
}

/** The booking `inschrijvingId` when it is the caller's own (HR may act on anyone's). @throws BoekingFout */
async function eigenInschrijving(input: TurnInput, services: BotServices, inschrijvingId: string): Promise<Inschrijving> {
  const i = await services.store.get('AmbtseedInschrijvingen', inschrijvingId);
  if (!i) throw new BoekingFout('INSCHRIJVING_ONBEKEND', t(input.locale, 'ambtseed.fout.nietGevonden'));
  if (i.medewerker !== input.user.aadObjectId && !heeftRol(input.user.rollen, 'hr'))
    throw new BoekingFout('INSCHRIJVING_ONBEKEND', t(input.locale, 'ambtseed.fout.nietVanJou'));
  return i;
}

/** Route `ambtseed.annuleer`: cancel one's own booking; the first on the waitlist moves up and is told. */
export async function annuleer(d: z.output<typeof annuleerInvoer>, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  await eigenInschrijving(input, services, d.inschrijvingId);
  const plan = await boekingVoor(services.store).annuleer(d.inschrijvingId, input.now);
  const s = await bestaandeSessie(services.store, plan.resultaat!.sessieId, l);
  // Graph store: a cancellation whose write waits in the outbox or was refused is not told as done, and whoever
  // moves up hears it only once SharePoint holds their seat (BoekingWachtrij).
  const uitkomst = await uitkomstVan(services.store, plan);
  const params = { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l) };
  if (uitkomst.soort === 'mislukt') {
    services.log.warn(
      { feature: 'ambtseed', actie: 'annuleer', uitkomst: 'mislukt', httpStatus: uitkomst.status },
      'annulering door Graph geweigerd',
    );
    return [{ type: 'text', text: t(l, 'ambtseed.annulering.mislukt', params) }];
  }
  if (uitkomst.soort === 'wacht') {
    const wachtrij = new BoekingWachtrij({ lokaal: services.lokaal, store: services.store });
    for (const p of plan.gepromoveerd) await wachtrij.registreer(p.inschrijvingId, p.medewerker, input.now);
    services.log.info({ feature: 'ambtseed', actie: 'annuleer', uitkomst: 'wacht' }, 'annulering wacht op SharePoint');
    return [{ type: 'text', text: t(l, 'ambtseed.annulering.inBehandeling', params) }];
  }
  await vertelGepromoveerd(services, plan);
  await synchroniseerAgenda(services, [s.sessieId]);
  services.log.info({ feature: 'ambtseed', actie: 'annuleer', gepromoveerd: plan.gepromoveerd.length }, 'annulering');
  return planKaart(input, services, t(l, 'ambtseed.geannuleerd', { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l) }));
}

/** Route `ambtseed.verzet`: move one's booking to another session. */
export async function verzet(d: VerzetInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  const nieuw = d.soort === 'ambtseed' ? d.sessieId_ambtseed : d.sessieId_workshop;
  if (!nieuw) return [{ type: 'text', text: t(l, 'ambtseed.keuzeOngeldig') }];
  await eigenInschrijving(input, services, d.inschrijvingId);
  const plan = await boekingVoor(services.store).verzet(d.inschrijvingId, nieuw, input.now);
  services.log.info({ feature: 'ambtseed', actie: 'verzet', status: plan.resultaat?.status }, 'verzet');
  return bevestigBoeking(input, services, plan, 'ambtseed.verzet');
}

/** Route `ambtseed.verklaring`: sign the integriteitsverklaring (externals and interns only). */
export async function verklaar(_invoer: unknown, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  const me = input.user.aadObjectId;
  if (!me) return planKaart(input, services);
  const { nm } = await nieuweMedewerker(services.store, me, input.now);
  if (nm.dienstverband === 'arbeidsovereenkomst') return [{ type: 'text', text: t(l, 'ambtseed.verklaring.nietNodig') }];
  const r = await legVerklaringVast(services.store, {
    medewerker: me,
    dienstverband: nm.dienstverband,
    indienstOp: nm.indienstOp,
    datum: vandaag(input.now),
  });
  services.log.info({ feature: 'ambtseed', actie: 'verklaring', nieuw: r.created }, 'integriteitsverklaring');
  return [
    {
      type: 'text',
      text: t(l, r.created ? 'ambtseed.verklaring.getekend' : 'ambtseed.verklaring.alGetekend', {
        datum: r.inschrijving.afgelegdOp ? datumTekst(l, r.inschrijving.afgelegdOp) : '',
      }),
    },
  ];
}
