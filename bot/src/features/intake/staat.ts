import type { SqliteDatabase } from '@shared/store';

/**
 * Local state of the intake feature in the SQLite file that also holds the lists (docs/architecture.md; own
 * table prefix `intake_`). Holds ids and dates only: no names, no text, and never who submitted a melding.
 *
 * - `intake_kaarten`: which card instance (`kaartId`, a UUID put on the card when it was rendered) produced which
 *   item, so a double click or a retried submit never writes twice.
 * - `intake_gesprek_eigenaar`: which vertrouwenspersoon (Entra object id) recorded which gesprek, so "Mijn
 *   registraties" shows, corrects and removes only their own. Kept here and not in the list: the list is read by
 *   HR and the report, and must not tell which vertrouwenspersoon an employee went to.
 * - `intake_uitvraag`: per half-yearly uitvraag cycle (`cyclus` = the uitvraag date) who was asked (object id and
 *   role), whether the card reached them, when they were reminded, when they answered and how many items they added.
 */

/** One person in an uitvraag cycle. */
export interface UitvraagRij {
  cyclus: string;
  aadObjectId: string;
  rol: 'vertrouwenspersoon' | 'manager';
  gevraagdOp: string;
  bereikbaar: boolean;
  herinnerdOp: string | null;
  beantwoordOp: string | null;
  aantal: number;
}

/** Response figures of one uitvraag cycle for the integriteitscoördinator. */
export interface UitvraagRespons {
  cyclus: string;
  gevraagd: number;
  beantwoord: number;
  /** beantwoord / gevraagd as a whole percentage (0 when nobody was asked). */
  percentage: number;
  herinnerd: number;
  nietBereikbaar: number;
  /** Items added through the uitvraag. */
  items: number;
}

type Row = {
  cyclus: string;
  aad_object_id: string;
  rol: string;
  gevraagd_op: string;
  bereikbaar: number;
  herinnerd_op: string | null;
  beantwoord_op: string | null;
  aantal: number;
};
const toRij = (r: Row): UitvraagRij => ({
  cyclus: r.cyclus,
  aadObjectId: r.aad_object_id,
  rol: r.rol as UitvraagRij['rol'],
  gevraagdOp: r.gevraagd_op,
  bereikbaar: r.bereikbaar === 1,
  herinnerdOp: r.herinnerd_op,
  beantwoordOp: r.beantwoord_op,
  aantal: r.aantal,
});

/** Access to the intake tables (created by shared/src/store/migraties.ts; pass `LokaleStaat.db`). */
export class IntakeStaat {
  constructor(readonly db: SqliteDatabase) {}

  /**
   * Claim a card instance before writing. @returns `undefined` when claimed now (go ahead and write), or the id
   * of the item this card already produced (`''` while another submit of it is still being written).
   */
  claimKaart(kaartId: string, now: Date): string | undefined {
    const r = this.db
      .prepare(`INSERT OR IGNORE INTO intake_kaarten (kaart_id, item_id, created_at) VALUES (?, NULL, ?)`)
      .run(kaartId.toLowerCase(), now.toISOString());
    if (r.changes === 1) return undefined;
    const row = this.db.prepare(`SELECT item_id FROM intake_kaarten WHERE kaart_id = ?`).get(kaartId.toLowerCase()) as {
      item_id: string | null;
    };
    return row.item_id ?? '';
  }

  /** The item card `kaartId` produced, or undefined when it produced none (yet). */
  verwerktAls(kaartId: string): string | undefined {
    const row = this.db.prepare(`SELECT item_id FROM intake_kaarten WHERE kaart_id = ?`).get(kaartId.toLowerCase()) as
      { item_id: string | null } | undefined;
    return row?.item_id ?? undefined;
  }

  /** Record the item a claimed card produced. */
  kaartVerwerkt(kaartId: string, itemId: string): void {
    this.db.prepare(`UPDATE intake_kaarten SET item_id = ? WHERE kaart_id = ?`).run(itemId, kaartId.toLowerCase());
  }

  /** Release a claim when the write failed (validation or store error), so the user can fix and resubmit. */
  kaartVrijgeven(kaartId: string): void {
    this.db.prepare(`DELETE FROM intake_kaarten WHERE kaart_id = ? AND item_id IS NULL`).run(kaartId.toLowerCase());
  }

  /** Record that `aadObjectId` recorded gesprek `gesprekId` (no-op when already recorded). */
  gesprekEigenaarZetten(gesprekId: string, aadObjectId: string, now: Date): void {
    this.db
      .prepare(`INSERT OR IGNORE INTO intake_gesprek_eigenaar (gesprek_id, aad_object_id, vastgelegd_op) VALUES (?, ?, ?)`)
      .run(gesprekId, aadObjectId.trim().toLowerCase(), now.toISOString());
  }

