import Dexie, { type EntityTable } from 'dexie';
import type { PrecisRecord } from '../record/schema';

export const DATABASE_NAME = 'precis';

/**
 * The records database. Every schema change adds a `this.version(n)` block with its upgrade; never edit a
 * released version. tests/unit/db opens data written by each earlier version.
 */
export class PrecisDatabase extends Dexie {
  records!: EntityTable<PrecisRecord, 'id'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      records: 'id, url, *keywords, publishedDate, createdAt, updatedAt, literatureType',
    });
  }
}

let shared: PrecisDatabase | null = null;

/** The database the extension pages use (one connection per page). */
export function openDatabase(): PrecisDatabase {
  shared ??= new PrecisDatabase();
  return shared;
}
