import { abortError, type SummaryCallbacks, type SummaryEngine, type SummaryOptions } from './engine';
import { splitForQuota } from './chunking';
import { t } from '../i18n/messages';

// The parts of Chrome's built-in Summarizer API (Chrome 138+) this adapter uses.
export interface SummarizerCreateOptions {
  type?: string;
  length?: string;
  format?: 'plain-text' | 'markdown';
  sharedContext?: string;
  expectedInputLanguages?: string[];
  outputLanguage?: string;
  monitor?: (monitor: EventTarget) => void;
  signal?: AbortSignal;
}
interface CallOptions {
  context?: string;
  signal?: AbortSignal;
}
export interface BrowserSummarizer {
  readonly inputQuota: number;
  measureInputUsage(text: string, options?: CallOptions): Promise<number>;
  summarize(text: string, options?: CallOptions): Promise<string>;
  summarizeStreaming(text: string, options?: CallOptions): ReadableStream<string>;
  destroy(): void;
}
export interface SummarizerApi {
  availability(options?: SummarizerCreateOptions): Promise<string>;
  create(options?: SummarizerCreateOptions): Promise<BrowserSummarizer>;
}

/** The browser's `Summarizer` global, when it has one. */
export function browserSummarizerApi(): SummarizerApi | null {
  const api = (globalThis as { Summarizer?: SummarizerApi }).Summarizer;
  return api && typeof api.availability === 'function' && typeof api.create === 'function' ? api : null;
}

const SHARED_CONTEXT = 'A summary for a literature-review record: what the article reports and argues, in neutral terms.';
// Summaries of summaries: give up rather than loop if they never get short enough.
const MAX_ROUNDS = 3;

/** "en-GB" → "en": the API takes languages it was trained on, named by their base code. */
function baseLanguage(language: string | null | undefined): string | null {
  const base = language?.trim().toLowerCase().split(/[-_]/)[0];
  return base && /^[a-z]{2,3}$/.test(base) ? base : null;
}

function languageOptions(language: string | null | undefined): Pick<SummarizerCreateOptions, 'expectedInputLanguages' | 'outputLanguage'> {
  const base = baseLanguage(language);
  return base ? { expectedInputLanguages: [base], outputLanguage: base } : {};
}

/** The browser's error names, in the user's terms. */
function explain(e: unknown): unknown {
  const name = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
  const messages: Record<string, string> = {
    NotAllowedError: t('aiNotAllowed'),
    NotSupportedError: t('aiNotSupported'),
    QuotaExceededError: t('aiTextTooLong'),
    NotReadableError: t('aiRefused'),
    InvalidStateError: t('aiLostPage'),
  };
  return typeof name === 'string' && messages[name] ? new Error(messages[name], { cause: e }) : e;
}

/** Chrome's built-in Summarizer behind the engine interface: chunked for its quota, streamed, cancellable. */
export function browserAiEngine(api: SummarizerApi | null = browserSummarizerApi()): SummaryEngine {
  return {
    id: 'browser-ai',
    label: t('engineBrowserAi'),
    async availability({ language }) {
      if (!api) return 'unavailable';
      try {
        const state = await api.availability({ type: 'tldr', format: 'plain-text', ...languageOptions(language) });
        return state === 'available' || state === 'downloadable' || state === 'downloading' ? state : 'unavailable';
      } catch {
        return 'unavailable';
      }
    },
    async summarize(text, options, callbacks = {}) {
      if (!api) throw new Error(t('aiMissing'));
      const { signal } = callbacks;
      if (signal?.aborted) throw abortError();
      let summarizer: BrowserSummarizer;
      try {
        summarizer = await api.create({
          type: options.type ?? 'tldr',
          length: options.length,
          format: 'plain-text',
          sharedContext: SHARED_CONTEXT,
          ...languageOptions(options.language),
          signal,
          monitor(monitor) {
            monitor.addEventListener('downloadprogress', (e) => {
              const loaded = (e as Event & { loaded?: number }).loaded;
              if (typeof loaded === 'number') callbacks.onProgress?.(Math.min(1, Math.max(0, loaded)));
            });
          },
        });
      } catch (e) {
        throw explain(e);
      }
      try {
        return await summarizeToFit(summarizer, text, options, callbacks);
      } catch (e) {
        throw explain(e);
      } finally {
        summarizer.destroy();
      }
    },
  };
}

/**
 * Map-reduce for long articles: each quota-sized part is summarised, then the parts' summaries together,
 * until one text fits; only that last summary streams into the form.
 */
async function summarizeToFit(summarizer: BrowserSummarizer, text: string, options: SummaryOptions, callbacks: SummaryCallbacks): Promise<string> {
  const { signal } = callbacks;
  const context = options.title ? `Article title: ${options.title}` : undefined;
  const measure = (s: string) => summarizer.measureInputUsage(s, { context, signal });
  let input = text;
  for (let round = 0; ; round++) {
    const parts = await splitForQuota(input, summarizer.inputQuota, measure, signal);
    if (parts.length === 0) return '';
    if (parts.length === 1) return stream(summarizer, parts[0], { context, signal }, callbacks.onText);
    if (round === MAX_ROUNDS) throw new Error(t('aiArticleTooLong'));
    const summaries: string[] = [];
    for (const [i, part] of parts.entries()) {
      callbacks.onStep?.({ part: i + 1, parts: parts.length });
      summaries.push((await summarizer.summarize(part, { context, signal })).trim());
    }
    input = summaries.filter(Boolean).join('\n\n');
  }
}

async function stream(summarizer: BrowserSummarizer, text: string, call: CallOptions, onText?: (soFar: string) => void): Promise<string> {
  const reader = summarizer.summarizeStreaming(text, call).getReader();
  let soFar = '';
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), call.signal);
      if (done) break;
      // Chrome 138+ streams the new text only.
      soFar += value;
      onText?.(soFar);
    }
    finished = true;
  } finally {
    // Stops the model generating for nothing after a cancel or an error.
    if (!finished) void reader.cancel().catch(() => {});
  }
  return soFar.trim();
}

/** Cancel answers at once, even if the stream is slow to notice the signal. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
