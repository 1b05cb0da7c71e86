import { describe, expect, it } from 'vitest';
import { doc } from './helpers';
import { boundedText, readText } from '../../../utils/extract/text';
import { textAround } from '../../../utils/extract/metadata/page-date';

describe('the DOM text walker', () => {
  it('breaks lines at blocks, and at SPAN and TIME only when reading metadata', () => {
    const d = doc('<body><div class="meta"><span>By Jane Doe</span><time>4 May 2021</time></div><p>Body <b>text</b></p></body>');
    expect(readText(d.body).lines).toEqual(['By Jane Doe4 May 2021', 'Body text']);
    expect(readText(d.body, { itemLines: true }).lines).toEqual(['By Jane Doe', '4 May 2021', 'Body text']);
  });

  it('breaks the line between items glued together by markup alone, when asked, not inside a word', () => {
    const d = doc('<body><div><a href="/p/jd">Jane Doe</a><span>Senior Fellow</span></div><p>Mc<b>Donald</b> and <i>Ann</i> Lee</p></body>');
    expect(readText(d.body).lines).toEqual(['Jane DoeSenior Fellow', 'McDonald and Ann Lee']);
    expect(readText(d.body, { gluedItemLines: true }).lines).toEqual(['Jane Doe', 'Senior Fellow', 'McDonald and Ann Lee']);
  });

  it('stops at a character budget and says it was clipped', () => {
    const d = doc(`<body>${'<p>twelve chars</p>'.repeat(50)}</body>`);
    const r = readText(d.body, { maxChars: 40 });
    expect(r.clipped).toBe(true);
    expect(r.lines.length).toBeLessThan(5);
    expect(boundedText(d.body, 40).length).toBeLessThanOrEqual(40);
  });

  it('reads what follows a node, skipping and stopping where told', () => {
    const d = doc('<body><header><h1>Headline</h1><p>Stand: 12.11.2021</p></header><nav>Home</nav><p>First paragraph</p><h2>Next section</h2><p>Later</p></body>');
    const h1 = d.querySelector('h1')!;
    const r = readText(d.body, { after: h1, skip: (el) => el.tagName === 'NAV', stop: (el) => el.tagName === 'H2' });
    expect(r).toEqual({ lines: ['Stand: 12.11.2021', 'First paragraph'], clipped: false });
    expect(textAround(h1, 700)).toBe('Stand: 12.11.2021 | First paragraph');
  });

  it('does not read the text after the headline when it opens with a modification date', () => {
    const d = doc('<body><h1>Headline</h1><p>Updated 3 May 2021</p><p>Body</p></body>');
    expect(textAround(d.querySelector('h1')!, 700)).toBe('');
  });
});
