import { describe, expect, it } from 'vitest';
import { extractiveEngine } from '../../../utils/summarizer/extractive';
import { isAbortError } from '../../../utils/summarizer/engine';

const TEXT = [
  'Small municipal ports on the Baltic are wiring their quays for shore power.',
  'Moored ferries can then switch off their diesel engines.',
  'The costs sit mostly in reinforcing the local grid.',
].join('\n');

describe('extractiveEngine', () => {
  it('is always available, since it runs on the article text alone', async () => {
    expect(await extractiveEngine().availability({ language: 'xx' })).toBe('available');
  });

  it('drafts from the nlp module with the chosen length, title and language, and reports the text once', async () => {
    const calls: unknown[] = [];
    const engine = extractiveEngine(async () => ({
      ...(await import('../../../utils/nlp/index')),
      draftSummary: (text: string, options?: unknown) => {
        calls.push(options);
        return text.split('\n')[0];
      },
    }));
    const seen: string[] = [];
    const summary = await engine.summarize(TEXT, { length: 'short', language: 'en', title: 'Quays' }, { onText: (t) => seen.push(t) });
    expect(summary).toBe('Small municipal ports on the Baltic are wiring their quays for shore power.');
    expect(seen).toEqual([summary]);
    expect(calls).toEqual([{ length: 'short', language: 'en', title: 'Quays' }]);
  });

  it('drafts with the real drafter, in the article’s own sentences', async () => {
    const summary = await extractiveEngine().summarize(TEXT, { length: 'long' });
    expect(summary).toContain('Small municipal ports on the Baltic are wiring their quays for shore power.');
  });

  it('stops with an AbortError when cancelled while the drafter loads', async () => {
    const controller = new AbortController();
    const engine = extractiveEngine(async () => {
      controller.abort();
      return import('../../../utils/nlp/index');
    });
    const error = await engine.summarize(TEXT, { length: 'short' }, { signal: controller.signal }).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
  });
});
