import { defineBackground } from 'wxt/utils/define-background';
import { installE2eHooks } from '../utils/browser/e2e-hooks';

// Minimal background for this branch: the real one (shortcut, context menu) lives on wip/shell and calls
// installE2eHooks() first thing in main() too.
export default defineBackground(() => {
  installE2eHooks();
});
