import { splitSentences } from './sentences';
import { lightStem, stopwordsForText } from './words';

export interface KeywordInput {
  text: string;
  title?: string | null;
  language?: string | null;
  pageKeywords?: string[];
  libraryKeywords?: string[];
}
export interface KeywordSuggestion {
  keyword: string;
  kind: 'library' | 'page' | 'entity' | 'phrase';
  score: number;
}

// Different spellings of the same place or body, folded onto one key so that only one is suggested.
const ALIASES = new Map<string, string>(Object.entries({
  us: 'united state', usa: 'united state', 'united state of america': 'united state', america: 'united state',
  uk: 'united kingdom', britain: 'united kingdom', 'great britain': 'united kingdom',
  eu: 'european union', un: 'united nation', uae: 'united arab emirate', ussr: 'soviet union',
}));
// Capitalised words that are not names: calendar words and sentence openers a stopword list may miss.
const NOT_NAMES = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december mr mrs ms dr sir madam yes no oh ok okay please thanks photo image video
  getty reuters ap afp read click share follow sign subscribe advertisement related`.split(/\s+/),
);
// Common verbs and other words that end a noun phrase candidate rather than belong to it.
const NOT_NOUNS = new Set(
  `said says say told tell tells asked ask added add made make makes took take takes came come comes went go goes
  gave give gives found find finds think thought know knew known want wanted wants need needed needs used use uses
  called call calls according including included seemed seems become became show showed shown shows like likely
  around ago later earlier just even also already still really very much many more most less least lot lots
  thing things way ways part kind sort something anything everything nothing someone people percent cent per
  year years month months week weeks day days time times today yesterday tomorrow tonight morning evening night
  new old good bad big small great little high low long short first last next other others same different own
  able whether however although though despite`.split(/\s+/),
);
// Titles and descriptors before a name ("President Trump", "CEO Adam Neumann"): the keyword is the name.
const TITLES = new Set(
  `president ceo chairman chairwoman chair minister prime secretary senator sen gov governor republican democrat
  democratic rep representative judge justice officer chief director king queen prince princess pope general gen
  former mayor coach manager professor prof dr mr mrs ms sir lord lady dame says said police iconic`.split(/\s+/),
);
// Frequent verbs (base and third-person forms are generated, irregular past forms listed): without a
// part-of-speech tagger, these split runs of content words so that "rival powers read" yields "rival powers".
const VERBS = new Set(
  `suggest show read mean remain appear seem include involve provide require allow help give keep lead hold bring
  put set run grow play turn start continue become believe expect hope plan want try use call look feel work court
  seek face cost warn claim argue admit deny urge vow pledge reveal insist offer accept reject launch order ask
  need make take come get see know think tell say find leave meet pay sell spend send stand win lose rise fall
  stop open close move live die kill buy build cut hit let raise reach serve drive walk talk speak agree report`
    .split(/\s+/)
    .flatMap((v) => [v, /(?:s|sh|ch|x|z|o)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`])
    .concat(`saw went held led kept left brought began won lost ran rose fell met paid sold spent sent stood wrote
    grew knew chose fought thought bought built drove spoke gave took made got`.split(/\s+/)),
);
/** Small words that may join the parts of one name ("Bank of England", "Ludwig van Beethoven", "AT & T"). */
const NAME_LINKS = /^(?:of|de|del|von|van|der|al|bin|the|&)$/;
const MAX_PHRASE_WORDS = 4;
const ENTITY_BOOST = 1.6;
const TITLE_BOOST = 1.5;
const DAMPING = 0.85;

