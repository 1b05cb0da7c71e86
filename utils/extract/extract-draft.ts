import { emptyDraft, type Draft } from './draft';
import { t } from '../i18n/messages';
import { runReadability } from './readability';
import { MAX_TEXT_DATE_WORDS } from './body/clean';
import { countWords, readText } from './text';
import { MetaIndex } from './metadata/meta-tags';
import { indexElements, queryElements } from './elements';
import type { SourceResult } from './metadata/candidates';
import type { SourceId } from './sources';
import { fromJsonLd } from './metadata/json-ld';
import { fromCitation, fromDublinCore } from './metadata/citation';
import { fromOpenGraph } from './metadata/opengraph';
import { fromHtmlMeta } from './metadata/html-meta';
import { fromPageMarkup } from './metadata/page-markup';
import { dateFromUrl } from './metadata/url-date';
import { dateBesideSelfReference } from './metadata/self-reference';
import { dateLineDate, normaliseDate } from './metadata/dates';
import { dateIsWritten } from './metadata/written-date';
import { chooseMetadata, shownDateSource, STATED_LABELS } from './metadata/choose';
import { chooseTitle, siteNameFromTitle } from './metadata/title';
import { hostNames, publisherFromUrl, siteNameFromFeeds } from './metadata/site-name';
import { affiliationsFromBio, authorsFromBio, datelinePlace, leadDate } from './metadata/article-text';
import { guessLiteratureType } from './metadata/literature-type';
import { dateFromScripts } from './metadata/scripts';
import { cleanText, isUrlLike, squashKey } from './metadata/clean';
import { EXTRACTION_LIMITS, clipWords, clippedNotice, firstWordsOf, measurePage, startBudget, type ExtractionLimits } from './limits';

export interface ExtractOptions {
  /** The page's address; used for the record and as a last resort for the publisher. */
  url?: string | null;
  /**
   * Readability rewrites the document it reads. Set when `doc` is a live page (the default), so it reads a
   * clone; a caller that owns a throwaway document (CLI, tests, benchmarks) can skip the copy.
   */
  cloneForReadability?: boolean;
  /** Bounds past which the body is read by a capped walk instead of Readability (default EXTRACTION_LIMITS). */
  limits?: ExtractionLimits;
  /**
   * Milliseconds after which the costly optional steps are skipped and the body is read by the capped walk.
   * None by default, so the CLI, tests and benchmarks give the same answer on a slow machine.
   */
  budgetMs?: number | null;
}

// Which sources to trust first, per field. Structured data first; the page's own byline before the bare
// `author` meta tag (often the site owner or a theme's author); dates stated in metadata before dates read
// from page text.
const ORDER = {
  authors: ['json-ld', 'citation', 'dublin-core', 'page-byline', 'opengraph', 'meta-tags', 'readability'],
  publisher: ['json-ld', 'citation', 'opengraph', 'dublin-core', 'meta-tags', 'readability', 'page-title', 'host-name'],
  publishedDate: ['json-ld', 'citation', 'opengraph', 'dublin-core', 'meta-tags', 'page-date', 'url', 'page-text', 'readability', 'article-text', 'page-self-reference', 'page-scripts'],
  place: ['json-ld', 'dateline'],
  keywords: ['json-ld', 'citation', 'opengraph', 'meta-tags', 'dublin-core'],
  section: ['json-ld', 'opengraph', 'meta-tags', 'dublin-core'],
  language: ['meta-tags', 'json-ld', 'citation', 'dublin-core', 'opengraph', 'readability'],
};

/** The page text searched for a stated date, at most (read only when that date is in doubt). */
const PAGE_TEXT_CHARS = 400_000;
const PAGE_TEXT_NODES = 200_000;

/** Readability's default `charThreshold`: shorter results are not taken as an article. */
const MIN_ARTICLE_CHARS = 500;

function safe(read: () => SourceResult, label: SourceId): SourceResult {
  try {
    return read();
  } catch {
    return { label, values: {} }; // one broken source never breaks extraction
  }
}

/** A source's date as chooseMetadata reads it (dates before 1990 only from stated sources). */
const readDate = (s: SourceResult, lang: string | null) =>
  s.values.publishedDate ? normaliseDate(s.values.publishedDate, { lang, explicit: STATED_LABELS.has(s.label) }) : null;

/** The stated publication dates the page's text never writes, when the page shows another date by its headline. */
function statedDatesNotWritten(doc: Document, sources: SourceResult[], lang: string | null): Set<string> {
  const read = (s: SourceResult) => readDate(s, lang);
  const shownSource = shownDateSource(sources);
  const shown = shownSource ? read(shownSource) : null;
  const out = new Set<string>();
  if (!shown || !doc.body) return out;
  const stated = new Set(sources.filter((s) => STATED_LABELS.has(s.label)).map(read).filter((d): d is string => !!d && d !== shown));
  if (!stated.size) return out;
  const text = readText(doc.body, { maxChars: PAGE_TEXT_CHARS, maxNodes: PAGE_TEXT_NODES }).lines.join('\n');
  for (const date of stated) if (!dateIsWritten(text, date)) out.add(date);
  return out;
}

