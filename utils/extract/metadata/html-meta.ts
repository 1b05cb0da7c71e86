import type { MetaIndex } from './meta-tags';
import type { SourceResult } from './candidates';
import { cleanText, isUrlLike, keywordList } from './clean';

interface ParselyPage {
  title?: unknown;
  author?: unknown;
  authors?: unknown;
  pub_date?: unknown;
  section?: unknown;
  tags?: unknown;
}

function parselyPage(meta: MetaIndex): ParselyPage {
  const raw = meta.first('parsely-page');
  if (!raw || raw.length > 20_000) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as ParselyPage) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown) => (typeof v === 'string' ? cleanText(v) : '');

/** Plain HTML meta tags (`author`, `byl`, `keywords`, `date`…), Parse.ly and Sailthru tags, and `<html lang>`. */
export function fromHtmlMeta(doc: Document, meta: MetaIndex): SourceResult {
  const parsely = parselyPage(meta);
  const parselyAuthors = Array.isArray(parsely.authors) ? parsely.authors.map(str).filter(Boolean).join('; ') : str(parsely.author);
  const authorTags = [
    meta.all('parsely-author').join('; '),
    parselyAuthors,
    meta.first('sailthru.author') ?? '',
    meta.first('byl') ?? '',
    meta.all('author').filter((v) => !isUrlLike(v)).join('; '),
    meta.first('dc.creator') ? '' : (meta.first('creator') ?? ''),
  ].map((v) => cleanText(v, 500));
  return {
    label: 'meta-tags',
    values: {
      title: cleanText(meta.first('parsely-title', 'sailthru.title', 'headline', 'title')) || str(parsely.title) || undefined,
      byline: authorTags.find(Boolean) || undefined,
      publishedDate:
        meta.first('parsely-pub-date', 'sailthru.date', 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'datepublished', 'article.published', 'published_time', 'release_date', 'created', 'originalpublicationdate', 'displaydate', 'dat')
        ?? (str(parsely.pub_date) || undefined),
      publisher: cleanText(meta.first('application-name', 'publisher', 'copyright-holder')) || undefined,
      section: cleanText(meta.first('parsely-section', 'section', 'article.section')) || str(parsely.section) || undefined,
      keywords: keywordList(meta.all('news_keywords')) ?? keywordList(meta.all('parsely-tags', 'sailthru.tags')) ?? keywordList(meta.all('keywords')),
      language:
        doc.documentElement?.getAttribute('lang')?.trim() || doc.documentElement?.getAttribute('xml:lang')?.trim() || meta.first('content-language', 'language', 'dc.language'),
    },
  };
}
