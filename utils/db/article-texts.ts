// Clipped article texts, stored many to an IndexedDB row. Each record's text sits in one of TEXT_BUCKETS rows,
// chosen by a hash of the record id. Browsers pay a large fixed cost per stored item (in Chromium on a small
// machine, 10,000 texts of 9 KiB took 4.5 s to write and 4.5 s to read one per row, 1.6 s and 0.9 s a hundred
// per row), and exports and imports move every text at once; a single text is found by its bucket alone.
//
// Every function here must run inside a transaction that includes `db.textBuckets` (read-modify-write of a
// bucket is only safe there); the callers in records.ts and apply-import.ts open it.
import type { PrecisDatabase, TextBucket } from './database';

/**
 * How many rows the texts are spread over: about 80 texts a row with 10,000 records, a few hundred kilobytes,
 * so that saving one record rewrites little. A row grows with the library (100,000 records of 10 KiB: about
 * 8 MB a row); browsers refuse single values of a few hundred megabytes, which only thousands of texts at the
 * schema's 5-million-character limit could reach. Changing it needs a schema version that moves the texts.
 */
export const TEXT_BUCKETS = 128;

/** The bucket of a record id: FNV-1a over its UTF-16 code units. */
export function textBucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % TEXT_BUCKETS;
}

function bucketsOf(ids: Iterable<string>): number[] {
  return [...new Set([...ids].map(textBucketOf))];
}

async function readBuckets(db: PrecisDatabase, buckets: number[]): Promise<Map<number, TextBucket>> {
  const rows = await db.textBuckets.bulkGet(buckets);
  return new Map(rows.flatMap((row) => (row ? [[row.bucket, row] as const] : [])));
}

/** The article text stored for one record, if any. */
export async function getText(db: PrecisDatabase, id: string): Promise<string | undefined> {
  return (await db.textBuckets.get(textBucketOf(id)))?.texts.get(id);
}

/** The texts stored for the given records (ids without a text are absent from the map). */
export async function getTexts(db: PrecisDatabase, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await readBuckets(db, bucketsOf(ids));
  const out = new Map<string, string>();
  for (const id of ids) {
    const text = rows.get(textBucketOf(id))?.texts.get(id);
    if (text !== undefined) out.set(id, text);
  }
  return out;
}

/** Every stored text by record id (one read of all buckets). */
export async function getAllTexts(db: PrecisDatabase): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const row of await db.textBuckets.toArray()) for (const [id, text] of row.texts) out.set(id, text);
  return out;
}

/** Stores texts (replacing what the records had) and removes the texts of `remove`; one write per bucket touched. */
export async function changeTexts(
  db: PrecisDatabase,
  put: Iterable<readonly [id: string, text: string]>,
  remove: Iterable<string> = [],
): Promise<void> {
  const puts = [...put];
  const removes = [...remove];
  if (!puts.length && !removes.length) return;
  const rows = await readBuckets(db, bucketsOf([...puts.map(([id]) => id), ...removes]));
  const touched = new Map<number, TextBucket>();
  const bucketFor = (id: string) => {
    const bucket = textBucketOf(id);
    let row = touched.get(bucket);
    if (!row) {
      row = { bucket, texts: new Map(rows.get(bucket)?.texts) };
      touched.set(bucket, row);
    }
    return row;
  };
  for (const id of removes) bucketFor(id).texts.delete(id);
  for (const [id, text] of puts) bucketFor(id).texts.set(id, text);
  const emptied = [...touched.values()].filter((row) => !row.texts.size).map((row) => row.bucket);
  await db.textBuckets.bulkPut([...touched.values()].filter((row) => row.texts.size));
  if (emptied.length) await db.textBuckets.bulkDelete(emptied);
}
