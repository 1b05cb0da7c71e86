import type { SummaryLength } from '../nlp/index';
import { t } from '../i18n/messages';

export type { SummaryLength };

/** The browser's AI summary styles (the extractive drafter ignores this). */
export type SummaryType = 'tldr' | 'key-points' | 'teaser' | 'headline';

export interface SummaryOptions {
  length: SummaryLength;
  type?: SummaryType;
  /** The article's language (BCP 47), e.g. from the record's Language field. */
  language?: string | null;
  title?: string | null;
}

export interface SummaryCallbacks {
  /** The summary so far, each time it grows (streaming engines call it many times). */
  onText?: (textSoFar: string) => void;
  /** Model download progress, 0–1, when the engine must fetch its model first. */
  onProgress?: (fraction: number) => void;
  /** A long article is summarised in parts first: which part is being read. */
  onStep?: (step: { part: number; parts: number }) => void;
  signal?: AbortSignal;
}

/**
 * - `available`: ready now; `downloadable`/`downloading`: usable after a model download (started by a click);
 * - `unavailable`: not in this browser, or not for this language.
 */
export type EngineAvailability = 'available' | 'downloadable' | 'downloading' | 'unavailable';

/** Something that writes a summary draft: the on-device extractive drafter, or the browser's own AI. */
export interface SummaryEngine {
  id: 'extractive' | 'browser-ai';
  label: string;
  availability(options: Pick<SummaryOptions, 'language'>): Promise<EngineAvailability>;
  /** Resolves with the whole summary; rejects with an `AbortError` when the signal fires. */
  summarize(text: string, options: SummaryOptions, callbacks?: SummaryCallbacks): Promise<string>;
}

export function abortError(): DOMException {
  return new DOMException(t('engineCancelled'), 'AbortError');
}

export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}
