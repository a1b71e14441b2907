import type { Locale } from '@shared/i18n';
import type { OrgConfig, Rol } from '@shared/config';
import type { ListStore } from '@shared/store';

/**
 * The contract between the bot's dispatcher (`bot/src/bot.ts`, the only place that knows botbuilder)
 * and its features (`bot/src/features/<feature>/`). Features never import the SDK: they receive a plain
 * `TurnInput` and return `Reply` values, so a switch to the Microsoft 365 Agents SDK stays small.
 */

/** Who is talking and where. `userId` is the Entra object id (aadObjectId) when Teams gives it. */
export interface TurnUser {
  /** Channel account id (Teams `29:…`); used only to address replies, never stored in lists. */
  channelId: string;
  /** Entra object id; used for roles and HR administration, never stored in case lists. */
  aadObjectId?: string;
  /** Roles from the organisation config (`rollen`). */
  rollen: Rol[];
}

/** One incoming turn, already cleaned: @mention removed, card submit data parsed as unknown. */
export interface TurnInput {
  kind: 'message' | 'submit' | 'install';
  /** Free text (message turns). Never log or store it. */
  text?: string;
  /** `Action.Submit` data (submit turns), to be validated by the feature with zod. */
  data?: unknown;
  user: TurnUser;
  conversation: { id: string; type: 'personal' | 'groupChat' | 'channel' };
  locale: Locale;
  /** Injectable clock. */
  now: Date;
}

/** What a feature answers: text and/or an Adaptive Card 1.5 (JSON), in order. */
export type Reply = { type: 'text'; text: string } | { type: 'card'; card: Record<string, unknown> };

/** Shared services handed to features. */
export interface BotServices {
  store: ListStore;
  config: OrgConfig;
  /** pino-style child logger; log ids and zod paths, never message text or identities. */
  log: { info(o: object, msg?: string): void; warn(o: object, msg?: string): void; error(o: object, msg?: string): void };
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
  onSubmit(input: TurnInput, services: BotServices): Promise<Reply[]>;
  onCommand?(command: string, input: TurnInput, services: BotServices): Promise<Reply[]>;
  /** Welcome on install (conversationUpdate / installationUpdate in a 1:1 chat). Only the meldwijzer has one. */
  onInstall?(input: TurnInput, services: BotServices): Promise<Reply[]>;
  /** Free text nobody claimed (the catch-all, last). Only the meldwijzer's triage has one. */
  onFreeText?(input: TurnInput, services: BotServices): Promise<Reply[]>;
  /**
   * Answer to a card submit that no feature could use (unknown action prefix, not an object): a short Dutch
   * message and the main menu. Only the meldwijzer has one.
   */
  onInvalidSubmit?(input: TurnInput, services: BotServices): Promise<Reply[]>;
}
