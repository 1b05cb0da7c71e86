// Hostile pages (tests/fixtures/hostile) clipped with the real extension (e2e build). For every page:
// the popup fills sensible fields or says plainly why not; nothing from the page runs in the popup
// (no marker, no dialog, no request from an extension origin, no live markup); the page's DOM is the
// same before and after clipping.
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { keywordTags, pageNotice, readForm, waitForExtraction, type FormValues } from '../../scripts/lib/popup.mjs';
import { serveDir, type StaticServer } from '../../scripts/lib/serve.mjs';
import { countWords } from '../../utils/extract/text';
import { EXTRACTION_LIMITS, clippedNotice } from '../../utils/extract/limits';
import { GENERATED_PAGES } from '../fixtures/hostile/generated.mjs';
import { ROOT, useHarness } from './support';

const h = useHarness('e2e');
let site: StaticServer;
let popupErrors: string[] = [];
let dialogs: string[] = [];
let firstRequest = 0;

beforeAll(async () => {
  site = await serveDir(path.join(ROOT, 'tests/fixtures/hostile'), { pages: GENERATED_PAGES, htmlCharset: false });
});
afterAll(async () => {
  await site?.close();
});
beforeEach(() => {
  popupErrors = [];
  dialogs = [];
  firstRequest = site.requests.length;
});
// Whatever the page: no payload reached the test server from an extension page, and the popup raised
// nothing (no uncaught error, no dialog).
afterEach(() => {
  const fromExtension = site.requests
    .slice(firstRequest)
    .filter((r) => /extension:/.test(r.path) || /^(?:chrome|moz)-extension:/.test(r.origin ?? '') || /^(?:chrome|moz)-extension:/.test(r.referer ?? ''));
  expect(fromExtension).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(popupErrors).toEqual([]);
});

// Every node's type, name, attributes and text, in document order, read by a loop (serialising a DOM
// 20,000 levels deep with outerHTML crashes the renderer).
const DOM_WALK = `(() => {
  const parts = [];
  let node = document;
  while (node) {
    parts.push(node.nodeType + ':' + node.nodeName + ':' + (node.nodeValue ?? ''));
    if (node.attributes) for (const a of node.attributes) parts.push('@' + a.name + '=' + a.value);
    if (node.firstChild) { node = node.firstChild; continue; }
    while (node && !node.nextSibling) { node = node.parentNode; parts.push('/'); }
    node = node && node.nextSibling;
  }
  return parts.join('\\n');
})()`;

/**
 * SHA-256 of the page's DOM, read in a fresh isolated world of our own, so the page's poisoned builtins
 * cannot lie to the check.
 */
async function domDigest(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'precis-dom-digest' });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: DOM_WALK, contextId: executionContextId, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return crypto.createHash('sha256').update(String(result.value)).digest('hex');
  } finally {
    await cdp.detach().catch(() => {});
  }
}

interface Clip {
  page: Page;
  popup: Page;
  form: FormValues;
  notice: string;
  /** The extractor's raw result for the same tab (the article text is not a form field). */
  result: any;
  domBefore: string;
  domAfter: string;
}

