import { describe, expect, it } from 'vitest';
import { doc } from './helpers';
import { attr, indexElements, queryElements } from '../../../utils/extract/elements';
import { extractDraft } from '../../../utils/extract/extract-draft';

const page = () =>
  doc(
    '<head><meta name="a" content="1"><script type="application/ld+json">{}</script></head>' +
      '<body><h1 id="h">Title</h1><p id="p1">One</p><div><p id="p2">Two <b>bold</b></p></div>' +
      '<template><p id="inert">Not shown</p><h1>Not shown</h1></template><P id="p3">Three</P></body>',
  );

describe('indexElements', () => {
  it('lists elements by tag name in document order, as the per-tag lookup does', () => {
    const d = page();
    const index = indexElements(d);
    const query = queryElements(d);
    for (const tag of ['p', 'h1', 'meta', 'script', 'b', 'div']) {
      expect(index(tag).map((el) => el.id || el.tagName)).toEqual(query(tag).map((el) => el.id || el.tagName));
    }
    expect(index('p').map((el) => el.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('leaves template content out and answers an unknown or upper-case tag name', () => {
    const index = indexElements(page());
    expect(index('p').some((el) => el.id === 'inert')).toBe(false);
    expect(index('h1')).toHaveLength(1);
    expect(index('P')).toHaveLength(3);
    expect(index('video')).toEqual([]);
  });

  it('is a snapshot: the document extracted with and without its own Readability copy gives the same draft', () => {
    const html =
      '<head><title>A harbour wall - Gazette</title><meta property="og:title" content="A harbour wall"></head><body><article><h1>A harbour wall</h1>' +
      '<p class="lede">The council met on Tuesday and agreed to repair the harbour wall before the winter storms arrive.</p>' +
      `${'<p>The work will take six months, and the harbour will stay open while it is done, the council said.</p>'.repeat(8)}</article></body>`;
    const copied = extractDraft(doc(html), { url: 'https://example.org/harbour' });
    const own = extractDraft(doc(html), { url: 'https://example.org/harbour', cloneForReadability: false });
    expect(own).toEqual(copied);
    expect(own.text).toContain('repair the harbour wall');
  });
});

describe('attr', () => {
  it('reads an attribute as getAttribute does, and "" when it is absent', () => {
    const el = doc('<body><div class="byline author" data-x="">x</div></body>').querySelector('div')!;
    expect(attr(el, 'class')).toBe(el.getAttribute('class'));
    expect(attr(el, 'class')).toBe('byline author');
    expect(attr(el, 'data-x')).toBe('');
    expect(attr(el, 'id')).toBe('');
  });
});
