import { describe, expect, it } from 'vitest';
import { findLead, withLead } from '../../../utils/extract/body/lead';
import { page, prose } from './helpers';

const LEAD = 'Storms, rain and snow are forecast for the centre and the south today; fine weather returns within a few hours.';

describe('findLead', () => {
  it('finds a lead marked by its class right after the headline', () => {
    const d = page(
      `<head><title>Cold front splits the country</title></head><body><header><h1>Cold front splits the country</h1>` +
        `<p class="byline">By A. Writer</p><p class="article-subtitle">${LEAD}</p></header><article>${prose('weather')}</article></body>`,
    );
    expect(findLead(d)).toBe(LEAD);
  });

  it('uses an h2 headline that repeats the page title when the h1 is the site logo', () => {
    const d = page(
      `<head><title>Cold front splits the country - Daily Paper</title></head><body><h1><a href="/">Daily Paper</a></h1>` +
        `<nav><a href="/a">News</a></nav><header><h2 class="entry-title">Cold front splits the country</h2>` +
        `<p class="entry__subtitle">${LEAD}</p></header><article>${prose('weather')}</article></body>`,
    );
    expect(findLead(d)).toBe(LEAD);
  });

  it('does not take a site tagline after a logo h1 that links home', () => {
    const d = page(
      `<body><header><h1 class="site-title"><a href="https://blog.example/">My own point of view</a></h1>` +
        `<p class="site-description">A long tagline of this blog about social media and the web, written with some care.</p></header>` +
        `<article>${prose('blogging')}</article></body>`,
    );
    expect(findLead(d)).toBeNull();
  });

  it('does not take a teaser card far below the headline', () => {
    const d = page(
      `<body><h1>Cold front splits the country</h1><article>${prose('weather', 4)}</article>` +
        `<div class="teaser">Another story: ${LEAD}</div></body>`,
    );
    expect(findLead(d)).toBeNull();
  });

  it('leaves script text out of the lead', () => {
    const d = page(
      `<body><h1>Cold front splits the country</h1><div class="intro"><script>var x = "not prose at all";</script>${LEAD}</div>` +
        `<article>${prose('weather')}</article></body>`,
    );
    expect(findLead(d)).toBe(LEAD);
  });
});

describe('withLead', () => {
  it('puts a missing lead in front of the body', () => {
    expect(withLead('First paragraph.\nSecond paragraph.', LEAD)).toBe(`${LEAD}\nFirst paragraph.\nSecond paragraph.`);
  });

  it('does not repeat a lead the body already holds', () => {
    const body = `${LEAD.toUpperCase()}\nFirst paragraph.`;
    expect(withLead(body, LEAD)).toBe(body);
    expect(withLead('Body.', null)).toBe('Body.');
  });
});
