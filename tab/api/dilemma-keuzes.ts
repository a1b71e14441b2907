import type { LokaleStaat } from '@shared/store/lokaal';
import type { DilemmaOverride } from '@shared/domain/dilemma-van-de-week';

/**
 * The coordinator's choice of the dilemma of a coming week (`PUT /api/dilemma/keuze`), one row per ISO week in
 * the table `tab_dilemma_keuze` of the local state: the SQLite file, or with STORE=postgres the database every
 * instance shares (`LokaleStaat.deelViaPostgres`, migration `lokale-staat-agenda-keuze`), so a choice made through
 * one instance decides the week on all. Holds codes only (week, dilemma id), never who chose.
 */
export class DilemmaKeuzes {
  constructor(private readonly lokaal: LokaleStaat) {}

  /** Every choice, by week (`YYYY-Www`) ascending. @throws the database error. */
  async alle(): Promise<DilemmaOverride[]> {
    return this.lokaal.alle<DilemmaOverride>('SELECT week, "dilemmaId" AS "dilemmaId" FROM tab_dilemma_keuze ORDER BY week');
  }

  /** Choose `dilemmaId` for `week` (replaces an earlier choice for that week). @throws the database error. */
  async kies(week: string, dilemmaId: string): Promise<void> {
    await this.lokaal.voerUit(
      'INSERT INTO tab_dilemma_keuze (week, "dilemmaId") VALUES (?, ?) ON CONFLICT (week) DO UPDATE SET "dilemmaId" = excluded."dilemmaId"',
      [week, dilemmaId],
    );
  }
}
