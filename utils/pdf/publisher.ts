import type { Author } from '../record/schema';
import { cleanText } from '../extract/metadata/clean';
import type { PdfLine } from './lines';
import { squash } from './layout';

// Words that make a name an organisation's.
const ORGANISATION =
  /\b(?:service|institute|institution|center|centre|office|agency|department|council|foundation|bank|university|commission|committee|board|bureau|association|society|group|corporation|fund|organi[sz]ation|programme|program|ministry|administration|authority|library|press|publishing|publishers?|journals?|trust|school|college|academy|laborator(?:y|ies)|network|forum|initiative|parliament|congress|senate|court|government|union|federation|coalition|alliance|project|observatory)\b/i;
const LINK_WORDS = /^(?:of|for|and|on|the|in|&|de|du|des|für|der|la|le|et)$/i;

/** The organisation's name at the start of `text`: capitalised words and the small words between them. */
function leadingName(text: string): string | null {
  const words = text.trim().split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    const bare = w.replace(/[,.;:)]+$/, '');
    if (/^\p{Lu}/u.test(bare) || (out.length && LINK_WORDS.test(bare))) out.push(bare);
    else break;
    if (bare !== w || out.length >= 10) break;
  }
  while (out.length && LINK_WORDS.test(out[out.length - 1])) out.pop();
  const name = out.join(' ');
  return name.length >= 3 ? name : null;
}

/**
 * "This report was prepared by the Institute for Coastal Studies (ICS)", else a short imprint line "Published by
 * the X Institute" (a sentence that happens to start a line with "published by" is not one).
 */
export function publisherStatement(lines: PdfLine[]): string | null {
  const SELF =
    /\b(?:this|the)\s+(?:document|report|paper|publication|brief|study|product|series|note)\s+(?:was|is|has\s+been)\s+(?:prepared|published|produced|issued|written)\s+(?:for\s+[^,]+?\s+)?by\s+(?:the\s+)?(.+)$/i;
  const IMPRINT = /^(?:published|produced|issued)\s+by\s+(?:the\s+)?(.+)$/i;
  for (const [re, short] of [[SELF, false], [IMPRINT, true]] as const) {
    for (const l of lines) {
      if (short && l.text.split(/\s+/).length > 10) continue;
      const m = l.text.match(re);
      const name = m ? leadingName(m[1]) : null;
      if (name && ORGANISATION.test(name) && (!short || squash(name) === squash(m![1].replace(/[.,;]+$/, '')))) return cleanText(name, 200);
    }
  }
  return null;
}

/**
 * The publisher's or journal's name in the running head or foot ("Institute for Coastal Studies 2",
 * "Journal of Harbour Studies 5.1 – Berg and Duarte 2019 1"): the segment without numbers that names neither the title nor an
 * author, most often repeated.
 */
export function publisherFromRunning(running: PdfLine[], title: string | null, authors: Author[]): string | null {
  const titleKey = squash(title ?? '');
  const authorKeys = authors.map((a) => squash(a.name.split(/\s+/).pop() ?? '')).filter((k) => k.length >= 3);
  const counts = new Map<string, { name: string; n: number }>();
  for (const l of running) {
    for (const segment of l.text.split(/\s+[–—|·•]\s+|\s+-\s+|\s*\|\s*/)) {
      // Numbers, report numbers and versions at the end are the page's, not the name's.
      const name = segment.replace(/(?:\s+(?:\S*\d\S*|\([^)]*\)|vol\.?|no\.?|page|p\.))+\s*$/i, '').replace(/^\d+\s+/, '').trim();
      const key = squash(name);
      if (key.length < 4 || !/^\p{Lu}/u.test(name) || name.split(/\s+/).length > 8 || /[().,:;]|https?|www\./i.test(name)) continue;
      if (titleKey.includes(key) || authorKeys.some((k) => key.includes(k))) continue;
      const e = counts.get(key) ?? { name, n: 0 };
      e.n++;
      counts.set(key, e);
    }
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best && best.n >= 2 ? cleanText(best.name, 200) : null;
}
