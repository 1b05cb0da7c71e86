// The library page with a year or more of clipping: 10,000 generated records with 1,500-word article texts,
// in headless Chromium on the built extension (production build, .output/chrome-mv3).
//
//   npx precis bench library [--records N] [--words N] [--loads N] [--no-build]   (also the last part of npm run bench)
//
// Measures: library page to first rows, a search keystroke to updated results, export of all as JSON (with
// and without the article texts), import of each file into an empty library, and the database size per
// record. Exports and imports are set against what the browser itself does with the same records in the same
// run: a bare getAll + JSON.stringify, and a bare JSON.parse + one raw IndexedDB transaction of puts (no Dexie,
// no checks) into stores laid out as the extension's, alternating with the library's own, --runs times. Both
// sides are timed in the page (the library's by its performance marks), so the DevTools protocol's round
// trips count on neither. See bench/README.md.
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

const USAGE = 'usage: npx precis bench library [--records N] [--words N] [--loads N] [--runs N] [--no-build]';
const GOALS = { firstRows: 300, keystroke: 50, ratio: 1.3 };
/** Performance measures the page takes during an import (utils/import, the library's refresh), in order. */
const IMPORT_PARTS: [name: string, label: string][] = [
  ['precis:import-read', 'preview: reading the file'],
  ['precis:import-parse', 'preview: JSON.parse of the file'],
  ['precis:import-validate', 'preview: checking every record against the schema'],
  ['precis:import-preview', 'preview: comparing with the library'],
  ['precis:import-validate-again', 'confirm: checking records not checked by the preview'],
  ['precis:import-compare', 'confirm: comparing with the library'],
  ['precis:import-write', 'confirm: writing the records and texts'],
  ['precis:import-commit', 'confirm: the transaction committing'],
  ['precis:refresh', 'confirm: updating the list'],
];

interface Options {
  records: number;
  words: number;
  loads: number;
  runs: number;
  build: boolean;
}

function parseArgs(args: string[]): Options | string {
  const opts: Options = { records: 10_000, words: 1_500, loads: 5, runs: 3, build: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--no-build') opts.build = false;
    else if (a === '--records' || a === '--words' || a === '--loads' || a === '--runs') {
      const n = Number(args[++i]);
      // --runs 0: the page's own timings only (first rows, keystrokes), without the exports and imports.
      if (!Number.isInteger(n) || n < (a === '--runs' ? 0 : 1)) return `${a} needs a positive whole number${a === '--runs' ? ' (or 0)' : ''}`;
      opts[a.slice(2) as 'records' | 'words' | 'loads' | 'runs'] = n;
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
 * Writes records straight into the extension's IndexedDB (the schema Dexie created when the page opened), as
 * utils/db stores them: one record per row of `records`, its article text in a row of `texts`.
 */
async function seed(page: Page, records: PrecisRecord[]): Promise<void> {
  const BATCH = 400;
  for (let i = 0; i < records.length; i += BATCH) {
    // One JSON string per batch: far faster through the DevTools protocol than the objects themselves.
    await page.evaluate(async (json) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('precis');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction(['records', 'texts'], 'readwrite');
      for (const { text, ...record } of JSON.parse(json) as PrecisRecord[]) {
        tx.objectStore('records').put(record);
        if (text) tx.objectStore('texts').put({ id: record.id, text });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, JSON.stringify(records.slice(i, i + BATCH)));
  }
}

/** An object store as the extension's database declares it, to lay out the bare baseline's stores the same way. */
interface StoreShape {
  name: string;
  keyPath: string;
  indexes: { name: string; keyPath: string; multiEntry: boolean; unique: boolean }[];
}

/** The stores of the extension's database (Dexie's schema v5, as the browser holds it). */
function storeShapes(page: Page): Promise<StoreShape[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('precis');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const shapes = names.map((name) => {
      const store = tx.objectStore(name);
      return {
        name,
        keyPath: store.keyPath as string,
        indexes: [...store.indexNames].map((n) => {
          const index = store.index(n);
          return { name: n, keyPath: index.keyPath as string, multiEntry: index.multiEntry, unique: index.unique };
        }),
      };
    });
    db.close();
    return shapes;
  });
}

interface BareExport {
  /** getAll of the records (and the texts), ms */
  read: number;
  /** JSON.stringify of the envelope, ms */
  stringify: number;
  rows: number;
  /** the JSON text's length */
  chars: number;
}

/**
 * What the browser itself needs to export the library: one getAll of the records (with texts: of the texts
 * too, at once, joined by id) and one JSON.stringify, with the raw IndexedDB API in the same page.
 */
function bareExport(page: Page, withTexts: boolean): Promise<BareExport> {
  return page.evaluate(async (texts) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('precis');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const t0 = performance.now();
    const tx = db.transaction(texts ? ['records', 'texts'] : ['records'], 'readonly');
    const reads = (texts ? ['records', 'texts'] : ['records']).map(
      (name) =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const r = tx.objectStore(name).getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        }),
    );
    const [records, stored = []] = await Promise.all(reads);
    const t1 = performance.now();
    if (texts) {
      const byId = new Map(stored.map((t) => [t.id, t.text]));
      for (const r of records) if (byId.has(r.id)) r.text = byId.get(r.id);
    }
    const json = JSON.stringify({ format: 'precis.records', version: 1, exportedAt: new Date().toISOString(), records });
    const t2 = performance.now();
    db.close();
    return { read: t1 - t0, stringify: t2 - t1, rows: records.length + stored.length, chars: json.length };
  }, withTexts);
}

