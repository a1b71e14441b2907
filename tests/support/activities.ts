/**
 * Test helpers that build Bot Framework activities as Teams (and the Agents Playground) send them, and a
 * harness that drives the bot over HTTP: `POST /api/messages` on an ephemeral port, with replies captured by a
 * local fake of the Bot Connector service (`serviceUrl`), as in local mode. Pattern after teams-ai's
 * TestUtilities (createTestConversationUpdate, createTestInvoke).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { OrgConfig } from '@shared/config';
import type { NaamBron } from '@shared/graph/gebruikers';
import { LokaleStaat, SqliteListStore } from '@shared/store';
import type { ListStore } from '@shared/store';
import { createBotHost, type BotHost } from '../../bot/src/host/app';
import { createLogger } from '../../bot/src/host/logger';
import type { BotLogger } from '../../bot/src/bot';
import type { Feature } from '../../bot/src/features/feature';

let counter = 0;
const nextId = () => `act-${process.pid}-${++counter}`;

export const BOT = { id: '28:00000000-0000-0000-0000-00000000b07a', name: 'Meldwijzer' };
export const USER = { id: '29:test-user', name: 'Test Gebruiker', aadObjectId: '00000000-0000-0000-0000-0000000000e1' };

export interface ActivityOptions {
  serviceUrl?: string;
  conversationId?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  locale?: string;
  id?: string;
  from?: { id: string; name?: string; aadObjectId?: string };
  /** The id of the bot's message this activity answers (Teams sets it on a card's `Action.Submit`). */
  replyToId?: string;
}

type Json = Record<string, unknown>;

function base(type: string, o: ActivityOptions): Json {
  const conversationType = o.conversationType ?? 'personal';
  return {
    type,
    id: o.id ?? nextId(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl ?? 'http://127.0.0.1:9/',
    from: o.from ?? USER,
    recipient: BOT,
    conversation: {
      id: o.conversationId ?? `a:conv-${conversationType}`,
      conversationType,
      isGroup: conversationType !== 'personal',
      tenantId: 'tenant-test',
    },
    locale: o.locale ?? 'nl-NL',
    channelData: { tenant: { id: 'tenant-test' } },
    ...(o.replyToId ? { replyToId: o.replyToId } : {}),
  };
}

/** A typed message. */
export function message(text: string, o: ActivityOptions = {}): Json {
  return { ...base('message', o), text, textFormat: 'plain' };
}

/** A message that @mentions the bot first, as Teams sends it in a group or channel. */
export function mentionMessage(text: string, o: ActivityOptions = {}): Json {
  const at = `<at>${BOT.name}</at>`;
  return { ...message(`${at} ${text}`, o), entities: [{ type: 'mention', text: at, mentioned: BOT }] };
}

/** An Adaptive Card `Action.Submit`: a message with `value` = the action's data and no text. */
export function submit(data: unknown, o: ActivityOptions = {}): Json {
  return { ...base('message', o), value: data };
}

/** conversationUpdate with the bot (and the user) added: what Teams sends on install. */
export function conversationUpdate(o: ActivityOptions = {}): Json {
  return { ...base('conversationUpdate', o), membersAdded: [BOT, { id: USER.id }] };
}

/** installationUpdate `add`. */
export function installationUpdate(o: ActivityOptions = {}): Json {
  return { ...base('installationUpdate', o), action: 'add' };
}

/** A reply the bot sent to the fake connector. */
export interface CapturedReply {
  conversationId: string;
  activity: Json & { text?: string; attachments?: { contentType: string; content: Json }[] };
}

/** Texts and card JSON of replies, for simple assertions. */
export function replyText(replies: CapturedReply[]): string {
  return replies
    .map((r) => [r.activity.text ?? '', ...(r.activity.attachments ?? []).map((a) => JSON.stringify(a.content))].join('\n'))
    .join('\n');
}

/** The card contents of replies. */
export function replyCards(replies: CapturedReply[]): Json[] {
  return replies.flatMap((r) =>
    (r.activity.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content),
  );
}

/** Every `Action.Submit` data object in a card (body and actions, nested), with its title. */
export function submitActions(card: Json): { title: string; data: Json }[] {
  const out: { title: string; data: Json }[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Json;
    if (o.type === 'Action.Submit') out.push({ title: String(o.title), data: o.data as Json });
    for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v);
  };
  walk(card);
  return out;
}

