import type { PrecisDatabase, StoredRecord } from '../db/database';
import { validateRecord, type PrecisRecord } from '../record/schema';
import { isVouchedFor } from './checked-records';
import { noteLocalWrites, trackingTables } from '../db/sync-tracking';

export interface ImportPreview { total: number; new: number; identical: number; newer: number; older: number }

type Verdict = 'new' | 'identical' | 'newer' | 'older';

/** Order-insensitive deep equality of plain JSON data; a missing key equals an undefined one. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!sameData(ao[k], bo[k])) return false;
  return true;
}

/**
 * Compare each incoming record with the library's record of the same id. Identical means the same fields and,
 * when the import carries article text, the same text. Otherwise the later `updatedAt` wins; on a tie the
 * library's copy is kept (counted as "older"), since an import never overwrites without a reason.
 */
async function judge(db: PrecisDatabase, records: readonly PrecisRecord[]): Promise<Verdict[]> {
  // Which ids the library holds comes from the primary keys alone; only records it holds are read (importing
  // into a library that lacks most of them reads next to nothing).
  const held = new Set(await db.records.toCollection().primaryKeys());
  const heldIds = records.flatMap((r) => (held.has(r.id) ? [r.id] : []));
  const heldRecords = new Map((await db.records.bulkGet(heldIds)).flatMap((r) => (r ? [[r.id, r] as const] : [])));
  const existing = records.map((r) => heldRecords.get(r.id));
  const fieldsMatch = records.map((r, i) => sameFields(existing[i], r));
  // Article texts are megabytes: read only those that can decide "identical".
  const textIds = records.filter((r, i) => fieldsMatch[i] && r.text !== undefined).map((r) => r.id);
  const texts = new Map((await db.texts.bulkGet(textIds)).flatMap((t) => (t ? [[t.id, t.text] as const] : [])));
  return records.map((record, i) => {
    const stored = existing[i];
    if (!stored) return 'new';
    if (fieldsMatch[i] && (record.text === undefined || (texts.get(record.id) ?? '') === record.text)) return 'identical';
    return Date.parse(record.updatedAt) > Date.parse(stored.updatedAt) ? 'newer' : 'older';
  });
}

function sameFields(stored: StoredRecord | undefined, record: PrecisRecord): boolean {
  if (!stored) return false;
  const { text: _text, ...fields } = record;
  return sameData(stored, fields);
}

/** How many records of an import are new, identical, newer or older than the library's (matched by id). */
export async function previewImport(db: PrecisDatabase, records: PrecisRecord[]): Promise<ImportPreview> {
  const preview: ImportPreview = { total: records.length, new: 0, identical: 0, newer: 0, older: 0 };
  const t0 = performance.now();
  const verdicts = await db.transaction('r', db.records, db.texts, async () => judge(db, records));
  performance.measure('precis:import-preview', { start: t0 });
  for (const v of verdicts) preview[v]++;
  return preview;
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  /** The records written (as stored, without text): the library page merges them in without re-reading. */
  written: StoredRecord[];
}

/** Records written per request batch: progress moves in these steps, and the page paints between them. */
const WRITE_CHUNK = 500;

/**
 * Add the new records and replace those the import has a newer version of, in one transaction: if anything
 * fails, nothing is written. Never deletes. As in saveRecord, article text goes to `texts`, and a newer
 * record without text keeps the text already stored. `onProgress` hears how many records are written.
 */
export async function applyImport(
  db: PrecisDatabase,
  records: PrecisRecord[],
  onProgress?: (written: number, total: number) => void,
): Promise<ImportResult> {
  // Checked again here, the last gate before IndexedDB, like saveRecord (callers may skip parseImport);
  // records that parseImport has just validated are not checked twice.
  const t0 = performance.now();
  const checked = records.map((r, i) => {
    if (isVouchedFor(r)) return r;
    const result = validateRecord(r);
    if (!result.ok) throw new Error(`Record ${i + 1} is not valid: ${result.errors.join('; ')}`);
    return result.value;
  });
  performance.measure('precis:import-validate-again', { start: t0 });
  // Two records with one id would both count as new and the later would silently replace the earlier.
  const ids = new Set<string>();
  for (const [i, r] of checked.entries()) {
    if (ids.has(r.id)) throw new Error(`Record ${i + 1} has the same id as an earlier record (${r.id}).`);
    ids.add(r.id);
  }
  let tWritten = 0; // the writes issued; the transaction commits after
  const result = await db.transaction('rw', [db.records, db.texts, ...trackingTables(db)], async () => {
    const t1 = performance.now();
    const verdicts = await judge(db, checked);
    const t2 = performance.now();
    performance.measure('precis:import-compare', { start: t1, end: t2 });
    const toWrite = checked.filter((_, i) => verdicts[i] === 'new' || verdicts[i] === 'newer');
    const fresh = new Set(checked.filter((_, i) => verdicts[i] === 'new').map((r) => r.id));
    const written: StoredRecord[] = toWrite.map(({ text: _text, ...rest }) => rest);
    // Each chunk goes out before the one ahead of it is awaited: the page prepares the next chunk while the
    // browser stores this one.
    const batches: Promise<void>[] = [];
    // Puts, for new records too: this transaction has just seen that their ids are free, and an add costs
    // IndexedDB a lookup per row to make sure.
    for (let i = 0; i < toWrite.length; i += WRITE_CHUNK) {
      const texts = toWrite.slice(i, i + WRITE_CHUNK).flatMap((r) => (r.text ? [{ id: r.id, text: r.text }] : []));
      const done = Math.min(i + WRITE_CHUNK, toWrite.length);
      const batch = Promise.all([db.records.bulkPut(written.slice(i, i + WRITE_CHUNK)), texts.length ? db.texts.bulkPut(texts) : null]).then(() =>
        onProgress?.(done, toWrite.length),
      );
      batch.catch(() => {}); // a failure aborts the transaction and surfaces where the batch is awaited
      batches.push(batch);
      if (batches.length > 1) await batches[batches.length - 2];
    }
    await Promise.all(batches);
    await noteLocalWrites(db, toWrite.map((r) => ({ id: r.id, textChanged: !!r.text })));
    performance.measure('precis:import-write', { start: t2 });
    tWritten = performance.now();
    return { added: fresh.size, updated: toWrite.length - fresh.size, unchanged: checked.length - toWrite.length, written };
  });
  performance.measure('precis:import-commit', { start: tWritten });
  return result;
}
