import { EXTRACTION_LIMITS } from '../extract/limits';

export interface PdfLimits {
  /** Files larger than this are refused with a message (bytes). */
  maxBytes: number;
  /** Pages read for the text, word count and summary; the metadata pages are always read. */
  maxPages: number;
  /** Words of text kept with the record. */
  maxWords: number;
}

// 100 MB is past any report or paper's text; beyond it is mostly scans and images, and the whole file has to sit in
// memory twice (the page's copy and pdf.js's). 1,000 pages take pdf.js some 10–20 s here.
export const PDF_LIMITS: Readonly<PdfLimits> = Object.freeze({ maxBytes: 100 * 1024 * 1024, maxPages: 1000, maxWords: EXTRACTION_LIMITS.maxWords });
