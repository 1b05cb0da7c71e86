// Driving a real Chromium with the built extension loaded (playwright-core). Shared by `npm start` and the
// end-to-end tests. See ../shared/notes/browser-testing.md for why each flag is here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium, installHelp, ChromiumNotFoundError } from './chromium.mjs';
import { emptyExtensionStorage } from './empty-storage.mjs';

/** Runs inside an extension page (stands alone): closes the side panel of every window, where Chrome can. */
async function closeSidePanels() {
  const chrome = /** @type {any} */ (globalThis).chrome;
  if (!chrome.sidePanel?.close) return;
  for (const w of await chrome.windows.getAll()) await chrome.sidePanel.close({ windowId: w.id }).catch(() => {});
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_PAGES = path.join(ROOT, 'tests/fixtures/pages');

/** `production` → `.output/chrome-mv3` (what users install); `e2e` → `.output/chrome-mv3-e2e`. */
export function buildDir(mode = 'production') {
  return path.join(ROOT, '.output', mode === 'e2e' ? 'chrome-mv3-e2e' : 'chrome-mv3');
}

/** Throws a clear error when a build is missing (the tests do not build by themselves). */
export function requireBuild(mode = 'production') {
  const dir = buildDir(mode);
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    const cmd = mode === 'e2e' ? 'npx wxt build --mode e2e' : 'npx wxt build';
    throw new Error(`No extension build in ${path.relative(ROOT, dir)}: run \`${cmd}\` first (npm test does).`);
  }
  return dir;
}

/** The id Chromium gives an unpacked extension: SHA-256 of its absolute path, first 32 hex digits as a–p. */
export function extensionIdForPath(dir) {
  const hex = crypto.createHash('sha256').update(fs.realpathSync(dir)).digest('hex').slice(0, 32);
  return hex.replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
}

const QUIET_FLAGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

function needsNoSandbox() {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0;
}

function resolveChromium(chromiumPath) {
  const p = chromiumPath ?? findChromium();
  if (!p) throw new ChromiumNotFoundError(installHelp());
  return p;
}

/**
 * Launches Chromium with a fresh profile and the unpacked extension in `extensionDir`.
 * The extension is loaded through the browser's CDP `Extensions.loadUnpacked` (needs
 * `--enable-unsafe-extension-debugging`, which `Extensions.triggerAction` needs too; it also works in
 * branded Chrome, which ignores `--load-extension`); if that is unavailable, through `--load-extension`.
 *
 * `handleSignals: false` leaves SIGINT/SIGTERM to the caller (who must then call close(), which also
 * deletes the temporary profile).
 *
 * @param {{ extensionDir: string, chromiumPath?: string, headless?: boolean, viewport?: {width: number, height: number} | null, handleSignals?: boolean }} options
 */
export async function launchWithExtension({ extensionDir, chromiumPath, headless = true, viewport, handleSignals = true } = /** @type {any} */ ({})) {
  const executablePath = resolveChromium(chromiumPath);
  const dir = fs.realpathSync(extensionDir);
  const attempt = async (viaFlags) => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'precis-profile-'));
    const args = [...QUIET_FLAGS, '--enable-unsafe-extension-debugging'];
    if (needsNoSandbox()) args.push('--no-sandbox');
    if (viaFlags) args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless,
      acceptDownloads: true,
      args,
      ignoreDefaultArgs: ['--disable-extensions'],
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
      ...(viewport !== undefined ? { viewport } : {}),
    });
    const cleanup = async () => {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    };
    try {
      const cdp = await context.browser().newBrowserCDPSession();
      let extensionId;
      if (viaFlags) extensionId = extensionIdForPath(dir);
      else ({ id: extensionId } = await cdp.send('Extensions.loadUnpacked', { path: dir }));
      return new ExtensionBrowser(context, cdp, extensionId, cleanup);
    } catch (e) {
      await cleanup();
      throw e;
    }
  };
  try {
    return await attempt(false);
  } catch (e) {
    if (!/Extensions\.loadUnpacked|wasn't found|not found/i.test(String(e))) throw e;
    return attempt(true);
  }
}

export class ExtensionBrowser {
  /**
   * @param {import('playwright-core').BrowserContext} context
   * @param {import('playwright-core').CDPSession} cdp browser-level CDP session
   * @param {string} extensionId
   * @param {() => Promise<void>} cleanup
   */
  constructor(context, cdp, extensionId, cleanup) {
    this.context = context;
    this.cdp = cdp;
    this.extensionId = extensionId;
    this._cleanup = cleanup;
    /** @type {import('playwright-core').Page | null} */
    this._helper = null;
  }

  /** `chrome-extension://<id>/<page>` */
  extensionUrl(page) {
    return `chrome-extension://${this.extensionId}/${page.replace(/^\/+/, '')}`;
  }

