// The context menus. A native menu cannot be clicked from a test, so the e2e build hands a runtime message
// to the background's own context-menu listener (routeE2eMenuClicks), which answers where Précis tried to
// show itself. Each test starts from a fresh install.
import { describe, expect, it } from 'vitest';
import type { TargetInfo } from '../../scripts/lib/browser.mjs';
import { LABELS, field, waitForExtraction } from '../../scripts/lib/popup.mjs';
import { SAMPLE, useHarness, waitForStorage, waitForStoredDraft } from './support';

const h = useHarness('e2e');

type Click = { menuItemId: string; selectionText?: string; pageUrl?: string };
type Shown = { sync: string[]; all: string[] };

/** Clicks menu `click` for tab `tabId`, through the background's own listener. */
async function clickMenu(tabId: number | null, click: Click): Promise<Shown> {
  const helper = await h.browser.helper();
  return helper.evaluate(
    async ([id, info]) => {
      const chrome = (globalThis as any).chrome;
      const tab = id == null ? undefined : await chrome.tabs.get(id);
      return chrome.runtime.sendMessage({ precisE2e: 'menu-click', info, tab });
    },
    [tabId, click] as const,
  );
}

const buttonState = async (tabId: number) =>
  (await h.browser.helper()).evaluate(async (id) => {
    const action = (globalThis as any).chrome.action;
    return { badge: await action.getBadgeText({ tabId: id }), title: await action.getTitle({ tabId: id }) };
  }, tabId);

/** Whether the background has created a context-menu item with this id (only an existing one can be updated). */
const menuExists = async (id: string) =>
  (await h.browser.helper()).evaluate(
    (menuId) =>
      new Promise<boolean>((resolve) => {
        const chrome = (globalThis as any).chrome;
        chrome.contextMenus.update(menuId, {}, () => resolve(!chrome.runtime.lastError));
      }),
    id,
  );

/** Chooses "Open Précis in the side panel" in Options, and waits until the background has applied it. */
async function chooseSidePanel() {
  const options = await h.browser.openExtensionPage('options.html');
  await options.getByLabel(/Open Précis in the side panel/).check();
  await options.close();
  const helper = await h.browser.helper();
  await expect
    .poll(() => helper.evaluate(() => (globalThis as any).chrome.sidePanel.getPanelBehavior().then((b: any) => b.openPanelOnActionClick)))
    .toBe(true);
}

/** The value of the form control labelled `label` in a page Playwright does not expose (the real side panel). */
const valueIn = (target: TargetInfo, label: string) =>
  h.browser.evaluateInTarget(
    target.targetId,
    `(() => { const l = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === ${JSON.stringify(label)}); return l && l.control ? l.control.value : null; })()`,
  );

/** Types `text` at the end of the Summary in that page, as keystrokes do (input events). */
const typeSummaryIn = (target: TargetInfo, text: string) =>
  h.browser.evaluateInTarget(
    target.targetId,
    `(() => { const l = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Summary'); const el = l.control; el.focus(); el.setSelectionRange(el.value.length, el.value.length); document.execCommand('insertText', false, ${JSON.stringify(text)}); return el.value; })()`,
  );

