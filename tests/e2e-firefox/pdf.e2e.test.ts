// A PDF open in Firefox's own PDF viewer (e2e build, puppeteer-core over WebDriver BiDi). No extension may
// script that viewer, so the popup recognises the tab by its .pdf address, fetches the file itself and reads
// it with pdf.js in the extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { waitForFunction } from '../../scripts/lib/firefox.mjs';
import { useFirefox } from './support';
import { REPORT, reportPdf, servePdf } from '../e2e/pdf-fixture';

const h = useFirefox();
let pdf: Awaited<ReturnType<typeof servePdf>>;

beforeAll(async () => {
  pdf = await servePdf(await reportPdf());
});
afterAll(async () => {
  await pdf?.close();
});

const valueOf = (page: Page, label: string) =>
  page.evaluate((l) => {
    const found = [...document.querySelectorAll('label')].find((el) => (el.textContent ?? '').trim() === l) as HTMLLabelElement | undefined;
    return (found?.control as HTMLInputElement | null)?.value ?? null;
  }, label);

describe('Firefox: a PDF open in its viewer', () => {
  it('fills the popup from the PDF the tab shows', async () => {
    const tab = await h.ff.browser.newPage();
    await tab.goto(pdf.url, { waitUntil: 'load' }).catch(() => {});
    const popupUrl = await h.library.evaluate(async (u) => {
      const ext = (globalThis as any).browser;
      const found = (await ext.tabs.query({})).find((t: { url?: string }) => t.url === u);
      await ext.tabs.create({ url: `/popup.html?tabId=${found.id}` });
      return `${location.origin}/popup.html?tabId=${found.id}`;
    }, pdf.url);
    const popup = await h.ff.findPage(popupUrl);
    await waitForFunction(popup, (t) => [...document.querySelectorAll('input')].some((i) => i.value === t), { timeout: 30_000 }, REPORT.title);
    expect(await valueOf(popup, 'Author')).toBe(REPORT.author);
    expect(await valueOf(popup, 'Organization/Publisher')).toBe(REPORT.publisher);
    expect(await valueOf(popup, 'Date')).toBe(REPORT.date);
  });
});
