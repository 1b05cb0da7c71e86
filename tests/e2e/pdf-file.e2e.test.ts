// "Clip a PDF file…" on the library page: a PDF from disk opens the popup's form filled in, Save adds the record;
// a file that is not a PDF, or an encrypted one, says so and changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LABELS, field, sourceHint } from '../../scripts/lib/popup.mjs';
import { testDir, useHarness } from './support';
import { REPORT, reportPdf } from './pdf-fixture';
import { makePdf } from '../unit/pdf/make-pdf';

const h = useHarness('e2e');

async function openLibrary(): Promise<Page> {
  return h.browser.openExtensionPage('library.html', { viewport: { width: 1280, height: 900 } });
}

/** Chooses `file` as the "Clip a PDF file…" button's file chooser would. */
async function choosePdf(library: Page, file: string) {
  const chooser = library.waitForEvent('filechooser');
  await library.getByRole('button', { name: 'Clip a PDF file…' }).click();
  await (await chooser).setFiles(file);
}

describe('Clip a PDF file… in the library', () => {
  it('opens the form filled in from the PDF, and Save adds the record to the list', async () => {
    const dir = testDir('pdf');
    const file = path.join(dir, 'shore-power.pdf');
    fs.writeFileSync(file, await reportPdf());
    const library = await openLibrary();
    await choosePdf(library, file);

    const form = library.getByRole('complementary', { name: 'New record from a PDF' });
    await expect.poll(() => field(form as never, LABELS.title).inputValue(), { timeout: 20_000 }).toBe(REPORT.title);
    // The word count arrives once every page is read.
    await expect.poll(async () => Number(await field(form as never, LABELS.wordCount).inputValue()), { timeout: 20_000 }).toBeGreaterThan(1500);
    expect(await field(form as never, LABELS.author).inputValue()).toBe(REPORT.author);
    expect(await field(form as never, LABELS.publisher).inputValue()).toBe(REPORT.publisher);
    expect(await field(form as never, LABELS.date).inputValue()).toBe(REPORT.date);
    expect(await sourceHint(form as never, LABELS.date)).toBe('from the first page');
    await field(form as never, LABELS.summary).fill('Costs of shore power, port by port.');
    await form.getByRole('button', { name: 'Save' }).click();

    await library.getByRole('status').filter({ hasText: `Saved “${REPORT.title}”` }).waitFor();
    expect(await form.count()).toBe(0);
    const row = library.getByRole('table', { name: 'Records' }).getByRole('row').filter({ hasText: REPORT.title });
    await expect.poll(() => row.count()).toBe(1);
  });

  it('says so for a file that is not a PDF and for an encrypted PDF, and opens no form', async () => {
    const dir = testDir('pdf');
    const image = path.join(dir, 'scan.pdf');
    fs.writeFileSync(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const locked = path.join(dir, 'locked.pdf');
    fs.writeFileSync(locked, await makePdf({ pages: [{ texts: [{ text: 'Secret', x: 72, y: 700, size: 20 }] }], encrypted: true }));
    const library = await openLibrary();

    await choosePdf(library, image);
    await library.getByRole('status').filter({ hasText: 'scan.pdf: This file is not a PDF.' }).waitFor();
    await choosePdf(library, locked);
    await library.getByRole('status').filter({ hasText: 'locked.pdf: This PDF is protected by a password' }).waitFor();
    expect(await library.getByRole('complementary', { name: 'New record from a PDF' }).count()).toBe(0);
  });
});
