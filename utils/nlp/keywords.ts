import { keywordKey } from './keyword-key';
import { rankPhrases, type LinearModel, type Phrase, type RankedPhrase } from './keyphrases';
import { KEYPHRASE_MODEL } from './keyphrase-model';
import { tagText, type TaggedText } from './tagger';
import { languageOfText } from './words';

export { keywordKey };

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

/**
 * Single words that say nothing about an article on their own ("team", "page", "problem"): never suggested
 * alone, though they may head a phrase ("peace talks", "support team").
 */
const GENERIC = new Set(
  `people person man men woman women child children thing things way ways time times year years day days week weeks
  month months hour hours minute minutes area areas part parts problem problems team teams page pages service
  services group groups number numbers case cases place places lot kind kinds fact facts point points issue issues
  world life lives work job jobs side sides end hand hands home homes house thing question questions answer
  answers idea ideas reason reasons result results change changes use user users member members information
  company companies business system systems program programs programme project projects report reports official
  officials source sources statement statements spokesman spokeswoman situation level levels state states country
  countries nation nations city cities family families friend friends story stories news article articles
  percent share deal plan plans effort efforts way process line lines term terms course rest order matter matters
  form forms type types example examples experience version thing site sites website content data value values
  word words name names today week weekend night morning evening afternoon moment period stage step steps`
    .split(/\s+/),
);

/**
 * Added to a name's log-odds: analysts tag people, places and bodies first. On the DUC-2001 dev split, 0.5 costs
 * 0.4 points of F1@10 and gains 0.4 of F1@5 (cross-validated); on web pages scored against their own tags it
 * gains 0.9 of both. At 1 it costs 2 points of F1@10 on DUC.
 */
const NAME_BONUS = 0.5;

/** Text and title as tagged for keywords: the title apart (it comes first and counts as a boost), not twice. */
export function tagForKeywords(input: KeywordInput): TaggedText {
  const title = input.title?.trim() ?? '';
  // A title-cased headline would make every word look like a name: phrases come from the body, the title is
  // its own first sentence whose capitals count only where the body agrees.
  const body = title && input.text.startsWith(title) ? input.text.slice(title.length) : input.text;
  return tagText(body, title, languageOfText(`${title} ${body}`, input.language));
}

function mostUsed(surfaces: Map<string, number>): string {
  let best = '', n = -1;
  for (const [s, c] of surfaces) if (c > n || (c === n && s.length > best.length)) { best = s; n = c; }
  return best;
}

/** A one-word name inside a longer name ("Khan" in "Imran Khan", "Gray" in "William Gray"). */
function partOfName(p: Phrase, names: Phrase[]): boolean {
  return p.name && p.words.length === 1 && names.some((o) => o !== p && o.words.length > 1 && o.words.includes(p.words[0]));
}

/**
 * The ranked phrases as keywords: one-word generic nouns and titles dropped, a one-word name dropped when a
 * longer name contains it (its mentions count for that name), near-duplicates (aliases, plurals) once.
 */
export function keyphraseSuggestions(text: TaggedText, model: LinearModel = KEYPHRASE_MODEL): KeywordSuggestion[] {
  const ranked: RankedPhrase[] = rankPhrases(text, model)
    .map((r) => ({ ...r, score: r.score + (r.phrase.name ? NAME_BONUS : 0) }))
    .sort((a, b) => b.score - a.score);
  const names = ranked.map((r) => r.phrase).filter((p) => p.name && p.words.length > 1);
  const out: KeywordSuggestion[] = [];
  const top = ranked[0]?.score ?? 0;
  for (const { phrase, score } of ranked) {
    if (phrase.words.length === 1 && !phrase.name && GENERIC.has(phrase.words[0])) continue;
    if (partOfName(phrase, names)) continue;
    // Scores are log-odds: shown relative to the best, as a share of its odds.
    out.push({ keyword: mostUsed(phrase.surfaces), kind: phrase.name ? 'entity' : 'phrase', score: Math.exp(score - top) });
  }
  return out;
}

/**
 * Keyword suggestions, best first: tags the user already uses that occur in the text, the page's own tags,
 * then the text's key phrases and names, with near-duplicates ("U.S." / "US" / "United States", plurals,
 * case, "Khan" within "Imran Khan") merged.
 */
export function suggestKeywords(input: KeywordInput, limit = 10): KeywordSuggestion[] {
  const tagged = tagForKeywords(input);
  const ranked = keyphraseSuggestions(tagged);
  const libraryKeywords = (input.libraryKeywords ?? []).filter((k) => k.trim());
  let library: string[] = [];
  if (libraryKeywords.length) {
    const textKey = ` ${tagged.sentences.map((s) => keywordKey(s.map((t) => t.word).join(' '))).join(' | ')} `;
    const phraseKeys = new Set(ranked.map((k) => keywordKey(k.keyword)));
    library = libraryKeywords.filter((k) => phraseKeys.has(keywordKey(k)) || textKey.includes(` ${keywordKey(k)} `));
  }
  const merged: KeywordSuggestion[] = [
    ...library.map((keyword, i) => ({ keyword, kind: 'library' as const, score: 3 - i / 1000 })),
    ...(input.pageKeywords ?? []).map((keyword, i) => ({ keyword: keyword.trim(), kind: 'page' as const, score: 2 - i / 1000 })),
    ...ranked,
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
