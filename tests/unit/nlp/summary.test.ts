import { describe, expect, it } from 'vitest';
import { draftSummary, SUMMARY_LENGTH_WORDS } from '../../../utils/nlp/index';

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const sentence = (i: number) => `Sentence number ${i} tells about harbour cranes, shipping lanes and port number ${i}.`;
const article = (n: number) => Array.from({ length: n }, (_, i) => sentence(i)).join(' ');

describe('draftSummary', () => {
  it('returns an empty draft for empty or whitespace-only text', () => {
    expect(draftSummary('')).toBe('');
    expect(draftSummary(' \n \n')).toBe('');
  });

  it('returns the only sentence of a one-sentence text', () => {
    expect(draftSummary('The harbour reopened on Monday after a week of storms.')).toBe(
      'The harbour reopened on Monday after a week of storms.',
    );
  });

  it('keeps each length near its target in words, longer targets giving longer drafts', () => {
    const text = article(60);
    const lengths = (['short', 'medium', 'long'] as const).map((length) => {
      const n = words(draftSummary(text, { length }));
      expect(n).toBeGreaterThan(SUMMARY_LENGTH_WORDS[length] * 0.7);
      expect(n).toBeLessThanOrEqual(SUMMARY_LENGTH_WORDS[length] * 1.15);
      return n;
    });
    expect(lengths[0]).toBeLessThan(lengths[1]);
    expect(lengths[1]).toBeLessThan(lengths[2]);
  });

  it('drafts Japanese text, which has no spaces between words and ends sentences with 。', () => {
    const ja =
      '港の朝市には漁から戻った船が次々と着き、魚が並ぶ。買い物客は朝早くから集まり、新鮮な魚を選んでいく。漁師たちは昼まで網を直し、翌日の漁に備える。';
    const draft = draftSummary(ja, { language: 'ja', length: 'short' });
    expect(draft).toContain('港の朝市には漁から戻った船が次々と着き、魚が並ぶ。');
  });

  it('prints the chosen sentences in article order', () => {
    const text = [
      'Storms closed the northern harbour for a week.',
      'A local band played at the fish market on Saturday evening.',
      'Port officials said the harbour cranes were damaged by the storms.',
      'The harbour reopened on Monday once the cranes were repaired after the storms.',
    ].join(' ');
    const draft = draftSummary(text, { length: 'short', title: 'Harbour reopens after storms' });
    const positions = draft.split(/(?<=\.)\s/).map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('leaves out newsletter prompts, credits, the title and dateline residue', () => {
    const text = [
      'Harbour reopens after storms',
      'By Jane Doe . (Harbour Wire) -- The northern harbour reopened on Monday after a week of storms.',
      'Sign up for our daily newsletter to get the latest updates.',
      'Photo credit: John Smith for the Harbour Wire.',
      'Copyright 2024 Harbour Wire. All rights reserved.',
    ].join('\n');
    expect(draftSummary(text, { title: 'Harbour reopens after storms' })).toBe(
      'The northern harbour reopened on Monday after a week of storms.',
    );
  });

  it('skips headings, reference titles and citation marks', () => {
    const text = [
      'New Zealand',
      'New Zealand is an island country in the southwestern Pacific Ocean.[4]',
      'Geography and Climate',
      'A History of New Zealand.',
    ].join('\n');
    expect(draftSummary(text)).toBe('New Zealand is an island country in the southwestern Pacific Ocean.');
  });

  it('drafts a bounded summary of a 50,000-word article from its sentences', { timeout: 60_000 }, () => {
    const text = article(3900);
    expect(words(text)).toBeGreaterThan(50_000);
    const draft = draftSummary(text);
    expect(words(draft)).toBeLessThanOrEqual(SUMMARY_LENGTH_WORDS.medium * 1.15);
    expect(draft.startsWith(sentence(0))).toBe(true);
  });
});
