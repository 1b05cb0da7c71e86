import type { PrecisRecord } from '../record/schema';

// Records that parseImport built from the record schema's output. applyImport validates every record it is
// given, as the last gate before IndexedDB, except these: validating 10,000 records again costs seconds.
// A WeakSet, not a flag on the record, so that nothing outside this module can vouch for a record.
const checked = new WeakSet<PrecisRecord>();

export function vouchFor(records: readonly PrecisRecord[]): void {
  for (const r of records) checked.add(r);
}

export function isVouchedFor(record: PrecisRecord): boolean {
  return checked.has(record);
}
