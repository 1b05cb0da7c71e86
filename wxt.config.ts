import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The e2e mode adds a host permission for the loopback test server only, so simple flows can be tested
// without simulating a toolbar click. Production builds carry no host permission: activeTab grants
// access to the one tab the user clicked on, which is all extraction needs.

// Extension pages run only the extension's own scripts: no inline or remote code, no plugins, no <base>
// rewriting, never framed by a page, no form posting anywhere. WXT's dev server adds its own origin to
// script-src while `wxt` (dev) runs; the MV2 build gets the same policy as a string.
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
const TEAM_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode, browser, manifestVersion }) => ({
    // The browser shows these before any of our code runs, so they come from public/_locales (the UI's
    // labels are in utils/i18n/messages.ts).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab: read the page the user clicked the toolbar icon (or pressed the shortcut) on.
    // scripting: inject the extractor into that tab on demand.
    // storage: remember the summarizer's name and role, and unsaved form drafts.
    // contextMenus: "Clip this page", "Add selection to summary", "Add selection as a quote" and, on the
    //   toolbar button, "Open library". The selected text arrives with the click; no page access is needed.
    // sidePanel (Chrome, added by WXT for entrypoints/sidepanel): the optional panel that stays open on
    //   click-away; Firefox declares a sidebar_action instead, which needs no permission.
    // alarms: the team library's sync pass every minute while one is connected (an MV3 service worker
    //   cannot keep a timer; the alarm wakes it).
    // No notifications permission: messages go on the toolbar button's badge and tooltip.
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'alarms'],
    // The team library's CouchDB server: asked for at "Connect", for that one origin only, and given back
    // at "Disconnect". https anywhere, plain http only on this computer (utils/sync/address.ts).
    // Firefox's MV2 build lists origins among optional_permissions.
    ...(manifestVersion === 2 ? { optional_permissions: TEAM_ORIGINS } : { optional_host_permissions: TEAM_ORIGINS }),
    host_permissions: mode === 'e2e' ? ['http://127.0.0.1/*'] : undefined,
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    commands: {
      // Opens the popup; MV2 (Firefox's default build) names the same command differently.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandOpen__',
      },
    },
    // pdf.js 6 uses Promise.withResolvers (Chrome 119).
    ...(browser !== 'firefox' ? { minimum_chrome_version: '119' } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'precis@precis.example',
              // pdf.js 6 uses Promise.withResolvers (Firefox 121); 128 is the oldest ESR with it.
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
