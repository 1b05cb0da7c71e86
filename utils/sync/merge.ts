// Three-way merge of a record: the version last synced (`base`), the local one and the server's.
//
// - A field changed on one side only takes that side's value; changed to the same value on both, that value.
// - Keywords merge as a set (same keyword up to letter case): what either side added is kept, what either
//   side removed is gone; the local spelling and order first.
// - The same field changed differently on both sides is a conflict: the record keeps the local value (what
//   the user typed stays on screen) and a conflict entry holds base, local and remote values; the record is
//   not uploaded until the user picks (resolveConflicts), so neither version is dropped anywhere. A field
//   already in conflict stays so until picked, even if the server changes it again (then with the new value),
//   unless both sides come to agree.
// - clippedBy is the server's; createdAt the earlier, updatedAt the later; `sources` (where a value came
//   from) merges key by key, the server's winning a tie: neither is ever a conflict.
// - Deletions (reconcile): a deletion never silently wins over an edit it did not see, nor an edit over a
//   deletion. Edited here, deleted on the server: the local record stays, marked 'deleted-remotely', and is
//   not uploaded until the user keeps it (re-created on the server) or deletes it. Deleted here, changed on
//   the server since: the server's version comes back, marked 'deleted-locally', for the user to delete again
//   or keep. Deleted here and unchanged on the server: the deletion is uploaded. Deleted on both: done.
import type { SyncedRecord } from './documents';

/** The fields merged as one value each (any change to an author list, say, is one change). */
export const MERGED_FIELDS = [
  'url',
  'title',
  'authors',
  'publisher',
  'publishedDate',
  'place',
  'literatureType',
  'wordCount',
  'summary',
  'summarizedBy',
  'section',
  'language',
] as const satisfies ReadonlyArray<keyof SyncedRecord>;
export type MergedField = (typeof MERGED_FIELDS)[number];

export type FieldConflict = { kind: 'field'; field: MergedField; base: unknown; local: unknown; remote: unknown };
/** The article text changed on both sides; the texts themselves are in the store (local) and here (remote). */
export type TextConflict = { kind: 'text'; remote: string | null };
export type DeletionConflict = { kind: 'deleted-remotely' } | { kind: 'deleted-locally' };
export type Conflict = FieldConflict | TextConflict | DeletionConflict;

/** Equality of JSON values (records hold nothing else); a missing key equals `undefined`. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameValue(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!sameValue(ao[k], bo[k])) return false;
  return true;
}

/** Same record content, the time of the last edit aside. */
export function sameContent(a: SyncedRecord, b: SyncedRecord): boolean {
  const { updatedAt: _a, ...restA } = a;
  const { updatedAt: _b, ...restB } = b;
  return sameValue(restA, restB);
}

const keywordIdentity = (k: string) => k.normalize('NFC').trim().toLocaleLowerCase('en');

/** Three-way set merge of keyword lists (see the top of this file). */
export function mergeKeywords(base: readonly string[] | null, local: readonly string[], remote: readonly string[]): string[] {
  const inBase = new Set((base ?? []).map(keywordIdentity));
  const inLocal = new Set(local.map(keywordIdentity));
  const inRemote = new Set(remote.map(keywordIdentity));
  const keep = (key: string) => (inLocal.has(key) && inRemote.has(key)) || !inBase.has(key);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const k of [...local, ...remote]) {
    const key = keywordIdentity(k);
    if (seen.has(key) || !keep(key)) continue;
    seen.add(key);
    out.push(k);
  }
  return out;
}

