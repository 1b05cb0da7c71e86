import { describe, expect, it } from 'vitest';
import { doc } from './helpers';
import { hasBoilerplateClass, namesBoilerplateRegion } from '../../../utils/extract/boilerplate';
import { extractDraft } from '../../../utils/extract/extract-draft';

const el = (cls: string) => doc(`<body><div class="${cls}">x</div></body>`).querySelector('div')!;
const para = '<p>' + 'The river rose overnight and the city council met at dawn to decide what to do next. '.repeat(8) + '</p>';

describe('one boilerplate word list', () => {
  it('names a region by the first word of a class token, for metadata', () => {
    expect(namesBoilerplateRegion(el('related-posts'))).toBe(true);
    expect(namesBoilerplateRegion(el('sidebar-left'))).toBe(true);
    expect(namesBoilerplateRegion(el('read-more'))).toBe(true);
    expect(namesBoilerplateRegion(el('elementor-widget-container'))).toBe(false);
    expect(namesBoilerplateRegion(el('has-sidebar'))).toBe(false);
  });

  it('cuts captions and hidden text from the body, but keeps a byline or date found there', () => {
    expect(hasBoilerplateClass(el('img-caption'))).toBe(true);
    expect(hasBoilerplateClass(el('visually-hidden'))).toBe(true);
    expect(namesBoilerplateRegion(el('visually-hidden'))).toBe(false);
    const d = doc(`<head><title>Floods</title></head><body><article><h1>Floods</h1>
      <div class="byline"><span class="visually-hidden">Written by</span> Jane Doe</div>${para}${para}</article></body>`);
    expect(extractDraft(d).authors.map((a) => a.name)).toEqual(['Jane Doe']);
  });
});
