// Shared setup for the end-to-end tests: one Chromium with the extension and one fixture server per file,
// and a reset before every test (pages closed, storage and databases emptied), so that each test starts
// from a fresh install's state, passes alone (`vitest run -t "…"`) and in any order.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE_PAGES, ROOT, launchWithExtension, requireBuild, type ExtensionBrowser } from '../../scripts/lib/browser.mjs';
import { findChromium, installHelp } from '../../scripts/lib/chromium.mjs';
import { LABELS, addKeyword, clickSave, field, waitForExtraction } from '../../scripts/lib/popup.mjs';
import { serveDir, type StaticServer } from '../../scripts/lib/serve.mjs';
import type { RecordInput } from '../../utils/record/schema';

export { ROOT };
export const RESULTS_DIR = path.join(ROOT, 'test-results');

/** The sample article's facts, as its HTML states them (tests/fixtures/pages/sample-article.html). */
export const SAMPLE = {
  file: 'sample-article.html',
  title: 'Plugging In at the Quay: Why Small Harbours Are Betting on Shore Power',
  author: 'Marta Lindqvist',
  affiliation: 'Baltic Maritime Institute',
  publisher: 'The Harbour Review',
  date: '2024-03-18',
  language: /^en\b/,
} as const;

/** The second fixture article (tests/fixtures/pages/second-article.html). */
export const SECOND = {
  file: 'second-article.html',
  title: 'Reed Beds and Rising Water: Rebuilding a Lagoon Shoreline',
  author: 'Tomasz Wiśniewski',
} as const;

/** Word count of the sample's body paragraphs, counted from the fixture file itself. */
export function sampleBodyWordCount(): number {
  const html = fs.readFileSync(path.join(FIXTURE_PAGES, SAMPLE.file), 'utf8');
  const body = html.slice(html.indexOf('<div class="article-body">'), html.indexOf('</div>', html.indexOf('<div class="article-body">')));
  return body.replace(/<[^>]+>/g, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export interface Harness {
  browser: ExtensionBrowser;
  server: StaticServer;
  close(): Promise<void>;
}

/** Launches headless Chromium with the given build loaded and serves the fixture pages on 127.0.0.1. */
export async function startHarness(mode: 'production' | 'e2e'): Promise<Harness> {
  const extensionDir = requireBuild(mode);
  const chromiumPath = process.env.CHROMIUM_PATH || findChromium();
  // Never skip: no browser is a failure, with instructions.
  if (!chromiumPath) throw new Error(installHelp());
  const server = await serveDir(FIXTURE_PAGES);
  try {
    const browser = await launchWithExtension({ extensionDir, chromiumPath, headless: true });
    return {
      browser,
      server,
      async close() {
        await browser.close();
        await server.close();
      },
    };
  } catch (e) {
    await server.close();
    throw e;
  }
}

/**
 * The harness of one test file: the browser starts once, and before every test it is reset to a fresh
 * install (see ExtensionBrowser.reset). Returns the harness, filled in once `beforeAll` has run.
 */
export function useHarness(mode: 'production' | 'e2e'): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness(mode));
  });
  beforeEach(async () => {
    await h.browser.reset();
  });
  afterAll(async () => {
    await h.close?.();
  });
  return h;
}

