import { z } from 'zod';
import type { Situatie } from '../lists/definitions';
import { SITUATIES } from '../lists/definitions';
import type { OrgConfig } from '../config/schema';
import type { TriageInstellingen, TriageUitkomst } from './triage';
import { ACTOREN, PERSPECTIEVEN, TRIAGE_INSTELLINGEN, triage } from './triage';
import { trainClassifier, type Classifier } from './triage-classifier';

/**
 * Measuring free-text triage against a labelled corpus (`tests/fixtures/meldwijzer-corpus.json`): the
 * outcome per phrasing and the counts per situation. Pure; used by the corpus test and `bench/triage`.
 *
 * What counts (docs/decisions.md, "Meldwijzer triage: corpus, classifier and what counts as right"):
 * - `goed` (right): `zeker` with an acceptable situation; or the text is a question the item is labelled
 *   with (faq / privacy / help) and triage recognises that kind of question (the bot answers it first);
 * - `gevraagd` (asked): `twijfel`, a choice between two situations. `gevraagdGoed` when one of the two is
 *   acceptable (one tap to the right route), else `gevraagdMis` (the employee must take the menu);
 * - `menu`: `onbekend`, the full menu;
 * - `fout` (wrong with confidence): `zeker` with a situation that is not acceptable.
 * The target "right" counts `goed` + `gevraagdGoed`; `goed` alone is reported as the strict figure.
 */

/** One labelled phrasing of the corpus. */
export const corpusItemSchema = z.strictObject({
  id: z.string().regex(/^[td]\d{3}$/),
  /** `dev`: the classifier trains on it; `test`: only measured, never tuned against. */
  deel: z.enum(['dev', 'test']),
  taal: z.enum(['nl', 'en']),
  tekst: z.string().min(1),
  /** Acceptable situation type(s), most fitting first. */
  situaties: z.array(z.enum(SITUATIES)).min(1).max(2),
  /** Who acts; null when the text describes no conduct (a plain question). */
  actor: z.enum(ACTOREN).nullable(),
  perspectief: z.enum(PERSPECTIEVEN).nullable(),
  /** The text is a question of this kind (answered before any route). */
  vraag: z.enum(['faq', 'privacy', 'help']).optional(),
});
export type CorpusItem = z.output<typeof corpusItemSchema>;

export const corpusSchema = z.strictObject({ note: z.string(), items: z.array(corpusItemSchema).min(1) });

export type Uitslag = 'goed' | 'gevraagdGoed' | 'gevraagdMis' | 'menu' | 'fout';
export const UITSLAGEN: readonly Uitslag[] = ['goed', 'gevraagdGoed', 'gevraagdMis', 'menu', 'fout'];

/** The outcome of one triage result against its label (see the module doc). */
export function uitslagVan(item: CorpusItem, u: TriageUitkomst): Uitslag {
  if (item.vraag && u.vraag?.soort === item.vraag) return 'goed';
  // A privacy question that also names an FAQ entry is answered as privacy: right for a faq label too.
  if (item.vraag === 'faq' && u.vraag?.soort === 'privacy' && u.vraag.faq !== undefined) return 'goed';
  const ok = (s: Situatie | undefined) => s !== undefined && item.situaties.includes(s);
  if (u.beslissing === 'onbekend') return 'menu';
  if (u.beslissing === 'twijfel') return u.twijfelTussen?.some(ok) ? 'gevraagdGoed' : 'gevraagdMis';
  return ok(u.situatie) ? 'goed' : 'fout';
}

/** Counts of one group of items (a situation, or all). */
export interface Telling {
  n: number;
  goed: number;
  gevraagdGoed: number;
  gevraagdMis: number;
  menu: number;
  fout: number;
}

/** The measurement of a corpus part: per first-label situation and overall, actor/perspectief accuracy, confusions. */
export interface Meting {
  totaal: Telling;
  perSituatie: Record<Situatie, Telling>;
  /** `verwarring[label][gekozen]`: items whose first label is `label` and triage's `situatie` (zeker or twijfel) is `gekozen`; `geen` for the menu. */
  verwarring: Record<Situatie, Record<Situatie | 'geen', number>>;
  /** Items with a labelled actor, and how many triage named exactly. */
  actor: { n: number; goed: number };
  /** Items with a labelled perspectief, and how many triage named exactly. */
  perspectief: { n: number; goed: number };
  /** Ids per outcome (for finding the misses). */
  ids: Record<Uitslag, string[]>;
}

const leeg = (): Telling => ({ n: 0, goed: 0, gevraagdGoed: 0, gevraagdMis: 0, menu: 0, fout: 0 });

