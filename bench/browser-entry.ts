// Bundled by bench/dom-choice.ts (esbuild) and loaded into headless Chromium: the same extractDraft, run on
// a document built by the browser's own HTML parser (DOMParser), as the reference for "agrees with browsers".
import { extractDraft } from '../utils/extract/extract-draft';

declare global {
  var __precisExtract: (html: string, url: string | null) => unknown;
}

globalThis.__precisExtract = (html: string, url: string | null) => {
  const t0 = performance.now();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const t1 = performance.now();
  const draft = extractDraft(doc, { url, cloneForReadability: false });
  const t2 = performance.now();
  return { draft, parseMs: t1 - t0, extractMs: t2 - t1 };
};
