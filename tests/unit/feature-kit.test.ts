import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadOrgConfig } from '@shared/config';
import { FEATURES } from '../../bot/src/features';
import { INTAKE } from '../../bot/src/features/intake';
import { actie, defineFeature, kaart, tekst } from '../../bot/src/features/kit';
import { replyText, startBotHarness, submit, message } from '../support/activities';

/**
 * The promise of the feature kit (docs/bot-features.md, "Een bot-actie toevoegen"): a new bot action is one
 * entry in its feature's route table — role, zod input, handler — and nothing outside that feature folder
 * changes. Here the intake feature gets an action the way an engineer would add it to
 * `bot/src/features/intake/index.ts`, and the real host and dispatcher (`bot/src/bot.ts`) serve it: the right role
 * gets the answer, others the intake refusal, bad input the intake error, the command works too.
 */

const config = loadOrgConfig('demo');
// Demo config (config/demo.yaml): Playground mock users.
const IC = { id: '29:ic', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
const VP = { id: '29:vp', aadObjectId: '00000000-0000-0000-0000-0000000000021' };

/** What the engineer writes in intake/index.ts: one route and (optionally) one command. */
const telInvoer = z.strictObject({ action: z.literal('intake.tel'), aantal: z.coerce.number().int().min(1).max(10).default(1) });
const intakeMetTel = defineFeature({
  ...INTAKE,
  routes: {
    ...INTAKE.routes,
    'intake.tel': actie({
      rol: ['integriteitscoordinator'],
      naam: 'intake.actie.wbk',
      invoer: telInvoer,
      // `d.aantal` is a number here: the kit parsed the submit with telInvoer first.
      run: async (d) => [tekst(`${d.aantal * 2}`), kaart({ type: 'AdaptiveCard', version: '1.5', body: [] })],
    }),
  },
  commands: { ...INTAKE.commands, 'tel twee': 'intake.tel' },
});

describe('feature kit: a new action is one route-table entry in one feature folder', () => {
  const features = FEATURES.map((f) => (f.id === 'intake' ? intakeMetTel : f));

  it("the dispatcher routes it, checks the role and the zod input, with the feature's own messages", async () => {
    const h = await startBotHarness(config, { features });
    try {
      const ok = await h.send(submit({ action: 'intake.tel', aantal: '4' }, { from: IC }));
      expect(ok.replies[0].activity.text).toBe('8');
      expect(ok.replies[0].activity.attachments).toHaveLength(1);

      const geweigerd = await h.send(submit({ action: 'intake.tel', aantal: '4' }, { from: VP }));
      expect(replyText(geweigerd.replies)).toMatch(
        /^Niet toegestaan: ".+" is alleen voor de integriteitscoördinator\. Er is niets opgeslagen\.$/,
      );

      const fout = await h.send(submit({ action: 'intake.tel', aantal: '40' }, { from: IC }));
      expect(replyText(fout.replies)).toMatch(/^Dat kon ik niet opslaan: .*aantal.*Er is niets opgeslagen\.$/);

      // A field the schema does not have is refused (strict), Teams' own `msteams` field is not.
      expect(replyText((await h.send(submit({ action: 'intake.tel', aantal: '1', naam: 'Jansen' }, { from: IC }))).replies)).toMatch(
        /^Dat kon ik niet opslaan/,
      );
      expect(
        (await h.send(submit({ action: 'intake.tel', aantal: '1', msteams: { type: 'messageBack' } }, { from: IC }))).replies[0].activity
          .text,
      ).toBe('2');

      // The new command goes through the same table: same role check, same schema (a command carries only the action).
      expect(replyText((await h.send(message('tel twee', { from: VP }))).replies)).toMatch(/^Niet toegestaan/);
      expect((await h.send(message('Tel twee', { from: IC }))).replies[0].activity.text).toBe('2');
    } finally {
      await h.close();
    }
  });

  it('a route name outside the feature, or a command to a missing route, fails at start-up', () => {
    expect(() =>
      defineFeature({ id: 'intake', routes: { 'ambtseed.x': actie({ rol: 'iedereen', invoer: z.unknown(), run: async () => [] }) } }),
    ).toThrow(/moet beginnen met intake\./);
    expect(() => defineFeature({ id: 'intake', routes: {}, commands: { x: 'intake.x' } })).toThrow(/onbekende route intake\.x/);
    // The start command the outdated-card answer names must be a command, or the advice would not work.
    const route = { 'intake.x': actie({ rol: 'iedereen', invoer: z.unknown(), run: async () => [] }) };
    expect(() => defineFeature({ id: 'intake', routes: route, commands: { x: 'intake.x' }, startCommando: { nl: 'x', en: 'y' } })).toThrow(
      /Startcommando "y" van feature intake/,
    );
  });

  it('every action a card template submits is a route of the feature that owns it, and bot.ts names no action', () => {
    const dir = path.resolve(__dirname, '../../bot/cards');
    const routes = new Set(FEATURES.flatMap((f) => Object.keys((f as { routes?: object }).routes ?? {})));
    const inTemplates = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      for (const m of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/"action":\s*"([a-z]+\.[A-Za-z.]+)"/g)) inTemplates.add(m[1]);
    }
    expect(inTemplates.size).toBeGreaterThan(10);
    expect([...inTemplates].filter((a) => !routes.has(a))).toEqual([]);
    const bot = fs.readFileSync(path.resolve(__dirname, '../../bot/src/bot.ts'), 'utf8');
    expect(bot.match(/'(intake|ambtseed|meldwijzer)\.[A-Za-z.]+'/g)).toBeNull();
  });
});
