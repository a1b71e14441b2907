import { actieveInschrijving, heeftAfgelegd, heeftVerklaring } from './boeking';
import {
  ambtseedDeadline,
  verplichtingen,
  type AmbtseedConfig,
  type Inschrijving,
  type NieuweMedewerker,
  type Sessie,
  type SessieSoort,
} from './verplichtingen';

/** Where one obligation of a new hire stands. */
export type VerplichtingStatus = 'voldaan' | 'ingeschreven' | 'wachtlijst' | 'open';

/** One obligation of one new hire: what (`soort`), its deadline and its status. */
export interface OpenVerplichting {
  soort: SessieSoort | 'integriteitsverklaring';
  deadline: string;
  status: VerplichtingStatus;
  /** The active inschrijving (status ingeschreven or wachtlijst), when there is one. */
  inschrijving?: Inschrijving;
}

/**
 * Every obligation of `medewerker` (see `verplichtingen`) with its status:
 * `voldaan` (afgelegd / signed; for the workshop also when `workshopGevolgdOp` is set),
 * `ingeschreven`, `wachtlijst`, or `open` (nothing booked).
 * The deadline is `indienstOp` + `config.termijn` for all obligations.
 */
export function verplichtingenVan(
  medewerker: Pick<NieuweMedewerker, 'medewerkerId' | 'indienstOp' | 'dienstverband' | 'workshopGevolgdOp'>,
  inschrijvingen: readonly Inschrijving[],
  sessies: readonly Sessie[],
  config: Pick<AmbtseedConfig, 'termijn' | 'workshopVerplicht'>,
): OpenVerplichting[] {
  const v = verplichtingen(medewerker.dienstverband, config);
  const deadline = ambtseedDeadline(medewerker.indienstOp, config.termijn);
  const id = medewerker.medewerkerId;
  const out: OpenVerplichting[] = [];
  const sessieStatus = (soort: SessieSoort, extraVoldaan = false): OpenVerplichting => {
    if (extraVoldaan || heeftAfgelegd(id, soort, inschrijvingen, sessies)) return { soort, deadline, status: 'voldaan' };
    const actief = actieveInschrijving(id, soort, inschrijvingen, sessies);
    if (actief) return { soort, deadline, status: actief.status as 'ingeschreven' | 'wachtlijst', inschrijving: actief };
    return { soort, deadline, status: 'open' };
  };
  if (v.ambtseed) out.push(sessieStatus('ambtseed'));
  if (v.integriteitsverklaring)
    out.push({ soort: 'integriteitsverklaring', deadline, status: heeftVerklaring(id, inschrijvingen) ? 'voldaan' : 'open' });
  if (v.workshop) out.push(sessieStatus('workshopIntegriteit', !!medewerker.workshopGevolgdOp));
  return out;
}
