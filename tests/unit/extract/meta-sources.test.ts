import { describe, expect, it } from 'vitest';
import { doc } from './helpers';
import { MetaIndex } from '../../../utils/extract/metadata/meta-tags';
import { fromCitation, fromDublinCore } from '../../../utils/extract/metadata/citation';
import { fromOpenGraph } from '../../../utils/extract/metadata/opengraph';
import { fromHtmlMeta } from '../../../utils/extract/metadata/html-meta';
import { extractDraft } from '../../../utils/extract/extract-draft';

const head = (meta: string) => doc(`<head>${meta}</head><body></body>`);

describe('citation tags', () => {
  it('pairs citation_author with citation_author_institution and inverts "Last, First"', () => {
    const d = head(`
      <meta name="citation_title" content="Sediment transport in deltas">
      <meta name="citation_author" content="Doe, Jane"><meta name="citation_author_institution" content="Delft University">
      <meta name="citation_author" content="John Roe"><meta name="citation_author_institution" content="MIT">
      <meta name="citation_publication_date" content="2019/05/07">
      <meta name="citation_journal_title" content="Journal of Rivers">
      <meta name="citation_keywords" content="deltas; sediment">`);
    const v = fromCitation(new MetaIndex(d)).values;
    expect(v.title).toBe('Sediment transport in deltas');
    expect(v.authors).toEqual([
      { name: 'Jane Doe', affiliation: 'Delft University' },
      { name: 'John Roe', affiliation: 'MIT' },
    ]);
    expect(v.publisher).toBe('Journal of Rivers');
    expect(v.keywords).toEqual(['deltas', 'sediment']);
    expect(v.types).toContain('citation:journal');
  });

  it('uses the technical report institution as publisher and marks a report', () => {
    const d = head('<meta name="citation_title" content="T"><meta name="citation_technical_report_institution" content="Acme Policy Institute">');
    const v = fromCitation(new MetaIndex(d)).values;
    expect(v.publisher).toBe('Acme Policy Institute');
    expect(v.types).toEqual(['citation:report']);
  });
});

describe('Dublin Core and PRISM', () => {
  it('reads dc.creator, dc.publisher and dcterms.issued in either spelling', () => {
    const d = head(`<meta name="DC.creator" content="Doe, Jane"><meta property="dc:publisher" content="Example Press">
      <meta name="dcterms.issued" content="2020-02-02"><meta name="prism.section" content="Features">`);
    const v = fromDublinCore(new MetaIndex(d)).values;
    expect(v.authors).toEqual([{ name: 'Jane Doe', affiliation: null }]);
    expect(v.publisher).toBe('Example Press');
    expect(v.publishedDate).toBe('2020-02-02');
    expect(v.section).toBe('Features');
  });
});

describe('OpenGraph and article tags', () => {
  it('keeps author names and drops profile URLs', () => {
    const d = head(`<meta property="og:title" content="A title"><meta property="og:site_name" content="The Daily">
      <meta property="article:author" content="https://facebook.com/jane"><meta property="article:author" content="Jane Doe">
      <meta property="article:published_time" content="2021-06-01T08:00:00Z"><meta property="article:section" content="Opinion">
      <meta property="article:tag" content="climate"><meta property="article:tag" content="cities">`);
    const v = fromOpenGraph(new MetaIndex(d)).values;
    expect(v.byline).toBe('Jane Doe');
    expect(v.publisher).toBe('The Daily');
    expect(v.section).toBe('Opinion');
    expect(v.keywords).toEqual(['climate', 'cities']);
    expect(v.publishedDate).toBe('2021-06-01T08:00:00Z');
  });

  it('reads parsely-page JSON, sailthru and byl tags', () => {
    const d = head(`<meta name="parsely-page" content='{"title":"P title","author":"Ann Lee","pub_date":"2020-01-02T00:00:00Z","section":"News"}'>
      <meta name="sailthru.author" content="Other Person"><meta name="news_keywords" content="a, b">`);
    const v = fromHtmlMeta(d, new MetaIndex(d)).values;
    expect(v.byline).toBe('Ann Lee');
    expect(v.publishedDate).toBe('2020-01-02T00:00:00Z');
    expect(v.section).toBe('News');
    expect(v.keywords).toEqual(['a', 'b']);
  });

  it('caps a 1 MB meta value and never throws', () => {
    const huge = 'A'.repeat(1_000_000);
    const d = head(`<meta property="og:title" content="${huge}"><meta name="author" content="${huge}">`);
    const draft = extractDraft(d);
    expect((draft.title ?? '').length).toBeLessThanOrEqual(1_000);
    expect(draft.authors).toEqual([]);
  });
});

describe('source precedence and provenance', () => {
  it('prefers JSON-LD over OpenGraph and labels where each field came from', () => {
    const d = doc(`<head><title>Floods | The Daily</title>
      <meta property="og:site_name" content="The Daily"><meta property="og:title" content="Floods">
      <meta property="article:published_time" content="2021-01-01">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Floods","datePublished":"2021-02-03","author":{"name":"Jane Doe"}}</script>
      </head><body><article><h1>Floods</h1><p>Text.</p></article></body>`);
    const draft = extractDraft(d, { url: 'https://www.thedaily.example/news/2021/floods' });
    expect(draft.publishedDate).toBe('2021-02-03');
    expect(draft.sources.publishedDate).toBe('json-ld');
    expect(draft.authors).toEqual([{ name: 'Jane Doe', affiliation: null }]);
    expect(draft.sources.authors).toBe('json-ld');
    expect(draft.publisher).toBe('The Daily');
    expect(draft.sources.publisher).toBe('opengraph');
    expect(draft.literatureType).toBe('News');
    expect(draft.guessed).toEqual(['literatureType']);
  });

  it('leaves fields empty when the page says nothing', () => {
    const draft = extractDraft(doc('<head></head><body><p>Just some words here.</p></body>'));
    expect(draft.authors).toEqual([]);
    expect(draft.publishedDate).toBeNull();
    expect(draft.literatureType).toBeNull();
    expect(draft.sources.authors).toBeUndefined();
  });
});
