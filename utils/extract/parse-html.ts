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
  const doc = parseHTML(source).document as unknown as Document;
  moveStraysIntoBody(doc);
  moveContentOutOfHead(doc);
  return doc;
}

const HEAD_TAGS = new Set(['META', 'LINK', 'TITLE', 'STYLE', 'SCRIPT', 'BASE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Browsers end the `<head>` at the first element that does not belong there and read the rest as the body;
 * linkedom keeps it in the head (a stray `<div>` before `<body>` left a whole page there). Move it, as a browser would.
 */
function moveContentOutOfHead(doc: Document): void {
  const head = doc.head;
  const body = doc.body;
  if (!head || !body) return;
  let first: Element | null = null;
  for (let el = head.firstElementChild; el; el = el.nextElementSibling) {
    if (!HEAD_TAGS.has(el.tagName.toUpperCase())) {
      first = el;
      break;
    }
  }
  if (!first) return;
  const moved: Node[] = [];
  for (let n: Node | null = first; n; n = n.nextSibling) moved.push(n);
  const anchor = body.firstChild;
  for (const n of moved) body.insertBefore(n, anchor);
}

/**
 * `</head><script>…</script><body>` leaves the script a child of `<html>` between head and body in linkedom, and
 * its `doc.body`, finding no body right after the head, makes a new empty one there: every query on the body saw
 * an empty page. A browser puts such an element in the head (head elements) or at the start of the body, and
 * anything after `</body>` at its end: do the same, keeping their order.
 */
function moveStraysIntoBody(doc: Document): void {
  const html = doc.documentElement;
  const head = doc.head;
  const body = [...(html?.children ?? [])].find((c) => c.tagName.toUpperCase() === 'BODY');
  if (!html || !head || !body || (head.nextElementSibling === body && !body.nextElementSibling)) return;
  const anchor = body.firstChild;
  let beforeBody = true;
  for (const el of [...html.children]) {
    if (el === body) beforeBody = false;
    if (el === head || el === body) continue;
    if (!beforeBody) body.appendChild(el);
    else if (HEAD_TAGS.has(el.tagName.toUpperCase()) && el.compareDocumentPosition(head) & 2 /* head precedes */) head.appendChild(el);
    else body.insertBefore(el, anchor);
  }
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
