import type { MetaIndex } from './meta-tags';
import type { SourceResult } from './candidates';
import { cleanText, isUrlLike } from './clean';


/** OpenGraph and `article:*` tags (plus `twitter:title` as a title fallback). */
export function fromOpenGraph(meta: MetaIndex): SourceResult {
  const tags = meta.all('article:tag', 'og:article:tag').map((t) => cleanText(t, 200)).filter(Boolean);
  const type = meta.first('og:type');
  const section = meta.first('article:section', 'og:article:section');
  // article:author is often a profile URL; only names count.
  const authorNames = meta.all('article:author', 'og:article:author', 'article:author:name').filter((v) => !isUrlLike(v));
  return {
    label: 'opengraph',
    values: {
      title: cleanText(meta.first('og:title', 'twitter:title')) || undefined,
      publisher: cleanText(meta.first('og:site_name')) || undefined,
      publishedDate: meta.first('article:published_time', 'og:published_time', 'og:article:published_time', 'article:published', 'og:pubdate', 'article:published_date'),
      byline: authorNames.map((n) => cleanText(n, 300)).filter(Boolean).join('; ') || undefined,
      section: cleanText(section, 200) || undefined,
      keywords: tags.length ? [...new Set(tags)] : undefined,
      language: meta.first('og:locale')?.replace('_', '-'),
      types: type ? [`og:${type}`] : undefined,
    },
  };
}
