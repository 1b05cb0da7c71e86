import { cleanText, squashKey } from './clean';

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

/** Whether a title segment is (a form of) one of the known site names. */
export function isSiteName(segment: string, siteNames: string[]): boolean {
  const key = squashKey(segment);
  if (key.length < 2) return false;
  for (const site of siteNames) {
    const s = squashKey(site);
    if (!s) continue;
    if (key === s) return true;
    // "Weinkenner.de" vs "weinkenner", "TACH!" vs host "guten-tach", "The Guardian" vs "guardian".
    if (s.length >= 4 && key.length >= 4 && (s.includes(key) || key.includes(s)) && Math.min(s.length, key.length) / Math.max(s.length, key.length) >= 0.4)
      return true;
  }
  return false;
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

function join(parts: string[], seps: string[]): string {
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) out += seps[i - 1] + parts[i];
  return out.replace(/[\s|\-–—·•»›~:/]+$/, '').trim();
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
    if (m.startsWith(h) || m.endsWith(h)) return h.length >= 4 ? 0.9 : 0;
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
  label: string;
  value: string | undefined | null;
}

/**
 * The article's title: the visible headline when it agrees with a metadata title (it is what the reader sees,
 * and metadata titles are often longer or truncated), else the first metadata title with the site name removed,
 * else the headline.
 */
export function chooseTitle(candidates: TitleCandidate[], headlines: string[], siteNames: string[]): { title: string; label: string } | null {
  const chosen = chooseTitleFirst(candidates, headlines, siteNames);
  if (!chosen) return null;
  return completeTitle(chosen, candidates, headlines, siteNames);
}

// Words a title does not end on: a title that stops on one was cut short ("Senator calls Biden de").
const DANGLING =
  /(?:^|\s)(?:a|an|the|of|to|for|and|or|in|on|at|by|with|from|as|is|are|was|de|del|la|el|los|las|y|e|o|en|con|por|para|que|un|una|le|les|des|du|et|au|aux|pour|sur|der|die|das|den|dem|des|und|oder|von|vom|zu|zum|zur|mit|im|am|ein|eine|einen|für|auf|il|lo|di|da|dei|della|per|het|een|van|en)$/i;
const OPEN_QUOTES = /["“„«‘‚‹'([]/;
const TITLE_SEPARATOR_START = /^\s*(?:[|\-–—·•»›~:/]{1,2}\s|[|·•»›])/;

/** Whether a title stops inside a quote or mid-phrase. */
function looksCut(title: string, continuation: string): boolean {
  if (OPEN_QUOTES.test(continuation.trimStart()[0] ?? '')) return true;
  const straight = (title.match(/"/g) ?? []).length;
  if (straight % 2 === 1) return true;
  const opens = (title.match(/[“„«]/g) ?? []).length;
  const closes = (title.match(/[”»]/g) ?? []).length;
  if (opens > closes && !/[„]/.test(title)) return true;
  if (/„/.test(title) && (title.match(/„/g) ?? []).length > (title.match(/[“”]/g) ?? []).length) return true;
  if (/[,:;(\-–—]$/.test(title)) return true;
  return DANGLING.test(title);
}

/**
 * A title cut short (an `og:title` ending at a quote mark the page did not escape, "Senator calls Biden de") while
 * the document's `<title>` or the headline holds all of it (site name removed): take the longer one.
 */
function completeTitle(
  chosen: { title: string; label: string },
  candidates: TitleCandidate[],
  headlines: string[],
  siteNames: string[],
): { title: string; label: string } {
  const t = chosen.title.trim();
  if (t.length < 3) return chosen;
  const longer: Array<{ title: string; label: string }> = [
    ...headlines.map((h) => ({ title: h, label: 'page headline' })),
    ...candidates.map((c) => ({ title: stripSiteName(cleanText(c.value ?? ''), siteNames), label: c.label })),
  ];
  for (const l of longer) {
    const full = l.title.trim();
    if (full.length <= t.length || full.length > t.length + 200 || !full.startsWith(t)) continue;
    const rest = full.slice(t.length);
    if (TITLE_SEPARATOR_START.test(rest) || isSiteName(rest, siteNames)) continue;
    // The continuation must start a new word or a quote, not run on inside a word.
    if (/^[\p{L}\p{N}]/u.test(rest) && /[\p{L}\p{N}]$/u.test(t)) continue;
    if (looksCut(t, rest)) return { title: full, label: l.label };
  }
  return chosen;
}

function chooseTitleFirst(candidates: TitleCandidate[], headlines: string[], siteNames: string[]): { title: string; label: string } | null {
  const metas = candidates
    .map((c) => ({ label: c.label, raw: cleanText(c.value ?? '') }))
    .filter((c) => c.raw && c.raw.length >= 2);
  let bestHeadline = '';
  let bestMatch = 0;
  for (const h of headlines) {
    for (const m of metas) {
      const score = Math.max(headlineMatch(h, m.raw), headlineMatch(h, stripSiteName(m.raw, siteNames)));
      if (score > bestMatch) {
        bestMatch = score;
        bestHeadline = h;
      }
    }
  }
  if (bestHeadline && bestMatch >= 0.5) return { title: bestHeadline, label: 'page headline' };
  for (const m of metas) {
    const t = stripSiteName(m.raw, siteNames);
    if (t && !isSiteName(t, siteNames)) return { title: t, label: m.label };
  }
  if (headlines[0]) return { title: headlines[0], label: 'page headline' };
  if (metas[0]) return { title: stripSiteName(metas[0].raw, siteNames), label: metas[0].label };
  return null;
}
