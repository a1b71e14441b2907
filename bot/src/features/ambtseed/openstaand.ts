import { stringify } from 'csv-stringify/sync';
import { dagenTussen, vandaag, amsterdamDate } from '@shared/domain/tijd';
import type { NaamBron } from '@shared/graph/gebruikers';
import { t, type Locale } from '@shared/i18n';
import { neutraliseerFormule } from '@shared/lists/formule-cel';
import type { BotServices } from '../feature';
import { achterstalligen } from './achterstallig';
import { ondertekeningOpenstaand } from './link-handtekening';

/**
 * HR's export of the open obligations: every ambtseed, workshop or integriteitsverklaring of a new hire that is not
 * done while its deadline has passed (the rule of {@link achterstalligen}, the same as the reminder to everyone past
 * the deadline). The file is generated per request from the lists and never kept; nothing about it is written to a
 * list. Names come from the name source at download time (Graph `User.ReadBasic.All`, or the Playground's users) and
 * are left empty without one.
 *
 * Format for Excel with Dutch settings: UTF-8 with BOM, `;` between fields, CRLF lines, dates as ISO `YYYY-MM-DD`
 * (Excel reads them as dates), the days late as a plain integer. Text cells that a spreadsheet would read as a
 * formula get a leading `'` (`neutraliseerFormule`, OWASP CSV injection).
 */

/** One row of the export: one late obligation of one person. Dates `YYYY-MM-DD` (Europe/Amsterdam). */
export interface OpenstaandRij {
  /** The person's Entra object id (`NieuweMedewerkers.medewerkerId`), the code HR's administration knows. */
  medewerker: string;
  dienstverband: string;
  indienstOp: string;
  soort: 'ambtseed' | 'workshopIntegriteit' | 'integriteitsverklaring';
  status: 'open' | 'ingeschreven' | 'wachtlijst';
  /** The Amsterdam date of the session booked (or waited for) after the deadline; absent when nothing is booked. */
  bijeenkomst?: string;
  deadline: string;
  /** Whole calendar days from the deadline to today (≥ 1). */
  dagenTeLaat: number;
}

/**
 * The rows of the export on `now`: one per late obligation, the longest overdue first (then by code).
 * Reads `NieuweMedewerkers`, `AmbtseedSessies` and `AmbtseedInschrijvingen`; writes nothing.
 */
export async function openstaandeRijen(services: Pick<BotServices, 'store' | 'config'>, now: Date): Promise<OpenstaandRij[]> {
  const today = vandaag(now);
  const wie = await achterstalligen(services, now);
  const sessieIds = [...new Set(wie.flatMap((w) => w.laat.flatMap((v) => (v.inschrijving ? [v.inschrijving.sessieId] : []))))];
  const start = new Map<string, string>();
  for (const id of sessieIds) {
    const s = await services.store.get('AmbtseedSessies', id);
    if (s) start.set(id, amsterdamDate(new Date(s.start)));
  }
  return wie
    .flatMap(({ nm, laat }) =>
      laat.map((v) => ({
        medewerker: nm.medewerkerId,
        dienstverband: nm.dienstverband,
        indienstOp: nm.indienstOp,
        soort: v.soort,
        status: v.status as OpenstaandRij['status'],
        bijeenkomst: v.inschrijving ? start.get(v.inschrijving.sessieId) : undefined,
        deadline: v.deadline,
        dagenTeLaat: dagenTussen(v.deadline, today),
      })),
    )
    .sort((a, b) => b.dagenTeLaat - a.dagenTeLaat || a.medewerker.localeCompare(b.medewerker) || a.soort.localeCompare(b.soort));
}

/** The columns of the export, in order (headings `ambtseed.openstaand.kolom.<kolom>` in the catalogue). */
export const OPENSTAAND_KOLOMMEN = [
  'code',
  'naam',
  'dienstverband',
  'indienstOp',
  'verplichting',
  'status',
  'bijeenkomst',
  'deadline',
  'dagenTeLaat',
] as const;

/**
 * The CSV text of `rijen` (see the module comment) with headings in `l`. `namen` maps object ids to display names
 * (looked up for this request only); a missing name leaves its cell empty.
 */
export function openstaandCsv(rijen: readonly OpenstaandRij[], namen: ReadonlyMap<string, string>, l: Locale): string {
  const tekst = (s: string) => neutraliseerFormule(s);
  const kop = OPENSTAAND_KOLOMMEN.map((k) => t(l, `ambtseed.openstaand.kolom.${k}`));
  const regels = rijen.map((r) => [
    tekst(r.medewerker),
    tekst(namen.get(r.medewerker) ?? ''),
    t(l, `ambtseed.dienstverband.${r.dienstverband}`),
    r.indienstOp,
    t(l, `ambtseed.openstaand.verplichting.${r.soort}`),
    t(l, `ambtseed.status.${r.status}`),
    r.bijeenkomst ?? '',
    r.deadline,
    r.dagenTeLaat,
  ]);
  return `\uFEFF${stringify([kop, ...regels], { delimiter: ';', record_delimiter: '\r\n' })}`;
}

/**
 * The names of `ids` for one download, or an empty map when there is no source or the lookup fails (no permission,
 * Graph unreachable): the export then has codes only. Names are neither stored nor logged.
 */
export async function namenVoorExport(bron: NaamBron | undefined, ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
  if (!bron || !ids.length) return new Map();
  try {
    return (await bron.namen([...new Set(ids)])).namen;
  } catch {
    return new Map();
  }
}

/** The file name of the export of `datum`: `openstaand-<datum>.csv`. */
export const openstaandBestand = (datum: string): string => `openstaand-${datum}.csv`;

/**
 * Absolute, signed URL of HR's export of the open obligations on the Europe/Amsterdam day of `nu`, valid until the
 * end of that day (`link-handtekening.ts`). `locale` sets the headings' language.
 */
export function openstaandUrl(publicUrl: string, nu: Date, locale: Locale, env: NodeJS.ProcessEnv = process.env): string {
  const datum = vandaag(nu);
  const { exp, sig } = ondertekeningOpenstaand(datum, env);
  return `${publicUrl.replace(/\/+$/, '')}/ambtseed/openstaand/${openstaandBestand(datum)}?exp=${exp}&sig=${sig}&lang=${locale}`;
}
