import { Readability } from '@mozilla/readability';
import { blockText } from './text';
import { cleanArticle } from './body/clean';
import { chooseShortAttempt, type Attempt } from './body/attempts';
import { findLead, withLead } from './body/lead';
import { mostProse, outweighs } from './body/prose';
import { queryElements, type ElementsByTag } from './elements';

export interface ReadabilityResult {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  /** Block-aware plain text of the article body. */
  text: string;
  /** Text the clean-up cut from the article (author boxes, captions…), for reading author bios. */
  cutText: string;
  /** The date lines the clean-up cut from the article's opening ("26 January 2022"), for dating the article. */
  openingDates: string[];
  /** Update lines cut from the text ("Last updated: 3 May 2021"), see cleanArticle. */
  updateDates: string[];
}

/** Most text kept of what the clean-up cut (author bios are short). */
const MAX_CUT_CHARS = 20_000;

/**
 * Runs Readability on `doc`. Readability rewrites the document it is given: pass a clone when the
 * document is a live page. `elements` lists `doc`'s elements as they are before Readability runs. Returns null
 * when no article is found.
 */
export function runReadability(doc: Document, elements: ElementsByTag = queryElements(doc)): ReadabilityResult | null {
  const lead = findLead(doc, elements);
  // Readability rewrites the document: the prose container's second opinion is copied before it runs.
  const prose = mostProse(doc, elements);
  const proseCopy = prose ? (prose.element.cloneNode(true) as Element) : null;
  // keepClasses: the class names are the cues cleanArticle works with; they never reach the text.
  const reader = new Readability<Node>(doc, { serializer: (el) => el, keepClasses: true });
  const attempts = trackAttempts(reader);
  const article = reader.parse();
  if (!article || !article.content) return null;
  let content = article.content as Element;
  // Every pass came out under Readability's length threshold and it took the longest one; on a short
  // page that is often a cookie or consent notice that the strict first pass had rightly skipped.
  const short = chooseShortAttempt(attempts);
  if (short) content = short;
  if (prose && proseCopy && outweighs(prose, content)) content = proseCopy;
  const cleaned = cleanArticle(content);
  const cut = cleaned.removed;
  const body = blockText(content);
  if (!body.trim()) return null;
  const text = withLead(body, lead);
  return {
    title: article.title || null,
    byline: article.byline || null,
    siteName: article.siteName || null,
    publishedTime: article.publishedTime || null,
    lang: article.lang || null,
    text,
    cutText: cut.map((el) => blockText(el)).join('\n').slice(0, MAX_CUT_CHARS),
    openingDates: cleaned.openingDates,
    updateDates: cleaned.updateDates,
  };
}

/**
 * Records Readability's failed passes in the order they ran (it sorts its own list by length). `_attempts` is
 * private, with no public equivalent: tests/unit/body/readability.test.ts fails if an upgrade drops it.
 */
function trackAttempts(reader: unknown): Attempt[] {
  const order: Attempt[] = [];
  const list = (reader as { _attempts?: Attempt[] })._attempts;
  if (Array.isArray(list)) {
    const push = list.push.bind(list);
    list.push = (...items: Attempt[]) => {
      order.push(...items);
      return push(...items);
    };
  }
  return order;
}
