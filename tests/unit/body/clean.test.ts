import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../utils/extract/body/clean';
import { classWords, hasBoilerplateClass } from '../../../utils/extract/boilerplate';
import { blockText } from '../../../utils/extract/text';
import { element, prose } from './helpers';

const clean = (html: string) => {
  const root = element(`<article>${html}</article>`);
  const report = cleanArticle(root);
  return { text: blockText(root), report };
};

describe('cleanArticle: captions and credits', () => {
  it('drops figcaption text and keeps the prose around the figure', () => {
    const { text, report } = clean(
      `${prose('harbour')}<figure><img src="a.jpg"><figcaption>The harbour wall at dawn. Photo: J. Smith</figcaption></figure>${prose('budget', 2)}`,
    );
    expect(text).not.toContain('harbour wall at dawn');
    expect(text).toContain('Paragraph 2 about budget');
    expect(report.captions).toBe(1);
  });

  it('drops a credit line marked by its class even when it is not a figcaption', () => {
    const { text } = clean(
      `${prose('harbour')}<div class="responsive-img"><img src="a.jpg"><div class="responsive-img-caption"><small>(credit: Agency/Photographer)</small></div></div>${prose('bus lanes', 1)}`,
    );
    expect(text).not.toContain('Agency/Photographer');
    expect(text).toContain('about bus lanes');
  });
});

describe('cleanArticle: credit lines', () => {
  it('drops a short line of its own that credits a photo or names a source, in several languages', () => {
    for (const line of ['Foto: Jane Doe', 'Quelle: Landesamt für Statistik', 'Credit: Getty Images', 'Photograph by Jane Doe', '© Jane Doe / Agency', 'Fuente: Ministerio', '<strong>Foto</strong>: dpa', '<a href="/i"><img src="i.jpg"></a>Foto: dpa']) {
      const { text } = clean(`${prose('harbour')}<p>${line}</p>${prose('bus lanes', 1)}`);
      expect(text, line).not.toMatch(/Foto|Quelle|Credit|Photograph|©|Fuente/);
      expect(text).toContain('about bus lanes');
    }
  });

  it('drops a line of its own saying when the page was updated, wherever it stands, but keeps an event date line further down', () => {
    const { text } = clean(`${prose('harbour', 0)}${prose('budget', 1)}<p><b>Aktualisiert am </b>17.01.2021.</p><p>Last updated: 3 May 2021</p>`);
    expect(text).not.toContain('Aktualisiert');
    expect(text).not.toContain('Last updated');
    expect(clean(`${prose('harbour', 1)}<p>Last updated: 3 May 2021</p>`).report.updateDates).toEqual(['Last updated: 3 May 2021']);
    expect(clean(`${prose('harbour', 0)}${prose('budget', 1)}<p>Next hearing: 12 March 2021</p>`).text).toContain('Next hearing');
  });

  it('keeps credit-like headings, list items and table cells: they are content', () => {
    const { text } = clean(`${prose('harbour', 1)}<h2>Credit: the next crisis</h2><ul><li>Source: Eurostat, 2023</li><li>Updated 2 May 2021: new figures</li></ul>
      <table><tr><td>Source: IMF</td><td>Modified 3 May 2021</td></tr></table>${prose('budget', 1)}`);
    for (const kept of ['Credit: the next crisis', 'Source: Eurostat', 'Updated 2 May 2021', 'Source: IMF', 'Modified 3 May 2021']) expect(text, kept).toContain(kept);
  });

  it('reports an update line at the opening as an update date too', () => {
    const { report } = clean(`<p>Aktualisiert am 17.01.2021</p>${prose('harbour', 2)}`);
    expect(report.updateDates).toEqual(['Aktualisiert am 17.01.2021']);
  });

  it('keeps a source named inside a sentence, or a long paragraph that opens with a label', () => {
    const sentence = clean(`${prose('harbour')}<p>The figures come from the harbour office. Source: its annual report.</p>`);
    expect(sentence.text).toContain('Source: its annual report');
    const long = `Source: ${'the harbour office published its annual report on the state of the wall, '.repeat(3)}`;
    expect(clean(`${prose('harbour')}<p>${long}</p>`).text).toContain('Source: the harbour office');
    const inline = clean(`${prose('harbour')}<p>As the note said, <span>Foto: Jane Doe</span> was on the cover.</p>`);
    expect(inline.text).toContain('Foto: Jane Doe');
  });
});

