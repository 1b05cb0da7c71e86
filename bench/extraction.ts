// `npm run bench` (= `precis bench`): time Précis's extraction against plain Readability over the corpus,
// on the same DOM implementation as the CLI (linkedom), in the same process, interleaved page by page.
//
//   precis bench [--corpus DIR] [--runs N] [--only SUBSTR]
//
// See bench/README.md for what is measured and for measured results.
import { performance } from 'node:perf_hooks';
import { parseHtml } from '../utils/extract/parse-html';
import { Readability } from '@mozilla/readability';
import { extractDraft } from '../utils/extract/extract-draft';
import {
  fmt,
  machine,
  median,
  packageVersion,
  benchSetup,
  quantile,
  sum,
  table,
  type Page,
} from './common';

const USAGE = 'usage: precis bench [--corpus DIR] [--runs N] [--only SUBSTR]';

type Variant = 'readability' | 'precis';

interface Sample {
  parseMs: number;
  totalMs: number;
  /** CPU time of the whole process (all threads) over the run: less sensitive to other load on the machine. */
  cpuMs: number;
}

interface PageResult {
  page: Page;
  samples: Record<Variant, Sample[]>;
  /** First exception per variant; a page with any error is left out of the figures. */
  error: Partial<Record<Variant, string>>;
  /** Whether the variant found an article (last run). */
  found: Partial<Record<Variant, boolean>>;
}

/** One timed run of one variant on a fresh DOM. Returns the timings and whether an article was found. */
function runOnce(variant: Variant, page: Page): Sample & { found: boolean } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const doc = parseHtml(page.html);
  const t1 = performance.now();
  let found: boolean;
  if (variant === 'readability') {
    const article = new Readability(doc).parse();
    found = !!article?.content;
  } else {
    const draft = extractDraft(doc, { url: page.url, cloneForReadability: false });
    found = draft.isArticle;
  }
  const t2 = performance.now();
  const c = process.cpuUsage(c0);
  return { parseMs: t1 - t0, totalMs: t2 - t0, cpuMs: (c.user + c.system) / 1000, found };
}

function pageMedian(samples: Sample[], key: keyof Sample | 'afterParse'): number {
  return median(samples.map((s) => (key === 'afterParse' ? s.totalMs - s.parseMs : s[key])));
}

