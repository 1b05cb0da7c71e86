import Dexie, { type EntityTable } from 'dexie';
import type { PrecisRecord } from '../record/schema';

export const DATABASE_NAME = 'precis';

/** A record as stored: its clipped article text lives in `recordTexts`, so lists stay light. */
export type StoredRecord = Omit<PrecisRecord, 'text'>;

export interface StoredText {
  id: string;
  text: string;
}

/**
 * The records database. Every schema change adds a `this.version(n)` block with its upgrade; never edit a
 * released version. tests/unit/db-records.test.ts opens data written by each earlier version.
 */
export class PrecisDatabase extends Dexie {
  records!: EntityTable<StoredRecord, 'id'>;
  recordTexts!: EntityTable<StoredText, 'id'>;

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
  }
}

let shared: PrecisDatabase | null = null;

/** The database the extension pages use (one connection per page). */
export function openDatabase(): PrecisDatabase {
  shared ??= new PrecisDatabase();
  return shared;
}
