import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../utils/extract/parse-html';

describe('parsing pages outside the browser', () => {
  it('keeps the page when server warnings are printed before the doctype', () => {
    const doc = parseHtml('<br />\n<b>Warning</b>: something failed<br />\n<!DOCTYPE html>\n<html lang="de"><head><title>Mai</title></head><body><p>Text</p></body></html>');
    expect(doc.documentElement.tagName.toLowerCase()).toBe('html');
    expect(doc.documentElement.getAttribute('lang')).toBe('de');
    expect(doc.title).toBe('Mai');
    expect(doc.body.textContent).toContain('Text');
  });

  it('skips copies of <html> in old conditional comments after leading junk', () => {
    const doc = parseHtml('<style>.x{}</style>\n<!--[if lt IE 9]><html class="old-ie"><![endif]-->\n<html lang="en"><head><title>T</title>' +
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body><p>Body text</p></body></html>');
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelectorAll('script[type="application/ld+json"]').length).toBe(1);
    expect(doc.body.textContent).toContain('Body text');
  });

  it('reads content that a stray element put in the head as the body, as browsers do', () => {
    const doc = parseHtml('<!DOCTYPE html><html><head><title>T</title><meta name="a" content="b"><div id="wrap"><h1>Headline</h1><p>Body text</p></div></head><body><footer>End</footer></body></html>');
    expect(doc.head.querySelector('div')).toBeNull();
    expect(doc.head.querySelector('meta')).not.toBeNull();
    expect(doc.body.querySelector('h1')?.textContent).toBe('Headline');
    expect(doc.body.textContent).toMatch(/Body text[\s\S]*End/);
  });

  it('reads the body when scripts or other elements sit between </head> and <body>, or after </body>, as browsers do', () => {
    const doc = parseHtml('<!DOCTYPE html><html><head><title>T</title></head>\n<script>var a = 1;</script>\n<noscript>No script</noscript>' +
      '<div id="stray">Stray</div><body><h1>Headline</h1><p>Body text</p></body><p id="after">Tail</p></html>');
    expect([...doc.documentElement.children].map((c) => c.tagName.toLowerCase())).toEqual(['head', 'body']);
    expect(doc.head.querySelector('script')?.textContent).toBe('var a = 1;');
    expect(doc.body.querySelector('h1')?.textContent).toBe('Headline');
    expect([...doc.body.children].map((c) => c.id || c.tagName.toLowerCase())).toEqual(['stray', 'h1', 'p', 'after']);
  });

  it('parses an ordinary page as it is', () => {
    const doc = parseHtml('<!-- saved --><!DOCTYPE html><html><head><title>T</title></head><body><h1>H</h1></body></html>');
    expect(doc.title).toBe('T');
    expect(doc.querySelector('h1')?.textContent).toBe('H');
  });

  it('wraps a fragment in a document', () => {
    const doc = parseHtml('<article><h1>Title</h1><p>Body</p></article>');
    expect(doc.documentElement.tagName.toLowerCase()).toBe('html');
    expect(doc.body.querySelector('article p')?.textContent).toBe('Body');
  });
});
