import { LokaleStaat } from '@shared/store';
import type { BotServices } from '../../bot/src/features/feature';

/**
 * The `BotServices` a feature test hands in, as the host does (`bot/src/host/app.ts`): the test's store and
 * config, an in-memory local state unless given (pass the store's own `LokaleStaat` to inspect it beside the lists), a silent
 * logger, and `http://bot.test` for download links. Override any part (`proactive`, `agenda`, `log`, `clock`, …).
 */
export function testServices(deel: Pick<BotServices, 'store' | 'config'> & Partial<BotServices>): BotServices {
  return {
    lokaal: deel.lokaal ?? LokaleStaat.open(':memory:'),
    publicUrl: 'http://bot.test',
    log: { info() {}, warn() {}, error() {} },
    clock: () => new Date(),
    ...deel,
  };
}