  /** The ids of the gesprekken `aadObjectId` recorded whose id has year `jaar` (`G-<jaar>-…`), in id order. */
  gesprekkenVan(aadObjectId: string, jaar: number): string[] {
    return (
      this.db
        .prepare(`SELECT gesprek_id FROM intake_gesprek_eigenaar WHERE aad_object_id = ? AND gesprek_id LIKE ? ORDER BY gesprek_id`)
        .all(aadObjectId.trim().toLowerCase(), `G-${jaar}-%`) as { gesprek_id: string }[]
    ).map((r) => r.gesprek_id);
  }

  /** Whether `aadObjectId` recorded gesprek `gesprekId`. */
  isEigenaar(gesprekId: string, aadObjectId: string): boolean {
    return (
      this.db
        .prepare(`SELECT 1 FROM intake_gesprek_eigenaar WHERE gesprek_id = ? AND aad_object_id = ?`)
        .get(gesprekId, aadObjectId.trim().toLowerCase()) !== undefined
    );
  }

  /** Add a person to cycle `cyclus` (no-op when present). @returns true when added now. */
  uitvraagToevoegen(cyclus: string, aadObjectId: string, rol: UitvraagRij['rol'], vandaag: string): boolean {
    return (
      this.db
        .prepare(`INSERT OR IGNORE INTO intake_uitvraag (cyclus, aad_object_id, rol, gevraagd_op) VALUES (?, ?, ?, ?)`)
        .run(cyclus, aadObjectId.trim().toLowerCase(), rol, vandaag).changes === 1
    );
  }

  /**
   * Record that the uitvraag card reached the person on `vandaag` (first delivery only; the reminder counts
   * 7 days from that day).
   */
  uitvraagBereikt(cyclus: string, aadObjectId: string, vandaag: string): void {
    this.db
      .prepare(`UPDATE intake_uitvraag SET bereikbaar = 1, gevraagd_op = ? WHERE cyclus = ? AND aad_object_id = ? AND bereikbaar = 0`)
      .run(vandaag, cyclus, aadObjectId.trim().toLowerCase());
  }

  /** Record that a reminder went out. */
  uitvraagHerinnerd(cyclus: string, aadObjectId: string, vandaag: string): void {
    this.db
      .prepare(`UPDATE intake_uitvraag SET herinnerd_op = ? WHERE cyclus = ? AND aad_object_id = ?`)
      .run(vandaag, cyclus, aadObjectId.trim().toLowerCase());
  }

  /**
   * Record an answer (an added item, or "niets te melden" with `items = 0`).
   * @returns false when the person is not part of that cycle (their items are still saved, but not counted).
   */
  uitvraagBeantwoord(cyclus: string, aadObjectId: string, vandaag: string, items: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE intake_uitvraag SET beantwoord_op = COALESCE(beantwoord_op, ?), aantal = aantal + ? WHERE cyclus = ? AND aad_object_id = ?`,
        )
        .run(vandaag, items, cyclus, aadObjectId.trim().toLowerCase()).changes === 1
    );
  }

  /** Everyone in a cycle, by object id. */
  uitvraagRijen(cyclus: string): UitvraagRij[] {
    return (this.db.prepare(`SELECT * FROM intake_uitvraag WHERE cyclus = ? ORDER BY aad_object_id`).all(cyclus) as Row[]).map(toRij);
  }

  /** The most recent cycle, if any. */
  laatsteCyclus(): string | undefined {
    const r = this.db.prepare(`SELECT MAX(cyclus) AS c FROM intake_uitvraag`).get() as { c: string | null };
    return r.c ?? undefined;
  }

  /** Response figures of `cyclus`. */
  respons(cyclus: string): UitvraagRespons {
    const rijen = this.uitvraagRijen(cyclus);
    const gevraagd = rijen.length;
    const beantwoord = rijen.filter((r) => r.beantwoordOp).length;
    return {
      cyclus,
      gevraagd,
      beantwoord,
      percentage: gevraagd === 0 ? 0 : Math.round((100 * beantwoord) / gevraagd),
      herinnerd: rijen.filter((r) => r.herinnerdOp).length,
      nietBereikbaar: rijen.filter((r) => !r.bereikbaar).length,
      items: rijen.reduce((s, r) => s + r.aantal, 0),
    };
  }
}

const perDb = new WeakMap<SqliteDatabase, IntakeStaat>();

/** The `IntakeStaat` of a database (one per handle; pass `services.lokaal`). */
export function intakeStaat(db: SqliteDatabase): IntakeStaat {
  let s = perDb.get(db);
  if (!s) {
    s = new IntakeStaat(db);
    perDb.set(db, s);
  }
  return s;
}
