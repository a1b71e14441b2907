import type { NevenwerkFunctie, OrgConfig } from '@shared/config';
import { t, tekstIn, type Locale } from '@shared/i18n';
import type { ListItem } from '@shared/lists/schemas';
import type { ListStore } from '@shared/store';

/**
 * Reading the register for the nevenwerk handlers: who holds which function and who manages them
 * (`Functiebezetting`, imported by HR), and one line of text per registration. Object ids are compared
 * case-insensitively (Entra GUIDs).
 */

/** A registration as stored. */
export type Registratie = ListItem<'Nevenwerkzaamheden'>;

/** Same Entra object id (case and surrounding spaces ignored). */
export const zelfdeId = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The caller's function and manager per `Functiebezetting`, and the function's config entry (undefined: unknown code). */
export async function bezettingVan(
  store: ListStore,
  config: OrgConfig,
  oid: string,
): Promise<{ functie: string; leidinggevende: string; config?: NevenwerkFunctie } | undefined> {
  const b = (await store.get('Functiebezetting', oid)) ?? (await store.get('Functiebezetting', oid.toLowerCase()));
  if (!b) return undefined;
  return { functie: b.functie, leidinggevende: b.leidinggevende, config: config.nevenwerk.functies.find((f) => f.code === b.functie) };
}

/** One line about a registration: id, kind, organisation, paid, hours, where it stands (no person). */
export function regelVan(locale: Locale, r: Registratie): string {
  const delen = [
    r.registratieId,
    r.register === 'financieelBelang'
      ? t(locale, `report.belangSoort.${r.soortBelang ?? 'overigBelang'}`)
      : t(locale, `report.nevenwerkSoort.${r.soortNevenwerk ?? 'overig'}`),
  ];
  if (r.organisatie) delen.push(r.organisatie);
  if (r.betaald !== null && r.betaald !== undefined) delen.push(t(locale, r.betaald ? 'nevenwerk.betaald' : 'nevenwerk.onbetaald'));
  if (r.urenPerMaand !== null && r.urenPerMaand !== undefined) delen.push(t(locale, 'nevenwerk.uren', { n: r.urenPerMaand }));
  if (r.status === 'beeindigd') delen.push(t(locale, 'nevenwerk.status.beeindigd'));
  else if (r.beoordeling) {
    const voorwaarden = (r.voorwaarden ?? []).map((v) => t(locale, `report.nevenwerkVoorwaarde.${v}`));
    delen.push(t(locale, `report.nevenwerkBeoordeling.${r.beoordeling}`) + (voorwaarden.length ? ` (${voorwaarden.join('; ')})` : ''));
  } else delen.push(t(locale, 'nevenwerk.status.gemeld'));
  return delen.join(' · ');
}

/** The function title for messages (config title, else the code). */
export function functieTitel(locale: Locale, b: { functie: string; config?: NevenwerkFunctie }): string {
  return b.config ? tekstIn(locale, b.config.titel) : b.functie;
}
