import { EXPORT_FORMAT, EXPORT_VERSION, type ExportEnvelope, type PrecisRecord } from '../record/schema';
import { piecesOf, type FilePieces } from './pieces';

// The popup and library import the file name from here; it is defined with the other formats' names.
export { exportFileName } from './file-name';

// Field order of ../shared/examples/seed-record.json, so exports read the same as the published example.
const FIELD_ORDER: (keyof PrecisRecord)[] = [
  'id', 'url', 'title', 'authors', 'publisher', 'publishedDate', 'place', 'literatureType', 'wordCount', 'keywords',
  'summary', 'summarizedBy', 'section', 'language', 'createdAt', 'updatedAt', 'sources', 'text',
];

function ordered(record: PrecisRecord): PrecisRecord {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (record[key] !== undefined) out[key] = record[key];
  return out as PrecisRecord;
}

export function buildExportEnvelope(records: PrecisRecord[], now: Date = new Date()): ExportEnvelope {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), records: records.map(ordered) };
}

/**
 * The export file as pieces: the envelope's head, laid out as seed-record.json is, then one line per record,
 * then the tail. Records are written compact because Chromium writes indented JSON some twenty times slower
 * (10,000 records: 15–60 ms compact, 240–580 ms indented); a line per record also lets two exports be compared
 * record by record. A Blob made from the pieces never holds the whole library (100 MB and more with article
 * texts) as one string.
 */
export function jsonPieces(records: readonly PrecisRecord[], now: Date = new Date()): FilePieces<PrecisRecord> {
  const { records: _records, ...head } = buildExportEnvelope([], now);
  const opening = JSON.stringify(head, null, 2).slice(0, -2); // without the closing "\n}"
  if (!records.length) return { head: `${opening},\n  "records": []\n}\n`, piece: () => '', tail: '' };
  return {
    head: `${opening},\n  "records": [`,
    piece: (record, i) => `${i ? ',' : ''}\n    ${JSON.stringify(ordered(record))}`,
    tail: '\n  ]\n}\n',
  };
}

/** The export file as consecutive strings (see jsonPieces). */
export function exportJsonParts(records: PrecisRecord[], now: Date = new Date()): string[] {
  return piecesOf(jsonPieces(records, now), records);
}

/** The export file as a Blob made from those pieces (what the popup hands to the download). */
export function exportJsonBlob(records: PrecisRecord[], now: Date = new Date()): Blob {
  return new Blob(exportJsonParts(records, now), { type: 'application/json' });
}
