import type { Author } from '../../record/schema';
import type { Draft, DraftField } from '../draft';
import type { SourceResult } from './candidates';
import { parseByline } from './byline';
import { normaliseDate } from './dates';

type Chosen = Pick<Draft, 'title' | 'authors' | 'publisher' | 'publishedDate' | 'place' | 'keywords' | 'section' | 'language' | 'wordCount'> & {
  types: string[];
  sources: Partial<Record<DraftField, string>>;
};

/**
 * Picks each field from the first source (in the order given) that offers a usable value, and records
 * which source that was.
 */
export function chooseMetadata(results: SourceResult[]): Chosen {
  const out: Chosen = {
    title: null, authors: [], publisher: null, publishedDate: null, place: null, keywords: [], section: null,
    language: null, wordCount: null, types: [], sources: {},
  };
  const pick = <K extends keyof Chosen & DraftField>(field: K, read: (r: SourceResult) => Chosen[K] | null | undefined) => {
    for (const r of results) {
      const v = read(r);
      if (v == null || (Array.isArray(v) && !v.length) || v === '') continue;
      out[field] = v as Chosen[K];
      out.sources[field] = r.label;
      return;
    }
  };
  pick('title', (r) => r.values.title);
  pick('authors', (r): Author[] | undefined => (r.values.authors?.length ? r.values.authors : r.values.byline ? parseByline(r.values.byline) : undefined));
  pick('publisher', (r) => r.values.publisher);
  pick('publishedDate', (r) => (r.values.publishedDate ? normaliseDate(r.values.publishedDate) : null));
  pick('place', (r) => r.values.place);
  pick('keywords', (r) => r.values.keywords);
  pick('section', (r) => r.values.section);
  pick('language', (r) => r.values.language);
  pick('wordCount', (r) => r.values.wordCount);
  for (const r of results) out.types.push(...(r.values.types ?? []));
  return out;
}
