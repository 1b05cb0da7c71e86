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

/** Where Précis tried to show itself, in order (`popup`, `side panel`); recorded by test builds only. */
export const shownLog: string[] = [];

/** Notes an attempt to show the popup or the side panel (test builds only). */
export function noteShown(surface: 'popup' | 'side panel'): void {
  if (import.meta.env.MODE === 'e2e') shownLog.push(surface);
}

/**
 * Test builds only: a runtime message `{ precisE2e: 'menu-click', info, tab }` is handed to `listener`, the
 * background's own context-menu listener, at once (as the browser would on a click, which also wakes a stopped
 * background). The answer lists where Précis tried to show itself: before the listener's first await
 * (`sync`, what a user gesture allows) and in all.
 */
export function routeE2eMenuClicks<Info, Tab>(listener: (info: Info, tab: Tab) => Promise<unknown>): void {
  if (import.meta.env.MODE !== 'e2e') return;
  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { precisE2e?: string; info?: Info; tab: Tab };
    if (m?.precisE2e !== 'menu-click' || !m.info) return undefined;
    shownLog.length = 0;
    const done = listener(m.info, m.tab);
    const sync = [...shownLog];
    return done.then(() => ({ sync, all: [...shownLog] }));
  });
}