describe('cleanArticle: author notes', () => {
  it('keeps an "Authors" or "Experts" heading and the prose under it: only an author note is cut', () => {
    const { text } = clean(`<h3>Authors</h3><p>Jane Doe and John Roe</p>${prose('harbour', 2)}<h2>Experts</h2><p>Economists we spoke to disagree about the wall.</p>`);
    expect(text).toContain('Paragraph 1 about harbour');
    expect(text).toContain('Economists we spoke to disagree');
  });

  it('cuts a note inside an author box once, with the box', () => {
    const { report } = clean(`${prose('harbour', 2)}<div class="author-bio"><h3>About the author</h3><p>Jane Doe is a fellow.</p></div>`);
    expect(report.removed.filter((el) => (el.textContent ?? '').includes('Jane Doe is a fellow')).length).toBe(1);
  });

  it('drops an "About the author" heading and the short note under it, up to the next heading', () => {
    const { text, report } = clean(
      `${prose('harbour', 0)}${prose('budget', 1)}<h3>About the author</h3><p>Jane Doe is a senior fellow at the Example Institute.</p><h3>Further reading</h3>${prose('ferries', 2)}`,
    );
    expect(text).not.toContain('About the author');
    expect(text).not.toContain('senior fellow');
    expect(text).toContain('Paragraph 2 about ferries');
    expect(report.removed.map((el) => el.textContent)).toContain('Jane Doe is a senior fellow at the Example Institute.');
  });
});

describe('cleanArticle: date lines', () => {
  it('drops a line that is a <time> with its label, and a bare <time>, but keeps a sentence that mentions a date', () => {
    const { text, report } = clean(
      `<p class="dateline">Updated <time datetime="2020-10-07">7 October 2020</time></p>${prose('harbour', 2)}` +
        `<p>The council first met on <time datetime="2019-03-01">1 March 2019</time> and has argued about the harbour wall ever since.</p>` +
        `<div><span><time datetime="2020-10-08">8. Oktober 2020</time></span></div>`,
    );
    expect(text).not.toContain('7 October 2020');
    expect(text).not.toContain('8. Oktober 2020');
    expect(text).toContain('first met on 1 March 2019 and has argued');
    expect(text).toContain('Paragraph 2 about harbour');
    expect(report.dateLines).toBe(2);
  });

  it('drops a date line written as text at the opening and reports it, but keeps dates in code and after the prose starts', () => {
    const { text, report } = clean(
      `<h2>A standfirst about the harbour</h2><div class="info"><span>26. Januar 2022</span></div>${prose('harbour', 1)}` +
        `<pre><span>2020-08-01 18:00:00+00 | 200 | 4084</span></pre>` +
        `<p><strong>Termin: 21.02.2020, 19 Uhr</strong></p>${prose('budget', 1)}`,
    );
    expect(text).not.toContain('26. Januar 2022');
    expect(report.openingDates).toEqual(['26. Januar 2022']);
    expect(text).toContain('2020-08-01 18:00:00+00');
    expect(text).toContain('Termin: 21.02.2020, 19 Uhr');
    expect(report.dateLines).toBe(1);
  });

  it('ends the opening at a first paragraph written as a <div> of text', () => {
    const para = '<div>The council met on Tuesday and argued for a long while about the budget, the bus lanes and the harbour wall.</div>';
    const { text, report } = clean(`<div>${para}<div><b>Termin: 21.02.2020, 19 Uhr</b></div>${para}</div>`);
    expect(text).toContain('Termin: 21.02.2020, 19 Uhr');
    expect(report.dateLines).toBe(0);
  });

  it('ends the opening at a paragraph holding links, and after a few short blocks', () => {
    const linked = '<p>The council met on Tuesday and argued about the <a href="/h">harbour</a> wall, the budget, the new library and the bus lanes.</p>';
    const a = clean(`${linked}<p>Upcoming meetings:</p><p><strong>12 March 2021</strong></p>${prose('budget', 1)}`);
    expect(a.text).toContain('12 March 2021');
    const short = '<p>The council met on Tuesday.</p><p>It voted.</p><p>Then it went home.</p><p>Nobody stayed.</p><p>The end.</p>';
    const b = clean(`${short}<p>3 May 2021</p>${prose('budget', 1)}`);
    expect(b.text).toContain('3 May 2021');
    expect(a.report.dateLines + b.report.dateLines).toBe(0);
  });

  it('keeps dates that are content before the prose: lists, definition lists, headings, tables and code', () => {
    const { text, report } = clean(
      `<dl><dt>Release date</dt><dd>12 March 2021</dd></dl><ul><li>Founded: 12 March 1998</li></ul>` +
        `<h4>3 May 2021</h4><table><tr><td>4 May 2021</td></tr></table><pre><span>2020-08-01 18:00</span></pre>` +
        `<p>The vote on <span>5 May 2021</span> split the council.</p>${prose('harbour', 1)}`,
    );
    for (const kept of ['12 March 2021', '12 March 1998', '3 May 2021', '4 May 2021', '2020-08-01 18:00', 'The vote on 5 May 2021 split']) {
      expect(text).toContain(kept);
    }
    expect(report.openingDates).toEqual([]);
  });

  it('reports an update line and the date line under it, so the published date is still found', () => {
    const { report } = clean(`<div><span>Updated 28 January 2022</span></div><div><span>26 January 2022</span></div>${prose('harbour', 1)}`);
    expect(report.openingDates).toEqual(['Updated 28 January 2022', '26 January 2022']);
  });

  it('keeps a short opening line that only mentions a date among more words', () => {
    const { text, report } = clean(`<p>The vote on 3 May 2021 split the council down the middle.</p>${prose('harbour', 1)}`);
    expect(text).toContain('The vote on 3 May 2021 split');
    expect(report.openingDates).toEqual([]);
  });
});

