import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { PrecisRecord } from '../record/schema';
import type { SyncState } from '../sync/store';

export const DATABASE_NAME = 'precis';

/**
 * A record as stored, one per row of `records`: every field of the record except its clipped article text,
 * which has a row of its own in `texts`, so that lists stay light. Data kept about a record that is not part
 * of it (a sync revision, say) belongs in a table of its own keyed by the record id, or in a field added by
 * a later schema version; either is an ordinary versioned upgrade.
 */
export type StoredRecord = Omit<PrecisRecord, 'text'>;

/** A row of `texts`: the clipped article text of the record with the same id (none is stored when empty). */
export interface StoredText {
  id: string;
  text: string;
}

/**
 * A row of `sync`: the team library's sync state of the record with the same id (utils/sync/store.ts). Rows
 * exist only while a team library is connected. A row without a record is a deletion waiting to upload.
 * `waiting` (1: `state.edits` > 0) and `flagged` (1: changed in two places or refused) are indexed so that
 * the uploads to do and the records needing the user are found without reading every row.
 */
export interface StoredSyncState {
  id: string;
  waiting: 0 | 1;
  flagged: 0 | 1;
  state: SyncState;
}

/** A row of `syncMeta`: the team connection, the pull's checkpoint and the last pass's status, by key. */
export interface StoredSyncMeta {
  key: string;
  value: unknown;
}

/**
 * The records database. Every schema change adds a `this.version(n)` block with its upgrade; never edit a
 * released version. Each upgrade carries all the logic it needs inside its block and calls no helper of the
 * live code, which later changes could alter: what an upgrade writes is fixed the day it is released.
 * tests/unit/db-upgrade.test.ts opens the data each earlier version wrote (tests/fixtures/db/precis-vN.json).
 */
export class PrecisDatabase extends Dexie {
  records!: EntityTable<StoredRecord, 'id'>;
  texts!: EntityTable<StoredText, 'id'>;
  sync!: EntityTable<StoredSyncState, 'id'>;
  syncMeta!: EntityTable<StoredSyncMeta, 'key'>;

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
        const records = tx.table<{ id: string; text?: unknown }, string>('records');
        const withText = (await records.toArray()).filter((r) => typeof r.text === 'string' && r.text);
        await tx.table<StoredText, string>('recordTexts').bulkPut(withText.map((r) => ({ id: r.id, text: r.text as string })));
        await records.toCollection().modify((r) => {
          delete r.text;
        });
      });
    // v3 (superseded by v5): texts stored many to a row, in 128 rows chosen by an FNV-1a hash of the record
    // id, each row a Map from record id to text. The publishedDate, updatedAt and literatureType indexes go.
    this.version(3)
      .stores({ records: 'id, url, *keywords, createdAt', recordTexts: null, textBuckets: 'bucket' })
      .upgrade(async (tx) => {
        const bucketOf = (id: string) => {
          let h = 0x811c9dc5;
          for (let i = 0; i < id.length; i++) {
            h ^= id.charCodeAt(i);
            h = Math.imul(h, 0x01000193);
          }
          return (h >>> 0) % 128;
        };
        const rows = new Map<number, { bucket: number; texts: Map<string, string> }>();
        for (const { id, text } of await tx.table<StoredText, string>('recordTexts').toArray()) {
          if (!text) continue;
          const bucket = bucketOf(id);
          if (!rows.has(bucket)) rows.set(bucket, { bucket, texts: new Map() });
          rows.get(bucket)!.texts.set(id, text);
        }
        await tx.table('textBuckets').bulkPut([...rows.values()]);
      });
    // v4 (superseded by v5): records stored a hundred to a row, oldest first, each row with the ids, URLs,
    // keyword spellings and newest creation time of its records, which IndexedDB indexed.
    this.version(4)
      .stores({ records: null, recordBuckets: 'bucket, *ids, *urls, *keywords, newest' })
      .upgrade(async (tx) => {
        const records = await tx.table<StoredRecord, string>('records').toArray();
        const oldestFirst = records.sort((a, b) =>
          a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
        );
        const rows = [];
        for (let i = 0; i < oldestFirst.length; i += 100) {
          const chunk = oldestFirst.slice(i, i + 100);
          let newest = '';
          for (const r of chunk) if (r.createdAt > newest) newest = r.createdAt;
          rows.push({
            bucket: rows.length,
            records: chunk,
            ids: chunk.map((r) => r.id),
            urls: [...new Set(chunk.flatMap((r) => (r.url ? [r.url] : [])))],
            keywords: [...new Set(chunk.flatMap((r) => r.keywords))],
            newest,
          });
        }
        await tx.table('recordBuckets').bulkPut(rows);
      });
    // v5: one record per row, one article text per row (keyed by the record id), and the indexes the code
    // queries: the popup's already-clipped check (url), tag suggestions and keyword changes (keywords) and
    // the library's first screen (createdAt); the library follows changes by ranges of ids (live-records.ts).
    // Rows of many records made imports faster, but every save rewrote a whole row, nothing kept one id to
    // one row, and Dexie's queries and liveQuery could not see the records.
    this.version(5)
      .stores({ records: 'id, url, *keywords, createdAt', texts: 'id', recordBuckets: null, textBuckets: null })
      .upgrade(async (tx: Transaction) => {
        // v4 never meant one id to sit in two rows, but nothing prevented it: the later saved copy wins.
        const records = new Map<string, StoredRecord>();
        for (const row of await tx.table<{ records: StoredRecord[] }, number>('recordBuckets').toArray()) {
          for (const r of row.records) {
            const seen = records.get(r.id);
            if (!seen || r.updatedAt >= seen.updatedAt) records.set(r.id, r);
          }
        }
        // Texts of records that no longer exist could not be reached; they are not carried over.
        const texts: StoredText[] = [];
        for (const row of await tx.table<{ texts: Map<string, string> }, number>('textBuckets').toArray()) {
          for (const [id, text] of row.texts) if (text && records.has(id)) texts.push({ id, text });
        }
        await tx.table<StoredRecord, string>('records').bulkPut([...records.values()]);
        await tx.table<StoredText, string>('texts').bulkPut(texts);
      });
    // v6: the team library's sync state beside the records (rows only while a team is connected), so
    // nothing changes in the records' own rows; no data to move.
    this.version(6).stores({ sync: 'id, [waiting+id], flagged', syncMeta: 'key' });
  }
}

let shared: PrecisDatabase | null = null;

/** The database the extension pages use (one connection per page). */
export function openDatabase(): PrecisDatabase {
  shared ??= new PrecisDatabase();
  return shared;
}
