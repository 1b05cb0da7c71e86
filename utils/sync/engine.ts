// The team library's sync: one pass pulls the server's changes into the store, then pushes the local ones.
//
// Why a client of CouchDB's HTTP API rather than PouchDB's replicator beside Dexie: Dexie stays the one store
// and the one schema in the browser (PouchDB would keep a second copy of every record, to be bridged into
// Dexie both ways); a write from any extension page is simply a Dexie write (a replication living in the
// service worker does not see writes from pages, its change notification needs `storage` events that workers
// lack); every write is a normal, validated CouchDB write with `_rev` (a replicator's new_edits:false writes
// are what PouchDB's test server silently drops under a validation function); and nothing here needs a
// long-lived connection, which Chrome's service worker would cut after ~30 s.
//
// Conflicts: each upload carries the `_rev` the record was last in step with, so the server refuses a stale
// write (409) instead of keeping two versions. The engine then fetches the server's version, merges it
// three ways against the stored base (merge.ts: different fields merge, keywords as a set, the same field
// changed on both sides becomes a conflict entry with both values, shown to the user and not uploaded until
// resolved) and uploads the merge with the server's `_rev`, a bounded number of times. Pulled changes meet
// local edits the same way. Deletions travel as tombstones both ways.
//
// Checkpoints: the pull reads `_changes` since the stored sequence, a page at a time; each page's records and
// the page's last sequence are written in one store transaction, so the checkpoint never runs ahead of the
// records, and a pass stopped anywhere (browser closed, server gone) leaves a state the next pass resumes
// from. Re-running a pass is idempotent: a change whose revision the store already has is skipped, and an
// upload whose answer was lost comes back as a 409 whose merge finds both sides equal.
//
// Attachments: the article text is the attachment text.txt. An upload sends it only when the text changed
// (otherwise a stub keeps the server's), and a pull fetches it (with `_bulk_get`) only when the server's
// digest differs from the one stored, so editing a summary moves a few hundred bytes, not the article.
import type { CouchClient, ChangeRow } from './couch-client';
import { CouchError } from './couch-client';
import { deletionDoc, docFromRecord, readDoc, type IncomingDoc, type RecordDoc, type SyncedRecord, type TextUpload } from './documents';
import type { BulkResult } from './couch-client';
import { reconcile, type Conflict } from './merge';
import { UNKNOWN_DIGEST, type LocalEntry, type StoreWrite, type SyncErrorInfo, type SyncState, type SyncStatus, type SyncStore, type WaitingCounts } from './store';

export interface EngineOptions {
  client: CouchClient;
  store: SyncStore;
  /** The signed-in user's name: `clippedBy` of the records they upload first. */
  user: string;
  now?: () => Date;
  /** Changes per pulled page (default 200). */
  pageSize?: number;
  /** Records per upload (default 50). */
  pushBatch?: number;
  /** Upper bound of one upload's body, texts included (default 8 MB; a single larger record goes alone). */
  maxUploadBytes?: number;
  /** Merge-and-retry rounds after a 409 within one pass (default 3). */
  conflictRounds?: number;
}

export interface Progress {
  phase: 'download' | 'upload';
  done: number;
  /** null: not known (a later pull of an unknown number of changes). */
  total: number | null;
}

export interface PassOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Upload records the server refused before too (say, after the user's role changed). */
  retryRefused?: boolean;
}

export interface Refusal {
  id: string;
  title: string | null;
  reason: string;
}

export interface PassReport {
  /** The pass completed (else `error` says why). */
  ok: boolean;
  error: SyncErrorInfo | null;
  /** Changes from the server stored (records and deletions). */
  pulled: number;
  /** Records (and deletions) the server accepted. */
  pushed: number;
  /** Records that came out of this pass changed in two places. */
  conflicts: number;
  /** Uploads the server refused in this pass, with its reasons. */
  refused: Refusal[];
  /** Documents from the server that are not valid records: counted, the first reasons kept, never stored. */
  invalid: { count: number; reasons: string[] };
  /** Design documents and documents of other types, left alone. */
  skipped: number;
  status: SyncStatus;
  waiting: WaitingCounts;
}

const MAX_REASONS = 10;
const STALE_ROUNDS = 3;
const TEXT_BATCH_BYTES = 8 * 1024 * 1024;

