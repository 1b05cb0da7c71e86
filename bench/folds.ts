// Cross-validation by site: do the extraction rules hold on sites they were not written for?
//
//   npx tsx bench/folds.ts [--corpus DIR] [--folds K] [--json OUT] [--compare OLD.json [--changes]] [--show FOLDS] [--only SUBSTR]
//
// The corpus pages are grouped by site (the registrable part of the page's host; pages without an address by
// their folder name less a trailing number), the sites dealt into K folds (default 5) in the order of a hash of
// their name, so every page of a site lands in the same fold and the split never changes. Every page is
// extracted once with extractDraft (linkedom, as the CLI does) and scored as ../shared/tools/score-extraction.mjs
// scores it. Printed: per fold, author / date / title / all-snippets-right on the human-labelled pages and body
// F1 on the article-extraction pages.
//
// How to use it: look at failures only in the folds you develop on (`--show 0,1,2` lists them), never in the
// others; save a run with `--json`, change a rule, and run again with `--compare` on that file. A rule is kept
// when it improves the folds whose pages were not looked at, and removed when taking it out costs no fold.
// `--changes` lists, in every fold, only the pages whose result changed: for checking that a refactoring is one.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseHtml } from '../utils/extract/parse-html';
import { extractDraft } from '../utils/extract/extract-draft';
import { hostNames } from '../utils/extract/metadata/site-name';
import type { Draft } from '../utils/extract/draft';
import { benchSetup, fmt, table, type Page } from './common';
import { scorePage, type PageScore } from './score';

const USAGE = 'usage: npx tsx bench/folds.ts [--corpus DIR] [--folds K] [--json OUT] [--compare OLD.json [--changes]] [--show FOLDS] [--only SUBSTR]';

/** The ground truth the goals are set on: human labels for metadata and snippets, human-annotated body text. */
const LABELLED = 'trafilatura-eval';
const BODY = 'article-extraction-benchmark';

interface PageRow {
  name: string;
  source: string;
  site: string;
  fold: number;
  score: PageScore;
  got: { title: string | null; authors: string; date: string | null };
  want: { title: unknown; authors: unknown; date: unknown };
}

/** The site a page belongs to: its registrable domain, or its folder name without a trailing number. */
export function siteOf(page: Pick<Page, 'name' | 'url' | 'source'>): string {
  const names = hostNames(page.url);
  if (names.length) return names.length >= 2 ? names[1] : names[0];
  return page.name.replace(/[-_]\d+$/, '');
}

/** Sites dealt round-robin into `k` folds in the order of their SHA-1: balanced, and stable across runs. */
export function assignFolds(sites: string[], k: number): Map<string, number> {
  const hash = (s: string) => createHash('sha1').update(s).digest('hex');
  const sorted = [...new Set(sites)].sort((a, b) => (hash(a) < hash(b) ? -1 : hash(a) > hash(b) ? 1 : 0));
  return new Map(sorted.map((s, i) => [s, i % k]));
}

function extract(page: Page): Draft | null {
  try {
    return extractDraft(parseHtml(page.html), { url: page.url, cloneForReadability: false });
  } catch {
    return null; // scored as a failure, as the scorer does
  }
}

type Field = 'author' | 'date' | 'title' | 'snippets' | 'bodyF1';
const FIELDS: Field[] = ['author', 'date', 'title', 'snippets', 'bodyF1'];

/** Readability's own expectations: a regression check only (its metadata is what Readability outputs). */
const REGRESSION = 'readability-test-pages';

/**
 * Per field: how many pages count and how many are right (body F1: the sum of F1s), on the human-labelled pages
 * and the article-extraction pages, or with `regression` on Readability's test pages.
 */
function tally(rows: PageRow[], regression = false): Record<Field, { n: number; ok: number }> {
  const t = Object.fromEntries(FIELDS.map((f) => [f, { n: 0, ok: 0 }])) as Record<Field, { n: number; ok: number }>;
  const labelled = regression ? REGRESSION : LABELLED;
  const body = regression ? REGRESSION : BODY;
  for (const r of rows) {
    const s = r.score;
    if (r.source === labelled) {
      for (const f of ['author', 'date', 'title'] as const) {
        if (s[f] === undefined) continue;
        t[f].n++;
        if (s[f]) t[f].ok++;
      }
      if (s.snippets !== undefined) {
        t.snippets.n++;
        if (s.snippets === 1) t.snippets.ok++;
      }
    }
    if (r.source === body && s.bodyF1 !== undefined) {
      t.bodyF1.n++;
      t.bodyF1.ok += s.bodyF1;
    }
  }
  return t;
}

const cell = (f: Field, v: { n: number; ok: number }) =>
  !v.n ? '-' : f === 'bodyF1' ? `${fmt(v.ok / v.n, 3)} (${v.n})` : `${fmt((100 * v.ok) / v.n)}% (${v.n})`;
const delta = (f: Field, now: { n: number; ok: number }, old: { n: number; ok: number } | undefined) => {
  if (!old || !now.n) return '';
  const d = f === 'bodyF1' ? now.ok / now.n - old.ok / Math.max(1, old.n) : now.ok - old.ok;
  if (Math.abs(d) < 1e-9) return ' ±0';
  return f === 'bodyF1' ? ` ${d > 0 ? '+' : ''}${fmt(d, 3)}` : ` ${d > 0 ? '+' : ''}${d}`;
};

