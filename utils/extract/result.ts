import type { Draft } from './draft';

/**
 * Why the popup could not read the page; each has its own plain message in the UI. 'pdf': the tab shows a PDF, which
 * the popup reads itself (and, when the browser refuses it the file, offers to choose it instead).
 */
export type ExtractionFailure = 'restricted' | 'no-access' | 'failed' | 'no-tab' | 'pdf';

export type ExtractionResult =
  | { ok: true; draft: Draft }
  | { ok: false; reason: ExtractionFailure; message: string };
