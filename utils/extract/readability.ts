import { Readability } from '@mozilla/readability';
import { blockText } from './text';

export interface ReadabilityResult {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  /** Block-aware plain text of the article body. */
  text: string;
}

/**
 * Runs Readability on `doc`. Readability rewrites the document it is given: pass a clone when the
 * document is a live page. Returns null when no article is found.
 */
export function runReadability(doc: Document): ReadabilityResult | null {
  const article = new Readability<Node>(doc, { serializer: (el) => el }).parse();
  if (!article || !article.content) return null;
  const text = blockText(article.content);
  if (!text.trim()) return null;
  return {
    title: article.title || null,
    byline: article.byline || null,
    siteName: article.siteName || null,
    publishedTime: article.publishedTime || null,
    lang: article.lang || null,
    text,
  };
}
