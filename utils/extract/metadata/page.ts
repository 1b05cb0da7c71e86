import type { Author } from '../../record/schema';
import type { SourceResult } from './candidates';
import { cleanText, squashKey } from './clean';
import { parseByline, parseOrganisations } from './byline';
import { normaliseDate } from './dates';
import { headlineMatch, isSiteName } from './title';

// One query for everything the page's own markup can tell us; css selectors are cheaper in linkedom than a walk.
const SELECTOR = [
  'h1', 'time', '[itemprop]', '[rel~="author"]',
  '[class*="byline"]', '[class*="Byline"]', '[id*="byline"]', '[class*="author"]', '[class*="Author"]', '[class*="autor"]',
  '[class*="Autor"]', '[id*="author"]', '[class*="auteur"]',
  '[class*="submitted"]', '[class*="username"]', '[class*="meta"]', 'strong', 'b', 'dt', 'h5', 'h6',
  '[class*="date"]', '[class*="Date"]', '[class*="time"]', '[class*="datum"]', '[class*="Datum"]', '[class*="publish"]', '[class*="posted"]',
].join(',');
const MAX_CANDIDATES = 400;
const MAX_ANCESTORS = 40;

// Page regions whose bylines and dates belong to other articles, comments or the site itself.
const EXCLUDED_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'MENU']);
const EXCLUDED_WORDS =
  'related|comments?|kommentare?|sidebar|widgets?|recommend\\w*|popular|trending|most-?read|more-?(?:articles|stories|news)|nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|newsletter|promo|footer|copyright|reply|respond|pingback|tagcloud|archive|calendar';
// A class token that *is* one of those regions ("related-posts", "site-footer", "widget_text"), not one that merely
// mentions it ("has-sidebar", "no-comments").
const EXCLUDED_CLASS = new RegExp(`(?:^|\\s)(?:(?:site|page|main|global|post|entry|article|wp)[-_])?(?:${EXCLUDED_WORDS})(?:$|[\\s_-])`, 'i');
const AUTHOR_CLASS = /byline|author|autor|auteur|writer|verfasser|submitted|username/i;
const LABEL_TAGS = new Set(['STRONG', 'B', 'DT', 'H5', 'H6']);
// A label in front of the author's name: "<strong>Autor:</strong> Jane Doe", "<dt>Text</dt><dd>Jane Doe</dd>".
const DATE_LABEL = /^(?:datum|date|stand|published|veröffentlicht|erschienen|publiziert|publié(?: le)?|fecha|data|publicado|pubblicato)\s*:?$/i;
const AUTHOR_LABEL = /^(?:autor(?:in)?|autoren|author|authors|auteur|autore|text|texte|texto|von|by|written by|verfasser(?:in)?|redaktion|reporter)\s*:?$/i;

/** The text right after a label element, up to a line break or the next label. */
function textAfterLabel(el: Element): string {
  let out = '';
  let node: Node | null = el.nextSibling;
  if (!node && el.tagName === 'DT') node = el.nextElementSibling;
  for (let i = 0; node && i < 8 && out.length < 150; i++, node = node.nextSibling) {
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (tag === 'BR' || LABEL_TAGS.has(tag) || /^(?:P|DIV|UL|OL|TABLE|H[1-4])$/.test(tag)) break;
      out += ` ${boundedText(node as Element, 150)} `;
    }
  }
  return out.replace(/[\s\u00a0]+/g, ' ').trim();
}
const DATE_CLASS = /date|datum|publish|posted|submitted|time|zeit|fecha|data|(?:^|[\s_-])meta(?:$|[\s_-])/i;
const MODIFIED = /\b(?:updated?|aktualisiert|geändert|modified|mis à jour|actualizado|atualizado|aggiornato|bijgewerkt|last edited|zuletzt)\b/i;
const PUBLISHED = /\b(?:published|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd|posted|erstellt|datum|date)\b/i;

export interface PageMarkup {
  /** Visible headlines (`<h1>`), first few, cleaned. */
  headlines: string[];
  /** Byline source result, dates source result (label per kind). */
  results: SourceResult[];
}

function attr(el: Element, name: string): string {
  return el.getAttribute(name) ?? '';
}

/**
 * The headline without a kicker that the page puts inside the `<h1>` in its own element
 * (`<h1><span>Press release of the X office:</span>Headline</h1>`), when the metadata title is the headline alone.
 */
