// Key phrases of a text: noun-phrase candidates from the tagger, described by a few general features
// (frequency, position, title, length, names, PositionRank) and ranked by a linear model whose weights were
// fitted on the DUC-2001 development split and checked by cross-validation (bench/keyphrase-weights.ts).
import { keywordKey, wordKey } from './keyword-key';
import { KEYPHRASE_MODEL } from './keyphrase-model';
import type { Tag, TaggedText, Token } from './tagger';

export interface Phrase {
  key: string;
  /** Surface forms with their counts; the most used one is shown. */
  surfaces: Map<string, number>;
  /** The key of each word of the phrase (as tokens, before aliases). */
  words: string[];
  tags: Tag[];
  count: number;
  first: number;
  firstSentence: number;
  inTitle: boolean;
  /** Every word is a name: a person, place or body ("Imran Khan", "Pentagon"). */
  name: boolean;
}

const MAX_WORDS = 5;
/** Titles and descriptors before a name ("President Trump", "CEO Adam Neumann"): the keyword is the name. */
const TITLES = new Set(
  `president ceo chairman chairwoman chair minister prime secretary senator governor judge justice officer chief
  director king queen prince princess pope general mayor coach manager professor lord lady dame sheriff spokesman
  spokeswoman commissioner ambassador`.split(/\s+/),
);
/** Small words that join the parts of one name ("Bank of England", "Ludwig van Beethoven"). */
const NAME_LINKS = new Set(['of', 'de', 'del', 'della', 'von', 'van', 'der', 'al', 'bin', 'la', 'le', 'du', '&']);
const PHRASE_TAGS = new Set<Tag>(['name', 'noun', 'adj']);
const HEAD_TAGS = new Set<Tag>(['name', 'noun']);

/**
 * Candidate phrases: maximal runs of adjectives, nouns and names that end in a noun or a name (at most five
 * words, the last ones kept), names joined over "of"/"de"/"von"…, and split at titles before a name.
 */
export function findPhrases(text: TaggedText): Map<string, Phrase> {
  const out = new Map<string, Phrase>();
  const surfaceKeys = new Map<string, string>();
  const joiner = text.language === 'cjk' ? '' : ' ';
  const add = (run: Token[], nameParts = true) => {
    while (run.length && !HEAD_TAGS.has(run[run.length - 1].tag)) run = run.slice(0, -1);
    while (run.length && run[0].tag !== 'name' && NAME_LINKS.has(run[0].lower)) run = run.slice(1);
    if (!run.length) return;
    if (run.length > MAX_WORDS) run = run.slice(-MAX_WORDS);
    // The names inside a longer phrase are mentions of their own ("Boeing" in "Boeing jets").
    if (nameParts && run.some((t) => t.tag !== 'name')) {
      let part: Token[] = [];
      for (const t of [...run, null]) {
        if (t && (t.tag === 'name' || (part.length && NAME_LINKS.has(t.lower)))) part.push(t);
        else if (part.length) { add(part, false); part = []; }
      }
    }
    const surface = run.map((t) => t.word).join(joiner);
    let key = surfaceKeys.get(surface);
    if (key === undefined) surfaceKeys.set(surface, (key = keywordKey(surface)));
    if (!key) return;
    let p = out.get(key);
    if (!p) {
      p = {
        key, surfaces: new Map(), words: run.map((t) => wordKey(t.word)), tags: run.map((t) => t.tag), count: 0,
        first: run[0].at, firstSentence: run[0].sentence, inTitle: false, name: run.every((t) => t.tag === 'name' || NAME_LINKS.has(t.lower)),
      };
      out.set(key, p);
    }
    p.count++;
    if (run[0].sentence === 0) p.inTitle = true;
    // Surfaces from the body are preferred: a headline capitalises every word.
    if (run[0].sentence > 0 || !p.surfaces.size) p.surfaces.set(surface, (p.surfaces.get(surface) ?? 0) + 1);
  };
  for (const s of text.sentences) {
    let run: Token[] = [];
    for (let i = 0; i < s.length; i++) {
      const t = s[i];
      const linksNames = run.length > 0 && run[run.length - 1].tag === 'name' && NAME_LINKS.has(t.lower) && s[i + 1]?.tag === 'name';
      const isTitle = TITLES.has(t.lower) && s[i + 1]?.tag === 'name';
      if (isTitle) {
        add(run);
        run = [];
      } else if (PHRASE_TAGS.has(t.tag) || linksNames) {
        run.push(t);
        // A name's possessive ends its phrase: "Ethiopia's water minister" is Ethiopia, then a water minister.
        if (t.possessive && t.tag === 'name') {
          add(run);
          run = [];
        }
      } else {
        add(run);
        run = [];
      }
    }
    add(run);
  }
  return out;
}

const WINDOW = 10;
const DAMPING = 0.85;
const ITERATIONS = 40;

/** PositionRank word scores (scaled by the number of words, so 1 is average): PageRank over co-occurrence of
 * nouns, names and adjectives within ten tokens, biased towards words that appear early. */
