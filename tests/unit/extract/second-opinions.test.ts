import { describe, expect, it } from 'vitest';
import { chooseMetadata } from '../../../utils/extract/metadata/choose';
import { parseHTML } from 'linkedom';
import { doc } from './helpers';
import { extractDraft } from '../../../utils/extract/extract-draft';
import { normaliseDate } from '../../../utils/extract/metadata/dates';
import { siteNameFromFeeds } from '../../../utils/extract/metadata/site-name';
import { valuesFromJsonLd } from '../../../utils/extract/metadata/json-ld';

const para = '<p>' + 'The river rose overnight and the city council met at dawn to decide what to do next. '.repeat(8) + '</p>';

describe('dates: cross-checks between sources', () => {
  it('reads a German date on a page that declares English', () => {
    expect(normaliseDate('Altstadt | Mainz, 11. November 2021 | Der Text', { lang: 'en' })).toBe('2021-11-11');
    expect(normaliseDate('Berlin, 3. März 2020', { lang: 'en' })).toBe('2020-03-03');
  });

  it('keeps the publisher\'s calendar day when a UTC stamp has a local twin', () => {
    const d = doc(`<head><title>Cuts</title>
      <meta property="article:published_time" content="2021-03-04T17:18:13-08:00">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Cuts","dateCreated":"2021-03-05T01:18:13Z"}</script>
      </head><body><article><h1>Cuts</h1>${para}${para}</article></body>`);
    const draft = extractDraft(d);
    expect(draft.publishedDate).toBe('2021-03-04');
  });

  it('keeps the publisher\'s day when a <time> or a wall-clock stamp on the page is the UTC instant\'s local twin', () => {
    const withOffset = doc(`<head><title>Cuts</title><meta property="article:published_time" content="2022-05-04T03:37:37+00:00"></head>
      <body><article><h1>Cuts</h1><time datetime="2022-05-03T23:37:37-04:00">May 3</time>${para}</article></body>`);
    expect(extractDraft(withOffset).publishedDate).toBe('2022-05-03');
    const wallClock = doc(`<head><title>Cuts</title><meta property="article:published_time" content="2023-11-09T05:30:59+00:00"></head>
      <body><article><h1>Cuts</h1><p>Posted</p>${para}</article><aside class="related"><time datetime="2023-11-08 23:30:59">Nov 8</time></aside></body>`);
    expect(extractDraft(wallClock).publishedDate).toBe('2023-11-08');
  });

  it('keeps a UTC stamp whose day no time zone could turn into the date shown, when the page also writes it', () => {
    const d = doc(`<head><title>Cuts</title><meta property="article:published_time" content="2022-05-04T12:00:00Z"></head>
      <body><article><h1>Cuts</h1><time>2 May 2022</time>${para}<p>Filed on 4 May 2022.</p></article></body>`);
    expect(extractDraft(d).publishedDate).toBe('2022-05-04');
  });

  it('takes the date shown under the headline when it is the day of the UTC stamp where the publisher is', () => {
    const d = doc(`<head><title>Cuts</title><meta property="article:published_time" content="2022-05-04T00:53:29.274Z"></head>
      <body><article><h1>Cuts</h1><time>3 May 2022</time><time>21:53</time>${para}</article></body>`);
    expect(extractDraft(d).publishedDate).toBe('2022-05-03');
  });

  it('reads a UTC stamp written as HTTP writes it, and takes the day of an unmarked date line under the headline', () => {
    const page = (line: string) => doc(`<head><title>Cuts</title><script type="application/ld+json">{"@type":"NewsArticle",
      "headline":"Cuts","datePublished":"Wed, 04 May 2022 02:41:00 GMT"}</script></head>
      <body><article><h1>Cuts</h1><p>Ana Gil</p><p>${line}</p>${para}</article></body>`);
    expect(extractDraft(page('May 3, 2022 10:41 pm'), { url: 'https://example.org/cuts' }).publishedDate).toBe('2022-05-03');
    expect(extractDraft(page('May 3, 2022 10:41 pm'), { url: 'https://example.org/cuts' }).sources.publishedDate).toBe('page-text');
    // A date line no time zone could make that instant's day leaves the stamp as it is.
    expect(extractDraft(page('May 1, 2022 10:41 pm'), { url: 'https://example.org/cuts' }).publishedDate).toBe('2022-05-04');
    // A stamp that only looks like one (a month in another language, an hour past 23) is left alone, never a failure.
    for (const stamp of ['04 Dic 2022 10:00 GMT', '2022-05-04T24:30Z']) {
      const odd = chooseMetadata([{ label: 'json-ld', values: { publishedDate: stamp } }, { label: 'page-text', values: { publishedDate: '4. Dezember 2022' } }], { lang: 'es' });
      expect(odd.sources.publishedDate, stamp).toBeDefined();
    }
  });

  it('takes the stated date that the visible date next to the headline confirms', () => {
    const d = doc(`<head><title>Ads</title>
      <meta property="article:published_time" content="2021-05-06T14:25:00+00:00">
      <script type="application/ld+json">{"@type":"Article","headline":"Ads","datePublished":"2021-05-03T10:25:56+00:00"}</script>
      </head><body><article><h1>Ads</h1><span class="entry-date">6. Mai 2021, 15:25 Uhr</span>${para}${para}</article></body>`);
    expect(extractDraft(d).publishedDate).toBe('2021-05-06');
  });

  it('does not let a hidden microdata date outvote the stated one', () => {
    const d = doc(`<head><title>Ads</title>
      <meta property="article:published_time" content="2019-04-12T18:33:59+02:00">
      <meta itemprop="datePublished" content="2020-05-19">
      </head><body><article itemscope itemtype="https://schema.org/Article"><h1>Ads</h1>
      <meta itemprop="datePublished" content="2020-05-19">${para}${para}</article></body>`);
    expect(extractDraft(d).publishedDate).toBe('2019-04-12');
  });

  it('takes the date shown by the headline over a stated date the page never writes, and keeps a stated date it does write', () => {
    const page = (more: string) =>
      doc(`<head><title>Ads</title>
        <script type="application/ld+json">{"@type":"Article","headline":"Ads","datePublished":"2019-02-11T08:00:00+01:00"}</script>
        </head><body><article><h1>Ads</h1><span class="entry-date">Updated 4 March 2021</span>${para}${more}${para}</article></body>`);
    const unseen = extractDraft(page(''));
    expect(unseen.publishedDate).toBe('2021-03-04');
    expect(unseen.sources.publishedDate).toBe('page-date');
    // Written further down ("First published 11 Feb 2019", or 11.02.2019): the stated date stands.
    expect(extractDraft(page('<p>First published 11 Feb. 2019.</p>')).publishedDate).toBe('2019-02-11');
    expect(extractDraft(page('<p>Erstveröffentlichung: 11.02.2019</p>')).publishedDate).toBe('2019-02-11');
  });

  it('does not take a stated date\'s day and month read the other way round as a different date', () => {
    const d = doc(`<head><title>Ads</title><html lang="en-GB">
      <meta property="article:published_time" content="2021-04-03T10:00:00+01:00"></head>
      <body><article><h1>Ads</h1><span class="entry-date">04/03/2021</span>${para}${para}</article></body>`);
    expect(extractDraft(d).publishedDate).toBe('2021-04-03');
  });

  it('never takes a citation\'s access date for the page\'s date', () => {
    const d = doc(`<head><title>Rivers</title></head><body><article><h1>Rivers</h1>${para}
      <ol class="references"><li><cite>Flood report.</cite> <span class="reference-accessdate">Retrieved <span>23 October</span> 2018</span></li></ol>
      </article></body>`);
    expect(extractDraft(d).publishedDate).toBeNull();
  });

  it('reads xml:lang for day-first numeric dates', () => {
    const html = `<!DOCTYPE html><html xml:lang="en-GB"><head><title>Ports</title></head><body><article>
      <h1>Ports too full</h1><div>The Daily</div><div>02/10/2020</div>${para}${para}</article></body></html>`;
    const draft = extractDraft(parseHTML(html).document as unknown as Document);
    expect(draft.publishedDate).toBe('2020-10-02');
  });
});

