import pino, { type Logger } from 'pino';

/**
 * The bot's root pino logger (structured JSON). Features get `log.child({ feature })`.
 * Never pass message text, names or e-mail addresses to it. `LOG_LEVEL` sets the level (default info);
 * tests pass `silent`.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: 'integriteitsplein-bot', level, base: undefined });
}
