import type { Author } from '../record/schema';
import { isPlausibleName, parseByline } from '../extract/metadata/byline';
import { cleanText, squashKey } from '../extract/metadata/clean';
import type { PdfLine } from './lines';
import { joinLines } from './layout';

// Affiliation and footnote marks: digits, letters a–h, and the usual symbols. "ID" is an ORCID icon's text.
const MARK = /^[\s,]*(?:\d{1,2}|[a-h]|[*†‡§¶#✉])(?:\s*,\s*(?:\d{1,2}|[a-h]|[*†‡§¶#✉]))*[\s,]*$/;
const ICON_TEXT = /^\s*(?:ID|iD|orcid)\s*,?\s*$/i;
// Where the title block ends and the text begins.
const SECTION = /^(?:\d+\.?\s+)?(?:abstract|summary|executive\s+summary|introduction|keywords?|key\s*words|contents|table\s+of\s+contents|background|overview|preface|foreword|résumé|zusammenfassung)\b/i;
const NAME_SEPARATORS = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*/;
// Job titles that follow a name in a report's author notes ("Corrie E. Clark, Specialist in Energy Policy").
export const ROLE_START =
  /^(?:(?:senior|junior|principal|chief|deputy|assistant|associate|visiting|adjunct|lead|legislative|research|policy|program|programme|postdoctoral|distinguished|nonresident|non-resident|resident|reference|information|staff|managing|executive|contributing|general|international|economic|foreign|affairs|health|data|digital|communications)\s+)*(?:specialist|analyst|attorney|fellow|director|professor|lecturer|economist|consultant|coordinator|manager|head|librarian|editor|chair|president|officer|advis[eo]r|scientist|engineer|researcher|student|associate|assistant|counsel|section\s+research\s+manager|information\s+research\s+specialist|partner|expert)\b/i;

export interface AuthorBlock {
  authors: Author[];
  /** The lines the block was read from (names and affiliations), so other readers can skip them. */
  lines: PdfLine[];
}

const isMarkSegment = (s: { text: string; sup: boolean }, next?: { font: string }, font?: string) =>
  (s.sup && (MARK.test(s.text) || ICON_TEXT.test(s.text))) || (!s.sup && MARK.test(s.text) && /\d/.test(s.text) && s.text.trim().length <= 3 && !!next && next.font !== font);

/** Whether a line starts with an affiliation mark ("¹Department of …", "1 Netherlands eScience Center"). */
function startsWithMark(line: PdfLine): boolean {
  const [first, second] = line.segments;
  if (!first) return false;
  if (first.sup && MARK.test(first.text)) return true;
  return !!second && MARK.test(first.text) && /\d/.test(first.text) && first.text.trim().length <= 2 && first.font !== second.font;
}

const marksOf = (text: string) => text.split(',').map((m) => m.trim()).filter((m) => m && !ICON_TEXT.test(m));

/** A line of names: short parts that each look like a name (or a name broken over two lines), no sentence. */
function looksLikeNames(line: PdfLine): boolean {
  const text = line.text.replace(/\s+(?:ID|iD)\b/g, '');
  if (!text || text.length > 250 || /[.!?:]$/.test(text) && !/\b\p{Lu}\.$/u.test(text)) return false;
  if (/@|https?:|\d|[()“”"«»]/.test(text)) return false;
  const words = text.replace(/[,;&]/g, ' ').split(/\s+/).filter(Boolean);
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !/^(?:and|und|et|y|van|von|der|den|de|da|di|du|le|la|del|della|dos|das|ter|ten|bin|al|el)$/.test(w));
  if (!words.length || lower.length > words.length * 0.15) return false;
  // Most parts are whole names (the first and last may be a name broken over two lines).
  const parts = text.split(NAME_SEPARATORS).map((p) => p.trim()).filter(Boolean);
  // The first and last part may be a name broken over two lines ("…, Dafne van" / "Kuppevelt, …").
  const inner = parts.length > 2 ? parts.slice(1, -1) : [];
  return inner.every((p) => plausible(p, [])) && (parts.some((p) => plausible(p, [])) || parts.every((p) => p.split(/\s+/).length <= 3));
}

interface NamePart {
  name: string;
  marks: string[];
}

/** Names and their marks from the author lines: superscripts stay attached to the name before them. */
function namesWithMarks(lines: PdfLine[]): NamePart[] {
  // Marks become placeholders so that their commas do not split names.
  const marks: string[] = [];
  const pieces: string[] = [];
  for (const line of lines) {
    let s = '';
    line.segments.forEach((seg, i) => {
      if (isMarkSegment(seg, line.segments[i + 1], line.font) && (seg.sup || i > 0)) {
        marks.push(seg.text);
        s += `\u0001${marks.length - 1}\u0002`;
      } else s += (s && !/\s$/.test(s) && !/^[\s,;]/.test(seg.text) ? ' ' : '') + seg.text;
    });
    pieces.push(s);
  }
  const parts: NamePart[] = [];
  // A name broken over two lines ("Dafne van" / "Kuppevelt") joins when the first line does not end a name.
  const joined = pieces.reduce((acc, p) => (acc ? (/[,;]\s*$|\u0002\s*$/.test(acc) ? `${acc} ${p}` : `${acc} ${p}`) : p), '');
  for (const raw of joined.split(NAME_SEPARATORS)) {
    const found = [...raw.matchAll(/\u0001(\d+)\u0002/g)].flatMap((m) => marksOf(marks[Number(m[1])]));
    const name = cleanText(raw.replace(/\u0001\d+\u0002/g, ' ').replace(/\b(?:ID|iD)\b/g, ' ').replace(/[*†‡§¶✉]/g, ' '), 200);
    if (!name) {
      // Marks after a separator ("Name, ¹") belong to the name before.
      if (found.length && parts.length) parts[parts.length - 1].marks.push(...found);
      continue;
    }
    parts.push({ name, marks: found });
  }
  return parts;
}

/** Affiliations keyed by mark, from lines such as "¹ Dept. of X, Univ. Y – ² Lab Z"; unmarked text under "". */
function affiliationsByMark(lines: PdfLine[]): Map<string, string> {
  const out = new Map<string, string[]>();
  let current = '';
  for (const line of lines) {
    line.segments.forEach((seg, i) => {
      if (isMarkSegment(seg, line.segments[i + 1], seg.font) && (seg.sup || i === 0 || line.segments[i + 1]?.font !== seg.font)) {
        current = marksOf(seg.text)[0] ?? current;
        if (!out.has(current)) out.set(current, []);
        return;
      }
      if (!out.has(current)) out.set(current, []);
      out.get(current)!.push(seg.text);
    });
  }
  const clean = new Map<string, string>();
  for (const [mark, texts] of out) {
    const text = joinLines(texts).replace(/^[\s,;–—-]+|[\s,;–—-]+$/g, '').trim();
    if (text) clean.set(mark, text);
  }
  return clean;
}

const plausible = (name: string, siteNames: string[]) => isPlausibleName(name, { siteNames }) && name.split(/\s+/).length >= 2;

/**
 * The author block under a paper's title: lines of names with superscript marks, then affiliation lines that start
 * with those marks. Without marks, one affiliation block is everybody's.
 */
export function authorsUnderTitle(lines: PdfLine[], titleLines: PdfLine[], siteNames: string[] = []): AuthorBlock | null {
  const last = titleLines[titleLines.length - 1];
  const start = lines.indexOf(last) + 1;
  if (start <= 0) return null;
  const left = Math.min(...titleLines.map((l) => l.x));
  const nameLines: PdfLine[] = [];
  const affLines: PdfLine[] = [];
  for (let i = start; i < Math.min(lines.length, start + 30); i++) {
    const l = lines[i];
    // Beside the title block (a margin column, a sidebar), not in it.
    if (l.x < left - 30 || l.y > last.y) continue;
    const prev = affLines[affLines.length - 1] ?? nameLines[nameLines.length - 1] ?? last;
    if (prev.y - l.y > Math.max(prev.size, l.size) * 4) break;
    if (SECTION.test(l.text) && l.text.length < 60) break;
    if (affLines.length) {
      if (startsWithMark(l) || Math.abs(l.size - affLines[0].size) <= 0.8) {
        if (l.text.split(/\s+/).length > 40) break;
        affLines.push(l);
        continue;
      }
      break;
    }
    if (nameLines.length && startsWithMark(l)) {
      affLines.push(l);
      continue;
    }
    if (looksLikeNames(l) && (!nameLines.length || Math.abs(l.size - nameLines[0].size) <= 0.6)) {
      nameLines.push(l);
      continue;
    }
    if (nameLines.length && l.size < nameLines[0].size && l.text.split(/\s+/).length <= 40) {
      // Affiliations without marks: set smaller, right under the names.
      affLines.push(l);
      continue;
    }
    if (nameLines.length) break;
    // Something short between title and names (a subtitle, a date) is passed over; text is not.
    if (i - start >= 3 || l.text.split(/\s+/).length > 12) break;
  }
  if (!nameLines.length) return null;
  const columns = authorColumns(lines.slice(start, start + 40), nameLines[0], siteNames);
  if (columns) return columns;
  const parts = namesWithMarks(nameLines).filter((p) => plausible(p.name, siteNames));
  if (!parts.length) return null;
  const affiliations = affiliationsByMark(affLines);
  const unmarked = affiliations.get('');
  const authors = parts.slice(0, 50).map((p) => {
    const named = p.marks.map((m) => affiliations.get(m)).filter((a): a is string => !!a);
    const affiliation = named.length ? named.join(' · ') : affiliations.size === 1 && unmarked ? unmarked : null;
    return { name: p.name, affiliation: affiliation ? cleanText(affiliation, 1000) : null };
  });
  return { authors: dedupe(authors), lines: [...nameLines, ...affLines] };
}

/**
 * Authors set side by side, each name with its affiliation under it and no marks: names on the first name line's
 * baseline in other columns, each column read down until its next name or a gap.
 */
function authorColumns(lines: PdfLine[], first: PdfLine, siteNames: string[]): AuthorBlock | null {
  const heads = lines.filter((l) => Math.abs(l.y - first.y) < 1 && Math.abs(l.size - first.size) < 0.6 && looksLikeNames(l) && plausible(l.text.trim(), siteNames));
  if (heads.length < 2 || !heads.every((h) => h.segments.every((seg) => !seg.sup))) return null;
  const used: PdfLine[] = [];
  const authors = heads
    .sort((a, b) => a.x - b.x)
    .map((head) => {
      const below: PdfLine[] = [];
      let prev = head;
      for (const l of lines) {
        if (Math.abs(l.x - head.x) > 3 || l.y >= prev.y || prev.y - l.y > Math.max(prev.size, l.size) * 2 || l.size >= head.size) continue;
        below.push(l);
        prev = l;
      }
      used.push(head, ...below);
      return { name: cleanText(head.text, 200), affiliation: below.length ? cleanText(joinLines(below.map((l) => l.text)), 1000) : null };
    });
  return { authors: dedupe(authors), lines: used };
}

function dedupe(authors: Author[]): Author[] {
  const seen = new Set<string>();
  return authors.filter((a) => {
    const k = squashKey(a.name);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const AUTHOR_HEADING = /^(?:author(?:s|'s|s')?\s+(?:information|contact\s+information|details|notes?)|about\s+the\s+authors?|the\s+authors?|authors?|contributors?|prepared\s+by|written\s+by)\s*:?$/i;

/** "Name, Role" on one line, or a name line with its role on the next (a report's author notes). */
function nameBeforeRole(line: PdfLine, next: PdfLine | undefined, siteNames: string[]): string | null {
  const comma = line.text.match(/^([^,]{3,60}),\s+(.+)$/);
  if (comma && ROLE_START.test(comma[2]) && plausible(comma[1].trim(), siteNames)) return comma[1].trim();
  if (next && ROLE_START.test(next.text) && Math.abs(next.x - line.x) < 2 && line.y - next.y < line.size * 2 && plausible(line.text.trim(), siteNames) && !/,/.test(line.text)) {
    return line.text.trim();
  }
  return null;
}

/**
 * Authors named with their job titles, as reports print them in an "Author Information" section or at the end
 * ("Corrie E. Clark, Specialist in Energy Policy"), and "Prepared by …" / "Author: …" lines.
 */
export function authorsWithRoles(lines: PdfLine[], siteNames: string[] = []): Author[] {
  const found: Author[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const label = l.text.match(/^(?:prepared\s+by|written\s+by|authors?|by)\s*:\s*(.{3,200})$/i);
    if (label) found.push(...parseByline(label[1], { siteNames }));
    if (AUTHOR_HEADING.test(l.text.trim())) {
      // Entries in a grid: names with their roles under them, in one or two columns.
      for (let j = i + 1; j < Math.min(lines.length, i + 40); j++) {
        const m = lines[j];
        if (m.size > l.size - 0.5 && m.text.length < 60 && !ROLE_START.test(m.text)) break;
        const name = nameBeforeRole(m, lines.slice(j + 1).find((n) => Math.abs(n.x - m.x) < 2), siteNames);
        if (name) found.push({ name, affiliation: null });
      }
      continue;
    }
    const name = nameBeforeRole(l, undefined, siteNames);
    if (name) found.push({ name, affiliation: null });
  }
  return dedupe(found);
}