/** A JSON size estimate of an upload: base64 texts grow by a third. */
const docBytes = (doc: RecordDoc) => {
  const att = (doc._attachments as Record<string, { data?: string }> | undefined)?.['text.txt'];
  return JSON.stringify({ ...doc, _attachments: undefined }).length + (att?.data?.length ?? 0) + 100;
};

interface UploadItem {
  entry: LocalEntry;
  doc: RecordDoc;
  text: TextUpload;
}

/** Records kept changing under the merge (the user typing through several saves): left for the next pass. */
class BusyError extends Error {}

function toInfo(e: unknown): SyncErrorInfo {
  if (e instanceof CouchError) return { kind: e.kind, message: e.message };
  if (e instanceof BusyError) return { kind: 'busy', message: e.message };
  return { kind: 'storage', message: `The library could not be read or written: ${e instanceof Error ? e.message : String(e)}` };
}

class Pass {
  readonly report: Omit<PassReport, 'ok' | 'error' | 'status' | 'waiting'> = {
    pulled: 0,
    pushed: 0,
    conflicts: 0,
    refused: [],
    invalid: { count: 0, reasons: [] },
    skipped: 0,
  };

  constructor(
    private readonly o: Required<Omit<EngineOptions, 'now'>>,
    private readonly p: PassOptions,
  ) {}

  private get signal() {
    return this.p.signal;
  }

  // ── pull ──

  async pull(): Promise<void> {
    const { client, store, pageSize } = this.o;
    let since = (await store.getCheckpoint()) ?? '0';
    let total: number | null = null;
    const first = since === '0';
    if (first) {
      const info = await client.databaseInfo(this.signal);
      total = info.docCount + info.deletedCount;
    }
    let done = 0;
    this.p.onProgress?.({ phase: 'download', done, total });
    for (;;) {
      // A first download takes the texts inline with the changes (one request a page, not two); later pulls
      // take stubs and fetch only the texts whose digest changed.
      const page = await client.changes({ since, limit: pageSize, includeDocs: true, attachments: first, signal: this.signal });
      const items = page.results.map((row) => this.incoming(row));
      await this.integrate(items, page.lastSeq);
      done += page.results.length + page.malformed;
      this.report.invalid.count += page.malformed;
      if (page.pending !== null) total = done + page.pending;
      else if (total !== null) total = Math.max(total, done);
      this.p.onProgress?.({ phase: 'download', done, total });
      const more = page.pending !== null ? page.pending > 0 : page.results.length + page.malformed >= pageSize;
      // A server that answers the same page again (or ignores `since`) would loop: stop.
      if (!more || page.lastSeq === since) break;
      since = page.lastSeq;
    }
  }

  private incoming(row: ChangeRow): IncomingDoc {
    if (row.doc === undefined || row.doc === null) {
      return row.deleted ? { kind: 'deleted', id: row.id, rev: row.revs[0] } : { kind: 'invalid', id: row.id, reason: 'the server sent the change without its document' };
    }
    const doc = readDoc(row.doc);
    if (doc.kind !== 'invalid' && doc.id !== row.id) return { kind: 'invalid', id: row.id, reason: 'the document’s _id is not the changed one' };
    return doc;
  }

  /**
   * Stores the server's versions of records (a pulled page, or the answers to conflicting uploads), merged
   * with local edits, and the checkpoint with them when given (in the same store transaction).
   */
  async integrate(items: IncomingDoc[], checkpoint?: string): Promise<void> {
    const docs: Array<Extract<IncomingDoc, { kind: 'record' | 'deleted' }>> = [];
    for (const item of items) {
      if (item.kind === 'skipped') this.report.skipped++;
      else if (item.kind === 'invalid') {
        this.report.invalid.count++;
        if (this.report.invalid.reasons.length < MAX_REASONS) this.report.invalid.reasons.push(`${item.id ?? 'a document'}: ${item.reason}`);
      } else docs.push(item);
    }
    const texts = new Map<string, string | null>();
    for (let round = 0; ; round++) {
      const entries = await this.o.store.get(docs.map((d) => d.id));
      await this.fetchTexts(docs, entries, texts);
      const writes: StoreWrite[] = [];
      let conflicts = 0;
      for (const doc of docs) {
        const entry = entries.get(doc.id);
        const write = await this.decide(doc, entry, texts);
        if (!write) continue;
        writes.push(write);
        if (write.sync.conflicts.length && !entry?.sync.conflicts.length) conflicts++;
      }
      if (!writes.length && checkpoint === undefined) return;
      const { stale } = await this.o.store.apply(writes, checkpoint);
      if (!stale.length) {
        this.report.pulled += writes.length;
        this.report.conflicts += conflicts;
        return;
      }
      // Edited while we merged: merge again with the new local state.
      if (round + 1 >= STALE_ROUNDS) throw new BusyError('Records kept changing during the sync; the next one continues.');
    }
  }

