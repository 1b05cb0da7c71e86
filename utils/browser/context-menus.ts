import { browser, type Browser } from 'wxt/browser';
import { t } from '../i18n/messages';
import { canonicalUrl } from '../record/url';
import { isRestrictedUrl } from './extract-tab';
import { noteShown } from './e2e-hooks';
import { openSidePanel, toolbarAction } from './side-panel';
import { addSelection, type AppendPatch } from './selections';

export const MENU = {
  clipPage: 'precis-clip-page',
  addToSummary: 'precis-add-to-summary',
  addQuote: 'precis-add-quote',
  openLibrary: 'precis-open-library',
} as const;

/**
 * The page menus' ids carry where Précis opens (`…@panel` for the side panel): a click that wakes the
 * background must open the panel before its first await (browsers allow panels only inside the click's
 * user gesture), before the stored setting could have been read.
 */
const PANEL_SUFFIX = '@panel';
type PageMenu = typeof MENU.clipPage | typeof MENU.addToSummary | typeof MENU.addQuote;

/** The id of page menu `base` for the chosen surface. */
export const menuItemId = (base: PageMenu, sidePanel: boolean) => (sidePanel ? base + PANEL_SUFFIX : base);

/** Which menu was clicked, and whether it opens the side panel. Ids from before the suffix open the popup. */
export function parseMenuItemId(id: string | number): { menu: string; sidePanel: boolean } {
  const s = String(id);
  return s.endsWith(PANEL_SUFFIX) ? { menu: s.slice(0, -PANEL_SUFFIX.length), sidePanel: true } : { menu: s, sidePanel: false };
}

type Tab = Pick<Browser.tabs.Tab, 'id' | 'windowId' | 'url' | 'title'>;
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  pageUrl?: string;
}

/**
 * (Re)creates the menus for the chosen surface; menus persist with the extension, so this runs on install
 * and update, and when the user switches between popup and side panel.
 */
export async function createMenus(manifestVersion: number, sidePanel: boolean): Promise<void> {
  await browser.contextMenus.removeAll();
  const toolbar = (manifestVersion === 2 ? 'browser_action' : 'action') as Browser.contextMenus.ContextType;
  browser.contextMenus.create({ id: menuItemId(MENU.clipPage, sidePanel), title: t('menuClipPage'), contexts: ['page'] });
  browser.contextMenus.create({ id: menuItemId(MENU.addToSummary, sidePanel), title: t('menuAddToSummary'), contexts: ['selection'] });
  browser.contextMenus.create({ id: menuItemId(MENU.addQuote, sidePanel), title: t('menuAddQuote'), contexts: ['selection'] });
  browser.contextMenus.create({ id: MENU.openLibrary, title: t('menuOpenLibrary'), contexts: [toolbar] });
}

/** A message on the toolbar button of this tab: the badge draws the eye, the tooltip says what happened. */
async function tellOnButton(tabId: number | undefined, badge: string, title: string): Promise<void> {
  if (tabId == null) return;
  const action = toolbarAction();
  await Promise.all([
    action.setBadgeText({ tabId, text: badge }),
    action.setBadgeBackgroundColor({ tabId, color: badge === '!' ? '#b00020' : '#1f5fbf' }),
    action.setTitle({ tabId, title }),
  ]).catch(() => {});
}

/**
 * Shows Précis for the tab: the popup where the browser lets an extension open it, else the side panel,
 * else a badge asking for a click on the toolbar button. The first call happens before any await, inside
 * the click's user gesture.
 */
function showPrecis(tab: Tab | undefined, preferSidePanel: boolean): Promise<boolean> {
  const viaPopup = () => {
    noteShown('popup');
    return toolbarAction().openPopup ? toolbarAction().openPopup().then(() => true, () => false) : Promise.resolve(false);
  };
  const first = preferSidePanel || !tab ? openSidePanel(tab ?? {}) : viaPopup();
  return first.then((shown) => shown || (preferSidePanel ? viaPopup() : openSidePanel(tab ?? {})));
}

/**
 * Handles a click on one of the menus; its id says whether the user chose the side panel. Every outcome is
 * visible: Précis opens, or the toolbar button says what happened.
 */
export async function handleMenuClick(info: MenuClick, tab: Tab | undefined): Promise<void> {
  const { menu: id, sidePanel: preferSidePanel } = parseMenuItemId(info.menuItemId);
  if (id === MENU.openLibrary) {
    await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
    return;
  }
  if (id === MENU.clipPage) {
    const shown = showPrecis(tab, preferSidePanel);
    // On a page no extension may read, the popup still opens to be filled by hand; the button says why.
    if (isRestrictedUrl(tab?.url ?? info.pageUrl ?? null)) await tellOnButton(tab?.id, '!', t('badgeRestricted'));
    else if (!(await shown)) await tellOnButton(tab?.id, '1', t('badgeClickIcon'));
    return;
  }
  if (id !== MENU.addToSummary && id !== MENU.addQuote) return;
  const text = info.selectionText?.trim();
  if (!text) {
    await tellOnButton(tab?.id, '!', t('badgeNothingSelected'));
    return;
  }
  const shown = showPrecis(tab, preferSidePanel);
  const pageUrl = canonicalUrl(info.pageUrl ?? tab?.url ?? null);
  if (!pageUrl) {
    await tellOnButton(tab?.id, '!', t('badgeFailed', t('badgeNoAddress')));
    return;
  }
  const patch: AppendPatch = { kind: id === MENU.addQuote ? 'quote' : 'summary', text, pageTitle: tab?.title ?? null, pageUrl };
  try {
    await addSelection(pageUrl, patch);
  } catch (e) {
    await tellOnButton(tab?.id, '!', t('badgeFailed', e instanceof Error ? e.message : String(e)));
    return;
  }
  if (!(await shown)) await tellOnButton(tab?.id, '+', t('badgeAdded'));
}
