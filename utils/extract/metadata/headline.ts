// The article's visible headline: the `<h1>` elements that are not the site's logo and sit outside navigation,
// without a kicker or date line the page puts inside the `<h1>`.
import { attr } from '../elements';
import { boundedText, readText } from '../text';
import { cleanText, squashKey } from './clean';
import { headlineMatch } from './title';
import { isSiteName } from './site-name';
import { ancestors, isExcluded } from './regions';

export interface Headline {
  el: Element;
  chain: Element[];
  text: string;
  /** How well it matches a metadata title (see headlineMatch). */
  match: number;
}

/**
 * The headline without a kicker that the page puts inside the `<h1>` in its own element
 * (`<h1><span>Press release of the X office:</span>Headline</h1>`), when the metadata title is the headline alone.
 */
function withoutKicker(h1: Element, text: string, titleKeys: ReadonlySet<string>): string | null {
  let first = h1.firstElementChild;
  while (first && /^(?:STYLE|SCRIPT|NOSCRIPT|TEMPLATE)$/.test(first.tagName)) first = first.nextElementSibling;
  if (!first || /^(?:A|IMG|PICTURE|SVG|BR)$/.test(first.tagName)) return null;
  for (let n = h1.firstChild; n && n !== first; n = n.nextSibling) if (n.nodeType === 3 && n.nodeValue?.trim()) return null;
  const kicker = cleanText(boundedText(first, 300).replace(/\n/g, ' '), 300);
  if (!kicker || kicker.length >= text.length || !text.startsWith(kicker)) return null;
  const rest = text.slice(kicker.length).replace(/^[\s:|–—·•-]+/, '').trim();
  if (rest.split(/\s+/).length < 3) return null;
  return titleKeys.has(squashKey(rest)) ? rest : null;
}

/**
 * The headline without a label written into its text ("Analysis: Headline", "EXCLUSIVE | Headline"), when a
 * metadata title is the rest alone: the page's own words say which part is the headline.
 */
function withoutLabel(text: string, titleKeys: ReadonlySet<string>): string | null {
  const m = text.match(/^([^:|]{2,30}?)\s*[:|]\s+(.+)$/);
  if (!m || m[1].split(/\s+/).length > 3 || m[2].split(/\s+/).length < 3) return null;
  return titleKeys.has(squashKey(m[2])) ? m[2] : null;
}

/** The one line of a multi-line `<h1>` (kicker, headline, subtitle) that a metadata title is, whole. */
function metaTitleLine(h1: Element, titleKeys: ReadonlySet<string>): string | null {
  const lines = readText(h1, { maxChars: 400 }).lines.map((l) => cleanText(l, 400)).filter(Boolean);
  if (lines.length < 2) return null;
  const found = lines.filter((l) => l.split(/\s+/).length >= 2 && titleKeys.has(squashKey(l)));
  return found.length === 1 ? found[0] : null;
}

// Class words of a kicker, topic label or overline set in the headline's own element.
const KICKER_CLASS = /kicker|topline|overline|dachzeile|eyebrow|roofline|topic|label|rubri[ck]|sub-?heading|category|kategorie|flag|tagline/i;
const DATE_IN_LINE = /\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b/;

/**
 * The headline's own words when the `<h1>` also holds a kicker above it (a short first line in an element of its
 * own, or one whose class names it: "topic-label", "kicker") or a date line under it (`<br><small>03.04.2021 •
 * Sports</small>`). Null when there is nothing to take off.
 */
function ownWords(h1: Element): string | null {
  const lines = readText(h1, { maxChars: 400 }).lines;
  let first = h1.firstElementChild;
  while (first && /^(?:STYLE|SCRIPT|NOSCRIPT|TEMPLATE)$/.test(first.tagName)) first = first.nextElementSibling;
  // A single wrapper (<span class="title"><small>Kicker</small><br>Headline</span>) is the headline itself.
  if (first && !first.nextElementSibling && first.children.length > 1) first = first.firstElementChild;
  let kept = lines;
  if (kept.length >= 2) {
    if (DATE_IN_LINE.test(kept[kept.length - 1]) && kept[kept.length - 1].split(/\s+/).length <= 8) kept = kept.slice(0, -1);
    if (kept.length >= 2 && kept[0].split(/\s+/).length <= 6 && kept.slice(1).join(' ').split(/\s+/).length >= 2) kept = kept.slice(1);
  }
  let text = kept.join(' ');
  if (first && KICKER_CLASS.test(attr(first, 'class'))) {
    const kicker = cleanText(boundedText(first, 200).replace(/\n/g, ' '), 200);
    if (kicker && text.startsWith(kicker) && text.length > kicker.length) text = text.slice(kicker.length);
  }
  text = cleanText(text.replace(/^[\s:|–—·•-]+/, ''), 400);
  const whole = cleanText(lines.join(' '), 400);
  return text && text !== whole && text.split(/\s+/).length >= 2 ? text : null;
}

/** Headlines among the page's `<h1>` elements, in document order. */
export function findHeadlines(h1s: Element[], opts: { siteNames: string[]; metaTitles: string[] }): Headline[] {
  const out: Headline[] = [];
  // The metadata titles as the kicker and label rules compare them, whole.
  const titleKeys = new Set(opts.metaTitles.map(squashKey));
  for (const el of h1s) {
    let text = cleanText(boundedText(el, 400).replace(/\n/g, ' '), 400);
    if (text.length < 2 || text.length > 350) continue;
    let match = Math.max(0, ...opts.metaTitles.map((t) => headlineMatch(text, t)));
    // A logo in an <h1> is the site's name; a headline that is the page's stated title is not, even when it
    // starts with the site's name.
    if (isSiteName(text, opts.siteNames) && (match < 1 || opts.siteNames.some((n) => squashKey(n) === squashKey(text)))) continue;
    const chain = ancestors(el);
    if (isExcluded(el, chain)) continue;
    const bare = withoutKicker(el, text, titleKeys) ?? withoutLabel(text, titleKeys) ?? metaTitleLine(el, titleKeys);
    const own = bare ? null : ownWords(el);
    if (bare) {
      text = bare;
      match = 1;
    } else if (own) {
      text = own;
      match = Math.max(match, ...opts.metaTitles.map((t) => headlineMatch(own, t)));
    }
    out.push({ el, chain, text, match });
  }
  return out;
}

/** The main headline: the best match with a metadata title, else the first. */
export function mainHeadline(headlines: Headline[]): Headline | null {
  return headlines.slice().sort((a, b) => b.match - a.match)[0] ?? null;
}

/**
 * The page's one headline-like `<h1>`: of the headlines (site logos and navigation already left out), the only one
 * of at least two words. Shown to the reader as the article's title, it is taken even where the metadata titles
 * (often written for search engines or social media) say otherwise.
 */
export function standaloneHeadline(headlines: Headline[]): string | null {
  const worded = headlines.filter((h) => h.text.split(/\s+/).length >= 2);
  return worded.length === 1 ? worded[0].text : null;
}
