import { z } from 'zod';
import { issueTeksten } from '@shared/lists/zod-nl';
import type { OrgConfig, Rol } from '@shared/config';
import { ROL_NAMEN } from '@shared/domain/rollen';
import { t, type Locale } from '@shared/i18n';
import type { BotServices, Feature, Reply, TurnInput } from './feature';

/**
 * The feature kit: one way to write a bot feature. A feature is a route table
 * `{ '<feature>.<actie>': { rol, invoer, run } }` plus its typed commands; `defineFeature` turns it into the
 * `Feature` the dispatcher (`bot/src/bot.ts`) calls. For every card submit and every command the kit, in order:
 *   1. looks the action up in the table (unknown → the feature's `onbekend` answer; by default "the card is
 *      outdated, type "menu" or the feature's start command", see `verouderdAntwoord`);
 *   2. checks `rol` against the caller's roles, which the dispatcher computed once for the turn
 *      (refused → the feature's `geweigerd` answer; nothing is read or written);
 *   3. parses the submit data with the route's zod schema `invoer` (bad input → the feature's `ongeldig`
 *      answer with the zod issues; the log gets the issue paths only, never values);
 *   4. calls `run(invoer, turn, services)` with the parsed, typed value. A `z.ZodError` thrown inside `run`
 *      also gets the `ongeldig` answer; other errors go to the feature's `fout` hook, else to the turn's error
 *      handler (`turnErrorHandler` in `bot/src/bot.ts`: a short Dutch message, never a crashed turn).
 * The model is Agents-for-js `app.onActivity` / `actionSubmit(verb, handler)` and teams.ts `app.on('card.action')`:
 * one verb, one handler; here the verb also carries who may use it and what its data must look like.
 * How to add an action: docs/bot-features.md.
 */

/** Who may run an action: everyone, anyone with one of the roles, or roles that depend on the organisation config. */
export type Toegang = 'iedereen' | readonly Rol[] | ((config: OrgConfig) => 'iedereen' | readonly Rol[]);

/**
 * One route: the roles that may use it, the zod schema of its submit data, and the handler.
 * @typeParam S the zod schema; `run` receives its output type (`z.output<S>`).
 */
export interface Actie<S extends z.ZodType = z.ZodType> {
  rol: Toegang;
  /** Schema of `Action.Submit` data (`{ action, ... }`); a typed command is parsed as `{ action }`. */
  invoer: S;
  run(invoer: z.output<S>, turn: TurnInput, services: BotServices): Promise<Reply[]>;
  /** i18n key of the action's readable name, for refusal messages ("Niet toegestaan: "Gesprek vastleggen" …"). */
  naam?: string;
  /** Reachable by a typed command only (e.g. the meldwijzer's help text), not by a card submit. */
  alleenCommando?: boolean;
}

/** Identity function that makes TypeScript infer `run`'s parameter type from `invoer`. */
export function actie<S extends z.ZodType>(a: Actie<S>): Actie<S> {
  return a;
}

/** A feature's route table: action name (`<feature>.<verb>`) → route. */
export type RouteTabel = Record<string, Actie>;

/** The answers a feature gives when the kit stops a turn; each has a default (below). */
export interface KitAntwoorden {
  /**
   * The action is not in the table (a forged or outdated card). Default: `fout.kaartVerouderd` (the card is outdated
   * or no longer valid, nothing was saved, type "menu" or the feature's start command), see `verouderdAntwoord`.
   */
  onbekend(turn: TurnInput, services: BotServices, action: string | undefined): Reply[];
  /** The caller lacks the role. `nodig` is the resolved role list. Default: `fout.nietToegestaan` with the role names. */
  geweigerd(turn: TurnInput, services: BotServices, nodig: readonly Rol[], route: Actie, action: string): Reply[];
  /** The submit data failed `invoer` (or `run` threw a ZodError). Default: `fout.ongeldigeInvoer` with path: message lines. */
  ongeldig(turn: TurnInput, services: BotServices, fout: z.ZodError, action: string): Reply[];
  /** A domain error thrown by `run` (e.g. a refused booking) as replies; `undefined` rethrows. Default: rethrow. */
  fout(err: unknown, turn: TurnInput, services: BotServices, action: string): Reply[] | undefined;
}

