// The library page with a year or more of clipping: 10,000 generated records with 1,500-word article texts,
// in headless Chromium on the built extension (production build, .output/chrome-mv3).
//
//   npx precis bench library [--records N] [--words N] [--loads N] [--no-build]   (also the last part of npm run bench)
//
// Measures: library page to first rows, a search keystroke to updated results, export of all as JSON (with
// and without the article texts), import of each file into an empty library, and the database size per
// record. See bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { buildDir, launchWithExtension, ROOT, type ExtensionBrowser } from '../scripts/lib/browser.mjs';
import { ensureChromium } from '../scripts/lib/chromium.mjs';
import { fmt, machine, median, packageVersion, quantile, table } from './common';
import { DEFAULT_LITERATURE_TYPES } from '../utils/record/vocabulary';
import type { PrecisRecord } from '../utils/record/schema';
import { textBucketOf } from '../utils/db/article-texts';
import { recordBucketsFor } from '../utils/db/record-buckets';

const USAGE = 'usage: npx precis bench library [--records N] [--words N] [--loads N] [--no-build]';
const GOALS = { firstRows: 300, keystroke: 50, exportAll: 1500, importAll: 3000 };
/** Performance measures the page takes during an import (utils/import, the library's refresh), in order. */
const IMPORT_PARTS: [name: string, label: string][] = [
  ['precis:import-read', 'preview: reading the file'],
  ['precis:import-parse', 'preview: JSON.parse of the file'],
  ['precis:import-validate', 'preview: checking every record against the schema'],
  ['precis:import-preview', 'preview: comparing with the library'],
  ['precis:import-validate-again', 'confirm: checking records not checked by the preview'],
  ['precis:import-compare', 'confirm: comparing with the library'],
  ['precis:import-write-records', 'confirm: writing the records'],
  ['precis:import-write-texts', 'confirm: writing the article texts'],
  ['precis:import-commit', 'confirm: the transaction committing'],
  ['precis:refresh', 'confirm: updating the list'],
];

interface Options {
  records: number;
  words: number;
  loads: number;
  build: boolean;
}

function parseArgs(args: string[]): Options | string {
  const opts: Options = { records: 10_000, words: 1_500, loads: 5, build: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--no-build') opts.build = false;
    else if (a === '--records' || a === '--words' || a === '--loads') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 1) return `${a} needs a positive whole number`;
      opts[a.slice(2) as 'records' | 'words' | 'loads'] = n;
    } else return `unknown argument ${a}`;
  }
  return opts;
}

// ---------- realistic records, reproducibly ----------

/** mulberry32: a small seeded generator, so every run benchmarks the same library. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ba be bi bo bu ca ce co cu da de di do du fa fe fi fo ga ge go gu ha he hi ho la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zo ar er in on an en or al el il ol ur st tr pr gr br'.split(' ');
const COMMON = 'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no will more can out other about some what into only than its also two these first new after any may such most over could made years where between both under then later'.split(' ');

function makeVocabulary(rand: () => number, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** Words drawn with a Zipf-like skew (a few frequent, a long tail), mixed with English function words. */
function wordPicker(rand: () => number, vocabulary: string[]): () => string {
  return () => (rand() < 0.4 ? COMMON[Math.floor(rand() * COMMON.length)] : vocabulary[Math.floor(vocabulary.length * Math.pow(rand(), 2.2))]);
}

function sentences(rand: () => number, pick: () => string, words: number): string {
  const out: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 8 + Math.floor(rand() * 18));
    const s = Array.from({ length: n }, pick).join(' ');
    out.push(s[0].toUpperCase() + s.slice(1) + '.');
    left -= n;
  }
  // Paragraphs of about six sentences, as clipped article text has.
  const paragraphs: string[] = [];
  for (let i = 0; i < out.length; i += 6) paragraphs.push(out.slice(i, i + 6).join(' '));
  return paragraphs.join('\n\n');
}

const capital = (w: string) => w[0].toUpperCase() + w.slice(1);

