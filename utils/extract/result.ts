import type { Draft } from './draft';

/** Why the popup could not read the page; each has its own plain message in the UI. */
export type ExtractionFailure = 'restricted' | 'no-access' | 'failed' | 'no-tab';

export type ExtractionResult =
  | { ok: true; draft: Draft }
  | { ok: false; reason: ExtractionFailure; message: string };
