import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sniffFile } from '../../../cli/sniff';
import { bodyLines, makePdf } from './make-pdf';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'cli/precis.mjs');
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });

let dir: string;
let pdfNamedHtml: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'precis-pdf-cli-'));
  const pdf = await makePdf({
    pages: [{ texts: [{ text: 'Tariffs on Ships', x: 72, y: 700, size: 22 }, { text: 'Updated May 5, 2025', x: 72, y: 670, size: 12 }, ...bodyLines('Port fees rose in every harbour that we counted this year', 640, 40)] }],
    info: null,
  });
  // The name says HTML; the content is a PDF, and content decides.
  pdfNamedHtml = join(dir, 'report.html');
  writeFileSync(pdfNamedHtml, pdf);
  writeFileSync(join(dir, 'image.pdf'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(join(dir, 'archive.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]));
  writeFileSync(join(dir, 'blob.html'), Buffer.from([1, 2, 3, 0, 5, 6, 7, 8, 9]));
});

describe('precis extract with PDFs and other files', { timeout: 60_000 }, () => {
  it('prints the same draft for a PDF as for a page, told apart by content not name', () => {
    const r = run(['extract', pdfNamedHtml]);
    expect(r.status).toBe(0);
    const draft = JSON.parse(r.stdout);
    expect(draft).toMatchObject({ title: 'Tariffs on Ships', publishedDate: '2025-05-05', isArticle: true });
    expect(draft.wordCount).toBeGreaterThan(300);
    expect(draft.summary.length).toBeGreaterThan(20);
    expect(draft.timings.extractMs).toBeTypeOf('number');
  });

  it('gives a clear error line for an image, an archive and other binary files, whatever their names', () => {
    const manifest = join(dir, 'list.jsonl');
    const files = ['image.pdf', 'archive.txt', 'blob.html', 'report.html'].map((f) => join(dir, f));
    writeFileSync(manifest, files.map((file) => JSON.stringify({ file, url: null })).join('\n'));
    const r = run(['extract', '--manifest', manifest]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines[0].error).toBe('not an HTML, PDF or text file: this is a PNG image');
    expect(lines[1].error).toMatch(/^not an HTML, PDF or text file: this is a ZIP archive/);
    expect(lines[2].error).toBe('not an HTML, PDF or text file: this is a binary file');
    expect(lines[3].title).toBe('Tariffs on Ships');
  });
});

describe('sniffFile', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('tells PDF, HTML and text apart from the first bytes', () => {
    expect(sniffFile(bytes('%PDF-1.4\n…'))).toBe('pdf');
    expect(sniffFile(bytes('\n\n%PDF-1.7'))).toBe('pdf');
    expect(sniffFile(bytes('<!doctype html><p>x'))).toBe('html');
    expect(sniffFile(bytes('  <div class="a">fragment</div>'))).toBe('html');
    expect(sniffFile(bytes('A note on tariffs.\nPort fees rose.'))).toBe('text');
    // A page that opens with a long style sheet before any element the test looks for is still HTML.
    expect(sniffFile(bytes(`<style>${'.a { color: red; }\n'.repeat(1000)}</style><div>x</div>`))).toBe('html');
    expect(sniffFile(bytes(`${'x'.repeat(20_000)} <div>late</div>`))).toBe('html');
    expect(sniffFile(bytes('<3 for ports\nA note.'))).toBe('text');
    expect(sniffFile(new Uint8Array([0xe9, 0x74, 0xe9, 0x20, 0x61]))).toBe('text'); // "été a" in windows-1252
  });
  it('names what it is when it is none of those', () => {
    expect(sniffFile(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ other: 'a JPEG image' });
    expect(sniffFile(new Uint8Array([0x1f, 0x8b, 8, 0]))).toEqual({ other: 'a gzip archive' });
  });
});
