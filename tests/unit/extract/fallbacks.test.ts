import { describe, expect, it } from 'vitest';
import { doc } from './helpers';
import { extractDraft } from '../../../utils/extract/extract-draft';
import { parseOrganisations } from '../../../utils/extract/metadata/byline';
import { dateFromScripts, MAX_SCRIPT_CHARS } from '../../../utils/extract/metadata/scripts';
import { dateBesideSelfReference } from '../../../utils/extract/metadata/self-reference';

const para = '<p>' + 'The river rose overnight and the city council met at dawn to decide what to do next. '.repeat(8) + '</p>';
const orgs = (s: string, opts: Parameters<typeof parseOrganisations>[1] = {}) => parseOrganisations(s, opts).map((a) => a.name);

describe('organisation or newsroom as a last-resort author', () => {
  it('reads newsroom placeholders, the site name and stated organisations', () => {
    expect(orgs('Redaktion')).toEqual(['Redaktion']);
    expect(orgs('Von Redaktion Lokales')).toEqual(['Redaktion Lokales']);
    expect(orgs('By Staff')).toEqual(['Staff']);
    expect(orgs('Editorial team')).toEqual(['Editorial team']);
    expect(orgs('The Daily on March 4, 2021', { siteNames: ['The Daily'] })).toEqual(['The Daily']);
    // An organisation that is not the site: only when stated as the author in metadata.
    expect(orgs('Acme Research Institute')).toEqual([]);
    expect(orgs('Acme Research Institute', { stated: true })).toEqual(['Acme Research Institute']);
  });

  it('never uses log-ins, anonymity, URLs, e-mails, dates or junk', () => {
    for (const junk of ['admin', 'Administrator', 'Anonymous', 'No Author', 'https://example.com/team', 'news@example.com', 'example.com', '12.03.2021', '—', '', 'jdoe_admin', 'undefined']) {
      expect(orgs(junk, { stated: true, siteNames: ['Example'] })).toEqual([]);
    }
  });

  it('a person byline beats an organisation byline', () => {
    const d = doc(`<head><title>Floods | The Daily</title><meta property="og:site_name" content="The Daily">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Why cities flood","author":{"@type":"Organization","name":"The Daily"}}</script></head>
      <body><article><h1>Why cities flood</h1><div class="byline">By Jane Doe</div>${para}</article></body>`);
    const draft = extractDraft(d);
    expect(draft.authors.map((a) => a.name)).toEqual(['Jane Doe']);
    expect(draft.guessed).not.toContain('authors');
  });

  it('a page crediting only the site or its newsroom gets it, marked guessed', () => {
    const d1 = doc(`<head><title>Floods | The Daily</title><meta property="og:site_name" content="The Daily"></head>
      <body><article><h1>Why cities flood</h1><div class="byline">By The Daily</div>${para}</article></body>`);
    const draft1 = extractDraft(d1);
    expect(draft1.authors.map((a) => a.name)).toEqual(['The Daily']);
    expect(draft1.guessed).toContain('authors');
    expect(draft1.sources.authors).toBe('page-byline:site');

    const d2 = doc(`<head><title>Floods</title></head>
      <body><article><h1>Why cities flood</h1><span class="author">Redaktion</span>${para}</article></body>`);
    const draft2 = extractDraft(d2);
    expect(draft2.authors.map((a) => a.name)).toEqual(['Redaktion']);
    expect(draft2.sources.authors).toBe('page-byline:newsroom');
    expect(draft2.guessed).toContain('authors');

    const d3 = doc(`<head><title>Floods</title>
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Why cities flood","author":{"@type":"Organization","name":"Flood Research Council"}}</script></head>
      <body><article><h1>Why cities flood</h1>${para}</article></body>`);
    const draft3 = extractDraft(d3);
    expect(draft3.authors.map((a) => a.name)).toEqual(['Flood Research Council']);
    expect(draft3.sources.authors).toBe('json-ld:organisation');
  });

  it('credits the stated publisher when the page names no author at all, marked guessed; never the bare host', () => {
    const d = doc(`<head><title>Annual report</title><meta property="og:site_name" content="Acme Policy Institute"></head>
      <body><article><h1>Annual report on ports</h1>${para}</article></body>`);
    const draft = extractDraft(d, { url: 'https://acme.example/reports/ports' });
    expect(draft.authors).toEqual([{ name: 'Acme Policy Institute', affiliation: null }]);
    expect(draft.sources.authors).toBe('opengraph:site');
    expect(draft.guessed).toContain('authors');
    const bare = extractDraft(doc(`<body><article><h1>Annual report on ports</h1>${para}</article></body>`), { url: 'https://acme.example/reports/ports' });
    expect(bare.authors).toEqual([]);
    const address = extractDraft(doc(`<head><meta property="og:site_name" content="https://acme.example/"></head><body><article><h1>Annual report on ports</h1>${para}</article></body>`));
    expect(address.authors).toEqual([]);
  });

  it('takes the site name the <title> writes beside the headline as the publisher, over the bare host', () => {
    const d = doc(`<head><title>Annual report on ports | Acme Policy Institute</title></head>
      <body><article><h1>Annual report on ports</h1>${para}</article></body>`);
    const draft = extractDraft(d, { url: 'https://www.acmepolicy.example/reports/ports' });
    expect(draft.publisher).toBe('Acme Policy Institute');
    expect(draft.sources.publisher).toBe('page-title');
    // Credited as the corporate author only as a guess, as any stated publisher is.
    expect(draft.authors).toEqual([{ name: 'Acme Policy Institute', affiliation: null }]);
    expect(draft.guessed).toContain('authors');
    // A segment that does not name the host is a section or a tagline, not the site.
    const other = extractDraft(doc(`<head><title>Annual report on ports | Research and analysis</title></head>
      <body><article><h1>Annual report on ports</h1>${para}</article></body>`), { url: 'https://www.acmepolicy.example/reports/ports' });
    expect(other.publisher).toBe('acmepolicy.example');
    expect(other.authors).toEqual([]);
  });

  it('takes the person an author note introduces when no byline names one', () => {
    const note = '<p>Jane Doe is a senior fellow at the Baltic Maritime Institute.</p>';
    const d = doc(`<head><title>Ports after the war</title><meta property="og:site_name" content="Acme Review"></head>
      <body><article><h1>Ports after the war</h1>${para}${note}</article></body>`);
    const draft = extractDraft(d);
    expect(draft.authors).toEqual([{ name: 'Jane Doe', affiliation: 'Baltic Maritime Institute' }]);
    expect(draft.sources.authors).toBe('article-text');
    expect(draft.guessed).toContain('authors');
    // A byline wins; the note then only adds the affiliation.
    const bylined = extractDraft(doc(`<head><title>Ports after the war</title></head>
      <body><article><h1>Ports after the war</h1><div class="byline">By John Roe</div>${para}${note}</article></body>`));
    expect(bylined.authors).toEqual([{ name: 'John Roe', affiliation: null }]);
    expect(bylined.guessed).not.toContain('authors');
  });

  it('does not read a list of staff, a one-word name or a heading in capitals as an author note', () => {
    const staff = ['Jane Doe', 'John Roe', 'Ann Lee', 'Max Muster'].map((n) => `<p>${n} is a research fellow at the Acme Institute.</p>`).join('');
    const many = extractDraft(doc(`<body><article><h1>Ports after the war</h1>${para}${staff}</article></body>`));
    expect(many.authors).toEqual([]);
    const single = extractDraft(doc(`<body><article><h1>Ports after the war</h1>${para}<p>Jane is a research fellow at the Acme Institute.</p></article></body>`));
    expect(single.authors).toEqual([]);
    const caps = extractDraft(doc(`<body><article><h1>Ports after the war</h1>${para}<p>NATO Review is a member of the Acme Network.</p></article></body>`));
    expect(caps.authors).toEqual([]);
  });

  it('never takes "admin" or an address as the author', () => {
    const d = doc(`<head><title>Floods</title><meta name="author" content="admin">
      <script type="application/ld+json">{"@type":"BlogPosting","headline":"Why cities flood","author":{"@type":"Person","name":"example.com"}}</script></head>
      <body><article><h1>Why cities flood</h1><span class="author">admin</span>${para}</article></body>`);
    const draft = extractDraft(d);
    expect(draft.authors).toEqual([]);
    expect(draft.guessed).not.toContain('authors');
  });
});

