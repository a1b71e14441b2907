import type { Feature } from '../feature';

/** The meldwijzer feature (guided route + free-text triage). Placeholder until the full feature lands. */
export const meldwijzerFeature: Feature = {
  id: 'meldwijzer',
  actions: ['meldwijzer.'],
  commands: ['menu', 'help', 'hulp', 'start', 'opnieuw', 'privacy'],
  async onSubmit() {
    return [];
  },
};
