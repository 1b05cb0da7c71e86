
export { draftSummary, SUMMARY_LENGTH_WORDS, type SummaryLength } from './summary';

export { suggestKeywords, type KeywordInput, type KeywordSuggestion } from './keywords';
