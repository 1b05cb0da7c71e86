// Which DOM implementation should the CLI use in Node: linkedom or jsdom?
//
//   npx tsx bench/dom-choice.ts [--corpus DIR] [--runs N] [--only SUBSTR] [--no-browser]
//
// For every corpus page, on each DOM: time to parse the HTML string and time of extractDraft (median over
// runs, fresh DOM per run, the two DOMs interleaved), exceptions, agreement of the two drafts (and, when
// Chromium is installed, of each with the draft the same code produces on Chromium's own DOMParser
// document), and the scorer's accuracy against the corpus ground truth. See bench/README.md.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseHtml } from '../utils/extract/parse-html';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractDraft } from '../utils/extract/extract-draft';
import type { Draft } from '../utils/extract/draft';
import { bagF1, fmt, machine, median, packageVersion, benchSetup, quantile, sum, table, words, type Page } from './common';
import { scorePage } from './score';

const USAGE = 'usage: npx tsx bench/dom-choice.ts [--corpus DIR] [--runs N] [--only SUBSTR] [--no-browser]';

type Dom = 'linkedom' | 'jsdom';
const DOMS: Dom[] = ['linkedom', 'jsdom'];

interface Timing {
  parseMs: number;
  extractMs: number;
}

interface Outcome {
  timings: Timing[];
  draft: Draft | null;
  error: string | null;
}

function parseWith(dom: Dom, page: Page): { doc: Document; close: () => void } {
  if (dom === 'linkedom') {
    return { doc: parseHtml(page.html), close: () => {} };
  }
  // Same decoded string as linkedom gets. jsdom's console output (CSS it cannot parse, ...) is dropped.
  const jsdom = new JSDOM(page.html, { url: page.url ?? undefined, virtualConsole: new VirtualConsole() });
  return { doc: jsdom.window.document, close: () => jsdom.window.close() };
}

function runOnce(dom: Dom, page: Page): { timing: Timing; draft: Draft } {
  const t0 = performance.now();
  const { doc, close } = parseWith(dom, page);
  const t1 = performance.now();
  const draft = extractDraft(doc, { url: page.url, cloneForReadability: false });
  const t2 = performance.now();
  close();
  return { timing: { parseMs: t1 - t0, extractMs: t2 - t1 }, draft };
}

// ---------- comparison of two drafts ----------
const authorKey = (d: Draft) => d.authors.map((a) => a.name.trim()).join('; ');
const FIELDS: Array<[string, (d: Draft) => unknown]> = [
  ['title', (d) => d.title],
  ['authors', authorKey],
  ['publishedDate', (d) => d.publishedDate],
  ['publisher', (d) => d.publisher],
  ['language', (d) => d.language],
  ['isArticle', (d) => d.isArticle],
  ['wordCount', (d) => d.wordCount],
];

interface Agreement {
  fields: Record<string, boolean>;
  textF1: number;
}

function compare(a: Draft, b: Draft): Agreement {
  const fields: Record<string, boolean> = {};
  for (const [name, get] of FIELDS) fields[name] = get(a) === get(b);
  return { fields, textF1: bagF1(words(a.text), words(b.text)) };
}

// ---------- Chromium reference (optional) ----------
interface BrowserResult {
  draft: Draft | null;
  error: string | null;
  parseMs: number;
  extractMs: number;
}

