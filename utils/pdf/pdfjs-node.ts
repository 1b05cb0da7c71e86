import type { PdfjsModule } from './pdfjs-types';

let loaded: Promise<PdfjsModule> | null = null;

/**
 * pdf.js for Node (CLI, tests, benchmarks): the legacy build, which runs without a DOM; with no worker file given it
 * parses in this thread ("fake worker"), which is what a command line wants.
 */
export function loadPdfjsNode(): Promise<PdfjsModule> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((m) => m as unknown as PdfjsModule);
  return loaded;
}
