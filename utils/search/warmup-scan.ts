// Search while the index is still being built. Indexing 10,000 records takes seconds on a slow machine, and a
// user who opens the library to look something up types at once. Until RecordIndex is ready, the library
// answers from this scan over the same fields, words and folding: every word of the query must start a word
// of some field (a word of one or two letters must be a whole word), ranked by the field it is found in.
// Typo tolerance and relevance ranking come with the index.
import MiniSearch from 'minisearch';
import { foldTerm, STOP_WORDS } from './normalize';
import { BOOST, extractField, FIELDS, MIN_PREFIX, searchWords, type Searchable } from './record-index';

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
/** Where MiniSearch's default tokenizer splits words (its SPACE_OR_PUNCTUATION). */
const BETWEEN_WORDS = /[\n\r\p{Z}\p{P}]+/gu;

/**
 * A field's words (already folded), without the function words the index leaves out, each with a space
 * before and after: " shore power karachi ". Split in one pass over the whole field, not word by word.
 */
function wordsOf(folded: string): string {
  const words = folded
    .replace(BETWEEN_WORDS, ' ')
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w));
  return words.length ? ` ${words.join(' ')} ` : '';
}

/** The query's words as the index would see them (folded, function words dropped). */
function queryTerms(query: string): string[] {
  return [...new Set(tokenize(searchWords(query)).map(foldTerm).filter((w) => w && !STOP_WORDS.has(w)))];
}

/**
 * A record's searched fields, folded: for plain ASCII text that is one toLowerCase, so the first search can
 * afford it for every record. Splitting into words costs more and is done for a field only when its folded
 * text contains a searched word at all (a word that starts a word of the field is in its folded text).
 */
class PreparedRecord {
  readonly folded: string[];
  private readonly words: (string | undefined)[];

  constructor(record: Searchable) {
    this.folded = FIELDS.map((f) => foldTerm(extractField(record, f)));
    this.words = new Array(FIELDS.length);
  }

  /** The boost of the strongest field in which the word matches (0 if none). */
  bestBoost({ term, needle, whole }: Word): number {
    let best = 0;
    for (let i = 0; i < FIELDS.length; i++) {
      const boost = BOOST[FIELDS[i]];
      if (boost <= best || !this.folded[i].includes(term)) continue;
      if (whole) {
        // A short word matches only whole, and is no function word: found among the folded text's words
        // without splitting them out (one letter is in nearly every summary).
        if (whole.test(this.folded[i])) best = boost;
        continue;
      }
      this.words[i] ??= wordsOf(this.folded[i]);
      if (this.words[i]!.includes(needle)) best = boost;
    }
    return best;
  }
}

/** A searched word: `needle` is found in a field's words; `whole`, for short words, in its folded text. */
interface Word {
  term: string;
  needle: string;
  whole: RegExp | null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SEPARATOR = BETWEEN_WORDS.source.slice(0, -1); // one separator character

function word(term: string): Word {
  if (term.length >= MIN_PREFIX) return { term, needle: ` ${term}`, whole: null };
  return { term, needle: ` ${term} `, whole: new RegExp(`(?:^|${SEPARATOR})${escapeRegExp(term)}(?:${SEPARATOR}|$)`, 'u') };
}

/** Per record object, built on first use (an edit makes a new object). */
const prepared = new WeakMap<Searchable, PreparedRecord>();

function prepare(record: Searchable): PreparedRecord {
  let p = prepared.get(record);
  if (!p) {
    p = new PreparedRecord(record);
    prepared.set(record, p);
  }
  return p;
}

/** The previous scan: typing one more letter can only narrow its matches, so only those are looked at again. */
let previous: { records: readonly Searchable[]; needles: string[]; matches: Searchable[] } | null = null;

/**
 * Ids of the records matching every word of `query`, best first: a record scores, for each word, the boost of
 * the strongest field that has it; equal scores keep the order of `records` (newest first in the library).
 */
export function scanRecords(records: readonly Searchable[], query: string): string[] {
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const words = terms.map(word);
  const needles = words.map((w) => w.needle);
  // Every earlier word grown (or kept) by a word now: the new matches are among the earlier ones.
  const narrows = previous?.records === records && previous.needles.every((p) => needles.some((n) => n.startsWith(p)));
  const pool = narrows ? previous!.matches : records;
  const hits: { record: Searchable; score: number; order: number }[] = [];
  pool.forEach((record, order) => {
    const p = prepare(record);
    let score = 0;
    for (const w of words) {
      const best = p.bestBoost(w);
      if (!best) return;
      score += best;
    }
    hits.push({ record, score, order });
  });
  previous = { records, needles, matches: hits.map((h) => h.record) };
  return hits.sort((a, b) => b.score - a.score || a.order - b.order).map((h) => h.record.id);
}