export async function runBench(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const setup = benchSetup(args, { runs: 3 }, USAGE);
  if (typeof setup === 'number') return setup;
  const { opts, pages } = setup;

  const wallStart = performance.now();

  // Warm-up: every tenth page (at least 5), both variants, untimed, so that the JIT has compiled the parser,
  // Readability and our extractor before the first timed run.
  const everyTenth = pages.filter((_, i) => i % 10 === 0);
  const warm = everyTenth.length >= 5 ? everyTenth : pages.slice(0, 5);
  for (const p of warm) {
    for (const v of ['readability', 'precis'] as Variant[]) {
      try {
        runOnce(v, p);
      } catch {
        // reported by the timed runs
      }
    }
  }

  const results: PageResult[] = [];
  const progress = process.stderr.isTTY;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i];
    const r: PageResult = { page, samples: { readability: [], precis: [] }, error: {}, found: {} };
    for (let run = 0; run < opts.runs; run++) {
      // Alternate which variant goes first, so neither always runs on a warmer cache.
      const order: Variant[] = (i + run) % 2 === 0 ? ['readability', 'precis'] : ['precis', 'readability'];
      for (const v of order) {
        if (r.error[v]) continue;
        try {
          const s = runOnce(v, page);
          r.samples[v].push({ parseMs: s.parseMs, totalMs: s.totalMs, cpuMs: s.cpuMs });
          r.found[v] = s.found;
        } catch (e) {
          r.error[v] = (e as Error)?.message ?? String(e);
        }
      }
    }
    results.push(r);
    if (progress) process.stderr.write(`\r${i + 1}/${pages.length} ${page.name.slice(0, 60).padEnd(60)}`);
  }
  if (progress) process.stderr.write(`\r${' '.repeat(80)}\r`);
  const wallS = (performance.now() - wallStart) / 1000;

  const ok = results.filter((r) => !r.error.readability && !r.error.precis);
  const failed = results.filter((r) => r.error.readability || r.error.precis);

  const out: string[] = [];
  out.push(
    `Précis extraction benchmark: linkedom ${packageVersion('linkedom')}, @mozilla/readability ${packageVersion('@mozilla/readability')}, ${machine()}`,
  );
  out.push(
    `corpus ${opts.corpus}${opts.only ? ` (--only ${opts.only})` : ''}: ${pages.length} pages, ${opts.runs} run(s) per page and variant, ` +
      `fresh DOM per run, variants interleaved per page; per-page median over runs, then median / p95 over pages.`,
  );
  out.push(
    `Timed: HTML string → DOM (linkedom parseHTML) → result. Reading and decoding the file is done once, untimed. ` +
      `GC is not forced between runs (forcing it slowed every run 2-4×), so GC pauses land in whichever run triggers them.`,
  );
  out.push('');
  if (!ok.length) {
    out.push('No page ran without an exception; nothing to report.');
  } else {
    const col = (v: Variant, key: keyof Sample | 'afterParse') => ok.map((r) => pageMedian(r.samples[v], key));
    const plainTotal = col('readability', 'totalMs');
    const oursTotal = col('precis', 'totalMs');
    const plainAfter = col('readability', 'afterParse');
    const oursAfter = col('precis', 'afterParse');
    // The parse step is identical in both variants: pool its samples.
    const parse = ok.map((r) => median([...r.samples.readability, ...r.samples.precis].map((s) => s.parseMs)));
    const perPageRatio = ok.map((r, i) => oursTotal[i] / plainTotal[i]);

    const row = (label: string, xs: number[]) => [label, fmt(median(xs)), fmt(quantile(xs, 0.95)), fmt(sum(xs) / xs.length)];
    const ratioRow = (label: string, a: number[], b: number[]) => [
      label,
      fmt(median(a) / median(b), 2),
      fmt(quantile(a, 0.95) / quantile(b, 0.95), 2),
      fmt(sum(a) / sum(b), 2),
    ];
    out.push(`Pages timed: ${ok.length}${failed.length ? ` (${failed.length} left out, exceptions below)` : ''}`);
    out.push('');
    out.push(
      table(
        ['ms per page', 'median', 'p95', 'mean'],
        [
          row('plain Readability: parse + new Readability(doc).parse()', plainTotal),
          row('Précis: parse + extractDraft(doc)', oursTotal),
          ratioRow('ratio Précis / plain Readability', oursTotal, plainTotal),
          row('  DOM parse alone (same in both)', parse),
          row('  after parse: Readability.parse()', plainAfter),
          row('  after parse: extractDraft()', oursAfter),
          ratioRow('  ratio after parse, Précis / Readability', oursAfter, plainAfter),
          row('CPU ms (all threads), plain Readability', col('readability', 'cpuMs')),
          row('CPU ms (all threads), Précis', col('precis', 'cpuMs')),
          ratioRow('CPU ratio Précis / plain Readability', col('precis', 'cpuMs'), col('readability', 'cpuMs')),
        ],
      ),
    );
    out.push('');
    out.push(
      `Ratio rows: median/median, p95/p95 and total/total of the columns above (not per-page ratios). ` +
        `Per-page ratio Précis / Readability: median ${fmt(median(perPageRatio), 2)}, p95 ${fmt(quantile(perPageRatio, 0.95), 2)}.`,
    );
    out.push(
      `DOM-parse share of the total time (sum over pages): ${fmt((100 * sum(parse)) / sum(plainTotal))}% of plain Readability, ` +
        `${fmt((100 * sum(parse)) / sum(oursTotal))}% of Précis.`,
    );
    const noArticle = ok.filter((r) => !r.found.readability).length;
    const noDraftArticle = ok.filter((r) => !r.found.precis).length;
    out.push(`No article found: plain Readability ${noArticle} page(s), Précis ${noDraftArticle} page(s) (still timed).`);

    // Per source, so that one kind of page cannot hide behind the others.
    const sources = [...new Set(ok.map((r) => r.page.source))].sort();
    if (sources.length > 1) {
      out.push('');
      const rows = sources.map((src) => {
        const idx = ok.map((r, i) => (r.page.source === src ? i : -1)).filter((i) => i >= 0);
        const a = idx.map((i) => plainTotal[i]);
        const b = idx.map((i) => oursTotal[i]);
        return [src, String(idx.length), fmt(median(a)), fmt(median(b)), fmt(median(b) / median(a), 2), fmt(quantile(a, 0.95)), fmt(quantile(b, 0.95)), fmt(quantile(b, 0.95) / quantile(a, 0.95), 2)];
      });
      out.push(
        table(['source', 'pages', 'Readability median', 'Précis median', 'ratio', 'Readability p95', 'Précis p95', 'ratio'], rows),
      );
    }
  }
  if (failed.length) {
    out.push('');
    out.push('Exceptions (page left out of the figures):');
    for (const r of failed) {
      for (const v of ['readability', 'precis'] as Variant[]) {
        if (r.error[v]) out.push(`  ${r.page.name} [${v === 'precis' ? 'Précis' : 'plain Readability'}]: ${r.error[v]}`);
      }
    }
  }
  out.push('');
  out.push(`Wall time ${fmt(wallS)} s (including warm-up on ${warm.length} pages).`);
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}