describe('context menus', () => {
  it('adds a selection to the summary and a quote with its source, which the popup then shows', async () => {
    const { tabId, page } = await h.browser.openTab(h.server.url(SAMPLE.file));
    const url = page.url();
    await clickMenu(tabId, { menuItemId: 'precis-add-to-summary', selectionText: 'Small harbours\n  are electrifying their quays.', pageUrl: url });
    const shown = await clickMenu(tabId, { menuItemId: 'precis-add-quote', selectionText: 'Ports are the new grid.', pageUrl: url });
    // The popup was chosen (the default): the menu tries it first, in the click itself.
    expect(shown.sync[0]).toBe('popup');

    const popup = await h.browser.openPopup(tabId);
    expect(await waitForExtraction(popup)).toBe('filled');
    const title = await page.title();
    expect(await field(popup, LABELS.summary).inputValue()).toBe(`Small harbours are electrifying their quays.\n\n“Ports are the new grid.” (${title}, ${url})`);
    // What the page says fills the rest of the form.
    expect(await field(popup, LABELS.author).inputValue()).toBe(SAMPLE.author);
    // Taken into the popup's draft, the selections wait no longer on their own.
    await waitForStorage(h, (all) => !Object.keys(all).some((k) => k.startsWith('selection:')), 'the selections taken into the draft');
    await waitForStoredDraft(h, (v) => v.summary.includes('Ports are the new grid.'));
  });

  it('keeps both of two selections added in quick succession', async () => {
    const { tabId, page } = await h.browser.openTab(h.server.url(SAMPLE.file));
    const url = page.url();
    await Promise.all([
      clickMenu(tabId, { menuItemId: 'precis-add-to-summary', selectionText: 'First quick selection.', pageUrl: url }),
      clickMenu(tabId, { menuItemId: 'precis-add-to-summary', selectionText: 'Second quick selection.', pageUrl: url }),
    ]);
    const popup = await h.browser.openPopup(tabId);
    expect(await waitForExtraction(popup)).toBe('filled');
    const paragraphs = (await field(popup, LABELS.summary).inputValue()).split('\n\n').sort();
    expect(paragraphs).toEqual(['First quick selection.', 'Second quick selection.']);
  });

  it('with the side panel open, shows a selection added from the menu at once, and typing there keeps it', async () => {
    await chooseSidePanel();
    const { page, tabId } = await h.browser.openTab(h.server.url(SAMPLE.file));
    const url = page.url();
    // A real click on the toolbar button opens the real side panel beside the page.
    const panelOpened = h.browser.waitForTarget((t) => t.type === 'page' && t.url === h.browser.extensionUrl('sidepanel.html'));
    await h.browser.clickToolbarButton(page, { closePopup: false });
    const panel = await panelOpened;
    await expect.poll(() => valueIn(panel, LABELS.title), { timeout: 15_000 }).toBe(SAMPLE.title);
    // Summary as the user left it: the panel's own words, drafted or typed.
    await typeSummaryIn(panel, ' My notes.');
    await waitForStoredDraft(h, (v) => v.summary.endsWith('My notes.'));

    await clickMenu(tabId, { menuItemId: 'precis-add-to-summary@panel', selectionText: 'Selected in the page.', pageUrl: url });
    await expect.poll(() => valueIn(panel, LABELS.summary), { timeout: 10_000 }).toMatch(/My notes\.\n\nSelected in the page\.$/);
    // The panel's next keystroke keeps the selection: its draft now holds both.
    await typeSummaryIn(panel, ' More.');
    const kept = await waitForStoredDraft(h, (v) => v.summary.endsWith('More.'));
    expect(kept.summary).toMatch(/My notes\.\n\nSelected in the page\. More\.$/);
    await waitForStorage(h, (all) => !Object.keys(all).some((k) => k.startsWith('selection:')), 'the selection taken into the panel’s draft');
  });

  it('with the side panel chosen, "Clip this page" tries the panel first, in the click itself, also when the click wakes the background', async () => {
    await chooseSidePanel();
    // The menus themselves carry the choice (see context-menus.ts).
    await expect.poll(() => menuExists('precis-clip-page@panel')).toBe(true);
    expect(await menuExists('precis-clip-page')).toBe(false);
    const { tabId, page } = await h.browser.openTab(h.server.url(SAMPLE.file));

    // Stop the background, as the browser does after 30 s idle; the click wakes it.
    const cdp = await h.browser.context.newCDPSession(await h.browser.helper());
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    const workers = async () => (await h.browser.cdp.send('Target.getTargets', { filter: [{}] })).targetInfos.filter((t) => t.type === 'service_worker').length;
    await expect.poll(workers).toBe(0);
    const panelOpened = h.browser.waitForTarget((t) => t.type === 'page' && t.url === h.browser.extensionUrl('sidepanel.html'));
    const shown = await clickMenu(tabId, { menuItemId: 'precis-clip-page@panel', pageUrl: page.url() });
    // A panel opens only inside the click's user gesture (which the test's message carries), so it must be
    // the first thing tried, before any await: then it opens.
    expect(shown).toEqual({ sync: ['side panel'], all: ['side panel'] });
    await panelOpened;
    expect((await buttonState(tabId)).badge).toBe('');
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
