import type { ExtractionResult } from '../extract/result';
/**
 * Whether the popup should read the tab as a PDF: the extractor saw a PDF document, or the browser refused the
 * extractor on an address that names a .pdf file (Firefox's PDF viewer cannot be scripted).
 */
export function isPdfTab(result: ExtractionResult, url: string | null): boolean {
  if (result.ok) return false;
  return result.reason === 'pdf' || (result.reason !== 'no-tab' && !!url && /^(?:https?|file):[^?#]*\.pdf(?:[?#]|$)/i.test(url));
}

/** The library page, opened on "Clip a PDF file…", for a PDF the popup could not read itself. */
export const CHOOSE_PDF_PAGE = '/library.html?clip=pdf';
