// A Précis record as a CouchDB document, and back.
//
// One record is one document: `_id` is the record id, `type` is "precis.record", `clippedBy` names who first
// saved it to the team library, and the other fields are the record's own (the record schema, minus `id` and
// `text`). The article text travels as the attachment `text.txt`, so an edit to the summary re-sends neither
// the text nor (when pulled) downloads it again: the attachment's digest says whether it changed.
//
// Everything read from the server goes through readDoc, which validates it with the record schema: a hostile
// server or teammate can send any JSON, and what cannot be a record is reported, never stored. Strings stay
// strings (a title of "<script>…" is a title): the UI shows text only.
import { RecordSchema, type PrecisRecord } from '../record/schema';
import { issueText } from '../record/issue-text';
import { base64ToUtf8, utf8ToBase64 } from './base64';

export const RECORD_TYPE = 'precis.record';
export const TEXT_ATTACHMENT = 'text.txt';
export const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';

/** A record as the sync moves it: everything but the article text, which moves (and is stored) apart. */
export type SyncedRecord = Omit<PrecisRecord, 'text'>;

const REV = /^\d{1,12}-[0-9a-zA-Z]{1,64}$/;
const MAX_ID = 200;
const MAX_DIGEST = 200;

export interface TextAttachment {
  /** CouchDB's digest of the attachment ("md5-…"): equal digests, equal texts. */
  digest: string;
  /** Its size in bytes, as the server says. */
  length: number | null;
  /** The text itself when the server sent it inline (`attachments=true`). */
  text?: string;
}

export type IncomingDoc =
  | { kind: 'record'; id: string; rev: string; record: SyncedRecord; text: TextAttachment | null }
  | { kind: 'deleted'; id: string; rev: string }
  | { kind: 'skipped'; id: string; why: 'design document' | 'not a Précis record' }
  | { kind: 'invalid'; id: string | null; reason: string };

/** The document body the client writes (always with `_id`; `_rev` except for a first write). */
export type RecordDoc = Record<string, unknown> & { _id: string; _rev?: string };

/** How an upload treats the text: send it, keep the server's (a stub of its digest), or send none (removing the server's). */
export type TextUpload = string | { stub: string } | null;

/**
 * The document for a record. `text`: a string sends the text; `{ stub: digest }` keeps the server's attachment
 * as it is at `rev` (PouchDB's server finds a stub by its digest, CouchDB by its name: both are sent); null
 * sends none, which removes the server's.
 */
export function docFromRecord(record: SyncedRecord, options: { rev: string | null; clippedBy: string; text: TextUpload }): RecordDoc {
  const { id, clippedBy: _clippedBy, ...fields } = record as SyncedRecord & { text?: unknown };
  delete (fields as { text?: unknown }).text;
  const doc: RecordDoc = { _id: id, ...(options.rev ? { _rev: options.rev } : {}), type: RECORD_TYPE, clippedBy: options.clippedBy };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) doc[key] = value;
  if (options.text !== null && typeof options.text === 'object') {
    doc._attachments = { [TEXT_ATTACHMENT]: { stub: true, digest: options.text.stub, content_type: TEXT_CONTENT_TYPE } };
  } else if (typeof options.text === 'string') {
    doc._attachments = { [TEXT_ATTACHMENT]: { content_type: TEXT_CONTENT_TYPE, data: utf8ToBase64(options.text) } };
  }
  return doc;
}

/** A deletion as CouchDB keeps it: a tombstone revision. */
export function deletionDoc(id: string, rev: string): RecordDoc {
  return { _id: id, _rev: rev, _deleted: true };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readAttachment(attachments: unknown): TextAttachment | null | string {
  if (attachments === undefined) return null;
  if (!isObject(attachments)) return 'its _attachments are not an object';
  const att = Object.hasOwn(attachments, TEXT_ATTACHMENT) ? attachments[TEXT_ATTACHMENT] : undefined;
  if (att === undefined) return null;
  if (!isObject(att) || typeof att.digest !== 'string' || !att.digest || att.digest.length > MAX_DIGEST) {
    return `its ${TEXT_ATTACHMENT} attachment has no digest`;
  }
  const length = typeof att.length === 'number' && att.length >= 0 ? att.length : null;
  if (att.data === undefined) return { digest: att.digest, length };
  const text = typeof att.data === 'string' ? base64ToUtf8(att.data) : null;
  if (text === null) return `its ${TEXT_ATTACHMENT} attachment is not base64`;
  const checked = RecordSchema.shape.text.safeParse(text);
  if (!checked.success) return `its article text is too long`;
  return { digest: att.digest, length, text };
}

/** Reads one document from the server (a `_changes` row's doc, `_bulk_get`, `_all_docs`): validated, never trusted. */
export function readDoc(raw: unknown): IncomingDoc {
  if (!isObject(raw)) return { kind: 'invalid', id: null, reason: 'it is not a JSON object' };
  const id = raw._id;
  if (typeof id !== 'string' || !id || id.length > MAX_ID) return { kind: 'invalid', id: null, reason: 'it has no valid _id' };
  if (id.startsWith('_design/')) return { kind: 'skipped', id, why: 'design document' };
  const rev = raw._rev;
  if (typeof rev !== 'string' || !REV.test(rev)) return { kind: 'invalid', id, reason: 'it has no valid _rev' };
  if (raw._deleted === true) return { kind: 'deleted', id, rev };
  if (raw.type !== RECORD_TYPE) return { kind: 'skipped', id, why: 'not a Précis record' };

  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) if (!key.startsWith('_') && key !== 'type' && key !== 'text') fields[key] = raw[key];
  fields.id = id;
  const parsed = RecordSchema.safeParse(fields);
  if (!parsed.success) {
    const reason = parsed.error.issues.slice(0, 3).map((i) => issueText(i, fields)).join('; ');
    return { kind: 'invalid', id, reason: reason.slice(0, 500) };
  }
  const text = readAttachment(raw._attachments);
  if (typeof text === 'string') return { kind: 'invalid', id, reason: text };
  const { text: _text, ...record } = parsed.data;
  return { kind: 'record', id, rev, record, text };
}
