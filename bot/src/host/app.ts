import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  TurnContext,
  type Activity,
  type ConversationReference,
  type InvokeResponse,
} from 'botbuilder';
import type { OrgConfig } from '@shared/config';
import type { NaamBron } from '@shared/graph/gebruikers';
import type { ListStore, LokaleStaat } from '@shared/store';
import { BEURT_LEASE_MS, IntegriteitsBot, send, turnErrorHandler, type BeurtUitkomst, type BotLogger } from '../bot';
import type { Agenda } from '../features/ambtseed/uitnodiging-graph';
import type { Feature } from '../features/feature';
import { createProactiveSender, type ConversationReferenceStore, type ProactiveSender } from '../proactive';
import { controleerBotInstellingen } from './instellingen';
import { kanaalTokenControle, type AanmeldReden } from './kanaal-token';

/**
 * The HTTP host (no logic): express + botbuilder `CloudAdapter` on `POST /api/messages`, `GET /healthz`.
 *
 * Auth (botbuilder env names, docs/contracts.md "Environment"): with `MicrosoftAppId` set, every request needs a valid Bot Framework
 * JWT — a missing or forged token gets 401 with a short body before any bot code runs, 503 when the channel's
 * signing keys cannot be fetched (`kanaal-token.ts`; botbuilder then validates the accepted token again).
 * With an empty `MicrosoftAppId` the bot runs in *local mode* (Agents Playground, tests): it accepts
 * unauthenticated requests and replies to the `serviceUrl` without a token; this is logged once, loudly, and
 * refused in production (`instellingen.ts`: `createBotHost` throws `StartWeigering`).
 */
export interface BotHostOptions {
  config: OrgConfig;
  store: ListStore;
  log: BotLogger;
  /** Environment with MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId. */
  env?: NodeJS.ProcessEnv;
  clock?: () => Date;
  features?: Feature[];
  /** The local state (conversation references, dedupe keys, card claims): `BotServices.lokaal`. */
  lokaal: LokaleStaat;
  /** Graph calendar for ambtseed invitations (`agendaVanEnv`); absent → .ics links. */
  agenda?: Agenda;
  /** Display names at run time (`naamBronVanEnv`); absent → HR sees codes with a notice. */
  namen?: NaamBron;
  /** Base URL for download links (`publicUrlVanEnv`). */
  publicUrl?: string;
  /** More routes (e.g. the ambtseed downloads), mounted before the error handler; all must be in `BOT_ROUTES`. */
  routes?: RequestHandler[];
}

export interface BotHost {
  app: Express;
  adapter: CloudAdapter;
  bot: IntegriteitsBot;
  localMode: boolean;
  /** The one proactive sender of this host (also handed to the features and the jobs). */
  proactive: ProactiveSender & { refs: ConversationReferenceStore };
}

/** botbuilder's public-cloud authentication values (botframework-connector AuthenticationConstants). */
const PUBLIC_CLOUD = {
  ValidateAuthority: true,
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
};

/**
 * `CloudAdapter` whose `processActivity` the host calls itself, so that the HTTP answer (status, short body)
 * and the log line are ours: `CloudAdapter.process` would send the library's error text and `console.error` it.
 */
