import type { StoredRecord } from '../db/database';
import type { PrecisRecord } from '../record/schema';
import { joinPieces, type FilePieces } from './pieces';
import { authorNames, summarizerLine } from './fields';

// The header block and summary of ../shared/examples/seed-record.txt, as its publisher pastes it. Every line
// is kept even when empty, so the card always has the shape the publishing template expects.

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2021-09-30" (or a timestamp on that day) → "September 30, 2021", read as written: no time-zone shift. */
function longDate(iso: string | null): string {
  const m = iso?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) return '';
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${month} ${Number(m[3])}, ${m[1]}` : '';
}

/** The seed writes "September 30, 2021 /Washington, USA" (space before the slash, none after). */
function datePlace(date: string | null, place: string | null): string {
  return [longDate(date), place?.trim() ?? ''].filter(Boolean).join(' /');
}

const line = (label: string, value: string) => (value ? `${label}: ${value}` : `${label}:`);

export function textCard(record: PrecisRecord | StoredRecord): string {
  const header = [
    record.title,
    line('Author', authorNames(record.authors).join(', ')),
    line('Affiliation', [...new Set(record.authors.map((a) => a.affiliation).filter(Boolean))].join('; ')),
    line('Organization/Publisher', record.publisher ?? ''),
    line('Date/Place', datePlace(record.publishedDate, record.place)),
    line('Type of Literature', record.literatureType ?? ''),
    line('Word Count', record.wordCount == null ? '' : String(record.wordCount)),
  ].join('\n\n');
  const summary = record.summary.replace(/\r\n?/g, '\n').trim();
  // The seed has two blank lines around the keywords line and one before "By:".
  return `${header}\n\n\n${line('Keywords', record.keywords.join(', '))}\n\n\n${summary}\n\n${line('By', summarizerLine(record.summarizedBy))}`;
}

const CARD_SEPARATOR = '\n\n\n----------------------------------------\n\n\n';

/** All cards in one plain-text file, separated by a rule. */
export function exportTextCards(records: readonly (PrecisRecord | StoredRecord)[]): string {
  return joinPieces(textCardPieces(records), records);
}

export function textCardPieces(records: readonly unknown[]): FilePieces<PrecisRecord | StoredRecord> {
  return { head: '', piece: (r, i) => (i ? CARD_SEPARATOR : '') + textCard(r), tail: records.length ? '\n' : '' };
}
