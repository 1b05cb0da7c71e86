// The library page on the e2e build: a clipped record is found by search, edited in place, and the edit
// is what gets exported.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LABELS, clickSave, exportJson, field, waitForExtraction } from '../../scripts/lib/popup.mjs';
import { RESULTS_DIR, SAMPLE, startHarness, type Harness } from './support';

let h: Harness;
let library: Page;

beforeAll(async () => {
  h = await startHarness('e2e');
  const { tabId } = await h.browser.openTab(h.server.url(SAMPLE.file));
  const popup = await h.browser.openPopup(tabId);
  expect(await waitForExtraction(popup)).toBe('filled');
  await field(popup, LABELS.summary).fill('First draft of the summary.');
  expect(await clickSave(popup)).toBe('saved');
  await popup.close();
  library = await h.browser.openExtensionPage('library.html');
});
afterAll(async () => {
  await h?.close();
});

const rows = () => library.getByRole('table').getByRole('row').filter({ hasText: SAMPLE.title });

describe('library', () => {
  it('finds the record by searching for its author, and hides it for other words', async () => {
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(1);
    await library.getByLabel('Search records').fill('lindqvist harbour');
    expect(await rows().count()).toBe(1);
    await library.getByLabel('Search records').fill('no-such-word');
    expect(await rows().count()).toBe(0);
    await library.getByLabel('Search records').fill('');
    expect(await rows().count()).toBe(1);
  });

  it('edits a saved record and exports the edited version', async () => {
    await library.getByRole('button', { name: `Edit ${SAMPLE.title}`, exact: true }).click();
    const editor = library.getByRole('form', { name: `Edit ${SAMPLE.title}` });
    expect(await field(library, LABELS.summary).inputValue()).toBe('First draft of the summary.');
    expect(await field(library, LABELS.author).inputValue()).toBe(SAMPLE.author);
    await field(library, LABELS.summary).fill('Revised summary.');
    await field(library, LABELS.place).fill('Gdańsk, Poland');
    await editor.getByRole('button', { name: 'Save changes', exact: true }).click();
    await expect.poll(() => library.getByRole('status').innerText(), { timeout: 10_000 }).toContain('Saved changes');
    expect(await editor.count()).toBe(0);

    const { data } = await exportJson(library, path.join(RESULTS_DIR, 'downloads-library-edit'));
    expect(data.records).toHaveLength(1);
    expect(data.records[0]).toMatchObject({ title: SAMPLE.title, summary: 'Revised summary.', place: 'Gdańsk, Poland' });
    expect(data.records[0].updatedAt > data.records[0].createdAt).toBe(true);
    // The clipped article text is stored apart from the listed record; an edit keeps it and exports carry it.
    expect(data.records[0].text).toMatch(/^When a ferry ties up for the night at a small harbour/);
  });

  it('refuses an edit that leaves the record without a title, and says why', async () => {
    await library.getByRole('button', { name: `Edit ${SAMPLE.title}`, exact: true }).click();
    await field(library, LABELS.title).fill('');
    await library.getByRole('button', { name: 'Save changes', exact: true }).click();
    await expect.poll(() => library.getByRole('list', { name: 'Problems to fix' }).innerText()).toContain('Title');
    await library.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(await rows().count()).toBe(1);
  });
});
