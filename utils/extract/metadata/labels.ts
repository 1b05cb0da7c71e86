// Labels in front of a byline or a date: "<strong>Autor:</strong> Jane Doe", "<dt>Datum</dt><dd>3.11.2021</dd>".
import { boundedText } from '../text';

/** Elements that pages use as a label before a value. */
export const LABEL_TAGS = new Set(['STRONG', 'B', 'DT', 'H5', 'H6']);
export const DATE_LABEL = /^(?:datum|date|stand|published|veröffentlicht|erschienen|publiziert|publié(?: le)?|fecha|data|publicado|pubblicato)\s*:?$/i;
export const AUTHOR_LABEL = /^(?:autor(?:in)?|autoren|author|authors|auteur|autore|text|texte|texto|von|by|written by|verfasser(?:in)?|redaktion|reporter)\s*:?$/i;

/** The text right after a label element, up to a line break or the next label. */
export function textAfterLabel(el: Element): string {
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
