// Local writes, noted for the team library's sync: every save, edit, import, keyword change and deletion
// made on this computer bumps its record's sync state in the same transaction as the write (the contract in
// utils/sync/store.ts), so nothing typed can be missed by the next upload, whatever stops in between.
// Nothing is noted while no team is connected: connecting marks every record that has no sync state yet.
import type { PrecisDatabase, StoredSyncState } from './database';
import { localDelete, localWrite, type SyncState } from '../sync/store';

/** The syncMeta keys. */
export const META = { connection: 'connection', checkpoint: 'checkpoint', status: 'status' } as const;

/** The tables a transaction that writes records must also hold, so that the write can be noted. */
export const trackingTables = (db: PrecisDatabase) => [db.sync, db.syncMeta];

/** A sync row with its indexed flags derived from the state. */
export function syncRow(id: string, state: SyncState): StoredSyncState {
  return { id, waiting: state.edits > 0 ? 1 : 0, flagged: state.conflicts.length > 0 || state.refused !== null ? 1 : 0, state };
}

const connected = async (db: PrecisDatabase) => (await db.syncMeta.get(META.connection)) !== undefined;

/** Notes saves of these records (call inside the writing transaction, with trackingTables). */
export async function noteLocalWrites(db: PrecisDatabase, writes: readonly { id: string; textChanged: boolean }[]): Promise<void> {
  if (!writes.length || !(await connected(db))) return;
  const rows = await db.sync.bulkGet(writes.map((w) => w.id));
  await db.sync.bulkPut(writes.map((w, i) => syncRow(w.id, localWrite(rows[i]?.state, w.textChanged))));
}

/** Notes deletions of these records (call inside the deleting transaction, with trackingTables). */
export async function noteLocalDeletes(db: PrecisDatabase, ids: readonly string[]): Promise<void> {
  if (!ids.length || !(await connected(db))) return;
  const rows = await db.sync.bulkGet([...ids]);
  const keep: StoredSyncState[] = [];
  const drop: string[] = [];
  ids.forEach((id, i) => {
    const state = localDelete(rows[i]?.state);
    if (state) keep.push(syncRow(id, state));
    else drop.push(id);
  });
  await Promise.all([db.sync.bulkPut(keep), db.sync.bulkDelete(drop)]);
}
