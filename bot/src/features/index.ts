import type { Feature } from './feature';
import { meldwijzerFeature } from './meldwijzer';
import { ambtseedFeature } from './ambtseed';
import { intakeFeature } from './intake';
import { vogFeature } from './vog';
import { nevenwerkFeature } from './nevenwerk';

/**
 * The feature registry: every bot feature, in dispatch order. The dispatcher (`bot/src/bot.ts`) routes a
 * card submit to the first feature whose `actions` prefix matches `data.action`, a typed command to the first
 * feature listing it in `commands`, and free text nobody claims to the meldwijzer's triage (last).
 * Each feature is built with `defineFeature` (`./kit.ts`) from its route table; a new feature registers itself
 * here with ONE line (keep the meldwijzer first). How to add an action or a feature: docs/bot-features.md.
 */
export const FEATURES: Feature[] = [meldwijzerFeature, ambtseedFeature, intakeFeature, vogFeature, nevenwerkFeature];
