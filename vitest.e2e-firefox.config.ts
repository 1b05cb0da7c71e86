import { defineConfig } from 'vitest/config';
import chromium from './vitest.e2e.config.ts';

// End-to-end tests in Firefox ESR (puppeteer-core over WebDriver BiDi; see scripts/lib/firefox.mjs), run
// like the Chromium ones: one browser, files in sequence. Needs `npx wxt build -b firefox --mode e2e`.
export default defineConfig({ ...chromium, test: { ...chromium.test, include: ['tests/e2e-firefox/**/*.e2e.test.ts'] } });
