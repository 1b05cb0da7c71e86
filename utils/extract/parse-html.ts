import { parseHTML } from 'linkedom';

// Anything before the document proper: a BOM, whitespace, comments, a doctype.
const DOCUMENT_START = /^(?:\uFEFF|\s|<!--[\s\S]*?-->|<!doctype[^>]*>)*<html[\s>]/i;
const HTML_TAG = /<html[\s>]/gi;

/**
 * Parse a page's HTML into a Document outside the browser (CLI, benchmarks), with linkedom.
 *
 * Browsers tolerate junk before `<html>` (server warnings printed ahead of the page) and fragments
 * without one; linkedom would make the first stray element the document element and lose the page.
 * So stray leading content is dropped when an `<html>` element follows, and a fragment is wrapped.
 */
export function parseHtml(html: string): Document {
  let source = html;
  if (!DOCUMENT_START.test(source)) {
    const at = firstHtmlTag(source);
    source = at > 0 ? source.slice(at) : `<!doctype html><html><head></head><body>${source}</body></html>`;
  }
  return parseHTML(source).document as unknown as Document;
}

/** Where the first `<html>` tag outside a comment starts (old IE conditional comments hold copies), or -1. */
function firstHtmlTag(source: string): number {
  for (const m of source.slice(0, 2_000_000).matchAll(HTML_TAG)) {
    const before = source.slice(0, m.index);
    const open = before.lastIndexOf('<!--');
    if (open < 0 || before.indexOf('-->', open) >= 0) return m.index;
  }
  return -1;
}
