// A SyncStore in memory: the reference implementation of store.ts's contract, for tests and benchmarks. Its
// local methods (save, remove, resolve) are what the extension's storage does on a user's action. Values are
// copied in and out (structuredClone), as IndexedDB copies them, so no caller shares an object with it.
import type { PrecisRecord } from '../record/schema';
import type { SyncedRecord } from './documents';
import { resolveConflicts, type Choices } from './merge';
import { localDelete, localWrite, type LocalEntry, type StoreWrite, type SyncStatus, type SyncStore, type WaitingCounts } from './store';

export class MemoryStore implements SyncStore {
  private readonly entries = new Map<string, LocalEntry>();
  private readonly texts = new Map<string, string>();
  private checkpoint: string | null = null;
  private status: SyncStatus | null = null;

  // ── what the library does ──

  /** Saves a record as the user does (its `text`, if any, stored apart). */
  save(record: PrecisRecord): void {
    const { text, ...rest } = structuredClone(record);
    const entry = this.entries.get(record.id);
    const textChanged = (text ?? undefined) !== this.texts.get(record.id);
    if (text) this.texts.set(record.id, text);
    else this.texts.delete(record.id);
    this.entries.set(record.id, { id: record.id, record: rest, sync: localWrite(entry?.sync, textChanged) });
  }

  /** Deletes a record as the user does. */
  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const sync = localDelete(entry.sync);
    this.texts.delete(id);
    if (sync) this.entries.set(id, { id, record: null, sync });
    else this.entries.delete(id);
  }

  /** The user's choices in "Changed in two places". */
  resolve(id: string, choices: Choices): void {
    const entry = this.entries.get(id);
    if (!entry?.record && !entry?.sync.conflicts.length) return;
    const r = resolveConflicts(entry.record ?? entry.sync.base!, entry.sync.conflicts, choices);
    if (r.store === 'forget') {
      this.entries.delete(id);
      this.texts.delete(id);
      return;
    }
    if (r.text !== undefined) {
      if (r.text === null) this.texts.delete(id);
      else this.texts.set(id, r.text);
    }
    const sync = r.record ? localWrite(entry.sync, r.text !== undefined) : localDelete(entry.sync);
    if (!sync) {
      this.entries.delete(id);
      return;
    }
    this.entries.set(id, { id, record: r.record, sync: { ...sync, conflicts: r.conflicts } });
  }

  /** The records in the library (tombstones left out), text included. */
  records(): PrecisRecord[] {
    return [...this.entries.values()]
      .filter((e): e is LocalEntry & { record: SyncedRecord } => e.record !== null)
      .map((e) => structuredClone({ ...e.record, ...(this.texts.has(e.id) ? { text: this.texts.get(e.id) } : {}) }));
  }

  record(id: string): PrecisRecord | undefined {
    return this.records().find((r) => r.id === id);
  }

  entry(id: string): LocalEntry | undefined {
    const e = this.entries.get(id);
    return e && structuredClone(e);
  }

  // ── SyncStore ──

  async get(ids: readonly string[]): Promise<Map<string, LocalEntry>> {
    const out = new Map<string, LocalEntry>();
    for (const id of ids) {
      const e = this.entries.get(id);
      if (e) out.set(id, structuredClone(e));
    }
    return out;
  }

  async pending(limit: number, after?: string): Promise<LocalEntry[]> {
    return [...this.entries.values()]
      .filter((e) => e.sync.edits > 0 && (after === undefined || e.id > after))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit)
      .map((e) => structuredClone(e));
  }

  async getText(id: string): Promise<string | undefined> {
    return this.texts.get(id);
  }

  async apply(writes: readonly StoreWrite[], checkpoint?: string): Promise<{ stale: string[] }> {
    const stale = writes.filter((w) => (this.entries.get(w.id)?.sync.edits ?? 0) !== w.ifEdits).map((w) => w.id);
    if (stale.length) return { stale };
    for (const w of structuredClone(writes)) {
      if (w.record === null && w.sync.edits === 0) {
        this.entries.delete(w.id);
        this.texts.delete(w.id);
        continue;
      }
      this.entries.set(w.id, { id: w.id, record: w.record, sync: w.sync });
      if (w.text === null || w.record === null) this.texts.delete(w.id);
      else if (w.text !== undefined) this.texts.set(w.id, w.text);
    }
    if (checkpoint !== undefined) this.checkpoint = checkpoint;
    return { stale: [] };
  }

  async getCheckpoint(): Promise<string | null> {
    return this.checkpoint;
  }

  async counts(): Promise<WaitingCounts> {
    const counts: WaitingCounts = { records: 0, changes: 0, conflicts: 0, refused: 0 };
    for (const e of this.entries.values()) {
      if (e.sync.edits > 0) {
        counts.records++;
        counts.changes += e.sync.edits;
      }
      if (e.sync.conflicts.length) counts.conflicts++;
      if (e.sync.refused) counts.refused++;
    }
    return counts;
  }

  async getStatus(): Promise<SyncStatus | null> {
    return this.status && structuredClone(this.status);
  }

  async setStatus(status: SyncStatus): Promise<void> {
    this.status = structuredClone(status);
  }
}
