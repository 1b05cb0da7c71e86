import { emptyDraft, type Draft } from '../extract/draft';
import type { SourceResult } from '../extract/metadata/candidates';
import { chooseMetadata } from '../extract/metadata/choose';
import { countWords } from '../extract/text';
import { clipWords } from '../extract/limits';
import { PDF_LIMITS, type PdfLimits } from './limits';
import { t } from '../i18n/messages';
import type { Author } from '../record/schema';
import type { SourceId } from '../extract/sources';
import type { PdfjsModule } from './pdfjs-types';
import { openPdf, PdfError, type OpenedPdf, type PdfPageText } from './open';
import { isRunning, layoutTitle, pagesOf, printedDoi, squash, textOf, type PdfPages } from './layout';
import { authorsUnderTitle, authorsWithRoles } from './authors';
import { bestPrintedDate, printedDates } from './dates';
import { checkProperties } from './properties';
import { publisherFromRunning, publisherStatement } from './publisher';
import { registrantOf } from './doi-registrants';
import { paragraphs, printedAbstract, printedKeywords } from './body';
import { guessPdfType } from './literature-type';

/** Where a PDF's values came from (identifiers; utils/extract/sources.ts gives the text shown beside a field). */
export const PDF_SOURCES = {
  properties: 'pdf-properties',
  firstPage: 'pdf-first-page',
  authorNotes: 'pdf-author-notes',
  running: 'pdf-page-headers',
  text: 'pdf-text',
  doi: 'pdf-doi',
  abstract: 'pdf-abstract',
} as const satisfies Record<string, SourceId>;

export interface PdfProgress {
  phase: 'metadata' | 'text';
  /** Pages read so far, of `total`. */
  done: number;
  total: number;
}

export interface PdfExtractOptions {
  url?: string | null;
  limits?: Partial<PdfLimits>;
  onProgress?: (progress: PdfProgress) => void;
  /** Called with the metadata as soon as the first and last pages are read, before the rest of the text. */
  onMetadata?: (draft: Draft) => void;
}

/** The pages that carry the metadata: the first two (title, authors, dates) and the last two (author notes). */
export function metadataPages(numPages: number): number[] {
  return [...new Set([1, 2, numPages - 1, numPages].filter((n) => n >= 1 && n <= numPages))].sort((a, b) => a - b);
}

/** The draft as far as the metadata pages tell it (the text comes later). */
export function metadataDraft(doc: PdfPages, opened: Pick<OpenedPdf, 'properties'>, url: string | null): Draft {
  const draft = emptyDraft(url);
  const allLines = doc.lines.flat();
  const firstPages = doc.lines.filter((_, i) => doc.pages[i].number <= 2).flat();
  const checked = checkProperties(opened.properties, textOf(allLines));
  const lang = checked.language ?? null;

  // Title: the page's largest text, unless the file's own (checked) title says the same more fully.
  const layout = layoutTitle(doc);
  let title: { value: string; label: SourceId } | null = layout ? { value: layout.title, label: PDF_SOURCES.firstPage } : null;
  if (checked.title) {
    const p = squash(checked.title);
    const l = layout ? squash(layout.title) : '';
    if (!layout || (p.includes(l) && p.length > l.length) || p === l) title = { value: checked.title, label: PDF_SOURCES.properties };
  }
  if (title) {
    draft.title = title.value;
    draft.sources.title = title.label;
  }

  const titleLines = layout ? doc.lines[doc.pages.findIndex((p) => p.number === layout.page)] : [];
  const block = layout ? authorsUnderTitle(titleLines, layout.lines) : null;
  const running = allLines.filter((l) => isRunning(doc, l));
  const body = allLines.filter((l) => !isRunning(doc, l));
  const noted = authorsWithRoles(body);

  const printed = bestPrintedDate(printedDates(firstPages.filter((l) => !isRunning(doc, l)), lang));
  const pageAuthors: Author[] = block?.authors.length ? block.authors : [];
  const statement = publisherStatement(body);
  const fromRunning = publisherFromRunning(running, draft.title, [...pageAuthors, ...noted, ...(checked.authors ?? [])]);
  const doi = printedDoi(firstPages) ?? opened.properties.xmp.doi ?? null;
  const registrant = registrantOf(doi);

  const sources: SourceResult[] = [
    { label: PDF_SOURCES.firstPage, values: { publishedDate: printed?.date, keywords: printedKeywords(firstPages) } },
    { label: PDF_SOURCES.properties, values: { publisher: checked.publisher, publishedDate: checked.date, keywords: checked.keywords, language: checked.language } },
    { label: PDF_SOURCES.text, values: { publisher: statement ?? undefined } },
    { label: PDF_SOURCES.running, values: { publisher: fromRunning ?? undefined } },
    { label: PDF_SOURCES.doi, values: { publisher: registrant ?? undefined } },
  ];
  const chosen = chooseMetadata(sources, {
    order: {
      publisher: [PDF_SOURCES.properties, PDF_SOURCES.text, PDF_SOURCES.running, PDF_SOURCES.doi],
      publishedDate: [PDF_SOURCES.firstPage, PDF_SOURCES.properties],
      keywords: [PDF_SOURCES.firstPage, PDF_SOURCES.properties],
      language: [PDF_SOURCES.properties],
    },
    explicitDateLabels: [PDF_SOURCES.firstPage, PDF_SOURCES.properties],
  });
  const { types: _types, guessed, ...fields } = chosen;
  Object.assign(draft, fields, { sources: { ...draft.sources, ...fields.sources } });
  draft.guessed = [...guessed];
  const authors = chooseAuthors([
    { label: PDF_SOURCES.firstPage, authors: pageAuthors },
    { label: PDF_SOURCES.authorNotes, authors: noted },
    { label: PDF_SOURCES.properties, authors: checked.authors ?? [] },
  ]);
  if (authors) {
    draft.authors = authors.authors;
    draft.sources.authors = authors.label;
  }
  if (draft.sources.publisher === PDF_SOURCES.doi) draft.guessed.push('publisher');
  // A report's staff, named with their job titles and no institution, work for the organisation that published it.
  if (draft.sources.authors === PDF_SOURCES.authorNotes && draft.publisher) {
    draft.authors = draft.authors.map((a) => (a.affiliation ? a : { ...a, affiliation: draft.publisher }));
  }

  const type = guessPdfType(firstPages, { doi, hasAuthorsBlock: !!block });
  if (type) {
    draft.literatureType = type;
    draft.sources.literatureType = PDF_SOURCES.firstPage;
    draft.guessed.push('literatureType');
  }
  const abstract = printedAbstract(firstPages.filter((l) => !isRunning(doc, l)));
  if (abstract) {
    draft.summary = abstract.text;
    draft.sources.summary = PDF_SOURCES.abstract;
  }
  return draft;
}