class HostAdapter extends CloudAdapter {
  verwerk(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/** Build the express app with the bot. Does not listen; `bot/src/server.ts` does. */
export function createBotHost(opts: BotHostOptions): BotHost {
  const env = opts.env ?? process.env;
  controleerBotInstellingen(env);
  const appId = (env.MicrosoftAppId ?? '').trim();
  const localMode = appId === '';
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: env.MicrosoftAppPassword ?? '',
    MicrosoftAppType: env.MicrosoftAppType ?? (localMode ? '' : 'MultiTenant'),
    MicrosoftAppTenantId: env.MicrosoftAppTenantId ?? '',
  });
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: appId,
      MicrosoftAppTenantId: env.MicrosoftAppTenantId,
      // botbuilder's own setting (sovereign clouds); tests point it at a local fake so no internet is needed.
      // Setting it switches botbuilder to fully parameterised auth, so the public-cloud values come along.
      ...(env.ToBotFromChannelOpenIdMetadataUrl
        ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: env.ToBotFromChannelOpenIdMetadataUrl }
        : {}),
    },
    credentials,
  );
  const adapter = new HostAdapter(auth);
  const log = opts.log.child({ module: 'host' });
  adapter.onTurnError = turnErrorHandler(log);
  if (localMode) {
    log.warn(
      { event: 'lokaleModus' },
      '!!! LOKALE MODUS: MicrosoftAppId is leeg. De bot accepteert berichten ZONDER Bot Framework-token (alleen voor de Agents Playground en tests). Zet MicrosoftAppId voor Teams. !!!',
    );
  }

  const proactive = createProactiveSender({
    lokaal: opts.lokaal,
    log: opts.log.child({ module: 'proactive' }),
    clock: opts.clock,
    transport: {
      continueConversation: async (ref, replies) => {
        // The adapter's onTurnError swallows errors thrown inside the logic; capture the send error and rethrow
        // it so the sender sees Teams' 403/404 (stale reference) or a transient failure (retry later).
        let failure: unknown;
        await adapter.continueConversationAsync(appId, ref as unknown as ConversationReference, async (ctx) => {
          try {
            await send(ctx, replies);
          } catch (err) {
            failure = err;
          }
        });
        if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
      },
    },
  });

  const bot = new IntegriteitsBot({
    config: opts.config,
    store: opts.store,
    lokaal: opts.lokaal,
    log: opts.log,
    clock: opts.clock,
    features: opts.features,
    proactive,
    agenda: opts.agenda,
    namen: opts.namen,
    publicUrl: opts.publicUrl,
    onPersonalActivity: (oid, activity) => proactive.refs.save(oid, TurnContext.getConversationReference(activity)),
    beurtLeaseMs: beurtLeaseMsVanEnv(env),
  });

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', organisatie: opts.config.organisatie.id, modus: localMode ? 'lokaal' : 'beveiligd' });
  });
  const tokenControle = localMode ? undefined : kanaalTokenControle({ appId, metadataUrl: env.ToBotFromChannelOpenIdMetadataUrl });
  app.post('/api/messages', express.json({ limit: BODY_LIMIT }), activityCheck(log), (req, res, next) => {
    // express 4 drops a rejected handler promise: anything that escapes goes to the JSON error handler.
    berichtVerwerken(req, res).catch(next);
  });
  async function berichtVerwerken(req: Request, res: Response): Promise<void> {
    const weiger = (status: 401 | 503, reden: AanmeldReden | 'botbuilder') => {
      // One warning line with the reason; never the token, the library's message, a stack trace or key material.
      log.warn({ event: 'http.aanmelding', status, reden }, 'verzoek geweigerd');
      if (status === 503) res.set('Retry-After', '30');
      res.status(status).json({ fout: status === 401 ? HTTP_FOUTEN.nietGeautoriseerd : HTTP_FOUTEN.sleutelsOnbereikbaar });
    };
    const activity = validateAndFixActivity(req.body as Activity);
    const authorization = req.header('authorization') ?? '';
    if (tokenControle) {
      const uitslag = await tokenControle(authorization, activity);
      if (!uitslag.ok) return weiger(uitslag.status, uitslag.reden);
    }
    try {
      let beurt = { soort: 'verwerkt' } as BeurtUitkomst;
      const antwoord = await adapter.verwerk(authorization, activity, async (context) => {
        beurt = await bot.beurt(context);
      });
      if (beurt.soort === 'bezig') {
        // Another delivery of this activity is running (on this or another instance): not run here. 503 with
        // Retry-After makes the channel deliver it again; by then it is done (ignored) or its instance died
        // and the lease expired (run then).
        res.set('Retry-After', String(Math.max(1, Math.ceil(beurt.nogMs / 1000))));
        res.status(503).json({ fout: HTTP_FOUTEN.inBehandeling });
        return;
      }
      res.status(antwoord?.status ?? 200);
      if (antwoord?.body !== undefined) res.send(antwoord.body);
      res.end();
    } catch (err) {
      // botbuilder's own second check refused (401), or could not load the keys itself (its status 500).
      const status = (err as { statusCode?: unknown })?.statusCode;
      if (!res.headersSent && (err as Error)?.name === 'AuthenticationError') return weiger(status === 401 ? 401 : 503, 'botbuilder');
      log.error({ event: 'http.fout', err: (err as Error)?.name ?? 'Error' }, 'verwerken mislukt');
      if (!res.headersSent) res.status(500).json({ fout: HTTP_FOUTEN.intern });
    }
  }
  for (const route of opts.routes ?? []) app.use(route);
  app.use(jsonErrorHandler(log));
  return { app, adapter, bot, localMode, proactive };
}

