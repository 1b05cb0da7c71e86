// Selecting records with checkboxes: one at a time, or a shift-click range from the last one clicked.

import type { StoredRecord } from '../db/database';

/**
 * The selection after ticking (or unticking) row `index` of `ids`. With `range`, every row between the
 * anchor (the row clicked before) and `index` takes the same state.
 */
export function toggleSelection(
  selected: ReadonlySet<string>,
  ids: readonly string[],
  index: number,
  on: boolean,
  range: { anchor: number } | null,
): Set<string> {
  const next = new Set(selected);
  const [from, to] = range && range.anchor >= 0 && range.anchor < ids.length ? [Math.min(range.anchor, index), Math.max(range.anchor, index)] : [index, index];
  for (let i = from; i <= to; i++) {
    if (on) next.add(ids[i]);
    else next.delete(ids[i]);
  }
  return next;
}

/** Only the selected ids still present (after a delete or a narrower view). */
export function keepExisting(selected: ReadonlySet<string>, exists: (id: string) => boolean): Set<string> {
  return new Set([...selected].filter(exists));
}

/** The records of `ids` in that order, from `records` (ids no longer stored are left out). */
export function recordsInOrder(records: readonly StoredRecord[], ids: readonly string[]): StoredRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