/** A folder of this test's own under test-results/ (downloads, files to import), emptied first. */
export function testDir(kind = 'downloads'): string {
  const name = (expect.getState().currentTestName ?? 'test').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
  const dir = path.join(RESULTS_DIR, kind, `${path.basename(expect.getState().testPath ?? 'e2e', '.e2e.test.ts')}-${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Opens `url` in a tab and the popup for it, filled from the page. */
export async function openFilledPopup(h: Harness, url: string, viewport = { width: 480, height: 900 }): Promise<{ popup: Page; page: Page; tabId: number }> {
  const { page, tabId } = await h.browser.openTab(url);
  const popup = await h.browser.openPopup(tabId, { viewport });
  expect(await waitForExtraction(popup)).toBe('filled');
  return { popup, page, tabId };
}

/**
 * Clips a page through the popup as a user does: fields typed over, keywords added, Save. Closes what it
 * opened. `url` is a fixture file name or a full address.
 */
export async function clip(
  h: Harness,
  url: string,
  { keywords = [], fields = {} }: { keywords?: string[]; fields?: Partial<Record<keyof typeof LABELS, string>> } = {},
) {
  const { popup, page } = await openFilledPopup(h, /^[a-z]+:/.test(url) ? url : h.server.url(url));
  for (const [key, value] of Object.entries(fields)) await field(popup, LABELS[key as keyof typeof LABELS]).fill(value);
  for (const k of keywords) await addKeyword(popup, k);
  expect(await clickSave(popup)).toBe('saved');
  await popup.close();
  await page.close();
}

/** A complete record for seeding the library, with `patch` over plain defaults. */
export function record(patch: Partial<RecordInput> & Pick<RecordInput, 'id' | 'title'>): RecordInput {
  const at = patch.createdAt ?? '2024-05-01T09:00:00.000Z';
  return {
    url: null,
    authors: [],
    publisher: null,
    publishedDate: null,
    place: null,
    literatureType: null,
    wordCount: null,
    keywords: [],
    summary: '',
    summarizedBy: null,
    section: null,
    language: 'en',
    createdAt: at,
    updatedAt: at,
    ...patch,
  };
}

/** Puts `records` in the library through its own import (a JSON export file), as a user restoring a backup. */
export async function seedLibrary(h: Harness, records: RecordInput[]) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'precis-seed-')), 'seed.json');
  fs.writeFileSync(file, JSON.stringify({ format: 'precis.records', version: 1, exportedAt: '2024-06-01T00:00:00.000Z', records }));
  const library = await h.browser.openExtensionPage('library.html', { viewport: { width: 1280, height: 800 } });
  await library.getByLabel('Import file').setInputFiles(file);
  const n = records.length;
  await library
    .getByRole('dialog', { name: 'Import preview' })
    .getByRole('button', { name: `Import ${n} record${n === 1 ? '' : 's'}`, exact: true })
    .click();
  await library.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
  await library.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

/** The form values of every unsaved draft in a `storage.local` snapshot. */
export const storedDrafts = (all: Record<string, any>): Array<Record<string, any>> =>
  Object.entries(all)
    .filter(([k, v]) => k.startsWith('unsavedEdits:') && v?.values)
    .map(([, v]) => v.values);

/**
 * Waits until `find` returns something (not null, undefined or false) for the extension's `storage.local`,
 * woken by storage changes: no polling, no sleep. Returns what `find` returned.
 */
export async function waitForStorage<T>(h: Harness, find: (all: Record<string, any>) => T | null | undefined | false, what: string, timeout = 10_000): Promise<T> {
  const helper = await h.browser.helper();
  // The storage as it is once it differs from `known` (at once if it already does): read after the listener
  // is in place, so no change between two reads goes unseen.
  const changedFrom = (known: string) =>
    helper.evaluate(
      (known) =>
        new Promise<Record<string, any>>((resolve) => {
          const storage = (globalThis as any).chrome.storage;
          const read = () =>
            storage.local.get(null).then((all: Record<string, any>) => {
              if (JSON.stringify(all) === known) return;
              storage.onChanged.removeListener(read);
              resolve(all);
            });
          storage.onChanged.addListener(read);
          void read();
        }),
      known,
    );
  let stop = false;
  let last: Record<string, any> = {};
  const search = (async () => {
    let known = '\u0000';
    while (!stop) {
      last = await changedFrom(known);
      known = JSON.stringify(last);
      const hit = find(last);
      if (hit !== null && hit !== undefined && hit !== false) return hit;
    }
    throw new Error('stopped');
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Waited ${timeout} ms for ${what}; storage: ${JSON.stringify(last).slice(0, 2000)}`)), timeout);
  });
  try {
    return await Promise.race([search, late]);
  } finally {
    stop = true;
    clearTimeout(timer);
  }
}

/** Waits until a stored draft's form values pass `match`; returns them. */
export const waitForStoredDraft = (h: Harness, match: (values: Record<string, any>) => boolean, timeout?: number) =>
  waitForStorage(h, (all) => storedDrafts(all).find(match), `a stored draft passing ${match.toString()}`, timeout);