describe('dates from inline script data', () => {
  it('reads publication keys with ISO and epoch values', () => {
    const d1 = doc(`<body><script>window.__STATE__ = {"article":{"title":"Why cities flood","publishDate":"2021-03-04T09:00:00Z"}};</script></body>`);
    expect(dateFromScripts(d1)?.values.publishedDate).toBe('2021-03-04T09:00:00Z');
    const d2 = doc(`<body><script>var meta = { published_at: 1614848400 };</script></body>`);
    expect(dateFromScripts(d2)?.values.publishedDate).toBe('2021-03-04');
  });

  it('ignores modification keys and JSON-LD', () => {
    const d = doc(`<body><script>var x = {"dateModified":"2022-05-05","updatedAt":"2022-05-06","lastPubDate":"2022-05-07"};</script>
      <script type="application/ld+json">{"datePublished":"2020-01-01"}</script></body>`);
    expect(dateFromScripts(d)).toBeNull();
  });

  it('takes the date next to the page title when scripts list several articles', () => {
    const d = doc(`<body><script>var related = [{"title":"Another story about bridges","pubDate":"2019-01-01"},
      {"title":"Why cities flood every spring","pubDate":"2021-03-04"}];</script></body>`);
    expect(dateFromScripts(d, { titles: ['Why cities flood every spring'] })?.values.publishedDate).toBe('2021-03-04');
    expect(dateFromScripts(d, { titles: [] })).toBeNull();
  });

  it('is the last resort in the draft, labelled "page scripts"', () => {
    const d = doc(`<head><title>Why cities flood</title></head><body><article><h1>Why cities flood</h1>${para}</article>
      <script>window.data = {"datePublished":"2021-03-04"};</script></body>`);
    const draft = extractDraft(d);
    expect(draft.publishedDate).toBe('2021-03-04');
    expect(draft.sources.publishedDate).toBe('page-scripts');
    const stated = doc(`<head><title>Why cities flood</title><meta property="article:published_time" content="2020-02-02"></head>
      <body><article><h1>Why cities flood</h1>${para}</article><script>window.data = {"datePublished":"2021-03-04"};</script></body>`);
    expect(extractDraft(stated).publishedDate).toBe('2020-02-02');
  });

  // Its speed is measured by `npm run bench`, not asserted here: a wall-clock limit fails on a loaded machine.
  it('scans a bounded amount of script text on a huge script: a date past the budget is not read', () => {
    const filler = 'var a = "x";\n'.repeat(400_000); // ~5 MB
    const d = doc(`<body><script>${filler}</script><script>var m = {"datePublished":"2021-03-04"};</script></body>`);
    expect(filler.length).toBeGreaterThan(MAX_SCRIPT_CHARS * 10);
    expect(dateFromScripts(d)).toBeNull(); // the second script is past the budget
  });
});