/** First and last word: "Ethan P. White" and "Ethan White" are one person. */
const personKey = (a: Author) => {
  const w = a.name.split(/\s+/);
  return squash(`${w[0]} ${w[w.length - 1]}`);
};

/**
 * The first source that names authors, in the order given; a later source that names all of them and more (the
 * file's Author field listing every author where the pages' block was read short) widens the list, keeping the
 * affiliations found for the names already there.
 */
export function chooseAuthors(found: Array<{ label: SourceId; authors: Author[] }>): { label: SourceId; authors: Author[] } | null {
  const first = found.find((f) => f.authors.length);
  if (!first) return null;
  const known = new Map(first.authors.map((a) => [personKey(a), a]));
  for (const other of found) {
    if (other === first || other.authors.length <= first.authors.length || other.authors.length > 50) continue;
    const keys = new Set(other.authors.map(personKey));
    if (![...known.keys()].every((k) => keys.has(k))) continue;
    return { label: other.label, authors: other.authors.map((a) => known.get(personKey(a)) ?? a) };
  }
  return first;
}

const hasText = (pages: PdfPageText[]) => pages.some((p) => p.runs.some((r) => /\p{L}/u.test(r.text)));

/**
 * PDF bytes → the same Draft the web-page extractor produces. The metadata pages are read first (and handed to
 * `onMetadata`), then the others for the text, word count and summary. Throws PdfError for files it cannot read.
 */
export async function extractPdfDraft(pdfjs: PdfjsModule, bytes: Uint8Array, options: PdfExtractOptions = {}): Promise<Draft> {
  const limits = { ...PDF_LIMITS, ...options.limits };
  if (bytes.length > limits.maxBytes) {
    throw new PdfError('too-large', t('pdfTooLarge', (bytes.length / 1048576).toFixed(1), Math.round(limits.maxBytes / 1048576)));
  }
  const opened = await openPdf(pdfjs, bytes);
  try {
    const numbers = metadataPages(opened.numPages);
    const read = new Map<number, PdfPageText>();
    for (const n of numbers) {
      read.set(n, await opened.readPage(n));
      options.onProgress?.({ phase: 'metadata', done: read.size, total: opened.numPages });
    }
    const first = pagesOf([...read.values()], opened.numPages);
    const draft = metadataDraft(first, opened, options.url ?? null);
    if (!hasText(first.pages)) {
      draft.notice = t('pdfNoTextLayer');
      return draft;
    }
    options.onMetadata?.({ ...draft, sources: { ...draft.sources } });

    const last = Math.min(opened.numPages, limits.maxPages);
    for (let n = 1; n <= last; n++) {
      if (read.has(n)) continue;
      read.set(n, await opened.readPage(n));
      options.onProgress?.({ phase: 'text', done: read.size, total: opened.numPages });
    }
    const pages = [...read.values()].filter((p) => p.number <= last).sort((a, b) => a.number - b.number);
    // Running heads and feet are found again over all pages: a long report's repeat on more of them.
    const all = pagesOf(pages, opened.numPages);
    const lines = all.lines.flat().filter((l) => !isRunning(all, l));
    const body = paragraphs(lines).join('\n');
    const kept = clipWords(body, limits.maxWords);
    draft.text = kept.text;
    // The whole document's count, also when only its first words are kept as the text.
    draft.wordCount = kept.words ?? countWords(body);
    draft.sources.wordCount = PDF_SOURCES.text;
    draft.isArticle = draft.text.length >= 500;
    if (kept.clipped) draft.notice = t('pdfTextClipped', countWords(kept.text).toLocaleString('en-US'), draft.wordCount.toLocaleString('en-US'));
    else if (last < opened.numPages) draft.notice = t('pdfPagesCapped', last);
    return draft;
  } finally {
    await opened.close();
  }
}

