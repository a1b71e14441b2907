import type { Situatie } from '../lists/definitions';
import { SITUATIES } from '../lists/definitions';
import type { Actor, Perspectief } from './triage';
import { begrippen } from './triage-begrippen';
import achtergrond from './triage-achtergrond.json';
import leerdata from './triage-leerdata.json';
import { trainLr, trainNb, type LrInstellingen, type LrModel, type NbModel, type Voorbeeld } from './triage-model';
import { actorEnPerspectief } from './triage-actor';
import { analyseer, kenmerken, normaliseer, stam } from './triage-tekst';

/**
 * The statistical half of the meldwijzer triage: a naive Bayes model and a logistic regression
 * (triage-model.ts) over the features of a text — Snowball stems (Dutch or English), compound parts,
 * neighbouring stem pairs, concepts (triage-begrippen.ts) and who acts (`@actor:burger`, `@perspectief:zelf`) —
 * trained on the examples in `triage-leerdata.json` (the dev part of the labelled corpus) plus the everyday chat
 * of `triage-achtergrond.json` as the class `geen` (about no situation: the menu). Triage adds both models'
 * scores to its rules (weights in `TRIAGE_INSTELLINGEN`, chosen by cross-validation; docs/decisions.md). The
 * models are built once per process when triage.ts loads and cached (`classifierModel()`, a few hundred ms);
 * `classifierOpbouwMs()` says what that cost. Holds no text: only feature strings, counts and weights.
 */

/** A training example: a text and its acceptable situations (first = most fitting). */
export interface Leervoorbeeld {
  tekst: string;
  situaties: readonly Situatie[];
}

/** Weight of the second acceptable situation of an example (the first counts 1). */
const TWEEDE_GEWICHT = 0.5;

/**
 * The classifier's classes: the situation types plus `geen`, learnt from everyday chat that is about none of them
 * (`triage-achtergrond.json`: "het weer is mooi", "printer is stuk"), so such a text gets the menu, not a choice.
 */
export const KLASSEN = [...SITUATIES, 'geen'] as const;
export type Klasse = (typeof KLASSEN)[number];
/** Index of `geen` in `KLASSEN` (the situations come first, in the order of `SITUATIES`). */
export const GEEN = SITUATIES.length;

/** The classifier: the NB model plus the vocabulary used to split compounds. */
export interface Classifier {
  model: NbModel<Klasse>;
  /** A logistic regression on the same features (better calibrated than naive Bayes). */
  lr: LrModel<Klasse>;
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
export function trainClassifier(
  voorbeelden: readonly Leervoorbeeld[],
  alpha?: number,
  lr?: LrInstellingen,
  geen: readonly string[] = ACHTERGROND,
): Classifier {
  const woordenschat = new Set<string>();
  const genormaliseerd = voorbeelden.map((v) => normaliseer(v.tekst));
  for (const g of genormaliseerd) {
    const a = analyseer(g);
    for (const w of a.woorden) if (w.length >= 4) woordenschat.add(w);
    for (const s of a.stammen) if (s.length >= 4) woordenschat.add(s);
    for (const w of a.woorden) if (w.length >= 4) woordenschat.add(stam(w, a.taal));
  }
  const data: Voorbeeld<Klasse>[] = voorbeelden.map((v, i) => ({
    kenmerken: kenmerkenVan(genormaliseerd[i], woordenschat, actorEnPerspectief(genormaliseerd[i])),
    klassen: Object.fromEntries(v.situaties.map((s, j) => [s, j === 0 ? 1 : TWEEDE_GEWICHT])),
  }));
  // Everyday chat adds no words to the vocabulary for compounds: only what it says about `geen`.
  for (const t of geen) {
    const g = normaliseer(t);
    data.push({ kenmerken: kenmerkenVan(g, woordenschat, actorEnPerspectief(g)), klassen: { geen: 1 } });
  }
  return { model: trainNb(KLASSEN, data, alpha), lr: trainLr(KLASSEN, data, lr), woordenschat };
}

/** The everyday chat of `triage-achtergrond.json` (class `geen`). */
export const ACHTERGROND: readonly string[] = achtergrond.items.map((i) => i.tekst);

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
): { log: Float64Array; lr: Float64Array; bekend: number; begrippen: number } {
  const f = new Set(kenmerkenVan(genormaliseerd, classifier.woordenschat, wie));
  // One pass over the distinct features for both models (as `scoorNb` and `scoorLr` do one at a time).
  const { model, lr } = classifier;
  const log = Float64Array.from(model.logPrior);
  const lrLog = Float64Array.from(lr.bias);
  let bekend = 0;
  let begrip = 0;
  for (const k of f) {
    const inhoud = k.charCodeAt(0) !== 64; // '@': actor tokens alone do not make a text classifiable
    if (k.charCodeAt(0) === 35) begrip++; // '#': a concept
    const l = model.logKans.get(k);
    if (l) {
      if (inhoud) bekend++;
      for (let c = 0; c < log.length; c++) log[c] += l[c];
    }
    const w = lr.gewichten.get(k);
    if (w) for (let c = 0; c < lrLog.length; c++) lrLog[c] += w[c];
  }
  return { log, lr: lrLog, bekend, begrippen: begrip };
}