function generateRecords(count: number, textWords: number): PrecisRecord[] {
  const rand = random(20240415);
  const vocabulary = makeVocabulary(rand, 12_000);
  const pick = wordPicker(rand, vocabulary);
  const nameVocabulary = makeVocabulary(rand, 3_000).map(capital);
  const people = Array.from({ length: 2_500 }, (_, i) => `${nameVocabulary[i]} ${nameVocabulary[(i * 7 + 13) % nameVocabulary.length]}ski`);
  const publishers = Array.from({ length: 60 }, (_, i) => `The ${capital(vocabulary[i * 11])} ${['Review', 'Times', 'Institute', 'Policy', 'Observer'][i % 5]}`);
  const sections = ['Europe', 'Asia', 'Energy', 'Economy', 'Security', 'Climate', 'Technology', 'South & Southeast Asia', 'Middle East', 'Africa', 'Americas', 'Opinion'];
  const keywordPool = Array.from({ length: 900 }, (_, i) => (i % 3 === 0 ? `${capital(vocabulary[i])} ${capital(vocabulary[i + 900])}` : capital(vocabulary[i * 2 + 5])));
  const start = Date.UTC(2022, 0, 1);
  const records: PrecisRecord[] = [];
  for (let i = 0; i < count; i++) {
    const created = new Date(start + Math.floor((i / count) * 3 * 365 * 86_400_000) + Math.floor(rand() * 3_600_000)).toISOString();
    const published = new Date(Date.UTC(2000 + Math.floor(rand() * 26), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28))).toISOString().slice(0, 10);
    const authorCount = 1 + Math.floor(rand() * rand() * 3);
    const keywords = [...new Set(Array.from({ length: 3 + Math.floor(rand() * 8) }, () => keywordPool[Math.floor(keywordPool.length * Math.pow(rand(), 1.8))]))];
    const title = capital(Array.from({ length: 6 + Math.floor(rand() * 8) }, pick).join(' '));
    records.push({
      id: `bench-${String(i).padStart(6, '0')}`,
      url: `https://news${i % 60}.example.org/${created.slice(0, 10)}/${title.toLowerCase().replace(/[^a-z]+/g, '-').slice(0, 60)}-${i}`,
      title,
      authors: Array.from({ length: authorCount }, () => ({ name: people[Math.floor(rand() * people.length)], affiliation: rand() < 0.4 ? publishers[Math.floor(rand() * 60)] : null })),
      publisher: publishers[Math.floor(publishers.length * Math.pow(rand(), 1.5))],
      publishedDate: published,
      place: rand() < 0.5 ? `${capital(vocabulary[Math.floor(rand() * 400)])}, ${capital(vocabulary[Math.floor(rand() * 50)])}` : null,
      literatureType: DEFAULT_LITERATURE_TYPES[Math.floor(rand() * DEFAULT_LITERATURE_TYPES.length)],
      wordCount: textWords,
      keywords,
      summary: sentences(rand, pick, 120 + Math.floor(rand() * 130)),
      summarizedBy: { name: 'Ada Okafor', role: 'Research Associate' },
      section: sections[Math.floor(rand() * sections.length)],
      language: 'en',
      createdAt: created,
      updatedAt: created,
      text: sentences(rand, pick, textWords),
    });
  }
  return records;
}

// ---------- in the page ----------

/**
 * Writes records straight into the extension's IndexedDB (the schema Dexie created when the page opened):
 * records and texts in rows as utils/db/record-buckets.ts and article-texts.ts store them.
 */
async function seed(page: Page, records: PrecisRecord[]): Promise<void> {
  const buckets = new Map<number, [string, string][]>();
  for (const r of records) {
    if (!r.text) continue;
    const b = textBucketOf(r.id);
    if (!buckets.has(b)) buckets.set(b, []);
    buckets.get(b)!.push([r.id, r.text]);
  }
  const textRows = [...buckets];
  const recordRows = recordBucketsFor(records.map(({ text: _text, ...stored }) => stored));
  const BATCH = 4;
  const TEXT_BATCH = 8;
  for (let i = 0, j = 0; i < recordRows.length || j < textRows.length; i += BATCH, j += TEXT_BATCH) {
    // One JSON string per batch: far faster through the DevTools protocol than the objects themselves.
    await page.evaluate(
      async ([recordsJson, textsJson]) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open('precis');
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        const tx = db.transaction(['recordBuckets', 'textBuckets'], 'readwrite');
        for (const row of JSON.parse(recordsJson)) tx.objectStore('recordBuckets').put(row);
        for (const [bucket, texts] of JSON.parse(textsJson) as [number, [string, string][]][]) {
          tx.objectStore('textBuckets').put({ bucket, texts: new Map(texts) });
        }
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      [JSON.stringify(recordRows.slice(i, i + BATCH)), JSON.stringify(textRows.slice(j, j + TEXT_BATCH))] as const,
    );
  }
}

