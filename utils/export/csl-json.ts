import type { PrecisRecord } from '../record/schema';
import { joinPieces, type FilePieces } from './pieces';
import { cslName, type CslName } from './csl-names';
import { summarizerLine } from './fields';

// CSL-JSON (../shared/schemas/csl-data.json), the input format of Zotero, Mendeley, Pandoc and citeproc.
// Items may only carry the schema's properties (it sets additionalProperties: false).

export type CslType = 'article-journal' | 'article-magazine' | 'article-newspaper' | 'book' | 'interview' | 'post-weblog' | 'report' | 'review-book' | 'speech' | 'webpage';

export interface CslItem {
  id: string;
  type: CslType;
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': [number, number?, number?][] };
  accessed?: { 'date-parts': [number, number?, number?][] };
  'container-title'?: string;
  publisher?: string;
  'publisher-place'?: string;
  genre?: string;
  section?: string;
  URL?: string;
  keyword?: string;
  abstract?: string;
  language?: string;
  note?: string;
}

/** Type of Literature (the default vocabulary and common user entries) → CSL type; anything else is a web page. */
const CSL_TYPES: Record<string, CslType> = {
  news: 'article-newspaper',
  'news article': 'article-newspaper',
  report: 'report',
  'policy brief': 'report',
  'working paper': 'report',
  'research article': 'article-journal',
  'journal article': 'article-journal',
  'magazine article': 'article-magazine',
  'blog post': 'post-weblog',
  book: 'book',
  'book review': 'review-book',
  interview: 'interview',
  speech: 'speech',
};

// Types whose publisher is the periodical or site the piece appeared in, which citation styles print as
// the container ("Foreign Policy"); books and reports have a publisher proper.
const IN_A_CONTAINER = new Set<CslType>(['article-journal', 'article-magazine', 'article-newspaper', 'post-weblog', 'webpage']);

export function cslType(literatureType: string | null): CslType {
  return CSL_TYPES[literatureType?.trim().toLowerCase() ?? ''] ?? 'webpage';
}

function dateParts(iso: string | null): CslItem['issued'] {
  const m = iso?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? { 'date-parts': [[Number(m[1]), Number(m[2]), Number(m[3])]] } : undefined;
}

/**
 * What CSL has no field for, as lines Zotero keeps in its Extra field. The labels are no CSL or Zotero field
 * names, so Zotero does not try to read them back as fields.
 */
function note(record: PrecisRecord): string | undefined {
  const affiliated = record.authors.filter((a) => a.affiliation);
  const lines = [
    affiliated.length ? `Affiliation: ${affiliated.map((a) => `${a.name} (${a.affiliation})`).join('; ')}` : '',
    record.wordCount != null ? `Word count: ${record.wordCount}` : '',
    summarizerLine(record.summarizedBy) ? `Summarized by: ${summarizerLine(record.summarizedBy)}` : '',
  ];
  return lines.filter(Boolean).join('\n') || undefined;
}

export function cslItem(record: PrecisRecord): CslItem {
  const type = cslType(record.literatureType);
  const item: CslItem = {
    id: record.id,
    type,
    title: record.title,
    author: record.authors.length ? record.authors.map((a) => cslName(a.name)) : undefined,
    issued: dateParts(record.publishedDate),
    accessed: dateParts(record.createdAt),
    'container-title': IN_A_CONTAINER.has(type) ? (record.publisher ?? undefined) : undefined,
    publisher: record.publisher ?? undefined,
    'publisher-place': record.place ?? undefined,
    genre: record.literatureType ?? undefined,
    section: record.section ?? undefined,
    URL: record.url ?? undefined,
    // CSL's one keyword variable: a comma-separated list, as tools that read it into tags expect.
    keyword: record.keywords.length ? record.keywords.join(', ') : undefined,
    abstract: record.summary.replace(/\r\n?/g, '\n') || undefined,
    language: record.language ?? undefined,
    note: note(record),
  };
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as unknown as CslItem;
}

export function exportCslJson(records: readonly PrecisRecord[]): string {
  return joinPieces(cslJsonPieces(records), records);
}

/** The pieces of `JSON.stringify(items, null, 2)`: each item indented one level (escaped strings hold no line break). */
export function cslJsonPieces(records: readonly unknown[]): FilePieces<PrecisRecord> {
  if (!records.length) return { head: '[]\n', piece: () => '', tail: '' };
  return { head: '[\n  ', piece: (r, i) => (i ? ',\n  ' : '') + JSON.stringify(cslItem(r), null, 2).replace(/\n/g, '\n  '), tail: '\n]\n' };
}
