import { describe, expect, it } from 'vitest';
import { extractPdfDraft } from '../../../utils/pdf/extract-pdf';
import { PdfError } from '../../../utils/pdf/open';
import { loadPdfjsNode } from '../../../utils/pdf/pdfjs-node';
import { bodyLines, makePdf, type Text } from './make-pdf';

const BODY = 'Harbour authorities in the Baltic have started to fit shore power to their quays, and the ships follow';

async function draftOf(spec: Parameters<typeof makePdf>[0], options: Parameters<typeof extractPdfDraft>[2] = {}) {
  return extractPdfDraft(await loadPdfjsNode(), await makePdf(spec), options);
}

async function failureOf(bytes: Uint8Array, options: Parameters<typeof extractPdfDraft>[2] = {}) {
  try {
    await extractPdfDraft(await loadPdfjsNode(), bytes, options);
  } catch (e) {
    return e as PdfError;
  }
  throw new Error('expected a PdfError');
}

const paper = (extra: Text[] = []) => [
  { text: 'Shore Power in Small Harbours:', x: 72, y: 700, size: 20, bold: true },
  { text: 'A Survey of the Baltic Ports', x: 72, y: 676, size: 20, bold: true },
  ...extra,
  ...bodyLines(BODY, 560, 30),
];

describe('PDF → draft', { timeout: 30_000 }, () => {
  it('takes the largest text at the top as the title, joined over its lines', async () => {
    const draft = await draftOf({ pages: [{ texts: [{ text: 'Working Paper 12', x: 72, y: 740, size: 11 }, ...paper()] }], info: null });
    expect(draft.title).toBe('Shore Power in Small Harbours: A Survey of the Baltic Ports');
    expect(draft.sources.title).toBe('pdf-first-page');
    expect(draft.literatureType).toBe('Report');
    expect(draft.guessed).toContain('literatureType');
    expect(draft.wordCount).toBeGreaterThan(500);
    expect(draft.text).toContain('the ships follow 3.');
  });

  it('reads authors with superscript marks and gives each the affiliations their marks point to', async () => {
    const texts: Text[] = [
      { text: 'Marta Lindqvist', x: 72, y: 640, size: 12 },
      { text: '1,2', x: 160, y: 645, size: 7 },
      { text: ', Jonas Berg', x: 171, y: 640, size: 12 },
      { text: '2', x: 235, y: 645, size: 7 },
      { text: '1', x: 72, y: 616, size: 6 },
      { text: 'Baltic Maritime Institute, Gdansk, Poland', x: 77, y: 612, size: 9 },
      { text: '2', x: 72, y: 602, size: 6 },
      { text: 'University of Tartu, Estonia', x: 77, y: 598, size: 9 },
    ];
    const draft = await draftOf({ pages: [{ texts: paper(texts) }], info: null });
    expect(draft.authors).toEqual([
      { name: 'Marta Lindqvist', affiliation: 'Baltic Maritime Institute, Gdansk, Poland · University of Tartu, Estonia' },
      { name: 'Jonas Berg', affiliation: 'University of Tartu, Estonia' },
    ]);
    expect(draft.sources.authors).toBe('pdf-first-page');
  });

  it('reads a two-column author block: each name with the affiliation set under it', async () => {
    const texts: Text[] = [
      { text: 'Marta Lindqvist', x: 72, y: 640, size: 12 },
      { text: 'Baltic Maritime Institute', x: 72, y: 626, size: 9 },
      { text: 'Jonas Berg', x: 320, y: 640, size: 12 },
      { text: 'University of Tartu', x: 320, y: 626, size: 9 },
    ];
    const draft = await draftOf({ pages: [{ texts: paper(texts) }], info: null });
    expect(draft.authors).toEqual([
      { name: 'Marta Lindqvist', affiliation: 'Baltic Maritime Institute' },
      { name: 'Jonas Berg', affiliation: 'University of Tartu' },
    ]);
  });

  it('takes a report author named with a job title at the end, working for the organisation that prepared it', async () => {
    const last: Text[] = [
      { text: 'Author Information', x: 72, y: 700, size: 14, bold: true },
      { text: 'Marta Lindqvist', x: 72, y: 670, size: 10 },
      { text: 'Senior Analyst in Port Policy', x: 72, y: 658, size: 10 },
      { text: 'This report was prepared by the Baltic Ports Research Service for the harbour boards.', x: 72, y: 600, size: 10 },
    ];
    const draft = await draftOf({ pages: [{ texts: paper() }, { texts: bodyLines(BODY, 700, 40) }, { texts: last }], info: null });
    expect(draft.authors).toEqual([{ name: 'Marta Lindqvist', affiliation: 'Baltic Ports Research Service' }]);
    expect(draft.sources.authors).toBe('pdf-author-notes');
    expect(draft.publisher).toBe('Baltic Ports Research Service');
  });

  it('prefers the "Updated" date of this version to other dates and skips "Received" dates', async () => {
    const texts: Text[] = [
      { text: 'Received: 3 January 2024', x: 400, y: 760, size: 9 },
      { text: 'March 2, 2024', x: 72, y: 650, size: 11 },
      { text: 'Updated April 20, 2025', x: 400, y: 740, size: 9 },
    ];
    const draft = await draftOf({ pages: [{ texts: paper(texts) }], info: { creationDate: new Date('2019-05-05T12:00:00Z') } });
    expect(draft.publishedDate).toBe('2025-04-20');
    expect(draft.sources.publishedDate).toBe('pdf-first-page');
  });

  it('with no Info dictionary at all, reads everything from the pages', async () => {
    const draft = await draftOf({ pages: [{ texts: paper([{ text: 'Published: 30 August 2018', x: 72, y: 650, size: 9 }]) }], info: null });
    expect(draft.title).toBe('Shore Power in Small Harbours: A Survey of the Baltic Ports');
    expect(draft.publishedDate).toBe('2018-08-30');
    expect(Object.values(draft.sources)).not.toContain('pdf-properties');
  });

  it('does not trust an Info dictionary that names the file and the typist', async () => {
    const draft = await draftOf({
      pages: [{ texts: paper([{ text: 'Marta Lindqvist', x: 72, y: 640, size: 12 }]) }],
      info: { title: 'Microsoft Word - draft3.docx', author: 'jsmith' },
    });
    expect(draft.title).toBe('Shore Power in Small Harbours: A Survey of the Baltic Ports');
    expect(draft.authors.map((a) => a.name)).toEqual(['Marta Lindqvist']);
  });

  it('drops an Info title the pages never print, and uses one they print more fully than the layout reads', async () => {
    const lying = await draftOf({ pages: [{ texts: paper() }], info: { title: 'Quarterly Statistics Bulletin' } });
    expect(lying.title).toBe('Shore Power in Small Harbours: A Survey of the Baltic Ports');
    const honest = await draftOf({ pages: [{ texts: paper() }], info: { title: 'Shore Power in Small Harbours: A Survey of the Baltic Ports' } });
    expect(honest.sources.title).toBe('pdf-properties');
  });

  it('keeps the document\'s own Summary as the summary draft, marked so', async () => {
    const texts: Text[] = [
      { text: 'Summary', x: 72, y: 600, size: 12, bold: true },
      ...bodyLines('This survey counts the shore power connections in forty small Baltic harbours and their use', 585, 4),
      { text: '1 Introduction', x: 72, y: 520, size: 12, bold: true },
    ];
    const draft = await draftOf({ pages: [{ texts: [...paper().slice(0, 2), ...texts, ...bodyLines(BODY, 500, 20)] }], info: null });
    expect(draft.summary).toMatch(/^This survey counts the shore power connections/);
    expect(draft.summary).not.toContain('Introduction');
    expect(draft.sources.summary).toBe('pdf-abstract');
  });

  it('says so when a PDF has no text layer, and leaves the form empty', async () => {
    const draft = await draftOf({ pages: [{ texts: [], box: true }], info: null });
    expect(draft.title).toBeNull();
    expect(draft.notice).toMatch(/no text/i);
    expect(draft.isArticle).toBe(false);
  });

  it('refuses an encrypted PDF with a clear kind', async () => {
    const e = await failureOf(await makePdf({ pages: [{ texts: paper() }], encrypted: true }));
    expect(e).toBeInstanceOf(PdfError);
    expect(e.kind).toBe('encrypted');
  });

  it('refuses a broken file and a file that is no PDF', async () => {
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref or pages\n');
    expect((await failureOf(broken)).kind).toBe('broken');
    expect((await failureOf(new TextEncoder().encode('<html><body>Not a PDF</body></html>'))).kind).toBe('not-pdf');
  });

  it('refuses a file over the size cap before parsing it, saying the sizes', async () => {
    const bytes = await makePdf({ pages: [{ texts: paper() }] });
    const e = await failureOf(bytes, { limits: { maxBytes: 1000 } });
    expect(e.kind).toBe('too-large');
    expect(e.message).toMatch(/MB/);
  });

  it('keeps the first words of a long document as its text, with a notice, and counts all of its words', async () => {
    const pages = [{ texts: paper() }, ...Array.from({ length: 3 }, () => ({ texts: bodyLines(BODY, 700, 40) }))];
    const whole = await draftOf({ pages, info: null });
    const clipped = await draftOf({ pages, info: null }, { limits: { maxWords: 300 } });
    expect(clipped.wordCount).toBe(whole.wordCount);
    expect(clipped.text.split(/\s+/).length).toBeLessThanOrEqual(300);
    expect(clipped.notice).toBe(`Long PDF: its first 300 words are kept as the article text; the word count (${whole.wordCount!.toLocaleString('en-US')}) covers all of it.`);
  });

  it('reads the metadata pages first and hands their draft over before the rest, with progress', async () => {
    const pages = [{ texts: paper() }, ...Array.from({ length: 6 }, () => ({ texts: bodyLines(BODY, 700, 40) }))];
    const events: string[] = [];
    const draft = await draftOf(
      { pages, info: null },
      {
        onProgress: (p) => events.push(`${p.phase} ${p.done}/${p.total}`),
        onMetadata: (d) => events.push(`metadata ${d.title} ${d.wordCount}`),
      },
    );
    expect(events.slice(0, 5)).toEqual(['metadata 1/7', 'metadata 2/7', 'metadata 3/7', 'metadata 4/7', 'metadata Shore Power in Small Harbours: A Survey of the Baltic Ports null']);
    expect(events.slice(5)).toEqual(['text 5/7', 'text 6/7', 'text 7/7']);
    expect(draft.wordCount).toBeGreaterThan(40 * 6 * 15);
  });
});
