import { amsterdamDate, isoWeek, vandaag } from '../tijd';
import { verplichtingenVan } from './status';
import {
  dagenTussen,
  plusDagen,
  type AmbtseedConfig,
  type Dienstverband,
  type Inschrijving,
  type NieuweMedewerker,
  type Sessie,
} from './verplichtingen';
import { isGeannuleerd } from './boeking';

/** Kinds of ambtseed reminder. */
export type HerinneringSoort = 'welkom' | 'deadline14' | 'deadline3' | 'dagVoor';

/**
 * One reminder to send to one person. `dedupeKey` is unique per reminder, so a job that runs more than
 * once a day (or is retried) never sends twice: the proactive sender records it.
 */
export interface Herinnering {
  soort: HerinneringSoort;
  /** Entra object id of the recipient (NieuweMedewerkers.medewerkerId / AmbtseedInschrijvingen.medewerker). */
  medewerker: string;
  dedupeKey: string;
  /** `ambtseed`, `workshopIntegriteit` or `integriteitsverklaring`. */
  onderwerp: string;
  deadline?: string;
  sessieId?: string;
  dagenTotDeadline?: number;
}

/**
 * The reminders due on `now`'s Europe/Amsterdam date:
 * - `welkom`: once per new hire who has started (indienstOp ≤ today), has an obligation still `open` and
 *   a deadline not yet passed — the proactive "plan your ambtseed" invitation;
 * - `deadline14`: an obligation still `open` (not booked, not signed) when 4..14 days are left until the
 *   deadline — i.e. on day −14, or on the first day the job runs after it;
 * - `deadline3`: still `open` with 0..3 days left;
 * - `dagVoor`: an `ingeschreven` booking whose session starts tomorrow (Amsterdam date).
 * The windows (instead of exact days) make a missed daily run harmless; the dedupe key makes each
 * reminder go out once. People on the waitlist count as booked (they hear when a place frees).
 */
export function dueHerinneringen(
  now: Date,
  nieuweMedewerkers: readonly NieuweMedewerker[],
  inschrijvingen: readonly Inschrijving[],
  sessies: readonly Sessie[],
  config: Pick<AmbtseedConfig, 'termijn' | 'workshopVerplicht'>,
): Herinnering[] {
  const today = vandaag(now);
  const out: Herinnering[] = [];
  for (const m of nieuweMedewerkers) {
    const vs = verplichtingenVan(m, inschrijvingen, sessies, config);
    const open = vs.filter((v) => v.status === 'open');
    if (open.length && m.indienstOp <= today && open[0].deadline >= today) {
      out.push({
        soort: 'welkom',
        medewerker: m.medewerkerId,
        onderwerp: open[0].soort,
        deadline: open[0].deadline,
        dagenTotDeadline: dagenTussen(today, open[0].deadline),
        dedupeKey: `ambtseed:welkom:${m.medewerkerId}`,
      });
    }
    for (const v of vs) {
      if (v.status !== 'open') continue;
      const dagen = dagenTussen(today, v.deadline);
      const soort: HerinneringSoort | undefined =
        dagen >= 0 && dagen <= 3 ? 'deadline3' : dagen > 3 && dagen <= 14 ? 'deadline14' : undefined;
      if (!soort) continue;
      out.push({
        soort,
        medewerker: m.medewerkerId,
        onderwerp: v.soort,
        deadline: v.deadline,
        dagenTotDeadline: dagen,
        dedupeKey: `ambtseed:${soort}:${v.soort}:${m.medewerkerId}:${v.deadline}`,
      });
    }
  }
  const morgen = plusDagen(today, 1);
  const sessieVan = new Map(sessies.map((s) => [s.sessieId, s]));
  for (const i of inschrijvingen) {
    if (i.status !== 'ingeschreven') continue;
    const s = sessieVan.get(i.sessieId);
    if (!s || isGeannuleerd(s) || amsterdamDate(new Date(s.start)) !== morgen) continue;
    out.push({
      soort: 'dagVoor',
      medewerker: i.medewerker,
      onderwerp: s.soort,
      sessieId: s.sessieId,
      dedupeKey: `ambtseed:dagVoor:${i.inschrijvingId}`,
    });
  }
  return out;
}

/**
 * HR's weekly overview (counts only, no names or ids). "Per department" is not possible: the
 * `NieuweMedewerkers` list has no department column (docs/contracts.md "SharePoint lists"), so counts are per dienstverband.
 */
export interface WeekOverzicht {
  /** ISO week of `now` (`2026-W48`); also the dedupe key's suffix. */
  week: string;
  /** New hires with at least one obligation past its deadline and not voldaan. */
  achterstallig: number;
  achterstalligPerDienstverband: Record<Dienstverband, number>;
  /** Obligations with a deadline in the coming 14 days and nothing booked. */
  binnenkortZonderBoeking: number;
  /**
   * Booked places (status `ingeschreven`) in sessions of `sessies` that are not over (`eind` after `now`) and not
   * cancelled: the sum of the "bezet" figures HR's session list shows, whoever booked (also someone who is not in
   * `NieuweMedewerkers`, such as a Playground user).
   */
  ingeschreven: number;
  /** People on the waiting list of those sessions. */
  wachtlijst: number;
}

/** Build the weekly overview for HR on `now` (see {@link WeekOverzicht}). */
export function weekOverzicht(
  now: Date,
  nieuweMedewerkers: readonly NieuweMedewerker[],
  inschrijvingen: readonly Inschrijving[],
  sessies: readonly Sessie[],
  config: Pick<AmbtseedConfig, 'termijn' | 'workshopVerplicht'>,
): WeekOverzicht {
  const today = vandaag(now);
  const o: WeekOverzicht = {
    week: isoWeek(now),
    achterstallig: 0,
    achterstalligPerDienstverband: { arbeidsovereenkomst: 0, extern: 0, stagiair: 0 },
    binnenkortZonderBoeking: 0,
    ingeschreven: 0,
    wachtlijst: 0,
  };
  for (const m of nieuweMedewerkers) {
    const vs = verplichtingenVan(m, inschrijvingen, sessies, config);
    if (vs.some((v) => v.status !== 'voldaan' && v.deadline < today)) {
      o.achterstallig++;
      o.achterstalligPerDienstverband[m.dienstverband]++;
    }
    for (const v of vs) if (v.status === 'open' && v.deadline >= today && dagenTussen(today, v.deadline) <= 14) o.binnenkortZonderBoeking++;
  }
  const komend = new Set(sessies.filter((s) => Date.parse(s.eind) > now.getTime() && !isGeannuleerd(s)).map((s) => s.sessieId));
  for (const i of new Map(inschrijvingen.map((i) => [i.inschrijvingId, i])).values()) {
    if (!komend.has(i.sessieId)) continue;
    if (i.status === 'ingeschreven') o.ingeschreven++;
    if (i.status === 'wachtlijst') o.wachtlijst++;
  }
  return o;
}
