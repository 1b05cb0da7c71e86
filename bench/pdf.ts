// Time to the filled form for a PDF, in headless Chromium on the built extension (production build): the library's
// "Clip a PDF file…" reads the file in an extension page, as the popup does for a PDF tab, with pdf.js loaded
// on first use and its worker started from the extension's files. Every run is a freshly loaded page, as every
// popup is, so each one pays for loading pdf.js.
//
//   npx precis bench pdf [--corpus DIR] [--runs N] [--no-build]
//
// Reports, for the corpus's 18–22-page reports and papers (the issue's "20-page report") and for a 300-page report
// built from one of them: the time from choosing the file to the form filled (title in place, after the metadata
// pages) and to the word count (every page read).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { buildDir, launchWithExtension, ROOT } from '../scripts/lib/browser.mjs';
import { ensureChromium } from '../scripts/lib/chromium.mjs';
import { fmt, machine, median, quantile, table } from './common';
import { loadPdfjsNode } from '../utils/pdf/pdfjs-node';

const USAGE = 'usage: npx precis bench pdf [--corpus DIR] [--runs N] [--no-build]';
const GOAL_MS = 1500;

interface Timed {
  form: number;
  full: number;
}

async function pageCount(file: string): Promise<number> {
  const pdfjs = await loadPdfjsNode();
  const task = pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 });
  const n = (await task.promise).numPages;
  await task.destroy();
  return n;
}

/** A long report: the pages of `file` repeated up to `pages`. */
async function longReport(file: string, pages: number, out: string): Promise<void> {
  const source = await PDFDocument.load(fs.readFileSync(file));
  const doc = await PDFDocument.create();
  const indices = source.getPageIndices();
  while (doc.getPageCount() < pages) {
    for (const p of await doc.copyPages(source, indices)) if (doc.getPageCount() < pages) doc.addPage(p);
  }
  fs.writeFileSync(out, await doc.save());
}

async function timeOne(page: Page, url: string, file: string): Promise<Timed> {
  await page.goto(url);
  const button = page.getByRole('button', { name: 'Clip a PDF file…' });
  await button.waitFor();
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  const picked = await chooser;
  const form = page.getByRole('complementary', { name: 'New record from a PDF' });
  const start = performance.now();
  await picked.setFiles(file);
  const filled = (label: string) =>
    page.waitForFunction(
      (l) => {
        const el = [...document.querySelectorAll('label')].find((x) => x.textContent?.trim() === l);
        const input = el && (document.getElementById(el.htmlFor) as HTMLInputElement | null);
        return !!input?.value;
      },
      label,
      { polling: 'raf', timeout: 120_000 },
    );
  await filled('Title');
  const formMs = performance.now() - start;
  await filled('Word Count');
  const fullMs = performance.now() - start;
  await form.waitFor();
  return { form: formMs, full: fullMs };
}

export async function runPdfBench(args: string[]): Promise<number> {
  let corpus = path.resolve(ROOT, '../shared/pdf-corpus');
  let runs = 5;
  let build = true;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--corpus') corpus = path.resolve(args[++i] ?? '');
    else if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || 5);
    else if (args[i] === '--no-build') build = false;
    else {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
  }
  const chromiumPath = ensureChromium();
  if (build) {
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('npx wxt build failed');
  }
  const files: Array<{ name: string; file: string; pages: number }> = [];
  for (const id of fs.readdirSync(corpus).sort()) {
    const file = path.join(corpus, id, 'doc.pdf');
    if (!fs.existsSync(file)) continue;
    const pages = await pageCount(file);
    if (pages >= 18 && pages <= 22) files.push({ name: id, file, pages });
  }
  if (!files.length) {
    process.stderr.write(`no 18–22-page PDFs in ${corpus}\n`);
    return 2;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'precis-pdf-bench-'));
  const long = path.join(tmp, 'long-report.pdf');
  await longReport(files[0].file, 300, long);

  const browser = await launchWithExtension({ extensionDir: buildDir('production'), chromiumPath, headless: true });
  try {
    const page = await browser.openExtensionPage('library.html', { viewport: { width: 1280, height: 900 } });
    const url = page.url();
    await timeOne(page, url, files[0].file); // warm the browser's own caches once, not counted
    const twenty: Timed[] = [];
    for (let r = 0; r < runs; r++) for (const f of files) twenty.push(await timeOne(page, url, f.file));
    const longRuns: Timed[] = [];
    for (let r = 0; r < Math.min(runs, 3); r++) longRuns.push(await timeOne(page, url, long));
    const row = (label: string, xs: number[]) => [label, fmt(median(xs), 0), fmt(quantile(xs, 0.95), 0), fmt(Math.max(...xs), 0)];
    process.stdout.write(
      `PDF: time from choosing the file to the form (ms), headless Chromium, ${machine()}\n` +
        `${files.length} documents of 18–22 pages (${files.map((f) => `${f.name} ${f.pages} pp`).join(', ')}) × ${runs} runs; ` +
        `the 300-page report is ${files[0].name}'s pages repeated, × ${longRuns.length} runs\n\n` +
        table(
          ['measure', 'median', 'p95', 'max'],
          [
            row('20 pages: form filled (metadata pages read)', twenty.map((t) => t.form)),
            row('20 pages: word count in (every page read)', twenty.map((t) => t.full)),
            row('300 pages: form filled (metadata pages read)', longRuns.map((t) => t.form)),
            row('300 pages: word count in (every page read)', longRuns.map((t) => t.full)),
          ],
        ) +
        `\ngoal: median form for 20 pages ≤ ${GOAL_MS} ms: ${median(twenty.map((t) => t.form)) <= GOAL_MS ? 'met' : 'NOT met'}\n`,
    );
    return 0;
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
