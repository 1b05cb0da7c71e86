import type { PdfLine } from './lines';
import { bodySize, joinLines } from './layout';

const ABSTRACT_HEADING = /^(?:abstract|summary|executive\s+summary|key\s+findings)\s*[.:—–-]?\s*/i;
const NUMBERED_HEADING = /^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+\p{Lu}/u;
const KEYWORDS = /^(?:keywords?|key\s*words|index\s+terms)\s*[:.—–-]\s*(.+)$/i;

export interface PrintedAbstract {
  /** The heading it was printed under ("Abstract", "Summary"). */
  heading: string;
  text: string;
}

/**
 * The document's own abstract or summary: the text under a heading "Abstract" / "Summary" (or a paragraph that
 * starts with the word), up to the next heading, in the column it starts in. At most `maxWords` words.
 */
export function printedAbstract(lines: PdfLine[], maxWords = 600): PrintedAbstract | null {
  const body = bodySize(lines);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const m = l.text.match(ABSTRACT_HEADING);
    if (!m) continue;
    const rest = l.text.slice(m[0].length).trim();
    const alone = !rest;
    // A heading is a line of its own, or the paragraph's first word set apart ("Abstract—Text …", "Abstract. Text").
    if (!alone && !/[.:—–-]\s*$/.test(m[0]) && m[0].trim().length === m[0].length) continue;
    const heading = m[0].replace(/[\s.:—–-]+$/, '');
    const texts: string[] = rest ? [rest] : [];
    let column: number | null = rest ? l.x : null;
    let words = rest.split(/\s+/).filter(Boolean).length;
    for (let j = i + 1; j < lines.length && words < maxWords; j++) {
      const n = lines[j];
      if (column === null && n.size > body + 1) continue; // a title repeated under the heading
      if (column !== null && Math.abs(n.x - column) > 40 && n.x > column) continue; // another column
      if (column !== null && n.x < column - 40) continue;
      if (n.size > body + 1.2 || (NUMBERED_HEADING.test(n.text) && n.text.length < 80) || KEYWORDS.test(n.text)) break;
      if (n.size < body - 2.5) continue; // footnotes, captions
      if (column !== null && texts.length && n.page !== lines[j - 1].page) break;
      if (column === null) column = n.x;
      texts.push(n.text);
      words += n.text.split(/\s+/).length;
    }
    const text = joinLines(texts);
    if (text.split(/\s+/).length >= 20) return { heading, text: clipWordsTo(text, maxWords) };
  }
  return null;
}

function clipWordsTo(text: string, max: number): string {
  const words = text.split(/\s+/);
  return words.length <= max ? text : `${words.slice(0, max).join(' ')}…`;
}

/** Keywords the document prints ("Keywords: a; b; c"). */
export function printedKeywords(lines: PdfLine[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].text.match(KEYWORDS);
    if (!m) continue;
    let text = m[1];
    // A list that goes on to the next line, in the same size.
    const next = lines[i + 1];
    if (next && Math.abs(next.size - lines[i].size) < 0.3 && /[,;]\s*$/.test(text)) text += ` ${next.text}`;
    return text
      .split(/\s*[;,·•]\s*/)
      .map((k) => k.replace(/[.\s]+$/, '').trim())
      .filter((k) => k.length >= 2 && k.length <= 80)
      .slice(0, 30);
  }
  return [];
}

/**
 * The pages' text as paragraphs, one per line: lines join while they follow each other at the line spacing, in one
 * size; running heads and feet are left out by the caller.
 */
export function paragraphs(lines: PdfLine[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let prev: PdfLine | null = null;
  for (const l of lines) {
    const breaks =
      !prev || prev.page !== l.page || Math.abs(prev.size - l.size) > 0.6 || prev.y - l.y > Math.max(prev.size, l.size) * 1.7 || prev.y < l.y - 1;
    if (breaks && current.length) {
      out.push(joinLines(current));
      current = [];
    }
    current.push(l.text);
    prev = l;
  }
  if (current.length) out.push(joinLines(current));
  return out.filter(Boolean);
}
