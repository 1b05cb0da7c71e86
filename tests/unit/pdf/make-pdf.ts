// Small PDFs written in the test with pdf-lib: text at given places and sizes, with or without an Info dictionary.
import { PDFDocument, PDFName, PDFHexString, PDFNumber, StandardFonts, rgb } from 'pdf-lib';

export interface Text {
  text: string;
  x: number;
  y: number;
  size: number;
  bold?: boolean;
}

export interface PageSpec {
  texts: Text[];
  /** Draw a filled box (an "image" without text). */
  box?: boolean;
}

export interface PdfSpec {
  pages: PageSpec[];
  /** The Info dictionary; `null` writes none at all. */
  info?: { title?: string; author?: string; subject?: string; keywords?: string[]; creationDate?: Date } | null;
  /** An /Encrypt dictionary whose user password is not empty: readers must ask for it. */
  encrypted?: boolean;
}

export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: spec.info !== null });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const p of spec.pages) {
    const page = doc.addPage([612, 792]);
    if (p.box) page.drawRectangle({ x: 72, y: 200, width: 468, height: 500, color: rgb(0.5, 0.5, 0.5) });
    for (const t of p.texts) page.drawText(t.text, { x: t.x, y: t.y, size: t.size, font: t.bold ? bold : regular });
  }
  if (spec.info) {
    const i = spec.info;
    if (i.title !== undefined) doc.setTitle(i.title);
    if (i.author !== undefined) doc.setAuthor(i.author);
    if (i.subject !== undefined) doc.setSubject(i.subject);
    if (i.keywords) doc.setKeywords(i.keywords);
    if (i.creationDate) doc.setCreationDate(i.creationDate);
  }
  if (spec.encrypted) {
    const bytes32 = (seed: number) => PDFHexString.of(Array.from({ length: 32 }, (_, k) => ((k * 37 + seed) % 256).toString(16).padStart(2, '0')).join(''));
    const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: PDFNumber.of(-44) });
    encrypt.set(PDFName.of('O'), bytes32(11));
    encrypt.set(PDFName.of('U'), bytes32(97));
    doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
    doc.context.trailerInfo.ID = doc.context.obj([bytes32(5), bytes32(5)]);
  }
  return doc.save({ useObjectStreams: false });
}

/** Body text lines down a page, so a page looks like one. */
export function bodyLines(words: string, from: number, count: number, size = 10, x = 72): Text[] {
  return Array.from({ length: count }, (_, k) => ({ text: `${words} ${k + 1}.`, x, y: from - k * size * 1.3, size }));
}
