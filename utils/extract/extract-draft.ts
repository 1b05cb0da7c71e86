import { emptyDraft, type Draft } from './draft';
import { runReadability } from './readability';
import { countWords } from './text';
import { MetaIndex } from './metadata/meta-tags';
import type { SourceResult } from './metadata/candidates';
import { fromOpenGraph } from './metadata/opengraph';
import { fromHtmlMeta } from './metadata/html-meta';
import { chooseMetadata } from './metadata/choose';
import { publisherFromUrl } from './metadata/publisher';

export interface ExtractOptions {
  /** The page's address; used for the record and as a last resort for the publisher. */
  url?: string | null;
  /**
   * Readability rewrites the document it reads. Set when `doc` is a live page (the default), so it reads a
   * clone; a caller that owns a throwaway document (CLI, tests, benchmarks) can skip the copy.
   */
  cloneForReadability?: boolean;
}

/** Document → Draft: the one extraction path, shared by the extension, the CLI, tests and benchmarks. */
export function extractDraft(doc: Document, options: ExtractOptions = {}): Draft {
  const url = options.url ?? null;
  const draft = emptyDraft(url);

  // Metadata is read before Readability runs, from the untouched document.
  const meta = new MetaIndex(doc);
  const sources: SourceResult[] = [fromOpenGraph(meta), fromHtmlMeta(doc, meta)];

  const readabilityDoc = options.cloneForReadability === false ? doc : (doc.cloneNode(true) as Document);
  const article = runReadability(readabilityDoc);
  if (article) {
    sources.push({
      label: 'Readability',
      values: {
        title: article.title ?? undefined,
        byline: article.byline ?? undefined,
        publisher: article.siteName ?? undefined,
        publishedDate: article.publishedTime ?? undefined,
        language: article.lang ?? undefined,
      },
    });
  }
  const host = publisherFromUrl(url);
  if (host) sources.push({ label: 'host name', values: { publisher: host } });

  const chosen = chooseMetadata(sources);
  const { types: _types, ...fields } = chosen;
  Object.assign(draft, fields);

  if (article) {
    draft.isArticle = true;
    draft.text = article.text;
    draft.wordCount = countWords(article.text);
    draft.sources.wordCount = 'article text';
  }
  if (!draft.title) {
    const t = doc.title?.trim();
    if (t) {
      draft.title = t;
      draft.sources.title = 'page title';
    }
  }
  return draft;
}
