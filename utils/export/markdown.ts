import { zipSync, strToU8 } from 'fflate';
import type { PrecisRecord } from '../record/schema';
import { affiliationList, authorNames, summarizerLine } from './fields';
import { uniqueFileNames } from './safe-file-name';
import { yamlLines, type YamlValue } from './yaml';

/** One note: YAML front matter with the record's fields (empty ones left out), then the summary and "By:". */
export function markdownNote(record: PrecisRecord): string {
  const fields: [string, YamlValue | null | undefined][] = [
    ['title', record.title],
    ['authors', authorNames(record.authors)],
    ['affiliations', affiliationList(record.authors)],
    ['publisher', record.publisher],
    // A plain date stays unquoted so Obsidian shows it as a date property; anything longer is quoted text.
    ['published', record.publishedDate && /^\d{4}-\d{2}-\d{2}$/.test(record.publishedDate) ? { raw: record.publishedDate } : record.publishedDate],
    ['place', record.place],
    ['type', record.literatureType],
    ['wordCount', record.wordCount],
    ['keywords', record.keywords],
    ['section', record.section],
    ['summarizedBy', record.summarizedBy?.name],
    ['summarizerRole', record.summarizedBy?.role],
    ['url', record.url],
    ['language', record.language],
    ['id', record.id],
    ['created', record.createdAt],
    ['updated', record.updatedAt],
  ];
  const present = fields.filter(
    (f): f is [string, YamlValue] => f[1] != null && f[1] !== '' && !(Array.isArray(f[1]) && f[1].length === 0),
  );
  const by = summarizerLine(record.summarizedBy);
  const body = [record.summary.replace(/\r\n?/g, '\n').trim(), by && `By: ${by}`].filter(Boolean).join('\n\n');
  return `---\n${yamlLines(present)}\n---\n${body ? `\n${body}\n` : ''}`;
}

// Zip file times cannot go before 1980 or past 2107; fflate throws on them, so an odd imported date is clamped
// rather than failing the whole export.
const ZIP_FIRST = Date.UTC(1980, 0, 2);
const ZIP_LAST = Date.UTC(2107, 11, 31);
function zipTime(iso: string): Date {
  const t = Date.parse(iso);
  return new Date(Number.isNaN(t) ? ZIP_FIRST : Math.min(ZIP_LAST, Math.max(ZIP_FIRST, t)));
}

/** A zip of one Markdown note per record, named after its title. */
export function exportMarkdownZip(records: readonly PrecisRecord[]): Uint8Array {
  const nameFor = uniqueFileNames('md');
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  // Each note is dated by its record's last edit, so the same records always give the same archive.
  for (const record of records) {
    files[nameFor(record.title)] = [strToU8(markdownNote(record)), { mtime: zipTime(record.updatedAt) }];
  }
  // Level 1: deflate's per-file set-up dominates with thousands of small notes (10,000 notes took seconds at
  // level 6), and short text compresses nearly as well.
  return zipSync(files, { level: 1 });
}