/** A running bot on an ephemeral port plus a fake Bot Connector that records replies. Call `close()`. */
export interface BotHarness {
  url: string;
  serviceUrl: string;
  host: BotHost;
  store: ListStore;
  replies: CapturedReply[];
  /** Messages the bot replaced (`updateActivity`, PUT …/activities/:id): the replaced id and the new activity. */
  updates: (CapturedReply & { activityId: string })[];
  /** POST one activity; resolves with the HTTP status and the replies sent during it. */
  send(activity: Json, headers?: Record<string, string>): Promise<{ status: number; replies: CapturedReply[] }>;
  close(): Promise<void>;
}

function listen(app: express.Express): Promise<http.Server> {
  return new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
}

/**
 * Start the bot (local mode unless `env.MicrosoftAppId`) for `config` with an in-memory store and local state
 * (or the given ones: `store` and `lokaal` are then the caller's to close).
 */
export async function startBotHarness(
  config: OrgConfig,
  opts: {
    env?: NodeJS.ProcessEnv;
    clock?: () => Date;
    store?: ListStore;
    lokaal?: LokaleStaat;
    log?: BotLogger;
    features?: Feature[];
    publicUrl?: string;
    namen?: NaamBron;
    /** More HTTP routes on the bot (e.g. `ambtseedRouter`), as the server mounts them. */
    routes?: express.RequestHandler[];
  } = {},
): Promise<BotHarness> {
  const replies: CapturedReply[] = [];
  const connector = express();
  connector.use(express.json({ limit: '1mb' }));
  let n = 0;
  connector.post(['/v3/conversations/:conv/activities', '/v3/conversations/:conv/activities/:reply'], (req, res) => {
    replies.push({ conversationId: String(req.params.conv), activity: req.body as CapturedReply['activity'] });
    res.json({ id: `reply-${++n}` });
  });
  const updates: BotHarness['updates'] = [];
  connector.put('/v3/conversations/:conv/activities/:id', (req, res) => {
    updates.push({
      conversationId: String(req.params.conv),
      activityId: String(req.params.id),
      activity: req.body as CapturedReply['activity'],
    });
    res.json({ id: String(req.params.id) });
  });
  const connectorServer = await listen(connector);
  const serviceUrl = `http://127.0.0.1:${(connectorServer.address() as AddressInfo).port}/`;
  const store = opts.store ?? new SqliteListStore(':memory:');
  const lokaal = opts.lokaal ?? LokaleStaat.open(':memory:');
  const host = createBotHost({
    config,
    store,
    lokaal,
    publicUrl: opts.publicUrl,
    namen: opts.namen,
    log: opts.log ?? createLogger('silent'),
    env: opts.env ?? { MicrosoftAppId: '' },
    clock: opts.clock,
    features: opts.features,
    routes: opts.routes,
  });
  const botServer = await listen(host.app);
  const url = `http://127.0.0.1:${(botServer.address() as AddressInfo).port}`;
  const agent = new http.Agent({ keepAlive: true });
  return {
    url,
    serviceUrl,
    host,
    store,
    replies,
    updates,
    async send(activity, headers = {}) {
      const before = replies.length;
      const body = JSON.stringify({ serviceUrl, ...activity, ...(activity.serviceUrl === 'http://127.0.0.1:9/' ? { serviceUrl } : {}) });
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          `${url}/api/messages`,
          { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      return { status, replies: replies.slice(before) };
    },
    async close() {
      agent.destroy();
      await new Promise((r) => botServer.close(r));
      await new Promise((r) => connectorServer.close(r));
      if (!opts.store) await store.close();
      if (!opts.lokaal) lokaal.close();
    },
  };
}

/**
 * A bot harness for one `describe` block with a fake clock the tests can move: started in `beforeAll`, closed in
 * `afterAll`. `send` posts one activity, expects a 2xx answer and returns the replies sent during it;
 * `zetKlok(iso)` sets the bot's clock (an ISO instant).
 */
export function botMetKlok(config: OrgConfig, startIso: string) {
  let nu = new Date(startIso);
  let harness: BotHarness | undefined;
  beforeAll(async () => {
    harness = await startBotHarness(config, { clock: () => nu });
  });
  afterAll(() => harness?.close());
  const bot = (): BotHarness => {
    if (!harness) throw new Error('botMetKlok: de bot draait alleen binnen de tests van het describe-blok');
    return harness;
  };
  return {
    bot,
    zetKlok(iso: string): void {
      nu = new Date(iso);
    },
    async send(activity: Json): Promise<CapturedReply[]> {
      const r = await bot().send(activity);
      expect(r.status).toBeLessThan(300);
      return r.replies;
    },
  };
}