describe('authors: fuller lists and other signals', () => {
  it('prefers a byline naming every structured author and more', () => {
    const d = doc(`<head><title>Single</title>
      <script type="application/ld+json">{"@type":"Article","headline":"Single","author":{"@type":"Person","name":"Jane Doe"}}</script>
      </head><body><article><h1>Single</h1><div class="byline"><a href="/a/jd">Jane Doe</a>, <a href="/a/jr">John Roe</a></div>${para}${para}</article></body>`);
    expect(extractDraft(d).authors.map((a) => a.name)).toEqual(['Jane Doe', 'John Roe']);
  });

  it('turns a JSON-LD Person given by log-in name into a name', () => {
    const v = valuesFromJsonLd([{ '@type': 'HowTo', name: 'Knit', author: { '@type': 'Person', name: 'jane.doe' }, datePublished: '2021-03-04T10:00:00Z' }]);
    expect(v.authors).toEqual([{ name: 'Jane Doe', affiliation: null }]);
    expect(v.publishedDate).toBe('2021-03-04T10:00:00Z');
  });

  it('takes the author of the page\'s microdata Article over a closer teaser byline', () => {
    const d = doc(`<head><title>Deals</title></head><body><h1>Deals</h1>
      <section><div class="card"><h3>Another story</h3><span class="author">by <a rel="author" href="/p/x">Other Writer</a></span></div></section>
      <div><div><div><article itemscope itemtype="http://schema.org/Article"><div class="info"><ul>
        <li itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Jane Doe</span></li>
      </ul></div>${para}${para}</article></div></div></div></body>`);
    expect(extractDraft(d).authors.map((a) => a.name)).toEqual(['Jane Doe']);
  });
});

