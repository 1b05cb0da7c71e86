import MiniSearch, { type SearchOptions } from 'minisearch';
import type { StoredRecord } from '../db/database';
import { STOP_WORDS, foldTerm } from './normalize';
import { yieldToPage } from '../library/yield-to-page';

/** The fields one search box looks in, and how much a match in each counts. */
export const FIELDS = ['title', 'authors', 'publisher', 'keywords', 'summary', 'section'] as const;
export const BOOST: Record<(typeof FIELDS)[number], number> = { title: 3, authors: 2, keywords: 2, publisher: 1.5, section: 1, summary: 1 };

export type Searchable = Pick<StoredRecord, 'id' | 'title' | 'authors' | 'publisher' | 'keywords' | 'summary' | 'section'>;

export function extractField(record: Searchable, field: string): string {
  switch (field) {
    case 'id':
      return record.id;
    case 'authors':
      return record.authors.map((a) => a.name).join(' ; ');
    case 'keywords':
      return record.keywords.join(' ; ');
    default:
      return (record[field as keyof Searchable] as string | null) ?? '';
  }
}

/** Words shorter than this match only whole words: as prefixes they would expand to most of the vocabulary. */
export const MIN_PREFIX = 3;

// Every word typed so far may be the start of a longer one; longer words also tolerate a typo.
const SEARCH_OPTIONS: SearchOptions = {
  boost: BOOST,
  combineWith: 'AND',
  prefix: (term) => term.length >= MIN_PREFIX,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  maxFuzzy: 2,
};

/**
 * The words to search for: a short last word after others is being typed ("policy e"); it is left out until
 * it is long enough to search as a prefix, so results narrow smoothly instead of dropping to nothing.
 */
export function searchWords(query: string): string {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length > 1 && /^[\p{L}\p{N}]{1,2}$/u.test(words[words.length - 1])) words.pop();
  return words.join(' ');
}

/**
 * The library's full-text index over records (without article text). It is kept current one record at a
 * time — `upsert` on save or edit, `remove` on delete — so an edit never rebuilds the whole index.
 */
export class RecordIndex {
  private readonly search_ = new MiniSearch<Searchable>({
    fields: [...FIELDS],
    idField: 'id',
    extractField: extractField as (doc: Searchable, field: string) => string,
    processTerm: (term) => {
      const folded = foldTerm(term);
      return folded && !STOP_WORDS.has(folded) ? folded : null;
    },
    searchOptions: SEARCH_OPTIONS,
  });

  get size(): number {
    return this.search_.documentCount;
  }

  has(id: string): boolean {
    return this.search_.has(id);
  }

  /** Adds or replaces one record. */
  upsert(record: Searchable): void {
    if (this.search_.has(record.id)) this.search_.replace(record);
    else this.search_.add(record);
  }

  /**
   * Adds many records, yielding to the page between chunks so typing and scrolling stay responsive. With
   * `replace: false`, records already indexed are left alone: an edit indexed while a bulk load was still
   * running is newer than the load's copy.
   */
  async addMany(
    records: readonly Searchable[],
    { replace = true, chunkSize = 40, pause = yieldToPage }: { replace?: boolean; chunkSize?: number; pause?: () => Promise<void> } = {},
  ): Promise<void> {
    for (let i = 0; i < records.length; i += chunkSize) {
      for (const record of records.slice(i, i + chunkSize)) if (replace || !this.search_.has(record.id)) this.upsert(record);
      if (i + chunkSize < records.length) await pause();
    }
  }

  remove(id: string): void {
    if (this.search_.has(id)) this.search_.discard(id);
  }

  /** Ids of the records matching every word of `query`, best match first. */
  search(query: string): string[] {
    const words = searchWords(query);
    if (!words) return [];
    return this.search_.search(words).map((hit) => hit.id as string);
  }
}
