import type { Author } from '../../record/schema';
import type { SourceId } from '../sources';

/**
 * What one metadata source (JSON-LD, citation tags, OpenGraph, the page's own markup…) says about a page.
 * Values are raw but already trimmed; cleaning and choosing between sources happen in `choose.ts`.
 * A new source only has to return this shape to take part.
 */
export interface Candidates {
  title?: string;
  authors?: Author[];
  /** Unsplit byline text (e.g. "By Jane Doe and John Roe"), cleaned into authors later. */
  byline?: string;
  /**
   * Byline text naming no person, only an organisation, the site or a newsroom ("Redaktion", "Staff"): used as a
   * guessed author only when no source names a person.
   */
  orgByline?: string;
  publisher?: string;
  /** Raw date string in any format; normalised later. */
  publishedDate?: string;
  /** The date is one the reader sees on the page (not a hidden meta value). */
  dateShown?: boolean;
  /** Machine-readable time stamps the page carries (`<time datetime>`), to find the publisher's local day of an instant. */
  timestamps?: string[];
  place?: string;
  keywords?: string[];
  section?: string;
  language?: string;
  wordCount?: number;
  /** Schema.org types or genre hints used to guess the type of literature. */
  types?: string[];
}

export interface SourceResult {
  /** Which source this is (shown to the user as "from <its display text>"). */
  label: SourceId;
  values: Candidates;
}
