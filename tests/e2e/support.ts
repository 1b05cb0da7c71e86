// Shared setup for the end-to-end tests: one Chromium with the extension and one fixture server per file.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_PAGES, ROOT, launchWithExtension, requireBuild, type ExtensionBrowser } from '../../scripts/lib/browser.mjs';
import { findChromium, installHelp } from '../../scripts/lib/chromium.mjs';
import { serveDir, type StaticServer } from '../../scripts/lib/serve.mjs';

export { ROOT };
export const RESULTS_DIR = path.join(ROOT, 'test-results');

/** The sample article's facts, as its HTML states them (tests/fixtures/pages/sample-article.html). */
export const SAMPLE = {
  file: 'sample-article.html',
  title: 'Plugging In at the Quay: Why Small Harbours Are Betting on Shore Power',
  author: 'Marta Lindqvist',
  affiliation: 'Baltic Maritime Institute',
  publisher: 'The Harbour Review',
  date: '2024-03-18',
  language: /^en\b/,
} as const;

/** Word count of the sample's body paragraphs, counted from the fixture file itself. */
export function sampleBodyWordCount(): number {
  const html = fs.readFileSync(path.join(FIXTURE_PAGES, SAMPLE.file), 'utf8');
  const body = html.slice(html.indexOf('<div class="article-body">'), html.indexOf('</div>', html.indexOf('<div class="article-body">')));
  return body.replace(/<[^>]+>/g, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export interface Harness {
  browser: ExtensionBrowser;
  server: StaticServer;
  close(): Promise<void>;
}

/** Launches headless Chromium with the given build loaded and serves the fixture pages on 127.0.0.1. */
export async function startHarness(mode: 'production' | 'e2e'): Promise<Harness> {
  const extensionDir = requireBuild(mode);
  const chromiumPath = process.env.CHROMIUM_PATH || findChromium();
  // Never skip: no browser is a failure, with instructions.
  if (!chromiumPath) throw new Error(installHelp());
  const server = await serveDir(FIXTURE_PAGES);
  try {
    const browser = await launchWithExtension({ extensionDir, chromiumPath, headless: true });
    return {
      browser,
      server,
      async close() {
        await browser.close();
        await server.close();
      },
    };
  } catch (e) {
    await server.close();
    throw e;
  }
}