function withoutKicker(h1: Element, text: string, metaTitles: string[]): string | null {
  let first = h1.firstElementChild;
  while (first && /^(?:STYLE|SCRIPT|NOSCRIPT|TEMPLATE)$/.test(first.tagName)) first = first.nextElementSibling;
  if (!first || /^(?:A|IMG|PICTURE|SVG|BR)$/.test(first.tagName)) return null;
  for (let n = h1.firstChild; n && n !== first; n = n.nextSibling) if (n.nodeType === 3 && n.nodeValue?.trim()) return null;
  const kicker = cleanText(boundedText(first, 300).replace(/\n/g, ' '), 300);
  if (!kicker || kicker.length >= text.length || !text.startsWith(kicker)) return null;
  const rest = text.slice(kicker.length).replace(/^[\s:|–—·•-]+/, '').trim();
  if (rest.split(/\s+/).length < 3) return null;
  const key = squashKey(rest);
  return metaTitles.some((t) => squashKey(t) === key) ? rest : null;
}

/** Text of an element with block boundaries as newlines, reading at most `max` characters. */
export function boundedText(root: Element, max = 600): string {
  let out = '';
  const walk = (node: Node, depth: number): boolean => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (out.length > max) return false;
      if (c.nodeType === 3) out += c.nodeValue ?? '';
      else if (c.nodeType === 1 && depth < 30) {
        const tag = (c as Element).tagName;
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'SVG' || tag === 'TEMPLATE') continue;
        const block = /^(?:DIV|P|LI|UL|OL|BR|H[1-6]|SECTION|HEADER|FOOTER|ARTICLE|TR|TD|DT|DD|FIGURE|FIGCAPTION|TIME|SPAN)$/.test(tag);
        if (block) out += '\n';
        if (!walk(c, depth + 1)) return false;
        if (block) out += '\n';
      }
    }
    return true;
  };
  walk(root, 0);
  return out
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0\u200b]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .slice(0, max);
}

function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parentElement; p && out.length < MAX_ANCESTORS; p = p.parentElement) out.push(p);
  return out;
}

function isExcluded(el: Element, chain: Element[]): boolean {
  const all = [el, ...chain];
  for (let i = 0; i < all.length; i++) {
    const a = all[i];
    if (a.tagName === 'BODY' || a.tagName === 'HTML') break;
    // An article's own <footer> (h-entry) carries its author and date; the page's footer does not.
    if (a.tagName === 'FOOTER' && all.slice(i + 1).some((p) => p.tagName === 'ARTICLE')) continue;
    if (EXCLUDED_TAGS.has(a.tagName)) return true;
    const cls = `${attr(a, 'class')} ${attr(a, 'id')}`;
    if (cls.length > 1 && cls.length < 300 && EXCLUDED_CLASS.test(cls)) return true;
  }
  return false;
}

/** Distance between two elements through their lowest common ancestor (small = close); Infinity if unrelated. */
function treeDistance(chainA: Element[], a: Element, chainB: Map<Element, number>): number {
  if (chainB.has(a)) return chainB.get(a)!;
  for (let i = 0; i < chainA.length; i++) {
    const d = chainB.get(chainA[i]);
    if (d !== undefined) return i + 1 + d;
  }
  return Infinity;
}

interface Found {
  el: Element;
  chain: Element[];
  dist: number;
  order: number;
}

/**
 * What the page's own markup says: headlines, bylines near the `<h1>` (`itemprop=author`, `rel=author`, byline
 * and author blocks), and `<time datetime>` / date blocks near it, skipping navigation, asides, footers,
 * related-article lists and comments.
 */
