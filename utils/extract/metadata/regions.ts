// Where on the page an element sits: inside a region whose bylines and dates belong to other articles, comments
// or the site itself, and how far it is from the headline.
import { namesBoilerplateRegion } from '../boilerplate';

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

export function attr(el: Element, name: string): string {
  return el.getAttribute(name) ?? '';
}

export function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parentElement; p && out.length < MAX_ANCESTORS; p = p.parentElement) out.push(p);
  return out;
}

/** Whether the element or an ancestor is navigation, an aside, the page footer, a related list, comments… */
export function isExcluded(el: Element, chain: Element[]): boolean {
  const all = [el, ...chain];
  for (let i = 0; i < all.length; i++) {
    const a = all[i];
    if (a.tagName === 'BODY' || a.tagName === 'HTML') break;
    // An article's own <footer> (h-entry) carries its author and date; the page's footer does not.
    if (a.tagName === 'FOOTER' && all.slice(i + 1).some((p) => p.tagName === 'ARTICLE')) continue;
    if (EXCLUDED_TAGS.has(a.tagName)) return true;
    if (namesBoilerplateRegion(a)) return true;
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
