import type { MetaIndex } from './meta-tags';
import type { SourceResult } from './candidates';

/** Plain HTML meta tags (`author`, `keywords`, `date`…) and the document's own language. */
export function fromHtmlMeta(doc: Document, meta: MetaIndex): SourceResult {
  const keywords = meta.first('news_keywords', 'keywords');
  return {
    label: 'meta tags',
    values: {
      byline: meta.first('author', 'byl'),
      publishedDate: meta.first('date', 'pubdate', 'publishdate', 'publish-date', 'publication_date'),
      keywords: keywords ? keywords.split(/[,;]/).map((k) => k.trim()).filter(Boolean) : undefined,
      language: doc.documentElement?.getAttribute('lang')?.trim() || meta.first('content-language', 'language'),
    },
  };
}
