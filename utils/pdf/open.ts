import type { PdfjsDocument, PdfjsLoadingTask, PdfjsModule, PdfjsTextItem } from './pdfjs-types';

/** Why a PDF could not be read; each has its own plain message. */
export type PdfFailure = 'encrypted' | 'broken' | 'too-large' | 'not-pdf';

export class PdfError extends Error {
  constructor(readonly kind: PdfFailure, message: string) {
    super(message);
    this.name = 'PdfError';
  }
}

/** One text run on a page, in PDF points from the page's bottom-left corner. */
export interface PdfTextRun {
  text: string;
  x: number;
  y: number;
  /** Advance width of the run. */
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
  /** pdf.js's id of the font: a change of id is a change of face (bold, italic, another family). */
  font: string;
}

export interface PdfPageText {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  runs: PdfTextRun[];
}

/** What the file says about itself: the Info dictionary and the XMP packet, raw. */
export interface PdfProperties {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  creationDate?: string;
  modDate?: string;
  /** The document catalogue's /Lang. */
  language?: string;
  xmp: {
    title?: string;
    creators?: string[];
    publisher?: string;
    date?: string;
    createDate?: string;
    description?: string;
    subjects?: string[];
    doi?: string;
    language?: string;
  };
}

export interface OpenedPdf {
  numPages: number;
  properties: PdfProperties;
  readPage(n: number): Promise<PdfPageText>;
  close(): Promise<void>;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Whether the bytes start like a PDF (the header may follow up to 1 KB of junk, as readers allow). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < PDF_MAGIC.length; j++) if (bytes[i + j] !== PDF_MAGIC[j]) continue outer;
    return true;
  }
  return false;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const strList = (v: unknown): string[] | undefined => {
  const list = (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).filter((x): x is string => typeof x === 'string' && !!x.trim());
  return list.length ? list.map((x) => x.trim()) : undefined;
};

function readProperties(info: Record<string, unknown> | null | undefined, xmp: { get(name: string): unknown } | null | undefined): PdfProperties {
  const i = info ?? {};
  const x = (name: string) => {
    try {
      return xmp?.get(name);
    } catch {
      return undefined;
    }
  };
  return {
    title: str(i.Title),
    author: str(i.Author),
    subject: str(i.Subject),
    keywords: str(i.Keywords),
    creator: str(i.Creator),
    producer: str(i.Producer),
    creationDate: str(i.CreationDate),
    modDate: str(i.ModDate),
    language: str(i.Language),
    xmp: {
      title: str(x('dc:title')),
      creators: strList(x('dc:creator')),
      publisher: strList(x('dc:publisher'))?.[0],
      date: strList(x('dc:date'))?.[0],
      createDate: str(x('xmp:createdate')) ?? str(x('xmp:CreateDate')),
      description: str(x('dc:description')),
      subjects: strList(x('dc:subject')),
      doi: str(x('prism:doi')),
      language: strList(x('dc:language'))?.[0],
    },
  };
}

function failure(e: unknown): PdfError {
  const name = (e as { name?: string })?.name ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') return new PdfError('encrypted', message);
  return new PdfError('broken', message);
}

/** Horizontal text only: rotated runs are margins, stamps and watermarks, not the page's lines. */
function runOf(item: PdfjsTextItem): PdfTextRun | null {
  const [a, b, c, d, e, f] = item.transform;
  if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0 || d <= 0) return null;
  if (!item.str) return null;
  return { text: item.str, x: e, y: f, width: item.width, size: Math.round(Math.hypot(c, d) * 10) / 10, font: item.fontName };
}

/**
 * Open a PDF with pdf.js. Pages are read one at a time on demand, so a caller can read the metadata pages first.
 * Throws PdfError: 'not-pdf' when the bytes are no PDF, 'encrypted' when a password is needed, 'broken' otherwise.
 */
export async function openPdf(pdfjs: PdfjsModule, bytes: Uint8Array): Promise<OpenedPdf> {
  if (!looksLikePdf(bytes)) throw new PdfError('not-pdf', 'not a PDF file');
  let task: PdfjsLoadingTask;
  let doc: PdfjsDocument;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy so the caller's bytes stay usable.
    // No eval (font programs compiled to functions) and no font faces: only text is read, never drawn.
    task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
    doc = await task.promise;
  } catch (e) {
    throw failure(e);
  }
  let properties: PdfProperties = { xmp: {} };
  try {
    const meta = await doc.getMetadata();
    properties = readProperties(meta.info, meta.metadata);
  } catch {
    // Broken metadata is no metadata: the pages still say what they say.
  }
  return {
    numPages: doc.numPages,
    properties,
    async readPage(n) {
      try {
        const page = await doc.getPage(n);
        const { width, height } = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const runs: PdfTextRun[] = [];
        for (const item of content.items) {
          if (!('str' in item)) continue;
          const run = runOf(item as PdfjsTextItem);
          if (run) runs.push(run);
        }
        page.cleanup();
        return { number: n, width, height, runs };
      } catch {
        // One unreadable page leaves the others readable.
        return { number: n, width: 612, height: 792, runs: [] };
      }
    },
    close: () => task.destroy().catch(() => {}),
  };
}
