import type { Author } from '../../record/schema';
import type { Draft, DraftField } from '../draft';
import type { SourceResult } from './candidates';
import { cleanAuthors, parseByline } from './byline';
import { cleanText } from './clean';
import { normaliseDate } from './dates';

type Chosen = Pick<Draft, 'title' | 'authors' | 'publisher' | 'publishedDate' | 'place' | 'keywords' | 'section' | 'language' | 'wordCount'> & {
  types: string[];
  sources: Partial<Record<DraftField, string>>;
};

export interface ChooseOptions {
  /** Per field, the labels of the sources to try first, in order; other sources follow in the order given. */
  order?: Partial<Record<DraftField, string[]>>;
  /** Site and publisher names, rejected as authors. */
  siteNames?: string[];
  /** Page language, for reading dates written in words. */
  lang?: string | null;
  /** Labels of sources whose dates are stated publication dates (pre-1990 dates accepted from them). */
  explicitDateLabels?: string[];
}

function ordered(results: SourceResult[], labels: string[] | undefined): SourceResult[] {
  if (!labels?.length) return results;
  const first: SourceResult[] = [];
  for (const l of labels) for (const r of results) if (r.label === l) first.push(r);
  return [...first, ...results.filter((r) => !labels.includes(r.label))];
}

/**
 * Picks each field from the first source (in the order given, or the per-field order) that offers a usable
 * value after cleaning, and records which source that was.
 */
export function chooseMetadata(results: SourceResult[], options: ChooseOptions = {}): Chosen {
  const out: Chosen = {
    title: null, authors: [], publisher: null, publishedDate: null, place: null, keywords: [], section: null,
    language: null, wordCount: null, types: [], sources: {},
  };
  const siteNames = options.siteNames ?? [];
  const explicit = new Set(options.explicitDateLabels ?? ['JSON-LD', 'citation tags', 'Dublin Core', 'OpenGraph', 'meta tags']);
  const pick = <K extends keyof Chosen & DraftField>(field: K, read: (r: SourceResult) => Chosen[K] | null | undefined) => {
    for (const r of ordered(results, options.order?.[field])) {
      let v: Chosen[K] | null | undefined;
      try {
        v = read(r);
      } catch {
        v = null; // a hostile value is no value
      }
      if (v == null || (Array.isArray(v) && !v.length) || v === '') continue;
      out[field] = v as Chosen[K];
      out.sources[field] = r.label;
      return;
    }
  };
  const text = (v: string | undefined) => (v ? cleanText(v) : undefined);
  pick('title', (r) => text(r.values.title));
  pick('authors', (r): Author[] | undefined => {
    if (r.values.authors?.length) return cleanAuthors(r.values.authors, { siteNames });
    return r.values.byline ? parseByline(r.values.byline, { siteNames }) : undefined;
  });
  pick('publisher', (r) => text(r.values.publisher));
  pick('publishedDate', (r) =>
    r.values.publishedDate ? normaliseDate(r.values.publishedDate, { lang: options.lang, explicit: explicit.has(r.label) }) : null,
  );
  pick('place', (r) => text(r.values.place));
  pick('keywords', (r) => r.values.keywords?.map((k) => cleanText(k, 200)).filter(Boolean).slice(0, 100));
  pick('section', (r) => text(r.values.section));
  pick('language', (r) => {
    const l = r.values.language?.trim();
    return l && /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(l) ? l.replace('_', '-') : null;
  });
  pick('wordCount', (r) => r.values.wordCount);
  for (const r of results) out.types.push(...(r.values.types ?? []));
  return out;
}
