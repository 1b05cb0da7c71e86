import { parseHTML } from 'linkedom';

// Anything before the document proper: a BOM, whitespace, comments, a doctype.
const DOCUMENT_START = /^(?:\uFEFF|\s|<!--[\s\S]*?-->|<!doctype[^>]*>)*<html[\s>]/i;
const HTML_TAG = /<html[\s>]/i;

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
    const at = source.search(HTML_TAG);
    source = at > 0 ? source.slice(at) : `<!doctype html><html><head></head><body>${source}</body></html>`;
  }
  return parseHTML(source).document as unknown as Document;
}
