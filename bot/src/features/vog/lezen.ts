import type { OrgConfig } from '@shared/config';
import type { VogAanvraag, VogHouder } from '@shared/domain/vog';
import { tekstIn, type Locale } from '@shared/i18n';
import { queryAll, type ListStore } from '@shared/store';

/** What the VOG handlers and the job read from the lists `VogFunctiehouders` and `VogAanvragen`. */

/** The functions `medewerker` holds (or held) and every request of theirs. */
export async function vanMedewerker(store: ListStore, medewerker: string): Promise<{ houders: VogHouder[]; aanvragen: VogAanvraag[] }> {
  const [houders, aanvragen] = await Promise.all([
    queryAll(store, 'VogFunctiehouders', { where: { medewerker } }),
    queryAll(store, 'VogAanvragen', { where: { medewerker } }),
  ]);
  return { houders, aanvragen };
}

/** Every holder and every request (the job and HR's overview need the whole register: about a hundred people). */
export async function heelRegister(store: ListStore): Promise<{ houders: VogHouder[]; aanvragen: VogAanvraag[] }> {
  const [houders, aanvragen] = await Promise.all([queryAll(store, 'VogFunctiehouders'), queryAll(store, 'VogAanvragen')]);
  return { houders, aanvragen };
}

/** The title of function `id` from `vog.functies` in `locale`, or the code itself when the config does not name it. */
export function functieTitel(config: OrgConfig, id: string, locale: Locale): string {
  const f = config.vog.functies.find((x) => x.id === id);
  return f ? tekstIn(locale, f.titel) : id;
}

/**
 * The last 8 characters of an object id: enough for HR to find the person in its own records, never a name. The
 * end rather than the start, because test and Playground ids share their leading zeros (`00000000-…-0000000000e1`).
 */
export const kort = (medewerker: string): string => medewerker.slice(-8);
