import type { OrgConfig } from '@shared/config';
import { isActief, isOpen, plusJaren, vogOverzichtTelling, vogStand, type VogAanvraag } from '@shared/domain/vog';
import { vandaag } from '@shared/domain/tijd';
import { t, tekstIn, type Locale } from '@shared/i18n';
import { datumTekst } from '@shared/i18n/formaat';
import type { BotServices, Reply, TurnInput } from '../feature';
import { renderOverzichtKaart } from './cards';
import { functieTitel, heelRegister, kort } from './lezen';
import type { VastleggenInvoer } from './payload';
import { standTekst } from './status';

/** HR's side of the VOG cycle: the overview of outstanding VOGs and recording received / not received. */

/**
 * The outstanding requests: every open one (openstaand, aangevraagd) and, per active holder, the last request
 * when HR closed it as not received (it stays outstanding until a VOG is recorded). Oldest `peildatum` first.
 */
export function uitstaand(
  houders: Parameters<typeof vogStand>[0][],
  aanvragen: readonly VogAanvraag[],
  config: OrgConfig,
  datum: string,
): VogAanvraag[] {
  const uit = new Map<string, VogAanvraag>();
  for (const a of aanvragen) if (isOpen(a)) uit.set(a.aanvraagId, a);
  for (const h of houders) {
    if (!isActief(h, datum)) continue;
    const s = vogStand(h, aanvragen, config.vog.geldigheidJaren);
    if (!s.open && s.laatsteAfgesloten?.status === 'nietOntvangen') uit.set(s.laatsteAfgesloten.aanvraagId, s.laatsteAfgesloten);
  }
  return [...uit.values()].sort((a, b) => a.peildatum.localeCompare(b.peildatum) || a.aanvraagId.localeCompare(b.aanvraagId));
}

/** The overview card for HR (also the weekly proactive one). */
export function overzichtKaart(rijen: VogAanvraag[], config: OrgConfig, l: Locale): Record<string, unknown> {
  const tel = vogOverzichtTelling(rijen);
  return renderOverzichtKaart({
    titel: t(l, 'vog.overzicht.titel'),
    telling: (['openstaand', 'aangevraagd', 'nietOntvangen'] as const).map((k) => ({
      titel: t(l, `vog.overzicht.${k}`),
      waarde: String(tel[k]),
    })),
    geenOpen: t(l, 'vog.overzicht.geenOpen'),
    rijenTitel: t(l, 'vog.overzicht.rijenTitel'),
    rijen: rijen.map((a) => ({
      tekst: t(l, 'vog.overzicht.rij', {
        functie: functieTitel(config, a.functie, l),
        kort: kort(a.medewerker),
        peildatum: datumTekst(l, a.peildatum),
        stand: standTekst(a, l),
      }),
    })),
    keuzes: rijen.map((a) => ({
      id: a.aanvraagId,
      label: t(l, 'vog.overzicht.keuze', {
        functie: functieTitel(config, a.functie, l),
        kort: kort(a.medewerker),
        peildatum: datumTekst(l, a.peildatum, { kort: true }),
      }),
    })),
    kiesLabel: t(l, 'vog.overzicht.kies'),
    uitkomstLabel: t(l, 'vog.overzicht.uitkomst'),
    ontvangenTitel: t(l, 'vog.overzicht.ontvangen'),
    nietOntvangenTitel: t(l, 'vog.overzicht.nietOntvangenKeuze'),
    afgifteLabel: t(l, 'vog.overzicht.afgifte'),
    vastleggenTitel: t(l, 'vog.overzicht.vastleggen'),
    vernieuwTitel: t(l, 'vog.overzicht.vernieuw'),
    voetnoot: t(l, 'vog.overzicht.voetnoot', {
      functies: config.vog.functies.map((f) => tekstIn(l, f.titel)).join(', ') || '—',
      jaren: config.vog.geldigheidJaren,
    }),
  });
}

/** Route `vog.overzicht` (HR; command "vog overzicht"): the outstanding VOGs with the form to record one. */
export async function overzicht(_d: unknown, turn: TurnInput, services: BotServices): Promise<Reply[]> {
  const { houders, aanvragen } = await heelRegister(services.store);
  const rijen = uitstaand(houders, aanvragen, services.config, vandaag(turn.now));
  return [{ type: 'card', card: overzichtKaart(rijen, services.config, turn.locale) }];
}

/**
 * Route `vog.vastleggen` (HR): record the outcome of one request. `ontvangen` sets the issue date (`afgifteOp`,
 * default today; never in the future) from which the next round counts; `nietOntvangen` closes the request, which
 * stays in the overview until HR records a VOG on it after all. A request already recorded as received is left
 * alone. Answers with what was recorded and the updated overview.
 */
export async function vastleggen(d: VastleggenInvoer, turn: TurnInput, services: BotServices): Promise<Reply[]> {
  const l = turn.locale;
  const datum = vandaag(turn.now);
  const a = await services.store.get('VogAanvragen', d.aanvraagId);
  if (!a) return [{ type: 'text', text: t(l, 'vog.vastgelegd.onbekend') }];
  if (a.status === 'ontvangen') return [{ type: 'text', text: t(l, 'vog.vastgelegd.al') }];
  const functie = functieTitel(services.config, a.functie, l);
  let tekst: string;
  if (d.uitkomst === 'ontvangen') {
    const afgifteOp = d.afgifteOp ?? datum;
    if (afgifteOp > datum) return [{ type: 'text', text: t(l, 'vog.afgifte.toekomst') }];
    await services.store.update('VogAanvragen', a.aanvraagId, { status: 'ontvangen', vastgelegdOp: datum, afgifteOp });
    tekst = t(l, 'vog.vastgelegd.ontvangen', {
      functie,
      datum: datumTekst(l, afgifteOp),
      volgende: datumTekst(l, plusJaren(afgifteOp, services.config.vog.geldigheidJaren)),
    });
  } else {
    await services.store.update('VogAanvragen', a.aanvraagId, { status: 'nietOntvangen', vastgelegdOp: datum });
    tekst = t(l, 'vog.vastgelegd.nietOntvangen', { functie });
  }
  services.log.info({ feature: 'vog', event: 'vog.vastgelegd', uitkomst: d.uitkomst }, 'VOG-uitkomst vastgelegd');
  return [{ type: 'text', text: tekst }, ...(await overzicht(undefined, turn, services))];
}
