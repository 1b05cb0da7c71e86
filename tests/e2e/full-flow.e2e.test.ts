// The whole user flow on the e2e build (host permission for http://127.0.0.1/* only, so no click is
// needed), one step per test, each from a fresh install: prefilled popup, keywords, summary, save,
// remembered summarizer, library, duplicate URL, export JSON read back.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  LABELS,
  addKeyword,
  clickClipAsNew,
  clickSave,
  exportJson,
  field,
  keywordList,
  keywordTags,
  localDate,
  readForm,
  statusLine,
  summarizerField,
  waitForExtraction,
} from '../../scripts/lib/popup.mjs';
import { RESULTS_DIR, ROOT, SAMPLE, testDir, useHarness } from './support';

const SUMMARY =
  'Small municipal ports on the Baltic are wiring their quays so moored ferries can switch off their engines. ' +
  'The motives are local (soot, noise), the costs sit mostly in grid reinforcement, and regulation aimed at ' +
  'large ports is pulling the ferries, and so the small harbours, along.';
const SUMMARIZER = { name: 'Ada Okafor', role: 'Research Associate' };
// Narrow like the real popup; short, so the full-page screenshot is as tall as the content.
const POPUP_VIEWPORT = { width: 480, height: 600 };

const h = useHarness('e2e');
const articleUrl = () => h.server.url(SAMPLE.file);

async function popupForArticle(viewport = POPUP_VIEWPORT): Promise<Page> {
  const { tabId } = await h.browser.openTab(articleUrl());
  const popup = await h.browser.openPopup(tabId, { viewport });
  expect(await waitForExtraction(popup)).toBe('filled');
  return popup;
}

/** The user's own record of the article: keywords, summary and summarizer, saved. Leaves the popup open. */
async function clipWithSummary(): Promise<Page> {
  const popup = await popupForArticle();
  for (const tag of ['Harbours', 'Baltic Sea']) await addKeyword(popup, tag);
  await field(popup, LABELS.summary).fill(SUMMARY);
  await summarizerField(popup, 'Name').fill(SUMMARIZER.name);
  await summarizerField(popup, 'Role').fill(SUMMARIZER.role);
  expect(await clickSave(popup)).toBe('saved');
  return popup;
}

async function libraryRows(library: Page, title: string) {
  const table = library.getByRole('table');
  await table.waitFor({ timeout: 10_000 });
  return table.getByRole('row').filter({ hasText: title });
}

