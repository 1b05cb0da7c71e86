import type { StoredRecord } from '../db/database';

/** What changed between the records a page shows and the records now stored. */
export interface RecordChanges {
  upserted: StoredRecord[];
  removed: string[];
}

/**
 * The records added or changed since `shown` (a record changes its `updatedAt` with every save, keyword
 * change and newer import) and the ids no longer stored.
 */
export function recordChanges(shown: ReadonlyMap<string, StoredRecord>, stored: readonly StoredRecord[]): RecordChanges {
  const storedIds = new Set(stored.map((r) => r.id));
  return {
    upserted: stored.filter((r) => shown.get(r.id)?.updatedAt !== r.updatedAt),
    removed: [...shown.keys()].filter((id) => !storedIds.has(id)),
  };
}

/** Whether a Dexie "storagemutated" change set touches the records of database `name`. */
export function touchesRecords(parts: Record<string, unknown>, name: string): boolean {
  const prefix = `idb://${name}/recordBuckets/`;
  return Object.keys(parts).some((key) => key === 'all' || key.startsWith(prefix));
}

/**
 * Counts the changes other pages made and how many of them the page has followed, so that it knows when
 * its list is the library as stored. A change that arrives while a follow is reading is not covered by it.
 */
export class OutsideChanges {
  private seen = 0;
  private followed = 0;

  /** Another page changed the records. */
  noted(): void {
    this.seen++;
  }

  /** A follow starts reading; call the returned function once its result is shown. */
  following(): () => void {
    const upTo = this.seen;
    return () => {
      this.followed = Math.max(this.followed, upTo);
    };
  }

  /** Every change noted so far has been followed. */
  allFollowed(): boolean {
    return this.followed === this.seen;
  }
}
