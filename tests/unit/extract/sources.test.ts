import { describe, expect, it } from 'vitest';
import { doc } from './helpers';
import { sourceRef, sourceText } from '../../../utils/extract/sources';
import { extractDraft } from '../../../utils/extract/extract-draft';
import { hintsFromDraft } from '../../../components/draft-hints';
import { validateRecord } from '../../../utils/record/schema';

const para = '<p>' + 'The river rose overnight and the city council met at dawn to decide what to do next. '.repeat(8) + '</p>';

describe('source identifiers', () => {
  it('drafts carry identifiers, shown as display text in the hints', () => {
    const d = doc(`<head><title>Floods</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Why cities flood","author":{"@type":"Person","name":"Jane Doe"}}</script></head>
      <body><article><h1>Why cities flood</h1>${para}${para}</article></body>`);
    const draft = extractDraft(d);
    expect(draft.sources.authors).toBe('json-ld');
    expect(draft.sources.title).toBe('page-headline');
    const hints = hintsFromDraft(draft);
    expect(hints.authors).toEqual({ kind: 'from', source: 'JSON-LD' });
    expect(hints.title).toEqual({ kind: 'from', source: 'page headline' });
  });

  it('names what an organisation credited as author is', () => {
    expect(sourceText('page-byline:site')).toBe('page byline (site name)');
    expect(sourceText('json-ld:organisation')).toBe('JSON-LD (organisation)');
    expect(sourceText('meta-tags:newsroom')).toBe('meta tags (newsroom)');
  });

  it('reads the labels records were saved with before identifiers', () => {
    expect(sourceRef('JSON-LD')).toBe('json-ld');
    expect(sourceRef('page byline (site name)')).toBe('page-byline:site');
    expect(sourceRef('citation tags (organisation)')).toBe('citation:organisation');
    expect(sourceText('page byline (newsroom)')).toBe('page byline (newsroom)');
    const saved = validateRecord({
      id: 'r1', title: 'Floods', createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z',
      sources: { authors: 'JSON-LD', publishedDate: 'page date' },
    });
    expect(saved.ok && saved.value.sources).toEqual({ authors: 'JSON-LD', publishedDate: 'page date' });
    expect(saved.ok && Object.values(saved.value.sources ?? {}).map(sourceText)).toEqual(['JSON-LD', 'page date']);
  });

  it('shows a value it does not know as it is, and never mistakes one for an identifier', () => {
    expect(sourceRef('PDF metadata')).toBeNull();
    expect(sourceText('PDF metadata')).toBe('PDF metadata');
    expect(sourceRef('json-ld:site:extra')).toBeNull();
    expect(sourceRef('JSON-LD (somebody)')).toBeNull();
    expect(sourceRef('constructor')).toBeNull();
    expect(sourceRef('toString (site name)')).toBeNull();
  });
});
