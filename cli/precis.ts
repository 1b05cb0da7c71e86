import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractDraft } from '../utils/extract/extract-draft';
import { draftFromPlainText } from '../utils/extract/plain-text';
import { decodeHtml } from '../utils/extract/charset';
import { parseHtml } from '../utils/extract/parse-html';
import type { Draft } from '../utils/extract/draft';
import { draftSummary, suggestKeywords } from '../utils/nlp/index';
import { extractPdfDraft } from '../utils/pdf/extract-pdf';
import { loadPdfjsNode } from '../utils/pdf/pdfjs-node';
import { sniffFile } from './sniff';
import { TEAM_USAGE } from './team';

const USAGE = `usage:
  precis extract [--url URL] FILE          print one JSON draft record for an HTML, PDF or text file (told
                                           apart by content, not name), with a drafted summary (medium
                                           length) and keyword suggestions
  precis extract --manifest LIST.jsonl     one JSON line per {"file": "...", "url": "..." | null} line
  precis bench [extraction|nlp] [--corpus DIR] [--runs N]
                                           time extraction against plain Readability, then the summary
                                           and keyword drafting, then the library, PDFs and the team
                                           library (see bench/); name one to run only it
  precis bench library [--records N] [--words N] [--loads N] [--runs N] [--no-build]
                                           the library page with 10,000 records in headless Chromium;
                                           export and import against bare IndexedDB, --runs times
  precis bench pdf [--corpus DIR] [--runs N] [--no-build]
                                           time to the filled form for 20- and 300-page PDFs in Chromium
  precis bench team [--records N] [--words N] [--runs N]
                                           team library sync against the test server: first download
                                           against a bare one, and save → row in a teammate's library
${TEAM_USAGE}`;

export type CliLine = ({ file: string } & Omit<Draft, 'sources' | 'guessed' | 'isArticle'> & {
  sources: Draft['sources'];
  guessed: Draft['guessed'];
  isArticle: boolean;
  /** The page's own tags; `keywords` holds the suggestions, best first (page tags among them). */
  pageKeywords: string[];
  timings: { extractMs: number; nlpMs: number };
}) | { file: string; error: string };

const roundMs = (ms: number) => Math.round(ms * 100) / 100;

/** The draft with the on-device NLP applied: summary at medium length, keyword suggestions best first. */
function withNlp(draft: Draft): { draft: Draft; pageKeywords: string[]; nlpMs: number } {
  const start = performance.now();
  const options = { language: draft.language, title: draft.title };
  // A PDF's own abstract or summary is kept as the summary; otherwise one is drafted from the text.
  const summary = draft.summary || draftSummary(draft.text, { ...options, length: 'medium' });
  const keywords = suggestKeywords({ text: draft.text, ...options, pageKeywords: draft.keywords }).map((k) => k.keyword);
  return { draft: { ...draft, summary, keywords }, pageKeywords: draft.keywords, nlpMs: performance.now() - start };
}

/** Extract one file; errors become a line with `error`, never an exception. */
export async function extractFile(file: string, url: string | null): Promise<CliLine> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { file, error: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const kind = sniffFile(bytes);
  if (typeof kind === 'object') return { file, error: `not an HTML, PDF or text file: this is ${kind.other}` };
  try {
    let draft: Draft;
    let extractMs: number;
    if (kind === 'pdf') {
      // Timed from the bytes to the finished draft, pdf.js's parsing included (loading pdf.js not).
      const pdfjs = await loadPdfjsNode();
      const start = performance.now();
      draft = await extractPdfDraft(pdfjs, bytes, { url });
      extractMs = performance.now() - start;
    } else {
      const isText = kind === 'text';
      const source = isText ? new TextDecoder().decode(bytes) : decodeHtml(bytes);
      // Timed from the page's text to the finished draft, DOM parsing included (file reading and decoding not).
      const start = performance.now();
      draft = isText ? draftFromPlainText(source, url) : extractDraft(parseHtml(source), { url, cloneForReadability: false });
      extractMs = performance.now() - start;
    }
    const nlp = withNlp(draft);
    return { file, ...nlp.draft, pageKeywords: nlp.pageKeywords, timings: { extractMs: roundMs(extractMs), nlpMs: roundMs(nlp.nlpMs) } };
  } catch (e) {
    return { file, error: `cannot extract: ${(e as Error).message}` };
  }
}

function readManifest(path: string): Array<{ file: string; url: string | null } | { file: string; error: string }> {
  const base = resolve(path, '..');
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((line, i) => {
      try {
        const entry = JSON.parse(line) as { file?: unknown; url?: unknown };
        if (typeof entry.file !== 'string') return { file: `line ${i + 1}`, error: 'manifest line has no "file"' };
        return { file: resolve(base, entry.file), url: typeof entry.url === 'string' ? entry.url : null };
      } catch {
        return { file: `line ${i + 1}`, error: 'manifest line is not JSON' };
      }
    });
}

async function runExtract(args: string[]): Promise<number> {
  let url: string | null = null;
  let manifest: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--url') url = args[++i] ?? null;
    else if (a === '--manifest') manifest = args[++i] ?? null;
    else if (a.startsWith('--')) {
      process.stderr.write(`unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (manifest) {
    let entries;
    try {
      entries = readManifest(manifest);
    } catch (e) {
      process.stderr.write(`cannot read manifest ${manifest}: ${(e as Error).message}\n`);
      return 2;
    }
    let failed = false;
    for (const entry of entries) {
      const line = 'error' in entry ? entry : await extractFile(entry.file, entry.url);
      if ('error' in line) failed = true;
      process.stdout.write(JSON.stringify(line) + '\n');
    }
    return failed ? 1 : 0;
  }
  if (files.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const line = await extractFile(resolve(files[0]), url);
  process.stdout.write(JSON.stringify(line, null, 2) + '\n');
  return 'error' in line ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'extract') return runExtract(rest);
  if (command === 'team') return (await import('./team')).runTeam(rest);
  if (command === 'bench') {
    const [which, ...options] = rest;
    if (which === 'nlp') return (await import('../bench/nlp')).runNlpBench(options);
    if (which === 'extraction') return (await import('../bench/extraction')).runBench(options);
    if (which === 'library') return (await import('../bench/library')).runLibraryBench(options);
    if (which === 'pdf') return (await import('../bench/pdf')).runPdfBench(options);
    if (which === 'team') return (await import('../bench/team')).runTeamBench(options);
    const code = (await (await import('../bench/extraction')).runBench(rest)) || (await (await import('../bench/nlp')).runNlpBench(rest));
    return (
      code ||
      (await (await import('../bench/library')).runLibraryBench([])) ||
      (await (await import('../bench/pdf')).runPdfBench(['--no-build'])) ||
      (await import('../bench/team')).runTeamBench([])
    );
  }
  process.stderr.write(`${USAGE}\n`);
  return command ? 2 : 0;
}
