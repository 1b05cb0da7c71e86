
export { draftSummary, SUMMARY_LENGTH_WORDS, type SummaryLength } from './summary';

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