/** Document → Draft: the one extraction path, shared by the extension, the CLI, tests and benchmarks. */
export function extractDraft(doc: Document, options: ExtractOptions = {}): Draft {
  const url = options.url ?? null;
  const draft = emptyDraft(url);
  const limits = options.limits ?? EXTRACTION_LIMITS;
  const budget = startBudget(options.budgetMs);
  const tooLarge = measurePage(doc.documentElement ?? doc, limits).tooLarge !== null;

  // Metadata is read before Readability runs, from the untouched document. Where Readability then reads this same
  // document (the CLI, tests, benchmarks: linkedom, where every tag look-up walks the whole page), its elements are
  // listed once for all the readers; a live page (cloned for Readability) and a page past the limits are looked up
  // tag by tag, by the browser's own lists and with no list of every element kept.
  const readsItself = options.cloneForReadability === false;
  const elements = readsItself && !tooLarge ? indexElements(doc) : queryElements(doc);
  const meta = new MetaIndex(doc, elements);
  const jsonLd = safe(() => fromJsonLd(doc, elements), 'json-ld');
  const citation = safe(() => fromCitation(meta), 'citation');
  const dublinCore = safe(() => fromDublinCore(meta), 'dublin-core');
  const openGraph = safe(() => fromOpenGraph(meta), 'opengraph');
  const htmlMeta = safe(() => fromHtmlMeta(doc, meta), 'meta-tags');
  const structured = [jsonLd, citation, dublinCore, openGraph, htmlMeta];
  const docTitle = cleanText(doc.title ?? '');
  const metaTitles = [...structured.map((s) => s.values.title), docTitle].filter((title): title is string => !!title);
  // A "publisher" that is the article's title, or holds it (application-name set to the page's <title>), names no site.
  const titleKeys = metaTitles.filter((t) => t.split(/\s+/).length >= 3).map(squashKey);
  for (const s of structured) {
    const p = s.values.publisher;
    if (p && titleKeys.some((k) => squashKey(p).includes(k))) delete s.values.publisher;
  }

  const hosts = hostNames(url);
  const siteNames = [
    ...structured.map((s) => s.values.publisher),
    ...hosts,
  ].filter((s): s is string => !!s && s.length >= 2);
  const feedSite = siteNameFromFeeds(doc);
  if (feedSite) siteNames.push(feedSite);
  const lang = htmlMeta.values.language ?? jsonLd.values.language ?? null;

  let page: ReturnType<typeof fromPageMarkup> = { headlines: [], subheads: [], standalone: null, results: [], kicker: null };
  try {
    page = fromPageMarkup(doc, { siteNames, metaTitles, lang, url });
  } catch {
    // page markup is a bonus source
  }

  const sources: SourceResult[] = [...structured, ...page.results];
  const urlDate = dateFromUrl(url);
  if (urlDate) sources.push({ label: 'url', values: { publishedDate: urlDate } });
  // Late date fallbacks, read before Readability rewrites the document, and only when no source with a short,
  // stated value has a usable date (the page text is not tried here: chrono on it is the costly part): a date beside
  // a mention of the page itself (a sidebar's "about this article"), then inline script data (bounded scan).
  const hasDate = tooLarge || sources.some(
    (s) => s.label !== 'page-text' && !!readDate(s, lang),
  );
  if (!hasDate && !budget.spent()) {
    const titles = [...metaTitles, ...page.headlines];
    const beside = safe(() => dateBesideSelfReference(doc, { titles, url, lang }) ?? { label: 'page-self-reference', values: {} }, 'page-self-reference');
    if (beside.values.publishedDate) sources.push(beside);
    const scripted = safe(() => dateFromScripts(doc, { titles, url }) ?? { label: 'page-scripts', values: {} }, 'page-scripts');
    if (scripted.values.publishedDate) sources.push(scripted);
  }

  // Stated dates the page's text never writes, while a different date is shown by the headline (chooseMetadata
  // then prefers the shown one); read now, before Readability rewrites the document, and only in that case.
  const unwritten = tooLarge || budget.spent() ? new Set<string>() : statedDatesNotWritten(doc, sources, lang);

  // Past the limits, or when Readability fails on hostile markup (a stack overflow), the body is read by the capped walk.
  let bounded = tooLarge || budget.spent();
  let article: ReturnType<typeof runReadability> = null;
  if (!bounded) {
    try {
      article = readsItself ? runReadability(doc, elements) : runReadability(doc.cloneNode(true) as Document);
    } catch {
      bounded = true;
    }
  }
  if (article) {
    sources.push({
      label: 'readability',
      values: {
        // No byline: Readability also takes rel=author links from navigation; the page byline source covers it.
        publisher: article.siteName ?? undefined,
        publishedDate: article.publishedTime ?? undefined,
        language: article.lang ?? undefined,
      },
    });
    const place = datelinePlace(article.text);
    if (place) sources.push({ label: 'dateline', values: { place } });
    // Failing a date line at the opening, the day the text says it was last updated (as a citation takes it when no
    // publication date is given).
    const opening =
      leadDate([...article.openingDates, article.text].join('\n'), lang) ??
      article.updateDates.map((line) => dateLineDate(line, MAX_TEXT_DATE_WORDS, lang)).find(Boolean);
    if (opening) sources.push({ label: 'article-text', values: { publishedDate: opening } });
  }
  const titleSite = siteNameFromTitle(docTitle, hosts);
  if (titleSite) sources.push({ label: 'page-title', values: { publisher: titleSite } });
  const host = publisherFromUrl(url);
  if (host) sources.push({ label: 'host-name', values: { publisher: host } });

  const chosen = chooseMetadata(sources, { order: ORDER, siteNames, lang, dateIsWritten: (iso) => !unwritten.has(iso) });
  const { types, guessed, ...fields } = chosen;
  Object.assign(draft, fields);
  draft.guessed = [...guessed];
  // No person and no organisation credited anywhere: the publisher the page states is the corporate author (as a
  // report without named authors is cited), marked as a guess. A host name is too weak a guess for that.
  const publisherSource = draft.sources.publisher;
  if (!draft.authors.length && draft.publisher && publisherSource && publisherSource !== 'host-name' && !isUrlLike(draft.publisher)) {
    draft.authors = [{ name: draft.publisher, affiliation: null }];
    draft.sources.authors = `${publisherSource as SourceId}:site`;
    draft.guessed.push('authors');
  }

  const title = chooseTitle(
    [
      { label: 'json-ld', value: jsonLd.values.title },
      { label: 'citation', value: citation.values.title },
      { label: 'opengraph', value: openGraph.values.title },
      { label: 'dublin-core', value: dublinCore.values.title },
      { label: 'meta-tags', value: htmlMeta.values.title },
      { label: 'page-title', value: docTitle },
      { label: 'readability', value: article?.title },
    ],
    page.headlines,
    [draft.publisher, ...siteNames].filter((s): s is string => !!s),
    page.subheads,
    page.standalone,
  );
  draft.title = title?.title ?? null;
  if (title) draft.sources.title = title.label;
  else delete draft.sources.title;

  if (article) {
    const kept = clipWords(article.text, limits.maxWords);
    draft.text = kept.text;
    // Readability returns its best attempt even on a page of links; below its own threshold for an
    // article (500 characters) the text is kept with the record but not offered as the article's length.
    draft.isArticle = article.text.length >= MIN_ARTICLE_CHARS;
    if (draft.isArticle) {
      draft.wordCount = kept.words ?? countWords(article.text);
      draft.sources.wordCount = 'article-text';
    }
    // Author boxes are cut from the body but their bio lines ("X is a senior fellow at Y") still name affiliations.
    draft.authors = affiliationsFromBio(article.cutText, affiliationsFromBio(kept.text, draft.authors));
    // No byline named a person: an author note in the text ("Jane Doe is a fellow at Y") names the author, and
    // says more than the site credited as author.
    const credited = draft.sources.authors;
    if (!draft.authors.length || credited?.endsWith(':site')) {
      const bios = authorsFromBio(kept.text);
      const found = bios.length ? bios : authorsFromBio(article.cutText);
      if (found.length) {
        draft.authors = found;
        draft.sources.authors = 'article-text';
        if (!draft.guessed.includes('authors')) draft.guessed.push('authors');
      }
    }
    if (kept.clipped) draft.notice = clippedNotice(countWords(kept.text));
  } else if (bounded) {
    // The page's text as it comes, capped, with no word count (the whole was not read).
    const body = firstWordsOf(doc.body ?? doc.documentElement ?? doc, limits.maxWords);
    draft.text = body.text;
    draft.isArticle = body.text.length >= MIN_ARTICLE_CHARS;
    draft.notice = body.clipped ? clippedNotice(countWords(body.text)) : t('readTooLargeForArticle');
  }

  const guess = guessLiteratureType({ types, section: draft.section, kicker: page.kicker, url });
  if (guess) {
    draft.literatureType = guess.value;
    draft.sources.literatureType = guess.source;
    draft.guessed.push('literatureType');
  }
  return draft;
}
