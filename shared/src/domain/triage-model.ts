/**
 * A small multinomial naive Bayes text classifier for the meldwijzer triage (Manning, Raghavan & Schütze,
 * *Introduction to Information Retrieval*, ch. 13: "binarised" multinomial NB — each feature counts once per
 * document — with add-α smoothing). Trained in memory from labelled examples; holds feature strings (stems,
 * stem pairs, concept and actor tokens), never a text. About a millisecond to train on a few hundred examples.
 */

/** One training example: its features (see `kenmerken` in triage-tekst.ts) and its class(es) with weights. */
export interface Voorbeeld<K extends string> {
  kenmerken: readonly string[];
  /** Class → weight (e.g. 1 for the first acceptable situation, 0.5 for the second). */
  klassen: Partial<Record<K, number>>;
}

/** A trained model: per class the log prior and per feature the log likelihood; unknown features are skipped. */
export interface NbModel<K extends string> {
  klassen: readonly K[];
  logPrior: Float64Array;
  /** Feature → log P(feature | class) per class (index as in `klassen`). */
  logKans: Map<string, Float64Array>;
  /** Number of distinct features (the vocabulary). */
  omvang: number;
}

/**
 * Train a binarised multinomial NB.
 * @param klassen the classes, in a fixed order (the scores follow it).
 * @param voorbeelden labelled examples; weights ≤ 0 are ignored.
 * @param alpha add-α smoothing (> 0; 1 is Laplace). Throws RangeError for α ≤ 0 or no examples.
 */
export function trainNb<K extends string>(klassen: readonly K[], voorbeelden: readonly Voorbeeld<K>[], alpha = 0.5): NbModel<K> {
  if (!(alpha > 0)) throw new RangeError(`alpha moet groter dan 0 zijn (kreeg ${alpha})`);
  if (voorbeelden.length === 0) throw new RangeError('geen voorbeelden om van te leren');
  const k = klassen.length;
  const docs = new Float64Array(k);
  const tellingen = new Map<string, Float64Array>();
  const totaal = new Float64Array(k);
  for (const v of voorbeelden) {
    const uniek = new Set(v.kenmerken);
    for (let c = 0; c < k; c++) {
      const w = v.klassen[klassen[c]] ?? 0;
      if (w <= 0) continue;
      docs[c] += w;
      for (const f of uniek) {
        let t = tellingen.get(f);
        if (!t) tellingen.set(f, (t = new Float64Array(k)));
        t[c] += w;
        totaal[c] += w;
      }
    }
  }
  const v = tellingen.size;
  const nDocs = docs.reduce((a, b) => a + b, 0);
  const logPrior = new Float64Array(k);
  for (let c = 0; c < k; c++) logPrior[c] = Math.log((docs[c] + 1) / (nDocs + k));
  const logKans = new Map<string, Float64Array>();
  for (const [f, t] of tellingen) {
    const l = new Float64Array(k);
    for (let c = 0; c < k; c++) l[c] = Math.log((t[c] + alpha) / (totaal[c] + alpha * v));
    logKans.set(f, l);
  }
  return { klassen, logPrior, logKans, omvang: v };
}

/**
 * Score features with a model: log prior + the sum of log likelihoods of the known features, per class,
 * and how many features were known. Unknown features say nothing (skipped, as in most NB text classifiers).
 */
export function scoorNb<K extends string>(model: NbModel<K>, kenmerken: readonly string[]): { log: Float64Array; bekend: number } {
  const log = Float64Array.from(model.logPrior);
  let bekend = 0;
  for (const f of new Set(kenmerken)) {
    const l = model.logKans.get(f);
    if (!l) continue;
    bekend++;
    for (let c = 0; c < log.length; c++) log[c] += l[c];
  }
  return { log, bekend };
}

/** Softmax of `logits × schaal` (numerically stable); returns probabilities that sum to 1. */
export function softmax(logits: ArrayLike<number>, schaal = 1): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] * schaal);
  const out = new Float64Array(logits.length);
  let som = 0;
  for (let i = 0; i < logits.length; i++) som += out[i] = Math.exp(logits[i] * schaal - max);
  for (let i = 0; i < out.length; i++) out[i] /= som;
  return out;
}
