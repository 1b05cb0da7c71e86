// The SyncStore of utils/sync/store.ts over the library's own Dexie tables: the records and texts the
// library shows, and beside them the `sync` rows (revision, merge base, waiting edits) and `syncMeta`
// (connection, checkpoint, status). What the engine writes (pulled records, accepted uploads) goes straight
// into the records table and is never noted as a local write; what the user does goes through records.ts,
// which notes it (sync-tracking.ts). Every apply() is one transaction, as the contract requires.
import Dexie from 'dexie';
import type { PrecisDatabase, StoredRecord, StoredSyncState, StoredText } from './database';
import { META, syncRow, trackingTables } from './sync-tracking';
import type { TeamConnection } from './team-connection';
import { resolveConflicts, type Choices } from '../sync/merge';
import { localDelete, localWrite, unsyncedState, type LocalEntry, type StoreWrite, type SyncStatus, type SyncStore, type WaitingCounts } from '../sync/store';

/** The team was disconnected (or another one connected) while a pass was running: it writes nothing. */
export class NotConnected extends Error {
  constructor() {
    super('This library is no longer connected to that team library.');
    this.name = 'NotConnected';
  }
}

export class DexieSyncStore implements SyncStore {
  /** `database`: the team database's URL the pass syncs with; writes stop if the library leaves it. */
  constructor(
    private readonly db: PrecisDatabase,
    private readonly database: string,
  ) {}

  private async checkConnected(): Promise<void> {
    const c = (await this.db.syncMeta.get(META.connection))?.value as TeamConnection | undefined;
    if (c?.database !== this.database) throw new NotConnected();
  }

  private entries(ids: readonly string[], rows: (StoredSyncState | undefined)[], records: Awaited<ReturnType<PrecisDatabase['records']['bulkGet']>>): LocalEntry[] {
    const out: LocalEntry[] = [];
    ids.forEach((id, i) => {
      const record = records[i] ?? null;
      const row = rows[i];
      if (row || record) out.push({ id, record, sync: row?.state ?? unsyncedState() });
    });
    return out;
  }

  async get(ids: readonly string[]): Promise<Map<string, LocalEntry>> {
    const { db } = this;
    return db.transaction('r', db.records, db.sync, async () => {
      const [rows, records] = await Promise.all([db.sync.bulkGet([...ids]), db.records.bulkGet([...ids])]);
      return new Map(this.entries(ids, rows, records).map((e) => [e.id, e]));
    });
  }

  async pending(limit: number, after?: string): Promise<LocalEntry[]> {
    const { db } = this;
    return db.transaction('r', db.records, db.sync, async () => {
      const rows = await db.sync
        .where('[waiting+id]')
        .between([1, after ?? Dexie.minKey], [1, Dexie.maxKey], after === undefined, true)
        .limit(limit)
        .toArray();
      const ids = rows.map((r) => r.id);
      return this.entries(ids, rows, await db.records.bulkGet(ids));
    });
  }

  async getText(id: string): Promise<string | undefined> {
    return (await this.db.texts.get(id))?.text;
  }

  async apply(writes: readonly StoreWrite[], checkpoint?: string): Promise<{ stale: string[] }> {
    const { db } = this;
    return db.transaction('rw', [db.records, db.texts, ...trackingTables(db)], async () => {
      await this.checkConnected();
      const ids = writes.map((w) => w.id);
      const rows = await db.sync.bulkGet(ids);
      const stale = writes.filter((w, i) => (rows[i]?.state.edits ?? 0) !== w.ifEdits).map((w) => w.id);
      if (stale.length) return { stale };
      // Bulk requests, all issued at once: a first download applies pages of 200 records.
      const records: StoredRecord[] = [];
      const gone: string[] = [];
      const texts: StoredText[] = [];
      const noText: string[] = [];
      const rowsToPut: StoredSyncState[] = [];
      const rowsToDrop: string[] = [];
      for (const w of writes) {
        if (w.record === null) {
          gone.push(w.id);
          noText.push(w.id);
          if (w.sync.edits === 0) rowsToDrop.push(w.id);
          else rowsToPut.push(syncRow(w.id, w.sync));
          continue;
        }
        records.push(w.record);
        if (w.text === null) noText.push(w.id);
        else if (w.text !== undefined) texts.push({ id: w.id, text: w.text });
        rowsToPut.push(syncRow(w.id, w.sync));
      }
      await Promise.all([
        db.records.bulkDelete(gone),
        db.records.bulkPut(records),
        db.texts.bulkDelete(noText),
        db.texts.bulkPut(texts),
        db.sync.bulkDelete(rowsToDrop),
        db.sync.bulkPut(rowsToPut),
      ]);
      if (checkpoint !== undefined) await db.syncMeta.put({ key: META.checkpoint, value: checkpoint });
      return { stale: [] };
    });
  }