  /**
   * An extension page kept open to call extension APIs (`chrome.tabs.create` returns the tab id, which the
   * popup needs as `?tabId=`). The manifest is used because it is the one page every build has.
   */
  async helper() {
    if (this._helper && !this._helper.isClosed()) return this._helper;
    const blank = this.context.pages().find((p) => p.url() === 'about:blank');
    const page = blank ?? (await this.context.newPage());
    await page.goto(this.extensionUrl('manifest.json'));
    this._helper = page;
    return page;
  }

  /**
   * Opens `url` in a new, active tab through `chrome.tabs.create`, so its extension tab id is known.
   * Works for any page, restricted ones included (`chrome://version`, `data:`…).
   * @returns {Promise<{ page: import('playwright-core').Page, tabId: number }>}
   */
  async openTab(url) {
    const helper = await this.helper();
    const known = new Set(this.context.pages());
    const isNew = (/** @type {import('playwright-core').Page} */ p) => !known.has(p) && p !== helper;
    // Listening before the tab is created; the page may also be listed already when tabs.create answers.
    const appeared = this.context.waitForEvent('page', { predicate: isNew, timeout: 30_000 });
    appeared.catch(() => {});
    const tabId = await helper.evaluate(
      (u) => /** @type {any} */ (globalThis).chrome.tabs.create({ url: u, active: true }).then((/** @type {any} */ t) => t.id),
      url,
    );
    const page =
      this.context.pages().find(isNew) ??
      (await appeared.catch(async () => {
        const tab = await helper
          .evaluate((t) => /** @type {any} */ (globalThis).chrome.tabs.get(t).then((/** @type {any} */ x) => ({ url: x.url, status: x.status })), tabId)
          .catch((/** @type {any} */ e) => String(e?.message ?? e));
        throw new Error(`openTab(${url}): tab ${tabId} (${JSON.stringify(tab)}) never appeared as a page; pages: ${JSON.stringify(this.context.pages().map((p) => p.url()))}`);
      }));
    await page.waitForLoadState('load').catch(() => {});
    return { page, tabId };
  }

  /**
   * The first CDP target (of any page, popup or panel, Playwright's or not) for which `match` holds: one
   * already open, or the next one created or navigated to. Event-driven: no polling.
   * @param {(t: TargetInfo) => boolean} match @param {number} [timeout]
   * @returns {Promise<TargetInfo>}
   */
  async waitForTarget(match, timeout = 15_000) {
    await this.cdp.send('Target.setDiscoverTargets', { discover: true });
    /** @type {(ev: { targetInfo: TargetInfo }) => void} */
    let onTarget = () => {};
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const found = new Promise((resolve, reject) => {
      onTarget = ({ targetInfo }) => {
        if (match(targetInfo)) resolve(targetInfo);
      };
      this.cdp.on('Target.targetCreated', onTarget);
      this.cdp.on('Target.targetInfoChanged', onTarget);
      // The targets there are, in the error: what opened instead, if anything.
      const fail = (/** @type {string} */ seen) => reject(new Error(`No matching target within ${timeout} ms; targets: ${seen}`));
      timer = setTimeout(() => {
        this.cdp.send('Target.getTargets', { filter: [{}] }).then(
          ({ targetInfos }) => fail(JSON.stringify(targetInfos.map((t) => `${t.type} ${t.url}`))),
          () => fail('(not listed)'),
        );
      }, timeout);
    });
    try {
      const { targetInfos } = await this.cdp.send('Target.getTargets', { filter: [{}] });
      const open = targetInfos.find(match);
      return open ?? /** @type {TargetInfo} */ (await found);
    } finally {
      clearTimeout(timer);
      this.cdp.off('Target.targetCreated', onTarget);
      this.cdp.off('Target.targetInfoChanged', onTarget);
    }
  }

  /**
   * Closes every page but the helper (tabs, extension pages, real popups and side panels), then empties the
   * extension's storage and deletes its databases: each test starts from a fresh install's state without
   * the cost of a new browser. The background hears the storage change and goes back to its defaults.
   */
  async reset() {
    const helper = await this.helper();
    // Side panels are closed the browser's way first (Chrome 141+), so that no window keeps a panel open whose
    // page was only destroyed: suspected in a flaky "no side panel target" failure after a test that had opened one.
    await helper.evaluate(closeSidePanels).catch(() => {});
    await Promise.all(this.context.pages().filter((p) => p !== helper).map((p) => p.close()));
    const { targetInfos } = await this.cdp.send('Target.getTargets', { filter: [{}] });
    const helperUrl = helper.url();
    for (const t of targetInfos) {
      if (t.type === 'page' && t.url !== helperUrl) await this.cdp.send('Target.closeTarget', { targetId: t.targetId }).catch(() => {});
    }
    await helper.evaluate(emptyExtensionStorage);
    // A team library's CouchDB session cookie from an earlier test.
    await this.context.clearCookies();
  }

