import { z } from 'zod';
import type { LokaleStaat } from '@shared/store';

/**
 * Conversation references for proactive messages, kept in the local state (docs/architecture.md: the SQLite file,
 * tables owned by shared/src/store/migraties.ts; with STORE=postgres the database all instances share), so they
 * survive a restart of the bot and reach every instance.
 *
 * Table `proactive_conversation_refs`: one row per person (Entra object id, lower case) with the personal-chat
 * reference the Bot Framework gave us the last time that person wrote to the bot or installed it. A reference
 * becomes *stale* when Teams answers 403/404 (app uninstalled, conversation gone, bot blocked); stale rows are
 * kept for diagnosis but never used, and are refreshed the next time the person talks to the bot.
 * No names or e-mail addresses are stored: the reference holds ids and the service URL only (we strip `user.name`);
 * the Teams locale is kept in its own column so proactive cards can be sent in the person's language.
 */

/**
 * A Bot Framework conversation reference as plain JSON (what botbuilder's
 * `TurnContext.getConversationReference(activity)` returns). Only the fields we need are checked; the rest is
 * kept as is so the host can pass it back to `continueConversationAsync` unchanged.
 */
export const conversationReferenceSchema = z.looseObject({
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1).optional(),
  conversation: z.looseObject({ id: z.string().min(1), conversationType: z.string().optional(), tenantId: z.string().optional() }),
  bot: z.looseObject({ id: z.string() }).optional(),
  user: z.looseObject({ id: z.string(), aadObjectId: z.string().optional() }).optional(),
});
export type ConversationReferenceJson = z.infer<typeof conversationReferenceSchema>;

/** A stored reference. `staleSince` is an ISO instant when Teams said the conversation is gone. */
export interface StoredReference {
  aadObjectId: string;
  reference: ConversationReferenceJson;
  updatedAt: string;
  staleSince: string | null;
  /** The person's Teams locale at their last message (`nl-NL`, `en-US`), for the language of proactive cards. */
  locale: string | null;
}

const norm = (id: string) => id.trim().toLowerCase();

type Row = { aad_object_id: string; reference: string; updated_at: string; stale_since: string | null; locale: string | null };
const toStored = (row: Row): StoredReference => ({
  aadObjectId: row.aad_object_id,
  reference: JSON.parse(row.reference) as StoredReference['reference'],
  updatedAt: row.updated_at,
  staleSince: row.stale_since,
  locale: row.locale,
});

/** Strip display names from a reference before storing it (privacy: no names in our database). */
function withoutNames(ref: ConversationReferenceJson): ConversationReferenceJson {
  const copy = JSON.parse(JSON.stringify(ref)) as Record<string, unknown>;
  for (const k of ['user', 'bot', 'conversation']) {
    const v = copy[k] as Record<string, unknown> | undefined;
    if (v && typeof v === 'object') delete v.name;
  }
  delete copy.locale;
  return copy as ConversationReferenceJson;
}

/**
 * Reads and writes `proactive_conversation_refs` in the local state: the SQLite file, or with STORE=postgres the
 * table every instance shares (`LokaleStaat.deelViaPostgres`), so a reference saved when the person wrote to
 * instance A is used by a job or a proactive send on instance B.
 */
export class ConversationReferenceStore {
  /** @param lokaal the local state (the table comes from shared/src/store/migraties.ts and the PostgreSQL migration `lokale-staat`). */
  constructor(private readonly lokaal: LokaleStaat) {}

  /**
   * Remember (or refresh) the personal-chat reference of `aadObjectId`; clears a stale mark.
   * Call it from the host on every personal-chat activity and on `installationUpdate`/`conversationUpdate`.
   * @throws ZodError when `reference` lacks `serviceUrl` or `conversation.id` (nothing is written).
   */
  async save(aadObjectId: string, reference: unknown, now: Date = new Date()): Promise<void> {
    const parsed = conversationReferenceSchema.parse(reference);
    const raw = (parsed as Record<string, unknown>).locale;
    const locale = typeof raw === 'string' ? raw.slice(0, 20) : null;
    const ref = withoutNames(parsed);
    await this.lokaal.voerUit(
      `INSERT INTO proactive_conversation_refs (aad_object_id, reference, updated_at, stale_since, locale) VALUES (?, ?, ?, NULL, ?)
       ON CONFLICT (aad_object_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at, stale_since = NULL,
         locale = COALESCE(excluded.locale, proactive_conversation_refs.locale)`,
      [norm(aadObjectId), JSON.stringify(ref), now.toISOString(), locale],
    );
  }

  /** The usable (not stale) reference of `aadObjectId`, or undefined. */
  async get(aadObjectId: string): Promise<StoredReference | undefined> {
    const row = await this.find(aadObjectId);
    return row && row.staleSince === null ? row : undefined;
  }

  /** The stored row, stale or not (diagnostics and tests). */
  async find(aadObjectId: string): Promise<StoredReference | undefined> {
    const row = await this.lokaal.een<Row>(
      `SELECT aad_object_id, reference, updated_at, stale_since, locale FROM proactive_conversation_refs WHERE aad_object_id = ?`,
      [norm(aadObjectId)],
    );
    return row ? toStored(row) : undefined;
  }

  /** Mark the reference stale (Teams answered 403/404); it is not used again until the person writes again. */
  async markStale(aadObjectId: string, now: Date = new Date()): Promise<void> {
    await this.lokaal.voerUit(`UPDATE proactive_conversation_refs SET stale_since = ? WHERE aad_object_id = ? AND stale_since IS NULL`, [
      now.toISOString(),
      norm(aadObjectId),
    ]);
  }

  /** Every stored reference (for diagnostics). */
  async list(): Promise<StoredReference[]> {
    return (
      await this.lokaal.alle<Row>(
        `SELECT aad_object_id, reference, updated_at, stale_since, locale FROM proactive_conversation_refs ORDER BY aad_object_id`,
      )
    ).map(toStored);
  }
}