describe('titles', () => {
  it('learns the site name from feed links', () => {
    const d = doc(`<head><title>Spring cleaning | Harbour Notes Weblog</title>
      <link rel="alternate" type="application/rss+xml" title="Harbour Notes Weblog &raquo; Feed" href="/feed/"></head><body></body>`);
    expect(siteNameFromFeeds(d)).toBe('Harbour Notes Weblog');
    const draft = extractDraft(doc(`<head><title>Spring cleaning | Harbour Notes Weblog</title>
      <link rel="alternate" type="application/rss+xml" title="Harbour Notes Weblog » Feed" href="/feed/"></head>
      <body><article>${para}${para}</article></body>`));
    expect(draft.title).toBe('Spring cleaning');
  });

  it('drops a kicker inside the h1 when the stated title omits it', () => {
    const d = doc(`<head><title>Ferries run every hour from May</title></head><body><article>
      <h1><style>.k{display:block}</style><span class="k">Press release of the Harbour Office <span>:</span></span>Ferries run every hour from May</h1>
      ${para}${para}</article></body>`);
    expect(extractDraft(d).title).toBe('Ferries run every hour from May');
  });

  it('drops a label written into the h1 text ("Analysis: …") only when a stated title is the rest alone', () => {
    const titleOf = (h1: string, title: string) =>
      extractDraft(doc(`<head><title>${title}</title></head><body><article><h1>${h1}</h1>${para}</article></body>`)).title;
    expect(titleOf('Analysis: Why cities flood every spring', 'Why cities flood every spring')).toBe('Why cities flood every spring');
    expect(titleOf('EXCLUSIVE | Why cities flood every spring', 'Why cities flood every spring')).toBe('Why cities flood every spring');
    expect(titleOf('Floods: why cities drown every spring', 'Floods: why cities drown every spring')).toBe('Floods: why cities drown every spring');
    expect(titleOf('Floods: why cities drown every spring', 'Something else entirely here')).toBe('Floods: why cities drown every spring');
  });

  it('takes the line of a multi-line h1 that the stated title is, over a kicker above it or a subtitle under it', () => {
    const titleOf = (h1: string) =>
      extractDraft(doc(`<head><title>Why cities flood every spring</title></head><body><article>${h1}${para}</article></body>`)).title;
    expect(titleOf('<h1>Why cities flood every spring<br><small>And what the councils plan to do</small></h1>')).toBe('Why cities flood every spring');
    expect(titleOf('<h1><span>Climate</span><br>Why cities flood every spring</h1>')).toBe('Why cities flood every spring');
  });

  it('drops a kicker set in its own element or line of the h1, and a date line under the headline', () => {
    const titleOf = (h1: string) => extractDraft(doc(`<head><title>Something else entirely here</title></head><body><article>${h1}${para}</article></body>`)).title;
    expect(titleOf('<h1><div class="topic-label">100th birthday</div> A survivor of the war turns 100</h1>')).toBe('A survivor of the war turns 100');
    expect(titleOf('<h1><span class="post-title"><small>Session of the week</small><br>Pyramid of medley laps</span></h1>')).toBe('Pyramid of medley laps');
    expect(titleOf('<h1><span class="teaser__kicker">Pandemic</span><span class="visually-hidden"> - </span><span>How people die matters too</span></h1>')).toBe('How people die matters too');
    expect(titleOf('<h1>Spectators return to the clubs<br><small>02.02.2022 • Association, Press</small></h1>')).toBe('Spectators return to the clubs');
    expect(titleOf('<h1>Why cities <em>flood</em> every spring</h1>')).toBe('Why cities flood every spring');
  });

  it('keeps a headline that starts with the site name when it is the stated title', () => {
    const d = doc(`<head><title>Acme Weekly</title></head><body><article><h1>Acme Weekly</h1>
      <span class="time-rubric">Mar 4, 2021</span>${para}${para}</article></body>`);
    const draft = extractDraft(d, { url: 'https://www.acme.example/newsletters/acme-weekly.html' });
    expect(draft.title).toBe('Acme Weekly');
    expect(draft.publishedDate).toBe('2021-03-04');
  });

  it('takes no site name, and so no author, from a publisher field holding the page title', () => {
    const d = doc(`<head><title>Harbour wall too weak to be safe - Coast News</title>
      <meta name="application-name" content="Harbour wall too weak to be safe - Coast News"></head><body><article>
      <h1>Harbour wall too weak to be safe</h1><p class="subtitle">Coast News • 02.02.2022</p>${para}${para}</article></body>`);
    const draft = extractDraft(d);
    expect(draft.title).toBe('Harbour wall too weak to be safe');
    expect(draft.publisher).toBeNull();
    expect(draft.authors).toEqual([]);
    expect(draft.publishedDate).toBe('2022-02-02');
  });
});
