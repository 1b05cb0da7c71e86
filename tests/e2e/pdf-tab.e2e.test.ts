// A PDF open in a tab, on the production build (no host permission): a real toolbar click grants activeTab, the
// popup fetches the PDF's bytes and fills itself with pdf.js running in the extension; Save puts it in the library.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS, clickSave, field, pageNotice, readForm, sourceHint, waitForExtraction } from '../../scripts/lib/popup.mjs';
import { testDir, useHarness } from './support';
import { REPORT, longReportPdf, reportPdf, servePdf } from './pdf-fixture';

const h = useHarness('production');
let pdf: Awaited<ReturnType<typeof servePdf>>;

beforeAll(async () => {
  pdf = await servePdf(await reportPdf());
});
afterAll(async () => {
  await pdf?.close();
});

const titleInPopup = `(() => {
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Title');
  const input = label && document.getElementById(label.htmlFor);
  return input ? input.value : null;
})()`;

describe('a PDF open in a tab', () => {
  it('fills the popup from the PDF on a toolbar click, with where each value came from, and saves it', async () => {
    const { page, tabId } = await h.browser.openTab(pdf.url);
    const realPopup = await h.browser.clickToolbarButton(page, { closePopup: false });
    expect(realPopup, 'Extensions.triggerAction opened no popup').not.toBeNull();
    await expect.poll(() => h.browser.evaluateInTarget(realPopup!.targetId, titleInPopup), { timeout: 20_000, interval: 200 }).toBe(REPORT.title);
    await h.browser.cdp.send('Target.closeTarget', { targetId: realPopup!.targetId });

    // The same tab, still granted by the click, in a popup page that the test can read and drive.
    const popup = await h.browser.openPopup(tabId, { viewport: { width: 480, height: 900 } });
    expect(await waitForExtraction(popup, 20_000)).toBe('filled');
    const form = await readForm(popup);
    expect(form).toMatchObject({ title: REPORT.title, author: REPORT.author, publisher: REPORT.publisher, affiliation: REPORT.publisher, date: REPORT.date, url: pdf.url });
    expect(Number(form.wordCount)).toBeGreaterThan(1500);
    expect(form.summary.length).toBeGreaterThan(50);
    // The Info dictionary's "Microsoft Word - …" title and "admin" author were weighed and not taken.
    expect(await sourceHint(popup, LABELS.title)).toBe('from the first page');
    expect(await sourceHint(popup, LABELS.author)).toBe('from the author notes');
    expect(await clickSave(popup)).toBe('saved');

    const library = await h.browser.openExtensionPage('library.html', { viewport: { width: 1280, height: 800 } });
    const row = library.getByRole('table', { name: 'Records' }).getByRole('row').filter({ hasText: REPORT.title });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
  });

  it('opens the form from the first and last pages of a long report; the rest fills what the user left alone, and Save waits for it', async () => {
    const long = await servePdf(await longReportPdf(300));
    try {
      const { page, tabId } = await h.browser.openTab(long.url);
      await h.browser.clickToolbarButton(page);
      const popup = await h.browser.openPopup(tabId, { viewport: { width: 480, height: 900 } });
      // Filled while the other pages are still being read: no word count yet, the status counts the pages.
      const early = await popup.waitForFunction(
        (labels) => {
          const value = (l: string) => ([...document.querySelectorAll('label')].find((el) => el.textContent?.trim() === l)?.control as HTMLInputElement | null)?.value ?? '';
          return value(labels.title) ? { wordCount: value(labels.wordCount), status: document.querySelector('[role=status]')?.textContent ?? '' } : false;
        },
        LABELS,
        { timeout: 30_000, polling: 50 },
      );
      const state = (await early.jsonValue()) as { wordCount: string; status: string };
      expect(state.wordCount).toBe('');
      expect(state.status).toMatch(/Reading the PDF: page \d+ of 302/);
      expect(await field(popup, LABELS.title).inputValue()).toBe(REPORT.title);
      // Typed meanwhile, kept; saved before the rest is read: Save waits, and the record has the whole text.
      await field(popup, LABELS.place).fill('Visby, Sweden');
      expect(await clickSave(popup, 60_000)).toBe('saved');
      const form = await readForm(popup);
      expect(form.place).toBe('Visby, Sweden');
      expect(Number(form.wordCount)).toBeGreaterThan(300 * 50 * 15);
    } finally {
      await long.close();
    }
  });

  it('reads a PDF opened from disk too', async () => {
    const file = path.join(testDir('pdf'), 'local report.pdf');
    fs.writeFileSync(file, await reportPdf());
    const { page, tabId } = await h.browser.openTab(`file://${file}`);
    await h.browser.clickToolbarButton(page);
    const popup = await h.browser.openPopup(tabId, { viewport: { width: 480, height: 900 } });
    expect(await waitForExtraction(popup, 20_000)).toBe('filled');
    expect(await readForm(popup)).toMatchObject({ title: REPORT.title, date: REPORT.date });
  });

  it('says why when it cannot have the PDF the tab shows, and offers to choose the file instead', async () => {
    const { page, tabId } = await h.browser.openTab(pdf.onceUrl);
    await h.browser.clickToolbarButton(page);
    const popup = await h.browser.openPopup(tabId, { viewport: { width: 480, height: 900 } });
    expect(await waitForExtraction(popup, 20_000)).toBe('notice');
    expect(await pageNotice(popup).innerText()).toMatch(/would not let Précis read this PDF \(HTTP 403\)/);
    const opened = h.browser.context.waitForEvent('page');
    await popup.getByRole('link', { name: 'Choose a PDF file…' }).click();
    const library = await opened;
    await library.waitForLoadState();
    expect(new URL(library.url()).pathname).toBe('/library.html');
    // The library waits with "Clip a PDF file…" focused: the file chooser needs the user's own click.
    await expect.poll(() => library.evaluate(() => document.activeElement?.textContent)).toBe('Clip a PDF file…');
    // The form is still usable by hand.
    await popup.getByLabel(LABELS.title, { exact: true }).fill('Typed by hand');
    expect(await clickSave(popup)).toBe('saved');
  });
});
