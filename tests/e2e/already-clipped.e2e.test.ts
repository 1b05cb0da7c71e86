// A page already in the library: the popup opens the saved record for editing (also when the address
// carries tracking parameters), Save updates it, and "Clip as new" starts a fresh record from the page.
// Each test starts from a fresh install and clips what it needs.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LABELS, addKeyword, clickClipAsNew, clickSave, exportJson, field, keywordTags, statusLine, waitForExtraction } from '../../scripts/lib/popup.mjs';
import { SAMPLE, clip, openFilledPopup, testDir, useHarness, waitForStorage, storedDrafts } from './support';

const h = useHarness('e2e');
const articleUrl = () => h.server.url(SAMPLE.file);

const popupFor = async (url: string): Promise<Page> => (await openFilledPopup(h, url)).popup;

/** Every record as stored, article texts included (the library's JSON export with the box ticked). */
async function exported() {
  const library = await h.browser.openExtensionPage('library.html', { viewport: { width: 1280, height: 800 } });
  await library.getByRole('table', { name: 'Records' }).getByRole('row').nth(1).waitFor();
  await library.getByLabel('Include article texts').check();
  const { records } = (await exportJson(library, testDir())).data;
  await library.close();
  return records as Array<Record<string, any>>;
}

/** The page clipped once, with a summary, a place and a keyword of the user's. */
const clipOnce = () => clip(h, SAMPLE.file, { fields: { summary: 'First summary.', place: 'Hel, Poland' }, keywords: ['Quay electrification'] });

describe('already clipped', () => {
  it('saves a page not yet in the library as a new record', async () => {
    const popup = await popupFor(articleUrl());
    expect(await popup.getByRole('button', { name: 'Clip as new', exact: true }).count()).toBe(0);
    await field(popup, LABELS.summary).fill('First summary.');
    await addKeyword(popup, 'Quay electrification');
    expect(await clickSave(popup)).toBe('saved');
    const records = await exported();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ summary: 'First summary.', url: articleUrl() });
  });

  it('reopens on the saved record, found by its canonical address (utm_* ignored)', async () => {
    await clipOnce();
    const popup = await popupFor(`${articleUrl()}?utm_source=newsletter&utm_medium=email#comments`);
    await expect.poll(() => popup.locator('.clipped').innerText(), { timeout: 5_000 }).toMatch(/Already in your library/);
    expect(await field(popup, LABELS.summary).inputValue()).toBe('First summary.');
    expect(await field(popup, LABELS.place).inputValue()).toBe('Hel, Poland');
    expect(await keywordTags(popup)).toContain('Quay electrification');
    expect(await field(popup, LABELS.url).inputValue()).toBe(articleUrl());
    expect(await statusLine(popup).innerText()).toMatch(/Save updates it/);

    await field(popup, LABELS.summary).fill('Second summary.');
    // No "update or keep both" question: this form is that record.
    expect(await clickSave(popup)).toBe('saved');
    expect(await statusLine(popup).innerText()).toContain('updated the existing record');
    const records = await exported();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ summary: 'Second summary.', place: 'Hel, Poland', url: articleUrl() });
    expect(records[0].keywords).toContain('Quay electrification');
    expect(records[0].text?.length ?? 0).toBeGreaterThan(1000);
  });

  it('"Clip as new" shows the fresh extraction, and saving it asks before keeping both', async () => {
    await clipOnce();
    const popup = await popupFor(articleUrl());
    expect(await field(popup, LABELS.summary).inputValue()).toBe('First summary.');
    await clickClipAsNew(popup);
    await expect.poll(() => popup.locator('.clipped').count()).toBe(0);
    expect(await field(popup, LABELS.place).inputValue()).toBe('Gdańsk, Poland');
    expect(await keywordTags(popup)).not.toContain('Quay electrification');
    expect(await field(popup, LABELS.title).inputValue()).toBe(SAMPLE.title);
    await field(popup, LABELS.summary).fill('A second clip.');
    expect(await clickSave(popup)).toBe('duplicate');
    await popup.getByRole('alertdialog').getByRole('button', { name: 'Keep both', exact: true }).click();
    await expect.poll(() => statusLine(popup).innerText(), { timeout: 10_000 }).toContain('Saved');
    const records = await exported();
    expect(records.map((r) => r.summary).sort()).toEqual(['A second clip.', 'First summary.']);
  });

  it('keeps typed edits of the saved record as a draft: "Draft restored · Discard" goes back to the record', async () => {
    await clipOnce();
    let popup = await popupFor(articleUrl());
    expect(await field(popup, LABELS.summary).inputValue()).toBe('First summary.');
    await field(popup, LABELS.summary).fill('Unsaved thoughts');
    await popup.close();

    popup = await popupFor(articleUrl());
    const line = popup.locator('.restored-line');
    await expect.poll(() => line.innerText()).toMatch(/Draft restored\s*·\s*Discard/);
    expect(await field(popup, LABELS.summary).inputValue()).toBe('Unsaved thoughts');
    // By keyboard: focus Discard, press Enter.
    await line.getByRole('button', { name: 'Discard', exact: true }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => line.count()).toBe(0);
    expect(await field(popup, LABELS.summary).inputValue()).toBe('First summary.');
    await waitForStorage(h, (all) => storedDrafts(all).length === 0, 'the discarded draft gone from storage');
    await popup.close();

    popup = await popupFor(articleUrl());
    expect(await popup.locator('.restored-line').count()).toBe(0);
    expect(await field(popup, LABELS.summary).inputValue()).toBe('First summary.');
  });

  it('opens the newest of two records for the same page', async () => {
    await clipOnce();
    const popup = await popupFor(articleUrl());
    await clickClipAsNew(popup);
    await field(popup, LABELS.summary).fill('A second clip.');
    expect(await clickSave(popup)).toBe('duplicate');
    await popup.getByRole('alertdialog').getByRole('button', { name: 'Keep both', exact: true }).click();
    await expect.poll(() => statusLine(popup).innerText(), { timeout: 10_000 }).toContain('Saved');
    await popup.close();
    const again = await popupFor(articleUrl());
    expect(await field(again, LABELS.summary).inputValue()).toBe('A second clip.');
  });

  it('tells a second window that its page has just been saved, and its Save asks instead of adding a second record', async () => {
    const { popup: first, tabId } = await openFilledPopup(h, articleUrl());
    const second = await h.browser.openPopup(tabId, { viewport: { width: 480, height: 900 } });
    expect(await waitForExtraction(second)).toBe('filled');
    expect(await second.locator('.elsewhere-line').count()).toBe(0);
    expect(await clickSave(first)).toBe('saved');
    // Followed live: the other window's save reaches this one without a reload.
    await expect.poll(() => second.locator('.elsewhere-line').innerText(), { timeout: 10_000 }).toContain('just been saved in another window');
    expect(await clickSave(second)).toBe('duplicate');
    await second.getByRole('alertdialog').getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(await exported()).toHaveLength(1);
  });
});
