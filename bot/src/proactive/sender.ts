import type { Reply } from '../features/feature';
import { toLocale, type Locale } from '@shared/i18n';
import type { LokaleStaat } from '@shared/store';
import { ConversationReferenceStore, type ConversationReferenceJson } from './conversation-refs';

/**
 * Proactive messages (the bot writes first: Wbk reminders, the half-yearly uitvraag, VPT notifications,
 * ambtseed invitations) with two guarantees the issue asks for:
 * 1. **Never twice.** Every send carries a dedupe key (e.g. `wbk:2026-03-02:<oid>`). Before sending, the key is
 *    claimed in the table `proactive_sent` (local state: the SQLite file, or the shared PostgreSQL database with
 *    STORE=postgres, so across instances too); a key that is already claimed is
 *    not sent again, also after a restart. Semantics are *at most once*: when the process dies between the claim
 *    and Teams' answer, the message counts as sent (a reminder missed once beats a reminder sent twice). A
 *    transient failure (5xx, network) releases the claim so the next job run tries again.
 * 2. **No endless retries to people who removed the app.** A 403 or 404 from Teams marks the person's
 *    conversation reference stale (see `ConversationReferenceStore`); later sends report `geenReferentie`
 *    without calling Teams until the person talks to the bot again.
 *
 * Features and jobs depend only on the `ProactiveSender` interface. The SDK part, botbuilder's
 * `adapter.continueConversationAsync(appId, reference, logic)`, is injected by the host as a `ProactiveTransport`
 * (see `bot/src/proactive/index.ts` for the wiring the host needs).
 */

/**
 * The SDK-facing half, implemented by the host (bot/src/bot.ts or server.ts) with botbuilder:
 * continue the conversation `reference` and send `replies` in order (text → message, card → Adaptive Card
 * attachment). It must reject with an error carrying the HTTP status (`statusCode`, as botbuilder's
 * RestError does, or `status`) when Teams refuses.
 */
export interface ProactiveTransport {
  continueConversation(reference: ConversationReferenceJson, replies: Reply[]): Promise<void>;
}

/** Outcome of one proactive send. */
export type SendStatus =
  /** Delivered to Teams now. */
  | 'verzonden'
  /** The dedupe key was already used (sent before, also before a restart): nothing sent. */
  | 'alVerzonden'
  /** We have no usable conversation reference for this person (never talked to the bot, or stale). */
  | 'geenReferentie'
  /** Teams answered 403/404 now: the reference is marked stale. */
  | 'verouderd'
  /** A transient error (5xx, network); the key is released so a later run can retry. */
  | 'mislukt';

/** What features and jobs use to write first. */
export interface ProactiveSender {
  /**
   * Send `replies` to the personal chat of the person with Entra object id `aadObjectId`, once per `dedupeKey`.
   * @param dedupeKey stable key of this message (`<kind>:<period or item id>:<oid>`), max 200 characters.
   * @returns the outcome; never throws for Teams errors (they are mapped to a status and logged without content).
   */
  send(aadObjectId: string, replies: Reply[], dedupeKey: string): Promise<SendStatus>;
  /** True when a usable conversation reference exists for this person (jobs report unreachable people). */
  canReach(aadObjectId: string): Promise<boolean>;
  /** True when `dedupeKey` was sent (or claimed) before, by any instance. */
  wasSent(dedupeKey: string): Promise<boolean>;
  /**
   * The person's language for proactive cards (`nl` or `en`, from their Teams locale at their last message), or
   * undefined when unknown. Optional so that simple fakes need not implement it; callers default to `nl`.
   */
  localeVan?(aadObjectId: string): Promise<Locale | undefined>;
}

/**
 * Send a message written in the recipient's language: `bouw` gets the recipient's locale (their Teams locale at
 * their last message, kept with their conversation reference: no personal data), or `standaard` when unknown
 * (`nl`, the organisation's language, for someone who never wrote to the bot). Use this for every proactive
 * message, so a message someone else's action triggers (HR cancels a session, a coordinator's deadline job)
 * reaches each person in their own language, never in the language of whoever acted.
 * @returns the send status, as `ProactiveSender.send`.
 */
export async function verstuurInEigenTaal(
  sender: ProactiveSender,
  aadObjectId: string,
  bouw: (locale: Locale) => Reply[],
  dedupeKey: string,
  standaard: Locale = 'nl',
): Promise<SendStatus> {
  return sender.send(aadObjectId, bouw((await sender.localeVan?.(aadObjectId)) ?? standaard), dedupeKey);
}