  /** The server's texts the merge needs: those whose digest differs from the stored one (fetched once). */
  private async fetchTexts(docs: IncomingDoc[], entries: Map<string, LocalEntry>, texts: Map<string, string | null>): Promise<void> {
    const wanted: Array<{ id: string; rev: string; digest: string; length: number }> = [];
    for (const doc of docs) {
      if (doc.kind !== 'record' || !doc.text || texts.has(doc.id)) continue;
      if (doc.text.text !== undefined) {
        texts.set(doc.id, doc.text.text);
        continue;
      }
      const entry = entries.get(doc.id);
      if (entry?.record && entry.sync.textDigest === doc.text.digest) continue;
      wanted.push({ id: doc.id, rev: doc.rev, digest: doc.text.digest, length: doc.text.length ?? 0 });
    }
    let i = 0;
    while (i < wanted.length) {
      const batch = [wanted[i++]];
      let bytes = batch[0].length;
      while (i < wanted.length && batch.length < 50 && bytes + wanted[i].length <= TEXT_BATCH_BYTES) {
        bytes += wanted[i].length;
        batch.push(wanted[i++]);
      }
      const got = await this.o.client.bulkGet(batch, { attachments: true, signal: this.signal, expectBytes: Math.ceil(bytes * 1.4) });
      for (const [k, { doc }] of got.entries()) {
        const read = readDoc(doc);
        // An old revision may be gone (compacted): its text is then not stored, and the digest stays unknown.
        if (read.kind === 'record' && read.text?.digest === batch[k].digest && read.text.text !== undefined) texts.set(batch[k].id, read.text.text);
      }
    }
  }

  /** The store write for one server version, or null when the store is already in step with it. */
  private async decide(doc: Extract<IncomingDoc, { kind: 'record' | 'deleted' }>, entry: LocalEntry | undefined, texts: Map<string, string | null>): Promise<StoreWrite | null> {
    if (entry?.sync.rev === doc.rev) return null;
    if (!entry && doc.kind === 'deleted') return null;
    const remote = doc.kind === 'record' ? doc.record : null;
    const remoteDigest = doc.kind === 'record' ? (doc.text?.digest ?? null) : null;
    const fetched = texts.get(doc.id);
    // The server's text where it is known; a text not fetched (gone from the server) keeps the old digest.
    const remoteText = remoteDigest === null ? null : fetched;
    // A server text that could not be fetched (its revision compacted away) is recorded as there, digest
    // unknown: uploads keep it with a stub, and a later change of it is fetched.
    const recordedDigest =
      remoteDigest === null ? null : fetched !== undefined || (entry?.record && entry.sync.textDigest === remoteDigest) ? remoteDigest : UNKNOWN_DIGEST;
    const ifEdits = entry?.sync.edits ?? 0;
    const inStep = (record: SyncedRecord | null): StoreWrite => ({
      id: doc.id,
      ifEdits,
      record,
      ...(remoteText !== undefined ? { text: remoteText } : {}),
      sync: { rev: doc.rev, base: remote, textDigest: recordedDigest, edits: 0, textEdited: false, conflicts: [], refused: null },
    });
    if (!entry) return inStep(remote);
    const outcome = reconcile(entry.sync.base, entry.record, entry.sync.edits > 0, remote, entry.sync.conflicts);
    if (outcome.kind === 'remote') return inStep(remote);

    let conflicts: Conflict[] = outcome.conflicts;
    let upload = outcome.upload;
    let text: string | null | undefined;
    let textEdited = entry.sync.textEdited;
    if (outcome.record === null) {
      // The deletion uploads over the server's unchanged version.
    } else if (remote === null) {
      // Edited here, deleted there: if the user keeps it, it is re-created with its text.
      textEdited = true;
    } else if (entry.record === null) {
      // Deleted here, changed there: the server's version is back, with its text.
      text = remoteText;
      textEdited = false;
    } else if (remoteDigest !== entry.sync.textDigest) {
      // The server's text changed. Edited here too: equal texts are no conflict (our own upload, its answer
      // lost); different ones are, with the server's text kept in the conflict.
      if (entry.sync.textEdited && remoteText !== undefined) {
        const localText = (await this.o.store.getText(doc.id)) ?? null;
        if (localText === remoteText) textEdited = false;
        else conflicts = [...conflicts.filter((c) => c.kind !== 'text'), { kind: 'text', remote: remoteText }];
      } else if (!entry.sync.textEdited) text = remoteText;
    }
    if (textEdited) upload = true;
    const sync: SyncState = {
      rev: doc.rev,
      base: remote,
      textDigest: recordedDigest,
      edits: upload ? entry.sync.edits : 0,
      textEdited: upload && textEdited,
      conflicts,
      refused: upload ? entry.sync.refused : null,
    };
    // Nothing left to upload and no record: the entry goes (contract 2).
    return { id: doc.id, ifEdits, record: outcome.record, ...(text !== undefined ? { text } : {}), sync };
  }

