import { ACTIEVE_STATUSSEN, BoekingFout, toonTijd, type Sessie } from '@shared/domain/ambtseed';
import { heeftRol } from '@shared/domain/rollen';
import { t, type Locale } from '@shared/i18n';
import type { BotServices, Reply, TurnInput } from '../feature';
import { plaats, soortNaam } from './berichten';
import { annuleer } from './boeking';
import { renderBevestigKaart, renderSamenvattingKaart, type Feit } from './cards';
import { bestaandeSessie } from './lezen';
import type { AnnuleerInvoer, BoekInvoer, VerzetInvoer } from './payload';

/**
 * Careful actions of the ambtseed feature: a confirmation step before cancelling (a booking here, a session in
 * `hr.ts`), and the read-only summary that replaces a submitted card (`vervangKaart`, see `Reply`), so a card
 * that was sent no longer looks editable.
 */

/** The facts of a session for summaries and confirmations: kind, time, place. */
export function sessieFeiten(s: Sessie, l: Locale): Feit[] {
  return [
    { titel: t(l, 'ambtseed.hr.form.soort'), waarde: soortNaam(s.soort, l) },
    { titel: t(l, 'ambtseed.samenvatting.tijd'), waarde: toonTijd(s.start, l) },
    { titel: t(l, 'ambtseed.samenvatting.plaats'), waarde: plaats(s, l) },
  ];
}

/** A `vervangKaart` reply: the submitted card becomes a summary with `titel`, `tekst` and `regels`. */
export function samenvatting(titel: string, tekst: string, regels: Feit[] = []): Reply {
  return { type: 'vervangKaart', card: renderSamenvattingKaart({ titel, tekst, regels }) };
}

/**
 * Route `ambtseed.annuleer`. Without `bevestigd: 'ja'`: a card that asks whether to cancel the booking (what, when,
 * where, and that the place goes to the waitlist); nothing changes. With it: the booking is cancelled
 * (`boeking.ts`) and the confirmation card becomes a summary.
 * @throws BoekingFout `INSCHRIJVING_ONBEKEND` / `NIET_ACTIEF` (the feature's `fout` hook answers).
 */
export async function annuleerBoeking(d: AnnuleerInvoer, input: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = input.locale;
  const i = await services.store.get('AmbtseedInschrijvingen', d.inschrijvingId);
  if (!i) throw new BoekingFout('INSCHRIJVING_ONBEKEND', t(l, 'ambtseed.fout.nietGevonden'));
  if (i.medewerker !== input.user.aadObjectId && !heeftRol(input.user.rollen, 'hr'))
    return [{ type: 'text', text: t(l, 'ambtseed.fout.nietVanJou') }];
  if (!(ACTIEVE_STATUSSEN as readonly string[]).includes(i.status))
    throw new BoekingFout('NIET_ACTIEF', t(l, 'ambtseed.boekingsfout.NIET_ACTIEF'));
  const s = await bestaandeSessie(services.store, i.sessieId, l);
  const feiten = sessieFeiten(s, l);
  if (d.bevestigd !== 'ja') {
    const params = { soort: soortNaam(s.soort, l), tijd: toonTijd(s.start, l) };
    return [
      {
        type: 'card',
        card: renderBevestigKaart({
          titel: t(l, 'ambtseed.annuleer.vraag.titel'),
          tekst: t(l, i.status === 'wachtlijst' ? 'ambtseed.annuleer.vraag.wachtlijst' : 'ambtseed.annuleer.vraag', params),
          regels: feiten,
          jaTitel: t(l, 'ambtseed.annuleer.ja'),
          jaData: { action: 'ambtseed.annuleer', inschrijvingId: i.inschrijvingId, bevestigd: 'ja' },
          neeTitel: t(l, 'ambtseed.annuleer.nee'),
          neeData: { action: 'ambtseed.nietAnnuleren', wat: 'inschrijving' },
        }),
      },
    ];
  }
  const antwoord = await annuleer(d, input, services);
  return [samenvatting(t(l, 'ambtseed.samenvatting.geannuleerd'), '', feiten), ...antwoord];
}

/** Route `ambtseed.nietAnnuleren`: nothing changes; the confirmation card says so instead of asking. */
export async function nietAnnuleren(d: { wat: 'inschrijving' | 'sessie' }, input: TurnInput): Promise<Reply[]> {
  const l = input.locale;
  const tekst = t(l, `ambtseed.nietGeannuleerd.${d.wat}`);
  return Promise.resolve([samenvatting(t(l, 'ambtseed.nietGeannuleerd.titel'), tekst), { type: 'text', text: tekst }]);
}

/**
 * `ambtseed.boek` and `ambtseed.verzet` with the plan card replaced by what was chosen (session and eed/belofte), so
 * the card no longer offers the same choice again; the answer itself (booked, waitlist, refused) follows as before.
 * A refused booking throws before any replacement, so the card stays usable for another choice.
 */
export function metKeuzeSamenvatting<D extends BoekInvoer | VerzetInvoer>(
  run: (d: D, input: TurnInput, services: BotServices) => Promise<Reply[]>,
): (d: D, input: TurnInput, services: BotServices) => Promise<Reply[]> {
  return async (d, input, services) => {
    const antwoord = await run(d, input, services);
    const l = input.locale;
    const sessieId = d.soort === 'ambtseed' ? d.sessieId_ambtseed : d.sessieId_workshop;
    const s = sessieId ? await services.store.get('AmbtseedSessies', sessieId) : undefined;
    if (!s || !antwoord.some((r) => r.type === 'card')) return antwoord;
    const feiten = sessieFeiten(s, l);
    if (d.vorm) feiten.push({ titel: t(l, 'ambtseed.kies.vorm'), waarde: t(l, `ambtseed.vorm.${d.vorm}`) });
    return [samenvatting(t(l, 'ambtseed.samenvatting.keuze'), t(l, 'ambtseed.samenvatting.keuzeTekst'), feiten), ...antwoord];
  };
}
