import type { OrgConfig } from '../../config';
import type { DIENSTVERBANDEN, INSCHRIJVING_STATUSSEN, SESSIE_SOORTEN, VORMEN } from '../../lists/definitions';
import { dagenTussen, plusDagen, plusMaanden } from '../tijd';

/** A new hire's kind of employment (`NieuweMedewerkers.dienstverband`). */
export type Dienstverband = (typeof DIENSTVERBANDEN)[number];
/** Kind of session (`AmbtseedSessies.soort`). */
export type SessieSoort = (typeof SESSIE_SOORTEN)[number];
/** The ambtseed section of the organisation config. */
export type AmbtseedConfig = OrgConfig['ambtseed'];
export type InschrijvingStatus = (typeof INSCHRIJVING_STATUSSEN)[number];
export type Vorm = (typeof VORMEN)[number];

/*
 * Item types of the three lists this feature uses, written out with the required columns non-null
 * (the zod schemas guarantee that on every write). They are assignable to `ListItemInput` of their list.
 */
/** An `AmbtseedSessies` item: start/eind ISO UTC instants, capaciteit 0 = cancelled. */
export interface Sessie {
  sessieId: string;
  start: string;
  eind: string;
  soort: SessieSoort;
  locatie: string | null;
  online: boolean;
  /** A function (e.g. "de provinciesecretaris"), never a person's name. */
  afnemer: string;
  capaciteit: number;
}
/** An `AmbtseedInschrijvingen` item. `medewerker` is the Entra object id. */
export interface Inschrijving {
  inschrijvingId: string;
  sessieId: string;
  medewerker: string;
  dienstverband: Dienstverband;
  indienstOp: string;
  status: InschrijvingStatus;
  vorm: Vorm | null;
  afgelegdOp: string | null;
}
/** A `NieuweMedewerkers` item. `medewerkerId` is the Entra object id (docs/decisions.md, "Ambtseed"). */
export interface NieuweMedewerker {
  medewerkerId: string;
  indienstOp: string;
  dienstverband: Dienstverband;
  workshopGevolgdOp: string | null;
}

/**
 * What one new hire owes (issue 5, "New hires"; Ambtenarenwet 2017 art. 7 for the eed/belofte):
 * - `arbeidsovereenkomst` → the ambtseed or ambtsbelofte (`ambtseed: true`), taken in a session;
 * - `extern` / `stagiair` → an integriteitsverklaring (`integriteitsverklaring: true`), signed, no session;
 * - everyone → the workshop integriteit when the config says `workshopVerplicht: true`.
 */
export interface Verplichtingen {
  ambtseed: boolean;
  integriteitsverklaring: boolean;
  workshop: boolean;
}

/** What a new hire with `dienstverband` owes under `config` (see {@link Verplichtingen}). */
export function verplichtingen(dienstverband: Dienstverband, config: Pick<AmbtseedConfig, 'workshopVerplicht'>): Verplichtingen {
  const ambtenaar = dienstverband === 'arbeidsovereenkomst';
  return { ambtseed: ambtenaar, integriteitsverklaring: !ambtenaar, workshop: config.workshopVerplicht };
}

/**
 * The deadline of a new hire: `indienstOp` + the configured `termijn` (months first, then days), as a
 * Europe/Amsterdam calendar date `YYYY-MM-DD`. Month arithmetic clamps to the month end
 * (2026-12-31 + 2 months = 2027-02-28), as date-fns `addMonths` does.
 * @throws TijdFout (../tijd) when `indienstOp` is not a real `YYYY-MM-DD` date.
 */
export function ambtseedDeadline(indienstOp: string, termijn: AmbtseedConfig['termijn']): string {
  return plusDagen(plusMaanden(indienstOp, termijn.maanden), termijn.dagen);
}

/* Calendar-date arithmetic lives in the one date module ../tijd (TijdFout); re-exported for existing callers. */
export { dagenTussen, plusDagen, plusMaanden };
