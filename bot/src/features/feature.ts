import type { Locale } from '@shared/i18n';
import type { OrgConfig, Rol } from '@shared/config';
import type { NaamBron } from '@shared/graph/gebruikers';
import type { ListStore, LokaleStaat } from '@shared/store';
import type { ProactiveSender } from '../proactive/sender';
import type { Agenda } from './ambtseed/uitnodiging-graph';

/**
 * The contract between the bot's dispatcher (`bot/src/bot.ts`, the only place that knows botbuilder)
 * and its features (`bot/src/features/<feature>/`). Features never import the SDK: they receive a plain
 * `TurnInput` and return `Reply` values, so a switch to the Microsoft 365 Agents SDK stays small.
 * Features are written as route tables with `defineFeature` (`./kit.ts`), which implements `onSubmit` and
 * `onCommand` for them.
 */

/** Who is talking and where. `userId` is the Entra object id (aadObjectId) when Teams gives it. */
export interface TurnUser {
  /** Channel account id (Teams `29:…`); used only to address replies, never stored in lists. */
  channelId: string;
  /** Entra object id; used for roles and HR administration, never stored in case lists. */
  aadObjectId?: string;
  /**
   * Roles, computed once per turn by the dispatcher (`bot/src/bot.ts`) from the organisation config (`rollen`).
   * Nothing in card data can add a role; features and the kit only read this.
   */
  rollen: Rol[];
}

/** One incoming turn, already cleaned: @mention removed, card submit data parsed as unknown. */
export interface TurnInput {
  kind: 'message' | 'submit' | 'install';
  /** Free text (message turns). Never log or store it. */
  text?: string;
  /**
   * `Action.Submit` data (submit turns), without what Teams adds (`msteams`); validated with zod by the route's
   * `invoer` schema (`features/kit.ts`) before any handler sees it.
   */
  data?: unknown;
  /** `data.action` when it is a string, read once by the dispatcher (`leesSubmit` in `features/kit.ts`). */
  action?: string;
  user: TurnUser;
  conversation: { id: string; type: 'personal' | 'groupChat' | 'channel' };
  locale: Locale;
  /** Injectable clock. */
  now: Date;
}

/**
 * What a feature answers: text and/or an Adaptive Card 1.5 (JSON), in order. `vervangKaart` replaces the card whose
 * button started this submit (Teams gives its id as the activity's `replyToId`) with `card`, typically a read-only
 * summary, so a submitted form no longer looks editable; the dispatcher does it with the turn's `updateActivity`.
 * Without a card to replace (a typed command, a proactive send) it is left out.
 */
export type Reply =
  | { type: 'text'; text: string }
  | { type: 'card'; card: Record<string, unknown> }
  | { type: 'vervangKaart'; card: Record<string, unknown> };

/** pino-style logger (pino's `Logger` satisfies it); log ids and zod paths, never message text or identities. */
export interface FeatureLog {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
}

/**
 * Everything a feature uses, handed in by the host (`bot/src/host/app.ts` builds it once; tests build their own).
 * Features find nothing themselves: no module globals, no environment reads, no probing of the store's class.
 */
export interface BotServices {
  /** The list store (SharePoint lists or SQLite), the single source for the report. */
  store: ListStore;
  config: OrgConfig;
  /**
   * The local state (card claims, uitvraag cycles, job runs, calendar event ids, conversation references), also
   * with `STORE=graph`: the one migrated handle of the process (`shared/src/store/lokaal.ts`).
   */
  lokaal: LokaleStaat;
  /** Proactive messages (the bot writes first); absent when the host has none (then nobody is told). */
  proactive?: ProactiveSender;
  /** Calendar invitations through Graph; absent when Graph is not configured (then .ics links). */
  agenda?: Agenda;
  /**
   * Display names by Entra object id, looked up at run time and never stored (`shared/src/graph/gebruikers.ts`):
   * Graph with `User.ReadBasic.All`, or the Playground's mock users in local mode; absent → codes with a notice.
   */
  namen?: NaamBron;
  /** Base URL of this bot for download links (`BOT_PUBLIC_URL`, default `http://localhost:<BOT_PORT>`). */
  publicUrl: string;
  /** Child logger of the one root logger, bound to the feature. */
  log: FeatureLog;
  clock: () => Date;
}

/**
 * A bot feature. The dispatcher routes a submit whose `data.action` starts with one of `actions`
 * (e.g. `meldwijzer.`) to `onSubmit`, a message that matches one of `commands` to `onCommand`,
 * and free text that nobody claims to the meldwijzer's triage (the catch-all, last).
 */
export interface Feature {
  id: string;
  /** Prefixes of `data.action` values this feature owns, e.g. `['intake.']`. */
  actions: string[];
  /** Typed commands (lower case, Dutch and English), e.g. `['gesprek vastleggen', 'log conversation']`. */
  commands: string[];
  onSubmit: (input: TurnInput, services: BotServices) => Promise<Reply[]>;
  onCommand?: (command: string, input: TurnInput, services: BotServices) => Promise<Reply[]>;
  /** Welcome on install (conversationUpdate / installationUpdate in a 1:1 chat). Only the meldwijzer has one. */
  onInstall?: (input: TurnInput, services: BotServices) => Promise<Reply[]>;
  /** Free text nobody claimed (the catch-all, last). Only the meldwijzer's triage has one. */
  onFreeText?: (input: TurnInput, services: BotServices) => Promise<Reply[]>;
  /**
   * Answer to a card submit that no feature could use (unknown action prefix, not an object): a short Dutch
   * message and the main menu. Only the meldwijzer has one.
   */
  onInvalidSubmit?: (input: TurnInput, services: BotServices) => Promise<Reply[]>;
}
