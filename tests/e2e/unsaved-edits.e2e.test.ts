// The popup closes whenever it loses focus: typed work must survive until it is saved, and the user can
// still go back to what the page says. Each test starts from a fresh install.
import { describe, expect, it } from 'vitest';
import { LABELS, clickSave, field, statusLine } from '../../scripts/lib/popup.mjs';
import { SAMPLE, openFilledPopup, storedDrafts, useHarness, waitForStorage, waitForStoredDraft } from './support';

const h = useHarness('e2e');

const reopen = async () => (await openFilledPopup(h, h.server.url(SAMPLE.file))).popup;
const noDraftsLeft = () => waitForStorage(h, (all) => storedDrafts(all).length === 0, 'no unsaved draft');

describe('unsaved edits', () => {
  it('stores typed work a moment after typing stops, while the popup stays open', async () => {
    const popup = await reopen();
    await field(popup, LABELS.summary).fill('Half-written summary.');
    // The pause after typing, not the popup closing, stores it.
    const stored = await waitForStoredDraft(h, (v) => v.summary === 'Half-written summary.');
    expect(stored.title).toBe(SAMPLE.title);
    expect(await popup.isClosed()).toBe(false);
  });

  it('restores typed work after the popup closed ("Draft restored · Discard"), and Discard goes back to the page', async () => {
    let popup = await reopen();
    await field(popup, LABELS.summary).fill('Half-written summary.');
    await field(popup, LABELS.title).fill('My own title');
    // Closing the popup stores what was typed.
    await popup.close();

    popup = await reopen();
    expect(await field(popup, LABELS.summary).inputValue()).toBe('Half-written summary.');
    expect(await field(popup, LABELS.title).inputValue()).toBe('My own title');
    expect(await statusLine(popup).innerText()).toContain('Restored your unsaved edits');
    expect(await popup.getByText(/Draft restored/).count()).toBe(1);

    await popup.getByRole('button', { name: 'Discard', exact: true }).click();
    expect(await field(popup, LABELS.title).inputValue()).toBe(SAMPLE.title);
    expect(await field(popup, LABELS.summary).inputValue()).toBe('');
    await noDraftsLeft();
    await popup.close();

    // Starting over, or just looking without typing, leaves nothing to restore.
    popup = await reopen();
    expect(await statusLine(popup).innerText()).not.toContain('Restored');
    await popup.close();
    expect(storedDrafts(await (await h.browser.helper()).evaluate(() => (globalThis as any).chrome.storage.local.get(null)))).toEqual([]);
    popup = await reopen();
    expect(await statusLine(popup).innerText()).not.toContain('Restored');
  });

  it('forgets the edits once the record is saved, and reopens on the saved record', async () => {
    let popup = await reopen();
    await field(popup, LABELS.summary).fill('Finished summary.');
    await waitForStoredDraft(h, (v) => v.summary === 'Finished summary.');
    expect(await clickSave(popup)).toBe('saved');
    await noDraftsLeft();
    await popup.close();

    popup = await reopen();
    expect(await field(popup, LABELS.summary).inputValue()).toBe('Finished summary.');
    expect(await statusLine(popup).innerText()).not.toContain('Restored');
    expect(await statusLine(popup).innerText()).toContain('Already in your library');
  });

  it('keeps every letter when the popup closes mid-word, before the pause that stores edits', async () => {
    let popup = await reopen();
    const title = field(popup, LABELS.title);
    await title.fill('');
    // Typed key by key, as a person does, and closed at once: the pause that triggers storing never comes.
    await title.pressSequentially('Closing mid-wo', { delay: 15 });
    await popup.close();

    popup = await reopen();
    expect(await field(popup, LABELS.title).inputValue()).toBe('Closing mid-wo');
    // Again, from the restored draft: the next letters are kept too.
    await field(popup, LABELS.title).press('End');
    await field(popup, LABELS.title).pressSequentially('rd.', { delay: 15 });
    await popup.close();

    popup = await reopen();
    expect(await field(popup, LABELS.title).inputValue()).toBe('Closing mid-word.');
  });

  it('keeps a change made just before the popup closes (no time for even one frame)', async () => {
    let popup = await reopen();
    await field(popup, LABELS.place).fill('Visby, Sweden');
    await popup.close();
    popup = await reopen();
    expect(await field(popup, LABELS.place).inputValue()).toBe('Visby, Sweden');
  });

  it('keeps the draft when the popup is hidden (the browser may discard it without unloading)', async () => {
    const popup = await reopen();
    await field(popup, LABELS.title).fill('Title typed, then the window was hidden');
    // What the browser reports when the popup loses the screen: the draft is written at that moment. That
    // the write starts at once on hiding, not after the typing pause, is pinned by tests/unit/draft-keeper.test.ts.
    await popup.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitForStoredDraft(h, (v) => v.title === 'Title typed, then the window was hidden');
  });

  it('lists the unsaved draft in the library until it is discarded there', async () => {
    const popup = await reopen();
    await field(popup, LABELS.title).fill('A draft to find in the library');
    await popup.close();
    await waitForStoredDraft(h, (v) => v.title === 'A draft to find in the library');

    const library = await h.browser.openExtensionPage('library.html');
    await library.getByRole('button', { name: 'Unsaved drafts' }).click();
    const item = library.locator('.drafts li', { hasText: 'A draft to find in the library' });
    await item.waitFor();
    expect(await item.innerText()).toContain(h.server.url(SAMPLE.file));

    await item.getByRole('button', { name: /^Discard the draft for/ }).click();
    await library.getByText('No unsaved drafts.').waitFor();
    await library.close();

    const again = await reopen();
    expect(await statusLine(again).innerText()).not.toContain('Restored');
  });
});
