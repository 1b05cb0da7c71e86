import type { BrowserSummarizer, SummarizerApi, SummarizerCreateOptions } from '../../../utils/summarizer/browser-ai';

/**
 * A stand-in for Chrome's `Summarizer` global: usage is one unit per word, a summary of a text is
 * "S(<first word>…<word count>)", and streaming sends that summary a few characters at a time.
 */
export class FakeSummarizerApi implements SummarizerApi {
  state = 'available';
  inputQuota = Number.POSITIVE_INFINITY;
  downloadSteps: number[] = [];
  created: SummarizerCreateOptions[] = [];
  availabilityAsked: SummarizerCreateOptions[] = [];
  summarized: string[] = [];
  streamed: string[] = [];
  destroyed = 0;
  createError: Error | null = null;
  streamError: Error | null = null;
  /** When set, streaming waits for this before each chunk after the first. */
  gate: Promise<void> | null = null;
  streamCancelled = false;

  async availability(options?: SummarizerCreateOptions) {
    this.availabilityAsked.push(options ?? {});
    return this.state;
  }

  async create(options: SummarizerCreateOptions = {}): Promise<BrowserSummarizer> {
    this.created.push(options);
    if (this.createError) throw this.createError;
    if (options.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (this.downloadSteps.length) {
      const monitor = new EventTarget();
      options.monitor?.(monitor);
      for (const loaded of this.downloadSteps) monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded }));
    }
    const api = this;
    return {
      inputQuota: this.inputQuota,
      async measureInputUsage(text) {
        return words(text);
      },
      async summarize(text) {
        if (words(text) > api.inputQuota) throw new DOMException('too long', 'QuotaExceededError');
        api.summarized.push(text);
        return summaryOf(text);
      },
      summarizeStreaming(text, call) {
        if (words(text) > api.inputQuota) throw new DOMException('too long', 'QuotaExceededError');
        api.streamed.push(text);
        const pieces = summaryOf(text).match(/.{1,4}/gs) ?? [];
        let i = 0;
        return new ReadableStream<string>({
          async pull(controller) {
            if (i > 0 && api.gate) await api.gate;
            if (call?.signal?.aborted) return controller.error(new DOMException('aborted', 'AbortError'));
            if (api.streamError && i === 2) return controller.error(api.streamError);
            if (i < pieces.length) controller.enqueue(pieces[i++]);
            else controller.close();
          },
          cancel() {
            api.streamCancelled = true;
          },
        });
      },
      destroy() {
        api.destroyed++;
      },
    };
  }
}

export function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function summaryOf(text: string): string {
  const all = text.split(/\s+/).filter(Boolean);
  return `S(${all[0]}…${all.length})`;
}
