import type { OrgConfig } from '../../config';
import type { DIENSTVERBANDEN, INSCHRIJVING_STATUSSEN, SESSIE_SOORTEN, VORMEN } from '../../lists/definitions';
import { dagenTussen, plusDagen, plusMaanden } from '../tijd';
import type { ListItem } from '../../lists/schemas';

/** A new hire's kind of employment (`NieuweMedewerkers.dienstverband`). */
export type Dienstverband = (typeof DIENSTVERBANDEN)[number];
/** Kind of session (`AmbtseedSessies.soort`). */
export type SessieSoort = (typeof SESSIE_SOORTEN)[number];
/** The ambtseed section of the organisation config. */
export type AmbtseedConfig = OrgConfig['ambtseed'];
export type InschrijvingStatus = (typeof INSCHRIJVING_STATUSSEN)[number];
export type Vorm = (typeof VORMEN)[number];

/*
 * Item types of the three lists this feature uses, derived from the list definitions (the zod schemas
 * guarantee the shape on every write), so store results need no casts.
 */
/** An `AmbtseedSessies` item: start/eind ISO UTC instants, capaciteit 0 = cancelled; `afnemer` is a function, never a person's name. */
export type Sessie = ListItem<'AmbtseedSessies'>;
/** An `AmbtseedInschrijvingen` item. `medewerker` is the Entra object id. */
export type Inschrijving = ListItem<'AmbtseedInschrijvingen'>;
/** A `NieuweMedewerkers` item. `medewerkerId` is the Entra object id (docs/decisions.md, "Ambtseed"). */
export type NieuweMedewerker = ListItem<'NieuweMedewerkers'>;

/**
 * What one new hire owes (Ambtenarenwet 2017 art. 7 for the eed/belofte):
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