/**
 * Measure `classify` on `items`. `classify` gets only the text; nothing of the text is kept in the result
 * except the items' ids.
 */
export function meet(items: readonly CorpusItem[], classify: (tekst: string) => TriageUitkomst): Meting {
  const totaal = leeg();
  const perSituatie = Object.fromEntries(SITUATIES.map((s) => [s, leeg()])) as Record<Situatie, Telling>;
  const verwarring = Object.fromEntries(
    SITUATIES.map((s) => [s, Object.fromEntries([...SITUATIES, 'geen'].map((k) => [k, 0]))]),
  ) as Meting['verwarring'];
  const actor = { n: 0, goed: 0 };
  const perspectief = { n: 0, goed: 0 };
  const ids = Object.fromEntries(UITSLAGEN.map((u) => [u, [] as string[]])) as Record<Uitslag, string[]>;
  for (const item of items) {
    const u = classify(item.tekst);
    const uitslag = uitslagVan(item, u);
    for (const t of [totaal, perSituatie[item.situaties[0]]]) {
      t.n++;
      t[uitslag]++;
    }
    verwarring[item.situaties[0]][u.situatie ?? 'geen']++;
    ids[uitslag].push(item.id);
    if (item.actor !== null) {
      actor.n++;
      if (u.actor === item.actor) actor.goed++;
    }
    if (item.perspectief !== null) {
      perspectief.n++;
      if (u.perspectief === item.perspectief) perspectief.goed++;
    }
  }
  return { totaal, perSituatie, verwarring, actor, perspectief, ids };
}

/** Share (0..1) of `deel` in `n`; 0 when `n` is 0. */
export function aandeel(deel: number, n: number): number {
  return n === 0 ? 0 : deel / n;
}

const foldCache = new WeakMap<readonly CorpusItem[], Map<number, Classifier[]>>();

/**
 * k-fold cross-validation of the triage on `items` (the corpus's dev part; never the test part): item i goes
 * to fold i mod k, the classifier is trained on the other folds (`trainClassifier`, text and situations only)
 * and triage with `instellingen` measures the held-out fold; the folds' measurements are added up.
 * Rules and concepts are the same in every fold (they were written with the whole dev part in view, so this
 * figure is optimistic about them). Deterministic. Costs k trainings (about 50–150 ms CPU each).
 * @throws RangeError when k < 2 or k > items.length.
 */
export function kruisvalidatie(
  items: readonly CorpusItem[],
  config: Partial<Pick<OrgConfig, 'triage' | 'faq'>>,
  instellingen: Omit<TriageInstellingen, 'classifier'> = TRIAGE_INSTELLINGEN,
  k = 10,
): Meting {
  if (!(k >= 2 && k <= items.length)) throw new RangeError(`k moet tussen 2 en ${items.length} liggen (kreeg ${k})`);
  const metingen: Meting[] = [];
  // The fold classifiers depend only on the items and k: trained once per item list (several settings are compared).
  let perK = foldCache.get(items);
  if (!perK) foldCache.set(items, (perK = new Map<number, Classifier[]>()));
  let classifiers = perK.get(k);
  if (!classifiers) {
    classifiers = Array.from({ length: k }, (_, f) =>
      trainClassifier(items.filter((_, i) => i % k !== f).map((i) => ({ tekst: i.tekst, situaties: i.situaties }))),
    );
    perK.set(k, classifiers);
  }
  for (let f = 0; f < k; f++) {
    const classifier = classifiers[f];
    const proef = items.filter((_, i) => i % k === f);
    metingen.push(meet(proef, (t) => triage(t, config, { ...instellingen, classifier })));
  }
  return optellen(metingen);
}

/** The sum of measurements of disjoint item sets (e.g. the folds of a cross-validation). */
export function optellen(metingen: readonly Meting[]): Meting {
  const [eerste, ...rest] = metingen;
  if (!eerste) throw new RangeError('geen metingen om op te tellen');
  const som: Meting = structuredClone(eerste);
  const telOp = (a: Telling, b: Telling) => {
    for (const k of ['n', ...UITSLAGEN] as const) a[k] += b[k];
  };
  for (const m of rest) {
    telOp(som.totaal, m.totaal);
    for (const s of SITUATIES) {
      telOp(som.perSituatie[s], m.perSituatie[s]);
      for (const [k, v] of Object.entries(m.verwarring[s])) som.verwarring[s][k as Situatie | 'geen'] += v;
    }
    som.actor.n += m.actor.n;
    som.actor.goed += m.actor.goed;
    som.perspectief.n += m.perspectief.n;
    som.perspectief.goed += m.perspectief.goed;
    for (const u of UITSLAGEN) som.ids[u].push(...m.ids[u]);
  }
  return som;
}
