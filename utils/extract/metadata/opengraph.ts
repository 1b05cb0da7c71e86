import type { MetaIndex } from './meta-tags';
import type { SourceResult } from './candidates';

/** OpenGraph and `article:*` tags. */
export function fromOpenGraph(meta: MetaIndex): SourceResult {
  const tags = meta.all('article:tag');
  const type = meta.first('og:type');
  return {
    label: 'OpenGraph',
    values: {
      title: meta.first('og:title'),
      publisher: meta.first('og:site_name'),
      publishedDate: meta.first('article:published_time', 'og:published_time', 'og:article:published_time', 'article:published'),
      byline: meta.all('article:author', 'og:article:author').filter((v) => !/^https?:\/\//i.test(v)).join(', ') || undefined,
      section: meta.first('article:section'),
      keywords: tags.length ? tags : undefined,
      language: meta.first('og:locale')?.replace('_', '-'),
      types: type ? [type] : undefined,
    },
  };
}
