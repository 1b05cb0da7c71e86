// Keyword changes across many records at once: rename or merge one everywhere, delete it everywhere, add or
// remove one on a selection. Keywords are compared without regard to case ("us" and "US" are one keyword),
// a record never ends up with the same keyword twice, and only records that actually change are written
// (their updatedAt moves to `now`, so an import elsewhere sees them as newer).
import type { PrecisDatabase, StoredRecord } from './database';
import { validateRecord } from '../record/schema';
import { listRecordsByIds } from './records';
import { noteLocalWrites, trackingTables } from './sync-tracking';

const key = (k: string) => k.toLocaleLowerCase();

function cleanKeyword(raw: string): string {
  const k = raw.replace(/\s+/g, ' ').trim();
  if (!k) throw new Error('A keyword cannot be empty.');
  return k;
}

/** Keywords in order without case-insensitive repeats; the first spelling stays. */
function dedupe(keywords: string[]): string[] {
  const seen = new Set<string>();
  return keywords.filter((k) => !seen.has(key(k)) && seen.add(key(k)));
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

async function rewrite(
  db: PrecisDatabase,
  records: StoredRecord[],
  change: (keywords: string[]) => string[],
  now: Date,
): Promise<StoredRecord[]> {
  const changed: StoredRecord[] = [];
  for (const record of records) {
    const keywords = change(record.keywords);
    if (sameList(keywords, record.keywords)) continue;
    const next = { ...record, keywords, updatedAt: now.toISOString() };
    const checked = validateRecord(next);
    if (!checked.ok) throw new Error(`“${record.title}” would become invalid: ${checked.errors.join('; ')}`);
    changed.push(next);
  }
  await db.records.bulkPut(changed);
  await noteLocalWrites(db, changed.map((r) => ({ id: r.id, textChanged: false })));
  return changed;
}

/** Records having `keyword` in any letter case (the index finds candidates as Dexie's equalsIgnoreCase compares). */
async function recordsWithKeyword(db: PrecisDatabase, keyword: string): Promise<StoredRecord[]> {
  const wanted = keyword.toLowerCase();
  const found = await db.records.where('keywords').equalsIgnoreCase(keyword).distinct().toArray();
  return found.filter((r) => r.keywords.some((k) => k.toLowerCase() === wanted));
}

/**
 * Renames `from` to `to` in every record; when `to` already exists this merges the two (e.g. "U.S." into
 * "US"). In the records that change, every spelling of either keyword becomes exactly `to`, once, at the
 * place of the first one. Renaming a keyword to itself makes all its case variants one spelling. Returns the
 * changed records.
 */
export async function renameKeyword(db: PrecisDatabase, from: string, to: string, now: Date = new Date()): Promise<StoredRecord[]> {
  const target = cleanKeyword(to);
  const source = key(from.trim());
  return db.transaction('rw', [db.records, ...trackingTables(db)], async () => {
    const records = await recordsWithKeyword(db, from.trim());
    return rewrite(db, records, (keywords) => dedupe(keywords.map((k) => (key(k) === source || key(k) === key(target) ? target : k))), now);
  });
}

/** Removes a keyword (every spelling of it) from every record. Returns the changed records. */
export async function deleteKeyword(db: PrecisDatabase, keyword: string, now: Date = new Date()): Promise<StoredRecord[]> {
  const gone = key(keyword.trim());
  return db.transaction('rw', [db.records, ...trackingTables(db)], async () => {
    const records = await recordsWithKeyword(db, keyword.trim());
    return rewrite(db, records, (keywords) => keywords.filter((k) => key(k) !== gone), now);
  });
}

/** Adds a keyword to the given records (those that have it in any spelling are left alone). */
export async function addKeywordToRecords(db: PrecisDatabase, ids: readonly string[], keyword: string, now: Date = new Date()): Promise<StoredRecord[]> {
  const added = cleanKeyword(keyword);
  return db.transaction('rw', [db.records, ...trackingTables(db)], async () => {
    const records = await listRecordsByIds(db, [...new Set(ids)]);
    return rewrite(db, records, (keywords) => dedupe([...keywords, added]), now);
  });
}

/** Removes a keyword (every spelling of it) from the given records. */
export async function removeKeywordFromRecords(db: PrecisDatabase, ids: readonly string[], keyword: string, now: Date = new Date()): Promise<StoredRecord[]> {
  const gone = key(keyword.trim());
  return db.transaction('rw', [db.records, ...trackingTables(db)], async () => {
    const records = await listRecordsByIds(db, [...new Set(ids)]);
    return rewrite(db, records, (keywords) => keywords.filter((k) => key(k) !== gone), now);
  });
}
