/**
 * Two small text classifiers for the meldwijzer triage, trained in memory from labelled examples; they hold
 * feature strings (stems, stem pairs, concept and actor tokens) and numbers, never a text.
 * - A multinomial naive Bayes (Manning, Raghavan & Schütze, *Introduction to Information Retrieval*, ch. 13:
 *   "binarised" multinomial NB — each feature counts once per document — with add-α smoothing). About a
 *   millisecond to train on a few hundred examples; overconfident on correlated features.
 * - A multinomial logistic regression (softmax regression; Jurafsky & Martin, *Speech and Language Processing*,
 *   ch. 5) trained by SGD with AdaGrad steps and L2: better calibrated, a few hundred ms to train.
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

/** A trained multinomial logistic regression: per feature a weight per class, plus a bias per class. */
export interface LrModel<K extends string> {
  klassen: readonly K[];
  bias: Float64Array;
  /** Feature → weight per class (index as in `klassen`); unknown features weigh nothing. */
  gewichten: Map<string, Float64Array>;
}

/** Settings of `trainLr`: L2 penalty per example (λ), passes over the data, and the starting step size. */
export interface LrInstellingen {
  l2: number;
  rondes: number;
  stap: number;
}

/** Defaults of `trainLr` (chosen by cross-validation on the dev part; docs/decisions.md). */
export const LR_STANDAARD: LrInstellingen = { l2: 1e-3, rondes: 60, stap: 0.5 };

/**
 * Train a multinomial logistic regression (softmax regression) with binary features by stochastic gradient
 * descent with AdaGrad step sizes and L2 regularisation (lazy: applied to the features of each example), in a
 * fixed, seeded order (deterministic). Targets are the example's class weights normalised to sum 1 (a second
 * acceptable class at weight 0.5 gets a third). Unlike naive Bayes it does not count correlated features twice,
 * so its probabilities are less overconfident.
 * @throws RangeError for no examples or non-positive settings.
 */
export function trainLr<K extends string>(
  klassen: readonly K[],
  voorbeelden: readonly Voorbeeld<K>[],
  inst: LrInstellingen = LR_STANDAARD,
): LrModel<K> {
  if (voorbeelden.length === 0) throw new RangeError('geen voorbeelden om van te leren');
  if (!(inst.l2 >= 0 && inst.rondes >= 1 && inst.stap > 0)) throw new RangeError('ongeldige instellingen voor trainLr');
  const k = klassen.length;
  // Features as indices into flat weight arrays (feature f, class c at f × k + c): no map lookups while training.
  const index = new Map<string, number>();
  const data: { f: Int32Array; doel: Float64Array }[] = [];
  for (const v of voorbeelden) {
    const doel = new Float64Array(k);
    let som = 0;
    for (let c = 0; c < k; c++) som += doel[c] = Math.max(0, v.klassen[klassen[c]] ?? 0);
    if (som <= 0) continue;
    for (let c = 0; c < k; c++) doel[c] /= som;
    const f = [...new Set(v.kenmerken)].map((x) => {
      let i = index.get(x);
      if (i === undefined) index.set(x, (i = index.size));
      return i;
    });
    data.push({ f: Int32Array.from(f), doel });
  }
  const w = new Float64Array(index.size * k);
  const g2 = new Float64Array(index.size * k).fill(1e-8);
  const bias = new Float64Array(k);
  const biasG2 = new Float64Array(k).fill(1e-8);
  // A small linear congruential generator: the same order on every run.
  let zaad = 12345;
  const volgende = () => (zaad = (zaad * 1103515245 + 12345) % 2147483648) / 2147483648;
  const volgorde = data.map((_, i) => i);
  const p = new Float64Array(k);
  for (let r = 0; r < inst.rondes; r++) {
    for (let i = volgorde.length - 1; i > 0; i--) {
      const j = Math.floor(volgende() * (i + 1));
      [volgorde[i], volgorde[j]] = [volgorde[j], volgorde[i]];
    }
    for (const idx of volgorde) {
      const { f, doel } = data[idx];
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let z = bias[c];
        for (let n = 0; n < f.length; n++) z += w[f[n] * k + c];
        p[c] = z;
        if (z > max) max = z;
      }
      let som = 0;
      for (let c = 0; c < k; c++) som += p[c] = Math.exp(p[c] - max);
      for (let c = 0; c < k; c++) {
        const grad = p[c] / som - doel[c];
        biasG2[c] += grad * grad;
        bias[c] -= (inst.stap / Math.sqrt(biasG2[c])) * grad;
        for (let n = 0; n < f.length; n++) {
          const o = f[n] * k + c;
          const gw = grad + inst.l2 * w[o];
          g2[o] += gw * gw;
          w[o] -= (inst.stap / Math.sqrt(g2[o])) * gw;
        }
      }
    }
  }
  const gewichten = new Map<string, Float64Array>();
  for (const [x, i] of index) gewichten.set(x, w.slice(i * k, i * k + k));
  return { klassen, bias, gewichten };
}

/** Logits of a logistic regression for features (bias + the weights of the known features), per class. */
export function scoorLr<K extends string>(model: LrModel<K>, kenmerken: readonly string[]): Float64Array {
  const uit = Float64Array.from(model.bias);
  for (const f of new Set(kenmerken)) {
    const w = model.gewichten.get(f);
    if (!w) continue;
    for (let c = 0; c < uit.length; c++) uit[c] += w[c];
  }
  return uit;
}
