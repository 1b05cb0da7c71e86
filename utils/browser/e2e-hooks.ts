import { browser } from 'wxt/browser';

/**
 * Test builds only (`wxt build --mode e2e`): open the library in a tab when the extension starts. Over
 * WebDriver BiDi Firefox refuses to navigate to moz-extension:// pages, so the Firefox end-to-end test
 * finds this tab and opens the popup from it with `tabs.create`. A no-op in every other build, and in
 * Chromium, whose tests open extension pages directly.
 */
export function installE2eHooks(): void {
  if (import.meta.env.MODE !== 'e2e' || import.meta.env.BROWSER !== 'firefox') return;
  void browser.tabs.create({ url: browser.runtime.getURL('/library.html'), active: false }).catch(() => {});
}
