#!/usr/bin/env node
// npm test: typecheck → unit tests → builds (production and e2e) → end-to-end tests in a real Chromium.
// Stops at the first failing step. Ends with one line "N passed, M failed" (unit + end-to-end tests).
import { Pipeline } from './lib/run.mjs';

const run = new Pipeline();
// Find (or install) the browser first: fail fast, and never skip the browser tests silently.
const ok =
  run.chromium() &&
  run.step('Typecheck', 'npx', ['tsc', '--noEmit']) &&
  run.vitest('Unit tests', 'unit') &&
  run.step('Build (production: .output/chrome-mv3)', 'npx', ['wxt', 'build']) &&
  run.step('Build (e2e: .output/chrome-mv3-e2e)', 'npx', ['wxt', 'build', '--mode', 'e2e']) &&
  run.vitest('End-to-end tests (Chromium)', 'e2e', ['--config', 'vitest.e2e.config.ts']);
void ok;
run.finish();
