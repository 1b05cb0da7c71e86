import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../popup/App';
import '../../components/styles.css';

// The popup's form in a panel that stays open on click-away. The panel outlives tab switches, so the form
// is rebuilt for whichever tab is shown (App reads its tab from ?tabId=, and keeps drafts per page).
const root = document.getElementById('app')!;
let shownTab: number | null = null;
let generation = 0;

function show(tabId: number) {
  if (tabId === shownTab) return;
  shownTab = tabId;
  history.replaceState(null, '', `?tabId=${tabId}`);
  render(
    <main>
      <App key={++generation} />
    </main>,
    root,
  );
}

void browser.windows.getCurrent().then(async (win) => {
  const [active] = await browser.tabs.query({ active: true, windowId: win.id });
  if (active?.id != null) show(active.id);
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    if (windowId === win.id) show(tabId);
  });
  // A new page in the shown tab gets a fresh form (its own draft, if any, comes back).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (tabId !== shownTab || change.status !== 'complete') return;
    shownTab = null;
    show(tabId);
  });
});
