import { EXPORT_FORMAT, EXPORT_VERSION, type ExportEnvelope, type PrecisRecord } from '../record/schema';

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

export function exportJson(records: PrecisRecord[], now: Date = new Date()): string {
  return JSON.stringify(buildExportEnvelope(records, now), null, 2) + '\n';
}