const storageUsage = (page: Page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

/** Milliseconds from navigation start to the performance mark `name` (waits for it). */
async function markTime(page: Page, name: string, timeout = 120_000): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout, polling: 10 });
  return page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, name);
}

/**
 * Types `query` one character at a time into the search box; for each keystroke, the time from the input
 * event to the table showing the results for the new text (its data-query) and the next frame (`ms`), and
 * when (since navigation) the keystroke began and its results were shown (`start`, `end`).
 */
async function typeQueryTimed(page: Page, query: string): Promise<{ ms: number; start: number; end: number }[]> {
  return page.evaluate(async (q) => {
    const box = document.getElementById('search') as HTMLInputElement;
    const grid = document.querySelector('[role=table][aria-label=Records]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const times: { ms: number; start: number; end: number }[] = [];
    for (let i = 1; i <= q.length; i++) {
      const text = q.slice(0, i);
      const t0 = performance.now();
      setValue.call(box, text);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      // (No named helper functions in here: tsx would wrap them in a __name() the page does not have.)
      while ((document.querySelector('[role=table][aria-label=Records]') ?? grid).getAttribute('data-query') !== text) {
        await new Promise((r) => setTimeout(r, 0));
      }
      await new Promise((r) => requestAnimationFrame(r));
      times.push({ ms: performance.now() - t0, start: t0, end: performance.now() });
      await new Promise((r) => setTimeout(r, 30));
    }
    setValue.call(box, '');
    box.dispatchEvent(new Event('input', { bubbles: true }));
    return times;
  }, query);
}

// ---------- the run ----------

interface Exported {
  file: string;
  bytes: number;
  ms: number;
  /** precis:export-read, precis:export-build */
  parts: number[];
}

async function exportAll(page: Page, downloads: string, includeText: boolean): Promise<Exported> {
  // A freshly loaded library with its index ready, as a user finds it (not holding the last export's garbage).
  await page.reload();
  await markTime(page, 'precis:index-ready');
  await page.getByLabel('Export format').selectOption('json');
  await page.getByLabel('Include article texts').setChecked(includeText);
  const t0 = performance.now();
  const pending = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Export JSON', exact: true }).click();
  const download = await pending;
  const ms = performance.now() - t0;
  const parts = await page.evaluate(() =>
    ['precis:export-read', 'precis:export-build'].map((n) => performance.getEntriesByName(n).at(-1)?.duration ?? NaN),
  );
  const file = path.join(downloads, `${includeText ? 'with' : 'without'}-texts-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { file, bytes: fs.statSync(file).size, ms, parts };
}

interface Imported {
  previewMs: number;
  applyMs: number;
  rows: string | null | undefined;
  /** One per IMPORT_PARTS */
  parts: number[];
}

/**
 * Imports `file` in a browser of its own, with a new profile: the library empty, as on a new computer, and
 * nothing left over from the benchmark's earlier steps (deleting or clearing 100 MB in the same browser
 * slowed the import measured next by a factor of two to seven in places).
 */
async function importInto(extensionDir: string, chromiumPath: string, file: string): Promise<Imported> {
  const browser = await launchWithExtension({ extensionDir, chromiumPath, headless: true });
  try {
    const page = await browser.openExtensionPage('library.html', { viewport: { width: 1280, height: 900 } });
    await page.getByText('No records yet').waitFor();
    const i0 = performance.now();
    await page.getByLabel('Import file').setInputFiles(file);
    const preview = page.getByRole('dialog', { name: 'Import preview' });
    await preview.waitFor({ timeout: 120_000 });
    const previewMs = performance.now() - i0;
    const i1 = performance.now();
    await preview.getByRole('button', { name: /^Import \d+ records?$/ }).click();
    await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 120_000 });
    const applyMs = performance.now() - i1;
    const rows = await page.evaluate(() => document.querySelector('[role=table][aria-label=Records]')?.getAttribute('aria-rowcount'));
    const parts = await page.evaluate((names) => names.map((n) => performance.getEntriesByName(n).at(-1)?.duration ?? NaN), IMPORT_PARTS.map((p) => p[0]));
    return { previewMs, applyMs, rows, parts };
  } finally {
    await browser.close();
  }
}

const verdict = (ms: number, goal: number) => (ms <= goal ? `✓ ≤ ${goal}` : `✗ > ${goal}`);

/** The table rows of one export and the import of its file. */
function exportRows(label: string, exported: Exported, imported: Imported): string[][] {
  return [
    [`export all as JSON ${label} (click → download; ${fmt(exported.bytes / 1_048_576)} MB)`, `${fmt(exported.ms)} ms`, verdict(exported.ms, GOALS.exportAll)],
    ['  of which: collecting the records (the list on screen) and any texts (IndexedDB)', `${fmt(exported.parts[0])} ms`, ''],
    ['  of which: building the JSON text', `${fmt(exported.parts[1])} ms`, ''],
    ['import that file: choose → preview', `${fmt(imported.previewMs)} ms`, ''],
    ['import that file: confirm → imported', `${fmt(imported.applyMs)} ms`, ''],
    ...IMPORT_PARTS.map(([, name], i) => [`  of which: ${name}`, `${fmt(imported.parts[i])} ms`, '']),
    [`import total (${imported.rows ? Number(imported.rows) - 1 : '?'} rows listed after)`, `${fmt(imported.previewMs + imported.applyMs)} ms`, verdict(imported.previewMs + imported.applyMs, GOALS.importAll)],
  ];
}

export async function runLibraryBench(args: string[]): Promise<number> {
  const opts = parseArgs(args);
  if (typeof opts === 'string') {
    process.stderr.write(`${opts}\n${USAGE}\n`);
    return 2;
  }
  const chromiumPath = ensureChromium();
  if (opts.build) {
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('npx wxt build failed');
  }
  const extensionDir = buildDir('production');
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`No build in ${extensionDir}: run npx wxt build`);

  const t0 = performance.now();
  const records = generateRecords(opts.records, opts.words);
  const generateMs = performance.now() - t0;
  const browser: ExtensionBrowser = await launchWithExtension({ extensionDir, chromiumPath, headless: true });
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'precis-bench-'));
  try {
    const page = await browser.openExtensionPage('library.html', { viewport: { width: 1280, height: 900 } });
    await page.getByText('No records yet').waitFor();
    const usageBefore = await storageUsage(page);
    const s0 = performance.now();
    await seed(page, records);
    const seedMs = performance.now() - s0;
    const usageAfter = await storageUsage(page);

    // Page to first rows (and to a ready search index), over several loads.
    const firstRows: number[] = [];
    const scriptStart: number[] = [];
    const firstQuery: number[] = [];
    const indexReady: number[] = [];
    for (let i = 0; i < opts.loads; i++) {
      await page.reload();
      firstRows.push(await markTime(page, 'precis:rows-shown'));
      scriptStart.push(await markTime(page, 'precis:script-start'));
      firstQuery.push(await markTime(page, 'precis:first-rows-loaded'));
      indexReady.push(await markTime(page, 'precis:index-ready'));
    }

    // Search keystrokes: words from the records themselves (an author, a keyword, title words), typed.
    const sample = records[Math.floor(records.length / 3)];
    const queries = [sample.authors[0].name.split(' ')[0], sample.keywords[0], sample.title.split(' ').slice(1, 3).join(' '), 'policy energy'];
    const typed: { ms: number; start: number; end: number }[] = [];
    for (const q of queries) typed.push(...(await typeQueryTimed(page, q)));
    const keystrokes = typed.map((k) => k.ms);
    // Each keystroke split at its search (precis:search-answer): before it is sent, the worker, after the answer.
    const answers = await page.evaluate(() => performance.getEntriesByName('precis:search-answer').map((e) => [e.startTime, e.duration]));
    const split = typed.flatMap((k) => {
      const a = answers.find(([s]) => s >= k.start && s < k.end);
      return a ? [[a[0] - k.start, a[1], k.end - (a[0] + a[1])]] : [];
    });

    // The same typed as soon as every record is loaded, while the index is still being built (the scan of
    // utils/search/warmup-scan.ts answers; its first keystroke prepares every record for scanning).
    // Only keystrokes answered before the index was ready count.
    const early: number[] = [];
    const earlyFirst: number[] = [];
    for (const q of queries) {
      await page.reload();
      await markTime(page, 'precis:all-records-loaded');
      const typed = await typeQueryTimed(page, q);
      const ready = await markTime(page, 'precis:index-ready');
      const before = typed.filter((k) => k.end < ready).map((k) => k.ms);
      if (before.length) earlyFirst.push(before[0]);
      early.push(...before.slice(1));
    }

    // Export all as JSON, as the seed example's envelope (the default) and with the article texts ticked (a
    // full backup): from the click to the download starting. Then each file imported into an empty library:
    // choosing the file → preview; confirming → rows shown.
    const short = await exportAll(page, downloads, false);
    const full = await exportAll(page, downloads, true);
    await browser.close(); // idle from here on; the imports run in browsers of their own
    const shortImport = await importInto(extensionDir, chromiumPath, short.file);
    const fullImport = await importInto(extensionDir, chromiumPath, full.file);

    const perRecord = (usageAfter - usageBefore) / records.length;
    const textChars = records.reduce((n, r) => n + (r.text?.length ?? 0), 0) / records.length;
    console.log(`Précis library benchmark: ${machine()}, Chromium headless, production build, preact ${packageVersion('preact')}, minisearch ${packageVersion('minisearch')}, dexie ${packageVersion('dexie')}`);
    console.log(
      `${records.length} generated records (${opts.words}-word texts, ~${fmt(textChars / 1024)} KiB each; summaries 120–250 words), written straight into IndexedDB in ${fmt(seedMs / 1000)} s (generated in ${fmt(generateMs / 1000)} s).\n`,
    );
    console.log(
      table(
        ['measure', 'result', 'goal (ms)'],
        [
          [`library page to first rows (median of ${opts.loads} loads; min–max)`, `${fmt(median(firstRows))} ms (${fmt(Math.min(...firstRows))}–${fmt(Math.max(...firstRows))})`, verdict(median(firstRows), GOALS.firstRows)],
          ['  of which: navigation → page script running (median)', `${fmt(median(scriptStart))} ms`, ''],
          ['  of which: → first screenful read from IndexedDB (median)', `${fmt(median(firstQuery))} ms`, ''],
          ['library page to search index ready (median)', `${fmt(median(indexReady))} ms`, ''],
          [`search keystroke to updated results (median of ${keystrokes.length}; p95)`, `${fmt(median(keystrokes))} ms (p95 ${fmt(quantile(keystrokes, 0.95))})`, verdict(median(keystrokes), GOALS.keystroke)],
          ...['input → search sent (the page re-rendering for the new words)', 'the index answering, from the worker', 'answer → rows drawn (filtering, sorting, rendering, next frame)'].map((label, i) => [
            `  of which: ${label} (median of ${split.length})`,
            `${fmt(median(split.map((s) => s[i])))} ms`,
            '',
          ]),
          [`  before the index is ready: first keystroke (median of ${earlyFirst.length}; max)`, earlyFirst.length ? `${fmt(median(earlyFirst))} ms (max ${fmt(Math.max(...earlyFirst))})` : 'none before ready', ''],
          [`  before the index is ready: later keystrokes (median of ${early.length}; p95)`, early.length ? `${fmt(median(early))} ms (p95 ${fmt(quantile(early, 0.95))})` : 'none before ready', ''],
          ...exportRows('the records, as seed-record.json (the default)', short, shortImport),
          ...exportRows('with article texts (ticked: a full backup)', full, fullImport),
          ['database size per record (navigator.storage.estimate delta)', `${fmt(perRecord / 1024)} KiB`, ''],
        ],
      ),
    );
    console.log(`\nKeystroke times (ms) per query: ${queries.map((q) => JSON.stringify(q)).join(', ')}: ${keystrokes.map((t) => fmt(t)).join(' ')}`);
    return 0;
  } finally {
    await browser.close();
    fs.rmSync(downloads, { recursive: true, force: true });
  }
}
