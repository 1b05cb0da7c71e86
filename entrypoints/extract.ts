import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractDraft } from '../utils/extract/extract-draft';
import { EXTRACTION_BUDGET_MS } from '../utils/extract/limits';
import type { ExtractionResult } from '../utils/extract/result';

// Injected on demand into the tab the user clicked on (activeTab + scripting). Its return value is the
// injection result: plain, serialisable data only. It runs in the extension's isolated world: the page's
// own scripts cannot reach our globals, and what they redefine on their prototypes (Array, JSON, Node,
// document.querySelector) is not what we see. The page is read, never changed: Readability gets a copy.
export default defineUnlistedScript((): ExtractionResult => {
  if (document.contentType === 'application/pdf') {
    // The popup reads the PDF's bytes itself, with pdf.js in the extension, never in the page.
    return { ok: false, reason: 'pdf', message: 'This tab shows a PDF.' };
  }
  try {
    const draft = extractDraft(document, { url: location.href, cloneForReadability: true, budgetMs: EXTRACTION_BUDGET_MS });
    return { ok: true, draft };
  } catch (e) {
    return { ok: false, reason: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
});
