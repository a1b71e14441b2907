import type { Inschrijving, Sessie, Vorm } from './verplichtingen';

/**
 * Attendance outcomes HR can record for one booking (`a_<inschrijvingId>` on the attendance card):
 * `afgelegd-eed`, `afgelegd-belofte` (ambtseed session), `afgelegd-verklaring` (someone who chose the
 * integriteitsverklaring, Ambtenarenwet art. 7 lid 2 / Besluit ambtseed), `afgelegd` (workshop followed) and `afwezig`.
 */
export const AANWEZIGHEID_UITKOMSTEN = ['afgelegd-eed', 'afgelegd-belofte', 'afgelegd-verklaring', 'afgelegd', 'afwezig'] as const;
/** One attendance outcome. */
export type AanwezigheidUitkomst = (typeof AANWEZIGHEID_UITKOMSTEN)[number];

/**
 * The outcomes that fit a booking, in the order the card shows them: they follow the person's chosen vorm
 * (eed → "eed afgelegd" first, belofte → "belofte afgelegd" first; the other of the two stays possible, as people may
 * still choose on the day; integriteitsverklaring → only "verklaring getekend"; no vorm yet → eed and belofte for an
 * ambtenaar (arbeidsovereenkomst), the verklaring for an extern or stagiair, as `verplichtingen` says), a workshop has
 * "gevolgd"; `afwezig` always. Nothing here is preselected: see {@link huidigeUitkomst}.
 */
export function uitkomstenVoor(soort: Sessie['soort'], i: Pick<Inschrijving, 'vorm' | 'dienstverband'>): AanwezigheidUitkomst[] {
  if (soort === 'workshopIntegriteit') return ['afgelegd', 'afwezig'];
  const vorm = i.vorm ?? (i.dienstverband === 'arbeidsovereenkomst' ? null : 'integriteitsverklaring');
  if (vorm === 'integriteitsverklaring') return ['afgelegd-verklaring', 'afwezig'];
  if (vorm === 'belofte') return ['afgelegd-belofte', 'afgelegd-eed', 'afwezig'];
  return ['afgelegd-eed', 'afgelegd-belofte', 'afwezig'];
}

/**
 * The outcome already recorded for a booking, or `undefined` when nothing is (status `ingeschreven`, or
 * `afgelegd` on an ambtseed session without a vorm): the attendance card preselects only recorded outcomes.
 */
export function huidigeUitkomst(soort: Sessie['soort'], i: Pick<Inschrijving, 'status' | 'vorm'>): AanwezigheidUitkomst | undefined {
  if (i.status === 'afwezig') return 'afwezig';
  if (i.status !== 'afgelegd') return undefined;
  if (soort === 'workshopIntegriteit') return 'afgelegd';
  return i.vorm === 'eed' ? 'afgelegd-eed' : i.vorm === 'belofte' ? 'afgelegd-belofte' : i.vorm ? 'afgelegd-verklaring' : undefined;
}

/** What recording `u` writes: the status and the vorm taken (`null`: keep the booking's own vorm). */
export function uitkomstBesluit(u: AanwezigheidUitkomst): { status: 'afgelegd' | 'afwezig'; vorm: Vorm | null } {
  if (u === 'afwezig' || u === 'afgelegd') return { status: u, vorm: null };
  const vorm = ({ 'afgelegd-eed': 'eed', 'afgelegd-belofte': 'belofte', 'afgelegd-verklaring': 'integriteitsverklaring' } as const)[u];
  return { status: 'afgelegd', vorm };
}
