import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The e2e mode adds a host permission for the loopback test server only, so simple flows can be tested
// without simulating a toolbar click. Production builds carry no host permission: activeTab grants
// access to the one tab the user clicked on, which is all extraction needs.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode, browser, manifestVersion }) => ({
    name: 'Précis',
    description: 'Clip an article into a structured literature-summary record, kept in your browser.',
    // activeTab: read the page the user clicked the toolbar icon (or pressed the shortcut) on.
    // scripting: inject the extractor into that tab on demand.
    // storage: remember the summarizer's name and role, and unsaved form drafts.
    permissions: ['activeTab', 'scripting', 'storage'],
    host_permissions: mode === 'e2e' ? ['http://127.0.0.1/*'] : undefined,
    commands: {
      // Opens the popup; MV2 (Firefox's default build) names the same command differently.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open Précis on this page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'precis@precis.example',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
