/**
 * The item rules every ListStore applies before it writes (one copy for SQLite, Graph and PostgreSQL).
 */
import { getListDefinition } from '../lists/definitions';
import { formatIssues, itemSchema, type AnyListItem } from '../lists/schemas';
import { InvalidItemError } from './list-store';

/**
 * The canonical item for `list` (zod schema of its definition).
 * @throws InvalidItemError with `column: expected` lines when `input` does not match.
 */
export function validateItem(list: string, input: unknown): AnyListItem {
  const r = itemSchema(list).safeParse(input);
  if (!r.success) throw new InvalidItemError(list, formatIssues(r.error));
  return r.data;
}

/**
 * `current` with `patch` applied, as `update` writes it: key columns cannot change, the result is validated.
 * @throws InvalidItemError when the patch changes a key column or the result is invalid.
 */
export function mergeUpdate(list: string, current: AnyListItem, patch: AnyListItem): AnyListItem {
  for (const k of getListDefinition(list).key) {
    if (k in patch && patch[k] !== current[k]) throw new InvalidItemError(list, [`${k}: sleutelkolom kan niet worden gewijzigd`]);
  }
  return validateItem(list, { ...current, ...patch });
}
