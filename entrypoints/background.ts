import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { installE2eHooks } from '../utils/browser/e2e-hooks';
import { createMenus, handleMenuClick } from '../utils/browser/context-menus';
import { loadOpenInSidePanel, onOpenInSidePanelChanged } from '../utils/browser/settings';
import { applyOpenInSidePanel, sidePanelKind, toggleFirefoxSidebar, toolbarAction } from '../utils/browser/side-panel';

// Context menus, and the toolbar button's choice between popup and side panel. Listeners are added
// synchronously in main(), as an MV3 service worker that wakes for an event requires.
export default defineBackground(() => {
  installE2eHooks();

  // Read at every wake-up; the menu click handler must not await it (that would lose the user gesture).
  let preferSidePanel = false;
  const applySetting = (on: boolean) => {
    preferSidePanel = on;
    return applyOpenInSidePanel(on).catch(() => {});
  };
  void loadOpenInSidePanel().then(applySetting, () => {});
  onOpenInSidePanelChanged((on) => void applySetting(on));

  browser.runtime.onInstalled.addListener(() => {
    void createMenus(browser.runtime.getManifest().manifest_version).catch((e: unknown) => console.error('Précis: menus not created', e));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handleMenuClick(info, tab, preferSidePanel).catch((e: unknown) => console.error('Précis: menu action failed', e));
  });

  // With the popup unset (side panel chosen), Firefox reports the button's click here; Chrome opens its panel
  // by itself (setPanelBehavior).
  if (sidePanelKind() === 'firefox') toolbarAction().onClicked.addListener(() => toggleFirefoxSidebar());

  // The end-to-end tests call the menu handler directly: a native context menu cannot be clicked from a test.
  if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { precisMenuClick: handleMenuClick });
});
