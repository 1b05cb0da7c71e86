// Bounds on reading a page. Readability scores every element several times and copies the document; on a
// page of 100,000 elements, megabytes of text or DOM built thousands of levels deep it would freeze the tab.
// Past these bounds the body is read by a single capped walk instead, and the user is told it was clipped.

import { t } from '../i18n/messages';
import { countWords, readText } from './text';

export interface ExtractionLimits {
  /** More elements than this and Readability is not run (the largest real article we know has ~10,000). */
  maxElements: number;
  /** Deeper nesting than this and Readability is not run (HTML parsers stop nesting at a few hundred levels). */
  maxDepth: number;
  /** More characters of text than this and Readability is not run (~250,000 words). */
  maxTextChars: number;
  /** Words of article text kept with the record. */
  maxWords: number;
}

export const EXTRACTION_LIMITS: Readonly<ExtractionLimits> = Object.freeze({
  maxElements: 50_000,
  maxDepth: 800,
  maxTextChars: 1_500_000,
  maxWords: 50_000,
});

/** Time the extension's in-page extraction may spend before it skips its optional, costly steps. */
export const EXTRACTION_BUDGET_MS = 4_000;

export type TooLarge = 'elements' | 'depth' | 'text';

export interface PageSize {
  /** Counts up to where the walk stopped: the first limit exceeded, or the whole page. */
  elements: number;
  depth: number;
  textChars: number;
  tooLarge: TooLarge | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Walks what is inside `root` once, without recursion (deep nesting cannot overflow the stack), and stops
 * at the first limit exceeded. Reads only; never changes the page. Pass the document element: DOM
 * libraries do not all link a document's doctype to its next sibling.
 */
export function measurePage(root: Node, limits: Pick<ExtractionLimits, 'maxElements' | 'maxDepth' | 'maxTextChars'> = EXTRACTION_LIMITS): PageSize {
  const size: PageSize = { elements: 0, depth: 0, textChars: 0, tooLarge: null };
  let depth = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === TEXT_NODE) {
      size.textChars += node.nodeValue?.length ?? 0;
      if (size.textChars > limits.maxTextChars) size.tooLarge = 'text';
    } else if (node.nodeType === ELEMENT_NODE) {
      size.elements++;
      if (size.elements > limits.maxElements) size.tooLarge = 'elements';
      if (depth + 1 > size.depth) size.depth = depth + 1;
      if (size.depth > limits.maxDepth) size.tooLarge = 'depth';
    }
    if (size.tooLarge) break;
    if (node.firstChild) {
      depth++;
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    node = !node || node === root ? null : node.nextSibling;
  }
  return size;
}

/** A deadline on a clock; `now` is injectable so the logic is testable without waiting. */
export interface Budget {
  spent(): boolean;
}

export function startBudget(ms: number | null | undefined, now: () => number = () => performance.now()): Budget {
  if (ms == null) return { spent: () => false };
  const end = now() + ms;
  return { spent: () => now() >= end };
}

/**
 * The first `maxWords` words of `text` (counted as countWords counts them), keeping its lines, and how many words
 * the whole text has when it was not clipped (so that the caller need not count them again).
 */
export function clipWords(text: string, maxWords: number): { text: string; clipped: boolean; words?: number } {
  // Most texts are far below the cap: one count says so without splitting them into lines.
  const total = countWords(text);
  if (total <= maxWords) return { text, clipped: false, words: total };
  const lines = text.split('\n');
  const kept: string[] = [];
  let words = 0;
  for (const line of lines) {
    const n = countWords(line);
    if (words + n <= maxWords) {
      kept.push(line);
      words += n;
      continue;
    }
    const head = firstTokens(line, maxWords - words);
    if (head) kept.push(head);
    break;
  }
  return { text: kept.join('\n'), clipped: true };
}

/** The line's leading whitespace-separated tokens holding at most `maxWords` words. */
function firstTokens(line: string, maxWords: number): string {
  const tokens = line.split(/[\s\u00a0]+/).filter(Boolean);
  const out: string[] = [];
  let words = 0;
  for (const token of tokens) {
    const n = countWords(token);
    if (words >= maxWords || words + n > maxWords) break;
    out.push(token);
    words += n;
  }
  return out.join(' ');
}

/**
 * Block-aware plain text of `root` (one line per block, like blockText) that stops after `maxWords` words or
 * `maxChars` characters: the body reader for pages past the limits.
 */
export function firstWordsOf(root: Node, maxWords: number, maxChars = maxWords * 20): { text: string; clipped: boolean } {
  const read = readText(root, { maxWords, maxChars });
  const joined = read.lines.join('\n');
  const clipped = clipWords(joined.length > maxChars ? joined.slice(0, maxChars) : joined, maxWords);
  return { text: clipped.text, clipped: clipped.clipped || joined.length > maxChars || read.clipped };
}

/** What the popup shows when the article text was cut. */
export function clippedNotice(words: number): string {
  return t('readClipped', words.toLocaleString('en-US'));
}
