import type { PrecisDatabase } from './database';
import { validateRecord, type PrecisRecord } from '../record/schema';
import { canonicalUrl } from '../record/url';

/** Records saved under the same address, newest first. */
export async function findRecordsByUrl(db: PrecisDatabase, url: string | null): Promise<PrecisRecord[]> {
  const key = canonicalUrl(url);
  if (!key) return [];
  const found = await db.records.where('url').equals(key).toArray();
  return found.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/**
 * Store a record (validated again here, the last gate before IndexedDB). Creating keeps the record's
 * id; updating keeps the stored record's id and creation time and replaces everything else.
 */
export async function saveRecord(
  db: PrecisDatabase,
  record: PrecisRecord,
  mode: { kind: 'create' } | { kind: 'update'; id: string },
): Promise<PrecisRecord> {
  let toStore = record;
  if (mode.kind === 'update') {
    const existing = await db.records.get(mode.id);
    if (!existing) throw new Error('The record to update no longer exists.');
    toStore = { ...record, id: existing.id, createdAt: existing.createdAt };
  }
  const checked = validateRecord(toStore);
  if (!checked.ok) throw new Error(`Invalid record: ${checked.errors.join('; ')}`);
  await db.records.put(checked.value);
  return checked.value;
}

/** All records, most recently created first. */
export async function listRecords(db: PrecisDatabase): Promise<PrecisRecord[]> {
  return db.records.orderBy('createdAt').reverse().toArray();
}

export async function deleteRecord(db: PrecisDatabase, id: string): Promise<void> {
  await db.records.delete(id);
}

/** Every keyword used in the library, for tag suggestions (case-insensitive duplicates merged). */
export async function listKeywords(db: PrecisDatabase): Promise<string[]> {
  const keys = (await db.records.orderBy('keywords').uniqueKeys()) as string[];
  const seen = new Map<string, string>();
  for (const k of keys) if (!seen.has(k.toLowerCase())) seen.set(k.toLowerCase(), k);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}
