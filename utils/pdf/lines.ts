import type { PdfPageText, PdfTextRun } from './open';

/** A piece of a line in one face; `sup` marks superscripts (affiliation marks, footnote numbers). */
export interface LineSegment {
  text: string;
  x: number;
  size: number;
  font: string;
  sup: boolean;
}

/** Runs that share a baseline and follow each other on the page, as a reader sees one line. */
export interface PdfLine {
  page: number;
  x: number;
  x1: number;
  /** Baseline, in points from the page's bottom. */
  y: number;
  /** Size and face of the line's main (non-superscript) text. */
  size: number;
  font: string;
  segments: LineSegment[];
  /** The line's text without superscripts. */
  text: string;
}

const SPACE = /\s$/;

function joinText(parts: Array<{ text: string; x: number; x1: number; size: number }>): string {
  let out = '';
  let lastX1: number | null = null;
  for (const p of parts) {
    if (lastX1 !== null && out && !SPACE.test(out) && !/^\s/.test(p.text) && p.x - lastX1 > 0.18 * p.size) out += ' ';
    out += p.text;
    lastX1 = p.x1;
  }
  // A superscript taken out leaves "Name , Other": close the gap before punctuation.
  return out.replace(/\s+/g, ' ').replace(/ ([,;])/g, '$1').trim();
}

interface Building {
  runs: Array<PdfTextRun & { sup: boolean }>;
  y: number;
  size: number;
  x1: number;
}

function continues(line: Building, run: PdfTextRun): 'same' | 'sup' | 'base' | null {
  const gap = run.x - line.x1;
  const size = Math.max(line.size, run.size);
  if (gap < -0.5 * size || gap > 3 * size) return null;
  const dy = run.y - line.y;
  if (Math.abs(dy) <= 0.25 * Math.min(line.size, run.size) + 0.5 && Math.abs(run.size - line.size) <= 0.25 * line.size) return 'same';
  // A smaller run raised above the baseline: a superscript mark.
  if (run.size <= 0.85 * line.size && dy > 0.1 * line.size && dy <= 0.75 * line.size) return 'sup';
  // The line began with a mark ("¹Department of …"): the larger run after it is the baseline.
  if (line.runs.every((r) => r.sup || r.size <= 0.85 * run.size) && run.size > line.size && -dy > 0.05 * run.size && -dy <= 0.75 * run.size) return 'base';
  // Same size, another face, same baseline (a bold mark before an affiliation): still one line.
  if (Math.abs(dy) <= 0.25 * size && gap >= -0.5 * size) return 'same';
  return null;
}

function finish(page: number, b: Building): PdfLine | null {
  const main = b.runs.filter((r) => !r.sup);
  const base = main.length ? main : b.runs;
  // The main face is the one that carries most characters.
  const weight = new Map<string, number>();
  for (const r of base) weight.set(r.font, (weight.get(r.font) ?? 0) + r.text.length);
  const font = [...weight].sort((a, c) => c[1] - a[1])[0]?.[0] ?? '';
  const segments: LineSegment[] = [];
  for (const r of b.runs) {
    const last = segments[segments.length - 1];
    if (last && last.sup === r.sup && last.font === r.font && Math.abs(last.size - r.size) < 0.2) {
      last.text = joinText([
        { text: last.text, x: last.x, x1: r.x - 0.01, size: r.size },
        { text: r.text, x: r.x, x1: r.x + r.width, size: r.size },
      ]);
      continue;
    }
    segments.push({ text: r.text, x: r.x, size: r.size, font: r.font, sup: r.sup });
  }
  // Marks are left out of the text; raised letters that belong to a word ("119th", "2nd", "Mlle") stay.
  const kept = b.runs.filter((r) => !r.sup || !main.length || /^\p{L}{2,4}$/u.test(r.text.trim()) && !/^(?:ID|iD)$/.test(r.text.trim()));
  const text = joinText(kept.map((r) => ({ text: r.text, x: r.x, x1: r.x + r.width, size: r.size })));
  if (!text && !segments.some((s) => s.text.trim())) return null;
  return {
    page,
    x: Math.min(...b.runs.map((r) => r.x)),
    x1: b.x1,
    y: b.y,
    size: Math.max(...base.map((r) => r.size)),
    font,
    segments: segments.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ') })).filter((s) => s.text.trim()),
    text,
  };
}

/** Group a page's runs, in the order the page draws them, into lines with their superscripts. */
export function linesOf(page: PdfPageText): PdfLine[] {
  const lines: PdfLine[] = [];
  let cur: Building | null = null;
  const flush = () => {
    if (!cur) return;
    const line = finish(page.number, cur);
    if (line) lines.push(line);
    cur = null;
  };
  for (const run of page.runs) {
    if (!run.text.trim()) {
      // Spaces carry no size of their own worth trusting; they only move the line's end.
      if (cur) (cur as Building).x1 = Math.max((cur as Building).x1, run.x + run.width);
      continue;
    }
    const kind: ReturnType<typeof continues> = cur ? continues(cur, run) : null;
    if (!cur || !kind) {
      flush();
      cur = { runs: [{ ...run, sup: false }], y: run.y, size: run.size, x1: run.x + run.width };
      continue;
    }
    const b: Building = cur;
    if (kind === 'base') {
      for (const r of b.runs) r.sup = true;
      b.y = run.y;
      b.size = run.size;
    }
    b.runs.push({ ...run, sup: kind === 'sup' });
    b.x1 = Math.max(b.x1, run.x + run.width);
  }
  flush();
  return lines;
}
