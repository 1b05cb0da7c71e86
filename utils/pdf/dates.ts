import { normaliseDate } from '../extract/metadata/dates';
import type { PdfLine } from './lines';

export type PrintedDateKind = 'updated' | 'published' | 'shown';

export interface PrintedDate {
  date: string;
  kind: PrintedDateKind;
  line: PdfLine;
}

const UPDATED = /^(?:last\s+)?(?:updated|revised|version\s+of|as\s+of)\b\s*(?:on\s+)?:?\s*/i;
const PUBLISHED = /^(?:published(?:\s+online)?|publication\s+date|date\s+of\s+publication|date\s+published|issued|released|date)\b\s*(?:on\s+)?:?\s*/i;
// Dates of other events in a paper's life: never the publication date, and the line after them is theirs.
const OTHER = /^(?:received|submitted|accepted|revised\s+version\s+received|reviewed|edited|available\s+online|first\s+published\s+online|printed|copyright|©)\b/i;

const dateIn = (text: string, lang: string | null) => {
  const s = text.replace(/[()[\]]/g, ' ').trim();
  if (!s || s.length > 60 || !/\d/.test(s)) return null;
  return normaliseDate(s, { lang, explicit: true });
};

/**
 * Dates the pages print in their header block, with what they are: "Updated April 20, 2026" (the version's date),
 * "Published: 30 August 2018" or a label above its date, and a line that is a date alone. Received/submitted/accepted
 * dates are skipped with the line they label.
 */
export function printedDates(lines: PdfLine[], lang: string | null = null): PrintedDate[] {
  const out: PrintedDate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const text = l.text.trim();
    if (text.length > 80) continue;
    if (OTHER.test(text)) {
      if (!dateIn(text.replace(OTHER, '').replace(/^\s*:?\s*/, ''), lang)) i++;
      continue;
    }
    for (const [label, kind] of [[UPDATED, 'updated'], [PUBLISHED, 'published']] as const) {
      if (!label.test(text)) continue;
      const rest = text.replace(label, '');
      const date = rest ? dateIn(rest, lang) : lines[i + 1] ? dateIn(lines[i + 1].text, lang) : null;
      if (date) out.push({ date, kind, line: l });
      break;
    }
    if (out[out.length - 1]?.line === l) continue;
    // A date alone on its line, as a cover or a title block prints it.
    if (!UPDATED.test(text) && !PUBLISHED.test(text) && /^[\p{L}\d ,./-]+$/u.test(text) && text.split(/\s+/).length <= 4) {
      const date = dateIn(text, lang);
      if (date) out.push({ date, kind: 'shown', line: l });
    }
  }
  return out;
}

const RANK: Record<PrintedDateKind, number> = { updated: 0, published: 1, shown: 2 };

/** The date of this version: an "Updated" date first, then a published date, then the first date shown alone. */
export function bestPrintedDate(dates: PrintedDate[]): PrintedDate | null {
  return [...dates].sort((a, b) => RANK[a.kind] - RANK[b.kind])[0] ?? null;
}

/** A PDF date ("D:20260420160956-04'00'") as the calendar day it was written on. */
export function pdfDate(raw: string | undefined): string | null {
  const m = raw?.match(/^(?:D:)?(\d{4})(\d{2})(\d{2})/);
  if (m) return normaliseDate(`${m[1]}-${m[2]}-${m[3]}`, { explicit: true });
  return raw ? normaliseDate(raw, { explicit: true }) : null;
}