/** What a feature declares. */
export interface FeatureDefinitie {
  id: string;
  /** Every action of the feature; names start with `<id>.`. */
  routes: RouteTabel;
  /** Typed commands (lower case, Dutch and English) → action name in `routes`. */
  commands?: Record<string, string>;
  /**
   * The typed command that starts the feature again, per language, named in the default `onbekend` answer. Each must
   * be one of `commands`. Default: the first of `commands`, in both languages.
   */
  startCommando?: Readonly<Record<Locale, string>>;
  antwoorden?: Partial<KitAntwoorden>;
  onInstall?: Feature['onInstall'];
  onFreeText?: Feature['onFreeText'];
  onInvalidSubmit?: Feature['onInvalidSubmit'];
}

/** A text reply. */
export const tekst = (s: string): Reply => ({ type: 'text', text: s });
/** A card reply (Adaptive Card 1.5 JSON). */
export const kaart = (c: Record<string, unknown>): Reply => ({ type: 'card', card: c });

/** The schema of routes without submit data of their own (menus, "start" buttons, commands): any object with an action. */
export const geenInvoer = z.looseObject({ action: z.string() });

/** The zod issue paths as log values (`'(data)'` for the root), never the values themselves. */
export function issuePaden(fout: z.ZodError): string[] {
  return fout.issues.map((i) => i.path.map(String).join('.') || '(data)');
}

/**
 * A card submit's action and data, read once per turn by the dispatcher: `action` when `data.action` is a
 * string, and the data without what Teams adds itself (`msteams`), so strict schemas see only the card's fields.
 */
export function leesSubmit(value: unknown): { action: string | undefined; data: unknown } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { action: undefined, data: value };
  const { msteams: _teams, ...data } = value as Record<string, unknown>;
  return { action: typeof data.action === 'string' ? data.action : undefined, data };
}

/** The roles `toegang` needs under `config`, or `'iedereen'`. */
export function nodigeRollen(toegang: Toegang, config: OrgConfig): 'iedereen' | readonly Rol[] {
  return typeof toegang === 'function' ? toegang(config) : toegang;
}

/** True when someone with `rollen` may use a route with `toegang`. */
export function magGebruiken(toegang: Toegang, rollen: readonly Rol[], config: OrgConfig): boolean {
  const nodig = nodigeRollen(toegang, config);
  return nodig === 'iedereen' || nodig.some((r) => rollen.includes(r));
}

/**
 * The default `onbekend` answer of a feature: "Die knop werkt niet meer: de kaart is verouderd of niet meer geldig. Er is
 * niets opgeslagen. Typ "menu" of "<startcommando>" om opnieuw te beginnen." (`fout.kaartVerouderd`, in the reader's
 * language), not the generic "Er ging iets mis": the kit stopped before anything was read or written, so it can say
 * what happened. The start command is `def.startCommando` for the reader's language, else the feature's first typed
 * command; a feature without commands names "menu" only (`fout.kaartVerouderdMenu`). The log gets the feature id and
 * whether the submit had an action, never the action or the data.
 */
export function verouderdAntwoord(def: Pick<FeatureDefinitie, 'id' | 'commands' | 'startCommando'>): KitAntwoorden['onbekend'] {
  const eerste = Object.keys(def.commands ?? {})[0];
  return (turn, services, action) => {
    services.log.warn({ event: 'submit.onbekend', feature: def.id, heeftActie: action !== undefined }, 'onbekende actie');
    const commando = def.startCommando?.[turn.locale] ?? eerste;
    return [tekst(commando ? t(turn.locale, 'fout.kaartVerouderd', { commando }) : t(turn.locale, 'fout.kaartVerouderdMenu'))];
  };
}

const STANDAARD: Omit<KitAntwoorden, 'onbekend'> = {
  geweigerd: (turn, services, nodig, _route, action) => {
    services.log.warn({ event: 'actie.geweigerd', actie: action }, 'actie geweigerd op rol');
    const namen = nodig.map((r) => ROL_NAMEN[r][turn.locale]);
    return [tekst(t(turn.locale, 'fout.nietToegestaan', { rol: namen.join(turn.locale === 'en' ? ' or ' : ' of ') }))];
  },
  ongeldig: (turn, services, fout, action) => {
    services.log.warn({ event: 'submit.ongeldig', actie: action, issues: issuePaden(fout) }, 'ongeldige invoer');
    return [
      tekst(
        t(turn.locale, 'fout.ongeldigeInvoer', {
          details: issueTeksten(fout).join('; '),
        }),
      ),
    ];
  },
  fout: () => undefined,
};