/** The key two keywords share when they are the same up to case, dots, plurals and known aliases. */
export function keywordKey(keyword: string): string {
  const words = keyword
    .toLowerCase()
    .replace(/(?<=\b\p{L})\.(?=\p{L}\.|\s|$)/gu, '')
    .replace(/\.$/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(lightStem);
  const key = words.join(' ');
  return ALIASES.get(key) ?? key;
}

interface Token {
  word: string;
  lower: string;
  capitalised: boolean;
  sentenceStart: boolean;
}

function tokenize(text: string, language: string | null | undefined): Token[][] {
  return splitSentences(text, language).map((s) => {
    const out: Token[] = [];
    for (const m of s.text.matchAll(/(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’&-][\p{L}\p{N}]+)*|[,;:()"“”!?—–]/gu)) {
      const word = m[0].replace(/['’]s$/, '');
      out.push({ word, lower: word.toLowerCase(), capitalised: /^\p{Lu}/u.test(word), sentenceStart: out.length === 0 });
    }
    return out;
  });
}

interface Candidate {
  surface: Map<string, number>;
  words: string[];
  entity: boolean;
  count: number;
}

/**
 * Named entities (runs of capitalised words, "of"/"de" allowed inside) and noun-phrase-like runs of content
 * words, each with its occurrences. A sentence-initial capital counts as a name when the word is also
 * capitalised elsewhere, or opens several sentences and is never written in lower case.
 */
function candidatePhrases(sentences: Token[][], stopwords: Set<string>): Map<string, Candidate> {
  const capitalisedInside = new Set<string>();
  const lowerSeen = new Set<string>();
  const openerCount = new Map<string, number>();
  for (const s of sentences) for (const t of s) {
    if (t.capitalised && !t.sentenceStart) capitalisedInside.add(t.lower);
    if (!t.capitalised) lowerSeen.add(t.lower);
    if (t.sentenceStart) openerCount.set(t.lower, (openerCount.get(t.lower) ?? 0) + 1);
  }
  const isWord = (t: Token) => /[\p{L}\p{N}]/u.test(t.word) && !/^\d+$/.test(t.word);
  const isName = (t: Token) =>
    isWord(t) && t.capitalised && !stopwords.has(t.lower) && !NOT_NAMES.has(t.lower) && !VERBS.has(t.lower) &&
    (!t.sentenceStart || capitalisedInside.has(t.lower) || (!lowerSeen.has(t.lower) && openerCount.get(t.lower)! > 1));
  const isContent = (t: Token) => isWord(t) && !t.capitalised && t.word.length > 2 && !stopwords.has(t.lower) &&
    !NOT_NOUNS.has(t.lower) && !VERBS.has(t.lower) && !/(?:ly|ing|ed)$/.test(t.lower);

  const out = new Map<string, Candidate>();
  const keys = new Map<string, string>();
  const add = (tokens: Token[], entity: boolean) => {
    const surface = tokens.map((t) => t.word).join(' ');
    let key = keys.get(surface);
    if (key === undefined) keys.set(surface, (key = keywordKey(surface)));
    if (!key) return;
    let c = out.get(key);
    if (!c) {
      c = { surface: new Map(), words: key.split(' '), entity, count: 0 };
      out.set(key, c);
    }
    c.count++;
    c.entity ||= entity;
    c.surface.set(surface, (c.surface.get(surface) ?? 0) + 1);
  };
  for (const s of sentences) {
    for (let i = 0; i < s.length; ) {
      if (isName(s[i])) {
        let j = i + 1;
        while (j < s.length && (isName(s[j]) || (NAME_LINKS.test(s[j].lower) && j + 1 < s.length && isName(s[j + 1])))) j++;
        // Titles split a run into the names around them: "WeWork CEO Adam Neumann" → "WeWork", "Adam Neumann".
        let part: Token[] = [];
        for (let k = i; k <= j; k++) {
          if (k < j && !TITLES.has(s[k].lower)) part.push(s[k]);
          else if (part.length) {
            add(part.slice(0, MAX_PHRASE_WORDS), true);
            part = [];
          }
        }
        i = j;
      } else if (isContent(s[i])) {
        let j = i + 1;
        while (j < s.length && j - i < MAX_PHRASE_WORDS && isContent(s[j])) j++;
        add(s.slice(i, j), false);
        i = j;
      } else i++;
    }
  }
  return out;
}

/** PositionRank word scores: PageRank over word co-occurrence, biased towards words that appear early. */
function positionRank(sentences: Token[][], stopwords: Set<string>): Map<string, number> {
  const ids = new Map<string, number>();
  const bias: number[] = [];
  const edges: Array<Map<number, number>> = [];
  const link = (a: number, b: number) => {
    if (a !== b) edges[a].set(b, (edges[a].get(b) ?? 0) + 1);
  };
  let position = 0;
  const window: number[] = [];
  for (const s of sentences) {
    for (const t of s) {
      position++;
      if (!/[\p{L}]/u.test(t.word) || stopwords.has(t.lower)) continue;
      const w = lightStem(t.lower.replace(/\./g, ''));
      let id = ids.get(w);
      if (id === undefined) {
        ids.set(w, (id = bias.length));
        bias.push(0);
        edges.push(new Map());
      }
      bias[id] += 1 / position;
      for (const v of window) { link(id, v); link(v, id); }
      window.push(id);
      if (window.length > 3) window.shift();
    }
    window.length = 0;
  }
  const n = bias.length;
  let total = 0;
  for (const v of bias) total += v;
  const base = Float64Array.from(bias, (v) => ((1 - DAMPING) * v) / total);
  const outWeight = edges.map((m) => { let sum = 0; for (const v of m.values()) sum += v; return sum; });
  let score = Float64Array.from(bias, (v) => v / total);
  for (let iter = 0; iter < 30; iter++) {
    const next = Float64Array.from(base);
    for (let a = 0; a < n; a++) {
      if (!outWeight[a]) continue;
      const share = (DAMPING * score[a]) / outWeight[a];
      for (const [b, w] of edges[a]) next[b] += share * w;
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs(next[i] - score[i]);
    score = next;
    if (change < 1e-6) break;
  }
  const out = new Map<string, number>();
  for (const [w, id] of ids) out.set(w, score[id]);
  return out;
}

function mostUsed(surface: Map<string, number>): string {
  let best = '', n = -1;
  for (const [s, c] of surface) if (c > n || (c === n && s.length > best.length)) { best = s; n = c; }
  return best;
}

/**
 * Keyword suggestions, best first: tags the user already uses that occur in the text, the page's own tags,
 * then named entities and key phrases ranked by PositionRank (entities and title words boosted), with
 * near-duplicates ("U.S." / "US" / "United States", plurals, case, "Khan" within "Imran Khan") merged.
 */
export function suggestKeywords(input: KeywordInput, limit = 10): KeywordSuggestion[] {
  const stopwords = stopwordsForText(input.text, input.language);
  const title = input.title?.trim() ?? '';
  // A title-cased headline would make every word look like a name: phrases come from the body only, while
  // the title still counts for position (it comes first) and as a boost.
  const text = title && input.text.startsWith(title) ? input.text.slice(title.length) : input.text;
  const sentences = tokenize(text, input.language);
  const wordScore = positionRank([...tokenize(title, input.language), ...sentences], stopwords);
  const phrases = candidatePhrases(sentences, stopwords);
  const titleKeys = new Set(
    tokenize(input.title ?? '', input.language).flat().map((t) => lightStem(t.lower.replace(/\./g, ''))),
  );

  // A one-word name that is part of a longer name ("Khan" in "Imran Khan") counts towards the longer one.
  const names = [...phrases.entries()].filter(([, c]) => c.entity);
  for (const [key, c] of names) {
    if (c.words.length !== 1) continue;
    const longer = names.find(([k, o]) => o.words.length > 1 && o.words.includes(key) && k !== key);
    if (longer) { longer[1].count += c.count; phrases.delete(key); }
  }

  const ranked: KeywordSuggestion[] = [];
  for (const c of phrases.values()) {
    if (!c.entity && c.count < 2 && c.words.length === 1) continue;
    if (c.words.length === 1 && TITLES.has(c.words[0])) continue; // "President", "Police" alone name nobody
    let score = 0;
    for (const w of c.words) score += wordScore.get(w) ?? 0;
    // Mean word score (long phrases gain nothing by length), times a squared log of how often the phrase occurs.
    score = (score / c.words.length) * Math.log2(1 + c.count) ** 2;
    if (c.entity) score *= ENTITY_BOOST;
    if (c.words.some((w) => titleKeys.has(w))) score *= TITLE_BOOST;
    ranked.push({ keyword: mostUsed(c.surface), kind: c.entity ? 'entity' : 'phrase', score });
  }
  ranked.sort((a, b) => b.score - a.score);
  const top = ranked[0]?.score || 1;

  const libraryKeywords = (input.libraryKeywords ?? []).filter((k) => k.trim());
  const textKeys = libraryKeywords.length ? ` ${[...phrases.keys()].join(' | ')} ${keywordKey(`${title} ${text}`)} ` : '';
  const library = libraryKeywords.filter((k) => textKeys.includes(` ${keywordKey(k)} `));
  const merged = [
    ...library.map((keyword, i) => ({ keyword, kind: 'library' as const, score: 3 - i / 1000 })),
    ...(input.pageKeywords ?? []).map((keyword, i) => ({ keyword: keyword.trim(), kind: 'page' as const, score: 2 - i / 1000 })),
    ...ranked.map((k) => ({ ...k, score: k.score / top })),
  ];
  const seen = new Set<string>();
  const out: KeywordSuggestion[] = [];
  for (const k of merged) {
    const key = keywordKey(k.keyword);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(k);
    if (out.length >= limit) break;
  }
  return out;
}
