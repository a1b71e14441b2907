import JSZip from 'jszip';
import request from 'supertest';
import { loadOrgConfig } from '@shared/config';
import { seedDemo } from '@shared/cli/seed';
import { SqliteListStore } from '@shared/store';
import { ambtseedRouter } from '../../bot/src/features/ambtseed/routes';
import { startBotHarness, type BotHarness } from './activities';

/** The demo organisation, its first HR user and the fake clock of the ambtseed QA tests (Wednesday 2 December 2026, 10:00 Amsterdam). */
export const demoConfig = loadOrgConfig('demo');
export const alsHr = {
  from: { id: '29:hr-user', name: 'HR', aadObjectId: demoConfig.rollen.hr.gebruikers[0] },
  conversationId: 'a:conv-hr',
};
export const DEMO_NU = new Date('2026-12-02T09:00:00Z');

/**
 * A bot over /api/messages (with the ambtseed download routes) on an in-memory store that `vul` fills, by default
 * with the demo data as `npm run seed` writes it on 2 December 2026; the clock stands at `nu` (default `DEMO_NU`).
 * `sluit` closes bot and store.
 */
export async function startAmbtseedBot(
  vul: (store: SqliteListStore) => Promise<unknown> = (s) => seedDemo(s, 'demo', '2026-12-02'),
  nu: Date = DEMO_NU,
): Promise<{ bot: BotHarness; store: SqliteListStore; sluit(): Promise<void> }> {
  const store = new SqliteListStore(':memory:');
  await vul(store);
  const bot = await startBotHarness(demoConfig, {
    store,
    clock: () => nu,
    routes: [ambtseedRouter({ store, config: demoConfig, clock: () => nu })],
  });
  return {
    bot,
    store,
    sluit: async () => {
      await bot.close();
      await store.close();
    },
  };
}

/** Every element (object) of a card, depth first, that `past` accepts. */
export function kaartElementen<T>(kaart: unknown, past: (o: Record<string, unknown>) => boolean): T[] {
  const uit: T[] = [];
  const loop = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(loop);
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (past(o)) uit.push(o as T);
    Object.values(o).forEach(loop);
  };
  loop(kaart);
  return uit;
}

/**
 * GET the .docx at `pad` (an oorkonde link's path and query) from `app` (an express app or a base URL), expect
 * 200, and return its `word/document.xml`.
 */
export async function docxXml(app: Parameters<typeof request>[0], pad: string): Promise<string> {
  const r = await request(app)
    .get(pad)
    .buffer(true)
    .parse((res, cb) => {
      const delen: Buffer[] = [];
      res.on('data', (c: Buffer) => delen.push(c));
      res.on('end', () => cb(null, Buffer.concat(delen)));
    });
  expect(r.status).toBe(200);
  return (await JSZip.loadAsync(r.body as Buffer)).file('word/document.xml')!.async('string');
}
