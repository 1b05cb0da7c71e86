// A document's elements by tag name, listed in one walk. Several readers each look for a few tag names (meta,
// script, h1, h2, p); in linkedom (the CLI's DOM) every such lookup walks the whole document, and those walks were a
// large share of what extraction adds to Readability's own time. Browsers answer such look-ups from lists of their
// own, so a live page is looked up tag by tag (see extractDraft).

/**
 * An attribute's value, '' when absent. Read through its node: linkedom answers getAttribute('class') by joining
 * the element's class list anew on every call, which made class tests the costliest part of a walk over the page.
 */
export function attr(el: Element, name: string): string {
  return el.getAttributeNode(name)?.value ?? '';
}

/** The elements with a tag name (lower case), in document order; template content is left out, as querySelectorAll leaves it. */
export type ElementsByTag = (tag: string) => readonly Element[];

/** Looks each tag name up when asked: for a reader used alone. */
export const queryElements =
  (root: ParentNode): ElementsByTag =>
  (tag) =>
    Array.from(root.querySelectorAll(tag));

/** Lists the elements of `root` once, by tag name. A snapshot: it does not follow later changes to the document. */
export function indexElements(root: ParentNode): ElementsByTag {
  const byTag = new Map<string, Element[]>();
  const all = root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    const tag = el.localName;
    const list = byTag.get(tag);
    if (list) list.push(el);
    else byTag.set(tag, [el]);
  }
  return (tag) => byTag.get(tag.toLowerCase()) ?? [];
}
