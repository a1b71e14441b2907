import type { BotServices } from '../features/feature';
import type { ProactiveSender } from './sender';

export * from './conversation-refs';
export * from './sender';

/**
 * How features reach the proactive sender without changing the `BotServices` contract:
 * the host either passes `proactive` inside the services object (`{ ...services, proactive }`), or registers the
 * sender once at start-up with `setProactiveSender(sender)`. Features call `proactiveFrom(services)`.
 *
 * Host wiring (bot/src/bot.ts or server.ts, the only places that know botbuilder):
 * ```ts
 * import { createProactiveSender, setProactiveSender } from './proactive';
 * const sender = createProactiveSender({ db, log, transport: {
 *   continueConversation: (ref, replies) => adapter.continueConversationAsync(appId, ref as ConversationReference,
 *     async (ctx) => { for (const r of replies) await ctx.sendActivity(toActivity(r)); }),
 * }});
 * setProactiveSender(sender);
 * // on every personal-chat activity (and installationUpdate):
 * if (activity.from.aadObjectId && activity.conversation.conversationType === 'personal')
 *   sender.refs.save(activity.from.aadObjectId, TurnContext.getConversationReference(activity));
 * ```
 */
export type ProactiveServices = BotServices & { proactive?: ProactiveSender };

let registered: ProactiveSender | undefined;

/** Register the process-wide sender (host start-up). Pass undefined to clear (tests). */
export function setProactiveSender(sender: ProactiveSender | undefined): void {
  registered = sender;
}

/** The sender from `services.proactive`, else the registered one, else undefined (no proactive messaging). */
export function proactiveFrom(services: BotServices): ProactiveSender | undefined {
  return (services as ProactiveServices).proactive ?? registered;
}