function main(argv: string[]): number {
  let k = 5;
  let jsonOut: string | null = null;
  let compare: string | null = null;
  let show: number[] = [];
  let changesOnly = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--folds') k = Number(argv[++i]);
    else if (a === '--json') jsonOut = argv[++i] ?? null;
    else if (a === '--compare') compare = argv[++i] ?? null;
    else if (a === '--show') show = (argv[++i] ?? '').split(',').filter(Boolean).map(Number);
    else if (a === '--changes') changesOnly = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else rest.push(a);
  }
  if (!Number.isInteger(k) || k < 2) {
    process.stderr.write(`--folds must be an integer of at least 2\n${USAGE}\n`);
    return 2;
  }
  const setup = benchSetup(rest, { runs: 1 }, USAGE);
  if (typeof setup === 'number') return setup;
  const { opts, pages } = setup;
  const sites = pages.map(siteOf);
  const folds = assignFolds(sites, k);
  const rows: PageRow[] = pages.map((page, i) => {
    const d = extract(page);
    const e = page.expected;
    return {
      name: page.name,
      source: page.source,
      site: sites[i],
      fold: folds.get(sites[i])!,
      score: scorePage(d, e),
      got: { title: d?.title ?? null, authors: d?.authors.map((a) => a.name).join('; ') ?? '', date: d?.publishedDate ?? null },
      want: { title: e.title ?? null, authors: e.byline ?? null, date: e.publishedTime ?? null },
    };
  });

  let old: PageRow[] | null = null;
  if (compare) {
    try {
      old = (JSON.parse(readFileSync(compare, 'utf8')) as { pages: PageRow[] }).pages;
    } catch (e) {
      process.stderr.write(`cannot read ${compare}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const oldByName = new Map((old ?? []).map((r) => [r.name, r]));
  // Compare like with like: only pages present in both runs.
  const inOld = (r: PageRow) => !old || oldByName.has(r.name);

  const out: string[] = [];
  out.push(`Cross-validation by site: ${pages.length} pages, ${folds.size} sites, ${k} folds (${opts.corpus}${opts.only ? `, --only ${opts.only}` : ''}).`);
  out.push(
    `author / date / title / snippets: ${LABELLED} pages (snippets: all right); body F1: mean over ${BODY} pages.` +
      (old ? ` Changes against ${compare}: pages gained (+) or lost (-); body F1 the change of the mean.` : ''),
  );
  out.push('');
  const header = ['fold', 'sites', 'pages', 'author', 'date', 'title', 'snippets', 'body F1'];
  const tableRows: string[][] = [];
  const addRow = (label: string, subset: PageRow[], regression = false) => {
    const now = tally(subset.filter(inOld), regression);
    const before = old ? tally(subset.filter(inOld).map((r) => oldByName.get(r.name)!), regression) : null;
    tableRows.push([
      label,
      String(new Set(subset.map((r) => r.site)).size),
      String(subset.length),
      ...FIELDS.map((f) => cell(f, now[f]) + (before ? delta(f, now[f], before[f]) : '')),
    ]);
  };
  for (let f = 0; f < k; f++) addRow(String(f), rows.filter((r) => r.fold === f));
  addRow('all', rows);
  addRow(`${REGRESSION} (regression)`, rows.filter((r) => r.source === REGRESSION), true);
  out.push(table(header, tableRows));

  // Spread across folds: a rule that only helps where it was written shows up as a wide spread.
  const perFold = Array.from({ length: k }, (_, f) => tally(rows.filter((r) => r.fold === f)));
  const spread = FIELDS.map((f) => {
    const xs = perFold.filter((t) => t[f].n).map((t) => (f === 'bodyF1' ? t[f].ok / t[f].n : (100 * t[f].ok) / t[f].n));
    return `${f} ${fmt(Math.min(...xs), f === 'bodyF1' ? 3 : 1)}–${fmt(Math.max(...xs), f === 'bodyF1' ? 3 : 1)}`;
  });
  out.push('');
  out.push(`Range over folds: ${spread.join('; ')}.`);

  if (changesOnly && !old) {
    process.stderr.write(`--changes needs --compare\n${USAGE}\n`);
    return 2;
  }
  for (const f of changesOnly ? Array.from({ length: k }, (_, i) => i) : show) {
    const list = rows.filter((r) => r.fold === f);
    out.push('');
    out.push(`Fold ${f}: pages ${changesOnly ? 'changed' : `wrong${old ? ' or changed' : ''}`}:`);
    for (const r of list) {
      const was = oldByName.get(r.name);
      for (const field of ['author', 'date', 'title'] as const) {
        const ok = r.score[field];
        if (ok === undefined) continue;
        const changed = was && was.score[field] !== ok;
        if ((ok || changesOnly) && !changed) continue;
        const key = field === 'author' ? 'authors' : field;
        const mark = changed ? (ok ? '+' : '-') : ' ';
        out.push(`  ${mark} ${field.padEnd(6)} ${r.name.slice(0, 70)}\n      got  ${JSON.stringify(r.got[key])}${changed ? ` (was ${JSON.stringify(was!.got[key])})` : ''}\n      want ${JSON.stringify(r.want[key])}`);
      }
      const sn = r.score.snippets;
      if (sn !== undefined && ((sn < 1 && !changesOnly) || (was && was.score.snippets !== sn))) {
        out.push(`  ${was && was.score.snippets !== sn ? (sn > was.score.snippets! ? '+' : '-') : ' '} snippets ${fmt(sn, 2)}${was ? ` (was ${fmt(was.score.snippets ?? NaN, 2)})` : ''} ${r.name.slice(0, 70)}`);
      }
      const b = r.score.bodyF1;
      if (b !== undefined && was && Math.abs((was.score.bodyF1 ?? 0) - b) > 0.005) {
        out.push(`  ${b > was.score.bodyF1! ? '+' : '-'} bodyF1 ${fmt(b, 3)} (was ${fmt(was.score.bodyF1!, 3)}) ${r.name.slice(0, 70)}`);
      }
    }
  }
  process.stdout.write(out.join('\n') + '\n');
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ folds: k, pages: rows }, null, 1));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
