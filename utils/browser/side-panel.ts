import { browser } from 'wxt/browser';
import { noteShown } from './e2e-hooks';

// Chrome (MV3) has `sidePanel`; Firefox has `sidebarAction` (not in Chrome's types, hence the narrow view).
interface FirefoxSidebar {
  open(): Promise<void>;
  toggle(): Promise<void>;
}
const firefoxSidebar = (): FirefoxSidebar | undefined => (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;

/** The toolbar button's API: `action` in MV3, `browserAction` in Firefox's MV2 build. */
export const toolbarAction = (): typeof browser.action => browser.action ?? (browser.browserAction as unknown as typeof browser.action);

export type SidePanelKind = 'chrome' | 'firefox' | null;

export function sidePanelKind(): SidePanelKind {
  // Optional at run time although the types say otherwise: older Chrome and Firefox have no sidePanel.
  if ((browser.sidePanel as typeof browser.sidePanel | undefined)?.open) return 'chrome';
  if (firefoxSidebar()) return 'firefox';
  return null;
}

/**
 * Opens the side panel on the tab. Call it straight from a user's click (no await before it): both browsers
 * refuse to open panels outside a user gesture. Resolves false when the browser has no panel or refused.
 */
export function openSidePanel(tab: { id?: number; windowId?: number }): Promise<boolean> {
  noteShown('side panel');
  const kind = sidePanelKind();
  const opening =
    kind === 'chrome'
      ? tab.id != null
        ? browser.sidePanel.open({ tabId: tab.id })
        : browser.sidePanel.open({ windowId: tab.windowId! })
      : kind === 'firefox'
        ? firefoxSidebar()!.open()
        : Promise.reject(new Error('no side panel'));
  return opening.then(
    () => true,
    () => false,
  );
}

/** Toggles the Firefox sidebar from the toolbar button's click (Chrome does this itself, see below). */
export function toggleFirefoxSidebar(): void {
  void firefoxSidebar()?.toggle().catch(() => {});
}

/**
 * Makes the toolbar button open the side panel (which stays open on click-away) or the popup. The popup
 * must be unset for the button's click to reach the panel.
 */
export async function applyOpenInSidePanel(on: boolean): Promise<void> {
  const kind = sidePanelKind();
  if (!kind) return;
  await toolbarAction().setPopup({ popup: on ? '' : 'popup.html' });
  if (kind === 'chrome') await browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: on });
}
