import type { StoredRecord } from '../db/database';
import { newestCreatedFirst } from '../db/records';

/** Records to show anew and ids to take off the list. */
export interface RecordChanges {
  upserted: readonly StoredRecord[];
  removed: readonly string[];
}

/**
 * The part of `changes` (found in the database) that the list does not show yet: records it lacks or shows
 * with another `updatedAt` (a record changes it with every save, keyword change and newer import), and ids
 * it still shows. What the page did itself, and has shown already, drops out.
 */
export function unshownChanges(shown: ReadonlyMap<string, StoredRecord>, { upserted, removed }: RecordChanges): RecordChanges {
  return {
    upserted: upserted.filter((r) => shown.get(r.id)?.updatedAt !== r.updatedAt),
    removed: removed.filter((id) => shown.has(id)),
  };
}

/** `list` (newest created first) with the changes made; records not touched stay the same objects. */
export function applyRecordChanges(list: readonly StoredRecord[], { upserted, removed }: RecordChanges): StoredRecord[] {
  if (!upserted.length && !removed.length) return [...list];
  const gone = new Set([...removed, ...upserted.map((r) => r.id)]);
  const kept = list.filter((r) => !gone.has(r.id));
  return upserted.length ? [...kept, ...upserted].sort(newestCreatedFirst) : kept;
}
