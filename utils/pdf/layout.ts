import type { PdfPageText } from './open';
import { linesOf, type PdfLine } from './lines';

/** The pages read for the metadata, each with its lines, and what repeats on them (running heads and feet). */
export interface PdfPages {
  numPages: number;
  pages: PdfPageText[];
  lines: PdfLine[][];
  /** Keys (see runningKey) of lines that repeat at the top or bottom of several pages. */
  running: Set<string>;
}

/** A running head or foot without its page number, folded: "Institute for Coastal Studies 2" → "instituteforcoastalstudies". */
export function runningKey(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[\d\p{M}]+/gu, '').replace(/[^\p{L}]+/gu, '');
}

const inMargin = (line: PdfLine, page: PdfPageText) => line.y > page.height * 0.9 || line.y < page.height * 0.15;

export function pagesOf(pages: PdfPageText[], numPages: number): PdfPages {
  const lines = pages.map(linesOf);
  const counts = new Map<string, number>();
  pages.forEach((page, i) => {
    const keys = new Set(lines[i].filter((l) => inMargin(l, page)).map((l) => runningKey(l.text)).filter((k) => k.length >= 4));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const running = new Set([...counts].filter(([, n]) => n >= 2 && n >= Math.min(3, pages.length - 1)).map(([k]) => k));
  return { numPages, pages, lines, running };
}

export const isRunning = (doc: PdfPages, line: PdfLine) => {
  const page = doc.pages.find((p) => p.number === line.page);
  return !!page && inMargin(line, page) && doc.running.has(runningKey(line.text));
};

/** "R E S C I E N C E C": a masthead set in spaced capitals. */
export const isLetterSpaced = (text: string) => /^(?:\S ){3,}\S$/.test(text.trim());

/** The size most of a page's characters are set in: the body text. */
export function bodySize(lines: PdfLine[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(l.size, (weight.get(l.size) ?? 0) + l.text.length);
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

export const squash = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** All text of the given lines, one line each: for checking that a value is printed in the document. */
export const textOf = (lines: PdfLine[]) => lines.map((l) => l.text).join('\n');

export interface TitleBlock {
  title: string;
  lines: PdfLine[];
  page: number;
}

/**
 * The title: the largest text in the upper part of the first page that has text, joined over its lines (a title
 * set on two or three lines). Mastheads in spaced capitals, running heads and lines without letters are skipped.
 */
export function layoutTitle(doc: PdfPages): TitleBlock | null {
  for (let i = 0; i < Math.min(2, doc.pages.length); i++) {
    const page = doc.pages[i];
    const lines = doc.lines[i];
    const candidates = lines.filter(
      (l) => l.y > page.height * 0.25 && /\p{L}{2}/u.test(l.text) && !isLetterSpaced(l.text) && !isRunning(doc, l) && l.text.length <= 300,
    );
    // A cover that only repeats the publisher's name is not where the title is.
    const sizes = candidates.filter((l) => l.text.replace(/[^\p{L}]/gu, '').length >= 4).map((l) => l.size);
    if (!sizes.length) continue;
    const max = Math.max(...sizes);
    const start = candidates.findIndex((l) => l.size >= max - 0.6 && l.text.replace(/[^\p{L}]/gu, '').length >= 4);
    const block = [candidates[start]];
    for (let j = lines.indexOf(candidates[start]) + 1; j < lines.length; j++) {
      const l = lines[j];
      const prev = block[block.length - 1];
      if (Math.abs(l.size - max) > 0.6 || prev.y - l.y > max * 2.2 || l.y > prev.y) break;
      block.push(l);
    }
    const title = joinLines(block.map((l) => l.text));
    if (title.length >= 3) return { title, lines: block, page: page.number };
  }
  return null;
}

/** Lines of one paragraph as one string: a hyphen at a line's end joins a word broken in two. */
export function joinLines(texts: string[]): string {
  let out = '';
  for (const t of texts.map((x) => x.trim()).filter(Boolean)) {
    if (!out) out = t;
    else if (/\p{Ll}-$/u.test(out) && /^\p{Ll}/u.test(t)) out = out.slice(0, -1) + t;
    else out += ` ${t}`;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** A DOI printed on the pages ("DOI: 10.1234/abcd.5678", "https://doi.org/…"), the first one found. */
export function printedDoi(lines: PdfLine[]): string | null {
  for (const l of lines) {
    const m = l.text.match(/\b(10\.\d{4,9}\/[^\s"<>]+)/);
    if (m) return m[1].replace(/[.,;)\]]+$/, '');
  }
  return null;
}
