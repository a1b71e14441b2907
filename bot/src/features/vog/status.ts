import { vogStand, type VogAanvraag } from '@shared/domain/vog';
import { vandaag } from '@shared/domain/tijd';
import { t, type Locale } from '@shared/i18n';
import { datumTekst } from '@shared/i18n/formaat';
import type { BotServices, Reply, TurnInput } from '../feature';
import { renderStatusKaart, type Feit } from './cards';
import { functieTitel, vanMedewerker } from './lezen';
import type { AangevraagdInvoer } from './payload';

/** The employee's side of the VOG cycle: their own status only, and "I have applied for it". */

/** The stand of one request in the employee's words (`nog aan te vragen`, `aangevraagd op 3 februari 2026`, …). */
export function standTekst(a: Pick<VogAanvraag, 'status' | 'aangevraagdOp'>, l: Locale): string {
  return t(l, `vog.stand.${a.status}`, { datum: a.aangevraagdOp ? datumTekst(l, a.aangevraagdOp) : '' });
}

/**
 * Route `vog.status` (everyone; command "mijn vog"): the caller's own functions from `VogFunctiehouders` with the
 * last VOG, the next date one is needed and the open request with its "applied" button. Reads only rows whose
 * `medewerker` is the caller's object id, so nobody sees another person's status (HR uses `vog.overzicht`).
 */
export async function status(_d: unknown, turn: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = turn.locale;
  const oid = turn.user.aadObjectId;
  const { houders, aanvragen } = oid ? await vanMedewerker(services.store, oid) : { houders: [], aanvragen: [] };
  const functies = new Set(services.config.vog.functies.map((f) => f.id));
  const eigen = houders.filter((h) => functies.has(h.functie)).sort((a, b) => a.startOp.localeCompare(b.startOp));
  if (!eigen.length) return [{ type: 'text', text: t(l, 'vog.status.geenFunctie') }];
  const card = renderStatusKaart({
    titel: t(l, 'vog.status.titel'),
    intro: t(l, 'vog.status.intro'),
    aangevraagdTitel: t(l, 'vog.actie.aangevraagd'),
    uitleg: t(l, 'vog.status.uitleg'),
    functies: eigen.map((h) => {
      const s = vogStand(h, aanvragen, services.config.vog.geldigheidJaren);
      const feiten: Feit[] = [
        { titel: t(l, 'vog.feit.start'), waarde: datumTekst(l, h.startOp) },
        ...(h.eindOp ? [{ titel: t(l, 'vog.feit.eind'), waarde: datumTekst(l, h.eindOp) }] : []),
        { titel: t(l, 'vog.feit.laatsteVog'), waarde: s.laatsteVog ? datumTekst(l, s.laatsteVog) : t(l, 'vog.feit.geenVog') },
      ];
      if (s.open)
        feiten.push({ titel: t(l, 'vog.feit.verzoek', { datum: datumTekst(l, s.open.gevraagdOp) }), waarde: standTekst(s.open, l) });
      else if (s.laatsteAfgesloten?.status === 'nietOntvangen')
        feiten.push({
          titel: t(l, 'vog.stand.nietOntvangen'),
          waarde: t(l, 'vog.feit.nietOntvangen', {
            datum: s.laatsteAfgesloten.vastgelegdOp ? datumTekst(l, s.laatsteAfgesloten.vastgelegdOp) : '',
          }),
        });
      else if (s.volgende) feiten.push({ titel: t(l, 'vog.feit.volgende'), waarde: datumTekst(l, s.volgende.peildatum) });
      return {
        functie: functieTitel(services.config, h.functie, l),
        feiten,
        aanvraagId: s.open?.status === 'openstaand' ? s.open.aanvraagId : '',
      };
    }),
  });
  return [{ type: 'card', card }];
}

/**
 * Route `vog.aangevraagd` (everyone): the caller marks their own open request as applied for (status
 * `aangevraagd`, `aangevraagdOp` today); reminders stop. A request of someone else answers exactly like an
 * unknown one, so the button cannot be used to probe other people's requests.
 */
export async function aangevraagd(d: AangevraagdInvoer, turn: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = turn.locale;
  const a = await services.store.get('VogAanvragen', d.aanvraagId);
  if (!a || !turn.user.aadObjectId || a.medewerker.toLowerCase() !== turn.user.aadObjectId.toLowerCase())
    return [{ type: 'text', text: t(l, 'vog.aangevraagd.onbekend') }];
  if (a.status !== 'openstaand') return [{ type: 'text', text: t(l, 'vog.aangevraagd.al', { stand: standTekst(a, l) }) }];
  const datum = vandaag(turn.now);
  await services.store.update('VogAanvragen', a.aanvraagId, { status: 'aangevraagd', aangevraagdOp: datum });
  services.log.info({ feature: 'vog', event: 'vog.aangevraagd' }, 'VOG aangevraagd');
  return [{ type: 'text', text: t(l, 'vog.aangevraagd.ok', { datum: datumTekst(l, datum) }) }];
}