export function fromPageMarkup(
  doc: Document,
  opts: { siteNames: string[]; metaTitles: string[]; lang?: string | null },
): PageMarkup {
  const body = doc.body ?? doc.documentElement;
  if (!body) return { headlines: [], results: [] };
  const all = body.querySelectorAll(SELECTOR);
  const h1s: Element[] = [];
  const rest: Element[] = [];
  for (let i = 0; i < all.length && i < MAX_CANDIDATES; i++) {
    const el = all[i];
    if (el.tagName === 'H1') {
      if (h1s.length < 8) h1s.push(el);
    } else rest.push(el);
  }

  // Headlines: h1s that are not the site's logo, outside navigation.
  const headlineEls: Array<{ el: Element; chain: Element[]; text: string; match: number }> = [];
  for (const el of h1s) {
    let text = cleanText(boundedText(el, 400).replace(/\n/g, ' '), 400);
    if (text.length < 2 || text.length > 350) continue;
    let match = Math.max(0, ...opts.metaTitles.map((t) => headlineMatch(text, t)));
    // A logo in an <h1> is the site's name; a headline that is the page's stated title is not, even when it
    // starts with the site's name ("Axios Future" on axios.com).
    if (isSiteName(text, opts.siteNames) && (match < 1 || opts.siteNames.some((n) => squashKey(n) === squashKey(text)))) continue;
    const chain = ancestors(el);
    if (isExcluded(el, chain)) continue;
    const bare = withoutKicker(el, text, opts.metaTitles);
    if (bare) {
      text = bare;
      match = 1;
    }
    headlineEls.push({ el, chain, text, match });
  }
  // The main headline: best match with a metadata title, else the first.
  const best = headlineEls.slice().sort((a, b) => b.match - a.match)[0];
  const main = best?.el ?? null;
  const mainChain = new Map<Element, number>();
  if (best) {
    mainChain.set(best.el, 0);
    best.chain.forEach((a, i) => mainChain.set(a, i + 1));
  }

  const bylines: Found[] = [];
  const dates: Found[] = [];
  const labelled: Found[] = [];
  rest.forEach((el, order) => {
    if (LABEL_TAGS.has(el.tagName)) {
      const t = el.firstChild && !el.firstElementChild ? (el.textContent ?? '') : '';
      const isAuthorLabel = t.length > 1 && t.length < 25 && AUTHOR_LABEL.test(t.trim());
      if (isAuthorLabel || (t.length > 1 && t.length < 25 && DATE_LABEL.test(t.trim()))) {
        const chain = ancestors(el);
        const f = { el, chain, dist: main ? treeDistance(chain, el, mainChain) : 10 + order / 100, order };
        if (!isExcluded(el, chain)) (isAuthorLabel ? labelled : dates).push(f);
        return;
      }
      if (!/[a-z]/i.test(attr(el, 'class') + attr(el, 'itemprop') + attr(el, 'rel'))) return;
    }
    const cls = `${attr(el, 'class')} ${attr(el, 'id')}`;
    const itemprop = attr(el, 'itemprop').toLowerCase();
    const isAuthor = /\bauthor\b|\bcreator\b/.test(itemprop) || /\bauthor\b/i.test(attr(el, 'rel')) || AUTHOR_CLASS.test(cls);
    const isDate =
      el.tagName === 'TIME' || /datepublished|datecreated|\bdate\b/.test(itemprop) || DATE_CLASS.test(cls);
    if (!isAuthor && !isDate) return;
    if (mainChain.has(el)) return; // a container holding the headline is too broad
    const chain = ancestors(el);
    if (isExcluded(el, chain)) return;
    const dist = main ? treeDistance(chain, el, mainChain) : 10 + order / 100;
    const f = { el, chain, dist, order };
    if (isAuthor) bylines.push(f);
    if (isDate) dates.push(f);
  });

  const results: SourceResult[] = [];
  const { authors, org } = bestByline([...bylines, ...labelled], opts.siteNames);
  if (authors.length) results.push({ label: 'page byline', values: { authors } });
  else if (org) results.push({ label: 'page byline', values: { orgByline: org } });
  const date = bestDate(dates, opts.lang);
  if (date) results.push({ label: 'page date', values: { publishedDate: date.value, dateShown: date.shown } });
  if (main) {
    const near = textAround(main, 700);
    if (near) results.push({ label: 'page text', values: { publishedDate: near } });
  }
  return { headlines: headlineEls.map((h) => h.text), results };
}

const ARTICLE_ITEM = /(?:Article|BlogPosting|Posting|Report|Review|Blog)$/;

