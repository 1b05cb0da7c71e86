import { cleanText, squashKey } from './clean';
import { isSiteName } from './site-name';
import type { SourceId } from '../sources';

// Separators between a title and a site name: "Title | Site", "Site - Title", "Title – Site", "Title » Site".
const SEPARATOR = /\s+[|\-–—·•»›~:/]{1,2}\s+|\s*[|·•»›]\s*/;
const SEPARATOR_G = new RegExp(SEPARATOR.source, 'g');

function splitSegments(title: string): { parts: string[]; seps: string[] } {
  const parts: string[] = [];
  const seps: string[] = [];
  let last = 0;
  for (const m of title.matchAll(SEPARATOR_G)) {
    parts.push(title.slice(last, m.index));
    seps.push(m[0]);
    last = m.index! + m[0].length;
  }
  parts.push(title.slice(last));
  return { parts, seps };
}

/**
 * Remove the site name from a title: `Title | Site`, `Site - Title`, `Title – Site – Tagline`, using the known
 * publisher, og:site_name and host names. A title that is only the site name is left as it is.
 */
export function stripSiteName(title: string, siteNames: string[]): string {
  const t = cleanText(title);
  if (!t) return t;
  const { parts, seps } = splitSegments(t);
  if (parts.length < 2) return t;
  const n = parts.length;
  // Site name at the end (possibly followed by a tagline): drop it and what follows.
  for (let i = n - 1; i >= 1; i--) {
    if (isSiteName(parts[i], siteNames) && i >= n - 2) {
      const kept = join(parts.slice(0, i), seps);
      if (kept.length >= 3) return kept;
    }
  }
  // Site name first: "Site - Title", "Site: Title".
  if (isSiteName(parts[0], siteNames)) {
    const kept = join(parts.slice(1), seps.slice(1));
    if (kept.length >= 3) return kept;
  }
  return t;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
/** A trailing segment this short names a site, a section or a tagline rather than continuing the title... */
const MAX_NAME_WORDS = 4;
/** ...when what is left before it is a title of this many words at least. */
const MIN_TITLE_WORDS = 3;

/**
 * "Headline - Section - Site" with names we do not know: the short trailing segments dropped, as Readability does
 * with the document's <title>. Stated titles (og:title, JSON-LD) are left alone: they seldom carry a site name, and
 * a trailing "-- SHOCKING" there is part of the title.
 */
function withoutTrailingNames(title: string): string {
  const { parts, seps } = splitSegments(title);
  let n = parts.length;
  while (n >= 2 && words(parts[n - 1]) <= MAX_NAME_WORDS && words(join(parts.slice(0, n - 1), seps)) >= MIN_TITLE_WORDS) n--;
  return n === parts.length ? title : join(parts.slice(0, n), seps);
}

function join(parts: string[], seps: string[]): string {
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) out += seps[i - 1] + parts[i];
  return out.replace(/[\s|\-–—·•»›~:/]+$/, '').trim();
}

/** Whether a heading is a title or one of its separator-delimited segments, whole ("Headline" in "Headline | Site"). */
export function isTitleSegment(heading: string, title: string): boolean {
  const key = squashKey(heading);
  return !!key && (key === squashKey(title) || splitSegments(title).parts.some((p) => squashKey(p) === key));
}

const tokens = (s: string) => new Set(s.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * How well a visible headline matches a metadata title: 1 when equal, high when one is a segment of the other
 * ("Headline – Teaser" vs "Headline") or the words largely agree; 0 when unrelated.
 */
export function headlineMatch(headline: string, metaTitle: string): number {
  const h = squashKey(headline);
  const m = squashKey(metaTitle);
  if (!h || !m) return 0;
  if (h === m) return 1;
  if (m.includes(h)) {
    // The meta title is the headline plus something (site name, section, teaser).
    // The more of it the headline covers, the likelier it is the title and not the section ("Section - Title").
    if (m.startsWith(h) || m.endsWith(h)) return h.length >= 4 ? 0.6 + 0.3 * (h.length / m.length) : 0;
    return h.length / m.length >= 0.4 ? 0.8 : 0;
  }
  if (h.includes(m)) return m.length / h.length >= 0.4 ? 0.85 : 0; // meta title truncated
  const ta = tokens(headline);
  const tm = tokens(metaTitle);
  let hit = 0;
  for (const t of ta) if (tm.has(t)) hit++;
  const jaccard = hit / (ta.size + tm.size - hit || 1);
  return jaccard >= 0.5 ? 0.5 + jaccard / 4 : 0;
}

export interface TitleCandidate {
  label: SourceId;
  value: string | undefined | null;
}

/**
 * The article's title: the visible headline when it agrees with a metadata title (it is what the reader sees,
 * and metadata titles are often longer or truncated); failing that, a second-level heading that agrees closely
 * (templates that keep the `<h1>` for the section); failing that, the page's one headline-like `<h1>`; else the
 * first metadata title with the site name removed (from the document's `<title>`, also short trailing segments that
 * name a site or section we do not know), else the headline.
 */
export function chooseTitle(
  candidates: TitleCandidate[],
  headlines: string[],
  siteNames: string[],
  subheads: string[] = [],
  standalone: string | null = null,
): { title: string; label: SourceId } | null {
  const metas = candidates
    .map((c) => ({ label: c.label, raw: cleanText(c.value ?? '') }))
    .filter((c) => c.raw && c.raw.length >= 2);
  let best = '';
  let bestMatch = 0;
  // Metadata titles in order of trust: on a tie, the headline that matches the article's stated title (og:title,
  // JSON-LD headline) wins over one that matches the document's <title>, which often names the section.
  for (const m of metas) {
    for (const h of headlines) {
      const score = Math.max(headlineMatch(h, m.raw), headlineMatch(h, stripSiteName(m.raw, siteNames)));
      if (score > bestMatch) {
        bestMatch = score;
        best = h;
      }
    }
  }
  if (best && bestMatch >= 0.5) return { title: best, label: 'page-headline' };
  // An <h2> counts only when it is a metadata title or one of its segments, whole ("Headline | Section | Site").
  for (const m of metas) {
    const h = subheads.find((s) => isTitleSegment(s, m.raw));
    if (h) return { title: h, label: 'page-headline' };
  }
  if (standalone) return { title: standalone, label: 'page-headline' };
  for (const m of metas) {
    let t = stripSiteName(m.raw, siteNames);
    if (m.label === 'page-title') t = withoutTrailingNames(t);
    if (t && !isSiteName(t, siteNames)) return { title: t, label: m.label };
  }
  if (headlines[0]) return { title: headlines[0], label: 'page-headline' };
  if (metas[0]) return { title: stripSiteName(metas[0].raw, siteNames), label: metas[0].label };
  return null;
}

/**
 * The site's name as the page's `<title>` writes it beside the headline ("Headline | Example Institute" on
 * institute.example): the first or last segment, when it is a form of one of the host's names. Better text for the
 * publisher than the bare host; null when no segment names the host.
 */
export function siteNameFromTitle(title: string, hostNames: string[]): string | null {
  const { parts } = splitSegments(cleanText(title, 400));
  if (parts.length < 2 || !hostNames.length) return null;
  for (const part of [parts[parts.length - 1], parts[0]]) {
    const seg = part.trim();
    if (seg.length >= 2 && seg.split(/\s+/).length <= 5 && isSiteName(seg, hostNames)) return seg;
  }
  return null;
}
