import { ActivityHandler, ActivityTypes, CardFactory, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { OrgConfig } from '@shared/config';
import { formatPath } from '@shared/config';
import { rollenVan } from '@shared/domain/rollen';
import { t, toLocale } from '@shared/i18n';
import type { NaamBron } from '@shared/graph/gebruikers';
import type { ListStore, LokaleStaat } from '@shared/store';
import type { BotServices, Feature, Reply, TurnInput } from './features/feature';
import { FEATURES } from './features';
import { leesSubmit } from './features/kit';
import { herkenCommando } from './features/commando-herkenning';
import { groepUitnodiging } from './features/meldwijzer';
import type { Agenda } from './features/ambtseed/uitnodiging-graph';
import type { ProactiveSender } from './proactive';

/**
 * The dispatcher (docs/conventions.md "Style" 1: "bot/src/bot.ts dispatches; features decide"). The only file besides
 * bot/src/host/ that imports botbuilder. Per turn, Teams hygiene first:
 *   1. claim the turn (conversation + activity id) with a lease in the local state (`LokaleStaat.claimBeurt`): a
 *      redelivery while another delivery runs it is not run (`bezig`; the host answers 503 with Retry-After), one
 *      after it finished within 10 minutes is ignored (`klaar`, no reply; also after a restart, and with
 *      STORE=postgres on any instance), and one whose claimer died mid-turn is run once its lease expired;
 *   2. strip the bot's own @mention before reading text;
 *   3. in a group chat or channel, answer only with an invitation to continue 1:1 (never read the text).
 * Then, in order: card submits by `data.action` prefix → the owning feature; typed commands → the feature
 * that lists them; a command in the employee's own words (`features/commando-herkenning.ts`) → that feature; free
 * text nobody claimed → the meldwijzer's triage (the catch-all, last).
 * A submit is read once (`leesSubmit`: its action, its data without Teams' own fields) and the caller's roles are
 * computed once (`rollenVan`, from the config) per turn; features built with `features/kit.ts` check both.
 * Logs hold event names, feature ids and zod issue paths — never message text or identities.
 */

/** Minimal pino-compatible logger (pino's `Logger` satisfies it). */
export interface BotLogger {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
  child(bindings: object): BotLogger;
}

export interface IntegriteitsBotOptions {
  config: OrgConfig;
  store: ListStore;
  /** The local state (see `BotServices.lokaal`). */
  lokaal: LokaleStaat;
  /** The root logger; every feature gets `log.child({ feature })`. */
  log: BotLogger;
  clock?: () => Date;
  features?: Feature[];
  proactive?: ProactiveSender;
  agenda?: Agenda;
  /** Display names at run time (`BotServices.namen`). */
  namen?: NaamBron;
  /** Base URL for download links (default `http://localhost:3978`). */
  publicUrl?: string;
  /** Called for every personal-chat turn with an Entra id (e.g. to save a conversation reference). */
  onPersonalActivity?: (aadObjectId: string, activity: Partial<Activity>) => void | Promise<void>;
  /** Lease of a running turn in ms (default {@link BEURT_LEASE_MS}). */
  beurtLeaseMs?: number;
}

/**
 * How long a seen activity id is remembered (ms). Teams redelivers an activity whose turn took longer than about
 * 15 s, within seconds to a few minutes; the ids live in the local state (table `lokaal_eenmalig`) so a restart
 * between the delivery and the redelivery does not run the turn twice.
 */
export const DEDUPE_MS = 10 * 60 * 1000;
/** The key kind of seen activity ids in `lokaal_eenmalig`. */
export const ACTIVITEIT_SOORT = 'activiteit';
/**
 * Lease of a running turn (ms; `BOT_BEURT_LEASE_MS`, default 30 s), renewed every third of it while the turn runs.
 * A redelivery of a turn whose instance died is run at the latest this long after the instance's last renewal.
 */
export const BEURT_LEASE_MS = 30_000;

/**
 * How one delivery of an activity was handled (`IntegriteitsBot.beurt`): `verwerkt` (the turn ran here),
 * `herhaald` (the turn already ran: ignored, no reply) or `bezig` with the ms until the running delivery's lease
 * ends unless renewed (not run here; the channel should deliver it again later).
 */
export type BeurtUitkomst = { soort: 'verwerkt' } | { soort: 'herhaald' } | { soort: 'bezig'; nogMs: number };
const DEDUPE_MAX = 10_000;
/** A welcome is sent at most once per conversation in this window (Teams sends conversationUpdate and installationUpdate). */
const WELKOM_MS = 60 * 1000;

type ConversationType = TurnInput['conversation']['type'];

export class IntegriteitsBot extends ActivityHandler {
  private readonly features: Feature[];
  private readonly services = new Map<string, BotServices>();
  private readonly welkom = new Map<string, number>();
  private readonly clock: () => Date;
  private readonly log: BotLogger;

  constructor(private readonly opts: IntegriteitsBotOptions) {
    super();
    this.features = opts.features ?? FEATURES;
    this.clock = opts.clock ?? (() => new Date());
    this.log = opts.log;
    for (const f of this.features) {
      this.services.set(f.id, {
        store: opts.store,
        config: opts.config,
        lokaal: opts.lokaal,
        proactive: opts.proactive,
        agenda: opts.agenda,
        namen: opts.namen,
        publicUrl: opts.publicUrl ?? 'http://localhost:3978',
        log: opts.log.child({ feature: f.id }),
        clock: this.clock,
      });
    }

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) await this.handleInstall(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.handleInstall(context);
      await next();
    });
  }

  /** Hygiene step 1 (redeliveries), then botbuilder's ActivityHandler routing. */
  async run(context: TurnContext): Promise<void> {
    await this.beurt(context);
  }

  /**
   * Run one delivery of an activity under its turn lease (hygiene step 1; see the module doc): claim
   * `<conversation id>|<activity id>`, renew the lease every third of it while the turn runs, mark it done for
   * {@link DEDUPE_MS} at the end, give it back when the turn threw (then the next delivery runs it).
   * An activity without id or conversation runs without a lease.
   * @returns how the delivery was handled; @throws what the turn throws (the adapter's onTurnError answers it).
   */
  async beurt(context: TurnContext): Promise<BeurtUitkomst> {
    const a = context.activity;
    if (!a.id || !a.conversation?.id) {
      await super.run(context);
      return { soort: 'verwerkt' };
    }
    const lokaal = this.opts.lokaal;
    const sleutel = `${a.conversation.id}|${a.id}`;
    const leaseMs = this.opts.beurtLeaseMs ?? BEURT_LEASE_MS;
    const claim = await lokaal.claimBeurt(sleutel, leaseMs);
    if (claim.soort === 'klaar') {
      this.log.info({ event: 'activiteit.herhaald', type: a.type }, 'herhaalde activiteit genegeerd');
      return { soort: 'herhaald' };
    }
    if (claim.soort === 'bezig') {
      this.log.info({ event: 'activiteit.bezig', type: a.type }, 'activiteit wordt elders al verwerkt');
      return claim;
    }
    const verleng = setInterval(
      () => {
        lokaal.verlengBeurt(sleutel, leaseMs).catch((err: Error) => {
          this.log.warn({ event: 'beurt.verlengen.mislukt', err: err.name }, 'lease van de beurt niet verlengd');
        });
      },
      Math.max(100, Math.floor(leaseMs / 3)),
    );
    verleng.unref();
    try {
      await super.run(context);
    } catch (err) {
      clearInterval(verleng);
      await lokaal.beurtVrijgeven(sleutel).catch(() => undefined);
      throw err;
    }
    clearInterval(verleng);
    await lokaal.beurtKlaar(sleutel, DEDUPE_MS);
    return { soort: 'verwerkt' };
  }

  private service(f: Feature): BotServices {
    return this.services.get(f.id)!;
  }

  private get meldwijzer(): Feature {
    return this.features.find((f) => f.id === 'meldwijzer') ?? this.features[0];
  }

  private input(context: TurnContext, kind: TurnInput['kind'], extra: { text?: string; data?: unknown; action?: string } = {}): TurnInput {
    const a = context.activity;
    const aad = a.from?.aadObjectId;
    return {
      kind,
      ...extra,
      user: { channelId: a.from?.id ?? '', aadObjectId: aad, rollen: rollenVan(this.opts.config.rollen, { aadObjectId: aad }) },
      conversation: { id: a.conversation?.id ?? '', type: conversationType(a) },
      locale: toLocale(a.locale),
      now: this.clock(),
    };
  }

  private async handleInstall(context: TurnContext): Promise<void> {
    const a = context.activity;
    const locale = toLocale(a.locale);
    const conv = a.conversation?.id ?? '';
    const now = Date.now();
    if (now - (this.welkom.get(conv) ?? 0) < WELKOM_MS) return;
    this.welkom.set(conv, now);
    if (this.welkom.size > DEDUPE_MAX) this.welkom.clear();
    if (conversationType(a) !== 'personal') {
      await send(context, groepUitnodiging(locale, chatUrl(a)));
      return;
    }
    await this.notePersonal(a);
    const f = this.features.find((x) => x.onInstall) ?? this.meldwijzer;
    if (f.onInstall) await send(context, await f.onInstall(this.input(context, 'install'), this.service(f)));
  }

  private async notePersonal(a: Partial<Activity>): Promise<void> {
    if (this.opts.onPersonalActivity && a.from?.aadObjectId) {
      try {
        await this.opts.onPersonalActivity(a.from.aadObjectId, a);
      } catch (err) {
        this.log.warn({ event: 'referentie.fout', err: (err as Error).name }, 'gespreksreferentie niet bewaard');
      }
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const a = context.activity;
    const locale = toLocale(a.locale);
    // Hygiene step 3: nothing about integrity in a group; do not even read the text.
    if (conversationType(a) !== 'personal') {
      this.log.info({ event: 'groep.uitnodiging' }, 'groepsgesprek: uitnodiging voor 1-op-1');
      await send(context, groepUitnodiging(locale, chatUrl(a)));
      return;
    }
    await this.notePersonal(a);
    const value: unknown = a.value;
    if (value !== undefined && value !== null) {
      await send(context, await this.dispatchSubmit(context, value), this.log);
      return;
    }
    // Hygiene step 2: strip our own @mention.
    const raw = (TurnContext.removeRecipientMention(a) ?? a.text ?? '').trim();
    const command = raw
      .toLowerCase()
      .replace(/[.!?\s]+$/g, '')
      .replace(/\s+/g, ' ');
    // Specific routes first: typed commands.
    const byCommand = this.features.find((f) => f.onCommand && f.commands.includes(command));
    if (byCommand) {
      this.log.info({ event: 'commando', doel: byCommand.id }, 'commando');
      await send(context, await byCommand.onCommand!(command, this.input(context, 'message', { text: raw }), this.service(byCommand)));
      return;
    }
    // Then a command in the employee's own words ("ik wil de eed afleggen"); conduct stays with the triage.
    const herkend = byCommand ? undefined : herkenCommando(raw, this.features);
    if (herkend) {
      this.log.info({ event: 'commando.herkend', doel: herkend.feature.id }, 'commando herkend');
      const input = this.input(context, 'message', { text: raw });
      await send(context, await herkend.feature.onCommand!(herkend.commando, input, this.service(herkend.feature)));
      return;
    }
    // Catch-all, last: free text goes to the meldwijzer's triage.
    const f = this.features.find((x) => x.onFreeText) ?? this.meldwijzer;
    const replies =
      raw && f.onFreeText
        ? await f.onFreeText(this.input(context, 'message', { text: raw }), this.service(f))
        : await (f.onCommand?.('menu', this.input(context, 'message'), this.service(f)) ?? []);
    await send(context, replies);
  }

  private async dispatchSubmit(context: TurnContext, value: unknown): Promise<Reply[]> {
    const { action, data } = leesSubmit(value);
    const f = action ? this.features.find((x) => x.actions.some((p) => action.startsWith(p))) : undefined;
    const input = this.input(context, 'submit', { data, action });
    if (!f) {
      this.log.warn({ event: 'submit.onbekend', heeftActie: action !== undefined }, 'kaartactie zonder eigenaar');
      const m = this.meldwijzer;
      return m.onInvalidSubmit ? m.onInvalidSubmit(input, this.service(m)) : [];
    }
    this.log.info({ event: 'submit', doel: f.id }, 'kaartactie');
    return f.onSubmit(input, this.service(f));
  }
}

