/**
 * Provisioning of the SharePoint lists from `LIST_DEFINITIONS` (docs/contracts.md "SharePoint lists"): creates
 * missing lists with all their columns, adds missing columns to existing lists, turns on indexes (and
 * unique values for single-column keys) the definitions ask for. It never deletes or retypes anything:
 * a column whose type differs is reported as a warning. Idempotent: a second run plans nothing.
 *
 * Graph column shapes (docs/contracts.md "SharePoint lists"): text `{ text: {} }`, note `{ text: { allowMultipleLines: true } }`,
 * number `{ number: {} }`, boolean `{ boolean: {} }`, date `{ dateTime: { format: 'dateOnly' } }`,
 * dateTime `{ dateTime: { format: 'dateTime' } }`, choice `{ choice: { choices } }`, multichoice
 * `{ choice: { choices, displayAs: 'checkBoxes' } }`, indexed columns `indexed: true`.
 */
import { z } from 'zod';
import { LIST_DEFINITIONS, LIST_NAMES, type ColumnDefinition, type ListDefinition } from '../../lists/definitions';
import type { GraphHttp } from '@shared/graph/http';
import { collectionSchema, parseGraph, type GraphCollection } from './graph-lists';

/** The Graph `columnDefinition` for one of our columns. Single-column keys get `enforceUniqueValues`. */
export function graphColumn(col: ColumnDefinition, def?: ListDefinition): Record<string, unknown> {
  const base: Record<string, unknown> = { name: col.name, displayName: col.name };
  if (col.description) base.description = col.description;
  if (col.required) base.required = true;
  if (col.indexed) base.indexed = true;
  if (col.indexed && def && def.key.length === 1 && def.key[0] === col.name) base.enforceUniqueValues = true;
  switch (col.type) {
    case 'text':
      return { ...base, text: {} };
    case 'note':
      return { ...base, text: { allowMultipleLines: true } };
    case 'number':
      return { ...base, number: {} };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'date':
      return { ...base, dateTime: { format: 'dateOnly' } };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime' } };
    case 'choice':
      return { ...base, choice: { choices: [...col.choices!] } };
    case 'multichoice':
      return { ...base, choice: { choices: [...col.choices!], displayAs: 'checkBoxes' } };
  }
}

/** One step of the plan. */
export type ProvisionStep =
  | { kind: 'createList'; list: string; columns: number }
  | { kind: 'addColumn'; list: string; column: string }
  | { kind: 'indexColumn'; list: string; column: string; unique: boolean }
  | { kind: 'addChoices'; list: string; column: string; choices: string[] };

/** The plan: steps to run and warnings (differences we never change automatically). */
export interface ProvisionPlan {
  siteId: string;
  steps: ProvisionStep[];
  warnings: string[];
}

