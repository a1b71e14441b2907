import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';

/**
 * The shared card-render helper: Adaptive Card 1.5 templates live as data in `bot/cards/<name>.json`
 * (docs/conventions.md "Style" 3, "Cards are data") and are expanded with `adaptivecards-templating`. Each template has a typed
 * `render<Name>Card(data)` next to the feature that uses it; this module only loads, caches and expands.
 */

/** Folder with the card templates (`bot/cards`). */
export const CARDS_DIR = path.resolve(__dirname, '../../cards');

/** An expanded Adaptive Card (JSON object, `type: 'AdaptiveCard'`, `version: '1.5'`). */
export type AdaptiveCardJson = Record<string, unknown>;

const templates = new Map<string, ACData.Template>();

/**
 * The parsed template `bot/cards/<name>.json` (cached).
 * @throws Error when the file does not exist or is not JSON.
 */
export function cardTemplate(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Ongeldige kaartnaam "${name}".`);
    const json = JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')) as object;
    t = new ACData.Template(json);
    templates.set(name, t);
  }
  return t;
}

/**
 * Expand template `name` with `data` (its root, `${…}` in the template). Arrays with `$data` repeat,
 * `$when` hides elements; a property whose whole value is `${x}` takes x's value as is (e.g. a submit
 * payload object). With `cache: true` the expansion is memoised (templating costs ~0.5–3 ms per card) and
 * the returned card is shared and deep-frozen (do not modify it); use it only when `data` holds no personal
 * data or user text.
 * @returns the card JSON ready to send as an attachment of content type
 *   `application/vnd.microsoft.card.adaptive`.
 */
export function renderCard(name: string, data: object, options: { cache?: boolean } = {}): AdaptiveCardJson {
  if (!options.cache) return cardTemplate(name).expand({ $root: data }) as AdaptiveCardJson;
  const key = `${name}\u0000${JSON.stringify(data)}`;
  let card = expanded.get(key);
  if (card === undefined) {
    card = deepFreeze(cardTemplate(name).expand({ $root: data }) as AdaptiveCardJson);
    if (expanded.size >= MAX_CACHED) expanded.delete(expanded.keys().next().value as string);
    expanded.set(key, card);
  }
  return card;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

/**
 * Expanded cards by template + data (insertion-ordered; the oldest is dropped beyond MAX_CACHED).
 * Only for cards whose data comes from config and catalogue (never from what a user typed or who they are),
 * because the cache keeps the data in memory.
 */
const expanded = new Map<string, AdaptiveCardJson>();
const MAX_CACHED = 500;
