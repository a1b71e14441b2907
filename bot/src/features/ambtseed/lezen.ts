import { vandaag } from '@shared/domain/tijd';
import { BoekingFout, type Inschrijving, type NieuweMedewerker, type Sessie } from '@shared/domain/ambtseed';
import { t, type Locale } from '@shared/i18n';
import { AmbtseedBoeking } from '@shared/store/ambtseed-booking';
import { queryAll, type ListStore } from '@shared/store';

/**
 * What the ambtseed handlers read from the lists (`AmbtseedSessies`, `AmbtseedInschrijvingen`,
 * `NieuweMedewerkers`). The item types are the lists' own (`ListItem<…>`, equal to the domain's `Sessie`,
 * `Inschrijving`, `NieuweMedewerker`), so nothing is cast.
 */

/** Sessions starting at or after `now`, by start. */
export async function sessiesVanaf(store: ListStore, now: Date): Promise<Sessie[]> {
  return queryAll(store, 'AmbtseedSessies', { range: { column: 'start', from: now.toISOString() }, orderBy: 'start' });
}

/** The session `sessieId`. @throws BoekingFout `SESSIE_ONBEKEND` ("niet gevonden") when it does not exist. */
export async function bestaandeSessie(store: ListStore, sessieId: string, l: Locale): Promise<Sessie> {
  const s = await store.get('AmbtseedSessies', sessieId);
  if (!s) throw new BoekingFout('SESSIE_ONBEKEND', t(l, 'ambtseed.fout.nietGevonden'));
  return s;
}

/** The bookings of the sessions `sessieIds` and (when given) of one employee, without duplicates. */
export async function inschrijvingenVan(store: ListStore, sessieIds: string[], medewerker?: string): Promise<Inschrijving[]> {
  const rows = new Map<string, Inschrijving>();
  if (sessieIds.length)
    for (const r of await queryAll(store, 'AmbtseedInschrijvingen', { where: { sessieId: sessieIds } })) rows.set(r.inschrijvingId, r);
  if (medewerker) for (const r of await queryAll(store, 'AmbtseedInschrijvingen', { where: { medewerker } })) rows.set(r.inschrijvingId, r);
  return [...rows.values()];
}

/**
 * The `NieuweMedewerkers` item of object id `me`; someone HR has not registered counts as an employee
 * (arbeidsovereenkomst) who started today (`geregistreerd: false`, the plan card says so).
 */
export async function nieuweMedewerker(store: ListStore, me: string, now: Date): Promise<{ nm: NieuweMedewerker; geregistreerd: boolean }> {
  const nm = await store.get('NieuweMedewerkers', me);
  return nm
    ? { nm, geregistreerd: true }
    : {
        nm: { medewerkerId: me, indienstOp: vandaag(now), dienstverband: 'arbeidsovereenkomst', workshopGevolgdOp: null },
        geregistreerd: false,
      };
}

const boekingen = new WeakMap<ListStore, AmbtseedBoeking>();
/** One AmbtseedBoeking per store: its lock must be shared by all turns. */
export function boekingVoor(store: ListStore): AmbtseedBoeking {
  let b = boekingen.get(store);
  if (!b) boekingen.set(store, (b = new AmbtseedBoeking(store)));
  return b;
}
