#!/usr/bin/env node
// npm run test:e2e: builds (production and e2e) → end-to-end tests in a real Chromium.
// Extra arguments go to Vitest, e.g. `npm run test:e2e -- tests/e2e/restricted.e2e.test.ts`.
// `npm run test:e2e -- --firefox [files]` builds the Firefox test build and runs tests/e2e-firefox instead.
import { Pipeline } from './lib/run.mjs';

const run = new Pipeline();
const args = process.argv.slice(2);
const firefox = args.includes('--firefox');
const rest = args.filter((a) => a !== '--firefox');
const ok = firefox
  ? run.firefox() &&
    run.step('Build (Firefox e2e: .output/firefox-mv2-e2e)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e']) &&
    run.vitest('End-to-end tests (Firefox ESR)', 'e2e-firefox', ['--config', 'vitest.e2e-firefox.config.ts', ...rest])
  : run.chromium() &&
    run.step('Build (production: .output/chrome-mv3)', 'npx', ['wxt', 'build']) &&
    run.step('Build (e2e: .output/chrome-mv3-e2e)', 'npx', ['wxt', 'build', '--mode', 'e2e']) &&
    run.vitest('End-to-end tests (Chromium)', 'e2e', ['--config', 'vitest.e2e.config.ts', ...rest]);
void ok;
run.finish();
