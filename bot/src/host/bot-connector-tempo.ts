/**
 * Proactive sends paced to the Bot Connector's limits (Microsoft Teams "Rate limiting for bots"):
 * at most 50 requests per second per app per tenant and 7 per second per conversation, each over a
 * rolling second (shared/src/tempo/rollend-budget.ts). Answers 429 (throttled), 412 (precondition failed:
 * a concurrent operation on the conversation), 502 and 504 are retried with exponential backoff and full
 * jitter (so many instances that were throttled together do not retry together), honouring Retry-After.
 * Other errors (403/404: app removed) go straight back to the sender, which marks the reference stale.
 *
 * One `continueConversation` call is one request per reply; a retry repeats the whole call, so a
 * multi-reply message can repeat its first replies after a failure halfway — proactive messages here are
 * one card, which makes the retry exact.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { BudgetPerSleutel, neemSamen, RollendBudget, type BudgetKlok } from '@shared/tempo/rollend-budget';
import { httpStatusOf, type ProactiveTransport } from '../proactive/sender';

/** Options of `gepastTransport`. Defaults are the Bot Connector's published limits. */
export interface ConnectorTempoOpties {
  /** Requests per second per app per tenant (default 50). */
  perSeconde?: number;
  /** Requests per second per conversation (default 7). */
  perGesprekPerSeconde?: number;
  /** Attempts per send, the first included (default 6). */
  pogingen?: number;
  /** First backoff (ms; default 500, doubling, capped at `maxWachtMs`, default 30,000). */
  basisMs?: number;
  maxWachtMs?: number;
  /** Added to each one-second window (ms; default 50): a request leaves a little after it is paced, and Teams counts arrivals. */
  margeMs?: number;
  klok?: BudgetKlok;
  random?: () => number;
}

/** HTTP statuses worth retrying for a Bot Connector call. */
export const CONNECTOR_OPNIEUW = new Set([429, 412, 502, 504]);

/** Retry-After of a botbuilder/REST error in ms, if the error carries one. */
function retryAfterMs(err: unknown): number | undefined {
  const h = (err as { response?: { headers?: { get?: (n: string) => string | null | undefined } | Record<string, string> } })?.response
    ?.headers;
  const raw =
    typeof (h as { get?: unknown })?.get === 'function'
      ? (h as { get: (n: string) => string | null | undefined }).get('retry-after')
      : (h as Record<string, string> | undefined)?.['retry-after'];
  if (!raw) return undefined;
  const s = Number(raw);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const d = Date.parse(raw);
  return Number.isNaN(d) ? undefined : Math.max(0, d - Date.now());
}

/**
 * `transport` paced and retried as described in the module doc.
 * @returns a ProactiveTransport with the same contract (rejects with the last error after the retries).
 */
export function gepastTransport(
  transport: ProactiveTransport,
  opts: ConnectorTempoOpties = {},
): ProactiveTransport & { readonly stats: { verzoeken: number; herhaald: number } } {
  const klok = opts.klok;
  const seconde = 1000 + (opts.margeMs ?? 50);
  const app = new RollendBudget([{ eenheden: opts.perSeconde ?? 50, perMs: seconde }], klok);
  const gesprek = new BudgetPerSleutel([{ eenheden: opts.perGesprekPerSeconde ?? 7, perMs: seconde }], klok);
  const pogingen = opts.pogingen ?? 6;
  const basis = opts.basisMs ?? 500;
  const max = opts.maxWachtMs ?? 30_000;
  const random = opts.random ?? Math.random;
  const slaap = klok ? (ms: number) => klok.slaap(ms) : (ms: number) => sleep(ms);
  const stats = { verzoeken: 0, herhaald: 0 };
  // Sends to one conversation keep their order; different conversations only share the app budget.
  const ketens = new Map<string, Promise<unknown>>();
  const beurt = (gesprekId: string, units: number): Promise<unknown> => {
    const vorige = ketens.get(gesprekId) ?? Promise.resolve();
    const deze = vorige.then(() =>
      neemSamen(
        [
          { budget: gesprek.budget(gesprekId), eenheden: units },
          { budget: app, eenheden: units },
        ],
        klok,
      ),
    );
    const rust = deze.catch(() => undefined);
    ketens.set(gesprekId, rust);
    void rust.then(() => ketens.get(gesprekId) === rust && ketens.delete(gesprekId));
    return deze;
  };
  return {
    stats,
    async continueConversation(reference, replies) {
      const units = Math.max(1, replies.length);
      for (let poging = 1; ; poging++) {
        await beurt(reference.conversation.id, units);
        stats.verzoeken += units;
        try {
          await transport.continueConversation(reference, replies);
          return;
        } catch (err) {
          const status = httpStatusOf(err);
          if (status === undefined || !CONNECTOR_OPNIEUW.has(status) || poging >= pogingen) throw err;
          stats.herhaald++;
          const backoff = random() * Math.min(max, basis * 2 ** (poging - 1)); // full jitter
          await slaap(Math.min(max, Math.max(backoff, retryAfterMs(err) ?? 0)));
        }
      }
    },
  };
}
