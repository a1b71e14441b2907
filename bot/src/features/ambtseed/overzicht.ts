import type { weekOverzicht } from '@shared/domain/ambtseed';
import { t, type Locale } from '@shared/i18n';

/**
 * The weekly overview as FactSet rows (counts only; no names or ids): the label in `titel`, the figure in `waarde`
 * (a FactSet shows "titel: waarde", so nothing of the figure belongs in the label).
 */
export function overzichtRegels(o: ReturnType<typeof weekOverzicht>, l: Locale): { titel: string; waarde: string }[] {
  return [
    {
      titel: t(l, 'ambtseed.overzicht.achterstallig'),
      waarde: t(l, 'ambtseed.overzicht.achterstalligWaarde', {
        n: o.achterstallig,
        a: o.achterstalligPerDienstverband.arbeidsovereenkomst,
        e: o.achterstalligPerDienstverband.extern,
        s: o.achterstalligPerDienstverband.stagiair,
      }),
    },
    { titel: t(l, 'ambtseed.overzicht.binnenkort'), waarde: String(o.binnenkortZonderBoeking) },
    { titel: t(l, 'ambtseed.overzicht.ingeschreven'), waarde: String(o.ingeschreven) },
    { titel: t(l, 'ambtseed.overzicht.wachtlijst'), waarde: String(o.wachtlijst) },
  ];
}
