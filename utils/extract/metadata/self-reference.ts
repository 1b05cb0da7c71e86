// A date written beside a mention of the page itself, outside the headline.
import type { SourceResult } from './candidates';
import { boundedText } from '../text';
import { squashKey } from './clean';
import { normaliseDate } from './dates';
import { MODIFIED } from './page-date';
import { attr } from '../elements';

const SELF_SELECTOR = 'a[href], [class*="title"], [class*="headline"], [class*="h1"]';
const MAX_SELF_SCAN = 3_000;
const MAX_SELF_REFS = 12;

function sameAddress(href: string, url: URL): boolean {
  if (!href || href.startsWith('#') || href.startsWith('javascript:')) return false;
  let u: URL;
  try {
    u = new URL(href, url);
  } catch {
    return false;
  }
  const path = (p: string) => p.replace(/\/+$/, '');
  return u.host === url.host && path(u.pathname) === path(url.pathname) && path(url.pathname).length > 1 && u.search === url.search;
}

/**
 * A date written beside a mention of the page itself (a link to its own address, or an element repeating its title)
 * outside the headline: "About this article: <a>Title</a> was published on 19 May 2010" in a sidebar, a sticky
 * header repeating the headline with its `<time>`. A late fallback for pages whose only date sits in a region the
 * page-date source skips.
 */
export function dateBesideSelfReference(
  doc: Document,
  opts: { titles: string[]; url?: string | null; lang?: string | null },
): SourceResult | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  let url: URL | null;
  try {
    url = opts.url ? new URL(opts.url) : null;
  } catch {
    url = null;
  }
  const titleKeys = new Set(opts.titles.map(squashKey).filter((k) => k.length >= 12));
  if (!url && !titleKeys.size) return null;
  // Cheap pre-tests before parsing an address or squashing a text: the page's last path segment, the titles' lengths.
  const segment = url ? (url.pathname.replace(/\/+$/, '').split('/').pop() ?? '') : '';
  const minLen = Math.min(...[...titleKeys].map((k) => k.length));
  const maxLen = Math.max(0, ...opts.titles.map((t) => t.length)) * 2 + 40;
  const els = body.querySelectorAll(SELF_SELECTOR);
  const parents: Element[] = [];
  for (let i = 0; i < els.length && i < MAX_SELF_SCAN && parents.length < MAX_SELF_REFS; i++) {
    const el = els[i];
    let self = false;
    if (el.tagName === 'A' && url && segment) {
      const href = attr(el, 'href');
      self = href.includes(segment) && sameAddress(href, url);
    }
    if (!self && titleKeys.size && el.childElementCount <= 3) {
      const t = el.textContent ?? '';
      self = t.length >= minLen && t.length <= maxLen && titleKeys.has(squashKey(t));
    }
    if (!self) continue;
    const parent = el.parentElement;
    // Not the headline itself: the page-date source has looked there.
    if (!parent || parent.tagName === 'H1' || parents.includes(parent) || el.closest('h1')) continue;
    parents.push(parent);
  }
  for (const parent of parents) {
    if (parent === body || parent.childElementCount > 8) continue;
    const text = boundedText(parent, 400);
    const time = parent.querySelector('time[datetime]');
    const raws = [time ? attr(time, 'datetime') : '', text.length < 400 && !MODIFIED.test(text) ? text : ''];
    for (const raw of raws) {
      if (!raw) continue;
      const value = normaliseDate(raw, { lang: opts.lang });
      if (value) return { label: 'page-self-reference', values: { publishedDate: raw === text ? value : raw } };
    }
  }
  return null;
}
