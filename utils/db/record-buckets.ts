// Records (without their article text), stored many to an IndexedDB row. Browsers pay a large fixed cost per
// stored row: in Chromium on a 2-core machine, 10,000 records took 1.9–4 s to write and 1 s to read one per
// row, 0.7–0.9 s and 0.2 s a hundred per row (bench/README.md). Each row carries, next to its records, the
// values the code looks records up by (ids, URLs, keywords, the newest creation time), which IndexedDB
// indexes, so a lookup still reads one row instead of all of them.
//
// New records go into the highest-numbered row until it holds BUCKET_RECORDS, then into a new row, so rows
// hold records clipped about the same time and the newest records sit in one or two rows (the library's first
// screen). An edited record stays in its row.
//
// changeRecords must run inside a read-write transaction that includes `db.recordBuckets` (read-modify-write
// of a row is only safe there); the callers in records.ts, keywords.ts and apply-import.ts open it.
import type { PrecisDatabase, RecordBucket, StoredRecord } from './database';

/** Records per row: about 120 KiB a row with typical summaries, so saving one record rewrites little. */
export const BUCKET_RECORDS = 100;

/** Above this many ids, reading every row beats one index lookup per id. */
const MANY_IDS = 200;

/**
 * Newest created first; equal times in descending id order (the order the library lists and exports in).
 */
export const newestCreatedFirst = (a: StoredRecord, b: StoredRecord) =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/** A row holding `records`, with the indexed values derived from them. */
export function recordBucket(bucket: number, records: StoredRecord[]): RecordBucket {
  let newest = '';
  for (const r of records) if (r.createdAt > newest) newest = r.createdAt;
  return {
    bucket,
    records,
    ids: records.map((r) => r.id),
    urls: [...new Set(records.flatMap((r) => (r.url ? [r.url] : [])))],
    keywords: [...new Set(records.flatMap((r) => r.keywords))],
    newest,
  };
}

/** Rows for a whole library written at once (an upgrade, a benchmark's seed): oldest first, full rows. */
export function recordBucketsFor(records: readonly StoredRecord[], firstBucket = 0): RecordBucket[] {
  const oldestFirst = [...records].sort((a, b) => newestCreatedFirst(b, a));
  const rows: RecordBucket[] = [];
  for (let i = 0; i < oldestFirst.length; i += BUCKET_RECORDS) {
    rows.push(recordBucket(firstBucket + rows.length, oldestFirst.slice(i, i + BUCKET_RECORDS)));
  }
  return rows;
}

/** The rows holding any of `ids`, each once. */
async function rowsHolding(db: PrecisDatabase, ids: readonly string[]): Promise<RecordBucket[]> {
  if (!ids.length) return [];
  let wanted = ids;
  if (wanted.length > MANY_IDS) {
    // The ids alone come from the index (a key cursor, no records); only the rows of those held are read.
    const held = new Set(await getRecordIds(db));
    wanted = ids.filter((id) => held.has(id));
    if (wanted.length > MANY_IDS) return db.recordBuckets.toArray();
    if (!wanted.length) return [];
  }
  // Keys first: a cursor over the index would hand over the whole row once for every id it holds.
  const buckets = [...new Set(await db.recordBuckets.where('ids').anyOf([...wanted]).primaryKeys())];
  return (await db.recordBuckets.bulkGet(buckets)).filter((row) => row !== undefined);
}

/** One record by id. */
export async function getRecord(db: PrecisDatabase, id: string): Promise<StoredRecord | undefined> {
  const row = await db.recordBuckets.where('ids').equals(id).first();
  return row?.records.find((r) => r.id === id);
}

/** The stored records among `ids`, by id (missing ids are absent). */
export async function getRecords(db: PrecisDatabase, ids: readonly string[]): Promise<Map<string, StoredRecord>> {
  const wanted = new Set(ids);
  const out = new Map<string, StoredRecord>();
  for (const row of await rowsHolding(db, [...wanted])) for (const r of row.records) if (wanted.has(r.id)) out.set(r.id, r);
  return out;
}

/** The stored records among `ids`, in the order of `ids` (missing ids are skipped, repeated ids repeat). */
export async function getRecordsInOrder(db: PrecisDatabase, ids: readonly string[]): Promise<StoredRecord[]> {
  const found = await getRecords(db, ids);
  return ids.flatMap((id) => found.get(id) ?? []);
}

/** Every record, in no particular order. */
export async function getAllRecords(db: PrecisDatabase): Promise<StoredRecord[]> {
  return (await db.recordBuckets.toArray()).flatMap((row) => row.records);
}

/** Every record id (from the index, without reading the records). */
export async function getRecordIds(db: PrecisDatabase): Promise<string[]> {
  return (await db.recordBuckets.orderBy('ids').keys()) as string[];
}

