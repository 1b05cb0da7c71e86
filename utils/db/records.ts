import type { PrecisDatabase, StoredRecord, StoredText } from './database';
import { validateRecord, type PrecisRecord } from '../record/schema';
import { canonicalUrl } from '../record/url';

/**
 * Newest created first; equal times in descending id order: the order the library lists and exports in, and
 * the order of the `createdAt` index read backwards (IndexedDB orders equal index keys by primary key).
 */
export const newestCreatedFirst = (a: StoredRecord, b: StoredRecord) =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

const newestUpdatedFirst = (a: StoredRecord, b: StoredRecord) => b.updatedAt.localeCompare(a.updatedAt);

/** Records saved under the same address, most recently updated first (without their article text). */
export async function findRecordsByUrl(db: PrecisDatabase, url: string | null): Promise<StoredRecord[]> {
  const key = canonicalUrl(url);
  if (!key) return [];
  return (await db.records.where('url').equals(key).toArray()).sort(newestUpdatedFirst);
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

/**
 * Thrown by saveRecord for a new record with `unlessSaved` when the library already holds a record of the
 * same page; `existing` are those records, most recently updated first. Nothing was written.
 */
export class PageAlreadySaved extends Error {
  constructor(readonly existing: StoredRecord[]) {
    super('This page is already in the library.');
    this.name = 'PageAlreadySaved';
  }
}

/**
 * How saveRecord stores: a new record (with `unlessSaved`, only if no record of the same page exists), or an
 * update of record `id` (see saveRecord for `basedOn`).
 */
export type SaveMode = { kind: 'create'; unlessSaved?: boolean } | { kind: 'update'; id: string; basedOn?: string };

/**
 * Store a record (validated again here, the last gate before IndexedDB). Creating keeps the record's id and
 * never replaces a stored record. Updating keeps the stored record's id and creation time and replaces
 * everything else, except that an update without article text keeps the text already stored. With `basedOn`
 * (the `updatedAt` of the version the edit began from), an update that would replace a newer version throws
 * RecordChangedElsewhere instead.
 *
 * Every check runs in the transaction that writes, so two windows saving at once cannot both pass it: of two
 * `unlessSaved` creates of one page, one is stored and the other throws PageAlreadySaved.
 */
export async function saveRecord(db: PrecisDatabase, record: PrecisRecord, mode: SaveMode): Promise<PrecisRecord> {
  return db.transaction('rw', db.records, db.texts, async () => {
    let toStore = record;
    if (mode.kind === 'update') {
      const existing = await db.records.get(mode.id);
      if (!existing) throw new Error('The record to update no longer exists.');
      if (mode.basedOn !== undefined && existing.updatedAt !== mode.basedOn) throw new RecordChangedElsewhere(existing);
      toStore = { ...record, id: existing.id, createdAt: existing.createdAt };
    } else if (mode.unlessSaved) {
      const existing = await findRecordsByUrl(db, record.url);
      if (existing.length) throw new PageAlreadySaved(existing);
    }
    const checked = validateRecord(toStore);
    if (!checked.ok) throw new Error(`Invalid record: ${checked.errors.join('; ')}`);
    const { text, ...stored } = checked.value;
    if (mode.kind === 'create') await db.records.add(stored);
    else await db.records.put(stored);
    if (text) await db.texts.put({ id: stored.id, text });
    return checked.value;
  });
}

/** All records, most recently created first, without their article text (for lists). */
export async function listRecords(db: PrecisDatabase): Promise<StoredRecord[]> {
  return db.records.orderBy('createdAt').reverse().toArray();
}

/** The newest `limit` records (without text): enough to show the first screen before the rest loads. */
export async function listNewestRecords(db: PrecisDatabase, limit: number): Promise<StoredRecord[]> {
  return db.records.orderBy('createdAt').reverse().limit(limit).toArray();
}

/** One record without its article text; undefined when there is none with that id. */
export function getRecord(db: PrecisDatabase, id: string): Promise<StoredRecord | undefined> {
  return db.records.get(id);
}

/** The given records without their article text, in the order of `ids` (missing ids are skipped). */
export async function listRecordsByIds(db: PrecisDatabase, ids: readonly string[]): Promise<StoredRecord[]> {
  return (await db.records.bulkGet([...ids])).filter((r) => r !== undefined);
}

/** How many records the library holds. */
export function countRecords(db: PrecisDatabase): Promise<number> {
  return db.records.count();
}

/** All records with their article text, most recently created first (for exports). */
export async function listFullRecords(db: PrecisDatabase): Promise<PrecisRecord[]> {
  const [records, texts] = await db.transaction('r', db.records, db.texts, () => Promise.all([listRecords(db), db.texts.toArray()]));
  return joinTexts(records, new Map(texts.map((t) => [t.id, t.text])));
}

/** Texts are read in this many key ranges at once when most of them are wanted, so reading can report progress. */
const TEXT_READS = 10;

/**
 * The given records with their article texts added (records without a stored text are returned as they are).
 * `onProgress` hears how many of the records' texts have been read.
 */
export async function withArticleTexts(
  db: PrecisDatabase,
  records: readonly StoredRecord[],
  onProgress?: (done: number, total: number) => void,
): Promise<PrecisRecord[]> {
  const ids = records.map((r) => r.id);
  const texts = await db.transaction('r', db.texts, async () => {
    const total = await db.texts.count();
    // A few wanted texts are read one by one; most of the library's, in a few ranges of keys read at once
    // (one request per text costs more than reading the few unwanted texts a range also holds).
    if (ids.length < total / 2) {
      const found = await db.texts.bulkGet(ids);
      onProgress?.(ids.length, ids.length);
      return found;
    }
    const sorted = [...ids].sort();
    const per = Math.ceil(sorted.length / TEXT_READS);
    let done = 0;
    const ranges = [];
    for (let i = 0; i < sorted.length; i += per) {
      const [from, to] = [sorted[i], sorted[Math.min(i + per, sorted.length) - 1]];
      ranges.push(
        db.texts
          .where(':id')
          .between(from, to, true, true)
          .toArray()
          .then((rows) => {
            done += Math.min(per, sorted.length - i);
            onProgress?.(done, sorted.length);
            return rows;
          }),
      );
    }
    return (await Promise.all(ranges)).flat();
  });
  return joinTexts(records, new Map(texts.flatMap((t) => (t ? [[t.id, t.text] as const] : []))));
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
  return (await db.texts.get(id))?.text;
}

/** Every keyword used in the library, for tag suggestions (case-insensitive duplicates merged). */
export async function listKeywords(db: PrecisDatabase): Promise<string[]> {
  const keys = (await db.records.orderBy('keywords').uniqueKeys()) as string[];
  const seen = new Map<string, string>();
  for (const k of keys) if (!seen.has(k.toLowerCase())) seen.set(k.toLowerCase(), k);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** What a delete removed, kept so that "Undo" can put it back exactly. */
export interface DeletedRecords {
  records: StoredRecord[];
  texts: Map<string, string>;
}

/** Deletes several records and their texts in one transaction; returns what was removed. */
export async function deleteRecords(db: PrecisDatabase, ids: readonly string[]): Promise<DeletedRecords> {
  const unique = [...new Set(ids)];
  return db.transaction('rw', db.records, db.texts, async () => {
    const [records, texts] = await Promise.all([db.records.bulkGet(unique), db.texts.bulkGet(unique)]);
    await Promise.all([db.records.bulkDelete(unique), db.texts.bulkDelete(unique)]);
    return {
      records: records.filter((r) => r !== undefined),
      texts: new Map(texts.flatMap((t) => (t ? [[t.id, t.text] as const] : []))),
    };
  });
}

/** Puts deleted records and their texts back as they were (undo of deleteRecords). */
export async function restoreRecords(db: PrecisDatabase, deleted: DeletedRecords): Promise<void> {
  const texts: StoredText[] = [...deleted.texts].map(([id, text]) => ({ id, text }));
  await db.transaction('rw', db.records, db.texts, () => Promise.all([db.records.bulkPut(deleted.records), db.texts.bulkPut(texts)]));
}