  // ── push ──

  async push(): Promise<void> {
    const { store, pushBatch } = this.o;
    let after: string | undefined;
    let done = 0;
    const counts = await store.counts();
    const total = counts.records;
    if (total) this.p.onProgress?.({ phase: 'upload', done, total });
    for (;;) {
      const batch = await store.pending(pushBatch, after);
      if (!batch.length) break;
      after = batch[batch.length - 1].id;
      const ready = batch.filter((e) => !e.sync.conflicts.length && (!e.sync.refused || this.p.retryRefused));
      await this.upload(ready);
      done += batch.length;
      this.p.onProgress?.({ phase: 'upload', done: Math.min(done, total), total: Math.max(total, done) });
      if (batch.length < pushBatch) break;
    }
  }

  /** Uploads entries; on 409 merges with the server's version and tries again (bounded). */
  private async upload(entries: LocalEntry[]): Promise<void> {
    let todo = entries;
    for (let round = 0; todo.length && round <= this.o.conflictRounds; round++) {
      const conflicted: string[] = [];
      const missingStub: string[] = [];
      for (const group of await this.groups(todo)) {
        const results = await this.send(group);
        const accepted = results.flatMap((r, k) => (r.ok ? [{ ...group[k], rev: r.rev }] : []));
        const digests = await this.digestsOf(accepted.filter((a) => typeof a.text === 'string'));
        const writes: StoreWrite[] = [];
        for (const [k, r] of results.entries()) {
          const { entry, doc, text } = group[k];
          if (r.ok) {
            const record = entry.record && { ...entry.record, clippedBy: doc.clippedBy as string };
            const textDigest = typeof text === 'string' ? (digests.get(entry.id) ?? UNKNOWN_DIGEST) : text ? text.stub : null;
            writes.push({ id: entry.id, ifEdits: entry.sync.edits, record, sync: { rev: r.rev, base: record, textDigest, edits: 0, textEdited: false, conflicts: [], refused: null } });
            this.report.pushed++;
          } else if (r.error === 'conflict') conflicted.push(entry.id);
          else if (r.error === 'missing_stub' || /stub/i.test(r.reason)) missingStub.push(entry.id);
          else {
            const reason = r.reason || r.error;
            writes.push({ id: entry.id, ifEdits: entry.sync.edits, record: entry.record, sync: { ...entry.sync, refused: reason } });
            this.report.refused.push({ id: entry.id, title: entry.record?.title ?? entry.sync.base?.title ?? null, reason });
          }
        }
        await this.applyUploads(writes, group);
      }
      if (conflicted.length) {
        const rows = await this.o.client.allDocs({ keys: conflicted, includeDocs: true, signal: this.signal });
        const items: IncomingDoc[] = rows.map((row) =>
          row.doc ? readDoc(row.doc) : row.deleted && row.rev ? { kind: 'deleted', id: row.id, rev: row.rev } : { kind: 'invalid', id: row.id, reason: 'not on the server' },
        );
        await this.integrate(items);
      }
      const again = [...conflicted, ...missingStub];
      if (!again.length) break;
      const fresh = await this.o.store.get(again);
      todo = again.flatMap((id) => {
        const e = fresh.get(id);
        if (!e || e.sync.edits === 0 || e.sync.conflicts.length) return [];
        // The server has no text to keep for a stub: send the text itself.
        return [missingStub.includes(id) ? { ...e, sync: { ...e.sync, textEdited: true } } : e];
      });
    }
  }

