import { amsterdamDate, vandaag } from '../tijd';
import { bezetting, isGeannuleerd } from './boeking';
import { verplichtingenVan } from './status';
import {
  plusDagen,
  plusMaanden,
  type AmbtseedConfig,
  type Inschrijving,
  type NieuweMedewerker,
  type Sessie,
  type SessieSoort,
} from './verplichtingen';

/** Capacity forecast for one kind of session in the next calendar quarter. */
export interface CapaciteitsPrognose {
  soort: SessieSoort;
  /** Next calendar quarter (Europe/Amsterdam), e.g. `2027-Q1`, with its first and last date. */
  kwartaal: string;
  van: string;
  tot: string;
  /** New hires who owe this kind of session and started in the 12 months up to and including today. */
  instroom12Maanden: number;
  /** Expected new hires in one quarter: ceil(instroom12Maanden / 4). */
  verwachteInstroom: number;
  /** New hires who owe it now and have no place (status open or wachtlijst). */
  achterstand: number;
  /** Places needed: verwachteInstroom + achterstand. */
  vraag: number;
  /** Free places in planned (not cancelled) sessions starting in the quarter. */
  aanbod: number;
  sessiesGepland: number;
  tekort: number;
  toereikend: boolean;
  /** Capacity of a typical session: the median of the non-cancelled sessions of this kind (20 when none). */
  standaardCapaciteit: number;
  /** Sessions of standaardCapaciteit to add to cover the shortfall: ceil(tekort / standaardCapaciteit). */
  extraSessies: number;
}

/** The next calendar quarter after `today` (`YYYY-MM-DD`): label, first and last date. */
export function volgendKwartaal(today: string): { kwartaal: string; van: string; tot: string } {
  const [y, m] = today.split('-').map(Number);
  const q = Math.floor((m - 1) / 3) + 1;
  const nq = q === 4 ? 1 : q + 1;
  const ny = q === 4 ? y + 1 : y;
  const van = `${ny}-${String((nq - 1) * 3 + 1).padStart(2, '0')}-01`;
  const tot = plusDagen(plusMaanden(van, 3), -1);
  return { kwartaal: `${ny}-Q${nq}`, van, tot };
}

/**
 * Whether next quarter's places suffice, per kind of session (ambtseed; workshopIntegriteit only when the
 * config makes it mandatory). Method: the average quarterly inflow of the last 12 months (new hires who
 * owe the session) plus the current backlog, against the free places of the sessions planned in the
 * quarter. A simple, explainable rule rather than a model: HR can check every figure by hand.
 */
export function capaciteitsPrognose(
  now: Date,
  nieuweMedewerkers: readonly NieuweMedewerker[],
  sessies: readonly Sessie[],
  inschrijvingen: readonly Inschrijving[],
  config: Pick<AmbtseedConfig, 'termijn' | 'workshopVerplicht'>,
): CapaciteitsPrognose[] {
  const today = vandaag(now);
  const jaarGeleden = plusMaanden(today, -12);
  const k = volgendKwartaal(today);
  const soorten: SessieSoort[] = config.workshopVerplicht ? ['ambtseed', 'workshopIntegriteit'] : ['ambtseed'];
  return soorten.map((soort) => {
    let instroom = 0;
    let achterstand = 0;
    for (const m of nieuweMedewerkers) {
      const v = verplichtingenVan(m, inschrijvingen, sessies, config).find((x) => x.soort === soort);
      if (!v) continue;
      if (m.indienstOp > jaarGeleden && m.indienstOp <= today) instroom++;
      if (m.indienstOp <= today && (v.status === 'open' || v.status === 'wachtlijst')) achterstand++;
    }
    const vanSoort = sessies.filter((s) => s.soort === soort && !isGeannuleerd(s));
    const inKwartaal = vanSoort.filter((s) => {
      const d = amsterdamDate(new Date(s.start));
      return d >= k.van && d <= k.tot;
    });
    const aanbod = inKwartaal.reduce((n, s) => n + Math.max(0, s.capaciteit - bezetting(s.sessieId, inschrijvingen).ingeschreven), 0);
    const caps = vanSoort.map((s) => s.capaciteit).sort((a, b) => a - b);
    const standaardCapaciteit = caps.length ? caps[Math.floor((caps.length - 1) / 2)] : 20;
    const verwachteInstroom = Math.ceil(instroom / 4);
    const vraag = verwachteInstroom + achterstand;
    const tekort = Math.max(0, vraag - aanbod);
    return {
      soort,
      ...k,
      instroom12Maanden: instroom,
      verwachteInstroom,
      achterstand,
      vraag,
      aanbod,
      sessiesGepland: inKwartaal.length,
      tekort,
      toereikend: tekort === 0,
      standaardCapaciteit,
      extraSessies: Math.ceil(tekort / standaardCapaciteit),
    };
  });
}
