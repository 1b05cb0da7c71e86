import './scripts/lib/node-polyfills.mjs';
import { defineConfig } from 'vitest/config';

// End-to-end tests in Firefox ESR (puppeteer-core over WebDriver BiDi; see scripts/lib/firefox.mjs).
// Needs the Firefox test build: `npx wxt build -b firefox --mode e2e` (npm test builds it).
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    passWithNoTests: false,
  },
});
