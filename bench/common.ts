// Helpers shared by the benchmarks: corpus loading, option parsing, statistics, table printing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { decodeHtml } from '../utils/extract/charset';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CORPUS = resolve(REPO_ROOT, '../shared/corpus');

export interface Page {
  name: string;
  /** Decoded once, before any timing: both sides of every comparison get the same string. */
  html: string;
  bytes: number;
  url: string | null;
  source: string;
  expected: Record<string, unknown>;
}

export interface CorpusOptions {
  corpus: string;
  runs: number;
  only: string | null;
}

/** Parses `--corpus DIR`, `--runs N`, `--only SUBSTR`; returns an error message for anything else. */
export function parseCorpusArgs(args: string[], defaults: { runs: number }): CorpusOptions | string {
  const opts: CorpusOptions = { corpus: DEFAULT_CORPUS, runs: defaults.runs, only: null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--corpus') opts.corpus = resolve(value());
      else if (a === '--runs') {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) return `--runs must be a positive integer`;
        opts.runs = n;
      } else if (a === '--only') opts.only = value();
      else return `unknown argument ${a}`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  return opts;
}

/**
 * Options and pages for a benchmark run from its command-line arguments; on a bad argument or a missing
 * corpus, prints why (with `usage`) and returns the exit code instead.
 */
export function benchSetup(args: string[], defaults: { runs: number }, usage: string): { opts: CorpusOptions; pages: Page[] } | number {
  const opts = parseCorpusArgs(args, defaults);
  if (typeof opts === 'string') {
    process.stderr.write(`${opts}\n${usage}\n`);
    return 2;
  }
  const pages = loadCorpus(opts.corpus, opts.only);
  if (typeof pages === 'string') {
    process.stderr.write(`${pages}\n`);
    return 2;
  }
  return { opts, pages };
}

/** Pages of the corpus (`<dir>/<page>/page.html` + `expected.json`), sorted by folder name. */
export function loadCorpus(dir: string, only: string | null): Page[] | string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return `corpus folder not found: ${dir}\n(pass --corpus DIR; the default is ../shared/corpus next to the repository)`;
  }
  const pages: Page[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (only && !name.includes(only)) continue;
    const file = join(dir, name, 'page.html');
    if (!existsSync(file)) continue;
    const raw = readFileSync(file);
    let expected: Record<string, unknown> = {};
    const expFile = join(dir, name, 'expected.json');
    if (existsSync(expFile)) expected = JSON.parse(readFileSync(expFile, 'utf8')) as Record<string, unknown>;
    pages.push({
      name,
      html: decodeHtml(raw),
      bytes: raw.length,
      url: typeof expected.url === 'string' ? expected.url : null,
      source: typeof expected.source === 'string' ? expected.source : 'unknown',
      expected,
    });
  }
  if (!pages.length) return `no pages (<page>/page.html) found in ${dir}${only ? ` matching --only ${only}` : ''}`;
  return pages;
}

export function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

/** Linear-interpolated quantile (q in [0, 1]) of a non-empty list. */
export function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export function sum(xs: number[]): number {
  let t = 0;
  for (const x of xs) t += x;
  return t;
}

export function fmt(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '-';
}

/** A Markdown table, padded so that it also reads well in a terminal. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function packageVersion(name: string): string {
  try {
    const req = createRequire(join(REPO_ROOT, 'noop.js'));
    return (JSON.parse(readFileSync(req.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    try {
      return (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  }
}

export function machine(): string {
  const c = cpus();
  return `Node ${process.version}, ${c.length} × ${c[0]?.model ?? 'unknown CPU'}`;
}

// ---------- the scorer's text normalisation (../shared/tools/score-extraction.mjs), for body-text F1 ----------
const fold = (s: unknown) => String(s ?? '').normalize('NFKC').toLowerCase();
export const words = (s: unknown): string[] => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Bag-of-words F1 as the scorer computes it (two empty texts agree). */
export function bagF1(pred: string[], gold: string[]): number {
  if (!pred.length || !gold.length) return pred.length === gold.length ? 1 : 0;
  const g = new Map<string, number>();
  for (const w of gold) g.set(w, (g.get(w) ?? 0) + 1);
  const p = new Map<string, number>();
  for (const w of pred) p.set(w, (p.get(w) ?? 0) + 1);
  let hit = 0;
  for (const [w, n] of p) hit += Math.min(n, g.get(w) ?? 0);
  const prec = hit / pred.length;
  const rec = hit / gold.length;
  return prec + rec ? (2 * prec * rec) / (prec + rec) : 0;
}

export const normTitle = (s: unknown) =>
  fold(s).replace(/[\s\u00a0]+/g, ' ').replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«».:]+$/g, '').trim();
const CONNECTORS = new Set(['by', 'and', 'und', 'et', 'y', 'e', 'avec', 'with', 'von:', 'from']);
export const nameTokens = (s: unknown) =>
  new Set(
    fold(s)
      .replace(/\(https?:[^)]*\)/g, ' ')
      .replace(/https?:\S+/g, ' ')
      .split(/[^\p{L}\p{M}'’-]+/u)
      .map((t) => t.replace(/^['’-]+|['’-]+$/g, ''))
      .filter((t) => t && !CONNECTORS.has(t)),
  );
export const setEq = <T>(a: Set<T>, b: Set<T>) => a.size === b.size && [...a].every((x) => b.has(x));
export const dayOf = (s: unknown): string[] => {
  if (!s) return [];
  const str = String(s).trim();
  const out: string[] = [];
  const m = str.match(/^(\d{4}-\d{2}-\d{2})/);
  if (m) out.push(m[1]);
  const t = Date.parse(str);
  if (!Number.isNaN(t)) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
export const squash = (s: unknown) => fold(s).replace(/\s+/g, ' ');
