/** Messages of the date and time module (shared/src/domain/tijd.ts, keys `tijd.*`). Dutch first; every key also in English. */
export const tijd = {
  nl: {
    'tijd.fout.formaat': 'Ongeldige datum of tijd "{waarde}": verwacht {verwacht}.',
    'tijd.fout.onmogelijkeDatum': '{waarde} bestaat niet: {maandNaam} heeft {n} dagen.',
    'tijd.fout.onmogelijkeMaand': '{waarde} bestaat niet: er is geen maand {maandNummer}.',
    'tijd.fout.bestaatNiet':
      '{wandtijd} bestaat niet in Nederland: op {datum} begint de zomertijd en gaat de klok om {van} een uur vooruit naar {naar}. Kies een tijd vóór {van} of vanaf {naar}.',
    'tijd.fout.dubbelzinnig':
      '{wandtijd} komt op {datum} twee keer voor: de zomertijd eindigt en de klok gaat om {van} een uur terug naar {naar}. Geef aan welke je bedoelt: {isoTijd}{zomer} (zomertijd, de eerste keer) of {isoTijd}{winter} (wintertijd, de tweede keer).',
    'tijd.keuze.vraag': '{wandtijd} komt twee keer voor (de klok gaat die nacht terug). Welke bedoel je?',
    'tijd.keuze.zomertijd': '{tijd} zomertijd (de eerste keer, {offset})',
    'tijd.keuze.wintertijd': '{tijd} wintertijd (de tweede keer, {offset})',
  },
  en: {
    'tijd.fout.formaat': 'Invalid date or time "{waarde}": expected {verwacht}.',
    'tijd.fout.onmogelijkeDatum': '{waarde} does not exist: {maandNaam} has {n} days.',
    'tijd.fout.onmogelijkeMaand': '{waarde} does not exist: there is no month {maandNummer}.',
    'tijd.fout.bestaatNiet':
      '{wandtijd} does not exist in the Netherlands: on {datum} summer time starts and clocks go forward one hour at {van} to {naar}. Choose a time before {van} or from {naar}.',
    'tijd.fout.dubbelzinnig':
      '{wandtijd} happens twice on {datum}: summer time ends and clocks go back one hour at {van} to {naar}. Say which one you mean: {isoTijd}{zomer} (summer time, the first) or {isoTijd}{winter} (winter time, the second).',
    'tijd.keuze.vraag': '{wandtijd} happens twice (clocks go back that night). Which one do you mean?',
    'tijd.keuze.zomertijd': '{tijd} summer time (the first, {offset})',
    'tijd.keuze.wintertijd': '{tijd} winter time (the second, {offset})',
  },
} as const;
