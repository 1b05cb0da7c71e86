/** One sentence of an article, with the block (paragraph) it came from and its place in the article. */
export interface Sentence {
  text: string;
  /** Index of the block (line) of the article text the sentence belongs to. */
  block: number;
  /** Position of the sentence in the whole article, from 0. */
  index: number;
}

// Abbreviations after which a full stop never ends a sentence (titles, "e.g.", "No. 5").
const ALWAYS_JOIN = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'maj',
  'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'mt', 'ft', 'vs', 'v', 'e.g', 'i.e', 'cf', 'approx',
  'fig', 'figs', 'no', 'nos', 'vol', 'pp', 'ed', 'eds', 'ca', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'dott', 'hr', 'fr', 'frau', 'nr', 'bzw', 'z.b', 'u.a', 'd.h', 'sra', 'sres', 'mme', 'mlle',
]);
// Words that usually open a sentence: after "U.S." or "a.m." they mean the full stop did end one.
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'but', 'and', 'or', 'so', 'in', 'on', 'at', 'this',
  'that', 'these', 'those', 'there', 'his', 'her', 'their', 'its', 'our', 'my', 'if', 'when', 'while', 'after',
  'before', 'as', 'for', 'with', 'from', 'by', 'to', 'of', 'yet', 'however', 'meanwhile', 'still', 'now', 'then',
  'some', 'many', 'most', 'all', 'no', 'not', 'one', 'what', 'who', 'how', 'why', 'where', 'although', 'since',
]);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(language: string | null | undefined): Intl.Segmenter {
  const key = (language ?? 'en').toLowerCase();
  let seg = segmenters.get(key);
  if (!seg) {
    try {
      seg = new Intl.Segmenter(key, { granularity: 'sentence' });
    } catch {
      seg = new Intl.Segmenter('en', { granularity: 'sentence' });
    }
    segmenters.set(key, seg);
  }
  return seg;
}

/** Whether the full stop ending `left` belongs to an abbreviation, given the text that follows it. */
function endsInAbbreviation(left: string, right: string): boolean {
  const m = /(?:^|[\s("'“‘])((?:[A-Za-zÀ-ÿ]\.)*[A-Za-zÀ-ÿ]+)\.["'”’)]*\s*$/.exec(left);
  if (!m) return false;
  const word = m[1];
  const next = /^["'“‘(]*([\p{L}\p{N}]+)/u.exec(right)?.[1] ?? '';
  if (!next) return false;
  if (/^[\p{Ll}\p{N}]/u.test(next) && !/^\d/.test(next)) return true;
  const lower = word.toLowerCase();
  if (ALWAYS_JOIN.has(lower)) return lower !== 'no' || /^\d/.test(next);
  // Initials ("J. R. R. Tolkien") and dotted acronyms ("U.S. Army", "a.m. Thursday"): joined unless the
  // next word is one that typically opens a sentence.
  if (/^[A-Z]$/.test(word) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return !SENTENCE_OPENERS.has(next.toLowerCase());
  return false;
}

// V8's sentence segmenter slows down quadratically on long strings (20 s for a 50,000-word block), so long
// blocks are cut into pieces of about this many characters after a sentence-final mark before segmenting.
const CHUNK_CHARS = 500;

function chunks(block: string): string[] {
  if (block.length <= CHUNK_CHARS * 2) return [block];
  const out: string[] = [];
  const boundary = /[.!?]["'”’»)]*\s+/g;
  let start = 0;
  while (block.length - start > CHUNK_CHARS * 2) {
    boundary.lastIndex = start + CHUNK_CHARS;
    const m = boundary.exec(block);
    if (!m) break;
    const end = m.index + m[0].length;
    out.push(block.slice(start, end));
    start = end;
  }
  out.push(block.slice(start));
  return out;
}

/**
 * Split article text (one block per line) into sentences: `Intl.Segmenter` in the article's language, then
 * re-joined where the segmenter broke after an abbreviation, an initial or a dotted acronym.
 */
export function splitSentences(text: string, language?: string | null): Sentence[] {
  const out: Sentence[] = [];
  const segmenter = segmenterFor(language);
  const blocks = text.split(/\r?\n/);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b].replace(/\s+/g, ' ').trim();
    if (!block) continue;
    const parts: string[] = [];
    for (const chunk of chunks(block)) {
      for (const { segment } of segmenter.segment(chunk)) {
        // A segment that starts in lower case continues the sentence (e.g. after a quoted "a-ha!"), as does the
        // rest of a reference mark cut after its bracket ("Ocean.[" + "4] ").
        const continues = /^["'”’)\]]*\s*\p{Ll}|^[^\s[]*\]/u.test(segment);
        if (parts.length && (continues || endsInAbbreviation(parts[parts.length - 1], segment))) parts[parts.length - 1] += segment;
        else parts.push(segment);
      }
    }
    for (const part of parts) {
      const s = part.trim();
      if (s) out.push({ text: s, block: b, index: out.length });
    }
  }
  return out;
}