/**
 * An `ongeldig` answer that names each field by its label on the card instead of its id (`Voorwaarden: kies …`, not
 * `voorwaarden: kies …`); otherwise as the default (the log gets the issue paths only).
 * @param label the label for a top-level field id in the reader's language, or undefined to show the path.
 */
export function ongeldigMetLabels(label: (veld: string, l: Locale) => string | undefined): KitAntwoorden['ongeldig'] {
  return (turn, services, fout, action) => {
    services.log.warn({ event: 'submit.ongeldig', actie: action, issues: issuePaden(fout) }, 'ongeldige invoer');
    const pad = (p: readonly PropertyKey[]) => (p.length ? (label(String(p[0]), turn.locale) ?? p.map(String).join('.')) : '');
    return [tekst(t(turn.locale, 'fout.ongeldigeInvoer', { details: issueTeksten(fout, { pad }).join('; ') }))];
  };
}

/**
 * Build a `Feature` from its route table. The result routes submits with `data.action` starting with `<id>.`
 * and the listed commands; see the module comment for the order of checks.
 * @throws Error at start-up when a route name does not start with `<id>.`, a command names a missing route, or a
 *   `startCommando` is not one of the commands.
 */
export function defineFeature(
  def: FeatureDefinitie,
): Feature & { routes: RouteTabel; /** Typed command → action (as declared). */ commandActies: Readonly<Record<string, string>> } {
  const prefix = `${def.id}.`;
  for (const naam of Object.keys(def.routes))
    if (!naam.startsWith(prefix)) throw new Error(`Route ${naam} van feature ${def.id} moet beginnen met ${prefix}`);
  const commands = def.commands ?? {};
  for (const [c, a] of Object.entries(commands))
    if (!def.routes[a]) throw new Error(`Commando "${c}" van feature ${def.id} wijst naar onbekende route ${a}`);
  for (const c of Object.values(def.startCommando ?? {}))
    if (!Object.hasOwn(commands, c)) throw new Error(`Startcommando "${c}" van feature ${def.id} is geen commando van die feature`);
  const antw: KitAntwoorden = { ...STANDAARD, onbekend: verouderdAntwoord(def), ...def.antwoorden };

  async function voerUit(
    action: string | undefined,
    data: unknown,
    turn: TurnInput,
    services: BotServices,
    viaCommando: boolean,
  ): Promise<Reply[]> {
    const route = action !== undefined && Object.hasOwn(def.routes, action) ? def.routes[action] : undefined;
    if (!route || action === undefined || (route.alleenCommando && !viaCommando)) return antw.onbekend(turn, services, action);
    const nodig = nodigeRollen(route.rol, services.config);
    if (nodig !== 'iedereen' && !nodig.some((r) => turn.user.rollen.includes(r)))
      return antw.geweigerd(turn, services, nodig, route, action);
    const invoer = route.invoer.safeParse(data);
    if (!invoer.success) return antw.ongeldig(turn, services, invoer.error, action);
    try {
      return await route.run(invoer.data, turn, services);
    } catch (err) {
      if (err instanceof z.ZodError) return antw.ongeldig(turn, services, err, action);
      const r = antw.fout(err, turn, services, action);
      if (r) return r;
      throw err;
    }
  }

  return {
    id: def.id,
    routes: def.routes,
    commandActies: commands,
    actions: [prefix],
    commands: Object.keys(commands),
    onSubmit(turn, services) {
      const { action, data } = turn.action !== undefined ? { action: turn.action, data: turn.data } : leesSubmit(turn.data);
      return voerUit(action, data, turn, services, false);
    },
    onCommand(command, turn, services) {
      const action = commands[command.trim().toLowerCase()];
      return voerUit(action, { action }, turn, services, true);
    },
    onInstall: def.onInstall,
    onFreeText: def.onFreeText,
    onInvalidSubmit: def.onInvalidSubmit,
  };
}