/** Whether the nearest microdata item around an element is an Article (or subtype). */
function inArticleItem(chain: Element[]): boolean {
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

function bylineText(el: Element): string {
  if (LABEL_TAGS.has(el.tagName)) return textAfterLabel(el);
  const own = el.childElementCount === 0 ? (el.textContent ?? '').trim() : '';
  // "Redaktion" is a label before a name, or on its own the newsroom's credit (a last-resort author).
  if (own && own.length < 25 && AUTHOR_LABEL.test(own)) return textAfterLabel(el) || own;
  const name = el.querySelector('[itemprop~="name"]');
  if (name) return attr(name, 'content') || boundedText(name, 200);
  const content = attr(el, 'content');
  if (content && el.tagName === 'META') return content;
  return boundedText(el, 300);
}

function bestByline(found: Found[], siteNames: string[]): { authors: Author[]; org: string | null } {
  let best: Author[] = [];
  let bestScore = Infinity;
  // The closest byline that credits only an organisation, the site or a newsroom: a last resort.
  let org: string | null = null;
  let orgScore = Infinity;
  // Closest first; stop once no candidate further away could still win (bonuses are at most 6).
  const sorted = found.slice().sort((a, b) => a.dist - b.dist || a.order - b.order);
  for (const f of sorted.slice(0, 60)) {
    if (f.dist - 6 >= bestScore) break;
    const el = f.el;
    const text = bylineText(el);
    if (!text || text.length > 250) continue; // author boxes with a bio are not bylines
    const authors = parseByline(text, { siteNames });
    // A list of many "names" near a headline is a tag or category list, not a byline.
    if (authors.length > 5) continue;
    // Prefer explicit markup and elements close to the headline.
    let score = f.dist;
    if (/author/i.test(attr(el, 'itemprop')) || /author/i.test(attr(el, 'rel'))) score -= 2;
    // Microdata: the author property of the page's Article item is structured data, wherever the theme puts it.
    if (/\b(?:author|creator)\b/i.test(attr(el, 'itemprop')) && inArticleItem(f.chain)) score -= 8;
    if (/byline/i.test(`${attr(el, 'class')} ${attr(el, 'id')}`)) score -= 1;
    if (LABEL_TAGS.has(el.tagName)) score -= 3;
    if (/avatar|image|img|photo|bio|description|box|about/i.test(attr(el, 'class'))) score += 3;
    if (!authors.length) {
      if (score < orgScore && !best.length && parseOrganisations(text, { siteNames }).length) {
        orgScore = score;
        org = text;
      }
      continue;
    }
    if (score < bestScore) {
      bestScore = score;
      best = authors;
    }
  }
  return bestScore <= 14 ? { authors: best, org: null } : { authors: [], org: orgScore <= 14 ? org : null };
}

function bestDate(found: Found[], lang: string | null | undefined): { value: string; shown: boolean } | null {
  let best: string | null = null;
  let shown = false;
  let bestScore = Infinity;
  const sorted = found.slice().sort((a, b) => a.dist - b.dist || a.order - b.order);
  for (const f of sorted.slice(0, 80)) {
    if (f.dist - 4 >= bestScore) break;
    const el = f.el;
    let text = boundedText(el, 200);
    if (text.length < 25 && (DATE_LABEL.test(text) || LABEL_TAGS.has(el.tagName))) text = textAfterLabel(el);
    const raws = [attr(el, 'datetime'), el.tagName === 'META' ? attr(el, 'content') : '', attr(el, 'content'), text].filter(Boolean);
    let value: string | null = null;
    let from = '';
    for (const raw of raws) {
      value = normaliseDate(raw, { lang });
      from = raw;
      if (value) break;
    }
    if (!value) continue;
    let score = f.dist;
    const context = `${text} ${attr(el, 'class')} ${attr(el, 'itemprop')}`;
    if (/datepublished/i.test(attr(el, 'itemprop'))) score -= inArticleItem(f.chain) ? 6 : 3;
    if (MODIFIED.test(context) && !PUBLISHED.test(text) && !/publish/i.test(attr(el, 'class'))) score += /update|modif/i.test(attr(el, 'class')) && !MODIFIED.test(text) ? 2 : 8;
    if (el.tagName === 'TIME') score -= 1;
    if (score < bestScore) {
      bestScore = score;
      best = value;
      shown = el.tagName === 'TIME' || (from === text && el.tagName !== 'META');
    }
  }
  return best && bestScore <= 16 ? { value: best, shown } : null;
}

/**
 * The text that follows the headline in document order (the kicker, dateline and first paragraph), at most
 * `max` characters and 300 nodes: enough for "Stand: 12.11.2021" or "Wiesbaden, 11. November 2021".
 */
export function textAround(h1: Element, max: number): string {
  let out = '';
  let steps = 0;
  // Next node in document order, skipping the headline's own subtree.
  const next = (n: Node, skipChildren: boolean): Node | null => {
    if (!skipChildren && n.firstChild) return n.firstChild;
    for (let c: Node | null = n; c; c = c.parentNode) {
      if (c.nextSibling) return c.nextSibling;
    }
    return null;
  };
  let node = next(h1, true);
  while (node && out.length < max && steps++ < 300) {
    let skip = false;
    if (node.nodeType === 3) out += ` ${node.nodeValue ?? ''}`;
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'SVG' || tag === 'NAV' || tag === 'ASIDE' || tag === 'FORM') skip = true;
      else if (tag === 'H1' || tag === 'H2') break; // the next article or section
      else if (/^(?:P|DIV|LI|BR|SPAN|TIME)$/.test(tag)) out += '\n';
    }
    node = next(node, skip);
  }
  const lines = out.split('\n').map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim()).filter(Boolean);
  const text = lines.join(' | ').slice(0, max);
  if (MODIFIED.test(text.slice(0, 60)) && !PUBLISHED.test(text.slice(0, 60))) return '';
  return text;
}

