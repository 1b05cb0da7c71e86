#!/usr/bin/env node
// npm test: typecheck → ESLint → unit tests → builds (Chrome production and e2e, Firefox
// production and e2e) → web-ext lint → end-to-end tests in Chromium → end-to-end tests in Firefox ESR.
// Stops at the first failing step. Ends with one line "N passed, M failed" (unit + both end-to-end suites).
import { Pipeline } from './lib/run.mjs';

const run = new Pipeline();
// Find (or install) the browser first: fail fast, and never skip the browser tests silently.
const ok =
  run.chromium() &&
  run.step('Typecheck', 'npx', ['tsc', '--noEmit']) &&
  run.step('ESLint (0 errors, 0 warnings)', 'npx', ['eslint', '--max-warnings', '0', '.']) &&
  run.vitest('Unit tests', 'unit') &&
  run.step('Build (production: .output/chrome-mv3)', 'npx', ['wxt', 'build']) &&
  run.step('Build (e2e: .output/chrome-mv3-e2e)', 'npx', ['wxt', 'build', '--mode', 'e2e']) &&
  run.step('Build (Firefox: .output/firefox-mv2)', 'npx', ['wxt', 'build', '-b', 'firefox']) &&
  run.step('Build (Firefox e2e: .output/firefox-mv2-e2e)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e']) &&
  run.step('web-ext lint (.output/firefox-mv2, 0 errors)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2']) &&
  run.vitest('End-to-end tests (Chromium)', 'e2e', ['--config', 'vitest.e2e.config.ts']) &&
  run.firefox() &&
  run.vitest('End-to-end tests (Firefox ESR)', 'e2e-firefox', ['--config', 'vitest.e2e-firefox.config.ts']);
void ok;
run.finish();
