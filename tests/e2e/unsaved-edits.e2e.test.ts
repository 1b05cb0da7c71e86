// The popup closes whenever it loses focus: typed work must survive until it is saved, and the user can
// still go back to what the page says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS, clickSave, field, statusLine, waitForExtraction } from '../../scripts/lib/popup.mjs';
import { SAMPLE, startHarness, type Harness } from './support';

let h: Harness;
let tabId: number;

beforeAll(async () => {
  h = await startHarness('e2e');
  ({ tabId } = await h.browser.openTab(h.server.url(SAMPLE.file)));
});
afterAll(async () => {
  await h?.close();
});

async function reopen() {
  const popup = await h.browser.openPopup(tabId);
  expect(await waitForExtraction(popup)).toBe('filled');
  return popup;
}

describe('unsaved edits', () => {
  it('restores typed work after the popup closed ("Draft restored · Discard"), and Discard goes back to the page', async () => {
    let popup = await reopen();
    await field(popup, LABELS.summary).fill('Half-written summary.');
    await field(popup, LABELS.title).fill('My own title');
    // Edits are stored a moment after typing stops.
    await popup.waitForTimeout(600);
    await popup.close();

    popup = await reopen();
    expect(await field(popup, LABELS.summary).inputValue()).toBe('Half-written summary.');
    expect(await field(popup, LABELS.title).inputValue()).toBe('My own title');
    expect(await statusLine(popup).innerText()).toContain('Restored your unsaved edits');
    expect(await popup.getByText(/Draft restored/).count()).toBe(1);

    await popup.getByRole('button', { name: 'Discard', exact: true }).click();
    expect(await field(popup, LABELS.title).inputValue()).toBe(SAMPLE.title);
    expect(await field(popup, LABELS.summary).inputValue()).toBe('');
    await popup.waitForTimeout(600);
    await popup.close();

    // Starting over, or just looking without typing, leaves nothing to restore.
    popup = await reopen();
    await popup.waitForTimeout(600);
    expect(await statusLine(popup).innerText()).not.toContain('Restored');
    await popup.close();
    popup = await reopen();
    expect(await statusLine(popup).innerText()).not.toContain('Restored');
    await popup.close();
  });

  it('forgets the edits once the record is saved, and reopens on the saved record', async () => {
    let popup = await reopen();
    await field(popup, LABELS.summary).fill('Finished summary.');
    await popup.waitForTimeout(600);
    expect(await clickSave(popup)).toBe('saved');
    await popup.waitForTimeout(600);
    await popup.close();

    popup = await reopen();
    expect(await field(popup, LABELS.summary).inputValue()).toBe('Finished summary.');
    expect(await statusLine(popup).innerText()).not.toContain('Restored');
    expect(await statusLine(popup).innerText()).toContain('Already in your library');
    await popup.close();
  });

  it('keeps every letter when the popup closes mid-word, before the pause that stores edits', async () => {
    let popup = await reopen();
    const summary = field(popup, LABELS.summary);
    // The page was saved above: the popup shows that record's summary.
    await summary.fill('');
    await summary.click();
    // Typed key by key, as a person does, and closed at once: the pause that triggers storing never comes.
    await summary.pressSequentially('Closing mid-wo', { delay: 15 });
    await popup.close();

    popup = await reopen();
    expect(await field(popup, LABELS.summary).inputValue()).toBe('Closing mid-wo');
    // Again, from the restored draft: the next letters are kept too.
    await field(popup, LABELS.summary).press('End');
    await field(popup, LABELS.summary).pressSequentially('rd.', { delay: 15 });
    await popup.close();

    popup = await reopen();
    expect(await field(popup, LABELS.summary).inputValue()).toBe('Closing mid-word.');
    await popup.getByRole('button', { name: 'Discard', exact: true }).click();
    await popup.close();
  });

  it('keeps the draft when the popup is hidden (the browser may discard it without unloading)', async () => {
    const popup = await reopen();
    await field(popup, LABELS.title).fill('Title typed, then the window was hidden');
    // What the browser reports when the popup loses the screen: the draft is written at that moment.
    await popup.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    // The write starts at that moment but is asynchronous. A busy machine can take longer to land it than the
    // 250 ms pause after typing that would store it anyway, so this waits generously; that the write starts at
    // once on hiding is pinned in tests/unit/draft-keeper.test.ts with fake timers.
    const titles = () =>
      popup.evaluate(
        () => new Promise((resolve) => (globalThis as any).chrome.storage.local.get(null, (all: Record<string, any>) => resolve(Object.values(all).map((v) => v?.values?.title)))),
      );
    await expect.poll(titles, { timeout: 5_000, interval: 20 }).toContain('Title typed, then the window was hidden');
    await popup.close();
  });

  it('lists the unsaved draft in the library until it is discarded there', async () => {
    const library = await h.browser.openExtensionPage('library.html');
    await library.getByRole('button', { name: 'Unsaved drafts' }).click();
    const item = library.locator('.drafts li', { hasText: 'Title typed, then the window was hidden' });
    await item.waitFor();
    expect(await item.innerText()).toContain(h.server.url(SAMPLE.file));

    await item.getByRole('button', { name: /^Discard the draft for/ }).click();
    await library.getByText('No unsaved drafts.').waitFor();
    await library.close();

    const popup = await reopen();
    expect(await statusLine(popup).innerText()).not.toContain('Restored');
    await popup.close();
  });
});
