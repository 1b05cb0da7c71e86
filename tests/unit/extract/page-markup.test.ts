import { describe, expect, it } from 'vitest';
import { doc } from './helpers';
import { extractDraft } from '../../../utils/extract/extract-draft';
import { datelinePlace, affiliationsFromBio, leadDate } from '../../../utils/extract/metadata/article-text';
import { dateFromUrl } from '../../../utils/extract/metadata/url-date';

const para = '<p>' + 'The river rose overnight and the city council met at dawn to decide what to do next. '.repeat(8) + '</p>';

describe('page markup source', () => {
  it('reads the byline block and <time datetime> next to the headline', () => {
    const d = doc(`<head><title>Floods</title></head><body>
      <article><header><h1>Why cities flood</h1>
        <div class="byline">By Jane Doe and John Roe</div><time datetime="2021-03-04T09:00:00+01:00">4 March</time></header>
        ${para}${para}</article>
      <aside class="related"><h2>More</h2><div class="byline">By Someone Else</div><time datetime="2020-01-01">1 Jan</time></aside>
      </body>`);
    const draft = extractDraft(d);
    expect(draft.authors.map((a) => a.name)).toEqual(['Jane Doe', 'John Roe']);
    expect(draft.sources.authors).toBe('page-byline');
    expect(draft.publishedDate).toBe('2021-03-04');
    expect(draft.sources.publishedDate).toBe('page-date');
  });

  it('reads a byline line under the headline that has no spaces, and a lone by-word with the name on the next line', () => {
    const page = (lines: string) => extractDraft(doc(`<head><title>Floods</title></head><body><article><h1>Why cities flood</h1>
      ${lines}${para}${para}</article></body>`));
    const cjk = page('<p>作者：肖春芳</p>');
    expect(cjk.authors.map((a) => a.name)).toEqual(['肖春芳']);
    expect(cjk.sources.authors).toBe('page-text');
    expect(page('<p>By</p><p>Jane Doe</p>').authors.map((a) => a.name)).toEqual(['Jane Doe']);
  });

  it('reads a link to an author page of the same site near the headline as the byline, not one to another site or a page about a person', () => {
    const page = (link: string) => extractDraft(doc(`<head><title>Floods</title></head><body><article><h1>Why cities flood</h1>
      <p>${link}</p>${para}${para}</article></body>`), { url: 'https://www.paper.example/news/floods' });
    expect(page('<a href="/author/jane-doe/">Jane Doe</a>').authors.map((a) => a.name)).toEqual(['Jane Doe']);
    expect(page('<a href="https://paper.example/experts/jane-doe">Jane Doe</a>').authors.map((a) => a.name)).toEqual(['Jane Doe']);
    expect(page('<a href="https://other.example/author/jane-doe">Jane Doe</a>').authors).toEqual([]);
    expect(page('<a href="/people/jane-doe">Jane Doe</a>').authors).toEqual([]);
  });

  it('reads bylines in blocks named for a reporter, a journalist or a creator, in several languages', () => {
    for (const cls of ['reporter', 'journalist', 'posted-by', 'creator', 'penulis', 'yazar']) {
      const d = doc(`<head><title>Floods</title></head><body><article><h1>Why cities flood</h1><span class="${cls}">Jane Doe</span>${para}${para}</article></body>`);
      expect(extractDraft(d).authors.map((a) => a.name), cls).toEqual(['Jane Doe']);
    }
  });

  it('reads the short label right above the headline as its kicker, past a script, and guesses the type from it', () => {
    const d = doc(`<head><title>Why cities flood</title></head><body><article><header><p class="kicker">Interview</p><script>ad()</script>
      <h1>Why cities flood</h1></header>${para}${para}</article></body>`);
    const draft = extractDraft(d, { url: 'https://example.org/a/why-cities-flood' });
    expect(draft.literatureType).toBe('Interview');
    expect(draft.sources.literatureType).toBe('page-headline');
  });

  it('finds bylines and dates at any depth and in document order, but not in <noscript> or <template>', () => {
    const deep = (inner: string) => '<div>'.repeat(200) + inner + '</div>'.repeat(200);
    const d = doc(`<head><title>Floods</title></head><body>${deep(`<article><h1>Why cities flood</h1>
      <noscript><div class="byline">By Mary Major</div></noscript><template><div class="byline">By Ann Lee</div></template>
      <span class="author-name">Jane Doe</span><span class="entry-date">4 March 2021</span>${para}${para}</article>`)}</body>`);
    const draft = extractDraft(d);
    expect(draft.authors.map((a) => a.name)).toEqual(['Jane Doe']);
    expect(draft.publishedDate).toBe('2021-03-04');
    const unshown = extractDraft(doc(`<head><title>Floods</title></head><body><article><h1>Why cities flood</h1>
      <noscript><div class="byline">By Mary Major</div></noscript><template><div class="byline">By Ann Lee</div></template>
      ${para}${para}</article></body>`));
    expect(unshown.authors).toEqual([]);
  });

  it('reads the date line below a standfirst in an <h2> right after the headline, but not past the next section heading', () => {
    const page = (between: string) =>
      doc(`<head><title>Floods</title></head><body><main><h1>Why cities flood</h1>${between}
        <p>Published 12.05.2021 by the editors</p>${para}${para}</main></body>`);
    const withStandfirst = extractDraft(page('<h2>Rivers rise faster than the walls built to hold them.</h2>'));
    expect(withStandfirst.publishedDate).toBe('2021-05-12');
    expect(withStandfirst.sources.publishedDate).toBe('page-text');
    // A heading further down opens another section: a date after it is not the headline's.
    const afterSection = extractDraft(page(`${para}<h2>Older reports</h2>`));
    expect(afterSection.publishedDate).toBeNull();
  });

  it('ignores dates and bylines in related links, navigation and footers', () => {
    const d = doc(`<head><title>Floods</title></head><body>
      <nav><time datetime="2019-01-01">x</time><a rel="author" href="/a">Nav Person</a></nav>
      <article><h1>Why cities flood</h1>${para}${para}</article>
      <footer><time datetime="2018-01-01">y</time><span class="author">Footer Person</span></footer>
      </body>`);
    const draft = extractDraft(d);
    expect(draft.authors).toEqual([]);
    expect(draft.publishedDate).toBeNull();
  });

  it('reads the date and byline in the footer block of the article item, not the page footer', () => {
    const page = (footer: string) => doc(`<head><title>Floods</title></head><body>
      <div class="news" itemscope itemtype="https://schema.org/Article"><h1>Why cities flood</h1>${para}
        <div class="footer news-meta">${footer}</div></div>
      <div class="footer"><time datetime="2018-01-01">y</time><span class="author">Footer Person</span></div></body>`);
    const draft = extractDraft(page('<span class="author">Jane Doe</span> <time itemprop="datePublished" datetime="2022-01-21">21.01.2022</time>'));
    expect(draft.authors.map((a) => a.name)).toEqual(['Jane Doe']);
    expect(draft.publishedDate).toBe('2022-01-21');
    // The page's own footer, outside any article, still counts for nothing.
    const bare = extractDraft(page(''));
    expect(bare.authors).toEqual([]);
    expect(bare.publishedDate).toBeNull();
  });

  it('reads itemprop=author with a nested name, and rel=author links', () => {
    const d1 = doc(`<body><article><h1>Title here</h1><span itemprop="author" itemscope><span itemprop="name">Ann Lee</span></span>${para}</article></body>`);
    expect(extractDraft(d1).authors.map((a) => a.name)).toEqual(['Ann Lee']);
    const d2 = doc(`<body><article><h1>Title here</h1><p>Posted by <a rel="author" href="/u/bo">Bo Chen</a></p>${para}</article></body>`);
    expect(extractDraft(d2).authors.map((a) => a.name)).toEqual(['Bo Chen']);
  });

  it('reads labelled bylines and dates ("Autor: …", "Datum: …")', () => {
    const d = doc(`<body><article><h1>Ein Titel hier</h1><div><b>Datum:</b> 03.11.2021<br><b>Autor:</b> Hans Müller</div>${para}</article></body>`);
    const draft = extractDraft(d);
    expect(draft.authors.map((a) => a.name)).toEqual(['Hans Müller']);
    expect(draft.publishedDate).toBe('2021-11-03');
  });

  it('reads each value after a <dt> label as its own name', () => {
    const d = doc(`<body><article><h1>Europe's grid problem</h1><dl><dt>Authors</dt><dd><a>Jane Doe</a></dd><dd><a>John Roe</a></dd><dt>Published</dt><dd>5 March 2024</dd></dl>${para}</article></body>`);
    const draft = extractDraft(d);
    expect(draft.authors.map((a) => a.name)).toEqual(['Jane Doe', 'John Roe']);
    expect(draft.publishedDate).toBe('2024-03-05');
  });

  it('reads the names under an "Authors" or "Experts" heading near the headline, with the role apart', () => {
    const d = doc(`<body><article><h1>Europe's grid problem</h1><section><h2>Experts</h2><div><a href="/experts/jd"><span>Jane Doe</span></a><p>Director, Energy Security Program</p></div></section>${para}</article></body>`);
    expect(extractDraft(d).authors).toEqual([{ name: 'Jane Doe', affiliation: 'Energy Security Program' }]);
    // A byline heading is read as a byline, not as the title of what follows it.
    const marked = doc(`<body><article><h1>Conversations</h1><h3 class="byline"><a rel="author" href="/u/ann">Ann Lee</a></h3><div><h3>Summary:</h3><p>What the story is about.</p></div>${para}</article></body>`);
    expect(extractDraft(marked).authors.map((a) => a.name)).toEqual(['Ann Lee']);
  });

  it('does not take the category or tags in a byline block for names', () => {
    const d = doc(`<body><article><h1>Europe's grid problem</h1><div class="byline"><span class="author">Jane Doe</span>
      <div class="category"><a href="/category/energy/">Energy</a></div></div>${para}</article></body>`);
    expect(extractDraft(d).authors.map((a) => a.name)).toEqual(['Jane Doe']);
    const tagged = doc(`<body><article><h1>Europe's grid problem</h1><div class="byline"><a href="/people/jd">Jane Doe</a> ·
      <a href="/topics/Brussels">Brussels</a><div>Filed under: <a href="/tag/grid">Grid</a></div></div>${para}</article></body>`);
    expect(extractDraft(tagged).authors.map((a) => a.name)).toEqual(['Jane Doe']);
  });

  it('keeps a name apart from the role set beside it by markup alone', () => {
    const d = doc(`<body><article><h1>Europe's grid problem</h1><div class="author-card"><a href="/experts/jd">Jane Doe</a><span class="role">Senior Fellow</span></div>${para}</article></body>`);
    expect(extractDraft(d).authors.map((a) => a.name)).toEqual(['Jane Doe']);
  });

  it('reads a byline written as text under the headline, in an element no class names', () => {
    const d = doc(`<head><title>Floods</title></head><body><article><h1>Why cities flood</h1>
      <p><i>von Hans Müller und Eva Maier</i></p>${para}${para}</article></body>`);
    const draft = extractDraft(d);
    expect(draft.authors.map((a) => a.name)).toEqual(['Hans Müller', 'Eva Maier']);
    expect(draft.sources.authors).toBe('page-text');
    const split = doc(`<body><article><h1>Why cities flood</h1><div><span>By</span><span><a href="/staff/jd">Jane Doe</a></span></div>${para}</article></body>`);
    expect(extractDraft(split).authors.map((a) => a.name)).toEqual(['Jane Doe']);
  });

  it('does not read a sentence that starts with a by-word as a byline', () => {
    const d = doc(`<body><article><h1>Neue Regeln</h1><p>Von Montag an gilt die neue Regel für alle.</p>${para}</article></body>`);
    expect(extractDraft(d).authors).toEqual([]);
  });

  it('finds the headline after hundreds of teaser bylines and dates', () => {
    const teasers = Array.from({ length: 300 }, (_, i) => `<li><span class="author">Writer ${i}</span><time datetime="2020-01-01">1 Jan</time></li>`).join('');
    const d = doc(`<head><title>Why cities flood</title></head><body><ul class="teasers">${teasers}</ul>
      <article><h1>Why cities flood</h1><div class="byline">By Jane Doe</div><time datetime="2021-03-04">4 March 2021</time>${para}</article></body>`);
    const draft = extractDraft(d);
    expect(draft.authors.map((a) => a.name)).toEqual(['Jane Doe']);
    expect(draft.publishedDate).toBe('2021-03-04');
  });

  it('reads the byline and date of a whole post that the template puts in a widget', () => {
    const d = doc(`<head><title>Tach auch</title></head><body><div class="widget Blog"><div class="post hentry">
      <h3 class="post-title entry-title">Tach auch</h3>${para}${para}${para}
      <div class="post-footer">Posted by <span class="author vcard">Hans Müller</span> at <abbr class="published" title="2020-04-28T21:11:00+02:00">21:11</abbr></div>
      </div></div><div class="widget Label"><span class="author">Somebody Else</span><time datetime="2019-01-01">1 Jan</time></div></body>`);
    const draft = extractDraft(d);
    expect(draft.authors.map((a) => a.name)).toEqual(['Hans Müller']);
    expect(draft.publishedDate).toBe('2020-04-28');
  });

  it('looks for the byline and date near the <h2> that is the stated title when no <h1> agrees', () => {
    const d = doc(`<head><title>Levels for synchronised swimming - News - Swim Federation</title><meta property="og:site_name" content="Swim Federation"></head><body>
      <header><h1>Swim Federation</h1></header>
      <main><h2>Levels for synchronised swimming</h2><div class="newsSingleHeader"><span class="blue">01.02.2022</span></div>${para}</main></body>`);
    expect(extractDraft(d, { url: 'https://swim.example/news/levels' }).publishedDate).toBe('2022-02-01');
  });

  it('takes a date from the URL path', () => {
    expect(dateFromUrl('https://example.org/2019/01/18/some-story')).toBe('2019-01-18');
    expect(dateFromUrl('https://example.org/2019/01/some-story')).toBeNull();
    expect(dateFromUrl('https://example.org/news/2012-06/04/content_1.htm')).toBe('2012-06-04');
    expect(dateFromUrl('https://example.org/a/2019.01.18/some-story')).toBe('2019-01-18');
    // Written together as a folder of the path; a longer run of digits is an id or an archive's time stamp.
    expect(dateFromUrl('https://example.org/a/20190118/some-story')).toBe('2019-01-18');
    expect(dateFromUrl('https://example.org/story/some-story-20190118.html')).toBeNull(); // a story id
    expect(dateFromUrl('https://example.org/docs/2023.10.1/guide')).toBeNull(); // a version
    expect(dateFromUrl('https://example.org/a/2019011812/some-story')).toBeNull();
    expect(dateFromUrl('https://example.org/a/20191318/some-story')).toBeNull();
  });
});

