// What the page's own markup says, read in one pass: headlines, the byline and the date near the headline.
import type { SourceResult } from './candidates';
import { findHeadlines, mainHeadline, standaloneHeadline } from './headline';
import { isTitleSegment } from './title';
import { bestByline, AUTHOR_CLASS, isPersonLink, pageHost } from './page-byline';
import { bestDate, DATE_CLASS, dateText, linesAfter } from './page-date';
import { bylineFromLine } from './byline';
import { AUTHOR_LABEL, DATE_LABEL, LABEL_TAGS, isAuthorHeading } from './labels';
import { ancestors, distancesFrom, isExcluded, treeDistance, type Placed } from './regions';
import { attr } from '../elements';
import { boundedText } from '../text';

// Everything the page's own markup can tell us, found in one walk: headings (among them h2–h4 that title the authors:
// "Authors", "Experts"), <time>, microdata, rel=author, labels (strong, b, dt, h5, h6) and blocks whose class or id
// names a byline, an author or a date. (A hand walk
// with these tests took two thirds of the time of the equivalent 29-part CSS selector in linkedom.)
const CANDIDATE_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'TIME', 'STRONG', 'B', 'DT', 'H5', 'H6']);
const SECTION_HEADINGS = new Set(['H3', 'H4']);
// Case-sensitive, as CSS [class*="…"] is: the spellings that occur.
const CANDIDATE_CLASS =
  /byline|Byline|author|Author|autor|Autor|auteur|writer|Writer|verfasser|submitted|username|reporter|Reporter|journalist|Journalist|creator|Creator|penulis|yazar|meta|date|Date|time|datum|Datum|publish|posted/;
const CANDIDATE_ID = /byline|author/;
const REL_AUTHOR = /(?:^|\s)author(?:\s|$)/;
// Their content is not part of the page as shown (noscript is text where scripts run; template is inert).
const UNSHOWN = new Set(['NOSCRIPT', 'TEMPLATE']);

/** Marked by its attributes as holding a byline, an author or a date. */
function isMarked(el: Element): boolean {
  return (
    el.hasAttribute('itemprop') ||
    CANDIDATE_CLASS.test(attr(el, 'class')) ||
    CANDIDATE_ID.test(attr(el, 'id')) ||
    REL_AUTHOR.test(attr(el, 'rel'))
  );
}

/**
 * The candidate elements under `root`, in document order, and among them the links to an author's page (see
 * isPersonLink; `host` is the page's), each link asked once; iterative, so no depth of nesting overflows the stack.
 */
function candidates(root: Element, host: string | null): { list: Element[]; personLinks: Set<Element> } {
  const list: Element[] = [];
  const personLinks = new Set<Element>();
  let el: Element | null = root.firstElementChild;
  while (el) {
    const person = isPersonLink(el, host);
    if (person) personLinks.add(el);
    if (person || CANDIDATE_TAGS.has(el.tagName) || isMarked(el)) list.push(el);
    let next: Element | null = UNSHOWN.has(el.tagName) ? null : el.firstElementChild;
    for (let up: Element | null = el; !next && up && up !== root; up = up.parentElement) next = up.nextElementSibling;
    el = next;
  }
  return { list, personLinks };
}
const MAX_CANDIDATES = 3_000;
// Past this tree distance from the headline no byline or date can win (see bestByline, bestDate): not looked at.
const MAX_DISTANCE = 30;
const MAX_HEADLINES = 8;
const MAX_TIMESTAMPS = 50;
const MAX_SUBHEADS = 20;

export interface PageMarkup {
  /** Visible headlines (`<h1>`), first few, cleaned. */
  headlines: string[];
  /** Second-level headings (`<h2>`) outside navigation and the like, first few, cleaned: some templates keep the
   * `<h1>` for the site or section and give the article's headline an `<h2>`. */
  subheads: string[];
  /** The page's one headline-like `<h1>` (see standaloneHeadline), or null. */
  standalone: string | null;
  /** Byline source result, dates source result (label per kind). */
  results: SourceResult[];
  /** A short label set just above the headline ("Commentary", "Interview"), or null. */
  kicker: string | null;
}

