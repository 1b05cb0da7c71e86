import { describe, expect, it } from 'vitest';
import { doc } from './helpers';
import { blockText, countWords } from '../../../utils/extract/text';

describe('word count', () => {
  it('counts CJK text with a word segmenter rather than as one token', () => {
    const n = countWords('我们今天去北京大学看朋友');
    expect(n).toBeGreaterThan(3);
    expect(n).toBeLessThan(13);
    expect(countWords('東京は日本の首都です')).toBeGreaterThan(2);
  });

  it('counts mixed CJK and Latin words', () => {
    expect(countWords('Apple 发布了 iPhone')).toBe(countWords('发布了') + 2);
  });

  it('does not glue words across block boundaries', () => {
    const d = doc('<body><div><p>lorem ipsum</p><p>dolor sit</p><ul><li>amet</li><li>elit</li></ul></div></body>');
    const text = blockText(d.body);
    expect(text).not.toContain('ipsumdolor');
    expect(countWords(text)).toBe(6);
  });

  it('counts hyphenated words and abbreviations once and ignores lone dashes', () => {
    expect(countWords('a well-known U.S. firm — indeed')).toBe(5);
  });
});
