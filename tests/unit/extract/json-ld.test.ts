import { describe, expect, it } from 'vitest';
import { doc } from './helpers';
import { fromJsonLd } from '../../../utils/extract/metadata/json-ld';
import { extractDraft } from '../../../utils/extract/extract-draft';

// Pages escape "</" inside JSON-LD as "<\/" (else the HTML parser would end the script there); so do we.
const ld = (...blocks: string[]) =>
  doc(`<head>${blocks.map((b) => `<script type="application/ld+json">${b.replace(/<\//g, '<\\/')}</script>`).join('')}</head><body></body>`);

describe('JSON-LD source', () => {
  it('never takes a related article listed in the markup (an ItemList, a citation, a mention) for the page’s own', () => {
    const related = { '@type': 'Article', headline: 'An older piece', author: { '@type': 'Person', name: 'Zed Zee' }, datePublished: '2020-01-01' };
    const list = ld(JSON.stringify({ '@context': 'https://schema.org', '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', position: 1, item: related }] }));
    expect(fromJsonLd(list).values).toEqual({});
    const cited = ld(JSON.stringify({ '@context': 'https://schema.org', '@type': 'WebPage', name: 'Page', citation: related, mentions: [related] }));
    expect(fromJsonLd(cited).values.authors).toBeUndefined();
    expect(fromJsonLd(cited).values.publishedDate).toBeUndefined();
    // An @id reference into such a list still resolves: only the choice of the page's article skips them.
    const byRef = ld(JSON.stringify({ '@context': 'https://schema.org', '@graph': [
      { '@type': 'Article', headline: 'Ours', author: { '@id': '#zed' } },
      { '@type': 'ItemList', itemListElement: [{ '@type': 'Person', '@id': '#zed', name: 'Zed Zee' }] },
    ] }));
    expect(fromJsonLd(byRef).values.title).toBe('Ours');
    expect(fromJsonLd(byRef).values.authors).toEqual([{ name: 'Zed Zee', affiliation: null }]);
  });

  it('reads the article node of a flattened @graph and resolves @id references', () => {
    const d = ld(JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': '#page', name: 'Headline | Site', inLanguage: 'en-GB' },
        { '@type': 'Organization', '@id': '#org', name: 'The Policy Institute' },
        { '@type': 'Person', '@id': '#jane', name: 'Jane Doe', worksFor: { '@id': '#org' } },
        {
          '@type': 'OpinionNewsArticle', headline: 'Why cities flood', author: { '@id': '#jane' }, publisher: { '@id': '#org' },
          datePublished: '2021-03-04T10:00:00+01:00', dateModified: '2022-01-01', articleSection: ['World', 'Europe'],
          keywords: 'floods, cities', wordCount: '1200', locationCreated: { '@type': 'Place', name: 'Rotterdam' },
        },
      ],
    }));
    const v = fromJsonLd(d).values;
    expect(v.title).toBe('Why cities flood');
    expect(v.authors).toEqual([{ name: 'Jane Doe', affiliation: 'The Policy Institute' }]);
    expect(v.publisher).toBe('The Policy Institute');
    expect(v.publishedDate).toBe('2021-03-04T10:00:00+01:00');
    expect(v.section).toBe('World');
    expect(v.keywords).toEqual(['floods', 'cities']);
    expect(v.language).toBe('en-GB');
    expect(v.wordCount).toBe(1200);
    expect(v.place).toBe('Rotterdam');
    expect(v.types).toContain('OpinionNewsArticle');
  });

  it('reads every block, arrays of authors with nested names and affiliations', () => {
    const d = ld(
      JSON.stringify({ '@type': 'BreadcrumbList', itemListElement: [] }),
      JSON.stringify([{
        '@type': ['Article', 'ScholarlyArticle'], name: 'On Rivers',
        author: [
          { '@type': 'Person', givenName: 'Ada', familyName: 'Lovelace', affiliation: [{ '@type': 'Organization', name: 'Analytical Society' }] },
          'John Roe',
        ],
        datePublished: '1843-09-01',
      }]),
    );
    const v = fromJsonLd(d).values;
    expect(v.title).toBe('On Rivers');
    expect(v.authors).toEqual([
      { name: 'Ada Lovelace', affiliation: 'Analytical Society' },
      { name: 'John Roe', affiliation: null },
    ]);
  });

  it('takes the publication date, never the modification date', () => {
    const d = ld(JSON.stringify({ '@type': 'NewsArticle', headline: 'H', dateModified: '2022-05-05' }));
    expect(fromJsonLd(d).values.publishedDate).toBeUndefined();
  });

  it('keeps a dateline place without its agency and date', () => {
    const d = ld(JSON.stringify({ '@type': 'NewsArticle', headline: 'H', dateline: 'WASHINGTON (AP)' }));
    expect(fromJsonLd(d).values.place).toBe('WASHINGTON');
  });

  it('turns markup in strings into plain text', () => {
    const d = ld(JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Safe <script>alert(1)</script><b>title</b> &amp; more',
      author: { '@type': 'Person', name: '<img src=x onerror=alert(1)>Jane Doe' },
    }));
    const v = fromJsonLd(d).values;
    expect(v.title).toBe('Safe title & more');
    expect(v.authors?.[0].name).toBe('Jane Doe');
  });

  it('yields nothing, without throwing, when a raw </script> cuts the block short', () => {
    const d = doc('<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"a</script><script>alert(1)</script>"}</script></head>');
    expect(fromJsonLd(d).values.title).toBeUndefined();
  });

  it('ignores malformed JSON without throwing and still reads the good blocks', () => {
    const d = ld('{"@type": "NewsArticle", "headline": ', JSON.stringify({ '@type': 'NewsArticle', headline: 'Good one' }));
    expect(fromJsonLd(d).values.title).toBe('Good one');
  });

  it('repairs a trailing comma', () => {
    const d = ld('{"@type": "NewsArticle", "headline": "Comma",}');
    expect(fromJsonLd(d).values.title).toBe('Comma');
  });

  it('survives a 10,000-level @graph: nothing from the deep end, no exception', () => {
    let nested = '{"@type":"NewsArticle","headline":"Deep"}';
    for (let i = 0; i < 10_000; i++) nested = `{"@graph":[${nested}]}`;
    const d = ld(nested);
    expect(() => fromJsonLd(d)).not.toThrow();
    expect(fromJsonLd(d).values.title).toBeUndefined();
    expect(() => extractDraft(d)).not.toThrow();
  });

  it('skips a block over the size cap', () => {
    const big = JSON.stringify({ '@type': 'NewsArticle', headline: 'Big', articleBody: 'x'.repeat(1_100_000) });
    expect(fromJsonLd(ld(big)).values.title).toBeUndefined();
  });
});
