import * as pdfjs from 'pdfjs-dist';
// The worker ships as one of the extension's own files (Vite copies it into the build and gives its URL), so it
// runs under the extension pages' CSP (script-src 'self'): no remote code, no blob: workers.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PdfjsModule } from '../pdf/pdfjs-types';

// This module is only ever imported dynamically (see pdf-reader.ts), so pdf.js stays out of the popup's and the
// library's initial JavaScript and is fetched the first time a PDF is read.
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export const browserPdfjs = pdfjs as unknown as PdfjsModule;
