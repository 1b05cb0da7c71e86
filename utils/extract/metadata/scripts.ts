import type { SourceResult } from './candidates';
import { squashKey } from './clean';
import { normaliseDate } from './dates';

/** Most script text read, over all inline scripts: app state can run to megabytes. */
export const MAX_SCRIPT_CHARS = 200_000;
/** Most publication-date keys looked at. */
const MAX_HITS = 200;
/** How far (characters) from a mention of the page's own title or address a date counts as "next to" it. */
const NEAR = 1_500;

// Keys that name a publication date in inline app state and analytics data. Modification keys ("dateModified",
// "updatedAt", "lastUpdated") are deliberately absent; the look-behind keeps "lastPubDate" or "x_datePublished_old"
// from matching through a longer key.
const KEY =
  /(?<![\w$])["']?(?:datePublished|date_published|datePosted|publishDate|publish_date|publishedDate|published_date|publishedAt|published_at|publishedTime|published_time|publicationDate|publication_date|pubDate|pub_date|firstPublished|first_published|firstPublishedAt|first_published_at|firstPublishedDate|originalPublishDate)["']?\s*[:=]\s*(?:new Date\(\s*)?(["']?)(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{10}(?:\d{3})?)\1(?![\w-])/g;

/** Substrings every key in KEY contains, for a fast first test. */
const QUICK = /ublish|ub_?[dD]ate|atePosted/;

function fromEpoch(digits: string): string | null {
  const n = Number(digits);
  const ms = digits.length === 13 ? n : n * 1000;
  const t = new Date(ms);
  if (Number.isNaN(t.getTime())) return null;
  const year = t.getUTCFullYear();
  if (year < 1995 || ms > Date.now() + 86_400_000) return null;
  return t.toISOString().slice(0, 10);
}

/** Inline (non-JSON-LD) script text of the page, at most `max` characters in all. */
export function inlineScriptText(doc: Document, max = MAX_SCRIPT_CHARS): string[] {
  const out: string[] = [];
  let total = 0;
  const scripts = doc.querySelectorAll('script');
  for (let i = 0; i < scripts.length && total < max; i++) {
    const s = scripts[i];
    if (s.hasAttribute('src')) continue;
    const type = (s.getAttribute('type') ?? '').toLowerCase();
    if (type.includes('ld+json') || /template|html|css|text\/x-/.test(type)) continue;
    const text = s.textContent ?? '';
    if (text.length < 20) continue;
    const piece = text.length > max - total ? text.slice(0, max - total) : text;
    out.push(piece);
    total += piece.length;
  }
  return out;
}

/**
 * A publication date from the page's inline script data (app state, analytics layers): keys such as
 * `datePublished`, `publishDate`, `published_at` with an ISO date or an epoch value. When the scripts hold several
 * different dates (lists of other articles), only one written next to the page's own title or address is taken.
 * A late fallback: nothing a reader sees or metadata states says it.
 */
export function dateFromScripts(doc: Document, opts: { titles?: string[]; url?: string | null } = {}): SourceResult | null {
  const texts = inlineScriptText(doc);
  if (!texts.length) return null;
  const anchors = anchorKeys(opts.titles ?? [], opts.url ?? null);
  const hits: Array<{ day: string; raw: string; distance: number }> = [];
  for (const text of texts) {
    // Cheap literal test first: most scripts hold no publication key at all.
    if (!QUICK.test(text)) continue;
    KEY.lastIndex = 0;
    let anchorPositions: number[] | null = null;
    for (let m = KEY.exec(text); m && hits.length < MAX_HITS; m = KEY.exec(text)) {
      const raw = m[2];
      const day = /^\d{10,13}$/.test(raw) ? fromEpoch(raw) : normaliseDate(raw);
      if (!day) continue;
      anchorPositions ??= findAnchors(text, anchors);
      const at = m.index;
      const distance = Math.min(Infinity, ...anchorPositions.map((p) => Math.abs(p - at)));
      hits.push({ day, raw, distance });
    }
  }
  if (!hits.length) return null;
  // Several different dates (lists of other articles): the one written closest to the page's own title or address.
  const allDays = new Set(hits.map((h) => h.day));
  let chosen: { day: string; raw: string } | undefined;
  const near = hits.filter((h) => h.distance <= NEAR).sort((a, b) => a.distance - b.distance);
  if (near.length && (near.length === 1 || near[0].day === near[1].day || near[0].distance < near[1].distance)) chosen = near[0];
  else if (allDays.size === 1) chosen = hits[0];
  if (!chosen) return null;
  return { label: 'page-scripts', values: { publishedDate: /^\d{10,13}$/.test(chosen.raw) ? chosen.day : chosen.raw } };
}

interface Anchor {
  /** Exact text to look for (the address or its path). */
  plain: string[];
}

function anchorKeys(titles: string[], url: string | null): Anchor {
  const plain: string[] = [];
  for (const t of titles) {
    const s = t.trim();
    // The title's first words, long enough to be specific, short enough to survive escaping in JSON.
    const words = s.split(/\s+/).slice(0, 6).join(' ');
    if (squashKey(words).length >= 12) plain.push(words);
  }
  if (url) {
    try {
      const u = new URL(url);
      if (u.pathname.length >= 12) plain.push(u.pathname);
    } catch {
      // no address to look for
    }
  }
  return { plain: [...new Set(plain)].slice(0, 6) };
}

function findAnchors(text: string, anchors: Anchor): number[] {
  const out: number[] = [];
  for (const a of anchors.plain) {
    let from = 0;
    for (let i = 0; i < 20; i++) {
      const at = text.indexOf(a, from);
      if (at < 0) break;
      out.push(at);
      from = at + a.length;
    }
    // JSON escapes "/" as "\/".
    if (a.startsWith('/')) {
      const escaped = a.replace(/\//g, '\\/');
      const at = text.indexOf(escaped);
      if (at >= 0) out.push(at);
    }
  }
  return out;
}
