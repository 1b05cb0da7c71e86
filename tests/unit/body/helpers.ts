import { parseHTML } from 'linkedom';

/** A Document from a small hand-written page. */
export function page(html: string): Document {
  return parseHTML(`<!DOCTYPE html><html>${html}</html>`).document as unknown as Document;
}

/** The first element matching `selector` in a page made of `html`. */
export function element(html: string, selector = 'article'): Element {
  const el = page(`<body>${html}</body>`).querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

export const prose = (topic: string, n = 3) =>
  Array.from({ length: n }, (_, i) =>
    `<p>Paragraph ${i + 1} about ${topic}: the council met on Tuesday and argued for a long while about the budget, ` +
    `the new library, the bus lanes and the state of the harbour wall, which has been crumbling for years.</p>`,
  ).join('');
