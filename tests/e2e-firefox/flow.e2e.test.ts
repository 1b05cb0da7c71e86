// The clip → save → export flow in Firefox ESR (e2e build, host permission for 127.0.0.1 only), driven by
// puppeteer-core over WebDriver BiDi. The build's background opens the library in a tab (installE2eHooks);
// from there the test opens the popup for the article's tab, as `popup.html?tabId=N`. Before every test the
// extension is brought back to a fresh install's state (ff.reset), so each test stands alone.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIXTURE_PAGES, ROOT } from '../../scripts/lib/browser.mjs';
import { waitForFunction } from '../../scripts/lib/firefox.mjs';
import { control, useFirefox } from './support';
import { serveDir, type StaticServer } from '../../scripts/lib/serve.mjs';

const SAMPLE = { file: 'sample-article.html', title: 'Plugging In at the Quay: Why Small Harbours Are Betting on Shore Power', publisher: 'The Harbour Review', date: '2024-03-18' };
const SUMMARY = 'Small Baltic ports wire their quays so ferries can switch off their engines.';

const h = useFirefox();
let server: StaticServer;
let hostile: StaticServer;

beforeAll(async () => {
  server = await serveDir(FIXTURE_PAGES);
  hostile = await serveDir(path.join(ROOT, 'tests/fixtures/hostile'), { htmlCharset: false });
});
afterAll(async () => {
  await server?.close();
  await hostile?.close();
});

/** Opens `url` in a tab of its own and the popup for that tab; returns the popup page. */
async function popupFor(url: string): Promise<Page> {
  const article = await h.ff.browser.newPage();
  await article.goto(url, { waitUntil: 'load' });
  const popupUrl = await h.library.evaluate(async (u) => {
    const ext = (globalThis as any).browser;
    // Match patterns take no port: compare addresses (visible to us through the test build's host permission).
    const tab = (await ext.tabs.query({})).find((t: { url?: string }) => t.url === u);
    const created = await ext.tabs.create({ url: `/popup.html?tabId=${tab.id}` });
    return `${location.origin}/popup.html?tabId=${tab.id}#${created.id}`;
  }, url);
  return h.ff.findPage(popupUrl.split('#')[0]);
}

const valueOf = async (page: Page, label: string) => (await control(page, label)).evaluate((el) => el.value);
const statusText = (page: Page) => page.evaluate(() => document.querySelector('[role=status]')?.textContent ?? '');
const clickButton = (page: Page, name: string) =>
  page.evaluate((n) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === n)?.click(), name);

/** The popup for the sample article, filled from the page. */
async function samplePopup(): Promise<Page> {
  const popup = await popupFor(server.url(SAMPLE.file));
  await waitForFunction(popup, (t) => [...document.querySelectorAll('input')].some((i) => i.value === t), { timeout: 20_000 }, SAMPLE.title);
  return popup;
}

/** Types the summary over the drafted one and saves. */
async function saveWithSummary(popup: Page) {
  const summary = await control(popup, 'Summary');
  // The drafter is loaded lazily after the form is shown; its draft starts with the article's lead.
  await waitForFunction(popup, (el) => el.value.startsWith('When a ferry ties up'), { timeout: 20_000 }, summary);
  await summary.evaluate((el) => el.select());
  await summary.type(SUMMARY);
  await clickButton(popup, 'Save');
  await waitForFunction(popup, () => /Saved/.test(document.querySelector('[role=status]')?.textContent ?? ''), { timeout: 10_000 });
}

describe('Firefox: clip → save → export (e2e build)', () => {
  it('opens the popup prefilled from the article', async () => {
    const popup = await samplePopup();
    expect(await valueOf(popup, 'Title')).toBe(SAMPLE.title);
    expect(await valueOf(popup, 'Organization/Publisher')).toBe(SAMPLE.publisher);
    expect(await valueOf(popup, 'Date')).toBe(SAMPLE.date);
    expect(await valueOf(popup, 'URL')).toBe(server.url(SAMPLE.file));
  });

  it('drafts the empty summary from the article, then saves the summary the user typed over it', async () => {
    const popup = await samplePopup();
    await saveWithSummary(popup);
    expect(await statusText(popup)).toMatch(/Saved/);
  });

  it('exports the saved record as precis-records-YYYY-MM-DD.json', async () => {
    const popup = await samplePopup();
    await saveWithSummary(popup);
    await clickButton(popup, 'Export JSON');
    const { value: data } = await h.ff.waitForDownload(/^precis-records-\d{4}-\d{2}-\d{2}\.json$/, (bytes) => JSON.parse(bytes.toString('utf8')));
    expect(data.format).toBe('precis.records');
    expect(data.records).toHaveLength(1);
    expect(data.records[0]).toMatchObject({ title: SAMPLE.title, url: server.url(SAMPLE.file), summary: SUMMARY });
  });

  it('finds the saved record in the library, searched by its worker-held index', async () => {
    await saveWithSummary(await samplePopup());
    // The library follows the save; its index is built in the worker.
    await waitForFunction(h.library, () => performance.getEntriesByName('precis:index-ready').length > 0, { timeout: 15_000 });
    await h.library.type('#search', 'harbours shore');
    await waitForFunction(h.library, 
      (title) =>
        document.querySelector('[role=table][aria-label=Records]')?.getAttribute('data-query') === 'harbours shore' &&
        [...document.querySelectorAll('[role=table][aria-label=Records] [role=row] .title')].map((e) => e.textContent).join('|') === title,
      { timeout: 10_000 },
      SAMPLE.title,
    );
    // Answered by the worker: the page did not fall back to indexing in its own thread.
    expect(await h.library.evaluate(() => performance.getEntriesByName('precis:search-in-page').length)).toBe(0);
  });

  it('a page that poisons its builtins is read correctly (Xray wrappers), and the popup stays inert', async () => {
    const page = await popupFor(hostile.url('poisoned-prototypes.html'));
    await waitForFunction(page, () => [...document.querySelectorAll('input')].some((i) => i.value === 'Tide Tables and Their Keepers'), { timeout: 20_000 });
    expect(await valueOf(page, 'Author')).toBe('Jonas Berg');
    expect(await valueOf(page, 'Date')).toBe('2023-11-02');
    expect(await page.evaluate(() => (window as any).__pwned ?? null)).toBeNull();
  });
});
