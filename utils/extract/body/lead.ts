// The lead (standfirst, deck, teaser) often sits in the article header next to the headline, outside the
// container Readability picks, so the body text starts at the second paragraph. Before Readability runs,
// look just after the page's h1 for an element marked as a lead by its class, id or itemprop; after it
// runs, put the lead back in front of the body if the body lacks it.

import { classWords } from '../boilerplate';
import { blockText } from '../text';
import { attr, queryElements, type ElementsByTag } from '../elements';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const LEAD_WORDS = new Set([
  'lead', 'lede', 'teaser', 'intro', 'introduction', 'subtitle', 'subheadline', 'subhead', 'subheading',
  'standfirst', 'deck', 'dek', 'summary', 'excerpt', 'abstract', 'description', 'strapline', 'sapo', 'chapo',
]);
const LEAD_ITEMPROPS = new Set(['description', 'abstract', 'alternativeheadline']);
const LEAD_TAGS = new Set(['P', 'H2', 'H3', 'H4', 'DIV', 'SPAN', 'SECTION']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'FIGURE']);
const OFF_LIMITS = new Set(['NAV', 'FOOTER', 'ASIDE', 'FORM', 'LI']);

/** Text between the headline and the lead (date, byline, kicker) may be at most this long. */
const MAX_GAP_CHARS = 300;
/** At most this many elements are looked at after each headline. */
const MAX_STEPS = 150;
const MIN_LEAD_CHARS = 80;
const MAX_LEAD_CHARS = 1000;
const MAX_LINK_SHARE = 0.3;
const MAX_HEADLINES = 3;

const squash = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u00ad\u200b]+/g, ' ').trim();

function isLeadMarked(el: Element): boolean {
  const prop = el.getAttribute('itemprop');
  if (prop && prop.toLowerCase().split(/\s+/).some((p) => LEAD_ITEMPROPS.has(p))) return true;
  if (!attr(el, 'class') && !attr(el, 'id')) return false;
  return classWords(el).some((w) => LEAD_WORDS.has(w));
}

function offLimits(el: Element): boolean {
  for (let p: Element | null = el; p; p = p.parentElement) if (OFF_LIMITS.has(p.tagName.toUpperCase())) return true;
  return false;
}

function linkChars(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) n += squash(a.textContent).length;
  return n;
}

/** The node after `node` in document order, not descending into `node` when `skipChildren`. */
function nextNode(node: Node, skipChildren: boolean): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

function leadAfter(h1: Element): string | null {
  let gap = 0;
  let steps = 0;
  let node = nextNode(h1, true);
  while (node && steps < MAX_STEPS && gap <= MAX_GAP_CHARS) {
    if (node.nodeType === TEXT_NODE) {
      gap += squash(node.nodeValue).length;
      node = nextNode(node, true);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) {
      node = nextNode(node, true);
      continue;
    }
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    steps++;
    if (tag === 'H1') return null; // the next article's headline: this one has no lead here
    if (SKIP_TAGS.has(tag)) {
      node = nextNode(el, true);
      continue;
    }
    if (LEAD_TAGS.has(tag) && isLeadMarked(el)) {
      const text = squash(blockText(el));
      if (
        text.length >= MIN_LEAD_CHARS &&
        text.length <= MAX_LEAD_CHARS &&
        linkChars(el) <= MAX_LINK_SHARE * text.length &&
        !offLimits(el)
      ) {
        return text;
      }
      if (text.length > MAX_LEAD_CHARS) return null; // a whole body marked "intro" or "summary"
    }
    node = nextNode(el, false);
  }
  return null;
}

function isHomeLink(h: Element): boolean {
  const links = Array.from(h.getElementsByTagName('a'));
  if (links.length !== 1 || squash(links[0].textContent).length < squash(h.textContent).length) return false;
  try {
    const u = new URL(links[0].getAttribute('href') ?? '', 'http://example.invalid/');
    return (u.pathname === '/' || u.pathname === '') && !u.search;
  } catch {
    return false;
  }
}

/**
 * Headlines to look after: h1 elements (not a site logo linking home), then h2 elements whose text is
 * the page's title (some templates keep h1 for the site name or leave it empty).
 */
function* headlines(doc: Document, elements: ElementsByTag): Generator<Element> {
  const ok = (h: Element) => squash(h.textContent).length >= 10 && !isHomeLink(h) && !offLimits(h);
  let n = 0;
  for (const h of elements('h1')) {
    if (n >= MAX_HEADLINES) return;
    if (ok(h)) {
      n++;
      yield h;
    }
  }
  const title = fold(
    `${doc.title ?? ''} ${doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? ''}`,
  );
  for (const h of elements('h2')) {
    if (n >= MAX_HEADLINES) return;
    const text = squash(h.textContent);
    if (text.length >= 20 && title.includes(fold(text)) && ok(h)) {
      n++;
      yield h;
    }
  }
}

/** Finds the lead paragraph near the page's headline. Call before Readability changes the document. */
export function findLead(doc: Document, elements: ElementsByTag = queryElements(doc)): string | null {
  for (const h of headlines(doc, elements)) {
    const lead = leadAfter(h);
    if (lead) return lead;
  }
  return null;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();

/** Puts the lead in front of `text` (one line per block) unless the text already holds it. */
export function withLead(text: string, lead: string | null): string {
  if (!lead) return text;
  const folded = fold(lead);
  if (fold(text).includes(folded)) return text;
  return `${lead}\n${text}`;
}
