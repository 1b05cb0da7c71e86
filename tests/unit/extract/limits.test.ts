import { describe, expect, it } from 'vitest';
import { doc } from './helpers';
import { blockText, countWords } from '../../../utils/extract/text';
import { extractDraft } from '../../../utils/extract/extract-draft';
import { EXTRACTION_LIMITS, clipWords, clippedNotice, firstWordsOf, measurePage, startBudget } from '../../../utils/extract/limits';

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');

/** A DOM nested `levels` deep, built node by node as a page script would (parsers stop nesting early). */
function deepDocument(levels: number): Document {
  const d = doc('<body><div id="root"></div></body>');
  let at = d.getElementById('root')!;
  for (let i = 0; i < levels; i++) at = at.appendChild(d.createElement('div'));
  at.appendChild(d.createTextNode('bottom of the well'));
  return d;
}

describe('measurePage', () => {
  it('counts elements, depth and text of an ordinary page and finds it within the limits', () => {
    const size = measurePage(doc('<head><title>T</title></head><body><main><p>one two</p><p>three</p></main></body>').documentElement);
    expect(size.tooLarge).toBeNull();
    expect(size.elements).toBe(6); // head, title, body, main, p, p
    expect(size.depth).toBe(3); // body > main > p
    expect(size.textChars).toBe('T'.length + 'one two'.length + 'three'.length);
  });

  it('stops at the first limit exceeded: elements, text or depth', () => {
    const many = doc(`<body>${'<span>x</span>'.repeat(200)}</body>`);
    expect(measurePage(many.documentElement, { maxElements: 100, maxDepth: 50, maxTextChars: 1e6 })).toMatchObject({ tooLarge: 'elements', elements: 101 });
    const long = doc(`<body><p>${'a'.repeat(5000)}</p></body>`);
    expect(measurePage(long.documentElement, { maxElements: 100, maxDepth: 50, maxTextChars: 1000 }).tooLarge).toBe('text');
    expect(measurePage(deepDocument(60).documentElement, { maxElements: 1000, maxDepth: 50, maxTextChars: 1e6 }).tooLarge).toBe('depth');
  });

  it('walks 20,000 levels of nesting without overflowing the stack', () => {
    const size = measurePage(deepDocument(20_000).documentElement, { ...EXTRACTION_LIMITS, maxDepth: 1e9 });
    expect(size.tooLarge).toBeNull();
    expect(size.depth).toBeGreaterThan(20_000);
  });

  it('leaves the page unchanged', () => {
    const d = doc('<body><p>one</p><div><p>two</p></div></body>');
    const before = d.documentElement.outerHTML;
    measurePage(d.documentElement);
    expect(d.documentElement.outerHTML).toBe(before);
  });
});

describe('startBudget', () => {
  it('is spent once the clock passes the deadline', () => {
    let t = 1000;
    const budget = startBudget(50, () => t);
    expect(budget.spent()).toBe(false);
    t = 1049;
    expect(budget.spent()).toBe(false);
    t = 1050;
    expect(budget.spent()).toBe(true);
  });

  it('is never spent without a budget', () => {
    expect(startBudget(null, () => Number.MAX_SAFE_INTEGER).spent()).toBe(false);
  });
});

describe('clipWords', () => {
  it('keeps text within the limit as it is', () => {
    expect(clipWords('one two\nthree', 3)).toEqual({ text: 'one two\nthree', clipped: false, words: 3 });
  });

  it('keeps whole lines, then the first words of the line that crosses the limit', () => {
    const { text, clipped } = clipWords(`${words(4, 'a')}\n${words(10, 'b')}\n${words(3, 'c')}`, 7);
    expect(clipped).toBe(true);
    expect(text).toBe(`${words(4, 'a')}\n${words(3, 'b')}`);
    expect(countWords(text)).toBe(7);
  });

  it('counts words as the word count does (punctuation is not a word)', () => {
    expect(clipWords('one — two — three', 2)).toEqual({ text: 'one — two', clipped: true });
  });
});

describe('firstWordsOf', () => {
  it('reads the same block-aware text as blockText when under the limit', () => {
    const d = doc('<body><h1>Title here</h1><p>first <b>para</b></p><script>var x = 1</script><ul><li>a</li><li>b</li></ul></body>');
    expect(firstWordsOf(d.body, 100)).toEqual({ text: blockText(d.body), clipped: false });
  });

  it('stops after the first N words of a huge page', () => {
    const d = doc(`<body>${Array.from({ length: 2000 }, (_, i) => `<p>${words(10, `w${i}`)}</p>`).join('')}</body>`);
    const { text, clipped } = firstWordsOf(d.body, 95);
    expect(clipped).toBe(true);
    expect(countWords(text)).toBe(95);
    expect(text.split('\n')[0]).toBe(words(10, 'w0'));
  });

  it('caps one endless line by characters', () => {
    const d = doc(`<body><p>${'x'.repeat(100_000)}</p></body>`);
    const { text, clipped } = firstWordsOf(d.body, 10, 1000);
    expect(clipped).toBe(true);
    expect(text.length).toBeLessThanOrEqual(1000);
  });

  it('reads text 20,000 levels deep without recursion', () => {
    expect(firstWordsOf(deepDocument(20_000).body, 100)).toEqual({ text: 'bottom of the well', clipped: false });
  });
});

describe('extractDraft within the limits', () => {
  const article = (paragraphs: number) =>
    doc(
      `<head><title>A very long report</title></head><body><article><h1>A very long report</h1>` +
        Array.from({ length: paragraphs }, (_, i) => `<p>Paragraph ${i} says ${words(30, 'something')} and ends here.</p>`).join('') +
        `</article></body>`,
    );

  it('keeps an ordinary article whole, without a notice', () => {
    const draft = extractDraft(article(20), { cloneForReadability: false });
    expect(draft.isArticle).toBe(true);
    expect(draft.notice).toBeUndefined();
  });

  it('keeps the first maxWords words of a long article, counts them all, and says so', () => {
    const draft = extractDraft(article(200), { cloneForReadability: false, limits: { ...EXTRACTION_LIMITS, maxWords: 1000 } });
    expect(countWords(draft.text)).toBe(1000);
    expect(draft.wordCount).toBeGreaterThan(6000);
    expect(draft.notice).toBe(clippedNotice(1000));
    expect(draft.notice).toBe('Page too large: clipped the first 1,000 words.');
  });

  it('reads a page past the element limit with the capped walk: title kept, text clipped, no word count', () => {
    const draft = extractDraft(article(200), { cloneForReadability: false, limits: { ...EXTRACTION_LIMITS, maxElements: 100, maxWords: 500 } });
    expect(draft.title).toBe('A very long report');
    expect(draft.text.startsWith('A very long report\nParagraph 0 says')).toBe(true);
    expect(countWords(draft.text)).toBe(500);
    expect(draft.wordCount).toBeNull();
    expect(draft.notice).toBe(clippedNotice(500));
  });

  it('skips Readability once the time budget is spent', () => {
    const draft = extractDraft(article(20), { cloneForReadability: false, budgetMs: 0 });
    expect(draft.wordCount).toBeNull();
    expect(draft.text).toContain('Paragraph 19 says');
    expect(draft.notice).toMatch(/too large/);
  });
});
