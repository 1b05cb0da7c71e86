import type { PrecisDatabase, StoredRecord, StoredText } from './database';
import { validateRecord, type PrecisRecord } from '../record/schema';
import { canonicalUrl } from '../record/url';
import { noteLocalDeletes, noteLocalWrites, trackingTables } from './sync-tracking';

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
 * never replaces a stored record. Updating keeps the stored record's id, creation time and clippedBy and replaces
 * everything else, except that an update without article text keeps the text already stored. With `basedOn`
 * (the `updatedAt` of the version the edit began from), an update that would replace a newer version throws
 * RecordChangedElsewhere instead.
 *
 * Every check runs in the transaction that writes, so two windows saving at once cannot both pass it: of two
 * `unlessSaved` creates of one page, one is stored and the other throws PageAlreadySaved.
 */
export async function saveRecord(db: PrecisDatabase, record: PrecisRecord, mode: SaveMode): Promise<PrecisRecord> {
  return db.transaction('rw', [db.records, db.texts, ...trackingTables(db)], async () => {
    let toStore = record;
    if (mode.kind === 'update') {
      const existing = await db.records.get(mode.id);
      if (!existing) throw new Error('The record to update no longer exists.');
      if (mode.basedOn !== undefined && existing.updatedAt !== mode.basedOn) throw new RecordChangedElsewhere(existing);
      // Who clipped it is the team library's to say: a form that does not carry it does not erase it.
      toStore = { ...record, id: existing.id, createdAt: existing.createdAt, ...(existing.clippedBy ? { clippedBy: existing.clippedBy } : {}) };
    } else if (mode.unlessSaved) {
      const existing = await findRecordsByUrl(db, record.url);
      if (existing.length) throw new PageAlreadySaved(existing);
    }
    const checked = validateRecord(toStore);
    if (!checked.ok) throw new Error(`Invalid record: ${checked.errors.join('; ')}`);
    const { text, ...stored } = checked.value;
    const textChanged = !!text && (mode.kind === 'create' || (await db.texts.get(stored.id))?.text !== text);
    if (mode.kind === 'create') await db.records.add(stored);
    else await db.records.put(stored);
    if (text) await db.texts.put({ id: stored.id, text });
    await noteLocalWrites(db, [{ id: stored.id, textChanged }]);
    return checked.value;
  });
}

/** All records, most recently created first, without their article text (for lists). */
export async function listRecords(db: PrecisDatabase): Promise<StoredRecord[]> {
  // One getAll, sorted here: read backwards through an index, browsers without getAll's direction option
  // (Firefox) walk a cursor a record at a time.
  return (await db.records.toArray()).sort(newestCreatedFirst);
}

/**
 * The newest `limit` records (without text): enough to show the first screen before the rest loads. A cursor
 * walking back through the index costs a round trip to the database per record (70–80 ms for 60 on a slow
 * machine); instead one key cursor finds the oldest `createdAt` among them and one getAll reads from there on.
 */
export async function listNewestRecords(db: PrecisDatabase, limit: number): Promise<StoredRecord[]> {
  return db.transaction('r', db.records, async () => {
    const [oldest] = await db.records.orderBy('createdAt').reverse().offset(limit - 1).limit(1).keys();
    // Fewer records than `limit`: all of them. Records sharing that oldest time may add a few, cut below.
    const rows = oldest === undefined ? await db.records.toArray() : await db.records.where('createdAt').aboveOrEqual(oldest).toArray();
    return rows.sort(newestCreatedFirst).slice(0, limit);
  });
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

/** Texts are read in this many parts at once, so that reading can report progress and hand over each part. */
const TEXT_PARTS = 10;

/** Hears how far withArticleTexts has got, and takes each part of the records as its texts arrive. */
export interface TextReading {
  /** How many of the records' texts have been read. */
  onProgress?: (done: number, total: number) => void;
  /** Some of the records (with `index`, their place in the records given), now with their texts. */
  onPart?: (part: { record: PrecisRecord; index: number }[]) => void;
}

/**
 * The given records with their article texts added (records without a stored text are returned as they are).
 * The texts are read by id, in parts of the records in their order, all asked for at once; `onPart` can start
 * on each part while the later ones are still being read. (In Chromium, 10,000 texts of 9 KiB read one
 * request each in 0.8-1.0 s, one getAll in 1.1-1.2 s.)
 */
export async function withArticleTexts(db: PrecisDatabase, records: readonly StoredRecord[], { onProgress, onPart }: TextReading = {}): Promise<PrecisRecord[]> {
  const full: PrecisRecord[] = new Array(records.length);
  const per = Math.max(1, Math.ceil(records.length / TEXT_PARTS));
  let done = 0;
  await db.transaction('r', db.texts, () =>
    Promise.all(
      Array.from({ length: Math.ceil(records.length / per) }, async (_, p) => {
        const from = p * per;
        const part = records.slice(from, from + per);
        const texts = await db.texts.bulkGet(part.map((r) => r.id));
        const joined = part.map((r, i) => {
          const text = texts[i]?.text;
          full[from + i] = text ? { ...r, text } : r;
          return { record: full[from + i], index: from + i };
        });
        onPart?.(joined);
        done += part.length;
        onProgress?.(done, records.length);
      }),
    ),
  );
  return full;
}

/** All records with their article text, most recently created first. */
export async function listFullRecords(db: PrecisDatabase): Promise<PrecisRecord[]> {
  return withArticleTexts(db, await listRecords(db));
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
  return db.transaction('rw', [db.records, db.texts, ...trackingTables(db)], async () => {
    const [records, texts] = await Promise.all([db.records.bulkGet(unique), db.texts.bulkGet(unique)]);
    await Promise.all([db.records.bulkDelete(unique), db.texts.bulkDelete(unique)]);
    await noteLocalDeletes(db, records.flatMap((r) => (r ? [r.id] : [])));
    return {
      records: records.filter((r) => r !== undefined),
      texts: new Map(texts.flatMap((t) => (t ? [[t.id, t.text] as const] : []))),
    };
  });
}

/** Puts deleted records and their texts back as they were (undo of deleteRecords). */
export async function restoreRecords(db: PrecisDatabase, deleted: DeletedRecords): Promise<void> {
  const texts: StoredText[] = [...deleted.texts].map(([id, text]) => ({ id, text }));
  await db.transaction('rw', [db.records, db.texts, ...trackingTables(db)], async () => {
    await Promise.all([db.records.bulkPut(deleted.records), db.texts.bulkPut(texts)]);
    await noteLocalWrites(db, deleted.records.map((r) => ({ id: r.id, textChanged: deleted.texts.has(r.id) })));
  });
}