describe('cleanArticle: author boxes, ratings, disclaimers and meta lines', () => {
  it('drops an author box and a teaser box for another page', () => {
    const { text } = clean(
      `${prose('harbour')}<div class="post-author"><p>About the author</p><p>Jane Doe has covered the port for ten years.</p></div>` +
        `<div class="inline-teaser"><h3>More on the port</h3><p>What the new cranes mean for the harbour.</p></div>${prose('budget', 1)}`,
    );
    expect(text).toContain('Paragraph 1 about budget');
    for (const cut of ['About the author', 'covered the port', 'new cranes']) expect(text).not.toContain(cut);
  });

  it('drops them from the body', () => {
    const { text } = clean(
      `${prose('harbour')}<div class="post-ratings">(No ratings yet)</div><p class="editorial-disclaimer">We may receive a commission.</p>` +
        `<p class="postmetadata">This entry was posted on Monday.</p><div class="author-bio">Jane Doe writes about ports.</div>`,
    );
    expect(text).toContain('Paragraph 3 about harbour');
    for (const cut of ['No ratings', 'commission', 'posted on Monday', 'writes about ports']) expect(text).not.toContain(cut);
  });
});

describe('cleanArticle: lists of other articles', () => {
  it('drops a heading that names other articles and the links under it, not the prose after them', () => {
    const { text } = clean(
      `${prose('harbour')}<p><strong>Read also:</strong></p><p><a href="/a">Bridges close for repairs</a></p>${prose('budget', 2)}` +
        `<h2>Das könnte Sie auch interessieren</h2><ul><li><a href="/b">Neue Buslinien</a></li><li><a href="/c">Hafenfest</a></li></ul>`,
    );
    expect(text).toContain('Paragraph 2 about budget');
    for (const cut of ['Read also', 'Bridges close', 'interessieren', 'Neue Buslinien']) expect(text).not.toContain(cut);
  });
});

describe('cleanArticle: class cues', () => {
  it('drops share bars, newsletter boxes and calls to action', () => {
    const { text } = clean(
      `<div class="sharing-container"><div class="sharing-title">Share this article</div></div>${prose('harbour')}` +
        `<p class="newsletter-promo">Get our daily edition by email. Sign up</p>` +
        `<section class="c-letters-cta"><p>Tell us what you think about this article.</p></section>`,
    );
    expect(text).not.toMatch(/Share this article|daily edition|what you think/);
    expect(text).toContain('Paragraph 3 about harbour');
  });

  it('does not read "no-caption" or "has-share" as a caption or share bar', () => {
    expect(hasBoilerplateClass(element('<div class="item no_caption">x</div>', 'div'))).toBe(false);
    expect(hasBoilerplateClass(element('<div class="figure-has-figcaption">x</div>', 'div'))).toBe(false);
    expect(hasBoilerplateClass(element('<div class="post-share">x</div>', 'div'))).toBe(true);
  });

  it('ignores CMS taxonomy classes such as tag-social or category-newsletter', () => {
    expect(classWords(element('<div class="post tag-social category-newsletter">x</div>', 'div'))).not.toContain('social');
    const { text } = clean(`<div class="entry tag-social">${prose('social media', 1)}</div>${prose('harbour')}`);
    expect(text).toContain('about social media');
  });

  it('keeps a large block even when its class looks like boilerplate', () => {
    const { text } = clean(`<div class="related-content">${prose('the harbour', 6)}</div>${prose('bus lanes', 1)}`);
    expect(text).toContain('Paragraph 6 about the harbour');
  });
});

describe('cleanArticle: link-only blocks', () => {
  it('drops a paragraph that is only a link to another article', () => {
    const { text, report } = clean(
      `${prose('harbour', 2)}<p><strong>Read also »</strong> <a href="/other">Why the harbour wall keeps crumbling</a></p>${prose('budget', 1)}`,
    );
    expect(text).not.toContain('Read also');
    expect(text).not.toContain('Why the harbour wall keeps crumbling');
    expect(report.linkBlocks).toBe(1);
  });

  it('drops a "see also" paragraph made of several links', () => {
    const links = ['First older post on this', 'Second older post', 'A third one', 'And a fourth']
      .map((t, i) => `<a href="/p${i}">${t}</a>`).join('<br>');
    const { text } = clean(`${prose('harbour', 4)}<p>See also<br>${links}</p>`);
    expect(text).not.toContain('Second older post');
  });

  it('keeps a bare source address and links that are list items', () => {
    const { text } = clean(
      `${prose('harbour', 2)}<p><a href="http://example.org/a">http://example.org/2013/02/source.html</a></p>` +
        `<ul><li><p><a href="/x">Press subsidy: study doubts state support</a></p></li></ul>`,
    );
    expect(text).toContain('http://example.org/2013/02/source.html');
    expect(text).toContain('Press subsidy: study doubts state support');
  });

  it('keeps a paragraph that merely contains a link', () => {
    const { text } = clean(
      `${prose('harbour', 2)}<p>The mayor said the plan, <a href="/plan">published last week</a>, would be put to a vote in spring.</p>`,
    );
    expect(text).toContain('would be put to a vote in spring');
  });
});
