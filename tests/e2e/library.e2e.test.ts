// The library page on the e2e build. Every test starts from a fresh install holding the same two records
// (put there by the library's own import): found by search and by keyword, edited, deleted and restored,
// exported as CSV, RIS and JSON, emptied and imported back, and kept current while other pages change them.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LABELS, clickClipAsNew, clickSave, exportJson, field } from '../../scripts/lib/popup.mjs';
import { SAMPLE, SECOND, openFilledPopup, record, seedLibrary, testDir, useHarness } from './support';

const h = useHarness('e2e');
let library: Page;

const SAMPLE_TEXT = 'When a ferry ties up for the night at a small harbour, its auxiliary engines usually keep running.';
const SECOND_TEXT = 'On the southern shore of the lagoon, a line of wooden stakes marks where the reed beds stood.';

/** The two records every test starts with; the lagoon article was clipped last. */
const seeded = () => [
  record({
    id: 'rec-harbour',
    url: h.server.url(SAMPLE.file),
    title: SAMPLE.title,
    authors: [{ name: SAMPLE.author, affiliation: SAMPLE.affiliation }],
    publisher: SAMPLE.publisher,
    publishedDate: SAMPLE.date,
    keywords: ['Harbours'],
    summary: 'First draft of the summary.',
    place: 'Gdańsk, Poland',
    createdAt: '2024-05-01T09:00:00.000Z',
    text: SAMPLE_TEXT,
  }),
  record({
    id: 'rec-lagoon',
    url: h.server.url(SECOND.file),
    title: SECOND.title,
    authors: [{ name: SECOND.author, affiliation: null }],
    keywords: ['Lagoons'],
    summary: 'Wetland restoration instead of a sea wall.',
    createdAt: '2024-05-02T09:00:00.000Z',
    text: SECOND_TEXT,
  }),
];

beforeEach(async () => {
  await seedLibrary(h, seeded());
  library = await h.browser.openExtensionPage('library.html', { viewport: { width: 1280, height: 800 } });
});

const table = () => library.getByRole('table', { name: 'Records' });
/** Titles of the rows shown, in order. */
const titles = async () => {
  await table().waitFor();
  return table().getByRole('row').locator('.title').allInnerTexts();
};
const search = (words: string) => library.getByLabel('Search records').fill(words);
const status = () => library.getByRole('status').innerText();
const editorFor = (title: string) => library.getByRole('form', { name: `Edit ${title}` });

async function download(click: () => Promise<void>, dir: string): Promise<{ fileName: string; bytes: Buffer }> {
  const pending = library.waitForEvent('download', { timeout: 15_000 });
  await click();
  const d = await pending;
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return { fileName: d.suggestedFilename(), bytes: fs.readFileSync(file) };
}

