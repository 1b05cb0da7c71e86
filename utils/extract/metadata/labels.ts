// Labels in front of a byline or a date: "<strong>Autor:</strong> Jane Doe", "<dt>Datum</dt><dd>3.11.2021</dd>".
import { boundedText, readText } from '../text';

/** Elements that pages use as a label before a value. */
export const LABEL_TAGS = new Set(['STRONG', 'B', 'DT', 'H5', 'H6']);
export const DATE_LABEL = /^(?:datum|date|stand|published|veröffentlicht|erschienen|publiziert|publié(?: le)?|fecha|data|publicado|pubblicato)\s*:?$/i;
export const AUTHOR_LABEL = /^(?:autor(?:in)?|autoren|author|authors|auteur|autore|text|texte|texto|von|by|written by|verfasser(?:in)?|redaktion|reporter)\s*:?$/i;

// Headings that title a block of the article's authors ("<h3>Authors</h3><div>Jane Doe, Senior Fellow</div>").
const HEADING_LABEL_TAGS = new Set(['H2', 'H3', 'H4']);
const AUTHOR_HEADING =
  /^(?:authors?|experts?|contributors?|written by|about the authors?|autor(?:in|en)?|über (?:den|die) autor(?:in|en)?|auteurs?|à propos de l['’]auteur|autores?|sobre (?:el|los) autor(?:es)?)\s*:?$/i;
const MAX_HEADING_CHARS = 40;

/** A heading (h2–h4) whose whole text is such a label: the blocks after it name the authors. */
export function isAuthorHeading(el: Element): boolean {
  if (!HEADING_LABEL_TAGS.has(el.tagName)) return false;
  const t = (el.textContent ?? '').trim();
  return t.length < MAX_HEADING_CHARS && AUTHOR_HEADING.test(t);
}

/** Blocks read after such a heading, at most, up to the next heading. */
const MAX_BLOCKS_UNDER_HEADING = 3;

/** The text of the blocks under an author heading, a line per block, name and role apart. */
export function textUnderHeading(h: Element): string {
  const lines: string[] = [];
  let n = 0;
  for (let el = h.nextElementSibling; el && n < MAX_BLOCKS_UNDER_HEADING && !/^H[1-6]$/.test(el.tagName); el = el.nextElementSibling, n++) {
    lines.push(...readText(el, { maxChars: 300, gluedItemLines: true }).lines);
  }
  return lines.join('\n').slice(0, 300);
}

/** Values after one `<dt>` label, at most ("<dt>Authors</dt><dd>Jane Doe</dd><dd>John Roe</dd>"). */
const MAX_TERM_VALUES = 6;

/**
 * The text right after a label element, up to a line break or the next label; after a `<dt>`, its values (the `<dd>`
 * elements up to the next term), a line each.
 */
export function textAfterLabel(el: Element): string {
  if (el.tagName === 'DT') {
    const values: string[] = [];
    for (let dd = el.nextElementSibling; dd && dd.tagName === 'DD' && values.length < MAX_TERM_VALUES; dd = dd.nextElementSibling) {
      const text = boundedText(dd, 150).replace(/[\s\u00a0]+/g, ' ').trim();
      if (text) values.push(text);
    }
    if (values.length) return values.join('\n');
  }
  let out = '';
  let node: Node | null = el.nextSibling;
  if (!node && el.tagName === 'DT') node = el.nextElementSibling;
  for (let i = 0; node && i < 8 && out.length < 150; i++, node = node.nextSibling) {
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (tag === 'BR' || LABEL_TAGS.has(tag) || /^(?:P|DIV|UL|OL|TABLE|H[1-4])$/.test(tag)) break;
      out += ` ${boundedText(node as Element, 150)} `;
    }
  }
  return out.replace(/[\s\u00a0]+/g, ' ').trim();
}