async function runInChromium(pages: Page[]): Promise<Map<string, BrowserResult> | string> {
  const executable = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
  const executablePath = process.env.CHROMIUM_PATH ?? executable;
  if (!executablePath) return 'no Chromium found (set CHROMIUM_PATH)';
  let bundle: string;
  try {
    const esbuild = await import('esbuild');
    const built = await esbuild.build({
      entryPoints: [fileURLToPath(new URL('./browser-entry.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'silent',
    });
    bundle = built.outputFiles[0].text;
  } catch (e) {
    return `cannot bundle the extractor with esbuild: ${(e as Error).message}`;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const results = new Map<string, BrowserResult>();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundle });
    // Warm-up, as in Node.
    for (const p of pages.slice(0, 5)) {
      await page.evaluate(([html, url]) => globalThis.__precisExtract(html, url), [p.html, p.url] as const).catch(() => {});
    }
    for (const p of pages) {
      try {
        const r = (await page.evaluate(([html, url]) => globalThis.__precisExtract(html, url), [p.html, p.url] as const)) as {
          draft: Draft;
          parseMs: number;
          extractMs: number;
        };
        results.set(p.name, { draft: r.draft, error: null, parseMs: r.parseMs, extractMs: r.extractMs });
      } catch (e) {
        results.set(p.name, { draft: null, error: (e as Error).message.split('\n')[0], parseMs: NaN, extractMs: NaN });
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** One row of the timing table: pages that ran, then median and p95 of parse, extract and total, and total seconds. */
function timingRow(label: string, ran: number, of: number, parse: number[], extract: number[], total: number[]): string[] {
  const stats = (xs: number[]) => [fmt(median(xs)), fmt(quantile(xs, 0.95))];
  return [label, `${ran}/${of}`, ...stats(parse), ...stats(extract), ...stats(total), fmt(sum(total) / 1000, 1)];
}

// ---------- main ----------
async function main(argv: string[]): Promise<number> {
  const withBrowser = !argv.includes('--no-browser');
  const setup = benchSetup(argv.filter((a) => a !== '--no-browser'), { runs: 1 }, USAGE);
  if (typeof setup === 'number') return setup;
  const { opts, pages } = setup;
  const wallStart = performance.now();

  for (const p of pages.filter((_, i) => i % 10 === 0).slice(0, 30)) {
    for (const dom of DOMS) {
      try {
        runOnce(dom, p);
      } catch {
        // reported below
      }
    }
  }

  const outcomes = new Map<string, Record<Dom, Outcome>>();
  const tty = process.stderr.isTTY;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i];
    const o: Record<Dom, Outcome> = {
      linkedom: { timings: [], draft: null, error: null },
      jsdom: { timings: [], draft: null, error: null },
    };
    for (let run = 0; run < opts.runs; run++) {
      const order: Dom[] = (i + run) % 2 === 0 ? ['linkedom', 'jsdom'] : ['jsdom', 'linkedom'];
      for (const dom of order) {
        if (o[dom].error) continue;
        try {
          const r = runOnce(dom, page);
          o[dom].timings.push(r.timing);
          o[dom].draft ??= r.draft;
        } catch (e) {
          o[dom].error = ((e as Error)?.message ?? String(e)).split('\n')[0];
        }
      }
    }
    outcomes.set(page.name, o);
    if (tty) process.stderr.write(`\r${i + 1}/${pages.length} ${page.name.slice(0, 60).padEnd(60)}`);
  }
  if (tty) process.stderr.write(`\r${' '.repeat(80)}\r`);

  let browser: Map<string, BrowserResult> | null = null;
  let browserNote = withBrowser ? '' : 'skipped (--no-browser)';
  if (withBrowser) {
    if (tty) process.stderr.write('running the same extraction in headless Chromium…\r');
    try {
      const r = await runInChromium(pages);
      if (typeof r === 'string') browserNote = r;
      else browser = r;
    } catch (e) {
      browserNote = `Chromium run failed: ${(e as Error).message.split('\n')[0]}`;
    }
  }
  const wallS = (performance.now() - wallStart) / 1000;

  const out: string[] = [];
  out.push(
    `DOM choice for the CLI: linkedom ${packageVersion('linkedom')} vs jsdom ${packageVersion('jsdom')}; ` +
      `extractDraft on each; @mozilla/readability ${packageVersion('@mozilla/readability')}; ${machine()}`,
  );
  out.push(
    `corpus ${opts.corpus}${opts.only ? ` (--only ${opts.only})` : ''}: ${pages.length} pages; ${opts.runs} run(s) per page and DOM, fresh DOM ` +
      `per run, DOMs interleaved; per-page median over runs, then median / p95 over the pages where both DOMs ran.`,
  );
  out.push('');

  // Timings, over pages where both DOMs ran without an exception.
  const both = pages.filter((p) => DOMS.every((d) => !outcomes.get(p.name)![d].error));
  const col = (dom: Dom, f: (t: Timing) => number) => both.map((p) => median(outcomes.get(p.name)![dom].timings.map(f)));
  const rows: string[][] = [];
  const timingCols: Record<string, number[]> = {};
  for (const dom of DOMS) {
    const parse = col(dom, (t) => t.parseMs);
    const extract = col(dom, (t) => t.extractMs);
    const total = col(dom, (t) => t.parseMs + t.extractMs);
    timingCols[dom] = total;
    const failed = pages.filter((p) => outcomes.get(p.name)![dom].error).length;
    rows.push(timingRow(dom, pages.length - failed, pages.length, parse, extract, total));
  }
  if (browser) {
    const ok = both.map((p) => browser!.get(p.name)).filter((r): r is BrowserResult => !!r && !r.error);
    const parse = ok.map((r) => r.parseMs);
    const extract = ok.map((r) => r.extractMs);
    const total = ok.map((r) => r.parseMs + r.extractMs);
    const failed = pages.filter((p) => browser!.get(p.name)?.error).length;
    rows.push(timingRow('Chromium DOMParser (1 run, for scale)', pages.length - failed, pages.length, parse, extract, total));
  }
  out.push(`Timing (ms per page; ${both.length} pages where both Node DOMs ran):`);
  out.push('');
  out.push(
    table(['DOM', 'ran', 'parse median', 'parse p95', 'extractDraft median', 'extractDraft p95', 'total median', 'total p95', 'total s (sum)'], rows),
  );
  out.push('');
  const ratio = both.map((_, i) => timingCols.jsdom[i] / timingCols.linkedom[i]);
  out.push(
    `jsdom / linkedom, total per page: ratio of medians ${fmt(median(timingCols.jsdom) / median(timingCols.linkedom), 2)}, ` +
      `of p95s ${fmt(quantile(timingCols.jsdom, 0.95) / quantile(timingCols.linkedom, 0.95), 2)}; per-page ratio median ${fmt(median(ratio), 2)}.`,
  );

  // Exceptions.
  const errors: string[] = [];
  for (const p of pages) {
    const o = outcomes.get(p.name)!;
    for (const dom of DOMS) if (o[dom].error) errors.push(`  ${p.name} [${dom}]: ${o[dom].error}`);
    const b = browser?.get(p.name);
    if (b?.error) errors.push(`  ${p.name} [Chromium]: ${b.error}`);
  }
  out.push('');
  out.push(errors.length ? `Pages that threw:\n${errors.join('\n')}` : 'Pages that threw: none.');

  // Agreement.
  const pairs: Array<[string, (p: Page) => Draft | null, (p: Page) => Draft | null]> = [
    ['linkedom vs jsdom', (p) => outcomes.get(p.name)!.linkedom.draft, (p) => outcomes.get(p.name)!.jsdom.draft],
  ];
  if (browser) {
    const fromBrowser = (p: Page) => browser!.get(p.name)?.draft ?? null;
    pairs.push(['linkedom vs Chromium', (p) => outcomes.get(p.name)!.linkedom.draft, fromBrowser]);
    pairs.push(['jsdom vs Chromium', (p) => outcomes.get(p.name)!.jsdom.draft, fromBrowser]);
  }
  const agreeRows: string[][] = [];
  const worst: Record<string, Array<{ page: string; f1: number; diff: string[] }>> = {};
  for (const [label, getA, getB] of pairs) {
    const cmp: Array<{ page: string; a: Agreement }> = [];
    for (const p of pages) {
      const a = getA(p);
      const b = getB(p);
      if (a && b) cmp.push({ page: p.name, a: compare(a, b) });
    }
    const f1s = cmp.map((c) => c.a.textF1);
    agreeRows.push([
      label,
      String(cmp.length),
      ...FIELDS.map(([name]) => `${cmp.filter((c) => c.a.fields[name]).length}`),
      fmt(sum(f1s) / f1s.length, 4),
      String(f1s.filter((f) => f === 1).length),
      String(f1s.filter((f) => f < 0.95).length),
    ]);
    worst[label] = cmp
      .filter((c) => c.a.textF1 < 1 || Object.values(c.a.fields).some((v) => !v))
      .map((c) => ({ page: c.page, f1: c.a.textF1, diff: Object.keys(c.a.fields).filter((k) => !c.a.fields[k]) }))
      .sort((x, y) => x.f1 - y.f1);
  }
  out.push('');
  out.push(`Agreement between the drafts (pages where both sides produced one; fields: exact equality):`);
  out.push('');
  out.push(table(['pair', 'pages', ...FIELDS.map(([n]) => n), 'text F1 mean', 'text F1 = 1', 'text F1 < 0.95'], agreeRows));
  if (!browser) out.push(`Chromium reference: ${browserNote}.`);
  for (const [label, list] of Object.entries(worst)) {
    if (!list.length) continue;
    out.push('');
    out.push(`${label}: ${list.length} page(s) differ; the 12 lowest text F1:`);
    for (const w of list.slice(0, 12)) out.push(`  ${fmt(w.f1, 3)}  ${w.page}${w.diff.length ? `  (differs: ${w.diff.join(', ')})` : ''}`);
  }

  // Accuracy against the ground truth, as ../shared/tools/score-extraction.mjs scores it.
  const sides: Array<[string, (p: Page) => Draft | null]> = [
    ['linkedom', (p) => outcomes.get(p.name)!.linkedom.draft],
    ['jsdom', (p) => outcomes.get(p.name)!.jsdom.draft],
  ];
  if (browser) sides.push(['Chromium', (p) => browser!.get(p.name)?.draft ?? null]);
  const scoreRows = sides.map(([label, get]) => {
    const scores = pages.map((p) => scorePage(get(p), p.expected));
    const frac = (k: 'title' | 'author' | 'date') => {
      const xs = scores.filter((s) => s[k] !== undefined);
      return `${xs.filter((s) => s[k]).length}/${xs.length}`;
    };
    const mean = (k: 'bodyF1' | 'snippets') => {
      const xs = scores.map((s) => s[k]).filter((x): x is number => x !== undefined);
      return `${fmt(sum(xs) / xs.length, 3)} (n=${xs.length})`;
    };
    return [label, frac('title'), frac('author'), frac('date'), mean('bodyF1'), mean('snippets')];
  });
  out.push('');
  out.push('Against the corpus ground truth (the scorer\'s normalisation; failures score 0):');
  out.push('');
  out.push(table(['DOM', 'title', 'author', 'date', 'body F1 mean', 'snippets mean'], scoreRows));
  out.push('');
  const heap = process.memoryUsage();
  out.push(`Wall time ${fmt(wallS)} s; heap used at the end ${fmt(heap.heapUsed / 1e6, 0)} MB, RSS ${fmt(heap.rss / 1e6, 0)} MB.`);
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
