// Driving Firefox ESR with the built extension (puppeteer-core over WebDriver BiDi). Playwright cannot
// drive Debian's Firefox. See ../shared/notes/browser-testing.md (Firefox).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import puppeteer from 'puppeteer-core';
import { ROOT } from './browser.mjs';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/** FIREFOX_PATH, or the first Firefox found in the usual places; null when there is none. */
export function findFirefox() {
  const candidates = [process.env.FIREFOX_PATH, ...CANDIDATES].filter(Boolean);
  return candidates.find((p) => fs.existsSync(/** @type {string} */ (p))) ?? null;
}

/** `.output/firefox-mv2-e2e`, the test build (`wxt build -b firefox --mode e2e`). */
export function firefoxBuildDir() {
  const dir = path.join(ROOT, '.output', 'firefox-mv2-e2e');
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No Firefox test build in ${path.relative(ROOT, dir)}: run \`npx wxt build -b firefox --mode e2e\` first (npm test does).`);
  }
  return dir;
}

/**
 * Launches headless Firefox with the extension installed, and downloads saved to a fresh folder without
 * asking. Extension pages are found by their address (`findPage`), since BiDi reports them as about:blank.
 * @param {{ extensionDir: string, firefoxPath?: string }} options
 */
export async function launchFirefoxWithExtension({ extensionDir, firefoxPath = findFirefox() ?? undefined }) {
  if (!firefoxPath) throw new Error('Firefox not found: install firefox-esr (apt-get install -y firefox-esr) or set FIREFOX_PATH.');
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const uuid = crypto.randomUUID();
  const downloadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'precis-ff-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json',
      'browser.download.panel.shown': true,
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (e) {
    await browser.close();
    throw e;
  }
  const origin = `moz-extension://${uuid}`;
  return {
    browser,
    origin,
    downloadDir,
    /**
     * The open page whose address starts with `prefix` (waits up to `timeout` ms).
     * @param {string} prefix @returns {Promise<import('puppeteer-core').Page>}
     */
    async findPage(prefix, timeout = 15_000) {
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        for (const page of await browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(prefix)) return page;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`No page at ${prefix} within ${timeout} ms`);
    },
    async close() {
      await browser.close().catch(() => {});
      fs.rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}
