// `precis bench nlp` (also part of `npm run bench`): time the on-device NLP (summary draft + keyword
// suggestions) per article over the corpus, and the first-use cost of loading the NLP module.
//
//   precis bench nlp [--corpus DIR] [--runs N] [--only SUBSTR]
//
// See bench/README.md for what is measured and for measured results.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { extractDraft } from '../utils/extract/extract-draft';
import { parseHtml } from '../utils/extract/parse-html';
import { draftSummary, suggestKeywords } from '../utils/nlp/index';
import { benchSetup, fmt, machine, median, quantile, REPO_ROOT, table } from './common';

const USAGE = 'usage: precis bench nlp [--corpus DIR] [--runs N] [--only SUBSTR]';
const IMPORT_RUNS = 7;

interface Article {
  name: string;
  text: string;
  title: string | null;
  language: string | null;
  words: number;
}

function nlpOnce(a: Article): { summaryMs: number; keywordsMs: number } {
  const t0 = performance.now();
  draftSummary(a.text, { language: a.language, title: a.title });
  const t1 = performance.now();
  suggestKeywords({ text: a.text, title: a.title, language: a.language });
  return { summaryMs: t1 - t0, keywordsMs: performance.now() - t1 };
}

/** The module as the popup loads it (bundled, minified ESM), and the time a fresh Node process takes to import it. */
async function loadCost(): Promise<{ bytes: number; gzip: number; importMs: number[] }> {
  const result = await build({
    entryPoints: [join(REPO_ROOT, 'utils/nlp/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
  });
  const code = result.outputFiles[0].contents;
  const dir = mkdtempSync(join(tmpdir(), 'precis-nlp-'));
  const file = join(dir, 'nlp.mjs');
  const empty = join(dir, 'empty.mjs');
  writeFileSync(file, code);
  writeFileSync(empty, 'export {};\n');
  // An empty module is imported first, so the loader's own start-up is not counted against ours.
  const probe = `await import(${JSON.stringify(empty)});const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
  const importMs: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    importMs.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' })));
  }
  return { bytes: code.length, gzip: gzipSync(code).length, importMs };
}

export async function runNlpBench(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const setup = benchSetup(args, { runs: 5 }, USAGE);
  if (typeof setup === 'number') return setup;
  const { opts, pages } = setup;
  const wallStart = performance.now();

  // Article text comes from our own extraction, untimed.
  const articles: Article[] = [];
  for (const page of pages) {
    try {
      const d = extractDraft(parseHtml(page.html), { url: page.url, cloneForReadability: false });
      if (d.isArticle && d.text) articles.push({ name: page.name, text: d.text, title: d.title, language: d.language, words: d.wordCount ?? 0 });
    } catch {
      // pages that fail to extract are the extraction benchmark's business
    }
  }
  // A long synthetic article (the first 60 articles joined; about 45,000 words on the full corpus), for the far end.
  const long = Array.from({ length: 60 }, (_, i) => articles[i % articles.length].text).join('\n');
  articles.push({ name: 'synthetic: 60 corpus articles joined', text: long, title: null, language: 'en', words: long.split(/\s+/).length });

  for (const a of articles.filter((_, i) => i % 10 === 0)) nlpOnce(a); // warm-up, untimed

  const rows = articles.map((a) => {
    const s: Array<{ summaryMs: number; keywordsMs: number }> = [];
    for (let r = 0; r < opts.runs; r++) s.push(nlpOnce(a));
    const summaryMs = median(s.map((x) => x.summaryMs));
    const keywordsMs = median(s.map((x) => x.keywordsMs));
    return { a, summaryMs, keywordsMs, totalMs: median(s.map((x) => x.summaryMs + x.keywordsMs)) };
  });
  const load = await loadCost();
  const wallS = (performance.now() - wallStart) / 1000;

  const group = (label: string, sel: typeof rows) => [
    label,
    String(sel.length),
    fmt(median(sel.map((r) => r.a.words)), 0),
    fmt(median(sel.map((r) => r.summaryMs))),
    fmt(median(sel.map((r) => r.keywordsMs))),
    fmt(median(sel.map((r) => r.totalMs))),
    fmt(quantile(sel.map((r) => r.totalMs), 0.95)),
  ];
  const corpusRows = rows.slice(0, -1);
  const out: string[] = [];
  out.push(`Précis NLP benchmark: draftSummary (medium) + suggestKeywords (10), ${machine()}`);
  out.push(`corpus ${opts.corpus}: ${corpusRows.length} extracted articles, ${opts.runs} run(s) each; per-article median over runs, then median / p95 over articles.`);
  out.push('');
  out.push(
    table(['articles', 'n', 'words (median)', 'summary ms', 'keywords ms', 'total ms (median)', 'total ms (p95)'], [
      group('all corpus articles', corpusRows),
      group('1,200-1,800 words', corpusRows.filter((r) => r.a.words >= 1200 && r.a.words <= 1800)),
      group('over 5,000 words', corpusRows.filter((r) => r.a.words > 5000)),
      group(rows[rows.length - 1].a.name, rows.slice(-1)),
    ]),
  );
  out.push('');
  out.push(
    `First use: utils/nlp bundled with esbuild (minified ESM) is ${load.bytes} bytes, ${load.gzip} gzipped; ` +
      `importing it in a fresh Node process (after an empty module, so the ESM loader's start-up is excluded) takes ${fmt(median(load.importMs))} ms (median of ${IMPORT_RUNS}, min ${fmt(Math.min(...load.importMs))}).`,
  );
  out.push(`Wall time ${fmt(wallS)} s.`);
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}
