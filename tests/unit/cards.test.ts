/**
 * Every template in bot/cards/ (every feature's) is a valid Adaptive Card 1.5: parsed by the adaptivecards
 * object model targeting 1.5 (unknown or newer elements and actions are reported), checked with its property
 * validation, and walked for element/action types of the 1.5 schema. The meldwijzer's rendered cards are
 * checked the same way after expansion.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as AC from 'adaptivecards';
import { CARDS_DIR } from '../../bot/src/cards/render';
import { loadOrgConfig } from '@shared/config';
import { meldroute } from '@shared/domain/meldroute';
import { SITUATIES } from '@shared/lists/definitions';
import * as cards from '../../bot/src/features/meldwijzer/cards';
import { submit } from '../../bot/src/features/meldwijzer/payload';

/** Element and action types of the Adaptive Cards 1.5 schema (adaptivecards.io/explorer). */
const ELEMENTS_1_5 = new Set([
  'TextBlock',
  'Image',
  'Media',
  'RichTextBlock',
  'TextRun',
  'Container',
  'ColumnSet',
  'Column',
  'FactSet',
  'ImageSet',
  'ActionSet',
  'Table',
  'TableRow',
  'TableCell',
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.Time',
  'Input.Toggle',
  'Input.ChoiceSet',
]);
const ACTIONS_1_5 = new Set(['Action.OpenUrl', 'Action.Submit', 'Action.ShowCard', 'Action.ToggleVisibility', 'Action.Execute']);

/** Problems with a card: adaptivecards parse + validation events, and a structural walk. */
function problems(card: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (card.type !== 'AdaptiveCard') out.push('type is geen AdaptiveCard');
  const v = String(card.version ?? '');
  if (!/^1\.[0-5]$/.test(v)) out.push(`version ${v} is niet 1.0–1.5`);
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) {
    const m = ctx.getEventAt(i).message;
    // In a template, an enum property may hold a binding ("color": "${kleur}"); it is checked after expansion.
    if (/"\$\{[^"]*\}"/.test(m)) continue;
    out.push(`parse: ${m}`);
  }
  for (const e of parsed.validateProperties().validationEvents) out.push(`validatie: ${e.message}`);
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type !== 'AdaptiveCard' && !ELEMENTS_1_5.has(o.type) && !ACTIONS_1_5.has(o.type))
      out.push(`${where}: type ${o.type} hoort niet bij Adaptive Cards 1.5`);
    if (o.type === 'TextBlock' && typeof o.text !== 'string') out.push(`${where}: TextBlock zonder text`);
    if (o.type === 'Action.OpenUrl' && typeof o.url !== 'string') out.push(`${where}: Action.OpenUrl zonder url`);
    for (const [k, val] of Object.entries(o)) if (k !== 'data') walk(val, `${where}.${k}`);
  };
  walk(card.body, 'body');
  walk(card.actions, 'actions');
  return out;
}

const templates = fs.readdirSync(CARDS_DIR).filter((f) => f.endsWith('.json'));

describe('Adaptive Card templates in bot/cards/', () => {
  it('finds the templates', () => expect(templates.length).toBeGreaterThanOrEqual(6));
  test.each(templates)('%s is a valid Adaptive Card 1.5', (f) => {
    const json = JSON.parse(fs.readFileSync(path.join(CARDS_DIR, f), 'utf8')) as Record<string, unknown>;
    expect(problems(json)).toEqual([]);
  });
  it('rejects a card that is not 1.5 (sanity check of the validator)', () => {
    expect(problems({ type: 'AdaptiveCard', version: '1.6', body: [{ type: 'Carousel' }] }).length).toBeGreaterThan(0);
  });
});

describe('rendered meldwijzer cards', () => {
  const config = loadOrgConfig('zuid-holland', path.resolve(__dirname, '../../config'));
  it('welcome and menu', () => {
    for (const locale of ['nl', 'en'] as const) {
      const w = cards.renderWelkomCard(cards.welkomData(config, locale));
      expect(problems(w)).toEqual([]);
      expect(JSON.stringify(w)).not.toContain('${');
      expect(problems(cards.renderMenuCard(cards.menuData(locale)))).toEqual([]);
      const p = cards.renderPrivacyCard(cards.privacyData(config, locale, config.faq[0]));
      expect(problems(p)).toEqual([]);
      expect(JSON.stringify(p)).not.toContain('${');
    }
  });
  it('a question and the keuze and groep cards', () => {
    const staat = { situatie: 'ongewenstGedrag' as const, antwoorden: {}, gevraagd: [] };
    const v = cards.renderVraagCard(cards.vraagData('nl', staat, 'wie'));
    expect(problems(v)).toEqual([]);
    expect(JSON.stringify(v)).toContain('Een burger, klant of bezoeker');
    expect(problems(cards.renderKeuzeCard(cards.keuzeData('en', ['dilemma', 'zakelijk'], {})))).toEqual([]);
    expect(problems(cards.renderGroepCard(cards.groepData('nl', 'https://teams.microsoft.com/l/chat/0/0?users=28:bot')))).toEqual([]);
  });
  it('a result card for every situation, with submit data that round-trips', () => {
    for (const s of SITUATIES) {
      const staat = { situatie: s, antwoorden: {}, gevraagd: [] };
      const c = cards.renderResultaatCard(cards.resultaatData('nl', meldroute(config, s), staat, config));
      expect(problems(c)).toEqual([]);
      const json = JSON.stringify(c);
      expect(json).not.toContain('${');
      expect((c.actions as { data: unknown }[])[0].data).toEqual(submit.terug(staat));
    }
  });
});
