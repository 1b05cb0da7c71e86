import { describe, expect, it } from 'vitest';
import { guessLiteratureType } from '../../../utils/extract/metadata/literature-type';
import { DEFAULT_LITERATURE_TYPES } from '../../../utils/record/vocabulary';

describe('type of literature guess', () => {
  it('maps schema types', () => {
    expect(guessLiteratureType({ types: ['OpinionNewsArticle'] })).toEqual({ value: 'Opinion/Op-Ed', source: 'json-ld-type' });
    expect(guessLiteratureType({ types: ['AnalysisNewsArticle'] })?.value).toBe('Analysis');
    expect(guessLiteratureType({ types: ['ReportageNewsArticle'] })?.value).toBe('News');
    expect(guessLiteratureType({ types: ['ScholarlyArticle'] })?.value).toBe('Research Article');
    expect(guessLiteratureType({ types: ['Report'] })?.value).toBe('Report');
    expect(guessLiteratureType({ types: ['BlogPosting'] })?.value).toBe('Blog Post');
  });

  it('calls a Review a Book Review only when it reviews a book', () => {
    expect(guessLiteratureType({ types: ['Review', 'itemReviewed:Book'] })?.value).toBe('Book Review');
    expect(guessLiteratureType({ types: ['Review', 'itemReviewed:Product'] })).toBeNull();
  });

  it('falls back to the article section and the URL path', () => {
    expect(guessLiteratureType({ types: ['Article'], section: 'Opinion' })).toEqual({ value: 'Opinion/Op-Ed', source: 'article-section' });
    expect(guessLiteratureType({ types: [], url: 'https://example.org/analysis/2021/why-cities-flood' })).toEqual({ value: 'Analysis', source: 'url-path' });
    expect(guessLiteratureType({ types: [], url: 'https://example.org/blog/why-cities-flood' })?.value).toBe('Blog Post');
    expect(guessLiteratureType({ types: [], url: 'https://example.org/working-papers/why-cities-flood' })?.value).toBe('Research Article');
    // A "%" that is no escape is read as written, never a failure.
    expect(guessLiteratureType({ types: [], url: 'https://example.org/sale-50%-off/item' })).toBeNull();
    expect(guessLiteratureType({ types: [], url: 'https://example.org/publikationen/arbeitspapiere/hochwasser' })?.value).toBe('Research Article');
  });

  it('reads the label above the headline, after the section and before the URL', () => {
    expect(guessLiteratureType({ types: [], kicker: 'Interview', url: 'https://example.org/analysis/x' })).toEqual({ value: 'Interview', source: 'page-headline' });
    expect(guessLiteratureType({ types: [], kicker: 'Policy brief', url: null })?.value).toBe('Policy Brief');
    expect(guessLiteratureType({ types: [], section: 'Opinion', kicker: 'Interview' })?.value).toBe('Opinion/Op-Ed');
    expect(guessLiteratureType({ types: [], kicker: 'Middle East', url: 'https://example.org/analysis/x' })?.value).toBe('Analysis');
  });

  it('uses citation tags', () => {
    expect(guessLiteratureType({ types: ['citation:report'] })).toEqual({ value: 'Report', source: 'citation' });
    expect(guessLiteratureType({ types: ['citation:journal'] })?.value).toBe('Research Article');
  });

  it('only ever proposes an allowed value, and nothing without a hint', () => {
    expect(guessLiteratureType({ types: [], url: 'https://example.org/why-cities-flood' })).toBeNull();
    for (const types of [['OpinionNewsArticle'], ['BlogPosting'], ['citation:book']]) {
      expect(DEFAULT_LITERATURE_TYPES).toContain(guessLiteratureType({ types })!.value);
    }
  });
});
