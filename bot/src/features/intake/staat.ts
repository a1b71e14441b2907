import type { LokaleStaat } from '@shared/store';

/**
 * Local state of the intake feature (docs/architecture.md; own table prefix `intake_`): the SQLite file, or with
 * STORE=postgres the database every instance shares. Holds ids and dates only: no names, no text, and never who submitted a melding.
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
  bereikbaar: Number(r.bereikbaar) === 1,
  herinnerdOp: r.herinnerd_op,
  beantwoordOp: r.beantwoord_op,
  aantal: r.aantal,
});

/**
 * Access to the intake tables in the local state (created by shared/src/store/migraties.ts and, for STORE=postgres,
 * the PostgreSQL migration `lokale-staat`, where every instance shares them: a card claimed on one instance is
 * "already saved" on another, and an uitvraag answered anywhere counts). Pass `services.lokaal`.
 */
export class IntakeStaat {
  constructor(readonly lokaal: LokaleStaat) {}

  /**
   * Claim a card instance before writing. @returns `undefined` when claimed now (go ahead and write), or the id
   * of the item this card already produced (`''` while another submit of it is still being written).
   */
  async claimKaart(kaartId: string, now: Date): Promise<string | undefined> {
    const nieuw = await this.lokaal.voerUit(
      `INSERT INTO intake_kaarten (kaart_id, item_id, created_at) VALUES (?, NULL, ?) ON CONFLICT (kaart_id) DO NOTHING`,
      [kaartId.toLowerCase(), now.toISOString()],
    );
    if (nieuw === 1) return undefined;
    const row = await this.lokaal.een<{ item_id: string | null }>(`SELECT item_id FROM intake_kaarten WHERE kaart_id = ?`, [
      kaartId.toLowerCase(),
    ]);
    return row?.item_id ?? '';
  }

  /** The item card `kaartId` produced, or undefined when it produced none (yet). */
  async verwerktAls(kaartId: string): Promise<string | undefined> {
    const row = await this.lokaal.een<{ item_id: string | null }>(`SELECT item_id FROM intake_kaarten WHERE kaart_id = ?`, [
      kaartId.toLowerCase(),
    ]);
    return row?.item_id ?? undefined;
  }

  /** Record the item a claimed card produced. */
  async kaartVerwerkt(kaartId: string, itemId: string): Promise<void> {
    await this.lokaal.voerUit(`UPDATE intake_kaarten SET item_id = ? WHERE kaart_id = ?`, [itemId, kaartId.toLowerCase()]);
  }

  /** Release a claim when the write failed (validation or store error), so the user can fix and resubmit. */
  async kaartVrijgeven(kaartId: string): Promise<void> {
    await this.lokaal.voerUit(`DELETE FROM intake_kaarten WHERE kaart_id = ? AND item_id IS NULL`, [kaartId.toLowerCase()]);
  }

  /** Record that `aadObjectId` recorded gesprek `gesprekId` (no-op when already recorded). */
  async gesprekEigenaarZetten(gesprekId: string, aadObjectId: string, now: Date): Promise<void> {
    await this.lokaal.voerUit(
      `INSERT INTO intake_gesprek_eigenaar (gesprek_id, aad_object_id, vastgelegd_op) VALUES (?, ?, ?) ON CONFLICT (gesprek_id) DO NOTHING`,
      [gesprekId, aadObjectId.trim().toLowerCase(), now.toISOString()],
    );
  }

  /** The ids of the gesprekken `aadObjectId` recorded whose id has year `jaar` (`G-<jaar>-…`), in id order. */
  async gesprekkenVan(aadObjectId: string, jaar: number): Promise<string[]> {
    return (
      await this.lokaal.alle<{ gesprek_id: string }>(
        `SELECT gesprek_id FROM intake_gesprek_eigenaar WHERE aad_object_id = ? AND gesprek_id LIKE ? ORDER BY gesprek_id`,
        [aadObjectId.trim().toLowerCase(), `G-${jaar}-%`],
      )
    ).map((r) => r.gesprek_id);
  }