  /**
   * Runs the extension's own extractor (`/extract.js`) in tab `tabId` from an extension page, as the popup
   * does, and returns its result (`{ ok, draft }` or `{ ok: false, … }`; an injection error as `{ ok: false, error }`).
   */
  async extractInTab(tabId) {
    const helper = await this.helper();
    return helper.evaluate(
      (t) =>
        /** @type {any} */ (globalThis).chrome.scripting
          .executeScript({ target: { tabId: t }, files: ['/extract.js'] })
          .then((/** @type {any} */ r) => r[0]?.result)
          .catch((/** @type {any} */ e) => ({ ok: false, error: String(e?.message ?? e) })),
      tabId,
    );
  }

  /** The CDP target of `type: 'tab'` showing `url` (triggerAction needs the tab target, not the page). */
  async tabTargetFor(url) {
    const { targetInfos } = await this.cdp.send('Target.getTargets', { filter: [{}] });
    const tabs = targetInfos.filter((t) => t.type === 'tab' && t.url === url);
    if (tabs.length !== 1) {
      throw new Error(`Expected one tab showing ${url}, found ${tabs.length}: ${JSON.stringify(targetInfos.map((t) => [t.type, t.url]))}`);
    }
    return tabs[0];
  }

  /**
   * A real click on the extension's toolbar button for the tab showing `page` (grants activeTab and opens
   * the real popup). Returns the CDP target info of the popup that opened, which is not a Playwright page.
   * @param {import('playwright-core').Page} page
   * @param {{ closePopup?: boolean }} [options] close the real popup afterwards (default true)
   */
  async clickToolbarButton(page, { closePopup = true } = {}) {
    await page.bringToFront();
    const target = await this.tabTargetFor(page.url());
    const popupUrl = this.extensionUrl('popup.html');
    const { targetInfos } = await this.cdp.send('Target.getTargets', { filter: [{}] });
    const before = new Set(targetInfos.map((t) => t.targetId));
    const opened = this.waitForTarget((t) => t.type === 'page' && t.url.startsWith(popupUrl) && !before.has(t.targetId), 5_000);
    opened.catch(() => {});
    await this.cdp.send('Extensions.triggerAction', { id: this.extensionId, targetId: target.targetId });
    const popup = await opened.catch(() => null);
    if (popup && closePopup) await this.cdp.send('Target.closeTarget', { targetId: popup.targetId }).catch(() => {});
    return popup;
  }

  /**
   * Evaluates `expression` (awaiting a promise) in any CDP target, e.g. the real popup that
   * clickToolbarButton opened, which Playwright does not expose as a page. Returns the value, or throws.
   * @param {string} targetId @param {string} expression
   */
  async evaluateInTarget(targetId, expression, { userGesture = false } = {}) {
    const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId, flatten: false });
    const id = 1;
    try {
      const reply = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          this.cdp.off('Target.receivedMessageFromTarget', onMessage);
          reject(new Error(`No answer from target ${targetId}`));
        }, 10_000);
        const onMessage = (/** @type {any} */ ev) => {
          if (ev.sessionId !== sessionId) return;
          const msg = JSON.parse(ev.message);
          if (msg.id !== id) return;
          clearTimeout(timer);
          this.cdp.off('Target.receivedMessageFromTarget', onMessage);
          resolve(msg);
        };
        this.cdp.on('Target.receivedMessageFromTarget', onMessage);
        const message = JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true, userGesture } });
        this.cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(reject);
      });
      const r = /** @type {any} */ (reply);
      if (r.error) throw new Error(r.error.message);
      if (r.result.exceptionDetails) throw new Error(r.result.exceptionDetails.exception?.description ?? r.result.exceptionDetails.text);
      return r.result.result.value;
    } finally {
      await this.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    }
  }

  /**
   * Opens an extension page (`popup.html`, `library.html`) in a tab of its own.
   * @param {string} name
   * @param {{ tabId?: number, viewport?: { width: number, height: number } }} [options]
   */
  async openExtensionPage(name, { tabId, viewport } = {}) {
    const page = await this.context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(this.extensionUrl(name) + (tabId != null ? `?tabId=${tabId}` : ''));
    return page;
  }

  /** The popup as a page, reading the tab `tabId` (`popup.html?tabId=N`). */
  openPopup(tabId, options = {}) {
    return this.openExtensionPage('popup.html', { ...options, tabId });
  }

  async close() {
    await this._cleanup();
  }
}
