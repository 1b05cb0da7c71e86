// Block-aware plain text and word counting. Readability's textContent glues adjacent blocks together
// ("ipsumdolor"), which breaks both the text and the word count, so we walk the DOM ourselves.

export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL',
]);
export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT']);

// Soft hyphens, zero-width spaces, word joiners and byte-order marks: invisible when rendered, but they
// split words for search and matching ("mit\u00adtel\u00adal\u00adter").
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Plain text of an element: one line per block element, whitespace collapsed, empty lines dropped. */
export function blockText(root: Node): string {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(INVISIBLE, '').replace(/[\s\u00a0]+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        current += child.nodeValue ?? '';
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIP_TAGS.has(tag)) continue;
        if (BLOCK_TAGS.has(tag)) {
          flush();
          walk(child);
          flush();
        } else {
          walk(child);
        }
      }
    }
  };
  walk(root);
  flush();
  return lines.join('\n');
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
