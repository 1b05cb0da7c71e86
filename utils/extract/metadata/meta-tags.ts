import { queryElements, type ElementsByTag } from '../elements';

/** Longest meta value we read: a hostile page can put megabytes in a content attribute. */
const MAX_META_VALUE = 5_000;

/**
 * All `<meta>` tags of a document, indexed by lower-cased `name`, `property`, `itemprop` or `http-equiv`
 * (space-separated property lists count for each entry), in document order.
 */
export class MetaIndex {
  private readonly map = new Map<string, string[]>();

  constructor(doc: Document, elements: ElementsByTag = queryElements(doc)) {
    for (const el of elements('meta')) {
      const raw = el.getAttribute('content') ?? el.getAttribute('value');
      if (raw == null) continue;
      const value = raw.slice(0, MAX_META_VALUE).replace(/[\s\u00a0]+/g, ' ').trim();
      if (!value) continue;
      const keys = [el.getAttribute('name'), el.getAttribute('property'), el.getAttribute('itemprop'), el.getAttribute('http-equiv')];
      for (const attr of keys) {
        if (!attr) continue;
        for (let key of attr.toLowerCase().split(/\s+/)) {
          if (!key) continue;
          // "dc:creator" and "DC.creator" are the same tag.
          if (/^(?:dc|dcterms|prism|citation):/.test(key)) key = key.replace(':', '.');
          const list = this.map.get(key);
          if (list) list.push(value);
          else this.map.set(key, [value]);
        }
      }
    }
  }

  /** First value of the first key that has one. */
  first(...keys: string[]): string | undefined {
    for (const k of keys) {
      const v = this.map.get(k);
      if (v?.length) return v[0];
    }
    return undefined;
  }

  /** Every value of every key given, in key order. */
  all(...keys: string[]): string[] {
    const out: string[] = [];
    for (const k of keys) out.push(...(this.map.get(k) ?? []));
    return out;
  }
}