export function positionRank(text: TaggedText): Map<string, number> {
  const ids = new Map<string, number>();
  const bias: number[] = [];
  const edges: Array<Map<number, number>> = [];
  const seq: number[] = [];
  for (const s of text.sentences) for (const t of s) {
    if (!PHRASE_TAGS.has(t.tag)) { seq.push(-1); continue; }
    const w = wordKey(t.word);
    let id = ids.get(w);
    if (id === undefined) {
      ids.set(w, (id = bias.length));
      bias.push(0);
      edges.push(new Map());
    }
    bias[id] += 1 / (t.at + 1);
    seq.push(id);
  }
  for (let a = 0; a < seq.length; a++) {
    const ia = seq[a];
    if (ia < 0) continue;
    for (let b = a + 1; b < Math.min(seq.length, a + WINDOW); b++) {
      const ib = seq[b];
      if (ib < 0 || ib === ia) continue;
      edges[ia].set(ib, (edges[ia].get(ib) ?? 0) + 1);
      edges[ib].set(ia, (edges[ib].get(ia) ?? 0) + 1);
    }
  }
  const n = bias.length;
  let total = 0;
  for (const v of bias) total += v;
  // The graph in compressed rows (neighbours and weights in flat arrays): the iterations run over typed arrays.
  const start = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) start[a + 1] = start[a] + edges[a].size;
  const to = new Int32Array(start[n]);
  const weight = new Float64Array(start[n]);
  const outWeight = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let e = start[a];
    for (const [b, w] of edges[a]) { to[e] = b; weight[e++] = w; outWeight[a] += w; }
  }
  const base = Float64Array.from(bias, (v) => ((1 - DAMPING) * v) / total);
  let score = Float64Array.from(bias, (v) => v / total);
  let next = new Float64Array(n);
  for (let iter = 0; iter < ITERATIONS; iter++) {
    next.set(base);
    for (let a = 0; a < n; a++) {
      if (!outWeight[a]) continue;
      const share = (DAMPING * score[a]) / outWeight[a];
      for (let e = start[a]; e < start[a + 1]; e++) next[to[e]] += share * weight[e];
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs(next[i] - score[i]);
    [score, next] = [next, score];
    if (change < 1e-7) break;
  }
  const out = new Map<string, number>();
  for (const [w, id] of ids) out.set(w, score[id] * n);
  return out;
}

/** The names of the features, in the order of `phraseFeatures`' vectors and of the model's weights. */
export const FEATURE_NAMES = [
  'log count', 'log count with longer phrases', 'log count of head word', 'log mean word count', 'log min word count',
  'first position (share of text)', 'log first sentence', 'in title', 'share of words in title',
  'one word', 'two words', 'three words', 'four or more words', 'all names', 'has a name', 'opens with adjective',
  'log sum PositionRank', 'log mean PositionRank', 'log min PositionRank', 'log count inside longer phrases',
] as const;

/** Feature vectors of the phrases (see FEATURE_NAMES), in the order of `phrases`. */
export function phraseFeatures(text: TaggedText, phrases: Phrase[]): number[][] {
  const rank = positionRank(text);
  const wordCount = new Map<string, number>();
  const titleWords = new Set<string>();
  for (const s of text.sentences) for (const t of s) {
    if (!PHRASE_TAGS.has(t.tag)) continue;
    const w = wordKey(t.word);
    wordCount.set(w, (wordCount.get(w) ?? 0) + 1);
    if (t.sentence === 0) titleWords.add(w);
  }
  // How often each phrase occurs inside a longer one ("oil spill" in "biggest oil spill").
  const inside = new Map<string, number>();
  for (const p of phrases) {
    const words = p.key.split(' ');
    for (let a = 0; a < words.length; a++) for (let b = a + 1; b <= words.length; b++) {
      if (b - a === words.length) continue;
      const sub = words.slice(a, b).join(' ');
      inside.set(sub, (inside.get(sub) ?? 0) + p.count);
    }
  }
  const tokens = Math.max(1, text.tokens);
  return phrases.map((p) => {
    const n = p.words.length;
    const counts = p.words.map((w) => wordCount.get(w) ?? 0);
    const ranks = p.words.map((w) => rank.get(w) ?? 0);
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    const within = inside.get(p.key) ?? 0;
    return [
      Math.log1p(p.count), Math.log1p(p.count + within), Math.log1p(counts[n - 1]), Math.log1p(sum(counts) / n),
      Math.log1p(Math.min(...counts)), p.first / tokens, Math.log1p(p.firstSentence), p.inTitle ? 1 : 0,
      p.words.filter((w) => titleWords.has(w)).length / n, n === 1 ? 1 : 0, n === 2 ? 1 : 0, n === 3 ? 1 : 0,
      n >= 4 ? 1 : 0, p.name ? 1 : 0, p.tags.includes('name') ? 1 : 0, p.tags[0] === 'adj' ? 1 : 0,
      Math.log1p(sum(ranks)), Math.log1p(sum(ranks) / n), Math.log1p(Math.min(...ranks)), Math.log1p(within),
    ];
  });
}

export interface LinearModel {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** A phrase's score under a linear model over standardised features. */
export function modelScore(model: LinearModel, features: number[]): number {
  let z = model.bias;
  for (let j = 0; j < features.length; j++) z += model.weights[j] * ((features[j] - model.mean[j]) / model.scale[j]);
  return z;
}

export interface RankedPhrase {
  phrase: Phrase;
  score: number;
}

/** The candidate phrases of a tagged text, best first. */
export function rankPhrases(text: TaggedText, model: LinearModel = KEYPHRASE_MODEL): RankedPhrase[] {
  const phrases = [...findPhrases(text).values()];
  const features = phraseFeatures(text, phrases);
  return phrases.map((phrase, i) => ({ phrase, score: modelScore(model, features[i]) })).sort((a, b) => b.score - a.score);
}
