import type { weekOverzicht } from '@shared/domain/ambtseed';
import { t, type Locale } from '@shared/i18n';

/** The weekly overview as FactSet rows (counts only; no names or ids). */
export function overzichtRegels(o: ReturnType<typeof weekOverzicht>, l: Locale): { titel: string; waarde: string }[] {
  return [
    {
      titel: t(l, 'ambtseed.overzicht.achterstallig', { n: o.achterstallig }),
      waarde: t(l, 'ambtseed.overzicht.perDienstverband', {
        a: o.achterstalligPerDienstverband.arbeidsovereenkomst,
        e: o.achterstalligPerDienstverband.extern,
        s: o.achterstalligPerDienstverband.stagiair,
      }),
    },
    { titel: t(l, 'ambtseed.overzicht.binnenkort', { n: o.binnenkortZonderBoeking }), waarde: '' },
    { titel: t(l, 'ambtseed.overzicht.ingeschreven', { i: o.ingeschreven, w: o.wachtlijst }), waarde: '' },
  ];
}