/** Opens `name` from the hostile site, clips it in the popup and reads everything back. */
async function clip(name: string): Promise<Clip> {
  const { page, tabId } = await h.browser.openTab(site.url(name));
  await page.waitForLoadState('networkidle').catch(() => {});
  const domBefore = await domDigest(page);
  const popup = await h.browser.openPopup(tabId, { viewport: { width: 480, height: 900 } });
  popup.on('pageerror', (e) => popupErrors.push(`${name}: ${e.message}`));
  popup.on('dialog', (d) => {
    dialogs.push(`${name}: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  await waitForExtraction(popup, 45_000);
  const form = await readForm(popup);
  const notice = (await pageNotice(popup).count()) ? (await pageNotice(popup).first().innerText()).trim() : '';
  const result = await h.browser.extractInTab(tabId);
  const domAfter = await domDigest(page);
  return { page, popup, form, notice, result, domBefore, domAfter };
}

/** Nothing from the page ran or became markup in the extension page. */
async function expectInertPopup(c: Clip) {
  const state = await c.popup.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    foreign: document.querySelectorAll('img, svg, iframe, object, embed, script:not([src])').length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
  }));
  expect(state).toEqual({ pwned: null, handlers: 0, foreign: 0, jsLinks: 0 });
}

/** The page's DOM is what it was before clipping; then both tabs are closed. */
async function expectUntouchedAndClose(c: Clip) {
  expect(c.domAfter).toBe(c.domBefore);
  await c.popup.close();
  await c.page.close();
}

describe('hostile pages', () => {
  it('script and event-handler payloads: clipped as inert text, nothing runs in the popup', async () => {
    const c = await clip('script-payloads.html');
    expect(c.result.ok).toBe(true);
    // The payloads arrive as text in the fields, exactly as the page states them.
    expect(c.form.title).toMatch(/Harbour|Shore power/);
    expect(c.form.author).toMatch(/Mallory/);
    // Tag-like text is dropped from short fields; what stays is text, never markup.
    const tags = await keywordTags(c.popup);
    expect(tags).toContain('harbours');
    expect(tags.filter((k) => /[<>]/.test(k))).toEqual([]);
    expect(c.form.date).toBe('2024-03-18');
    // The record's URL is the page's, never the javascript: canonical or og:url.
    expect(c.form.url).toBe(site.url('script-payloads.html'));
    expect(c.result.draft.text).toContain('<script>window.__pwned=1</script> as plain text');
    expect(c.result.draft.text).not.toMatch(/javascript:/i);
    // The page's own payloads did run in the page (the probe works), from http: only.
    expect(site.requests.slice(firstRequest).some((r) => r.path.startsWith('/pwned?in=http:'))).toBe(true);
    await expectInertPopup(c);
    await expectUntouchedAndClose(c);
  });

  it('a page that poisons Array, JSON, String, RegExp, Object, Node and document before we run: read correctly anyway', async () => {
    const c = await clip('poisoned-prototypes.html');
    expect(c.result.ok).toBe(true);
    expect(c.form.title).toBe('Tide Tables and Their Keepers');
    expect(c.form.author).toBe('Jonas Berg');
    expect(c.form.publisher).toBe('Coastal Notes');
    expect(c.form.date).toBe('2023-11-02');
    expect(c.result.draft.isArticle).toBe(true);
    expect(c.result.draft.text).toContain('Every harbour office on this coast keeps a shelf of tide tables');
    expect(JSON.stringify(c.result)).not.toContain('POISONED');
    expect(c.notice).toBe('');
    await expectInertPopup(c);
    await expectUntouchedAndClose(c);
  });

  it('iframes (srcdoc and a framed page): the top document is clipped, frames are neither read nor run', async () => {
    const c = await clip('iframes.html');
    expect(c.form.title).toBe('Lighthouses Without Keepers');
    expect(c.form.author).toBe('Ines Duarte');
    expect(c.result.draft.text).toContain('The last keepers left the lighthouses');
    expect(c.result.draft.text).not.toMatch(/SRCDOC FRAME|CHILD FRAME|<script/);
    await expectInertPopup(c);
    await expectUntouchedAndClose(c);
  });

  it.each([
    ['windows-1252.html', 'Café, crème brûlée et “œuvres” à 5 €', 'Aurélie Lefèvre', 'la crème brûlée coûte désormais 5 €', /^fr/],
    ['shift_jis.html', '港の朝市と漁師たちの一日', '山田 花子', '港の朝市には漁から戻った船が次々と着き', /^ja/],
    ['windows-1251.html', 'Северный морской путь: лёд, порты и грузы', 'Анна Петрова', 'Ледоколы прокладывают дорогу', /^ru/],
  ])('non-UTF-8 page %s: decoded by its meta charset', async (name, title, author, phrase, language) => {
    const c = await clip(name);
    expect(c.form.title).toBe(title);
    expect(c.form.author).toBe(author);
    expect(c.form.language).toMatch(language);
    expect(c.result.draft.text).toContain(phrase);
    expect(c.result.draft.text).not.toContain('\ufffd');
    await expectUntouchedAndClose(c);
  });

  it('5 MB of text: the title, then the first 50,000 words and a "page too large" notice', async () => {
    const c = await clip('huge-text.html');
    expect(c.form.title).toBe('A Very Long Quarry Report');
    expect(c.form.author).toBe('Pat Quarry');
    expect(c.notice).toBe(clippedNotice(EXTRACTION_LIMITS.maxWords));
    expect(c.notice).toBe('Page too large: clipped the first 50,000 words.');
    expect(countWords(c.result.draft.text)).toBe(EXTRACTION_LIMITS.maxWords);
    expect(c.form.wordCount).toBe('');
    await expectUntouchedAndClose(c);
  }, 120_000);

  it('100,000 elements: clipped with a notice instead of a frozen tab', async () => {
    const c = await clip('many-elements.html');
    expect(c.form.title).toBe('One Hundred Thousand Stones');
    expect(c.notice).toBe('Page too large: clipped the first 50,000 words.');
    expect(c.result.draft.text.startsWith('One Hundred Thousand Stones\nstone0 stone1 stone2')).toBe(true);
    await expectUntouchedAndClose(c);
  }, 120_000);

  it('endless nesting (10,000 divs in markup, 2,000 built by script): read by the capped walk, no stack overflow', async () => {
    const c = await clip('deep-nesting.html');
    expect(c.result.ok).toBe(true);
    expect(c.form.title).toBe('The Bottom of the Well');
    expect(c.result.draft.text).toContain('At the bottom of the well: The breakwater was built');
    expect(c.result.draft.text).toContain('Two thousand levels down.');
    expect(c.notice).toMatch(/too large/i);
    await expectUntouchedAndClose(c);
  });

});
