// The small part of pdf.js (pdfjs-dist) that utils/pdf uses. The caller passes the module in: the extension
// loads the browser build with its worker from the extension's own files, Node (CLI, tests, bench) the legacy
// build (pdfjs-node.ts), and the readers here take the module as a parameter, so they run the same in both.

export interface PdfjsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL: boolean;
}

export interface PdfjsPage {
  getViewport(options: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: Array<PdfjsTextItem | { type: string }> }>;
  cleanup(): unknown;
}

export interface PdfjsMetadata {
  info: Record<string, unknown> | null | undefined;
  metadata: { get(name: string): unknown } | null | undefined;
}

export interface PdfjsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfjsPage>;
  getMetadata(): Promise<PdfjsMetadata>;
}

export interface PdfjsLoadingTask {
  promise: Promise<PdfjsDocument>;
  destroy(): Promise<void>;
}

export interface PdfjsModule {
  getDocument(params: {
    data: Uint8Array;
    verbosity?: number;
    isEvalSupported?: boolean;
    disableFontFace?: boolean;
    useSystemFonts?: boolean;
    stopAtErrors?: boolean;
    password?: string;
  }): PdfjsLoadingTask;
}
