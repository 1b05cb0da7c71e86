// Block-aware plain text and word counting. Readability's textContent glues adjacent blocks together
// ("ipsumdolor"), which breaks both the text and the word count, so we walk the DOM ourselves.

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT']);

/** Whether an element (upper-case tag name) starts a line of its own in the text: a block, or a `<br>`. */
export const isBlockTag = (tag: string) => BLOCK_TAGS.has(tag);

// Soft hyphens, zero-width spaces, word joiners and byte-order marks: invisible when rendered, but they
// split words for search and matching ("mit\u00adtel\u00adal\u00adter").
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;
// Inline elements that themes set side by side as separate items ("<span>Jane Doe</span><time>4 May</time>"):
// a line of their own when reading metadata, not when reading an article body.
const ITEM_TAGS = new Set(['SPAN', 'TIME']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export interface TextOptions {
  /** Stop once this many characters of text are read (the last line may run past; callers cut it). */
  maxChars?: number;
  /** Stop once more than this many words are read (whole lines, as countWords counts them). */
  maxWords?: number;
  /** Stop after visiting this many nodes. */
  maxNodes?: number;
  /** Read what follows this node in document order, up to the end of `root`, instead of what is inside `root`. */
  after?: Node;
  /** Elements whose content is not read (beyond scripts, styles and the like). */
  skip?: (el: Element) => boolean;
  /** The walk ends at the first such element. */
  stop?: (el: Element) => boolean;
  /** Also break lines at SPAN and TIME (metadata blocks), not only at block elements. */
  itemLines?: boolean;
  /**
   * Also break the line where one element's text ends in a lower-case letter and the next element's starts with a
   * capital, nothing between, after a line of two words or more ("<a>Jane Doe</a><span>Senior Fellow</span>"):
   * items a theme sets apart by style.
   */
  gluedItemLines?: boolean;
}

export interface TextRead {
  /** One line per block, whitespace collapsed, invisible characters dropped, empty lines left out. */
  lines: string[];
  /** Whether a limit ended the walk before the end of what was to be read. */
  clipped: boolean;
}

/**
 * The one DOM text walker: block-aware plain text of `root`, read by a single non-recursive walk (deep
 * nesting cannot overflow the stack) that stops at the limits given.
 */
export function readText(root: Node, options: TextOptions = {}): TextRead {
  const { maxChars = Infinity, maxWords = Infinity, maxNodes = Infinity, skip, stop, itemLines = false, gluedItemLines = false } = options;
  const countingWords = Number.isFinite(maxWords);
  const lines: string[] = [];
  let current = '';
  let chars = 0;
  let words = 0;
  let nodes = 0;
  // Whether an element starts or ends between the last text read and the next.
  let crossed = false;
  const flush = () => {
    const line = current.replace(INVISIBLE, '').replace(/[\s\u00a0]+/g, ' ').trim();
    current = '';
    if (!line) return;
    lines.push(line);
    chars += line.length;
    if (countingWords) words += countWords(line);
  };
  const breaks = (n: Node) => {
    if (n.nodeType !== ELEMENT_NODE) return false;
    const tag = (n as Element).tagName.toUpperCase();
    return BLOCK_TAGS.has(tag) || (itemLines && ITEM_TAGS.has(tag));
  };
  const nextAfter = (from: Node): Node | null => {
    let n: Node | null = from;
    if (from.nodeType === ELEMENT_NODE) crossed = true;
    while (n && n !== root && !n.nextSibling) {
      n = n.parentNode;
      crossed = true;
      if (n && n !== root && breaks(n)) flush();
    }
    return !n || n === root ? null : n.nextSibling;
  };
  let node: Node | null = options.after ? nextAfter(options.after) : root.firstChild;
  while (node) {
    if (chars + current.length > maxChars || words > maxWords || nodes++ >= maxNodes) break;
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      // Only after words of their own ("Jane Doe"): "Mc<b>Donald</b>" is one name.
      if (gluedItemLines && crossed && /\p{Ll}$/u.test(current) && /^\p{Lu}/u.test(value) && /\S\s+\S/.test(current)) flush();
      crossed = false;
      current += value;
      if (current.length > maxChars) flush();
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (stop?.(el)) {
        node = null;
        break;
      }
      if (!SKIP_TAGS.has(el.tagName.toUpperCase()) && !skip?.(el)) {
        if (breaks(el)) flush();
        descend = true;
        crossed = true;
      }
    }
    node = descend && node.firstChild ? node.firstChild : nextAfter(node);
  }
  flush();
  return { lines, clipped: node !== null };
}

/** Plain text of an element: one line per block element, whitespace collapsed, empty lines dropped. */
export function blockText(root: Node): string {
  return readText(root).lines.join('\n');
}

/** The first `max` characters of an element's text, a line per block and per SPAN or TIME: for metadata blocks. */
export function boundedText(root: Element, max = 600): string {
  return readText(root, { maxChars: max, itemLines: true }).lines.join('\n').slice(0, max);
}

// Scripts written without spaces between words: count them with a word segmenter.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}ー]+/gu;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

let segmenter: Intl.Segmenter | null = null;
function countSegmentedWords(run: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let n = 0;
  for (const s of segmenter.segment(run)) if (s.isWordLike) n++;
  return n;
}

/**
 * Words as a word processor counts them: whitespace-separated tokens that hold a letter or digit
 * ("well-known" and "U.S." are one word each, a lone "—" is none); runs of Chinese, Japanese, Thai and
 * similar scripts are counted with Intl.Segmenter.
 */
export function countWords(text: string): number {
  if (!text) return 0;
  let n = 0;
  const spaced = UNSPACED.test(text)
    ? text.replace(UNSPACED_RUN, (run) => {
        n += countSegmentedWords(run);
        return ' ';
      })
    : text;
  for (const token of spaced.split(/[\s\u00a0]+/)) if (token && HAS_WORD_CHAR.test(token)) n++;
  return n;
}
