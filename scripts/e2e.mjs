#!/usr/bin/env node
// npm run test:e2e: builds (production and e2e) → end-to-end tests in a real Chromium.
// Extra arguments go to Vitest, e.g. `npm run test:e2e -- tests/e2e/restricted.e2e.test.ts`.
import { Pipeline } from './lib/run.mjs';

const run = new Pipeline();
const ok =
  run.chromium() &&
  run.step('Build (production: .output/chrome-mv3)', 'npx', ['wxt', 'build']) &&
  run.step('Build (e2e: .output/chrome-mv3-e2e)', 'npx', ['wxt', 'build', '--mode', 'e2e']) &&
  run.vitest('End-to-end tests (Chromium)', 'e2e', ['--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]);
void ok;
run.finish();
