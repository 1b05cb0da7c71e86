// The context menus, driven through the background's own click handler (a native menu cannot be clicked
// from a test; the e2e build exposes the handler to the service worker's global scope).
import { beforeEach, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { LABELS, field, waitForExtraction } from '../../scripts/lib/popup.mjs';
import { SAMPLE, useHarness } from './support';

const h = useHarness('e2e');
let worker: Worker;

beforeEach(async () => {
  const context = h.browser.context;
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
});

type Click = { menuItemId: string; selectionText?: string; pageUrl?: string };

/** Clicks menu `click` for tab `tabId`, as the browser would call the background. */
async function clickMenu(tabId: number | null, click: Click) {
  await worker.evaluate(
    async ([id, info]) => {
      const g = globalThis as any;
      const tab = id == null ? undefined : await g.chrome.tabs.get(id);
      await g.precisMenuClick(info, tab, false);
    },
    [tabId, click] as const,
  );
}

const buttonState = (tabId: number) =>
  worker.evaluate(async (id) => {
    const action = (globalThis as any).chrome.action;
    return { badge: await action.getBadgeText({ tabId: id }), title: await action.getTitle({ tabId: id }) };
  }, tabId);

describe('context menus', () => {
  it('adds a selection to the summary and a quote with its source, which the popup then shows', async () => {
    const { tabId, page } = await h.browser.openTab(h.server.url(SAMPLE.file));
    const url = page.url();
    await clickMenu(tabId, { menuItemId: 'precis-add-to-summary', selectionText: 'Small harbours\n  are electrifying their quays.', pageUrl: url });
    await clickMenu(tabId, { menuItemId: 'precis-add-quote', selectionText: 'Ports are the new grid.', pageUrl: url });

    const popup = await h.browser.openPopup(tabId);
    expect(await waitForExtraction(popup)).toBe('filled');
    const title = await page.title();
    expect(await field(popup, LABELS.summary).inputValue()).toBe(`Small harbours are electrifying their quays.\n\n“Ports are the new grid.” (${title}, ${url})`);
    // What the page says fills the rest of the form.
    expect(await field(popup, LABELS.author).inputValue()).toBe(SAMPLE.author);
    await popup.close();
    // Précis opened (a real popup or side panel), or the button says where the selection went; never nothing.
    const { targetInfos } = await h.browser.cdp.send('Target.getTargets', { filter: [{}] });
    const opened = targetInfos.some((t: { url: string }) => /\/(popup|sidepanel)\.html$/.test(t.url));
    const state = await buttonState(tabId);
    expect(opened || state.badge === '+', `opened: ${opened}, badge: ${state.badge}`).toBe(true);
  });

  it('says on the toolbar button why a browser page cannot be clipped', async () => {
    const { tabId } = await h.browser.openTab('chrome://version/');
    await clickMenu(tabId, { menuItemId: 'precis-clip-page', pageUrl: 'chrome://version/' });
    const state = await buttonState(tabId);
    expect(state.badge).toBe('!');
    expect(state.title).toMatch(/can’t read this page/);
  });

  it('opens the library from the toolbar button’s menu', async () => {
    const opened = h.browser.context.waitForEvent('page');
    await clickMenu(null, { menuItemId: 'precis-open-library' });
    expect((await opened).url()).toBe(h.browser.extensionUrl('library.html'));
  });
});