  async getCheckpoint(): Promise<string | null> {
    const v = (await this.db.syncMeta.get(META.checkpoint))?.value;
    return typeof v === 'string' ? v : null;
  }

  async counts(): Promise<WaitingCounts> {
    return syncCounts(this.db);
  }

  async getStatus(): Promise<SyncStatus | null> {
    return syncStatus(this.db);
  }

  async setStatus(status: SyncStatus): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.syncMeta, async () => {
      await this.checkConnected();
      await db.syncMeta.put({ key: META.status, value: status });
    });
  }
}

/** The last pass's status (null: none yet). */
export async function syncStatus(db: PrecisDatabase): Promise<SyncStatus | null> {
  return ((await db.syncMeta.get(META.status))?.value as SyncStatus | undefined) ?? null;
}

/** What waits to upload and what needs the user, read through the two indexes only. */
export async function syncCounts(db: PrecisDatabase): Promise<WaitingCounts> {
  return db.transaction('r', db.sync, async () => {
    const [waiting, flagged] = await Promise.all([
      db.sync.where('[waiting+id]').between([1, Dexie.minKey], [1, Dexie.maxKey]).toArray(),
      db.sync.where('flagged').equals(1).toArray(),
    ]);
    const counts: WaitingCounts = { records: waiting.length, changes: 0, conflicts: 0, refused: 0 };
    for (const r of waiting) counts.changes += r.state.edits;
    for (const r of flagged) {
      if (r.state.conflicts.length) counts.conflicts++;
      if (r.state.refused) counts.refused++;
    }
    return counts;
  });
}

/** The sync rows of records that need the user: changed in two places, or refused by the server. */
export function flaggedSyncStates(db: PrecisDatabase): Promise<StoredSyncState[]> {
  return db.sync.where('flagged').equals(1).toArray();
}

/**
 * The user's choices in "Changed in two places", stored as a local edit (uploaded once no conflict is left).
 * Returns false when the record has no conflicts any more (resolved elsewhere meanwhile).
 */
export async function resolveRecordConflicts(db: PrecisDatabase, id: string, choices: Choices): Promise<boolean> {
  return db.transaction('rw', [db.records, db.texts, ...trackingTables(db)], async () => {
    const [row, record] = await Promise.all([db.sync.get(id), db.records.get(id)]);
    if (!row?.state.conflicts.length) return false;
    const current = record ?? row.state.base;
    if (!current) return false;
    const r = resolveConflicts(current, row.state.conflicts, choices);
    if (r.store === 'forget') {
      await Promise.all([db.records.delete(id), db.texts.delete(id), db.sync.delete(id)]);
      return true;
    }
    if (r.text === null) await db.texts.delete(id);
    else if (r.text !== undefined) await db.texts.put({ id, text: r.text });
    const state = r.record ? localWrite(row.state, r.text !== undefined) : localDelete(row.state);
    // The user's choice is an edit of the record: it gets the time of that edit.
    if (r.record) await db.records.put({ ...r.record, updatedAt: new Date().toISOString() });
    else await Promise.all([db.records.delete(id), db.texts.delete(id)]);
    if (!state) await db.sync.delete(id);
    else await db.sync.put(syncRow(id, { ...state, conflicts: r.conflicts }));
    return true;
  });
}