/** personal / groupChat / channel from the activity (Teams sets `conversation.conversationType`). */
export function conversationType(a: Partial<Activity>): ConversationType {
  const c = a.conversation?.conversationType;
  if (c === 'channel' || c === 'groupChat') return c;
  if (a.conversation?.isGroup) return 'groupChat';
  return 'personal';
}

/** Deep link that opens a 1:1 chat with the bot (its channel account id, `28:<appId>`). */
export function chatUrl(a: Partial<Activity>): string {
  const id = a.recipient?.id ?? '';
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(id.startsWith('28:') ? id : `28:${id}`)}`;
}

/** Send replies in order; a text directly followed by a card goes out as one activity (fewer round trips). */
export async function send(context: TurnContext, replies: Reply[], log?: BotLogger): Promise<void> {
  const out: Partial<Activity>[] = [];
  for (const r of replies) {
    if (r.type === 'vervangKaart') await vervangKaart(context, r.card, log);
    else if (r.type === 'text') out.push(MessageFactory.text(r.text));
    else {
      const prev = out[out.length - 1];
      const attachment = CardFactory.adaptiveCard(r.card);
      if (prev && prev.type === ActivityTypes.Message && !prev.attachments?.length) prev.attachments = [attachment];
      else out.push(MessageFactory.attachment(attachment));
    }
  }
  if (out.length) await context.sendActivities(out);
}

/**
 * Replace the card the submit came from (`activity.replyToId`) with `card` (`updateActivity`, Bot Framework's
 * PUT `/v3/conversations/{id}/activities/{activityId}`). No `replyToId`: nothing to replace. A failure (the message
 * is too old, the channel does not allow it) is logged with its status and does not fail the turn: the answer
 * itself still goes out.
 */
async function vervangKaart(context: TurnContext, card: Record<string, unknown>, log?: BotLogger): Promise<void> {
  const id = context.activity.replyToId;
  if (!id) return;
  try {
    await context.updateActivity({ type: ActivityTypes.Message, id, attachments: [CardFactory.adaptiveCard(card)] });
  } catch (err) {
    log?.warn({ event: 'kaart.vervangen.mislukt', status: (err as { statusCode?: number }).statusCode ?? null }, 'kaart niet vervangen');
  }
}

/**
 * `onTurnError`: log the error class and, for zod errors, only the issue paths (never text); tell the user
 * briefly in Dutch (or English) that something went wrong. Never rethrows to the channel.
 */
export function turnErrorHandler(log: BotLogger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const issues = (error as { issues?: { path: PropertyKey[] }[] }).issues;
    log.error(
      {
        event: 'turn.fout',
        err: error?.name ?? 'Error',
        ...(Array.isArray(issues) ? { paden: issues.map((i) => formatPath(i.path)) } : {}),
      },
      'fout in beurt',
    );
    try {
      await context.sendActivity(t(toLocale(context.activity.locale), 'fout.algemeen'));
    } catch {
      // The channel cannot be reached either; nothing more to do.
    }
  };
}
