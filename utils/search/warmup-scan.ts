// Search while the index is still being built. Indexing 10,000 records takes seconds on a slow machine, and a
// user who opens the library to look something up types at once. Until RecordIndex is ready, the library
// answers from this scan over the same fields, words and folding: every word of the query must start a word
// of some field (a word of one or two letters must be a whole word), ranked by the field it is found in.
// Typo tolerance and relevance ranking come with the index.
import MiniSearch from 'minisearch';
import type { StoredRecord } from '../db/database';
import { foldTerm, STOP_WORDS } from './normalize';
import { BOOST, extractField, FIELDS, MIN_PREFIX, searchWords, type Searchable } from './record-index';

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
/** Where MiniSearch's default tokenizer splits words (its SPACE_OR_PUNCTUATION). */
const BETWEEN_WORDS = /[\n\r\p{Z}\p{P}]+/gu;

/**
 * A field's words, folded, without the function words the index leaves out, each with a space before and
 * after: " shore power karachi ". Folded and split in one pass over the whole field, not word by word: the
 * first search prepares every record at once.
 */
function wordsOf(text: string): string {
  const words = foldTerm(text)
    .replace(BETWEEN_WORDS, ' ')
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w));
  return words.length ? ` ${words.join(' ')} ` : '';
}

/** The query's words as the index would see them (folded, function words dropped). */
function queryTerms(query: string): string[] {
  return [...new Set(tokenize(searchWords(query)).map(foldTerm).filter((w) => w && !STOP_WORDS.has(w)))];
}

/** Per record object, its searched fields as folded word lists; built on first use (an edit makes a new object). */
const prepared = new WeakMap<Searchable, string[]>();

function fieldsOf(record: Searchable): string[] {
  let fields = prepared.get(record);
  if (!fields) {
    fields = FIELDS.map((f) => wordsOf(extractField(record, f)));
    prepared.set(record, fields);
  }
  return fields;
}

type Scanned = Pick<StoredRecord, keyof Searchable>;

/** The previous scan: typing one more letter can only narrow its matches, so only those are looked at again. */
let previous: { records: readonly Scanned[]; needles: string[]; matches: Scanned[] } | null = null;

/**
 * Ids of the records matching every word of `query`, best first: a record scores, for each word, the boost of
 * the strongest field that has it; equal scores keep the order of `records` (newest first in the library).
 */
export function scanRecords(records: readonly Scanned[], query: string): string[] {
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const needles = terms.map((t) => (t.length >= MIN_PREFIX ? ` ${t}` : ` ${t} `));
  // Every earlier word grown (or kept) by a word now: the new matches are among the earlier ones.
  const narrows = previous?.records === records && previous.needles.every((p) => needles.some((n) => n.startsWith(p)));
  const pool = narrows ? previous!.matches : records;
  const hits: { record: Scanned; score: number; order: number }[] = [];
  pool.forEach((record, order) => {
    const fields = fieldsOf(record);
    let score = 0;
    for (const needle of needles) {
      let best = 0;
      fields.forEach((words, i) => {
        if (BOOST[FIELDS[i]] > best && words.includes(needle)) best = BOOST[FIELDS[i]];
      });
      if (!best) return;
      score += best;
    }
    hits.push({ record, score, order });
  });
  previous = { records, needles, matches: hits.map((h) => h.record) };
  return hits.sort((a, b) => b.score - a.score || a.order - b.order).map((h) => h.record.id);
}
