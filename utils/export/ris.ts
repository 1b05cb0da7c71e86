import type { PrecisRecord } from '../record/schema';
import { joinPieces, type FilePieces } from './pieces';
import { cslType, type CslType } from './csl-json';
import { cslName } from './csl-names';
import { summarizerLine } from './fields';

// RIS, the tagged format Zotero, EndNote, Mendeley and most reference managers import. It is offered beside
// CSL-JSON because Zotero's CSL-JSON import drops `keyword`, while its RIS import turns every KW line into a
// tag (and AB into the abstract, N1 into a child note). Tags follow Zotero's RIS translator (RIS.js).

/** RIS reference types, chosen so that Zotero imports each as the matching item type. */
const RIS_TYPES: Record<CslType, string> = {
  'article-newspaper': 'NEWS',
  'article-magazine': 'MGZN',
  'article-journal': 'JOUR',
  'post-weblog': 'BLOG',
  report: 'RPRT',
  book: 'BOOK',
  // RIS has no type Zotero reads back as an interview, a speech or a book review: a web page keeps the rest.
  interview: 'ELEC',
  speech: 'ELEC',
  'review-book': 'ELEC',
  webpage: 'ELEC',
};

// Where Zotero keeps each field depends on the type; a field the type lacks would become a stray note.
const PUBLISHER_FIELD = new Set(['RPRT', 'BOOK']); // PB: the institution or publisher proper
const PLACE_FIELD = new Set(['NEWS', 'RPRT', 'BOOK']); // CY
const SECTION_FIELD = new Set(['NEWS']); // SE

/** `YYYY/MM/DD` from an ISO date (RIS's date form); null without a full date. */
function risDate(iso: string | null): string | null {
  const m = iso?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? `${m[1]}/${m[2]}/${m[3]}` : null;
}

/** A short field on one line, as RIS holds it. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * A long text (the abstract) keeps its line breaks, but a line that would read as a new tag ("KW  - …", from a
 * hostile or unlucky summary) is indented by one space, which readers take as text. Blank lines are dropped.
 */
function manyLines(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim())
    .map((line, i) => (i > 0 && /^[A-Z][A-Z0-9] {1,2}-/.test(line) ? ` ${line}` : line))
    .join('\n');
}

/** "Family, Given" as Zotero splits RIS names; an organisation as one name without a comma. */
function risName(name: string): string {
  const n = cslName(name);
  if ('literal' in n) return n.literal.replace(/,/g, ' ');
  return [n.family, n.given, n.suffix].filter(Boolean).join(', ');
}

function note(record: PrecisRecord): string | null {
  const affiliated = record.authors.filter((a) => a.affiliation);
  const lines = [
    record.literatureType ? `Type of literature: ${record.literatureType}` : '',
    affiliated.length ? `Affiliation: ${affiliated.map((a) => `${a.name} (${a.affiliation})`).join('; ')}` : '',
    record.wordCount != null ? `Word count: ${record.wordCount}` : '',
    summarizerLine(record.summarizedBy) ? `Summarized by: ${summarizerLine(record.summarizedBy)}` : '',
  ].filter(Boolean);
  return lines.length ? lines.map(oneLine).join('\n') : null;
}

/** One record as an RIS entry (TY first, ER last), lines ending in CRLF as the format has them. */
export function risEntry(record: PrecisRecord): string {
  const type = RIS_TYPES[cslType(record.literatureType)];
  const lines: [string, string | null][] = [
    ['TY', type],
    ['TI', record.title],
    ...record.authors.map((a): [string, string] => ['AU', risName(a.name)]),
    ['PY', record.publishedDate?.slice(0, 4) ?? null],
    ['DA', risDate(record.publishedDate)],
    // The periodical or site a piece appeared in; reports and books name their publisher instead.
    ['T2', PUBLISHER_FIELD.has(type) ? null : record.publisher],
    ['PB', PUBLISHER_FIELD.has(type) ? record.publisher : null],
    ['CY', PLACE_FIELD.has(type) ? record.place : null],
    ['SE', SECTION_FIELD.has(type) ? record.section : null],
    ['UR', record.url],
    ['Y2', risDate(record.createdAt)],
    ['LA', record.language],
    // Zotero splits a KW value into tags at semicolons: one inside a keyword becomes a comma.
    ...record.keywords.map((k): [string, string] => ['KW', k.replace(/;/g, ',')]),
    ['AB', record.summary ? manyLines(record.summary) : null],
    ['N1', note(record)],
  ];
  const body = lines
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
    .map(([tag, value]) => `${tag}  - ${tag === 'AB' || tag === 'N1' ? value : oneLine(value)}`);
  // Values hold no carriage returns (manyLines and oneLine remove them), so every line break becomes CRLF.
  return `${[...body, 'ER  - '].join('\n')}\n`.replace(/\n/g, '\r\n');
}

/** All records as one RIS file, a blank line between entries. */
export function exportRis(records: readonly PrecisRecord[]): string {
  return joinPieces(RIS_PIECES, records);
}

export const RIS_PIECES: FilePieces<PrecisRecord> = { head: '', piece: (r, i) => (i ? '\r\n' : '') + risEntry(r), tail: '' };
