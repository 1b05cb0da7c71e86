import { describe, expect, it } from 'vitest';
import { isCjkText, tagText, type Tag } from '../../../utils/nlp/tagger';

/** The tag of each word of the body, as "word/tag". */
function tags(text: string, title = '', language = 'en'): string[] {
  return tagText(text, title, language).sentences.slice(1).flat().map((t) => `${t.word}/${t.tag}`);
}
const tagOf = (text: string, word: string, title = ''): Tag | undefined =>
  tagText(text, title, 'en').sentences.flat().find((t) => t.word === word)?.tag;

describe('tagText', () => {
  it('takes capitalised words inside a sentence for names, function words for function words', () => {
    expect(tags('Officials in Islamabad met the Pentagon delegation. The officials left.').slice(0, 7)).toEqual([
      'Officials/noun', 'in/other', 'Islamabad/name', 'met/verb', 'the/other', 'Pentagon/name', 'delegation/noun',
    ]);
  });

  it('takes a word after "to", a modal or a pronoun for a verb', () => {
    expect(tagOf('Lawmakers want to exclude aliens.', 'exclude')).toBe('verb');
    expect(tagOf('Tornadoes can occur anywhere, and they occur in spring.', 'occur')).toBe('verb');
    expect(tagOf('The storm will spread east.', 'spread')).toBe('verb');
  });

  it('reads -ing and -ed forms after a determiner as nouns, elsewhere as verbs', () => {
    expect(tagOf('The meeting ended early.', 'meeting')).toBe('noun');
    expect(tagOf('Crews were fighting fires.', 'fighting')).toBe('verb');
  });

  it('does not take a capitalised sentence opener for a name when the word is written in lower case elsewhere', () => {
    expect(tagOf('Storms hit the coast. More storms are due.', 'Storms')).toBe('noun');
    expect(tagOf('Pakistan said no. Talks with Pakistan failed.', 'Pakistan')).toBe('name');
    // Never seen elsewhere, but an -ing form: not a name.
    expect(tagOf('Hosting the summit, Ankara spoke first.', 'Hosting')).toBe('verb');
  });

  it('gives the words of a title-cased headline the tags the body gives them', () => {
    const text = 'A tanker spilled crude oil near Valdez. The tanker ran aground.';
    expect(tagOf(text, 'Tanker', 'Workers Unload Tanker Near Valdez')).toBe('noun');
    expect(tagOf(text, 'Valdez', 'Workers Unload Tanker Near Valdez')).toBe('name');
  });

  it('drops possessives and contractions', () => {
    expect(tags("Khan's party didn't win.").slice(0, 3)).toEqual(['Khan/name', 'party/noun', 'did/other']);
  });

  it('takes German lower-case words before a noun for adjectives, other lower-case words for verbs', () => {
    const out = tags('Die Regierung hat ein neues Gesetz vorgestellt.', '', 'de');
    expect(out).toContain('neues/adj');
    expect(out).toContain('vorgestellt/verb');
    expect(out).toContain('Die/other');
  });

  it('segments Chinese and Japanese text into words, function words and particles apart', () => {
    expect(isCjkText('日本政府は月曜日、東京で新しい経済対策を発表した。')).toBe(true);
    expect(isCjkText('The Tokyo government (東京都) said so.')).toBe(false);
    const out = tagText('日本政府は月曜日、東京で新しい経済対策を発表した。', '', 'ja').sentences.flat();
    expect(out.find((t) => t.word === '月曜日')?.tag).toBe('other');
    expect(out.filter((t) => t.tag === 'noun').every((t) => [...t.word].length >= 2 && !/\p{sc=Hiragana}/u.test(t.word))).toBe(true);
  });
});
