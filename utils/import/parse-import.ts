import { EXPORT_FORMAT, EXPORT_VERSION, RecordSchema, type PrecisRecord } from '../record/schema';
import { vouchFor } from './checked-records';
import { migrateRecords } from './migrations';
import { describeJsonValue, issueText } from '../record/issue-text';

/**
 * Larger files are refused before reading them. 10,000 records with 1,500-word article texts export to about
 * 100-130 MB, which must still import; a 200 MB file is refused.
 */
export const MAX_IMPORT_BYTES = 150 * 1024 * 1024;
export const MAX_IMPORT_RECORDS = 100_000;

export type ParsedImport = { ok: true; records: PrecisRecord[]; version: number } | { ok: false; message: string };

// Keys that would reach an object's prototype if any later code copied them by assignment. JSON.parse keeps
// them as plain own properties, and the schema drops unknown keys, but a file carrying them is hostile or
// broken either way, so it is refused with a message rather than silently cleaned.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const fail = (message: string): ParsedImport => ({ ok: false, message });
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** JSON.parse's message with a line and column, which editors can jump to (V8 reports only a position). */
function syntaxMessage(text: string, error: unknown): string {
  const first = text.trimStart()[0] ?? '';
  if (!/[{["\d\-tfn]/.test(first)) return `The file is not JSON (it starts with "${first}", where a Précis export starts with "{").`;
  // Engines quote the offending text in their message; keep it to one short line.
  const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 200);
  const position = Number(detail.match(/at position (\d+)/)?.[1] ?? NaN);
  if (Number.isNaN(position)) return `The file is not valid JSON: ${detail}.`;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `The file is not valid JSON (line ${line}, column ${column}): ${detail.replace(/ \(line \d+ column \d+\)/, '')}.`;
}

/** The first forbidden key anywhere in a parsed value, walked without recursion (JSON may nest deeply). */
function forbiddenKey(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      stack.push((v as Record<string, unknown>)[key]);
    }
  }
  return null;
}

/** `Record 7 ("Get the Generals Out of…")` — position counted from 1, as people count. */
function recordLabel(raw: unknown, index: number): string {
  const title = (raw as { title?: unknown } | null)?.title;
  if (typeof title !== 'string' || !title.trim()) return `Record ${index + 1}`;
  const clean = title.replace(/\s+/g, ' ').trim();
  return `Record ${index + 1} ("${clean.length > 60 ? `${clean.slice(0, 60)}…` : clean}")`;
}

/** How far checking an import has got: records checked of all the file holds. */
export interface CheckProgress {
  checked: number;
  total: number;
}

/**
 * Read a Précis JSON export (`text`: the file's contents; `byteSize`: its size, checked before anything else).
 * Every record is validated with the record schema; nothing here touches the database.
 */
export function parseImport(text: string, byteSize: number = text.length): ParsedImport {
  const steps = parseSteps(text, byteSize);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * parseImport in steps: between steps of about `stepMs` it calls `pause` (letting the page paint and answer
 * input) and reports how many records are checked. The file's JSON.parse is one step, whatever its size.
 */
export async function parseImportInSteps(
  text: string,
  byteSize: number,
  { onProgress, pause, stepMs = 30 }: { onProgress?: (progress: CheckProgress) => void; pause: () => Promise<void>; stepMs?: number },
): Promise<ParsedImport> {
  const steps = parseSteps(text, byteSize);
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since < stepMs) continue;
    onProgress?.(step.value);
    await pause();
    since = performance.now();
  }
}

/** Records checked between two looks at the clock. */
const CHECK_CHUNK = 50;

function* parseSteps(text: string, byteSize: number): Generator<CheckProgress, ParsedImport, void> {
  const size = Math.max(byteSize, text.length);
  if (size > MAX_IMPORT_BYTES) {
    return fail(`This file is ${megabytes(size)}; Précis imports files up to ${megabytes(MAX_IMPORT_BYTES)}. Export fewer records per file.`);
  }
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return fail('The file is empty.');

  let data: unknown;
  const t0 = performance.now();
  try {
    data = JSON.parse(body);
  } catch (error) {
    return fail(syntaxMessage(body, error));
  }

  const notExport = `This is not a Précis export (expected an object with "format": "${EXPORT_FORMAT}"`;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return fail(`${notExport}, found ${describeJsonValue(data)}).`);
  const envelope = data as Record<string, unknown>;
  if (envelope.format !== EXPORT_FORMAT) {
    const found = typeof envelope.format === 'string' ? `"${envelope.format.slice(0, 60)}"` : 'no format';
    return fail(`${notExport}, found ${found}).`);
  }

  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('This Précis export has no valid version number.');
  }
  if (version > EXPORT_VERSION) {
    return fail(`This file was made by a newer Précis (export version ${version}; this one reads up to version ${EXPORT_VERSION}). Update Précis, then import it again.`);
  }

  if (!Array.isArray(envelope.records)) return fail(`This Précis export has no "records" list (found ${describeJsonValue(envelope.records)}).`);
  if (envelope.records.length > MAX_IMPORT_RECORDS) {
    return fail(`This file holds ${envelope.records.length.toLocaleString('en')} records; Précis imports at most ${MAX_IMPORT_RECORDS.toLocaleString('en')} at a time.`);
  }
  const topKey = Object.keys(envelope).find((k) => FORBIDDEN_KEYS.has(k));
  if (topKey) return fail(`The file contains the key "${topKey}", which Précis refuses.`);

  performance.measure('precis:import-parse', { start: t0 });
  const t1 = performance.now();
  const migrated = migrateRecords(envelope.records, version);
  if (!migrated) return fail(`Précis cannot read export version ${version}.`);

  const records: PrecisRecord[] = [];
  const problems: string[] = [];
  const positionById = new Map<string, number>();
  for (const [i, raw] of migrated.entries()) {
    if (i % CHECK_CHUNK === 0) yield { checked: i, total: migrated.length };
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`${recordLabel(raw, i)} is not a record (found ${describeJsonValue(raw)}).`);
      continue;
    }
    const key = forbiddenKey(raw);
    if (key) {
      problems.push(`${recordLabel(raw, i)} contains the key "${key}", which Précis refuses.`);
      continue;
    }
    const checked = RecordSchema.safeParse(raw);
    if (!checked.success) {
      problems.push(`${recordLabel(raw, i)}: ${checked.error.issues.slice(0, 3).map((issue) => issueText(issue, raw)).join('; ')}.`);
      continue;
    }
    const earlier = positionById.get(checked.data.id);
    if (earlier !== undefined) {
      problems.push(`Records ${earlier + 1} and ${i + 1} have the same id "${checked.data.id.slice(0, 80)}".`);
      continue;
    }
    positionById.set(checked.data.id, i);
    records.push(checked.data);
  }
  if (problems.length) {
    const more = problems.length - 1;
    return fail(`${problems[0]}${more ? ` ${more} more record${more === 1 ? ' has' : 's have'} problems too.` : ''}`);
  }
  vouchFor(records);
  performance.measure('precis:import-validate', { start: t1 });
  return { ok: true, records, version };
}
