import { afterEach, describe, expect, it } from 'vitest';
import { browserAiEngine, browserSummarizerApi } from '../../../utils/summarizer/browser-ai';
import { isAbortError } from '../../../utils/summarizer/engine';
import { FakeSummarizerApi, summaryOf, words } from './fake-summarizer';

const ARTICLE = 'Small harbours wire their quays. Ferries switch off their engines while moored.';

function paragraphs(count: number, wordsEach: number): string {
  return Array.from({ length: count }, (_, p) => Array.from({ length: wordsEach }, (_, w) => `p${p}w${w}`).join(' ') + '.').join('\n\n');
}

afterEach(() => {
  delete (globalThis as { Summarizer?: unknown }).Summarizer;
});

describe('browserAiEngine availability', () => {
  it('is unavailable without a Summarizer global', async () => {
    expect(browserSummarizerApi()).toBeNull();
    expect(await browserAiEngine().availability({ language: 'en' })).toBe('unavailable');
  });

  it('finds the global Summarizer and passes its states through', async () => {
    const fake = new FakeSummarizerApi();
    (globalThis as { Summarizer?: unknown }).Summarizer = fake;
    for (const state of ['available', 'downloadable', 'downloading', 'unavailable']) {
      fake.state = state;
      expect(await browserAiEngine().availability({ language: null })).toBe(state);
    }
  });

  it('treats unknown states and failures as unavailable', async () => {
    const fake = new FakeSummarizerApi();
    fake.state = 'readily';
    expect(await browserAiEngine(fake).availability({ language: 'en' })).toBe('unavailable');
    fake.availability = async () => {
      throw new DOMException('blocked', 'NotAllowedError');
    };
    expect(await browserAiEngine(fake).availability({ language: 'en' })).toBe('unavailable');
  });

  it('asks about the article language by its base code', async () => {
    const fake = new FakeSummarizerApi();
    await browserAiEngine(fake).availability({ language: 'en-GB' });
    expect(fake.availabilityAsked[0]).toMatchObject({ expectedInputLanguages: ['en'], outputLanguage: 'en' });
  });
});

describe('browserAiEngine summarize', () => {
  it('creates a summarizer with the chosen type, length and language, and destroys it after', async () => {
    const fake = new FakeSummarizerApi();
    const summary = await browserAiEngine(fake).summarize(ARTICLE, { length: 'long', type: 'key-points', language: 'es-MX', title: 'Quays' });
    expect(summary).toBe(summaryOf(ARTICLE));
    expect(fake.created[0]).toMatchObject({
      type: 'key-points',
      length: 'long',
      format: 'plain-text',
      expectedInputLanguages: ['es'],
      outputLanguage: 'es',
    });
    expect(fake.destroyed).toBe(1);
  });

  it('defaults to a tl;dr and leaves the language out when it is unknown', async () => {
    const fake = new FakeSummarizerApi();
    await browserAiEngine(fake).summarize(ARTICLE, { length: 'short', language: 'not a language' });
    expect(fake.created[0].type).toBe('tldr');
    expect(fake.created[0]).not.toHaveProperty('outputLanguage');
  });

  it('reports model download progress from the monitor', async () => {
    const fake = new FakeSummarizerApi();
    fake.downloadSteps = [0, 0.25, 0.5, 1];
    const progress: number[] = [];
    await browserAiEngine(fake).summarize(ARTICLE, { length: 'medium' }, { onProgress: (f) => progress.push(f) });
    expect(progress).toEqual([0, 0.25, 0.5, 1]);
  });

  it('streams the summary as it grows, each call holding the text so far', async () => {
    const fake = new FakeSummarizerApi();
    const seen: string[] = [];
    const summary = await browserAiEngine(fake).summarize(ARTICLE, { length: 'medium' }, { onText: (t) => seen.push(t) });
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i].startsWith(seen[i - 1])).toBe(true);
    expect(seen.at(-1)).toBe(summary);
  });

  it('summarises a long article in quota-sized parts, then the summaries, streaming only the last step', async () => {
    const fake = new FakeSummarizerApi();
    fake.inputQuota = 100;
    const text = paragraphs(10, 40); // 400 words, 4+ parts
    const steps: Array<{ part: number; parts: number }> = [];
    const summary = await browserAiEngine(fake).summarize(text, { length: 'medium' }, { onStep: (s) => steps.push(s) });
    expect(fake.summarized.length).toBeGreaterThanOrEqual(4);
    for (const part of fake.summarized) expect(words(part)).toBeLessThanOrEqual(100);
    // Every word of the article went into exactly one part, in order.
    expect(fake.summarized.join(' ').split(/\s+/)).toEqual(text.split(/\s+/));
    expect(steps.map((s) => s.part)).toEqual(fake.summarized.map((_, i) => i + 1));
    expect(fake.streamed).toEqual([fake.summarized.map(summaryOf).join('\n\n')]);
    expect(summary).toBe(summaryOf(fake.streamed[0]));
  });

  it('gives up with a clear message when summaries never fit the quota', async () => {
    const fake = new FakeSummarizerApi();
    fake.inputQuota = 1; // every summary "S(x…n)" is one word, but parts of one word summarise to one word each
    const text = Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ');
    await expect(browserAiEngine(fake).summarize(text, { length: 'short' })).rejects.toThrow(/too long/);
    expect(fake.destroyed).toBe(1);
  });

  it('cancels while streaming: rejects with an AbortError, stops the stream and destroys the summarizer', async () => {
    const fake = new FakeSummarizerApi();
    let open!: () => void;
    fake.gate = new Promise((r) => (open = r));
    const controller = new AbortController();
    const seen: string[] = [];
    const run = browserAiEngine(fake).summarize(ARTICLE, { length: 'medium' }, {
      signal: controller.signal,
      onText: (t) => {
        seen.push(t);
        controller.abort();
      },
    });
    const error = await run.catch((e: unknown) => e);
    open();
    expect(isAbortError(error)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(fake.streamCancelled).toBe(true);
    expect(fake.destroyed).toBe(1);
  });

  it('does not create a summarizer when already cancelled', async () => {
    const fake = new FakeSummarizerApi();
    const controller = new AbortController();
    controller.abort();
    const error = await browserAiEngine(fake).summarize(ARTICLE, { length: 'short' }, { signal: controller.signal }).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(fake.created).toHaveLength(0);
  });

  it('explains the browser errors in the user’s terms', async () => {
    const fake = new FakeSummarizerApi();
    fake.createError = new DOMException('nope', 'NotSupportedError');
    await expect(browserAiEngine(fake).summarize(ARTICLE, { length: 'short' })).rejects.toThrow(/cannot summarise this language/);
    fake.createError = null;
    fake.streamError = new DOMException('filtered', 'NotReadableError');
    await expect(browserAiEngine(fake).summarize(ARTICLE, { length: 'short' })).rejects.toThrow(/refused/);
    expect(fake.destroyed).toBe(1);
  });

  it('fails clearly when the browser has no summariser', async () => {
    await expect(browserAiEngine(null).summarize(ARTICLE, { length: 'short' })).rejects.toThrow(/no built-in AI/);
  });
});
