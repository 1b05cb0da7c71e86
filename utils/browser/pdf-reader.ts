import type { Draft } from '../extract/draft';
import type { ExtractionResult } from '../extract/result';
import { t } from '../i18n/messages';
import type { PdfExtractOptions, PdfProgress } from '../pdf/extract-pdf';
import type { PdfFailure } from '../pdf/open';

/** Progress as the status line says it. */
export const progressText = (p: PdfProgress) => t('pdfReadingPages', p.done, p.total);

/** The message for a PDF that could not be read. */
export function pdfFailureText(kind: PdfFailure | 'failed', detail: string): string {
  if (kind === 'encrypted') return t('pdfEncrypted');
  if (kind === 'too-large') return detail;
  if (kind === 'not-pdf') return t('pdfNotPdf');
  return t('pdfBroken', detail);
}

/**
 * Read PDF bytes into a draft in this extension page. pdf.js and the PDF modules are loaded here, on first use,
 * as their own chunk; pdf.js parses in its worker.
 */
export async function readPdfBytes(bytes: Uint8Array, options: PdfExtractOptions = {}): Promise<ExtractionResult> {
  const [{ browserPdfjs }, { extractPdfDraft }, { PdfError }] = await Promise.all([
    import('./pdfjs-browser'),
    import('../pdf/extract-pdf'),
    import('../pdf/open'),
  ]);
  try {
    const draft: Draft = await extractPdfDraft(browserPdfjs, bytes, options);
    return { ok: true, draft };
  } catch (e) {
    const kind = e instanceof PdfError ? e.kind : 'failed';
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: 'failed', message: pdfFailureText(kind, message) };
  }
}

/**
 * The bytes of the PDF a tab shows, fetched from this extension page: the activeTab grant that the toolbar click
 * (or shortcut) gave covers the tab's origin, so no host permission is needed. Failures come back as messages.
 */
export async function fetchPdf(url: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  if (url.startsWith('file:')) {
    try {
      const response = await fetch(url);
      return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
    } catch {
      return { ok: false, message: t('popupPdfFileAccess') };
    }
  }
  if (!/^https?:/i.test(url)) return { ok: false, message: t('popupPdfNoUrl') };
  try {
    const response = await fetch(url, { credentials: 'include' });
    if (!response.ok) return { ok: false, message: t('popupPdfCannotFetch', `HTTP ${response.status}`) };
    return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (e) {
    return { ok: false, message: t('popupPdfCannotFetch', e instanceof Error ? e.message : String(e)) };
  }
}

/**
 * The popup's path for a tab showing a PDF: fetch its bytes, then read them here, with progress. `onMetadata`
 * gets the draft from the first and last pages before the rest is read.
 */
export async function extractPdfTab(url: string | null, onStatus: (status: string) => void, onMetadata?: (draft: Draft) => void): Promise<ExtractionResult> {
  if (!url) return { ok: false, reason: 'pdf', message: t('popupPdfNoUrl') };
  onStatus(t('pdfReadingFile'));
  const fetched = await fetchPdf(url);
  if (!fetched.ok) return { ok: false, reason: 'pdf', message: fetched.message };
  return readPdfBytes(fetched.bytes, { url, onProgress: (p) => onStatus(progressText(p)), onMetadata });
}

