import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { installE2eHooks, routeE2eMenuClicks } from '../utils/browser/e2e-hooks';
import { createMenus, handleMenuClick } from '../utils/browser/context-menus';
import { loadOpenInSidePanel, onOpenInSidePanelChanged } from '../utils/browser/settings';
import { applyOpenInSidePanel, sidePanelKind, toggleFirefoxSidebar, toolbarAction } from '../utils/browser/side-panel';
import { runTeamSyncInBackground } from '../utils/browser/team-sync';
import { openDatabase } from '../utils/db/database';

// Context menus, and the toolbar button's choice between popup and side panel. Listeners are added
// synchronously in main(), as an MV3 service worker that wakes for an event requires. No state is kept in
// memory: the menus' ids carry the user's choice of surface (see context-menus.ts), so a click that wakes
// the background acts on it at once.
export default defineBackground(() => {
  installE2eHooks();
  const manifestVersion = browser.runtime.getManifest().manifest_version;
  const apply = (on: boolean) =>
    Promise.all([applyOpenInSidePanel(on), createMenus(manifestVersion, on)]).catch((e: unknown) => console.error('Précis: menus not set up', e));

  browser.runtime.onInstalled.addListener(() => {
    void loadOpenInSidePanel().then(apply, () => apply(false));
  });
  onOpenInSidePanelChanged((on) => void apply(on));
  const onMenuClicked = (info: Parameters<typeof handleMenuClick>[0], tab: Parameters<typeof handleMenuClick>[1]) =>
    handleMenuClick(info, tab).catch((e: unknown) => console.error('Précis: menu action failed', e));
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));

  // With the popup unset (side panel chosen), Firefox reports the button's click here; Chrome opens its panel
  // by itself (setPanelBehavior).
  if (sidePanelKind() === 'firefox') toolbarAction().onClicked.addListener(() => toggleFirefoxSidebar());

  // The team library, when one is connected: a pass every minute and after a save in the popup.
  runTeamSyncInBackground(openDatabase);

  // The end-to-end tests send menu clicks through the same listener: a native context menu cannot be clicked from a test.
  routeE2eMenuClicks(onMenuClicked);
});
