// Driving Firefox ESR with the built extension (puppeteer-core over WebDriver BiDi). Playwright cannot
// drive Debian's Firefox. See ../shared/notes/browser-testing.md (Firefox).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import puppeteer from 'puppeteer-core';
import { ROOT } from './browser.mjs';
import { emptyExtensionStorage } from './empty-storage.mjs';

/** How long close() waits for Firefox to quit before killing it. */
const CLOSE_TIMEOUT_MS = 20_000;
/** How often findPage looks at the open pages again between target events. */
const FIND_POLL_MS = 200;

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
      // Keep Firefox's background services off the network (this machine has none): a remote-settings sync
      // left running is one of the things its shutdown waits for.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'app.normandy.enabled': false,
      'extensions.systemAddon.update.enabled': false,
      'browser.region.network.url': '',
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
     * The open page whose address starts with `prefix`: looked for among the open pages now, and again each
     * time a page is created or changes, and every FIND_POLL_MS (BiDi reports extension pages as about:blank, so
     * each is asked).
     * @param {string} prefix @returns {Promise<import('puppeteer-core').Page>}
     */
    async findPage(prefix, timeout = 15_000) {
      // A page counts once it has loaded: a tab just opened can report its address while still the blank
      // document it started as, without the extension's APIs.
      // A page at the address that is still loading is waited for by its own load event (BiDi sends no
      // target event when it completes).
      const lookup = async () => {
        for (const page of await browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => null);
          if (!href?.startsWith(prefix)) continue;
          const ready = await page
            .evaluate(
              () =>
                document.readyState === 'complete' ||
                new Promise((resolve) => window.addEventListener('load', () => resolve(location.href !== 'about:blank'), { once: true })),
            )
            .catch(() => false);
          if (ready) return page;
        }
        return null;
      };
      /** @type {() => void} */
      let wake = () => {};
      const onTarget = () => wake();
      browser.on('targetcreated', onTarget);
      browser.on('targetchanged', onTarget);
      const deadline = Date.now() + timeout;
      try {
        for (;;) {
          const changed = new Promise((resolve) => (wake = () => resolve(undefined)));
          const page = await lookup();
          if (page) return page;
          const left = deadline - Date.now();
          if (left <= 0) throw new Error(`No page at ${prefix} within ${timeout} ms`);
          /** @type {ReturnType<typeof setTimeout> | undefined} */
          let timer;
          // Events are not enough: a page found still loading fires none when it completes, and waiting for the
          // next event held a test for the whole timeout (seen: a 15 s stall before a popup that was ready). Poll.
          await Promise.race([changed, new Promise((resolve) => (timer = setTimeout(resolve, Math.min(left, FIND_POLL_MS))))]);
          clearTimeout(timer);
        }
      } finally {
        browser.off('targetcreated', onTarget);
        browser.off('targetchanged', onTarget);
      }
    },
    /**
     * The downloaded file named like `pattern`, once `parse` reads it without throwing (Firefox creates the
     * file before it has written it). Woken by changes in the download folder.
     * @template T
     * @param {RegExp} pattern @param {(bytes: Buffer) => T} parse
     * @returns {Promise<{ file: string, value: T }>}
     */
    async waitForDownload(pattern, parse, timeout = 15_000) {
      /** @type {fs.FSWatcher | undefined} */
      let watcher;
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      try {
        return await new Promise((resolve, reject) => {
          const check = () => {
            const name = fs.readdirSync(downloadDir).find((f) => pattern.test(f));
            if (!name) return;
            try {
              resolve({ file: path.join(downloadDir, name), value: parse(fs.readFileSync(path.join(downloadDir, name))) });
            } catch {
              /* not written yet: the next change in the folder checks again */
            }
          };
          watcher = fs.watch(downloadDir, check);
          timer = setTimeout(() => reject(new Error(`No download like ${pattern} within ${timeout} ms; downloads: ${fs.readdirSync(downloadDir).join(', ')}`)), timeout);
          check();
        });
      } finally {
        watcher?.close();
        clearTimeout(timer);
      }
    },
    /**
     * Back to a fresh install's state between tests: every page but `keep` closed, the downloads folder, the
     * extension's storage and its databases emptied (from `keep`, an extension page), then `keep` reloaded.
     * @param {import('puppeteer-core').Page} keep
     */
    async reset(keep) {
      for (const page of await browser.pages()) if (page !== keep) await page.close().catch(() => {});
      await waitForFunction(keep, () => typeof (/** @type {any} */ (globalThis).browser?.storage) === 'object', { timeout: 15_000 });
      for (const name of fs.readdirSync(downloadDir)) fs.rmSync(path.join(downloadDir, name), { recursive: true, force: true });
      await keep.evaluate(emptyExtensionStorage);
      await keep.evaluate(() => {
        /** @type {any} */ (window).__beforeReload = true;
        // page.reload() waits for a load event that WebDriver BiDi does not report for extension pages here.
        setTimeout(() => location.reload(), 0);
      });
      await waitForFunction(keep, () => !(/** @type {any} */ (window).__beforeReload) && document.readyState === 'complete', { timeout: 15_000 });
    },
    async close() {
      // Firefox once took more than two minutes to quit after WebDriver BiDi's browser.close (seen in one shuffled
      // run of five): a bounded wait, then the process is killed, so a slow shutdown never holds a test file.
      const proc = browser.process();
      const closed = browser.close().catch(() => {});
      const gone = await Promise.race([closed.then(() => true), new Promise((r) => setTimeout(() => r(false), CLOSE_TIMEOUT_MS))]);
      if (!gone || (proc && proc.exitCode === null && proc.signalCode === null)) proc?.kill('SIGKILL');
      fs.rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until `predicate(...args)` is truthy in `page`, and resolves with a handle to that value, as
 * Puppeteer's page.waitForFunction does. Puppeteer's own rebuilds the predicate with `new Function` inside
 * the page, which an extension page's CSP forbids (Firefox ESR 140.12 applies it to WebDriver BiDi's scripts
 * too: "call to Function() blocked by CSP"). Here the whole wait is one function the browser compiles
 * itself; `args` may be element handles. The predicate is checked on every DOM change and every 50 ms
 * (it may read state that is not in the DOM: storage, performance entries).
 * @template T
 * @param {import('puppeteer-core').Page} page
 * @param {(...args: any[]) => T} predicate
 * @param {{ timeout?: number }} [options]
 * @param {...unknown} args
 * @returns {Promise<import('puppeteer-core').JSHandle<T>>}
 */