const listSchema = z.object({ id: z.string(), name: z.string().optional(), displayName: z.string().optional() });
const columnSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    indexed: z.boolean().optional(),
    enforceUniqueValues: z.boolean().optional(),
    text: z.object({ allowMultipleLines: z.boolean().optional() }).passthrough().optional(),
    number: z.object({}).passthrough().optional(),
    boolean: z.object({}).passthrough().optional(),
    dateTime: z.object({ format: z.string().optional() }).passthrough().optional(),
    choice: z
      .object({ choices: z.array(z.string()).optional(), displayAs: z.string().optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();
type GraphColumn = z.infer<typeof columnSchema>;

function typeOf(c: GraphColumn): string {
  if (c.text) return c.text.allowMultipleLines ? 'note' : 'text';
  if (c.number) return 'number';
  if (c.boolean) return 'boolean';
  if (c.dateTime) return c.dateTime.format === 'dateOnly' ? 'date' : 'dateTime';
  if (c.choice) return c.choice.displayAs === 'checkBoxes' ? 'multichoice' : 'choice';
  return 'anders';
}

async function getAll(http: GraphHttp, path: string, what: string): Promise<unknown[]> {
  const out: unknown[] = [];
  let next: string | undefined = path;
  while (next) {
    const page: GraphCollection = parseGraph(collectionSchema, await http.get(next), what);
    out.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return out;
}

interface SiteState {
  lists: Map<string, { id: string; columns: Map<string, GraphColumn> }>;
}

async function readSite(http: GraphHttp, siteId: string): Promise<SiteState> {
  const lists = new Map<string, { id: string; columns: Map<string, GraphColumn> }>();
  for (const raw of await getAll(http, `/sites/${siteId}/lists?$select=id,name,displayName`, 'lijsten')) {
    const l = parseGraph(listSchema, raw, 'lijst');
    const name = LIST_NAMES.find((n) => n === l.displayName || n === l.name);
    if (!name) continue;
    const cols = new Map<string, GraphColumn>();
    for (const c of await getAll(http, `/sites/${siteId}/lists/${l.id}/columns`, `kolommen ${name}`)) {
      const col = parseGraph(columnSchema, c, `kolom ${name}`);
      cols.set(col.name, col);
    }
    lists.set(name, { id: l.id, columns: cols });
  }
  return { lists };
}

/** Compare the site with the definitions. Reads only. */
export async function planProvision(http: GraphHttp, siteId: string): Promise<ProvisionPlan> {
  const state = await readSite(http, siteId);
  const steps: ProvisionStep[] = [];
  const warnings: string[] = [];
  for (const name of LIST_NAMES) {
    const def: ListDefinition = LIST_DEFINITIONS[name];
    const existing = state.lists.get(name);
    if (!existing) {
      steps.push({ kind: 'createList', list: name, columns: def.columns.length });
      continue;
    }
    for (const col of def.columns) {
      const c = existing.columns.get(col.name);
      if (!c) {
        steps.push({ kind: 'addColumn', list: name, column: col.name });
        continue;
      }
      const t = typeOf(c);
      if (t !== col.type)
        warnings.push(`${name}.${col.name}: type op SharePoint is ${t}, verwacht ${col.type} (niet automatisch gewijzigd)`);
      const wantUnique = graphColumn(col, def).enforceUniqueValues === true;
      if ((col.indexed && !c.indexed) || (wantUnique && !c.enforceUniqueValues))
        steps.push({ kind: 'indexColumn', list: name, column: col.name, unique: wantUnique });
      if (col.choices && c.choice?.choices) {
        const missing = col.choices.filter((x) => !c.choice!.choices!.includes(x));
        if (missing.length) steps.push({ kind: 'addChoices', list: name, column: col.name, choices: missing });
      }
    }
  }
  return { siteId, steps, warnings };
}

/** One line per step, Dutch, for `--dry-run` and the log of a real run. */
export function describeStep(s: ProvisionStep): string {
  switch (s.kind) {
    case 'createList':
      return `lijst ${s.list} aanmaken met ${s.columns} kolommen`;
    case 'addColumn':
      return `kolom ${s.list}.${s.column} toevoegen`;
    case 'indexColumn':
      return `index op ${s.list}.${s.column} aanzetten${s.unique ? ' (unieke waarden)' : ''}`;
    case 'addChoices':
      return `keuzes ${s.choices.join(', ')} toevoegen aan ${s.list}.${s.column}`;
  }
}

/**
 * Run the plan's steps in order (each step is one Graph request).
 * @param onStep called before each step
 * @throws GraphError of the first step that fails (steps before it stay done; rerun to continue)
 */
export async function applyProvision(
  http: GraphHttp,
  plan: ProvisionPlan,
  onStep: (s: ProvisionStep) => void = () => undefined,
): Promise<void> {
  const state: Awaited<ReturnType<typeof readSite>> = plan.steps.some((s) => s.kind !== 'createList')
    ? await readSite(http, plan.siteId)
    : { lists: new Map() };
  for (const s of plan.steps) {
    onStep(s);
    const def: ListDefinition = LIST_DEFINITIONS[s.list as keyof typeof LIST_DEFINITIONS];
    const col = 'column' in s ? def.columns.find((c) => c.name === s.column)! : undefined;
    const listId = state.lists.get(s.list)?.id;
    switch (s.kind) {
      case 'createList':
        await http.post(`/sites/${plan.siteId}/lists`, {
          displayName: def.name,
          description: def.description,
          columns: def.columns.map((c) => graphColumn(c, def)),
          list: { template: 'genericList' },
        });
        break;
      case 'addColumn':
        await http.post(`/sites/${plan.siteId}/lists/${listId}/columns`, graphColumn(col!, def));
        break;
      case 'indexColumn': {
        const existing = state.lists.get(s.list)!.columns.get(s.column)!;
        await http.patch(`/sites/${plan.siteId}/lists/${listId}/columns/${existing.id}`, {
          indexed: true,
          ...(s.unique ? { enforceUniqueValues: true } : {}),
        });
        break;
      }
      case 'addChoices': {
        const existing = state.lists.get(s.list)!.columns.get(s.column)!;
        const choices = [...(existing.choice?.choices ?? []), ...s.choices];
        await http.patch(`/sites/${plan.siteId}/lists/${listId}/columns/${existing.id}`, { choice: { ...existing.choice, choices } });
        break;
      }
    }
  }
}