  /**
   * Sends a group of uploads. PouchDB's server refuses a whole request (412) for one stub it cannot find
   * where CouchDB may answer per document: then each is sent alone, and one refused so is sent with its text.
   */
  private async send(group: UploadItem[]): Promise<BulkResult[]> {
    try {
      return await this.o.client.bulkDocs(group.map((g) => g.doc), this.signal);
    } catch (e) {
      if (!(e instanceof CouchError) || e.status !== 412) throw e;
    }
    const results: BulkResult[] = [];
    for (const item of group) {
      try {
        results.push(...(await this.o.client.bulkDocs([item.doc], this.signal)));
      } catch (e) {
        if (!(e instanceof CouchError) || e.status !== 412 || !item.entry.record) throw e;
        item.text = (await this.o.store.getText(item.entry.id)) ?? null;
        item.doc = docFromRecord(item.entry.record, { rev: (item.doc._rev as string | undefined) ?? null, clippedBy: item.doc.clippedBy as string, text: item.text });
        results.push(...(await this.o.client.bulkDocs([item.doc], this.signal)));
      }
    }
    return results;
  }

  /** The uploads of a batch, as documents, in groups of bounded size. */
  private async groups(entries: LocalEntry[]): Promise<UploadItem[][]> {
    const items: UploadItem[] = [];
    const digests = await this.unknownDigests(entries);
    for (const entry of entries) {
      if (entry.record === null) {
        if (entry.sync.rev) items.push({ entry, doc: deletionDoc(entry.id, entry.sync.rev), text: null });
        // A deletion of what the server never had: nothing to upload (the store should have dropped it).
        else await this.o.store.apply([{ id: entry.id, ifEdits: entry.sync.edits, record: null, sync: { ...entry.sync, edits: 0 } }]);
        continue;
      }
      const clippedBy = entry.sync.base?.clippedBy ?? entry.record.clippedBy ?? this.o.user;
      const digest = entry.sync.textDigest === UNKNOWN_DIGEST ? digests.get(entry.id) : entry.sync.textDigest;
      let text: TextUpload = digest ? { stub: digest } : null;
      if (entry.sync.textEdited || (entry.sync.textDigest === UNKNOWN_DIGEST && !digest)) text = (await this.o.store.getText(entry.id)) ?? null;
      // Over the server's deletion (kept after 'deleted-remotely'), the record is created anew, without _rev.
      const rev = entry.sync.base === null ? null : entry.sync.rev;
      items.push({ entry, doc: docFromRecord(entry.record, { rev, clippedBy, text }), text });
    }
    const groups: UploadItem[][] = [];
    let current: UploadItem[] = [];
    let bytes = 0;
    for (const item of items) {
      const size = docBytes(item.doc);
      if (current.length && bytes + size > this.o.maxUploadBytes) {
        groups.push(current);
        current = [];
        bytes = 0;
      }
      current.push(item);
      bytes += size;
    }
    if (current.length) groups.push(current);
    return groups;
  }

  /** For stubs: the digests of the server's texts recorded as there but of unknown digest. */
  private async unknownDigests(entries: LocalEntry[]): Promise<Map<string, string>> {
    const unknown = entries.filter((e) => e.record && !e.sync.textEdited && e.sync.textDigest === UNKNOWN_DIGEST && e.sync.rev);
    if (!unknown.length) return new Map();
    return this.digestsOf(unknown.map((entry) => ({ entry, rev: entry.sync.rev! })));
  }

  /** The digests the server gave the texts just uploaded (read back at the new revisions). */
  private async digestsOf(uploads: Array<{ entry: LocalEntry; rev: string }>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!uploads.length) return out;
    try {
      const got = await this.o.client.bulkGet(uploads.map((u) => ({ id: u.entry.id, rev: u.rev })), { signal: this.signal });
      for (const { id, doc } of got) {
        const read = readDoc(doc);
        if (read.kind === 'record' && read.text) out.set(id, read.text.digest);
      }
    } catch (e) {
      // The uploads are done; without the digests the next pull fetches those texts once more.
      if (!(e instanceof CouchError) || e.kind === 'aborted') throw e;
    }
    return out;
  }

  /**
   * Stores the outcome of uploads. A record edited again while it uploaded keeps its new edit: it is then in
   * step with the new revision minus the edits made since, which upload next time.
   */
  private async applyUploads(writes: StoreWrite[], group: Array<{ entry: LocalEntry }>): Promise<void> {
    let pending = writes;
    for (let round = 0; pending.length; round++) {
      const { stale } = await this.o.store.apply(pending);
      if (!stale.length) return;
      if (round + 1 >= STALE_ROUNDS) return; // left for the next pass: its revision comes back as a 409 to merge
      const fresh = await this.o.store.get(stale);
      pending = pending.flatMap((w) => {
        if (!stale.includes(w.id)) return [];
        const now = fresh.get(w.id);
        const uploaded = group.find((g) => g.entry.id === w.id)!.entry;
        // A refusal of a version since edited again: forget it, the edit uploads next time.
        if (!now || w.sync.refused) return [];
        const newer = Math.max(0, now.sync.edits - uploaded.sync.edits);
        const record = now.record && w.record?.clippedBy ? { ...now.record, clippedBy: w.record.clippedBy } : now.record;
        return [{ ...w, ifEdits: now.sync.edits, record, sync: { ...w.sync, edits: newer, textEdited: newer > 0 && now.sync.textEdited } }];
      });
    }
  }
}