interface BareImport {
  /** JSON.parse of the file's text, ms */
  parse: number;
  /** one readwrite transaction of puts, to its completion, ms */
  write: number;
  rows: number;
}

/**
 * What the browser itself needs to import `file` into an empty library: JSON.parse of its text (read before
 * timing) and one readwrite transaction of raw IndexedDB puts, each record to `records` and its text to
 * `texts`, in stores laid out as the extension's (`shapes`), in a browser of its own with a new profile.
 */
async function bareImport(extensionDir: string, chromiumPath: string, file: string, shapes: StoreShape[], indexes = true): Promise<BareImport> {
  const browser = await launchWithExtension({ extensionDir, chromiumPath, headless: true });
  try {
    const page = await browser.helper();
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'bare-file';
      document.body.append(input);
    });
    await page.setInputFiles('#bare-file', file);
    return await page.evaluate(
      async ([stores, withIndexes]) => {
        const text = await (document.getElementById('bare-file') as HTMLInputElement).files![0].text();
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open('bare', 1);
          r.onupgradeneeded = () => {
            for (const shape of stores) {
              const store = r.result.createObjectStore(shape.name, { keyPath: shape.keyPath });
              if (withIndexes) for (const i of shape.indexes) store.createIndex(i.name, i.keyPath, { multiEntry: i.multiEntry, unique: i.unique });
            }
          };
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        const t0 = performance.now();
        const data = JSON.parse(text) as { records: Record<string, unknown>[] };
        const t1 = performance.now();
        const tx = db.transaction(['records', 'texts'], 'readwrite');
        let rows = 0;
        for (const { text: body, ...record } of data.records) {
          tx.objectStore('records').put(record);
          rows++;
          if (body) {
            tx.objectStore('texts').put({ id: record.id, text: body });
            rows++;
          }
        }
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        const t2 = performance.now();
        db.close();
        return { parse: t1 - t0, write: t2 - t1, rows };
      },
      [shapes, indexes] as const,
    );
  } finally {
    await browser.close();
  }
}

/** Starts recording the page's long tasks (50 ms or more of the main thread held at once). */
const watchLongTasks = (page: Page) =>
  page.evaluate(() => {
    const tasks: [number, number][] = ((window as unknown as { longTasks: [number, number][] }).longTasks = []);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  });