describe('date beside a mention of the page itself', () => {
  it('reads a sidebar date next to a link to the page', () => {
    const d = doc(`<body><div id="sidebar"><p class="news"><a href="https://example.org/2011/03/post/">Kunst und Schrift</a> wurde am 4. März 2011 veröffentlicht</p></div>
      <div class="post"><h1>Kunst und Schrift</h1>${para}</div></body>`);
    const r = dateBesideSelfReference(d, { titles: [], url: 'https://example.org/2011/03/post/', lang: 'de' });
    expect(r?.values.publishedDate).toBe('2011-03-04');
    const draft = extractDraft(d, { url: 'https://example.org/2011/03/post/' });
    expect(draft.publishedDate).toBe('2011-03-04');
  });

  it('reads a <time> beside a copy of the headline, not beside other titles', () => {
    const d = doc(`<body><main><h1>The best of the harbour walks</h1>${para}</main>
      <div class="sidebar"><div><p class="h1">The best of the harbour walks</p><div><time datetime="2022-01-28">28 January</time></div></div>
      <ul class="related"><li><p class="title">Another walking story</p><time datetime="2019-01-01">1 Jan</time></li></ul></div></body>`);
    const draft = extractDraft(d);
    expect(draft.publishedDate).toBe('2022-01-28');
    expect(draft.sources.publishedDate).toBe('page-self-reference');
  });
});
