import { defineConfig } from 'vitest/config';

// End-to-end tests: a real Chromium with the built extension (see scripts/lib/browser.mjs). One browser per
// file; files run one after another (each browser takes over 1 GiB). `npm test` builds before running them.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    passWithNoTests: false,
  },
});
