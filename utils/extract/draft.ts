import type { Author } from '../record/schema';
import type { SourceRef } from './sources';

/** Fields of a draft that the extractor can fill, each with its own provenance label. */
export type DraftField =
  | 'title'
  | 'authors'
  | 'publisher'
  | 'publishedDate'
  | 'place'
  | 'literatureType'
  | 'language'
  | 'wordCount'
  | 'keywords'
  | 'section'
  // The summary is drafted, except from a PDF that prints its own Abstract or Summary: then it names that heading.
  | 'summary';

/**
 * What the extractor proposes for a page: plain, serialisable data. Every value is a proposal the user
 * can correct; `null`/empty means "nothing found", never a guess.
 */
export interface Draft {
  url: string | null;
  title: string | null;
  authors: Author[];
  publisher: string | null;
  publishedDate: string | null;
  place: string | null;
  literatureType: string | null;
  language: string | null;
  wordCount: number | null;
  /** Plain text of the article body, one line per block. */
  text: string;
  keywords: string[];
  section: string | null;
  summary: string;
  /** Where each filled field came from, e.g. `{ authors: 'json-ld' }` (identifiers; see sources.ts for display text). */
  sources: Partial<Record<DraftField, SourceRef>>;
  /** Fields whose value is a guess rather than something the page states (e.g. literatureType from a URL path). */
  guessed: DraftField[];
  /** False when Readability found no article on the page; the metadata may still be filled. */
  isArticle: boolean;
  /** Set when the page was too large to read whole, e.g. "Page too large: clipped the first 50,000 words." */
  notice?: string;
}

export function emptyDraft(url: string | null = null): Draft {
  return {
    url,
    title: null,
    authors: [],
    publisher: null,
    publishedDate: null,
    place: null,
    literatureType: null,
    language: null,
    wordCount: null,
    text: '',
    keywords: [],
    section: null,
    summary: '',
    sources: {},
    guessed: [],
    isArticle: false,
  };
}
