// The production build (no host permission), as users install it: a real toolbar click grants activeTab,
// and the popup fills itself from the page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LABELS, field, readForm, sourceHint, waitForExtraction, pageNotice } from '../../scripts/lib/popup.mjs';
import { SAMPLE, sampleBodyWordCount, useHarness } from './support';
import { sourceText } from '../../utils/extract/sources';

const h = useHarness('production');

/** A real toolbar click on the article's tab (granting activeTab), then the popup for that tab as a page. */
async function clickedPopup(): Promise<{ popup: Page; tabId: number }> {
  const { page, tabId } = await h.browser.openTab(h.server.url(SAMPLE.file));
  const realPopup = await h.browser.clickToolbarButton(page);
  expect(realPopup, 'Extensions.triggerAction opened no popup').not.toBeNull();
  const popup = await h.browser.openPopup(tabId, { viewport: { width: 480, height: 900 } });
  expect(await waitForExtraction(popup)).toBe('filled');
  return { popup, tabId };
}

describe('production build, toolbar click (activeTab)', () => {
  it('has no host permission, so without a click it cannot read the page', async () => {
    const manifest = await (await h.browser.helper()).evaluate(() => (globalThis as any).chrome.runtime.getManifest());
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'storage']));

    const { page, tabId } = await h.browser.openTab(h.server.url(`${SAMPLE.file}?not-clicked`));
    const unclicked = await h.browser.openPopup(tabId);
    expect(await waitForExtraction(unclicked)).toBe('notice');
    expect(await field(unclicked, LABELS.title).inputValue()).not.toBe(SAMPLE.title);
    await unclicked.close();
    await page.close();
  });

  it('opens the real popup on a toolbar click, and it fills itself from the article', async () => {
    const { page } = await h.browser.openTab(h.server.url(SAMPLE.file));
    const realPopup = await h.browser.clickToolbarButton(page, { closePopup: false });
    expect(realPopup, 'Extensions.triggerAction opened no popup').not.toBeNull();
    // The real popup (not a Playwright page) reads the active tab: its Title fills from the article.
    const titleInRealPopup = `(() => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Title');
      const input = label && document.getElementById(label.htmlFor);
      return input ? input.value : null;
    })()`;
    await expect
      .poll(() => h.browser.evaluateInTarget(realPopup!.targetId, titleInRealPopup), { timeout: 15_000, interval: 200 })
      .toBe(SAMPLE.title);
  });

  it('fills every field the article gives, with the controls the UI contract names', async () => {
    const { popup } = await clickedPopup();
    const form = await readForm(popup);
    expect(form.title).toBe(SAMPLE.title);
    expect(form.url).toBe(h.server.url(SAMPLE.file));
    expect(form.author.split(/\s*;\s*/)).toContain(SAMPLE.author);
    expect(form.publisher).toBe(SAMPLE.publisher);
    expect(form.date).toBe(SAMPLE.date);
    expect(form.language).toMatch(SAMPLE.language);
    const expectedWords = sampleBodyWordCount();
    const words = Number(form.wordCount);
    expect(words, `Word Count ${form.wordCount}, article body has ${expectedWords} words`).toBeGreaterThan(expectedWords * 0.95);
    expect(words).toBeLessThan(expectedWords * 1.1);
    expect(await pageNotice(popup).count()).toBe(0);
    // Control kinds from the UI contract.
    const kind = (label: string) => field(popup, label).evaluate((el) => `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''}`);
    expect(await kind(LABELS.date)).toBe('input[date]');
    expect(await kind(LABELS.wordCount)).toBe('input[number]');
    expect(await kind(LABELS.literatureType)).toBe('select');
    expect(await kind(LABELS.summary)).toBe('textarea');
  });

  it('shows where each value came from, as the extractor reports it', async () => {
    const { popup, tabId } = await clickedPopup();
    // The extractor's own answer for the same tab (the click granted access), to compare the hints with.
    const result = await h.browser.extractInTab(tabId);
    expect(result?.ok, JSON.stringify(result)).toBe(true);
    const draft = result.draft;
    const fields: Array<[string, string, boolean]> = [
      ['title', LABELS.title, Boolean(draft.title)],
      ['authors', LABELS.author, draft.authors.length > 0],
      ['publisher', LABELS.publisher, Boolean(draft.publisher)],
      ['publishedDate', LABELS.date, Boolean(draft.publishedDate)],
      ['place', LABELS.place, Boolean(draft.place)],
      ['literatureType', LABELS.literatureType, Boolean(draft.literatureType)],
      ['wordCount', LABELS.wordCount, draft.wordCount != null],
      ['language', LABELS.language, Boolean(draft.language)],
      ['keywords', LABELS.keywords, draft.keywords.length > 0],
      ['section', LABELS.section, Boolean(draft.section)],
    ];
    const problems: string[] = [];
    for (const [key, label, filled] of fields) {
      const hint = await sourceHint(popup, label);
      const source = draft.sources[key] && sourceText(draft.sources[key]);
      const expected = !filled || !source ? 'not found on the page' : draft.guessed.includes(key) ? `guessed from ${source}` : `from ${source}`;
      if (hint !== expected) problems.push(`${label}: hint ${JSON.stringify(hint)}, expected ${JSON.stringify(expected)}`);
    }
    expect(problems).toEqual([]);
    // The sample carries JSON-LD: the structured data shows through in the hints.
    expect(await sourceHint(popup, LABELS.author)).toBe('from JSON-LD');
    expect(await sourceHint(popup, LABELS.title)).toMatch(/^from (JSON-LD|OpenGraph|page headline)$/);
  });
});
