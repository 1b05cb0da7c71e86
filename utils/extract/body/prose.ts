// Readability scores containers by their text and commas, so a long table, a reference list or a disclosure box
// can outscore the article's paragraphs. The element that holds the most paragraph prose is a second opinion: when
// it holds far more prose than Readability's choice, it is the article.
import { queryElements, type ElementsByTag } from '../elements';

/** A paragraph counts as prose from this length (a sentence or two); shorter ones are labels and captions. */
const MIN_PARAGRAPH_CHARS = 80;
/** The prose container replaces Readability's choice only when it holds at least this much prose... */
const MIN_PROSE_CHARS = 1000;
/** ...and this many times the prose of Readability's choice. */
const MIN_PROSE_RATIO = 2;
/** One paragraph counts for at most this much (a list of names in one <p> is not an article). */
const MAX_PARAGRAPH_CHARS = 2000;
/** Prose ends a sentence at least once in this many characters. */
const CHARS_PER_SENTENCE = 400;
/** Paragraphs looked at, at most: the work is bounded whatever the page. */
const MAX_PARAGRAPHS = 5000;

const squash = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
const SENTENCE_END = /[.!?…。؟][)"'”’»]*(?:\s|$)/g;

function hidden(el: Element): boolean {
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || style.includes('display:none') || style.includes('visibility:hidden');
}

/** The characters a paragraph counts for: 0 unless it is visible prose, not a list item's or a table cell's. */
function paragraphChars(p: Element): number {
  const text = squash(p.textContent);
  if (text.length < MIN_PARAGRAPH_CHARS) return 0;
  if ((text.match(SENTENCE_END)?.length ?? 0) < Math.max(1, Math.floor(text.length / CHARS_PER_SENTENCE))) return 0;
  for (let a: Element | null = p; a; a = a.parentElement) {
    const tag = a.tagName.toUpperCase();
    if ((a !== p && (tag === 'LI' || tag === 'TD' || tag === 'TH' || tag === 'P')) || hidden(a)) return 0;
  }
  return Math.min(text.length, MAX_PARAGRAPH_CHARS);
}

/** Characters of prose paragraphs inside `root`; the count stops once it is past `stopAbove`. */
export function proseChars(root: Element, stopAbove = Infinity): number {
  let n = 0;
  const ps = root.getElementsByTagName('p');
  for (let i = 0; i < ps.length && i < MAX_PARAGRAPHS && n <= stopAbove; i++) n += paragraphChars(ps[i]);
  return n;
}

export interface ProseBlock {
  element: Element;
  chars: number;
}

/** The element whose own child paragraphs hold the most prose, or null when no element holds enough. */
export function mostProse(doc: Document, elements: ElementsByTag = queryElements(doc)): ProseBlock | null {
  const byParent = new Map<Element, number>();
  const ps = elements('p');
  for (let i = 0; i < ps.length && i < MAX_PARAGRAPHS; i++) {
    const p = ps[i];
    const parent = p.parentElement;
    if (!parent) continue;
    const len = paragraphChars(p);
    if (len) byParent.set(parent, (byParent.get(parent) ?? 0) + len);
  }
  let best: ProseBlock | null = null;
  for (const [element, chars] of byParent) if (!best || chars > best.chars) best = { element, chars };
  return best && best.chars >= MIN_PROSE_CHARS ? best : null;
}

/** Whether the prose container says more than Readability's choice by a wide margin. */
export function outweighs(block: ProseBlock, chosen: Element): boolean {
  // Past half the container's prose the choice cannot be outweighed: the rest need not be counted.
  return block.chars >= MIN_PROSE_RATIO * proseChars(chosen, block.chars / MIN_PROSE_RATIO);
}
