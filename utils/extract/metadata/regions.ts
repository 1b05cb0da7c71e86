// Where on the page an element sits: inside a region whose bylines and dates belong to other articles, comments
// or the site itself, and how far it is from the headline.
import { namesBoilerplateRegion, namesFooter } from '../boilerplate';
import { attr } from '../elements';

/** Most ancestors looked at per element. */
const MAX_ANCESTORS = 40;

const EXCLUDED_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'MENU']);

/** An element found on the page, with its ancestors and its distance from the headline. */
export interface Placed {
  el: Element;
  chain: Element[];
  /** Tree distance from the headline (small = close), or a stand-in by document order when there is none. */
  dist: number;
  /** Position among the candidates in document order. */
  order: number;
}

export function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parentElement; p && out.length < MAX_ANCESTORS; p = p.parentElement) out.push(p);
  return out;
}

// An article container: <article>, hAtom/h-entry posts, microdata Article items.
const ENTRY_CLASS = /(?:^|\s)(?:hentry|h-entry)(?:\s|$)/;
/** Characters of text that make an article container the page's article rather than a teaser. */
const MIN_ARTICLE_TEXT = 1500;
const articleSize = new WeakMap<Element, number>();

/** An article container of any size: <article>, an h-entry, a microdata Article item. */
function isArticleContainer(a: Element): boolean {
  return a.tagName === 'ARTICLE' || ENTRY_CLASS.test(attr(a, 'class')) || /Article|BlogPosting/.test(attr(a, 'itemtype'));
}

function isWholeArticle(a: Element): boolean {
  if (!isArticleContainer(a)) return false;
  let n = articleSize.get(a);
  if (n === undefined) {
    n = (a.textContent ?? '').length;
    articleSize.set(a, n);
  }
  return n >= MIN_ARTICLE_TEXT;
}

/**
 * Whether the element or an ancestor is navigation, an aside, the page footer, a related list, comments… Only
 * ancestors inside the article count when the element is in a whole article: templates put the post itself in a
 * "widget" or a sidebar layout.
 */
export function isExcluded(el: Element, chain: Element[]): boolean {
  const all = [el, ...chain];
  for (let i = 0; i < all.length; i++) {
    const a = all[i];
    if (a.tagName === 'BODY' || a.tagName === 'HTML') break;
    if (i > 0 && isWholeArticle(a)) break;
    if (!EXCLUDED_TAGS.has(a.tagName) && !namesBoilerplateRegion(a)) continue;
    // An article's own footer (h-entry's <footer>, a "footer" block in an Article item) carries its author and
    // date; the page's footer does not.
    if ((a.tagName === 'FOOTER' || namesFooter(a)) && all.slice(i + 1).some(isArticleContainer)) continue;
    return true;
  }
  return false;
}

/** The headline and its ancestors, each with its distance from the headline, for treeDistance. */
export function distancesFrom(el: Element | null, chain: Element[]): Map<Element, number> {
  const out = new Map<Element, number>();
  if (!el) return out;
  out.set(el, 0);
  chain.forEach((a, i) => out.set(a, i + 1));
  return out;
}

/** Distance between an element and the headline through their lowest common ancestor; Infinity if unrelated. */
export function treeDistance(chain: Element[], el: Element, headline: Map<Element, number>): number {
  if (headline.has(el)) return headline.get(el)!;
  for (let i = 0; i < chain.length; i++) {
    const d = headline.get(chain[i]);
    if (d !== undefined) return i + 1 + d;
  }
  return Infinity;
}

const ARTICLE_ITEM = /(?:Article|BlogPosting|Posting|Report|Review|Blog)$/;

/** Whether the nearest microdata item around an element is an Article (or subtype). */
export function inArticleItem(chain: Element[]): boolean {
  for (const a of chain) {
    if (!a.hasAttribute('itemscope')) continue;
    if (a.hasAttribute('itemprop') && !/mainentity/i.test(attr(a, 'itemprop')) && !ARTICLE_ITEM.test(attr(a, 'itemtype').trim())) {
      // The Person item of an author property: look further out for the Article.
      continue;
    }
    return ARTICLE_ITEM.test(attr(a, 'itemtype').trim());
  }
  return false;
}