/** The longest task recorded between two moments (ms since navigation); 0 when none held the page 50 ms. */
const longestTask = (page: Page, from: number, to: number) =>
  page.evaluate(
    ([a, b]) => Math.max(0, ...(window as unknown as { longTasks: [number, number][] }).longTasks.filter(([start]) => start >= a && start <= b).map(([, d]) => d)),
    [from, to] as const,
  );

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
  /** In the page: the click → the file handed to the download (precis:export). */
  ms: number;
  /** Seen from outside: the click → the browser starting the download. */
  outsideMs: number;
  /** The longest the page was held at once meanwhile. */
  longestTask: number;
  /** precis:export-read, precis:export-build */
  parts: number[];
}

/**
 * Exports all as JSON from a freshly loaded library with its index ready, as a user finds it (not holding the
 * last export's garbage): click → the download starting. Then the bare baseline in the same page, the same
 * state. The file is kept in `downloads` (for the imports) when `keep`.
 */
async function exportAll(page: Page, downloads: string, includeText: boolean, keep: boolean): Promise<{ ours: Exported; bare: BareExport }> {
  await page.reload();
  await markTime(page, 'precis:index-ready');
  await page.getByLabel('Export format').selectOption('json');
  await page.getByLabel('Include article texts').setChecked(includeText);
  await watchLongTasks(page);
  const t0 = performance.now();
  const pending = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Export JSON', exact: true }).click();
  const download = await pending;
  const outsideMs = performance.now() - t0;
  const [ms, ...parts] = await page.evaluate(() =>
    ['precis:export', 'precis:export-read', 'precis:export-build'].map((n) => performance.getEntriesByName(n).at(-1)?.duration ?? NaN),
  );
  const started = await page.evaluate(() => performance.getEntriesByName('precis:export').at(-1)!.startTime);
  const longest = await longestTask(page, started, started + ms);
  const file = path.join(downloads, `${includeText ? 'with' : 'without'}-texts-${download.suggestedFilename()}`);
  const bytes = fs.statSync(await download.path()).size;
  if (keep) await download.saveAs(file);
  else await download.delete();
  const bare = await bareExport(page, includeText);
  return { ours: { file, bytes, ms, outsideMs, parts, longestTask: longest }, bare };
}

interface Imported {
  previewMs: number;
  applyMs: number;
  /** The longest the page was held at once, from choosing the file to the import shown. */
  longestTask: number;
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
    await watchLongTasks(page);
    await page.getByLabel('Import file').setInputFiles(file);
    const preview = page.getByRole('dialog', { name: 'Import preview' });
    await preview.waitFor({ timeout: 120_000 });
    await preview.getByRole('button', { name: /^Import \d+ records?$/ }).click();
    await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 120_000 });
    // Timed in the page, from its own marks (the protocol's round trips are no part of the import): the file
    // chosen → the preview painted, and the confirming click → the list and the status painted.
    await markTime(page, 'precis:import-done');
    const [chosen, previewed, confirmed, done] = await page.evaluate(() =>
      ['precis:import-chosen', 'precis:import-previewed', 'precis:import-confirmed', 'precis:import-done'].map((n) => performance.getEntriesByName(n)[0].startTime),
    );
    const [previewMs, applyMs] = [previewed - chosen, done - confirmed];
    const rows = await page.evaluate(() => document.querySelector('[role=table][aria-label=Records]')?.getAttribute('aria-rowcount'));
    const parts = await page.evaluate((names) => names.map((n) => performance.getEntriesByName(n).at(-1)?.duration ?? NaN), IMPORT_PARTS.map((p) => p[0]));
    return { previewMs, applyMs, rows, parts, longestTask: await longestTask(page, chosen, done) };
  } finally {
    await browser.close();
  }
}

/** The records store's indexes, as the bench table names them: "url, keywords (multi-entry), createdAt". */
const indexList = (shapes: StoreShape[]) =>
  (shapes.find((s) => s.name === 'records')?.indexes ?? []).map((i) => `${i.name}${i.multiEntry ? ' (multi-entry)' : ''}`).join(', ') + ' indexed';

