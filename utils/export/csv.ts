import Papa from 'papaparse';
import type { PrecisRecord } from '../record/schema';
import { joinPieces, type FilePieces } from './pieces';
import { affiliationList, authorNames } from './fields';

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read non-Latin text correctly. */
  bom?: boolean;
  /** Add the clipped article text as the last column (off by default: it makes rows megabytes long). */
  includeText?: boolean;
}

const LIST_SEPARATOR = '; ';

const COLUMNS: [header: string, value: (r: PrecisRecord) => string | number | null][] = [
  ['Title', (r) => r.title],
  ['Authors', (r) => authorNames(r.authors).join(LIST_SEPARATOR)],
  ['Affiliations', (r) => affiliationList(r.authors).join(LIST_SEPARATOR)],
  ['Publisher', (r) => r.publisher],
  ['Published', (r) => r.publishedDate],
  ['Place', (r) => r.place],
  ['Type of Literature', (r) => r.literatureType],
  ['Word Count', (r) => r.wordCount],
  ['Keywords', (r) => r.keywords.join(LIST_SEPARATOR)],
  ['Summary', (r) => r.summary],
  ['Summarized By', (r) => r.summarizedBy?.name ?? ''],
  ['Summarizer Role', (r) => r.summarizedBy?.role ?? ''],
  ['Section', (r) => r.section],
  ['URL', (r) => r.url],
  ['Language', (r) => r.language],
  ['Created', (r) => r.createdAt],
  ['Updated', (r) => r.updatedAt],
  ['ID', (r) => r.id],
];

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab / carriage return before one) as a formula, so a
 * clipped title like "=HYPERLINK(...)" could fetch URLs or run commands when the CSV is opened. Such cells get
 * a leading apostrophe so they stay text (OWASP's advice; the apostrophe stays visible, a small price).
 * Papa Parse's own `escapeFormulae: true` pattern ends with `.*$` and so misses multi-line cells; this one
 * tests the first character only.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One row per record, RFC 4180: CRLF line ends, quotes doubled, fields with , " or line breaks quoted. */
export function exportCsv(records: readonly PrecisRecord[], options: CsvOptions = {}): string {
  return joinPieces(csvPieces(options), records);
}

export function csvPieces(options: CsvOptions = {}): FilePieces<PrecisRecord> {
  const columns = options.includeText ? [...COLUMNS, ['Article Text', (r: PrecisRecord) => r.text ?? ''] as const] : COLUMNS;
  const unparse = (rows: (string | number)[][]) => Papa.unparse(rows, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START });
  return {
    head: (options.bom ? '\uFEFF' : '') + unparse([columns.map(([header]) => header)]),
    piece: (r) => '\r\n' + unparse([columns.map(([, value]) => value(r) ?? '')]),
    tail: '\r\n',
  };
}
