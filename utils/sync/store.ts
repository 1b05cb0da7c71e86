// What the sync engine needs from the browser's storage: the SyncStore interface, implemented over Dexie by
// the extension and in memory (memory-store.ts) for tests and benchmarks.
//
// One store holds one team database's sync data. Beside each record it keeps a SyncState: the server
// revision the record was last in step with (`rev`), the record as of that revision (`base`, the three-way
// merge's base), the digest of the server's text attachment, and how many local writes wait to upload
// (`edits`). Records deleted here stay as tombstones (record null) until the server has the deletion.
//
// The contract an implementation must keep (the engine's crash safety rests on it):
// 1. Every local write (a save, an edit, a conflict resolution, a deletion) increases the entry's
//    `edits` by one, in the same transaction as the write: use localWrite()/localDelete() below. A
//    deletion of a record the server never had (rev null) removes the entry outright.
// 2. apply() is one transaction: it checks every write's `ifEdits` against the stored entry (an absent entry
//    counts as 0) and, if any differs, writes nothing and returns those ids as `stale`; otherwise it writes
//    each record (null: removes it from the library), its text when `text` is given (null: removes it), its
//    SyncState, and the checkpoint when one is given. An entry whose record is null and whose `edits` is 0
//    is removed entirely (with its text).
// 3. The checkpoint is written only through apply(), so it never runs ahead of the records it covers.
// 4. Sync passes do not overlap on one store (in the extension: one context syncs, or a Web Lock).
// Nothing else is required: no ordering between stores, no durability beyond IndexedDB's own.
import type { SyncedRecord } from './documents';
import type { Conflict } from './merge';

export interface SyncState {
  /** The server revision this record was last in step with; null: not on the server yet. */
  rev: string | null;
  /** The record as of `rev` (the merge base); null when `rev` is null or is the server's deletion. */
  base: SyncedRecord | null;
  /** The server's digest of `text.txt` at `rev` (UNKNOWN_DIGEST: it has one, digest not known); null: none. */
  textDigest: string | null;
  /** Local writes since `rev` not yet on the server; 0: nothing to upload. */
  edits: number;
  /** The article text was changed by one of those writes (the next upload sends it). */
  textEdited: boolean;
  /** Changed in two places, waiting for the user's choice; a record with conflicts is not uploaded. */
  conflicts: Conflict[];
  /** The server's refusal of the last upload, in words (cleared by the next local write). */
  refused: string | null;
}

export interface LocalEntry {
  id: string;
  /** null: deleted here, the deletion not yet on the server. */
  record: SyncedRecord | null;
  sync: SyncState;
}

export interface StoreWrite {
  id: string;
  /** The `edits` the write was computed from: the store applies it only if the entry still has them. */
  ifEdits: number;
  /** The record to keep; null removes it from the library (kept as a tombstone while `sync.edits` > 0). */
  record: SyncedRecord | null;
  /** The article text: a string replaces it, null removes it, absent leaves it. */
  text?: string | null;
  sync: SyncState;
}

export interface WaitingCounts {
  /** Records with changes waiting to upload (conflicted and refused ones included). */
  records: number;
  /** Local writes waiting to upload, over all records. */
  changes: number;
  /** Records changed in two places, waiting for the user's choice. */
  conflicts: number;
  /** Records whose last upload the server refused. */
  refused: number;
}

export interface SyncErrorInfo {
  kind: string;
  message: string;
}

export interface SyncStatus {
  /** When a pass last completed (ISO 8601). */
  lastSyncedAt: string | null;
  /** What stopped the last pass, in words; null when it completed. */
  lastError: SyncErrorInfo | null;
}

export interface SyncStore {
  /** The entries (records and tombstones) of these ids that exist. */
  get(ids: readonly string[]): Promise<Map<string, LocalEntry>>;
  /** Up to `limit` entries with `edits` > 0 whose id sorts after `after`, in id order. */
  pending(limit: number, after?: string): Promise<LocalEntry[]>;
  /** The article text stored for a record (undefined: none). */
  getText(id: string): Promise<string | undefined>;
  /** See the contract above (2). */
  apply(writes: readonly StoreWrite[], checkpoint?: string): Promise<{ stale: string[] }>;
  /** The `_changes` sequence the store holds every change up to; null: none yet (start from the beginning). */
  getCheckpoint(): Promise<string | null>;
  counts(): Promise<WaitingCounts>;
  getStatus(): Promise<SyncStatus | null>;
  setStatus(status: SyncStatus): Promise<void>;
}

/** The text digest recorded after an upload whose digest could not be read back: the server has a text. */
export const UNKNOWN_DIGEST = 'unknown';

/** The state of a record that was never on the server. */
export function unsyncedState(): SyncState {
  return { rev: null, base: null, textDigest: null, edits: 0, textEdited: false, conflicts: [], refused: null };
}

/** The SyncState after a local save of a record (`textChanged`: its article text changed, or it is new with one). */
export function localWrite(sync: SyncState | undefined, textChanged: boolean): SyncState {
  const s = sync ?? unsyncedState();
  return { ...s, edits: s.edits + 1, textEdited: s.textEdited || textChanged, refused: null };
}

/**
 * A local deletion: the SyncState of the tombstone to keep, or null when the entry goes at once (the server
 * never had the record).
 */
export function localDelete(sync: SyncState | undefined): SyncState | null {
  if (!sync || sync.rev === null) return null;
  return { ...sync, edits: sync.edits + 1, textEdited: false, conflicts: [], refused: null };
}