/** How many records the library holds. */
export function countRecords(db: PrecisDatabase): Promise<number> {
  return db.recordBuckets.orderBy('ids').count();
}

/** Records whose stored URL is exactly `url`. */
export async function getRecordsWithUrl(db: PrecisDatabase, url: string): Promise<StoredRecord[]> {
  const rows = await db.recordBuckets.where('urls').equals(url).toArray();
  return rows.flatMap((row) => row.records.filter((r) => r.url === url));
}

/** Records having `keyword` in any letter case (as Dexie's equalsIgnoreCase compares). */
export async function getRecordsWithKeyword(db: PrecisDatabase, keyword: string): Promise<StoredRecord[]> {
  const rows = await db.recordBuckets.where('keywords').equalsIgnoreCase(keyword).distinct().toArray();
  const wanted = keyword.toLowerCase();
  return rows.flatMap((row) => row.records.filter((r) => r.keywords.some((k) => k.toLowerCase() === wanted)));
}

/** Every keyword spelling used in the library, in index order. */
export async function getKeywordSpellings(db: PrecisDatabase): Promise<string[]> {
  return (await db.recordBuckets.orderBy('keywords').uniqueKeys()) as string[];
}

/**
 * The `limit` newest records, newest first. Rows are read newest first, one at a time, until no later row can
 * hold a newer record: usually one row. Which rows to read comes from the index alone (values are not read
 * while walking it: each row is 100 records, and reading a second one cost the first screen 30–40 ms).
 */
export async function getNewestRecords(db: PrecisDatabase, limit: number): Promise<StoredRecord[]> {
  if (limit < 1) return [];
  const order: { newest: string; bucket: number }[] = [];
  await db.recordBuckets
    .orderBy('newest')
    .reverse()
    .eachKey((newest, cursor) => {
      order.push({ newest: newest as string, bucket: cursor.primaryKey as number });
    });
  const found: StoredRecord[] = [];
  for (const [i, { bucket }] of order.entries()) {
    const row = await db.recordBuckets.get(bucket);
    if (row) found.push(...row.records);
    const next = order[i + 1];
    if (!next || found.length < limit) continue;
    found.sort(newestCreatedFirst);
    // A row whose newest record is as new as the limit-th found may still hold one that sorts before it.
    if (found[limit - 1].createdAt > next.newest) break;
  }
  return found.sort(newestCreatedFirst).slice(0, limit);
}

/**
 * Stores records (replacing those with the same id, in their row) and removes the records of `remove`; one
 * write per row touched. Of two records with one id the later in `put` is stored, and an id both put and
 * removed is stored. Rows left empty are deleted; rows thinned by deletes are not merged (new records only
 * ever fill the highest row).
 */
export async function changeRecords(db: PrecisDatabase, records: readonly StoredRecord[], remove: readonly string[] = []): Promise<void> {
  if (!records.length && !remove.length) return;
  // One record per id: two copies of a new id could otherwise land in two rows.
  const put = [...new Map(records.map((r) => [r.id, r])).values()];
  const touched = new Map<number, Map<string, StoredRecord>>();
  const rowOf = new Map<string, number>();
  for (const row of await rowsHolding(db, [...put.map((r) => r.id), ...remove])) {
    touched.set(row.bucket, new Map(row.records.map((r) => [r.id, r])));
    for (const id of row.ids) rowOf.set(id, row.bucket);
  }
  for (const id of remove) {
    const bucket = rowOf.get(id);
    if (bucket !== undefined) touched.get(bucket)!.delete(id);
  }
  const added: StoredRecord[] = [];
  for (const record of put) {
    const bucket = rowOf.get(record.id);
    if (bucket !== undefined) touched.get(bucket)!.set(record.id, record);
    else added.push(record);
  }
  if (added.length) {
    // Oldest first, so that an import of old records fills rows that each span a short time.
    added.sort((a, b) => newestCreatedFirst(b, a));
    const last = await db.recordBuckets.orderBy(':id').last();
    let bucket = last?.bucket ?? 0;
    let open = last ? (touched.get(last.bucket) ?? new Map(last.records.map((r) => [r.id, r]))) : new Map<string, StoredRecord>();
    for (const record of added) {
      if (open.size >= BUCKET_RECORDS) {
        bucket++;
        open = new Map();
      }
      open.set(record.id, record);
      touched.set(bucket, open);
    }
  }
  const rows = [...touched].map(([bucket, records]) => recordBucket(bucket, [...records.values()]));
  const kept = rows.filter((row) => row.records.length);
  const emptied = rows.filter((row) => !row.records.length).map((row) => row.bucket);
  if (kept.length) await db.recordBuckets.bulkPut(kept);
  if (emptied.length) await db.recordBuckets.bulkDelete(emptied);
}
