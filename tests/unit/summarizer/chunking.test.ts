import { describe, expect, it } from 'vitest';
import { splitForQuota } from '../../../utils/summarizer/chunking';
import { isAbortError } from '../../../utils/summarizer/engine';

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const measure = async (s: string) => words(s);

describe('splitForQuota', () => {
  it('returns a text that fits whole, and nothing for an empty text', async () => {
    expect(await splitForQuota('  One short paragraph.  ', 100, measure)).toEqual(['One short paragraph.']);
    expect(await splitForQuota('   ', 100, measure)).toEqual([]);
  });

  it('treats an infinite quota as room for everything', async () => {
    const text = 'word '.repeat(10_000).trim();
    expect(await splitForQuota(text, Number.POSITIVE_INFINITY, measure)).toEqual([text]);
  });

  it('cuts between paragraphs and keeps them in order', async () => {
    const paras = ['Alpha one two three.', 'Beta four five six.', 'Gamma seven eight nine.', 'Delta ten eleven twelve.'];
    const parts = await splitForQuota(paras.join('\n\n'), 9, measure);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(words(p)).toBeLessThanOrEqual(9);
    expect(parts.join('\n\n')).toBe(paras.join('\n\n'));
  });

  it('cuts a paragraph longer than the quota at sentence ends, then words', async () => {
    const sentence = (i: number) => `Sentence ${i} has exactly six words.`;
    const para = Array.from({ length: 20 }, (_, i) => sentence(i)).join(' ');
    const parts = await splitForQuota(para, 13, measure);
    for (const p of parts) expect(words(p)).toBeLessThanOrEqual(13);
    expect(parts.join(' ').split(/\s+/)).toEqual(para.split(/\s+/));
    const endless = 'word '.repeat(300).trim();
    const cut = await splitForQuota(endless, 50, measure);
    for (const p of cut) expect(words(p)).toBeLessThanOrEqual(50);
    expect(cut.join(' ')).toBe(endless);
  });

  it('halves pieces the estimate got wrong (dense text uses more quota per character)', async () => {
    // Usage per character is much higher in the second half than the average predicts.
    const text = `${'aaaaaaaaaa '.repeat(40)}\n\n${'b '.repeat(200)}`.trim();
    const parts = await splitForQuota(text, 60, measure);
    for (const p of parts) expect(words(p)).toBeLessThanOrEqual(60);
    expect(parts.join(' ').split(/\s+/)).toEqual(text.split(/\s+/));
  });

  it('stops with an AbortError once cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await splitForQuota('some text', 1, measure, controller.signal).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
  });
});