/** Largest accepted activity body (Teams activities with cards stay far below this). */
const BODY_LIMIT = '256kb';

/** Short Dutch error bodies of the HTTP endpoint (never a stack trace or a path). */
export const HTTP_FOUTEN = {
  geenJson: 'Ongeldig verzoek: de inhoud is geen geldige JSON.',
  teGroot: 'Verzoek te groot.',
  geenActiviteit: 'Ongeldig verzoek: dit is geen geldige Bot Framework-activiteit.',
  intern: 'Er ging iets mis bij het verwerken van het verzoek.',
  nietGeautoriseerd: 'Niet geautoriseerd: geen geldig Bot Framework-token.',
  sleutelsOnbereikbaar: 'De aanmelding kan nu niet worden gecontroleerd; probeer het later opnieuw.',
  inBehandeling: 'Deze activiteit wordt al verwerkt; lever haar later opnieuw af (zie Retry-After).',
} as const;

/**
 * `BOT_BEURT_LEASE_MS`: the lease of a running turn in ms (default `BEURT_LEASE_MS`, 30 s; at least 1,000).
 * @throws Error (Dutch) when set but not a whole number of at least 1,000.
 */
export function beurtLeaseMsVanEnv(env: NodeJS.ProcessEnv): number {
  const v = (env.BOT_BEURT_LEASE_MS ?? '').trim();
  if (v === '') return BEURT_LEASE_MS;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1000)
    throw new Error(`BOT_BEURT_LEASE_MS moet een geheel aantal milliseconden ≥ 1000 zijn, niet "${v}".`);
  return n;
}

/** botbuilder's `validateAndFixActivity` (what `CloudAdapter.process` does first): ISO timestamps become `Date`s. */
function validateAndFixActivity(activity: Activity): Activity {
  const a = activity as Activity & Record<string, unknown>;
  for (const veld of ['timestamp', 'expiration', 'localTimestamp'] as const) {
    const v = a[veld];
    if (typeof v === 'string') {
      a[`raw${veld[0].toUpperCase()}${veld.slice(1)}`] = v;
      (a as Record<string, unknown>)[veld] = new Date(v);
    }
  }
  return a;
}

/**
 * The minimal shape of a Bot Framework activity that the adapter and the dispatcher rely on (Bot Framework
 * Activity schema: `type`, `serviceUrl`, `conversation.id`); anything else gets 400 before the adapter runs.
 */
export const minimaleActiviteit = z.looseObject({
  type: z.string().min(1).max(100),
  serviceUrl: z.string().min(1).max(2048),
  conversation: z.looseObject({ id: z.string().min(1) }),
  from: z.looseObject({ id: z.string().optional() }).optional(),
  locale: z.string().max(100).optional(),
});

/** 400 JSON `{ fout }` unless the parsed body is an object with the minimal activity shape. Logs only issue paths. */
function activityCheck(log: BotLogger): RequestHandler {
  return (req, res, next) => {
    const r = minimaleActiviteit.safeParse(req.body);
    if (r.success) return next();
    log.warn({ event: 'http.ongeldigeActiviteit', paden: r.error.issues.map((i) => i.path.join('.')) }, 'ongeldige activiteit');
    res.status(400).json({ fout: HTTP_FOUTEN.geenActiviteit });
  };
}

/**
 * Express error handler: body-parser errors become short Dutch JSON (400 bad JSON, 413 too large, other 4xx kept),
 * anything else 500. Never sends a stack trace (express's default handler would, with absolute paths).
 */
function jsonErrorHandler(log: BotLogger): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    const e = (err ?? {}) as { type?: string; status?: number; statusCode?: number; name?: string };
    const status = e.status ?? e.statusCode ?? 500;
    if (res.headersSent) return next(err);
    if (e.type === 'entity.parse.failed') return void res.status(400).json({ fout: HTTP_FOUTEN.geenJson });
    if (e.type === 'entity.too.large' || status === 413) return void res.status(413).json({ fout: HTTP_FOUTEN.teGroot });
    if (status >= 400 && status < 500) return void res.status(status).json({ fout: HTTP_FOUTEN.geenActiviteit });
    log.error({ event: 'http.fout', err: e.name ?? 'Error' }, 'verzoek mislukt');
    res.status(500).json({ fout: HTTP_FOUTEN.intern });
  };
}