const NOT_A_KICKER = new Set([...UNSHOWN, 'SCRIPT', 'STYLE']);
const CONTROLS = new Set(['BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'LABEL', 'FORM', 'NAV']);
/** Words a label above the headline has at most. */
const MAX_KICKER_WORDS = 3;

/** The short line of its own right above the headline (or above the header block holding it), if there is one. */
function kickerAbove(h1: Element): string | null {
  let el: Element | null = h1;
  while (el && !el.previousElementSibling && el.parentElement && el.parentElement.tagName !== 'BODY' && el.parentElement.childElementCount <= 3) el = el.parentElement;
  if (!el || el.tagName === 'BODY') return null;
  let prev = el.previousElementSibling;
  while (prev && NOT_A_KICKER.has(prev.tagName)) prev = prev.previousElementSibling;
  if (!prev || prev.tagName === 'HEAD' || CONTROLS.has(prev.tagName) || prev.childElementCount > 2) return null;
  const text = boundedText(prev, 60).replace(/[\s\u00a0]+/g, ' ').trim();
  return text && text.length <= 40 && text.split(' ').length <= MAX_KICKER_WORDS ? text : null;
}

/**
 * What the page's own markup says: headlines, bylines near the `<h1>` (`itemprop=author`, `rel=author`, byline
 * and author blocks), and `<time datetime>` / date blocks near it, skipping navigation, asides, footers,
 * related-article lists and comments.
 */
export function fromPageMarkup(
  doc: Document,
  opts: { siteNames: string[]; metaTitles: string[]; lang?: string | null; url?: string | null },
): PageMarkup {
  const body = doc.body ?? doc.documentElement;
  if (!body) return { headlines: [], subheads: [], standalone: null, results: [], kicker: null };
  // One walk of the page; headlines counted apart, so that hundreds of bylines and dates in a page's teasers
  // cannot push its headline out.
  const { list: all, personLinks } = candidates(body, pageHost(opts.url));
  const h1s: Element[] = [];
  const h2s: Element[] = [];
  const rest: Element[] = [];
  // Headings that title a block of authors ("Authors", "Experts"), near the headline.
  const authorHeadings: Element[] = [];
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    const tag = el.tagName;
    if (tag === 'H2' || tag === 'H3' || tag === 'H4') {
      if (tag === 'H2' && h2s.length < MAX_SUBHEADS) h2s.push(el);
      if (isAuthorHeading(el)) {
        if (authorHeadings.length < MAX_HEADLINES) authorHeadings.push(el);
      } else if (SECTION_HEADINGS.has(tag) && isMarked(el) && rest.length < MAX_CANDIDATES) rest.push(el);
    } else if (tag === 'H1') {
      if (h1s.length < MAX_HEADLINES) h1s.push(el);
    } else if (rest.length < MAX_CANDIDATES) rest.push(el);
  }

  const headlines = findHeadlines(h1s, opts);
  let main = mainHeadline(headlines);
  // Second-level headings matter only when no <h1> agrees with a metadata title (see chooseTitle); then bylines and
  // dates are looked for near the <h2> that is the stated title.
  const subheads = !main || main.match < 0.5 ? findHeadlines(h2s, opts) : [];
  if (!main || main.match < 0.5) main = subheads.find((h) => opts.metaTitles.some((t) => isTitleSegment(h.text, t))) ?? main;
  const near = distancesFrom(main?.el ?? null, main?.chain ?? []);
  const place = (el: Element, chain: Element[], order: number): Placed => ({
    el,
    chain,
    dist: main ? treeDistance(chain, el, near) : 10 + order / 100,
    order,
  });

  const bylines: Placed[] = [];
  const dates: Placed[] = [];
  const labelled: Placed[] = [];
  rest.forEach((el, order) => {
    if (LABEL_TAGS.has(el.tagName)) {
      const t = el.firstChild && !el.firstElementChild ? (el.textContent ?? '') : '';
      const isAuthorLabel = t.length > 1 && t.length < 25 && AUTHOR_LABEL.test(t.trim());
      if (isAuthorLabel || (t.length > 1 && t.length < 25 && DATE_LABEL.test(t.trim()))) {
        const f = place(el, ancestors(el), order);
        if (f.dist <= MAX_DISTANCE && !isExcluded(el, f.chain)) (isAuthorLabel ? labelled : dates).push(f);
        return;
      }
      if (!/[a-z]/i.test(attr(el, 'class') + attr(el, 'itemprop') + attr(el, 'rel'))) return;
    }
    const cls = `${attr(el, 'class')} ${attr(el, 'id')}`;
    const itemprop = attr(el, 'itemprop').toLowerCase();
    const isAuthor =
      /\bauthor\b|\bcreator\b/.test(itemprop) || /\bauthor\b/i.test(attr(el, 'rel')) || AUTHOR_CLASS.test(cls) ||
      personLinks.has(el);
    const isDate = el.tagName === 'TIME' || /datepublished|datecreated|\bdate\b/.test(itemprop) || DATE_CLASS.test(cls);
    if (!isAuthor && !isDate) return;
    if (near.has(el)) return; // a container holding the headline is too broad
    const f = place(el, ancestors(el), order);
    if (f.dist > MAX_DISTANCE || isExcluded(el, f.chain)) return;
    if (isAuthor) bylines.push(f);
    if (isDate) dates.push(f);
  });

  authorHeadings.forEach((el, i) => {
    const f = place(el, ancestors(el), rest.length + i);
    if (f.dist <= MAX_DISTANCE && !isExcluded(el, f.chain)) labelled.push(f);
  });

  const results: SourceResult[] = [];
  const { authors, org } = bestByline([...bylines, ...labelled], opts.siteNames);
  if (authors.length) results.push({ label: 'page-byline', values: { authors } });
  else if (org) results.push({ label: 'page-byline', values: { orgByline: org } });
  const date = bestDate(dates, opts.lang);
  const timestamps = rest.filter((el) => el.tagName === 'TIME').map((el) => attr(el, 'datetime').trim()).filter(Boolean).slice(0, MAX_TIMESTAMPS);
  if (date) results.push({ label: 'page-date', values: { publishedDate: date.value, dateShown: date.shown, timestamps } });
  else if (timestamps.length) results.push({ label: 'page-date', values: { timestamps } });
  if (main) {
    const lines = linesAfter(main.el, 700);
    const text = dateText(lines, 700);
    const values: SourceResult['values'] = {};
    if (text) values.publishedDate = text;
    // A byline written as text near the headline, in an element no class names ("<p><i>By Jane Doe</i></p>").
    for (let i = 0; i < Math.min(lines.length, 8); i++) {
      // "By" on its own line (an element of its own) belongs with the name on the next; a line without spaces can
      // also be a whole byline ("作者：肖春芳").
      let authors = bylineFromLine(lines[i], { siteNames: opts.siteNames });
      if (!authors.length && /^\S+$/.test(lines[i]) && lines[i + 1]) authors = bylineFromLine(`${lines[i]} ${lines[i + 1]}`, { siteNames: opts.siteNames });
      if (authors.length) {
        values.authors = authors;
        break;
      }
    }
    if (values.publishedDate || values.authors) results.push({ label: 'page-text', values });
  }
  return {
    headlines: headlines.map((h) => h.text),
    subheads: subheads.map((h) => h.text),
    standalone: standaloneHeadline(headlines),
    results,
    kicker: main ? kickerAbove(main.el) : null,
  };
}
