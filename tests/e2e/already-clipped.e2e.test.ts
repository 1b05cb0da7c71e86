// A page already in the library: the popup opens the saved record for editing (also when the address
// carries tracking parameters), Save updates it, and "Clip as new" starts a fresh record from the page.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LABELS, addKeyword, clickSave, exportJson, field, keywordTags, statusLine, waitForExtraction } from '../../scripts/lib/popup.mjs';
import { RESULTS_DIR, SAMPLE, startHarness, type Harness } from './support';

let h: Harness;
let articleUrl: string;

beforeAll(async () => {
  h = await startHarness('e2e');
  articleUrl = h.server.url(SAMPLE.file);
});
afterAll(async () => {
  await h?.close();
});

async function popupFor(url: string): Promise<Page> {
  const { tabId } = await h.browser.openTab(url);
  const popup = await h.browser.openPopup(tabId, { viewport: { width: 480, height: 900 } });
  expect(await waitForExtraction(popup)).toBe('filled');
  return popup;
}

/** Every record as stored, article texts included (the library's JSON export with the box ticked). */
async function exported(name: string) {
  const library = await h.browser.openExtensionPage('library.html', { viewport: { width: 1280, height: 800 } });
  await library.getByRole('table', { name: 'Records' }).getByRole('row').nth(1).waitFor();
  await library.getByLabel('Include article texts').check();
  const { records } = (await exportJson(library, path.join(RESULTS_DIR, `downloads-${name}`))).data;
  await library.close();
  return records as Array<Record<string, any>>;
}

describe('already clipped', () => {
  it('saves the page once', async () => {
    const popup = await popupFor(articleUrl);
    expect(await popup.getByRole('button', { name: 'Clip as new', exact: true }).count()).toBe(0);
    await field(popup, LABELS.summary).fill('First summary.');
    await field(popup, LABELS.place).fill('Hel, Poland');
    await addKeyword(popup, 'Quay electrification');
    expect(await clickSave(popup)).toBe('saved');
    await popup.close();
  });

  it('reopens on the saved record, found by its canonical address (utm_* ignored)', async () => {
    const popup = await popupFor(`${articleUrl}?utm_source=newsletter&utm_medium=email#comments`);
    await expect.poll(() => popup.locator('.clipped').innerText(), { timeout: 5_000 }).toMatch(/Already in your library/);
    expect(await field(popup, LABELS.summary).inputValue()).toBe('First summary.');
    expect(await field(popup, LABELS.place).inputValue()).toBe('Hel, Poland');
    expect(await keywordTags(popup)).toContain('Quay electrification');
    expect(await field(popup, LABELS.url).inputValue()).toBe(articleUrl);
    expect(await statusLine(popup).innerText()).toMatch(/Save updates it/);

    await field(popup, LABELS.summary).fill('Second summary.');
    // No "update or keep both" question: this form is that record.
    expect(await clickSave(popup)).toBe('saved');
    expect(await statusLine(popup).innerText()).toContain('updated the existing record');
    const records = await exported('clipped-update');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ summary: 'Second summary.', place: 'Hel, Poland', url: articleUrl });
    expect(records[0].keywords).toContain('Quay electrification');
    expect(records[0].text?.length ?? 0).toBeGreaterThan(1000);
    await popup.close();
  });

  it('"Clip as new" shows the fresh extraction, and saving it asks before keeping both', async () => {
    const popup = await popupFor(articleUrl);
    expect(await field(popup, LABELS.summary).inputValue()).toBe('Second summary.');
    await popup.getByRole('button', { name: 'Clip as new', exact: true }).click();
    await expect.poll(() => popup.locator('.clipped').count()).toBe(0);
    expect(await field(popup, LABELS.place).inputValue()).toBe('Gdańsk, Poland');
    expect(await keywordTags(popup)).not.toContain('Quay electrification');
    expect(await field(popup, LABELS.title).inputValue()).toBe(SAMPLE.title);
    await field(popup, LABELS.summary).fill('A second clip.');
    expect(await clickSave(popup)).toBe('duplicate');
    await popup.getByRole('alertdialog').getByRole('button', { name: 'Keep both', exact: true }).click();
    await expect.poll(() => statusLine(popup).innerText(), { timeout: 10_000 }).toContain('Saved');
    const records = await exported('clipped-new');
    expect(records.map((r) => r.summary).sort()).toEqual(['A second clip.', 'Second summary.']);
    await popup.close();
  });

  it('keeps typed edits of the saved record as a draft: "Draft restored · Discard" goes back to the record', async () => {
    let popup = await popupFor(articleUrl);
    // The newest record for the address is the one opened.
    expect(await field(popup, LABELS.summary).inputValue()).toBe('A second clip.');
    await field(popup, LABELS.summary).fill('Unsaved thoughts');
    await popup.waitForTimeout(600);
    await popup.close();

    popup = await popupFor(articleUrl);
    const line = popup.locator('.restored-line');
    await expect.poll(() => line.innerText()).toMatch(/Draft restored\s*·\s*Discard/);
    expect(await field(popup, LABELS.summary).inputValue()).toBe('Unsaved thoughts');
    // By keyboard: focus Discard, press Enter.
    await line.getByRole('button', { name: 'Discard', exact: true }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => line.count()).toBe(0);
    expect(await field(popup, LABELS.summary).inputValue()).toBe('A second clip.');
    await popup.waitForTimeout(600);
    await popup.close();

    popup = await popupFor(articleUrl);
    expect(await popup.locator('.restored-line').count()).toBe(0);
    expect(await field(popup, LABELS.summary).inputValue()).toBe('A second clip.');
    await popup.close();
  });
});