/** A date in the URL path: `/2019/01/18/`, `/2019-01-18-title`. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = path.match(/(?:^|\/|\D)((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?:\/|[_-]|\.|$)/);
  if (!m) return null;
  return normaliseDate(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
}


/**
 * The site's name from its feed links: WordPress and most blog engines title them "Site Name » Feed",
 * "Site Name » Comments Feed", "Site Name - RSS".
 */
export function siteNameFromFeeds(doc: Document): string | null {
  const head = doc.head ?? doc.documentElement;
  if (!head) return null;
  const links = head.querySelectorAll('link[rel~="alternate"][title]');
  for (let i = 0; i < links.length && i < 10; i++) {
    const type = attr(links[i], 'type');
    if (!/rss|atom/i.test(type)) continue;
    const m = cleanText(attr(links[i], 'title'), 300).match(/^(.{2,80}?)\s+(?:»|›|-|–|—|\||:)\s+(?:[\p{L}-]+\s+)?(?:feed|rss|atom)\b/iu);
    if (m) return m[1].trim();
  }
  return null;
}

const SELF_SELECTOR = 'a[href], [class*="title"], [class*="headline"], [class*="h1"]';
const MAX_SELF_SCAN = 3_000;
const MAX_SELF_REFS = 12;

function sameAddress(href: string, url: URL): boolean {
  if (!href || href.startsWith('#') || href.startsWith('javascript:')) return false;
  let u: URL;
  try {
    u = new URL(href, url);
  } catch {
    return false;
  }
  const path = (p: string) => p.replace(/\/+$/, '');
  return u.host === url.host && path(u.pathname) === path(url.pathname) && path(url.pathname).length > 1 && u.search === url.search;
}

/**
 * A date written beside a mention of the page itself (a link to its own address, or an element repeating its title)
 * outside the headline: "About this article: <a>Title</a> was published on 19 May 2010" in a sidebar, a sticky
 * header repeating the headline with its `<time>`. A late fallback for pages whose only date sits in a region the
 * page-date source skips.
 */
export function dateBesideSelfReference(
  doc: Document,
  opts: { titles: string[]; url?: string | null; lang?: string | null },
): SourceResult | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  let url: URL | null;
  try {
    url = opts.url ? new URL(opts.url) : null;
  } catch {
    url = null;
  }
  const titleKeys = new Set(opts.titles.map(squashKey).filter((k) => k.length >= 12));
  if (!url && !titleKeys.size) return null;
  // Cheap pre-tests before parsing an address or squashing a text: the page's last path segment, the titles' lengths.
  const segment = url ? (url.pathname.replace(/\/+$/, '').split('/').pop() ?? '') : '';
  const minLen = Math.min(...[...titleKeys].map((k) => k.length));
  const maxLen = Math.max(0, ...opts.titles.map((t) => t.length)) * 2 + 40;
  const els = body.querySelectorAll(SELF_SELECTOR);
  const parents: Element[] = [];
  for (let i = 0; i < els.length && i < MAX_SELF_SCAN && parents.length < MAX_SELF_REFS; i++) {
    const el = els[i];
    let self = false;
    if (el.tagName === 'A' && url && segment) {
      const href = attr(el, 'href');
      self = href.includes(segment) && sameAddress(href, url);
    }
    if (!self && titleKeys.size && el.childElementCount <= 3) {
      const t = el.textContent ?? '';
      self = t.length >= minLen && t.length <= maxLen && titleKeys.has(squashKey(t));
    }
    if (!self) continue;
    const parent = el.parentElement;
    // Not the headline itself: the page-date source has looked there.
    if (!parent || parent.tagName === 'H1' || parents.includes(parent) || el.closest('h1')) continue;
    parents.push(parent);
  }
  for (const parent of parents) {
    if (parent === body || parent.childElementCount > 8) continue;
    const text = boundedText(parent, 400);
    const time = parent.querySelector('time[datetime]');
    const raws = [time ? attr(time, 'datetime') : '', text.length < 400 && !MODIFIED.test(text) ? text : ''];
    for (const raw of raws) {
      if (!raw) continue;
      const value = normaliseDate(raw, { lang: opts.lang });
      if (value) return { label: 'page self-reference', values: { publishedDate: raw === text ? value : raw } };
    }
  }
  return null;
}
