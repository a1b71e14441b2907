/**
 * Reading a SharePoint list never drops an item silently. An item that cannot be read (a required column
 * missing from `fields`, a value of the wrong type, no `fields` even when asked again with `$expand=fields`)
 * is named with its list, SharePoint item id and columns, and the read fails as a whole: a report or export
 * built from the rest would come out too low without saying so. SharePoint refusing a query (list view
 * threshold, a filter on a column that is not indexed) becomes a Dutch message that tells the admin what to do.
 * Messages name lists, ids and column names only, never values.
 */
import { toFailure } from '@shared/graph/http';

/** One item that could not be read: SharePoint item id and the columns at fault (`fields` when there were none). */
export interface OnleesbaarItem {
  id: string;
  kolommen: string[];
}

/** The items of `lijst` that could not be read; the read that needed them fails with this error. */
export class OnleesbareItemsFout extends Error {
  constructor(
    readonly lijst: string,
    readonly items: readonly OnleesbaarItem[],
  ) {
    const genoemd = items
      .slice(0, 10)
      .map((i) => `item ${i.id} (${i.kolommen.includes('fields') ? 'geen velden' : `kolom ${i.kolommen.join(', ')}`})`)
      .join('; ');
    const meer = items.length > 10 ? `; en nog ${items.length - 10}` : '';
    super(
      `Lijst ${lijst}: ${items.length === 1 ? '1 item kon' : `${items.length} items konden`} niet worden gelezen: ${genoemd}${meer}. ` +
        'Er is niets overgeslagen: herstel de genoemde kolommen in SharePoint (een verplichte kolom mag niet leeg zijn) en probeer het opnieuw.',
    );
    this.name = 'OnleesbareItemsFout';
  }
}

/** SharePoint refused a query on `lijst` (`soort`), with a message for the admin. */
export class SharePointWeigertFout extends Error {
  constructor(
    readonly lijst: string,
    readonly soort: 'lijstdrempel' | 'nietGeindexeerd',
    kolom?: string,
  ) {
    super(
      soort === 'lijstdrempel'
        ? `SharePoint weigert de lijst ${lijst} te lezen: de lijst is groter dan de drempel voor lijstweergaven (standaard 5.000 items). ` +
            `Beheerder: controleer in Lijstinstellingen → Geïndexeerde kolommen dat de kolommen van de lijstdefinitie geïndexeerd zijn (npm run lists -- provision maakt ze aan) en probeer het opnieuw; de drempel zelf verhogen kan in SharePoint Online niet.`
        : `SharePoint weigert een zoekopdracht op de lijst ${lijst}: de kolom ${kolom ?? '(onbekend)'} is niet geïndexeerd. ` +
            `Beheerder: maak de kolom geïndexeerd (Lijstinstellingen → Geïndexeerde kolommen → Nieuwe index maken) of voer npm run lists -- provision opnieuw uit, en probeer het opnieuw.`,
    );
    this.name = 'SharePointWeigertFout';
  }
}

/**
 * SharePoint's refusal of a query as a {@link SharePointWeigertFout}, or undefined for any other error. Recognised
 * by Graph's message: "… exceeds the list view threshold …" (SPQueryThrottledException, HTTP 500) and
 * "Field 'X' cannot be referenced in filter or orderby as it is not indexed …" (HTTP 400).
 */
export function alsSharePointWeigering(lijst: string, err: unknown): SharePointWeigertFout | undefined {
  const f = toFailure(err);
  if (/list view threshold|SPQueryThrottledException/i.test(`${f.code} ${f.message}`))
    return new SharePointWeigertFout(lijst, 'lijstdrempel');
  const m = /Field '([^']+)' cannot be referenced in filter or orderby as it is not indexed/i.exec(f.message);
  if (m) return new SharePointWeigertFout(lijst, 'nietGeindexeerd', m[1]);
  return undefined;
}