  /** Whether `aadObjectId` recorded gesprek `gesprekId`. */
  async isEigenaar(gesprekId: string, aadObjectId: string): Promise<boolean> {
    return (
      (await this.lokaal.een(`SELECT 1 AS x FROM intake_gesprek_eigenaar WHERE gesprek_id = ? AND aad_object_id = ?`, [
        gesprekId,
        aadObjectId.trim().toLowerCase(),
      ])) !== undefined
    );
  }

  /** Add a person to cycle `cyclus` (no-op when present). @returns true when added now. */
  async uitvraagToevoegen(cyclus: string, aadObjectId: string, rol: UitvraagRij['rol'], vandaag: string): Promise<boolean> {
    return (
      (await this.lokaal.voerUit(
        `INSERT INTO intake_uitvraag (cyclus, aad_object_id, rol, gevraagd_op) VALUES (?, ?, ?, ?) ON CONFLICT (cyclus, aad_object_id) DO NOTHING`,
        [cyclus, aadObjectId.trim().toLowerCase(), rol, vandaag],
      )) === 1
    );
  }

  /**
   * Record that the uitvraag card reached the person on `vandaag` (first delivery only; the reminder counts
   * 7 days from that day).
   */
  async uitvraagBereikt(cyclus: string, aadObjectId: string, vandaag: string): Promise<void> {
    await this.lokaal.voerUit(
      `UPDATE intake_uitvraag SET bereikbaar = 1, gevraagd_op = ? WHERE cyclus = ? AND aad_object_id = ? AND bereikbaar = 0`,
      [vandaag, cyclus, aadObjectId.trim().toLowerCase()],
    );
  }

  /** Record that a reminder went out. */
  async uitvraagHerinnerd(cyclus: string, aadObjectId: string, vandaag: string): Promise<void> {
    await this.lokaal.voerUit(`UPDATE intake_uitvraag SET herinnerd_op = ? WHERE cyclus = ? AND aad_object_id = ?`, [
      vandaag,
      cyclus,
      aadObjectId.trim().toLowerCase(),
    ]);
  }

  /**
   * Record an answer (an added item, or "niets te melden" with `items = 0`).
   * @returns false when the person is not part of that cycle (their items are still saved, but not counted).
   */
  async uitvraagBeantwoord(cyclus: string, aadObjectId: string, vandaag: string, items: number): Promise<boolean> {
    return (
      (await this.lokaal.voerUit(
        `UPDATE intake_uitvraag SET beantwoord_op = COALESCE(beantwoord_op, ?), aantal = aantal + ? WHERE cyclus = ? AND aad_object_id = ?`,
        [vandaag, items, cyclus, aadObjectId.trim().toLowerCase()],
      )) === 1
    );
  }

  /** Everyone in a cycle, by object id. */
  async uitvraagRijen(cyclus: string): Promise<UitvraagRij[]> {
    return (
      await this.lokaal.alle<Row>(
        `SELECT cyclus, aad_object_id, rol, gevraagd_op, bereikbaar, herinnerd_op, beantwoord_op, aantal FROM intake_uitvraag WHERE cyclus = ? ORDER BY aad_object_id`,
        [cyclus],
      )
    ).map(toRij);
  }

  /** The most recent cycle, if any. */
  async laatsteCyclus(): Promise<string | undefined> {
    const r = await this.lokaal.een<{ c: string | null }>(`SELECT MAX(cyclus) AS c FROM intake_uitvraag`);
    return r?.c ?? undefined;
  }

  /** Response figures of `cyclus`. */
  async respons(cyclus: string): Promise<UitvraagRespons> {
    const rijen = await this.uitvraagRijen(cyclus);
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

const perStaat = new WeakMap<LokaleStaat, IntakeStaat>();

/** The `IntakeStaat` of a local state (one per handle; pass `services.lokaal`). */
export function intakeStaat(lokaal: LokaleStaat): IntakeStaat {
  let s = perStaat.get(lokaal);
  if (!s) {
    s = new IntakeStaat(lokaal);
    perStaat.set(lokaal, s);
  }
  return s;
}