/** Minimal logger shape (pino child); log ids and statuses only. */
export interface ProactiveLog {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
  /** Per-message detail the callers also count in their run summary (pino's debug; absent: info). */
  debug?(o: object, msg?: string): void;
}

/** The HTTP status of an SDK error (`statusCode`, `status`, or `response.status`), if any. */
export function httpStatusOf(err: unknown): number | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  for (const v of [e.statusCode, e.status, e.response?.status]) if (typeof v === 'number') return v;
  return undefined;
}

/**
 * The `ProactiveSender` over the local state and an injected transport.
 * @param opts.lokaal the local state: the tables `proactive_sent` and `proactive_conversation_refs` (SQLite file, or with
 *   STORE=postgres the database every instance shares, so a key claimed on one instance is seen by all of them).
 * @param opts.transport the host's SDK call; without it every send returns `mislukt` and claims no key.
 */
export function createProactiveSender(opts: {
  lokaal: LokaleStaat;
  transport?: ProactiveTransport;
  log?: ProactiveLog;
  clock?: () => Date;
  refs?: ConversationReferenceStore;
}): ProactiveSender & { refs: ConversationReferenceStore } {
  const { lokaal, transport } = opts;
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? { info: () => undefined, warn: () => undefined };
  const refs = opts.refs ?? new ConversationReferenceStore(lokaal);
  const claim = (key: string, oid: string) =>
    lokaal.voerUit(
      `INSERT INTO proactive_sent (dedupe_key, aad_object_id, status, claimed_at) VALUES (?, ?, 'bezig', ?) ON CONFLICT (dedupe_key) DO NOTHING`,
      [key, oid.trim().toLowerCase(), clock().toISOString()],
    );
  const done = (key: string) =>
    lokaal.voerUit(`UPDATE proactive_sent SET status = 'verzonden', sent_at = ? WHERE dedupe_key = ?`, [clock().toISOString(), key]);
  const release = (key: string) => lokaal.voerUit(`DELETE FROM proactive_sent WHERE dedupe_key = ? AND status = 'bezig'`, [key]);
  const seen = async (key: string) => (await lokaal.een(`SELECT 1 AS x FROM proactive_sent WHERE dedupe_key = ?`, [key])) !== undefined;

  return {
    refs,
    canReach: async (aadObjectId) => (await refs.get(aadObjectId)) !== undefined,
    localeVan: async (aadObjectId) => {
      const l = (await refs.find(aadObjectId))?.locale;
      return l ? toLocale(l) : undefined;
    },
    wasSent: seen,
    async send(aadObjectId, replies, dedupeKey) {
      if (!dedupeKey || dedupeKey.length > 200) throw new Error('dedupeKey ontbreekt of is langer dan 200 tekens');
      if (await seen(dedupeKey)) return 'alVerzonden';
      const stored = await refs.get(aadObjectId);
      if (!stored) {
        // Expected for everyone who never opened the bot (the demo data: dozens at start-up); the jobs count these
        // in their summary and HR sees them in the overview, so one line each only at debug level.
        (log.debug ?? log.info).call(
          log,
          { dedupeKey, status: 'geenReferentie' },
          'proactief bericht niet verzonden: geen gespreksreferentie',
        );
        return 'geenReferentie';
      }
      if (!transport) {
        log.warn({ dedupeKey }, 'proactief bericht niet verzonden: geen transport gekoppeld door de host');
        return 'mislukt';
      }
      // Claim first: another instance, a second process or a restart sees the claim and does not send again.
      if ((await claim(dedupeKey, aadObjectId)) === 0) return 'alVerzonden';
      try {
        await transport.continueConversation(stored.reference, replies);
        await done(dedupeKey);
        log.info({ dedupeKey, status: 'verzonden' }, 'proactief bericht verzonden');
        return 'verzonden';
      } catch (err) {
        await release(dedupeKey);
        const status = httpStatusOf(err);
        if (status === 403 || status === 404) {
          await refs.markStale(aadObjectId, clock());
          log.warn({ dedupeKey, httpStatus: status }, 'gespreksreferentie verouderd (app verwijderd of gesprek weg)');
          return 'verouderd';
        }
        log.warn({ dedupeKey, httpStatus: status ?? null }, 'proactief bericht mislukt; volgende run probeert opnieuw');
        return 'mislukt';
      }
    },
  };
}