describe('dateline and author bio', () => {
  it('reads the place of a dateline opening', () => {
    expect(datelinePlace('WASHINGTON — The Senate voted on Tuesday.')).toBe('Washington');
    expect(datelinePlace('LONDON (Reuters) - Shares fell.')).toBe('London');
    expect(datelinePlace('Berlin (dpa) - Die Regierung hat.')).toBe('Berlin');
    expect(datelinePlace('The Senate voted on Tuesday — again.')).toBeNull();
  });

  it('reads the date an article opens with on a line of its own', () => {
    expect(leadDate('A standfirst of the article.\n26. Januar 2022\nThe body begins.', 'de')).toBe('2022-01-26');
    expect(leadDate('Published 3 May 2021 · 4 min read\nThe body begins.', 'en')).toBe('2021-05-03');
    // A sentence that mentions a date, an update line, or a date further down is not the article's date.
    expect(leadDate('On 3 May 2021 the council met to vote on the budget for next year.\nMore.', 'en')).toBeNull();
    expect(leadDate('Updated 4 May 2021\nThe body begins.', 'en')).toBeNull();
    expect(leadDate('One.\nTwo.\nThree.\n3 May 2021', 'en')).toBeNull();
    expect(leadDate(`${'The council met and argued about the harbour wall for a long while. '.repeat(2)}\n3 May 2021`, 'en')).toBeNull();
  });

  it('dates an article by its opening date line when the headline sits apart in the page header', () => {
    const d = doc(`<body><header><div class="title"><h1>Ports policy</h1></div></header><nav><a href="/">Home</a></nav>
      <main><aside><ul><li><a href="/a">Section A</a></li><li><a href="/b">Section B</a></li></ul></aside><article>
      <h2>Ports policy is changing fast, and the councils have noticed.</h2><div class="info"><span>26 January 2022</span></div>
      ${para}${para}</article></main></body>`);
    const draft = extractDraft(d, { url: 'https://example.org/ports' });
    expect(draft.publishedDate).toBe('2022-01-26');
    expect(draft.sources.publishedDate).toBe('article-text');
  });

  it('reads the date after "Published" in a date block that also names an update', () => {
    const d = doc(`<body><main><article><h1>Ports policy</h1><p class="byline">By Jane Doe</p>
      <p class="dates">Updated March 6, 2024 · Published March 5, 2024</p>${para}${para}</article></main></body>`);
    expect(extractDraft(d, { url: 'https://example.org/ports' }).publishedDate).toBe('2024-03-05');
  });

  it('reads the publication date beside an update named in the same line, in either order and language', () => {
    const dateOf = (line: string, lang = 'en') => extractDraft(doc(`<head><title>Ports policy</title></head><body><main><article>
      <h1>Ports policy</h1><p class="byline">By Jane Doe</p><p>${line}</p>${para}${para}</article></main></body>`, lang), { url: 'https://example.org/ports' }).publishedDate;
    expect(dateOf('March 5, 2024 Updated March 6, 2024 10:00 am')).toBe('2024-03-05');
    expect(dateOf('Updated: March 6, 2024 | First published: March 5, 2024')).toBe('2024-03-05');
    expect(dateOf('Last reviewed: April 1, 2024 | Published: March 5, 2024')).toBe('2024-03-05');
    expect(dateOf('Publié le 5 mars 2024 à 10h00, mis à jour le 6 mars 2024', 'fr')).toBe('2024-03-05');
    // A reviewer is not an update: the date after the credit is the article's.
    expect(dateOf('Reviewed by John Roe, MD | March 5, 2024')).toBe('2024-03-05');
    // An update alone is the date of last resort (as a citation takes it), wherever the line stands.
    expect(dateOf('Updated March 6, 2024')).toBe('2024-03-06');
    expect(dateOf('A revised plan for the ports | March 5, 2024')).toBe('2024-03-05');
  });

  it('dates an article by the day its text says it was last updated when no publication date is given anywhere', () => {
    const d = doc(`<head><title>Ports policy</title></head><body><main><article><h1>Ports policy</h1>${para}${para}
      <p><b>Aktualisiert am </b>17.01.2021.</p></article></main></body>`, 'de');
    const draft = extractDraft(d, { url: 'https://example.org/ports' });
    expect(draft.publishedDate).toBe('2021-01-17');
    expect(draft.sources.publishedDate).toBe('article-text');
    expect(draft.text).not.toContain('Aktualisiert');
  });

  it('dates an article by its opening date line below an update line, and never by an event listed after the prose', () => {
    const page = (opening: string, after = '') => doc(`<body><header><h1>Ports policy</h1></header><main><article>
      <h2>Ports policy is changing fast.</h2>${opening}${para}${after}${para}</article></main></body>`);
    const updated = extractDraft(page('<div><span>Updated 28 January 2022</span></div><div><span>26 January 2022</span></div>'));
    expect(updated.publishedDate).toBe('2022-01-26');
    const event = extractDraft(page('', '<p>Next hearing:</p><p><strong>12 March 2021</strong></p>'));
    expect(event.publishedDate).toBeNull();
  });

  it('attaches an affiliation from a bio line to the matching author', () => {
    const text = 'Body text.\nJane Doe is a senior fellow at the Brookings Institution and writes about cities.';
    expect(affiliationsFromBio(text, [{ name: 'Jane Doe', affiliation: null }, { name: 'John Roe', affiliation: null }])).toEqual([
      { name: 'Jane Doe', affiliation: 'Brookings Institution' },
      { name: 'John Roe', affiliation: null },
    ]);
  });

  it('reads two bios on one line, a bio with an aside after the name, and the institution after "at"', () => {
    const two = 'Body text.\nJane Doe is a senior fellow at the Example Institute. John Roe is a researcher at the Other Centre.';
    expect(affiliationsFromBio(two, [{ name: 'Jane Doe', affiliation: null }, { name: 'John Roe', affiliation: null }])).toEqual([
      { name: 'Jane Doe', affiliation: 'Example Institute' },
      { name: 'John Roe', affiliation: 'Other Centre' },
    ]);
    const aside = 'Body text.\nJane Doe, a former diplomat, is a nonresident fellow at the Example Institute.';
    expect(affiliationsFromBio(aside, [{ name: 'Jane Doe', affiliation: null }])).toEqual([{ name: 'Jane Doe', affiliation: 'Example Institute' }]);
    const at = 'Body text.\nJane Doe is director of the Energy Program at the Example Institute.';
    expect(affiliationsFromBio(at, [{ name: 'Jane Doe', affiliation: null }])).toEqual([{ name: 'Jane Doe', affiliation: 'Example Institute' }]);
  });

  it('reads the affiliation from an author box that the body clean-up cuts', () => {
    const d = doc(`<head><meta name="author" content="Jane Doe"></head><body><article><h1>Ports policy</h1>${para}${para}
      <div class="author-bio"><h4>About the author</h4><p>Jane Doe is a senior fellow at the Baltic Maritime Institute.</p></div></article></body>`);
    const draft = extractDraft(d);
    expect(draft.text).not.toContain('senior fellow');
    expect(draft.authors).toEqual([{ name: 'Jane Doe', affiliation: 'Baltic Maritime Institute' }]);
  });

  it('fills place and affiliation end to end', () => {
    const d = doc(`<head><meta name="author" content="Jane Doe"></head><body><article><h1>Senate votes</h1>
      <p>WASHINGTON — The Senate voted on Tuesday to approve the bill after a long debate that lasted into the night and beyond.</p>${para}
      <p>Jane Doe is a senior fellow at the Brookings Institution.</p></article></body>`);
    const draft = extractDraft(d);
    expect(draft.place).toBe('Washington');
    expect(draft.sources.place).toBe('dateline');
    expect(draft.authors).toEqual([{ name: 'Jane Doe', affiliation: 'Brookings Institution' }]);
  });
});
