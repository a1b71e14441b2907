import type { Situatie } from '../lists/definitions';
import { SITUATIES } from '../lists/definitions';
import type { Actor, Perspectief } from './triage';
import { begrippen } from './triage-begrippen';
import leerdata from './triage-leerdata.json';
import { scoorNb, trainNb, type NbModel, type Voorbeeld } from './triage-model';
import { actorEnPerspectief } from './triage-actor';
import { analyseer, kenmerken, normaliseer, stam } from './triage-tekst';

/**
 * The statistical half of the meldwijzer triage: a naive Bayes model (triage-model.ts) over the features
 * of a text — Snowball stems (Dutch or English), compound parts, neighbouring stem pairs, concepts
 * (triage-begrippen.ts) and who acts (`@actor:burger`, `@perspectief:zelf`) — trained at first use on the
 * training examples in `triage-leerdata.json` (the dev part of the labelled corpus). The model is built once
 * per process and cached (`classifierModel()`); `classifierOpbouwMs()` says what that cost.
 * Holds no text: only feature strings and counts.
 */

/** A training example: a text and its acceptable situations (first = most fitting). */
export interface Leervoorbeeld {
  tekst: string;
  situaties: readonly Situatie[];
}

/** Weight of the second acceptable situation of an example (the first counts 1). */
const TWEEDE_GEWICHT = 0.5;

/** The classifier: the NB model plus the vocabulary used to split compounds. */
export interface Classifier {
  model: NbModel<Situatie>;
  /** Known stems and normalised words (for compound splitting). */
  woordenschat: Set<string>;
}

/** Features of a normalised text, given the vocabulary (for compounds) and the actor analysis. */
export function kenmerkenVan(
  genormaliseerd: string,
  woordenschat: ReadonlySet<string> | undefined,
  wie: { actor?: Actor; perspectief?: Perspectief },
): string[] {
  const bekend = woordenschat ? (d: string) => woordenschat.has(d) : undefined;
  const a = analyseer(genormaliseerd, bekend);
  // Anonymity says how to report, not what about (it becomes `antwoorden.anoniem` and the privacy answer).
  const uit = kenmerken(a.stammen.filter((s) => !s.startsWith('anon')));
  const b = begrippen(a.woorden);
  uit.push(...b);
  // Who acts together with what happens: "a citizen" + "a blow" is aggression from outside, "a colleague" +
  // "a blow" undesirable behaviour; naive Bayes sees such pairs only as pair features.
  if (wie.actor) for (const k of b) uit.push(`${wie.actor}${k}`);
  if (wie.actor) uit.push(`@actor:${wie.actor}`);
  if (wie.perspectief) uit.push(`@perspectief:${wie.perspectief}`);
  return uit;
}

/**
 * Train a classifier on examples. The vocabulary for compound splitting is every stem and word of the
 * examples; the features are then computed with it, so "kantoorspullen" also yields "spull".
 * @throws RangeError when there are no examples.
 */
export function trainClassifier(voorbeelden: readonly Leervoorbeeld[], alpha?: number): Classifier {
  const woordenschat = new Set<string>();
  const genormaliseerd = voorbeelden.map((v) => normaliseer(v.tekst));
  for (const g of genormaliseerd) {
    const a = analyseer(g);
    for (const w of a.woorden) if (w.length >= 4) woordenschat.add(w);
    for (const s of a.stammen) if (s.length >= 4) woordenschat.add(s);
    for (const w of a.woorden) if (w.length >= 4) woordenschat.add(stam(w, a.taal));
  }
  const data: Voorbeeld<Situatie>[] = voorbeelden.map((v, i) => ({
    kenmerken: kenmerkenVan(genormaliseerd[i], woordenschat, actorEnPerspectief(genormaliseerd[i])),
    klassen: Object.fromEntries(v.situaties.map((s, j) => [s, j === 0 ? 1 : TWEEDE_GEWICHT])),
  }));
  return { model: trainNb(SITUATIES, data, alpha), woordenschat };
}

let standaard: Classifier | undefined;
let opbouwMs = 0;

/** The classifier trained on `triage-leerdata.json`, built at first use and then cached for the process. */
export function classifierModel(): Classifier {
  if (!standaard) {
    const start = performance.now();
    standaard = trainClassifier(leerdata.voorbeelden as Leervoorbeeld[]);
    opbouwMs = performance.now() - start;
  }
  return standaard;
}

/** Milliseconds the cached classifier took to build (0 before the first use). */
export function classifierOpbouwMs(): number {
  return opbouwMs;
}

/**
 * NB log scores per situation (order of `SITUATIES`) for a normalised text, and how many of its features the
 * model knows (0: the model has nothing to say).
 */
export function classificeer(
  genormaliseerd: string,
  wie: { actor?: Actor; perspectief?: Perspectief },
  classifier: Classifier = classifierModel(),
): { log: Float64Array; bekend: number } {
  const f = kenmerkenVan(genormaliseerd, classifier.woordenschat, wie);
  // Only content features count as "known": actor tokens alone do not make a text classifiable.
  const { log } = scoorNb(classifier.model, f);
  let bekend = 0;
  for (const k of f) if (!k.startsWith('@') && classifier.model.logKans.has(k)) bekend++;
  return { log, bekend };
}
