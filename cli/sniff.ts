import { looksLikePdf } from '../utils/pdf/open';

export type FileKind = 'pdf' | 'html' | 'text' | { other: string };

// Signatures of common binary formats, to name what a file is when it is none of ours.
const SIGNATURES: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x52, 0x49, 0x46, 0x46], 'a RIFF file (WebP image, WAV or AVI)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or a Word, Excel or EPUB file)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x42, 0x5a, 0x68], 'a bzip2 archive'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'an xz archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x25, 0x21, 0x50, 0x53], 'a PostScript file'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office file'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF)'],
  [[0x00, 0x00, 0x00], 'a binary file (MP4 video or similar)'],
];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/**
 * What a file is, from its first bytes, never its name: a PDF, an HTML page, plain text (valid UTF-8 or a single-byte
 * text without control characters), or something else, named where known.
 */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (looksLikePdf(bytes)) return 'pdf';
  for (const [sig, name] of SIGNATURES) if (startsWith(bytes, sig)) return { other: name };
  const head = bytes.subarray(0, 8192);
  // UTF-16 text has a byte-order mark; other binary has NUL bytes or many control characters.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return { other: 'UTF-16 text, which Précis does not read (save it as UTF-8)' };
  let control = 0;
  for (const b of head) {
    if (b === 0) return { other: 'a binary file' };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > head.length * 0.01) return { other: 'a binary file' };
  // Markup from its first character ("<style>…" before the <html> a template forgot), or HTML elements further on.
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart();
  if (/^<(?:[a-z]|!doctype|!--)/i.test(start)) return 'html';
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, HTML_SNIFF_BYTES));
  return /<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h1)[\s>]/i.test(text) ? 'html' : 'text';
}

/** How far into a file the HTML elements are looked for (a page can open with a long style sheet). */
const HTML_SNIFF_BYTES = 65_536;
