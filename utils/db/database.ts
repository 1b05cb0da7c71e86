import Dexie, { type EntityTable } from 'dexie';
import type { PrecisRecord } from '../record/schema';
import { textBucketOf } from './article-texts';
import { recordBucketsFor } from './record-buckets';

export const DATABASE_NAME = 'precis';

/** A record as stored: its clipped article text lives in `textBuckets`, so lists stay light. */
export type StoredRecord = Omit<PrecisRecord, 'text'>;

/** Schema v2's row of `recordTexts` (one text per row); v3 moved these into buckets. */
interface StoredText {
  id: string;
  text: string;
}

/**
 * A row of `recordBuckets`: up to BUCKET_RECORDS records, and the values IndexedDB indexes them by, derived
 * from the records by record-buckets.ts (which alone writes these rows).
 */
export interface RecordBucket {
  bucket: number;
  records: StoredRecord[];
  ids: string[];
  /** Each record's stored (canonical) URL, for the popup's already-clipped check. */
  urls: string[];
  /** Every keyword spelling of the records, for tag suggestions and keyword changes. */
  keywords: string[];
  /** The latest createdAt in the row, for the library's first screen. */
  newest: string;
}

/** A row of `textBuckets`: the article texts of the records whose id hashes to `bucket` (see article-texts.ts). */
export interface TextBucket {
  bucket: number;
  /** Record id → article text. A Map, so that no record id (say "__proto__") can collide with object keys. */
  texts: Map<string, string>;
}

/**
 * The records database. Every schema change adds a `this.version(n)` block with its upgrade; never edit a
 * released version. tests/unit/db-upgrade.test.ts opens data written by each earlier version.
 */
export class PrecisDatabase extends Dexie {
  recordBuckets!: EntityTable<RecordBucket, 'bucket'>;
  textBuckets!: EntityTable<TextBucket, 'bucket'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      records: 'id, url, *keywords, publishedDate, createdAt, updatedAt, literatureType',
    });
    // v2: article text moves to its own table, keyed by record id. The library lists records without
    // loading every clipped article (each up to megabytes); exports and updates join it back.
    this.version(2)
      .stores({ recordTexts: 'id' })
      .upgrade(async (tx) => {
        const records = tx.table<PrecisRecord, string>('records');
        const withText = (await records.toArray()).filter((r) => typeof r.text === 'string' && r.text);
        await tx.table<StoredText, string>('recordTexts').bulkPut(withText.map((r) => ({ id: r.id, text: r.text! })));
        await records.toCollection().modify((r) => {
          delete r.text;
        });
      });
    // v3: texts are stored many to a row (a row per hash bucket of the record id): browsers pay per stored
    // item, and exporting or importing 10,000 texts one per row took seconds longer.
    // Indexes the code never queries go too (publishedDate, updatedAt, literatureType: the library filters and
    // sorts in memory); every index entry is written again with each record.
    this.version(3)
      .stores({ records: 'id, url, *keywords, createdAt', recordTexts: null, textBuckets: 'bucket' })
      .upgrade(async (tx) => {
        const texts = await tx.table<StoredText, string>('recordTexts').toArray();
        const rows = new Map<number, TextBucket>();
        for (const { id, text } of texts) {
          if (!text) continue;
          const bucket = textBucketOf(id);
          if (!rows.has(bucket)) rows.set(bucket, { bucket, texts: new Map() });
          rows.get(bucket)!.texts.set(id, text);
        }
        await tx.table<TextBucket, number>('textBuckets').bulkPut([...rows.values()]);
      });
    // v4: records, too, are stored many to a row (see record-buckets.ts): writing 10,000 records one per row
    // took 2–4 s of an import, a hundred per row 0.7–0.9 s.
    this.version(4)
      .stores({ records: null, recordBuckets: 'bucket, *ids, *urls, *keywords, newest' })
      .upgrade(async (tx) => {
        const records = await tx.table<StoredRecord, string>('records').toArray();
        await tx.table<RecordBucket, number>('recordBuckets').bulkPut(recordBucketsFor(records));
      });
  }
}

let shared: PrecisDatabase | null = null;

/** The database the extension pages use (one connection per page). */
export function openDatabase(): PrecisDatabase {
  shared ??= new PrecisDatabase();
  return shared;
}