/**
 * Runs sync passes against one store, one at a time: a pass asked for while one runs starts when it ends
 * (callers asking meanwhile share that one).
 */
export class SyncEngine {
  private running: Promise<PassReport> | null = null;
  private queued: Promise<PassReport> | null = null;

  constructor(private readonly options: EngineOptions) {}

  pass(options: PassOptions = {}): Promise<PassReport> {
    if (!this.running) {
      this.running = runPass(this.options, options).finally(() => {
        this.running = null;
      });
      return this.running;
    }
    if (!this.queued) {
      this.queued = this.running.then(() => {
        this.queued = null;
        return this.pass(options);
      });
    }
    return this.queued;
  }

  /**
   * Waits for the server's next change after the stored checkpoint (a long-poll with heartbeats, given up
   * after `timeoutMs`): true when there is one, false when the wait ended without. For an open extension page:
   * `while (open) if (await engine.waitForChange(…)) await engine.pass()`.
   */
  async waitForChange(options: { signal?: AbortSignal; timeoutMs?: number; heartbeatMs?: number } = {}): Promise<boolean> {
    const since = (await this.options.store.getCheckpoint()) ?? '0';
    const page = await this.options.client.changes({ since, feed: 'longpoll', limit: 1, ...options });
    return page.results.length > 0 || page.lastSeq !== since;
  }
}

/** One pass: pull, then push; the status (last synced, last error) is stored either way. */
export async function runPass(options: EngineOptions, passOptions: PassOptions = {}): Promise<PassReport> {
  const o = {
    pageSize: 200,
    pushBatch: 50,
    maxUploadBytes: 8 * 1024 * 1024,
    conflictRounds: 3,
    ...options,
  };
  const now = options.now ?? (() => new Date());
  const pass = new Pass(o, passOptions);
  let error: SyncErrorInfo | null = null;
  try {
    await pass.pull();
    await pass.push();
  } catch (e) {
    error = toInfo(e);
  }
  const before = await options.store.getStatus().catch(() => null);
  const status: SyncStatus = { lastSyncedAt: error ? (before?.lastSyncedAt ?? null) : now().toISOString(), lastError: error };
  await options.store.setStatus(status).catch(() => {});
  const waiting = await options.store.counts().catch(() => ({ records: 0, changes: 0, conflicts: 0, refused: 0 }));
  return { ok: error === null, error, ...pass.report, status, waiting };
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * The status line in words: "Synced 14:02. 3 changes to 2 records waiting to upload." or "Server unreachable: …
 * Working offline; 3 changes waiting to upload." `formatTime` renders the last sync time for the reader.
 */
export function statusLine(status: SyncStatus | null, waiting: WaitingCounts, formatTime: (iso: string) => string): string {
  const parts: string[] = [];
  if (status?.lastError) {
    parts.push(status.lastError.message);
    if (status.lastError.kind === 'unreachable') parts.push('Working offline.');
  } else if (status?.lastSyncedAt) parts.push(`Synced ${formatTime(status.lastSyncedAt)}.`);
  else parts.push('Not synced yet.');
  if (waiting.changes) {
    parts.push(`${plural(waiting.changes, 'change', 'changes')}${waiting.records > 1 ? ` to ${plural(waiting.records, 'record', 'records')}` : ''} waiting to upload.`);
  }
  if (waiting.conflicts) parts.push(`${plural(waiting.conflicts, 'record', 'records')} changed in two places.`);
  if (waiting.refused) parts.push(`${plural(waiting.refused, 'record was', 'records were')} refused by the server.`);
  return parts.join(' ');
}
