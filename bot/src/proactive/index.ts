export * from './conversation-refs';
export * from './sender';

/*
 * Proactive messaging. The host (`bot/src/host/app.ts`, the only place besides `bot/src/bot.ts` that knows
 * botbuilder) creates one sender with `createProactiveSender({ lokaal, log, transport })`, where the transport calls
 * `adapter.continueConversationAsync`, and hands it to features as `BotServices.proactive` and to the jobs as
 * `JobContext.proactive`. There is no process-wide sender: what a feature may use is what it is given.
 */
