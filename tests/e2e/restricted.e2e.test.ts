// Pages the popup cannot or need not read: it says so plainly and still offers a usable form.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LABELS, clickSave, field, pageNotice, readForm, waitForExtraction } from '../../scripts/lib/popup.mjs';
import { useHarness } from './support';

const CANT_READ = /can[’']t read this page/i;

const h = useHarness('e2e');
let errors: string[] = [];

beforeEach(() => {
  errors = [];
});
// Whatever the page, the popup raises no uncaught error.
afterEach(() => {
  expect(errors).toEqual([]);
});

/** Opens the popup for a new tab showing `url`, collecting uncaught errors from the popup. */
async function popupFor(url: string): Promise<Page> {
  const { tabId } = await h.browser.openTab(url);
  const page = await h.browser.openPopup(tabId, { viewport: { width: 480, height: 900 } });
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  return page;
}

async function expectUsableForm(popup: Page, title: string) {
  await field(popup, LABELS.title).fill(title);
  await field(popup, LABELS.summary).fill('Typed by hand.');
  expect(await field(popup, LABELS.title).inputValue()).toBe(title);
  expect(await clickSave(popup)).toBe('saved');
  const library = await h.browser.openExtensionPage('library.html');
  const table = library.getByRole('table');
  await table.waitFor({ timeout: 10_000 });
  await expect.poll(() => table.getByRole('row').filter({ hasText: title }).count(), { timeout: 10_000 }).toBe(1);
  await library.close();
}

describe('restricted and non-article pages', () => {
  it('chrome:// page: plain message and an empty form that can be filled and saved', async () => {
    const popup = await popupFor('chrome://version');
    expect(await waitForExtraction(popup)).toBe('notice');
    expect(await pageNotice(popup).first().innerText()).toMatch(CANT_READ);
    const form = await readForm(popup);
    expect(form.title).toBe('');
    expect(form.author).toBe('');
    expect(form.summary).toBe('');
    await expectUsableForm(popup, 'A record typed by hand');
    await popup.close();
  });

  it('data: page (no access): plain message and a usable empty form', async () => {
    const popup = await popupFor('data:text/html,<title>Data page</title><p>Hello</p>');
    expect(await waitForExtraction(popup)).toBe('notice');
    expect((await pageNotice(popup).first().innerText()).trim()).not.toBe('');
    expect(await field(popup, LABELS.title).inputValue()).toBe('');
    await expectUsableForm(popup, 'Another record typed by hand');
    await popup.close();
  });

  it('page without an article: "No article found" and a usable form', async () => {
    const popup = await popupFor(h.server.url('not-an-article.html'));
    // The page's metadata (its <title>) may still be proposed, so wait for the notice itself.
    await waitForExtraction(popup);
    await pageNotice(popup).first().waitFor({ timeout: 5_000 });
    await expect.poll(() => pageNotice(popup).first().innerText(), { timeout: 10_000 }).toMatch(/No article found/);
    expect(await field(popup, LABELS.wordCount).inputValue()).toMatch(/^0?$/);
    await expectUsableForm(popup, 'Site map notes');
    await popup.close();
  });
});
