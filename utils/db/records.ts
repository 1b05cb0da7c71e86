import type { PrecisDatabase, StoredRecord } from './database';
import { changeTexts, getAllTexts, getText, getTexts } from './article-texts';
import {
  changeRecords, getAllRecords, getKeywordSpellings, getNewestRecords, getRecord, getRecordsInOrder, getRecordsWithUrl,
  newestCreatedFirst,
} from './record-buckets';
import { validateRecord, type PrecisRecord } from '../record/schema';
import { canonicalUrl } from '../record/url';

/** Records saved under the same address, newest first (without their article text). */
export async function findRecordsByUrl(db: PrecisDatabase, url: string | null): Promise<StoredRecord[]> {
  const key = canonicalUrl(url);
  if (!key) return [];
  const found = await getRecordsWithUrl(db, key);
  return found.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/**
 * Thrown by saveRecord when the record was saved again elsewhere (the popup, another library tab) after the
 * edit being saved began from the version `basedOn` names; `current` is that newer version.
 */
export class RecordChangedElsewhere extends Error {
  constructor(readonly current: StoredRecord) {
    super('The record was changed elsewhere after this edit began.');
    this.name = 'RecordChangedElsewhere';
  }
}

/** How saveRecord stores: a new record, or an update of record `id` (see saveRecord for `basedOn`). */
export type SaveMode = { kind: 'create' } | { kind: 'update'; id: string; basedOn?: string };

/**
 * Store a record (validated again here, the last gate before IndexedDB). Creating keeps the record's id;
 * updating keeps the stored record's id and creation time and replaces everything else, except that an
 * update without article text keeps the text already stored. With `basedOn` (the `updatedAt` of the version
 * the edit began from), an update that would replace a newer version throws RecordChangedElsewhere instead.
 */
export async function saveRecord(db: PrecisDatabase, record: PrecisRecord, mode: SaveMode): Promise<PrecisRecord> {
  return db.transaction('rw', db.recordBuckets, db.textBuckets, async () => {
    let toStore = record;
    if (mode.kind === 'update') {
      const existing = await getRecord(db, mode.id);
      if (!existing) throw new Error('The record to update no longer exists.');
      if (mode.basedOn !== undefined && existing.updatedAt !== mode.basedOn) throw new RecordChangedElsewhere(existing);
      toStore = { ...record, id: existing.id, createdAt: existing.createdAt };
    }
    const checked = validateRecord(toStore);
    if (!checked.ok) throw new Error(`Invalid record: ${checked.errors.join('; ')}`);
    const { text, ...stored } = checked.value;
    await changeRecords(db, [stored]);
    if (text) await changeTexts(db, [[stored.id, text]]);
    return checked.value;
  });
}

export { newestCreatedFirst };

/** All records, most recently created first, without their article text (for lists). */
export async function listRecords(db: PrecisDatabase): Promise<StoredRecord[]> {
  return (await getAllRecords(db)).sort(newestCreatedFirst);
}

/** All records with their article text, most recently created first (for exports). */
export async function listFullRecords(db: PrecisDatabase): Promise<PrecisRecord[]> {
  const [records, byId] = await db.transaction('r', db.recordBuckets, db.textBuckets, async () => Promise.all([getAllRecords(db), getAllTexts(db)]));
  return joinTexts(records.sort(newestCreatedFirst), byId);
}

/** The given records with their article texts added (records without a stored text are returned as they are). */
export async function withArticleTexts(db: PrecisDatabase, records: readonly StoredRecord[]): Promise<PrecisRecord[]> {
  return joinTexts(records, await db.transaction('r', db.textBuckets, async () => getTexts(db, records.map((r) => r.id))));
}

/** Each record with its text from `texts` (records without one are returned as they are). */
function joinTexts(records: readonly StoredRecord[], texts: ReadonlyMap<string, string>): PrecisRecord[] {
  return records.map((r) => {
    const text = texts.get(r.id);
    return text ? { ...r, text } : r;
  });
}

/** The article text stored with a record, if any. */
export async function getRecordText(db: PrecisDatabase, id: string): Promise<string | undefined> {
  return getText(db, id);
}

/** Every keyword used in the library, for tag suggestions (case-insensitive duplicates merged). */
export async function listKeywords(db: PrecisDatabase): Promise<string[]> {
  const keys = await getKeywordSpellings(db);
  const seen = new Map<string, string>();
  for (const k of keys) if (!seen.has(k.toLowerCase())) seen.set(k.toLowerCase(), k);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** The newest `limit` records (without text): enough to show the first screen before the rest loads. */
export async function listNewestRecords(db: PrecisDatabase, limit: number): Promise<StoredRecord[]> {
  return db.transaction('r', db.recordBuckets, async () => getNewestRecords(db, limit));
}

/** The given records without their article text, in the order of `ids` (missing ids are skipped). */
export async function listRecordsByIds(db: PrecisDatabase, ids: readonly string[]): Promise<StoredRecord[]> {
  return db.transaction('r', db.recordBuckets, async () => getRecordsInOrder(db, ids));
}

/** What a delete removed, kept so that "Undo" can put it back exactly. */
export interface DeletedRecords {
  records: StoredRecord[];
  texts: Map<string, string>;
}

/** Deletes several records and their texts in one transaction; returns what was removed. */
export async function deleteRecords(db: PrecisDatabase, ids: readonly string[]): Promise<DeletedRecords> {
  ids = [...new Set(ids)];
  return db.transaction('rw', db.recordBuckets, db.textBuckets, async () => {
    const [records, texts] = await Promise.all([getRecordsInOrder(db, ids), getTexts(db, ids)]);
    await changeRecords(db, [], ids);
    await changeTexts(db, [], ids);
    return { records, texts };
  });
}

/** Puts deleted records and their texts back as they were (undo of deleteRecords). */
export async function restoreRecords(db: PrecisDatabase, deleted: DeletedRecords): Promise<void> {
  await db.transaction('rw', db.recordBuckets, db.textBuckets, async () => {
    await changeRecords(db, deleted.records);
    await changeTexts(db, deleted.texts);
  });
}