export async function waitForFunction(page, predicate, options = {}, ...args) {
  const deadline = Date.now() + (options.timeout ?? 30_000);
  for (;;) {
    const left = Math.max(0, deadline - Date.now());
    // Compiled here, in Node (test code, not the extension's), and sent to the browser as source.
    // eslint-disable-next-line no-new-func
    const wait = new Function('...args', `return (${waitInPage.toString()})(${predicate.toString()}, args, ${left});`);
    try {
      return /** @type {any} */ (await page.evaluateHandle(/** @type {any} */ (wait), ...args));
    } catch (e) {
      // The page navigated (a reload) while waiting: wait again in the new document, as Puppeteer does.
      const gone = /context|navigat|destroyed|realm/i.test(String(/** @type {any} */ (e)?.message));
      if (!gone || Date.now() >= deadline) throw e;
    }
  }
}

/** @param {(...args: any[]) => unknown} predicate @param {unknown[]} args @param {number} timeout */
function waitInPage(predicate, args, timeout) {
  return new Promise((resolve, reject) => {
    let done = false;
    /** @type {ReturnType<typeof setTimeout>} */ let timer;
    /** @type {ReturnType<typeof setInterval>} */ let poll;
    const observer = new MutationObserver(() => check());
    const finish = () => {
      done = true;
      observer.disconnect();
      clearInterval(poll);
      clearTimeout(timer);
    };
    const check = () => {
      if (done) return;
      try {
        const value = predicate(...args);
        if (value) {
          finish();
          resolve(value);
        }
      } catch (e) {
        finish();
        reject(e);
      }
    };
    timer = setTimeout(() => {
      finish();
      reject(new Error(`Waiting failed: ${timeout} ms exceeded`));
    }, timeout);
    poll = setInterval(check, 50);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    check();
  });
}
