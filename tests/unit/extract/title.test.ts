import { describe, expect, it } from 'vitest';
import { doc } from './helpers';
import { chooseTitle, stripSiteName } from '../../../utils/extract/metadata/title';
import { extractDraft } from '../../../utils/extract/extract-draft';

describe('title cleaning', () => {
  it('removes the site name before or after the title', () => {
    expect(stripSiteName('Why cities flood | The Daily', ['The Daily'])).toBe('Why cities flood');
    expect(stripSiteName('The Daily - Why cities flood', ['The Daily'])).toBe('Why cities flood');
    expect(stripSiteName('Why cities flood – thedaily.com', ['thedaily.com', 'thedaily'])).toBe('Why cities flood');
    expect(stripSiteName('Why cities flood - Weinwelt.de', ['weinwelt.de', 'weinwelt'])).toBe('Why cities flood');
  });

  it('leaves a dash that belongs to the title', () => {
    expect(stripSiteName('Painters – with brushes and rollers', ['The Daily'])).toBe('Painters – with brushes and rollers');
  });

  it('prefers the visible headline when it matches a metadata title', () => {
    const t = chooseTitle([{ label: 'opengraph', value: 'Listing 2021 - Harbours are no lawless space' }], ['Harbours are no lawless space'], []);
    expect(t).toEqual({ title: 'Harbours are no lawless space', label: 'page-headline' });
  });

  it('uses the headline over a truncated metadata title', () => {
    const t = chooseTitle([{ label: 'opengraph', value: 'Mayor calls council' }], ['Mayor calls council "unfit"'], []);
    expect(t?.title).toBe('Mayor calls council "unfit"');
  });

  it('ignores an h1 that is only the site logo', () => {
    const d = doc(`<head><title>Why cities flood | The Daily</title><meta property="og:site_name" content="The Daily"></head>
      <body><header><h1>The Daily</h1></header><article><p>Text.</p></article></body>`);
    const draft = extractDraft(d);
    expect(draft.title).toBe('Why cities flood');
  });

  it('strips soft hyphens from headlines', () => {
    const d = doc('<head><title>Hafenbehörde</title></head><body><h1>Ha\u00adfen\u00adbe\u00adhör\u00adde</h1></body>');
    expect(extractDraft(d).title).toBe('Hafenbehörde');
  });

  it('on a tie, takes the headline matching the stated title over one matching the section in <title>', () => {
    const d = doc(`<head><title>News - The Daily</title><meta property="og:title" content="Why cities flood"></head>
      <body><header><h1 class="page-title">News</h1></header><article><h1>Why cities flood</h1><p>Text.</p></article></body>`);
    expect(extractDraft(d, { url: 'https://thedaily.example/news/floods' }).title).toBe('Why cities flood');
  });

  it('takes an <h2> headline when the <h1> names the section and the <h2> is a whole segment of the stated title', () => {
    const d = doc(`<head><title>The Daily » Blog » Why cities flood every spring</title></head>
      <body><h1>Latest from our reporters</h1><nav><h2>Menu</h2></nav><article><h2>Why cities flood every spring</h2><p>Text.</p>
      <h2>What the council plans</h2><p>More text.</p></article></body>`);
    expect(extractDraft(d, { url: 'https://thedaily.example/newsroom/floods' }).title).toBe('Why cities flood every spring');
  });

  it('does not take an <h2> that only shares a few words with the stated title', () => {
    const t = chooseTitle([{ label: 'page-title', value: 'Why cities flood every spring' }], [], [], ['Why cities flood']);
    expect(t?.title).toBe('Why cities flood every spring');
  });

  it('takes the one headline-like <h1> over metadata titles that say something else', () => {
    const d = doc(`<head><title>Heat pumps for old houses: when they pay | Home Energy</title>
      <meta property="og:title" content="Heat pumps for old houses: when they pay"></head>
      <body><header><h1>Home Energy</h1></header><main><h1>Does a heat pump suit an old house?</h1><p>Text.</p></main></body>`);
    expect(extractDraft(d, { url: 'https://homeenergy.example/heat-pumps' }).title).toBe('Does a heat pump suit an old house?');
  });

  it('drops short trailing names from a <title> that is all the page has, when a title of some words is left', () => {
    const only = (title: string) => chooseTitle([{ label: 'page-title', value: title }], [], [])?.title;
    expect(only('Harbour wall to be repaired before winter – Coastal Gazette')).toBe('Harbour wall to be repaired before winter');
    expect(only('Harbour wall to be repaired before winter - Local News - Home')).toBe('Harbour wall to be repaired before winter');
    expect(only('Why cities flood | Analysis | Coastal Gazette')).toBe('Why cities flood');
    // Too little would be left, or the last segment is too long to be a name: kept whole.
    expect(only('Star Wars - The Force Awakens')).toBe('Star Wars - The Force Awakens');
    expect(only('Repairs begin - the council says the harbour wall will be finished by May')).toBe('Repairs begin - the council says the harbour wall will be finished by May');
  });

  it('keeps a stated title whole: only the document <title> carries unknown site names that way', () => {
    const t = chooseTitle([{ label: 'opengraph', value: 'The harbour wall collapsed overnight -- SHOCKING' }], [], []);
    expect(t?.title).toBe('The harbour wall collapsed overnight -- SHOCKING');
  });

  it('keeps to the metadata title when several <h1> could be the headline', () => {
    const t = chooseTitle([{ label: 'opengraph', value: 'Heat pumps for old houses' }], ['Latest news today', 'Our services here'], [], [], null);
    expect(t?.title).toBe('Heat pumps for old houses');
  });
});