describe('clip → save → export (e2e build)', () => {
  it('opens the popup prefilled from the article', async () => {
    const popup = await popupForArticle();
    const form = await readForm(popup);
    expect(form.title).toBe(SAMPLE.title);
    expect(form.publisher).toBe(SAMPLE.publisher);
    expect(form.date).toBe(SAMPLE.date);
    expect(form.url).toBe(articleUrl());
  });

  it('adds keywords with Enter and comma, and Backspace removes the last one', async () => {
    const popup = await popupForArticle();
    const initial = await keywordTags(popup);
    await addKeyword(popup, 'Harbours', 'Enter');
    expect(await keywordTags(popup)).toEqual([...initial, 'Harbours']);
    await addKeyword(popup, 'Grid', ',');
    expect(await keywordTags(popup)).toEqual([...initial, 'Harbours', 'Grid']);
    expect(await field(popup, LABELS.keywords).inputValue()).toBe('');
    await field(popup, LABELS.keywords).press('Backspace');
    expect(await keywordTags(popup)).toEqual([...initial, 'Harbours']);
    await addKeyword(popup, 'Baltic Sea');
    const tags = await keywordTags(popup);
    expect(tags).toEqual([...initial, 'Harbours', 'Baltic Sea']);
    // Each tag has its own remove button, named for the tag.
    expect(await keywordList(popup).getByRole('button', { name: 'Remove Baltic Sea', exact: true }).count()).toBe(1);
  });

  it('fills summary and summarizer, saves a screenshot of the filled popup, saves and confirms in the status line', async () => {
    const popup = await popupForArticle();
    for (const tag of ['Harbours', 'Baltic Sea']) await addKeyword(popup, tag);
    await field(popup, LABELS.summary).fill(SUMMARY);
    await summarizerField(popup, 'Name').fill(SUMMARIZER.name);
    await summarizerField(popup, 'Role').fill(SUMMARIZER.role);
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const shot = path.join(RESULTS_DIR, 'popup-filled.png');
    // Grow the viewport to the content (a sticky button bar would be repeated by a full-page screenshot).
    const height = await popup.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
    await popup.setViewportSize({ width: POPUP_VIEWPORT.width, height: Math.min(height, 2000) });
    await popup.screenshot({ path: shot });
    await popup.setViewportSize(POPUP_VIEWPORT);
    // The README's screenshot is refreshed on request only, so a test run leaves the work tree clean.
    if (process.env.UPDATE_SCREENSHOT) fs.copyFileSync(shot, path.join(ROOT, 'docs', 'popup.png'));
    expect(fs.statSync(shot).size).toBeGreaterThan(5_000);

    expect(await clickSave(popup)).toBe('saved');
    expect(await statusLine(popup).first().innerText()).toContain('Saved');
  });

  it('remembers the summarizer for the next record', async () => {
    await clipWithSummary();
    const { tabId } = await h.browser.openTab(h.server.url('second-article.html'));
    const next = await h.browser.openPopup(tabId, { viewport: POPUP_VIEWPORT });
    expect(await waitForExtraction(next)).toBe('filled');
    await expect.poll(() => summarizerField(next, 'Name').inputValue(), { timeout: 5_000 }).toBe(SUMMARIZER.name);
    expect(await summarizerField(next, 'Role').inputValue()).toBe(SUMMARIZER.role);
  });

  it('lists the record in the library', async () => {
    const popup = await clipWithSummary();
    expect(await popup.getByRole('link', { name: 'Open library', exact: true }).getAttribute('href')).toMatch(/library\.html$/);
    const library = await h.browser.openExtensionPage('library.html');
    await expect.poll(async () => (await libraryRows(library, SAMPLE.title)).count(), { timeout: 10_000 }).toBe(1);
  });

  it('asks "update or keep both" when the same URL is clipped as new and saved again', async () => {
    const popup = await clipWithSummary();
    // The popup now edits the saved record; "Clip as new" starts again from the page.
    const clipAsNew = async () => {
      await clickClipAsNew(popup);
      for (const tag of ['Harbours', 'Baltic Sea']) if (!(await keywordTags(popup)).includes(tag)) await addKeyword(popup, tag);
      await field(popup, LABELS.summary).fill(SUMMARY + ' (updated)');
    };
    await clipAsNew();
    expect(await clickSave(popup)).toBe('duplicate');
    const dialog = popup.getByRole('alertdialog');
    expect(await dialog.innerText()).toMatch(/already saved/);
    for (const name of ['Update existing', 'Keep both', 'Cancel']) {
      expect(await dialog.getByRole('button', { name, exact: true }).count(), `button "${name}"`).toBe(1);
    }
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => popup.getByRole('alertdialog').count()).toBe(0);

    // Update existing: still one record, now with the new summary.
    expect(await clickSave(popup)).toBe('duplicate');
    await popup.getByRole('alertdialog').getByRole('button', { name: 'Update existing', exact: true }).click();
    await expect.poll(async () => (await statusLine(popup).first().innerText()).includes('Saved'), { timeout: 10_000 }).toBe(true);
    let library = await h.browser.openExtensionPage('library.html');
    await expect.poll(async () => (await libraryRows(library, SAMPLE.title)).count(), { timeout: 10_000 }).toBe(1);
    await library.close();

    // Keep both: two records for the URL.
    await clipAsNew();
    expect(await clickSave(popup)).toBe('duplicate');
    await popup.getByRole('alertdialog').getByRole('button', { name: 'Keep both', exact: true }).click();
    await expect.poll(async () => (await statusLine(popup).first().innerText()).includes('Saved'), { timeout: 10_000 }).toBe(true);
    library = await h.browser.openExtensionPage('library.html');
    await expect.poll(async () => (await libraryRows(library, SAMPLE.title)).count(), { timeout: 10_000 }).toBe(2);

    const { data } = await exportJson(popup, testDir());
    expect(data.records.map((r: { summary: string }) => r.summary)).toEqual([SUMMARY + ' (updated)', SUMMARY + ' (updated)']);
  });

  it('exports every record as precis-records-YYYY-MM-DD.json in the documented envelope', async () => {
    const popup = await clipWithSummary();
    const before = Date.now();
    const { fileName, data } = await exportJson(popup, testDir());
    expect(fileName).toMatch(/^precis-records-\d{4}-\d{2}-\d{2}\.json$/);
    expect([localDate(new Date(before)), localDate()]).toContain(fileName.slice('precis-records-'.length, -'.json'.length));

    expect(data.format).toBe('precis.records');
    expect(data.version).toBe(1);
    expect(Number.isNaN(Date.parse(data.exportedAt))).toBe(false);
    expect(Array.isArray(data.records)).toBe(true);
    expect(data.records).toHaveLength(1);

    const [r] = data.records;
    expect(r.url).toBe(articleUrl());
    expect(r.title).toBe(SAMPLE.title);
    expect(r.authors).toEqual(expect.arrayContaining([expect.objectContaining({ name: SAMPLE.author })]));
    for (const a of r.authors) expect(Object.keys(a)).toEqual(expect.arrayContaining(['name', 'affiliation']));
    expect(r.publisher).toBe(SAMPLE.publisher);
    expect(r.publishedDate).toMatch(new RegExp(`^${SAMPLE.date}`));
    expect(r.keywords).toEqual(expect.arrayContaining(['Harbours', 'Baltic Sea']));
    expect(r.summary).toBe(SUMMARY);
    expect(r.summarizedBy).toEqual({ name: SUMMARIZER.name, role: SUMMARIZER.role });
    expect(r.language).toMatch(SAMPLE.language);
    expect(typeof r.wordCount).toBe('number');
    expect(r.wordCount).toBeGreaterThan(400);
    for (const key of ['id', 'place', 'literatureType', 'section', 'createdAt', 'updatedAt']) expect(r, key).toHaveProperty(key);
  });

  it('exports from the library page too', async () => {
    await clipWithSummary();
    const library = await h.browser.openExtensionPage('library.html');
    await expect.poll(async () => (await libraryRows(library, SAMPLE.title)).count(), { timeout: 10_000 }).toBe(1);
    const { fileName, data } = await exportJson(library, testDir());
    expect(fileName).toMatch(/^precis-records-\d{4}-\d{2}-\d{2}\.json$/);
    expect(data.format).toBe('precis.records');
    expect(data.records).toHaveLength(1);
  });
});
