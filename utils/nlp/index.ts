import { splitSentences } from './sentences';

export type SummaryLength = 'short' | 'medium' | 'long';
/** Target length of the drafted summary, in words. */
export const SUMMARY_LENGTH_WORDS: Record<SummaryLength, number> = { short: 40, medium: 80, long: 160 };

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

const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** An extractive draft: the article's first sentences up to the target length, in article order. */
export function draftSummary(
  text: string,
  options: { length?: SummaryLength; language?: string | null; title?: string | null } = {},
): string {
  const budget = SUMMARY_LENGTH_WORDS[options.length ?? 'medium'];
  const picked: string[] = [];
  let words = 0;
  for (const s of splitSentences(text, options.language)) {
    if (options.title && s.text === options.title.trim()) continue;
    const n = countWords(s.text);
    if (words && words + n > budget * 1.15) break;
    picked.push(s.text);
    words += n;
    if (words >= budget) break;
  }
  return picked.join(' ');
}

/** Keyword suggestions, best first: the page's own tags, then frequent capitalised phrases. */
export function suggestKeywords(input: KeywordInput, limit = 10): KeywordSuggestion[] {
  const out: KeywordSuggestion[] = [];
  const seen = new Set<string>();
  const add = (keyword: string, kind: KeywordSuggestion['kind'], score: number) => {
    const key = keyword.toLowerCase();
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push({ keyword, kind, score });
  };
  (input.pageKeywords ?? []).forEach((k, i) => add(k.trim(), 'page', 1 - i / 1000));
  const counts = new Map<string, number>();
  for (const m of input.text.matchAll(/\b[A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+)*/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const ranked = [...counts].filter(([, c]) => c > 1).sort((a, b) => b[1] - a[1]);
  for (const [phrase, c] of ranked) add(phrase, 'entity', c / (ranked[0]?.[1] ?? 1) / 2);
  return out.slice(0, limit);
}