const verdict = (value: number, goal: number) => (value <= goal ? `✓ ≤ ${goal}` : `✗ > ${goal}`);
const spread = (values: number[], unit = ' ms') => `${fmt(median(values))}${unit} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;

/** One comparison, run after run: ours and the bare baseline of the same run. */
function ratioRow(label: string, ours: number[], bare: number[]): string[] {
  const ratios = ours.map((o, i) => o / bare[i]);
  const ratio = median(ours) / median(bare);
  return [label, spread(bare), spread(ours), `${ratio.toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`, verdict(ratio, GOALS.ratio)];
}

/** Where one export and one import of its file spent their time (the last run). */
function partRows(label: string, exported: Exported, imported: Imported): string[][] {
  return [
    [`export all as JSON ${label} (${fmt(exported.bytes / 1_048_576)} MB): click → file handed to the download`, `${fmt(exported.ms)} ms`],
    ['  of which: the list on screen brought up to date', `${fmt(exported.parts[0])} ms`],
    ['  of which: any texts read (IndexedDB) and the file made (one Blob), the one while the other', `${fmt(exported.parts[1])} ms`],
    ['  seen from outside: click → the browser starting the download', `${fmt(exported.outsideMs)} ms`],
    ['  the longest the page was held at once (long task)', `${fmt(exported.longestTask)} ms`],
    ['import that file: choose → preview', `${fmt(imported.previewMs)} ms`],
    ['import that file: confirm → imported', `${fmt(imported.applyMs)} ms`],
    ...IMPORT_PARTS.map(([, name], i) => [`  of which: ${name}`, `${fmt(imported.parts[i])} ms`]),
    [`import total (${imported.rows ? Number(imported.rows) - 1 : '?'} rows listed after)`, `${fmt(imported.previewMs + imported.applyMs)} ms`],
    ['  the longest the page was held at once (long task)', `${fmt(imported.longestTask)} ms`],
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
    // full backup), then each file imported into an empty library (choosing the file → preview, confirming →
    // rows shown), each beside its bare baseline, run after run.
    const shapes = await storeShapes(page);
    const exports: Record<'short' | 'full', { ours: Exported; bare: BareExport }[]> = { short: [], full: [] };
    for (let run = 0; run < opts.runs; run++) {
      exports.short.push(await exportAll(page, downloads, false, run === 0));
      exports.full.push(await exportAll(page, downloads, true, run === 0));
    }
    await browser.close(); // idle from here on; the imports run in browsers of their own
    const imports: Record<'short' | 'full', { ours: Imported; bare: BareImport }[]> = { short: [], full: [] };
    let unindexed: BareImport | null = null;
    if (opts.runs > 0) {
      const files = { short: exports.short[0].ours.file, full: exports.full[0].ours.file };
      for (let run = 0; run < opts.runs; run++) {
        for (const kind of ['short', 'full'] as const) {
          const bare = await bareImport(extensionDir, chromiumPath, files[kind], shapes);
          imports[kind].push({ bare, ours: await importInto(extensionDir, chromiumPath, files[kind]) });
        }
      }
      // What the indexes cost: the default file written bare into stores without them.
      unindexed = await bareImport(extensionDir, chromiumPath, files.short, shapes, false);
    }

    const perRecord = (usageAfter - usageBefore) / records.length;
    const textChars = records.reduce((n, r) => n + (r.text?.length ?? 0), 0) / records.length;
    console.log(`Précis library benchmark: ${machine()}, Chromium headless, production build, preact ${packageVersion('preact')}, minisearch ${packageVersion('minisearch')}, dexie ${packageVersion('dexie')}`);
    console.log(
      `${records.length} generated records (${opts.words}-word texts, ~${fmt(textChars / 1024)} KiB each; summaries 120–250 words), written straight into IndexedDB in ${fmt(seedMs / 1000)} s (generated in ${fmt(generateMs / 1000)} s).\n`,
    );
    console.log(
      table(
        ['measure', 'result', 'goal'],
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
          ['database size per record (navigator.storage.estimate delta)', `${fmt(perRecord / 1024)} KiB`, ''],
        ],
      ),
    );
    console.log(`\nKeystroke times (ms) per query: ${queries.map((q) => JSON.stringify(q)).join(', ')}: ${keystrokes.map((t) => fmt(t)).join(' ')}`);
    if (!unindexed) return 0;
    const ms = <T>(rows: T[], f: (row: T) => number) => rows.map(f);
    const bareExportMs = (e: { bare: BareExport }) => e.bare.read + e.bare.stringify;
    const bareImportMs = (i: { bare: BareImport }) => i.bare.parse + i.bare.write;
    const oursImportMs = (i: { ours: Imported }) => i.ours.previewMs + i.ours.applyMs;
    console.log(`\nExport and import against the browser's own work with the same records, ${opts.runs} runs (median; min–max; ratio of medians, and the range of each run's ratio):\n`);
    console.log(
      table(
        ['measure', 'bare baseline', 'Précis', 'ratio', 'goal'],
        [
          ratioRow('export all as JSON, the default file (bare: getAll + JSON.stringify)', ms(exports.short, (e) => e.ours.ms), ms(exports.short, bareExportMs)),
          ratioRow('export all as JSON with article texts (bare: 2 getAll + JSON.stringify)', ms(exports.full, (e) => e.ours.ms), ms(exports.full, bareExportMs)),
          ratioRow('import of the default file (bare: JSON.parse + one transaction of puts)', ms(imports.short, oursImportMs), ms(imports.short, bareImportMs)),
          ratioRow('import of the file with article texts (bare: the same)', ms(imports.full, oursImportMs), ms(imports.full, bareImportMs)),
        ],
      ),
    );
    const perRow = (total: number, rows: number) => `${fmt((total / rows) * 1000)} µs`;
    const last = <T>(rows: T[]) => rows[rows.length - 1];
    console.log(`\nThe bare baselines, split (median of ${opts.runs}); per row: divided by the rows read or written:\n`);
    console.log(
      table(
        ['bare baseline', 'time', 'per row'],
        [
          [`getAll of ${exports.short[0].bare.rows} record rows`, `${fmt(median(ms(exports.short, (e) => e.bare.read)))} ms`, perRow(median(ms(exports.short, (e) => e.bare.read)), exports.short[0].bare.rows)],
          ['  JSON.stringify of them', `${fmt(median(ms(exports.short, (e) => e.bare.stringify)))} ms`, ''],
          [`getAll of the records and the texts (${exports.full[0].bare.rows} rows, at once)`, `${fmt(median(ms(exports.full, (e) => e.bare.read)))} ms`, perRow(median(ms(exports.full, (e) => e.bare.read)), exports.full[0].bare.rows)],
          [`  JSON.stringify of them (${fmt(exports.full[0].bare.chars / 1_048_576)} M characters)`, `${fmt(median(ms(exports.full, (e) => e.bare.stringify)))} ms`, ''],
          ['JSON.parse of the default file', `${fmt(median(ms(imports.short, (i) => i.bare.parse)))} ms`, ''],
          [`  one transaction of ${imports.short[0].bare.rows} record puts (${indexList(shapes)})`, `${fmt(median(ms(imports.short, (i) => i.bare.write)))} ms`, perRow(median(ms(imports.short, (i) => i.bare.write)), imports.short[0].bare.rows)],
          [`  the same into a store without indexes (once)`, `${fmt(unindexed.write)} ms`, perRow(unindexed.write, unindexed.rows)],
          ['JSON.parse of the file with texts', `${fmt(median(ms(imports.full, (i) => i.bare.parse)))} ms`, ''],
          [`  one transaction of ${imports.full[0].bare.rows} puts (records and texts)`, `${fmt(median(ms(imports.full, (i) => i.bare.write)))} ms`, perRow(median(ms(imports.full, (i) => i.bare.write)), imports.full[0].bare.rows)],
        ],
      ),
    );
    console.log('\nWhere the library\'s own export and import spent their time (the last run):\n');
    console.log(
      table(
        ['measure', 'result'],
        [
          ...partRows('the records, as seed-record.json (the default)', last(exports.short).ours, last(imports.short).ours),
          ...partRows('with article texts (ticked: a full backup)', last(exports.full).ours, last(imports.full).ours),
        ],
      ),
    );
    return 0;
  } finally {
    await browser.close();
    fs.rmSync(downloads, { recursive: true, force: true });
  }
}
