import { describe, expect, it } from 'vitest';
import { suggestKeywords } from '../../../utils/nlp/index';
import { keywordKey } from '../../../utils/nlp/keywords';

const TEXT = [
  'Pakistan and the Pentagon held talks on Monday.',
  'Prime Minister Imran Khan said the Taliban must join the peace talks.',
  'The U.S. wants the Taliban at the table, and the United States will send envoys.',
  'Khan met US officials in Islamabad, where the Pentagon delegation arrived.',
  'Pakistan says the peace talks with the Taliban could start soon.',
].join(' ');
const keywords = (input: Parameters<typeof suggestKeywords>[0], limit?: number) =>
  suggestKeywords(input, limit).map((k) => k.keyword);

describe('keywordKey', () => {
  it('folds case, dots, plurals and known aliases onto one key', () => {
    expect(keywordKey('U.S.')).toBe(keywordKey('US'));
    expect(keywordKey('US')).toBe(keywordKey('United States'));
    expect(keywordKey('Peace Talks')).toBe(keywordKey('peace talk'));
    expect(keywordKey('Britain')).toBe(keywordKey('U.K.'));
    expect(keywordKey('Pakistan')).not.toBe(keywordKey('Taliban'));
  });
});

describe('suggestKeywords', () => {
  it('puts the named entities of a news text among the first suggestions', () => {
    const top = keywords({ text: TEXT }, 6);
    for (const name of ['Pakistan', 'Pentagon', 'Imran Khan', 'Taliban']) expect(top).toContain(name);
  });

  it('suggests each entity once: no "US" beside "United States", no "Khan" beside "Imran Khan"', () => {
    const all = suggestKeywords({ text: TEXT }, 50).map((k) => k.keyword);
    const keys = all.map(keywordKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k === keywordKey('United States'))).toHaveLength(1);
    expect(all).not.toContain('Khan');
    expect(all).not.toContain('Prime Minister Imran Khan');
  });

  it('ranks library tags that occur in the text first, then the page tags, without near-duplicates', () => {
    const out = suggestKeywords({
      text: TEXT,
      libraryKeywords: ['peace talks', 'Cats', 'taliban'],
      pageKeywords: ['Taliban', 'South Asia', 'u.s.'],
    });
    expect(out.slice(0, 4).map((k) => [k.keyword, k.kind])).toEqual([
      ['peace talks', 'library'],
      ['taliban', 'library'],
      ['South Asia', 'page'],
      ['u.s.', 'page'],
    ]);
    expect(out.map((k) => k.keyword)).not.toContain('Cats');
    expect(out.map((k) => keywordKey(k.keyword)).filter((k) => k === keywordKey('US'))).toHaveLength(1);
  });

  it('respects the limit and returns nothing for empty text without tags', () => {
    expect(suggestKeywords({ text: TEXT }, 3)).toHaveLength(3);
    expect(suggestKeywords({ text: '' })).toEqual([]);
  });

  it('takes the names around a title, not the title', () => {
    const text = 'Investors met WeWork CEO Adam Neumann on Monday. Later, WeWork CEO Adam Neumann resigned from WeWork.';
    const all = keywords({ text }, 20);
    expect(all).toEqual(expect.arrayContaining(['WeWork', 'Adam Neumann']));
    expect(all.some((k) => /CEO/.test(k))).toBe(false);
  });

  it('uses the stopwords of the language the text is in when the page declares another', () => {
    const all = keywords({ text: TEXT, language: 'de' }, 50).map((k) => k.toLowerCase());
    for (const word of ['the', 'and', 'could', 'with']) expect(all).not.toContain(word);
  });

  it('does not take a capitalised sentence opener for a name', () => {
    expect(keywords({ text: TEXT }, 50)).not.toContain('The');
  });
});

describe('suggestKeywords on words that are also JavaScript property names', () => {
  it('treats "constructor" and "toString" as plain words', () => {
    const text = 'The constructor of the bridge said toString was a constructor trick. The constructor left.';
    expect(() => suggestKeywords({ text })).not.toThrow();
    expect(keywordKey('constructor')).toBe('constructor');
  });
});
