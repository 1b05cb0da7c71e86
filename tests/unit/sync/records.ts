// Records for the sync tests: valid by the record schema, with fixed times (no test reads the clock).
import { RecordSchema, type PrecisRecord, type RecordInput } from '../../../utils/record/schema';
import type { SyncedRecord } from '../../../utils/sync/documents';

let counter = 0;

/** A full record (schema defaults filled in); `id` unique unless given. */
export function makeRecord(fields: Partial<RecordInput> = {}): PrecisRecord {
  counter += 1;
  return RecordSchema.parse({
    id: `rec-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    title: `Record ${counter}`,
    createdAt: '2024-03-01T10:00:00Z',
    updatedAt: '2024-03-01T10:00:00Z',
    ...fields,
  });
}

/** The record without its text, as the sync moves it. */
export function synced(record: PrecisRecord): SyncedRecord {
  const { text: _text, ...rest } = record;
  return rest;
}