describe('library', () => {
  it('lists both records, newest clipped first', async () => {
    await expect.poll(titles, { timeout: 10_000 }).toEqual([SECOND.title, SAMPLE.title]);
    expect(await library.locator('.backup').innerText()).toBe('Last export: never');
  });

  it('finds a record by author, ignoring accents and case, and hides it for other words', async () => {
    await expect.poll(titles, { timeout: 10_000 }).toHaveLength(2);
    await search('wisniewski');
    await expect.poll(titles).toEqual([SECOND.title]);
    await search('LINDQVIST harb');
    await expect.poll(titles).toEqual([SAMPLE.title]);
    await search('zyxwvut');
    await expect.poll(titles).toEqual([]);
    await search('');
    await expect.poll(titles).toEqual([SECOND.title, SAMPLE.title]);
    // The index ran in its Web Worker: the page never fell back to indexing in its own thread.
    await expect.poll(() => library.evaluate(() => performance.getEntriesByName('precis:index-ready').length)).toBe(1);
    expect(await library.evaluate(() => performance.getEntriesByName('precis:search-in-page').length)).toBe(0);
  });

  it('filters by a keyword, keeps the filter in the URL and restores it on reload', async () => {
    const box = library.getByLabel('With keywords', { exact: true });
    await box.fill('Lagoons');
    await box.press('Enter');
    await expect.poll(titles).toEqual([SECOND.title]);
    expect(new URL(library.url()).searchParams.getAll('kw')).toEqual(['Lagoons']);
    await library.reload();
    await expect.poll(titles, { timeout: 10_000 }).toEqual([SECOND.title]);
    await library.getByRole('button', { name: 'Clear filters', exact: true }).click();
    await expect.poll(titles).toEqual([SECOND.title, SAMPLE.title]);
    expect(new URL(library.url()).search).toBe('');
  });

  it('moves through rows with the keyboard, opens one with Enter and closes it with Escape at once', async () => {
    await expect.poll(titles, { timeout: 10_000 }).toHaveLength(2);
    await table().getByRole('row').nth(1).focus();
    await library.keyboard.press('ArrowDown');
    // Escape straight after Enter, before the editor has been painted: it still closes the editor.
    await library.keyboard.press('Enter');
    await library.keyboard.press('Escape');
    await expect.poll(() => library.getByRole('form').count()).toBe(0);
    // The focus went back to the row the editor was opened from: Enter opens it again.
    await library.keyboard.press('Enter');
    await expect.poll(() => editorFor(SAMPLE.title).count()).toBe(1);
    expect(await field(library, LABELS.title).evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('starts each new search at the top of the list, however far down it was scrolled', async () => {
    // 120 more records, the newest last; every third one mentions reed beds.
    const more = Array.from({ length: 120 }, (_, i) =>
      record({
        id: `rec-more-${i}`,
        title: `Survey ${String(i).padStart(3, '0')}${i % 3 === 0 ? ' of reed beds' : ''}`,
        createdAt: new Date(Date.UTC(2024, 6, 1) + i * 3_600_000).toISOString(),
      }),
    );
    await seedLibrary(h, more);
    await expect.poll(() => table().getAttribute('aria-rowcount'), { timeout: 10_000 }).toBe('123');
    const viewport = library.locator('.record-viewport');
    await viewport.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(titles).toContain(SAMPLE.title);
    const firstRow = async () => (await titles())[0];
    await search('reed');
    await expect.poll(() => table().getAttribute('data-query')).toBe('reed');
    await expect.poll(firstRow).toMatch(/of reed beds$/);
    expect(await viewport.evaluate((el) => el.scrollTop)).toBe(0);
    // Down the hits, then other words: back at the top, and the arrow keys start again from the first row.
    const topHit = await firstRow();
    await viewport.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(async () => (await titles()).includes(topHit)).toBe(false);
    await search('survey');
    await expect.poll(() => table().getAttribute('data-query')).toBe('survey');
    expect(await viewport.evaluate((el) => el.scrollTop)).toBe(0);
    await table().getByRole('row').nth(1).focus();
    await library.keyboard.press('ArrowDown');
    await expect.poll(() => library.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('1');
  });

  it('closes the editor with Escape wherever the focus is: the list, the search box', async () => {
    await library.getByRole('button', { name: `Edit ${SAMPLE.title}`, exact: true }).click();
    await editorFor(SAMPLE.title).waitFor();
    // The user clicks back into the list, then presses Escape: the editor closes.
    await table().getByRole('row').nth(2).click();
    await library.keyboard.press('Escape');
    await expect.poll(() => library.getByRole('form').count()).toBe(0);
    // From the search box too.
    await library.getByRole('button', { name: `Edit ${SECOND.title}`, exact: true }).click();
    await editorFor(SECOND.title).waitFor();
    await library.getByLabel('Search records').click();
    await library.keyboard.press('Escape');
    await expect.poll(() => library.getByRole('form').count()).toBe(0);
  });

  it('edits a saved record in the popup’s form', async () => {
    await library.getByRole('button', { name: `Edit ${SAMPLE.title}`, exact: true }).click();
    const editor = editorFor(SAMPLE.title);
    expect(await field(library, LABELS.summary).inputValue()).toBe('First draft of the summary.');
    expect(await field(library, LABELS.author).inputValue()).toBe(SAMPLE.author);
    await field(library, LABELS.summary).fill('Revised summary.');
    await field(library, LABELS.place).fill('Hel, Poland');
    await editor.getByRole('button', { name: 'Save changes', exact: true }).click();
    await expect.poll(status, { timeout: 10_000 }).toContain('Saved changes');
    expect(await editor.count()).toBe(0);
    // The index follows the edit: the new summary is searchable at once.
    await search('revised');
    await expect.poll(titles).toEqual([SAMPLE.title]);
    // And it is stored: a new page shows it.
    await library.reload();
    await library.getByRole('button', { name: `Edit ${SAMPLE.title}`, exact: true }).click();
    expect(await field(library, LABELS.place).inputValue()).toBe('Hel, Poland');
  });

  it('refuses an edit that leaves the record without a title, and says why', async () => {
    await library.getByRole('button', { name: `Edit ${SAMPLE.title}`, exact: true }).click();
    await field(library, LABELS.title).fill('');
    await library.getByRole('button', { name: 'Save changes', exact: true }).click();
    await expect.poll(() => library.getByRole('list', { name: 'Problems to fix' }).innerText()).toContain('Title');
    await library.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(titles).toEqual([SECOND.title, SAMPLE.title]);
  });

  it('deletes a record and brings it back, article text and all, with Undo', async () => {
    await library.getByRole('button', { name: `Delete ${SECOND.title}`, exact: true }).click();
    await expect.poll(titles).toEqual([SAMPLE.title]);
    expect(await status()).toContain('Deleted');
    await library.getByRole('status').getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(titles).toEqual([SECOND.title, SAMPLE.title]);
    await library.getByLabel('Include article texts').check();
    const { data } = await exportJson(library, testDir());
    expect(data.records.map((r: { text?: string }) => r.text)).toEqual([SECOND_TEXT, SAMPLE_TEXT]);
  });

  it('renames a keyword everywhere from the keywords view', async () => {
    await library.getByRole('button', { name: /^Keywords \(\d+\)$/ }).click();
    await library.getByRole('button', { name: 'Rename or merge Lagoons', exact: true }).click();
    await library.getByLabel('New name for Lagoons').fill('Lagoon restoration');
    await library.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect.poll(status).toContain('Renamed “Lagoons” to “Lagoon restoration” in 1 record');
    await library.getByRole('button', { name: 'Show records with Lagoon restoration', exact: true }).click();
    await expect.poll(titles).toEqual([SECOND.title]);
  });

  it('exports CSV with a byte-order mark, RIS with a KW line per keyword, and JSON without, then with, the article texts', async () => {
    const dir = testDir();
    await expect.poll(titles, { timeout: 10_000 }).toHaveLength(2);
    await library.getByLabel('Export format').selectOption('csv');
    const csv = await download(() => library.getByRole('button', { name: 'Export CSV', exact: true }).click(), dir);
    expect(csv.fileName).toMatch(/^precis-records-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8');
    expect(text).toContain(SAMPLE.title);
    expect(text).toContain(SECOND.title);

    // RIS, for Zotero and EndNote: each keyword its own KW line (a tag in Zotero).
    await library.getByLabel('Export format').selectOption('ris');
    const ris = await download(() => library.getByRole('button', { name: 'Export RIS', exact: true }).click(), dir);
    expect(ris.fileName).toMatch(/^precis-records-\d{4}-\d{2}-\d{2}\.ris$/);
    const risText = ris.bytes.toString('utf8');
    expect(risText).toContain(`TI  - ${SECOND.title}\r\n`);
    expect(risText).toContain('KW  - Lagoons\r\n');
    expect(risText.match(/^ER {2}- $/gm)).toHaveLength(2);

    await library.getByLabel('Export format').selectOption('json');
    // By default the records as the seed example has them (no "text"); ticked, a full backup with the texts.
    const withTexts = library.getByLabel('Include article texts');
    expect(await withTexts.isChecked()).toBe(false);
    const { data: short } = await exportJson(library, path.join(dir, 'without-texts'));
    await withTexts.check();
    const { data } = await exportJson(library, dir);
    expect(data.records.map((r: { title: string }) => r.title)).toEqual([SECOND.title, SAMPLE.title]);
    expect(data.records[1]).toMatchObject({ summary: 'First draft of the summary.', place: 'Gdańsk, Poland', text: SAMPLE_TEXT });
    expect(data.records[0]).toMatchObject({ keywords: ['Lagoons'], text: SECOND_TEXT });
    expect(await library.locator('.backup').innerText()).toBe('Last export: today');
    expect(short.records).toEqual(data.records.map(({ text: _text, ...rest }: { text?: string }) => rest));
  });

  it('empties the library, imports the JSON export back and finds everything as it was', async () => {
    const dir = testDir();
    // A full backup, article texts included, so that "as it was" covers the texts too.
    await expect.poll(titles, { timeout: 10_000 }).toHaveLength(2);
    await library.getByLabel('Include article texts').check();
    const { file, data: before } = await exportJson(library, path.join(dir, 'before-clear'));
    expect(before.records.every((r: { text?: string }) => r.text)).toBe(true);
    await library.getByLabel('Select all 2 in view').check();
    await library.getByRole('button', { name: 'Delete selected', exact: true }).click();
    await expect.poll(titles).toEqual([]);
    await library.reload();
    await expect.poll(() => library.getByText('No records yet').count(), { timeout: 10_000 }).toBe(1);

    await library.getByLabel('Import file').setInputFiles(file);
    const preview = library.getByRole('dialog', { name: 'Import preview' });
    await expect.poll(() => preview.innerText(), { timeout: 10_000 }).toContain('2 new, 0 identical, 0 newer, 0 older');
    // The preview lies inside the window, whatever line the header has wrapped the Import button onto.
    const box = (await preview.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(library.viewportSize()!.width);
    await preview.getByRole('button', { name: 'Import 2 records', exact: true }).click();
    await expect.poll(titles, { timeout: 10_000 }).toEqual([SECOND.title, SAMPLE.title]);
    expect(await status()).toContain('Imported');

    await search('wisniewski lagoon');
    await expect.poll(titles).toEqual([SECOND.title]);
    await search('');
    await library.getByLabel('Include article texts').check();
    const { data: after } = await exportJson(library, path.join(dir, 'after-import'));
    expect(after.records).toEqual(before.records);
  });

  it('shows an import’s progress: reading the file, checking its records, then writing them in steps', async () => {
    await expect.poll(titles, { timeout: 10_000 }).toHaveLength(2);
    const many = Array.from({ length: 2_000 }, (_, i) => record({ id: `bulk-${String(i).padStart(4, '0')}`, title: `Bulk record ${i}`, createdAt: '2023-01-01T00:00:00.000Z' }));
    const file = path.join(testDir('import'), 'two-thousand.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'precis.records', version: 1, exportedAt: '2024-06-01T00:00:00.000Z', records: many }));
    // Every state of the progress bars, as the page's own DOM changes show them (nothing is sampled by time).
    await library.evaluate(() => {
      const seen: string[] = ((window as any).progressSeen = []);
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('progress')) {
          const state = `${bar.getAttribute('aria-label')} ${bar.getAttribute('value')}/${bar.getAttribute('max')}`;
          if (seen.at(-1) !== state) seen.push(state);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await library.getByLabel('Import file').setInputFiles(file);
    const preview = library.getByRole('dialog', { name: 'Import preview' });
    await preview.getByRole('button', { name: 'Import 2000 records', exact: true }).click();
    await library.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 20_000 });
    const seen: string[] = await library.evaluate(() => (window as any).progressSeen);
    const of = (label: string) => seen.filter((s) => s.startsWith(label)).map((s) => Number(s.slice(label.length).split('/')[0]));
    expect(of('Reading “two-thousand.json”… ').length).toBeGreaterThan(0);
    expect(of('Checking “two-thousand.json”… ').length).toBeGreaterThan(0);
    // Written 500 records at a time: a quarter, a half, three quarters, all.
    const writing = of('Importing “two-thousand.json”… ');
    expect(writing).toEqual(expect.arrayContaining([25, 50, 75]));
    expect(writing).toEqual([...writing].sort((a, b) => a - b));
    expect(seen.every((s) => s.endsWith('/100'))).toBe(true);
    expect(await library.locator('progress').count()).toBe(0);
    await expect.poll(() => table().getAttribute('aria-rowcount')).toBe(String(2_000 + 2 + 1));
  });

  it('shows a clear message for a file that is not an export, and changes nothing', async () => {
    const bad = path.join(testDir('import'), 'not-an-export.json');
    fs.writeFileSync(bad, '{"hello": "world"}');
    await expect.poll(titles, { timeout: 10_000 }).toHaveLength(2);
    await library.getByLabel('Import file').setInputFiles(bad);
    const alert = library.getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 10_000 }).toContain('Nothing was changed');
    await expect.poll(titles).toEqual([SECOND.title, SAMPLE.title]);
  });

  it('follows a record edited in the popup while the library is open, without a reload', async () => {
    await expect.poll(titles, { timeout: 10_000 }).toHaveLength(2);
    const { popup } = await openFilledPopup(h, h.server.url(SAMPLE.file));
    await field(popup, LABELS.summary).fill('Edited in the popup while the library was open.');
    expect(await clickSave(popup)).toBe('saved');
    await popup.close();
    await search('edited popup');
    await expect.poll(titles, { timeout: 10_000 }).toEqual([SAMPLE.title]);
    await search('');
    await expect.poll(titles).toEqual([SECOND.title, SAMPLE.title]);
  });

  it('follows a record added in the popup and deleted in another library tab', async () => {
    await expect.poll(titles, { timeout: 10_000 }).toHaveLength(2);
    const { popup } = await openFilledPopup(h, h.server.url(SAMPLE.file));
    await clickClipAsNew(popup);
    await field(popup, LABELS.summary).fill('A second clip of the harbour article.');
    expect(await clickSave(popup)).toBe('duplicate');
    await popup.getByRole('alertdialog').getByRole('button', { name: 'Keep both', exact: true }).click();
    await expect.poll(() => popup.getByRole('status').innerText(), { timeout: 10_000 }).toContain('Saved');
    await popup.close();
    await expect.poll(titles, { timeout: 10_000 }).toEqual([SAMPLE.title, SECOND.title, SAMPLE.title]);
    // The export, made from the list once it is current, has the record added elsewhere.
    const dir = testDir();
    const { data: followed } = await exportJson(library, path.join(dir, 'after-follow'));
    expect(followed.records.map((r: { summary: string }) => r.summary)[0]).toBe('A second clip of the harbour article.');
    expect(followed.records).toHaveLength(3);

    const other = await h.browser.openExtensionPage('library.html', { viewport: { width: 1280, height: 800 } });
    const newest = other.getByRole('table', { name: 'Records' }).getByRole('row').nth(1);
    await newest.waitFor();
    await newest.getByRole('button', { name: `Delete ${SAMPLE.title}`, exact: true }).click();
    await expect.poll(() => other.getByRole('status').innerText(), { timeout: 10_000 }).toContain('Deleted');
    await other.close();
    await expect.poll(titles, { timeout: 10_000 }).toEqual([SECOND.title, SAMPLE.title]);
    const { data: afterDelete } = await exportJson(library, path.join(dir, 'after-follow-delete'));
    expect(afterDelete.records.map((r: { title: string }) => r.title)).toEqual([SECOND.title, SAMPLE.title]);
  });

  it('shows its notices beside the open editor, never over the editor’s buttons', async () => {
    await expect.poll(titles, { timeout: 10_000 }).toHaveLength(2);
    await exportJson(library, testDir());
    await library.getByRole('button', { name: `Edit ${SECOND.title}`, exact: true }).click();
    await editorFor(SECOND.title).waitFor();
    expect(await library.locator('.toast').innerText()).toMatch(/^Exported/);
    const [toastBox, panelBox] = [await library.locator('.toast').boundingBox(), await library.locator('.editor-panel').boundingBox()];
    expect(toastBox!.x + toastBox!.width).toBeLessThanOrEqual(panelBox!.x);
  });

  it('warns when a record open in the editor or the popup is saved elsewhere, and asks before replacing that version', async () => {
    await library.getByRole('button', { name: `Edit ${SECOND.title}`, exact: true }).click();
    const editor = editorFor(SECOND.title);
    await editor.waitFor();
    const { popup } = await openFilledPopup(h, h.server.url(SECOND.file));
    // Both opened the same version; the popup saves first.
    await field(popup, LABELS.summary).fill('Kestrel: the popup’s version.');
    expect(await clickSave(popup)).toBe('saved');
    await expect.poll(() => editor.getByRole('status').innerText(), { timeout: 10_000 }).toContain('has been changed since you opened it here');

    // The library's save asks; declining keeps the edits in the editor and the popup's version stored.
    await field(library, LABELS.summary).fill('Heron: the library’s version.');
    const asked: string[] = [];
    library.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await editor.getByRole('button', { name: 'Save changes', exact: true }).click();
    await expect.poll(() => editor.getByRole('list', { name: /problem/i }).innerText(), { timeout: 10_000 }).toContain('you kept the other version');
    expect(asked).toEqual([`“${SECOND.title}” has been changed since you opened it here. Replace that version with yours?`]);
    expect(await field(library, LABELS.summary).inputValue()).toBe('Heron: the library’s version.');
    await search('kestrel');
    await expect.poll(titles, { timeout: 10_000 }).toEqual([SECOND.title]);

    // Accepting replaces it.
    library.once('dialog', (d) => void d.accept());
    await editor.getByRole('button', { name: 'Save changes', exact: true }).click();
    await expect.poll(() => editor.count(), { timeout: 10_000 }).toBe(0);
    await search('heron');
    await expect.poll(titles, { timeout: 10_000 }).toEqual([SECOND.title]);

    // The popup still holds the version it saved: its next save is refused once, with its edits kept, then goes through.
    await field(popup, LABELS.summary).fill('Osprey: the popup’s second version.');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => popup.getByRole('status').first().innerText(), { timeout: 10_000 }).toContain('was changed in the library after this popup opened it');
    expect(await field(popup, LABELS.summary).inputValue()).toBe('Osprey: the popup’s second version.');
    expect(await clickSave(popup)).toBe('saved');
    await popup.close();
    await search('osprey');
    await expect.poll(titles, { timeout: 10_000 }).toEqual([SECOND.title]);
  });
});
