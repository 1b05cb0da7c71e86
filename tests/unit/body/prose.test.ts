import { describe, expect, it } from 'vitest';
import { mostProse, outweighs, proseChars } from '../../../utils/extract/body/prose';
import { runReadability } from '../../../utils/extract/readability';
import { element, page, prose } from './helpers';

const row = (i: number) => `<tr><td>Constituency ${i}, North, East, South, West, Upper, Lower</td><td>Member ${i}, Esq., MP, of the House, re-elected</td><td>member${i}@example.org, office, phone, fax</td></tr>`;

describe('the prose container: a second opinion on the article element', () => {
  it('finds the element whose paragraphs hold the most prose', () => {
    const d = page(`<body><div id="side"><p>Short label</p></div><div id="story">${prose('the harbour', 8)}</div><div id="other">${prose('bus lanes', 2)}</div></body>`);
    expect(mostProse(d)?.element.getAttribute('id')).toBe('story');
  });

  it('does not count hidden paragraphs, list items, table cells or a paragraph without sentences', () => {
    const names = Array.from({ length: 400 }, (_, i) => `reader${i}`).join(', ');
    const d = page(`<body><div id="a" style="display: none">${prose('hidden things', 8)}</div><div id="b"><p hidden>${'Hidden. '.repeat(300)}</p></div>` +
      `<ul id="c">${Array.from({ length: 8 }, () => `<li><p>${'A list item with a sentence in it. '.repeat(6)}</p></li>`).join('')}</ul>` +
      `<div id="d"><p>${names}</p></div></body>`);
    expect(mostProse(d)).toBeNull();
  });

  it('outweighs a choice with little prose, not one with as much', () => {
    const article = element(`<article>${prose('the harbour', 8)}</article>`);
    const block = { element: article, chars: proseChars(article) };
    expect(outweighs(block, element(`<article><table>${row(1)}</table><p>Contact us.</p></article>`))).toBe(true);
    expect(outweighs(block, element(`<article>${prose('the harbour', 6)}</article>`))).toBe(false);
  });

  it('outweighs a choice with exactly half its prose, not one with more (the count may stop early)', () => {
    const chosen = element(`<article>${prose('the harbour', 4)}</article>`);
    const half = proseChars(chosen);
    expect(proseChars(chosen, 0)).toBeLessThan(half);
    const other = element('<article></article>');
    expect(outweighs({ element: other, chars: 2 * half }, chosen)).toBe(true);
    expect(outweighs({ element: other, chars: 2 * half - 1 }, chosen)).toBe(false);
  });

  it('replaces Readability\'s choice when a long table outscores the article\'s paragraphs', () => {
    const d = page(`<head><title>Harbour</title></head><body><div class="content"><table>${Array.from({ length: 300 }, (_, i) => row(i)).join('')}</table></div>` +
      `<div class="story">${Array.from({ length: 12 }, (_, i) => `<p>Paragraph ${i} of the story: the council met and talked about the harbour wall for hours, which was new.</p>`).join('')}</div></body>`);
    const text = runReadability(d)?.text ?? '';
    expect(text).toContain('Paragraph 11 of the story');
    expect(text).not.toContain('Constituency 0');
  });
});