function mergeSources(base: SyncedRecord['sources'] | null, local: SyncedRecord['sources'], remote: SyncedRecord['sources']) {
  if (!local && !remote) return undefined;
  const out: Record<string, string> = {};
  const keys = new Set([...Object.keys(local ?? {}), ...Object.keys(remote ?? {})]);
  for (const key of keys) {
    const b = base?.[key];
    const l = local?.[key];
    const r = remote?.[key];
    const value = l !== b && r === b ? l : r;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const earlier = (a: string, b: string) => (Date.parse(b) < Date.parse(a) ? b : a);
const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);

export interface MergeResult {
  record: SyncedRecord;
  conflicts: FieldConflict[];
}

/**
 * Merges a record edited here (`local`) with the server's version (`remote`), both descended from `base`
 * (null when the two were never in step: then every difference is a conflict, keywords a union).
 * `previous`: conflicts still waiting for the user's choice.
 */
export function mergeRecords(
  base: SyncedRecord | null,
  local: SyncedRecord,
  remote: SyncedRecord,
  previous: readonly Conflict[] = [],
): MergeResult {
  const waiting = new Map(previous.flatMap((c) => (c.kind === 'field' ? [[c.field, c] as const] : [])));
  const record: SyncedRecord = {
    ...local,
    keywords: mergeKeywords(base?.keywords ?? null, local.keywords, remote.keywords),
    createdAt: earlier(local.createdAt, remote.createdAt),
    updatedAt: later(local.updatedAt, remote.updatedAt),
  };
  const sources = mergeSources(base?.sources ?? null, local.sources, remote.sources);
  if (sources) record.sources = sources;
  if (remote.clippedBy) record.clippedBy = remote.clippedBy;
  const conflicts: FieldConflict[] = [];
  const put = <F extends MergedField>(field: F, value: SyncedRecord[F]) => {
    record[field] = value;
  };
  for (const field of MERGED_FIELDS) {
    const l = local[field];
    const r = remote[field];
    const b = base?.[field];
    if (sameValue(l, r)) continue;
    const before = waiting.get(field);
    if (before) conflicts.push({ kind: 'field', field, base: before.base, local: l, remote: r });
    else if (base && sameValue(b, l)) put(field, r);
    else if (base && sameValue(b, r)) continue;
    else conflicts.push({ kind: 'field', field, base: b ?? null, local: l, remote: r });
  }
  return { record, conflicts };
}

export type Outcome =
  /** The server's state (its record, or its deletion) replaces the local one; nothing waits to upload. */
  | { kind: 'remote' }
  /**
   * The local state to keep: `record` (null: deleted here), its conflicts, and whether it still differs from
   * the server's (then it waits to upload, once its conflicts are resolved).
   */
  | { kind: 'local'; record: SyncedRecord | null; conflicts: Conflict[]; upload: boolean };

/**
 * What to keep when the server's version of a record arrives (a pull, or the answer to a conflicting push).
 * `local`: null when deleted here; `edited`: the local state has changes not yet uploaded; `remote`: null when
 * deleted on the server.
 */
export function reconcile(
  base: SyncedRecord | null,
  local: SyncedRecord | null,
  edited: boolean,
  remote: SyncedRecord | null,
  previous: readonly Conflict[] = [],
): Outcome {
  if (!edited) return { kind: 'remote' };
  if (local === null) {
    if (remote === null) return { kind: 'remote' };
    if (base && sameContent(base, remote)) return { kind: 'local', record: null, conflicts: [], upload: true };
    return { kind: 'local', record: remote, conflicts: [{ kind: 'deleted-locally' }], upload: false };
  }
  if (remote === null) return { kind: 'local', record: local, conflicts: [{ kind: 'deleted-remotely' }], upload: true };
  const merged = mergeRecords(base, local, remote, previous);
  return { kind: 'local', record: merged.record, conflicts: merged.conflicts, upload: !sameContent(merged.record, remote) };
}

export type FieldChoice = 'local' | 'remote';

/** The user's picks in "Changed in two places": per field, for the article text, and for a deletion. */
export interface Choices {
  fields?: Partial<Record<MergedField, FieldChoice>>;
  text?: FieldChoice;
  /** For a 'deleted-remotely' or 'deleted-locally' record: keep it, or delete it. */
  deletion?: 'keep' | 'delete';
}

export interface Resolution {
  /** The record to store; null: it leaves the library. */
  record: SyncedRecord | null;
  /** Present when the server's text was picked: store it as the record's text (null: no text). */
  text?: string | null;
  /** The conflicts no choice was made for. */
  conflicts: Conflict[];
  /**
   * 'edit': store it as a local edit (uploaded once no conflict is left). 'forget': remove the entry with
   * nothing to upload (the server has deleted the record already).
   */
  store: 'edit' | 'forget';
}

/** Applies the user's choices to a record in conflict (conflicts without a choice stay). */
export function resolveConflicts(record: SyncedRecord, conflicts: readonly Conflict[], choices: Choices): Resolution {
  const out: SyncedRecord = { ...record };
  const left: Conflict[] = [];
  let text: string | null | undefined;
  for (const c of conflicts) {
    if (c.kind === 'field' && choices.fields?.[c.field]) {
      (out as Record<string, unknown>)[c.field] = choices.fields[c.field] === 'local' ? c.local : c.remote;
    } else if (c.kind === 'text' && choices.text) {
      if (choices.text === 'remote') text = c.remote;
    } else if ((c.kind === 'deleted-remotely' || c.kind === 'deleted-locally') && choices.deletion) {
      if (choices.deletion === 'delete') return { record: null, conflicts: [], store: c.kind === 'deleted-remotely' ? 'forget' : 'edit' };
    } else left.push(c);
  }
  return { record: out, ...(text !== undefined ? { text } : {}), conflicts: left, store: 'edit' };
}
