// Drafting on the device: the popup drafts a summary from the article, the user edits it (a second draft
// never overwrites the edit without asking), adds two suggested keywords and saves. Then the browser's own
// AI (a stand-in Summarizer global): download progress, streaming, cancel.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LABELS, clickSave, exportJson, field, keywordTags, waitForExtraction } from '../../scripts/lib/popup.mjs';
import { RESULTS_DIR, SAMPLE, startHarness, type Harness } from './support';

let h: Harness;
let popup: Page;
let articleText = '';

beforeAll(async () => {
  h = await startHarness('e2e');
  const { page, tabId } = await h.browser.openTab(h.server.url(SAMPLE.file));
  articleText = await page.locator('.article-body').innerText();
  popup = await h.browser.openPopup(tabId, { viewport: { width: 480, height: 900 } });
  expect(await waitForExtraction(popup)).toBe('filled');
});
afterAll(async () => {
  await h?.close();
});

const summary = () => field(popup, LABELS.summary);
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const suggestions = () => popup.getByRole('list', { name: 'Suggested keywords' }).getByRole('button');

describe('summary draft and keyword suggestions', () => {
  let edited = '';
  let added: string[] = [];

  it('drafts the empty summary from the article by itself, in the article’s words', async () => {
    await expect.poll(() => summary().inputValue(), { timeout: 15_000 }).not.toBe('');
    const draft = await summary().inputValue();
    // An extractive draft: its first sentence is one of the article's own.
    const firstSentence = draft.split(/(?<=[.!?])\s/)[0];
    expect(firstSentence.length).toBeGreaterThan(20);
    expect(articleText.replace(/\s+/g, ' ')).toContain(firstSentence);
  });

  it('redrafts at the chosen length when asked, without a question while the draft is untouched', async () => {
    const medium = await summary().inputValue();
    await popup.getByLabel('Length', { exact: true }).selectOption('short');
    await popup.getByRole('button', { name: 'Draft summary', exact: true }).click();
    await expect.poll(() => summary().inputValue(), { timeout: 10_000 }).not.toBe(medium);
    expect(words(await summary().inputValue())).toBeLessThan(words(medium));
    expect(await popup.getByRole('group', { name: /summary has your text/ }).count()).toBe(0);
  });

  it('asks before drafting over the user’s edit, and keeps it on "Keep mine" (by keyboard)', async () => {
    await summary().click();
    await summary().press('Control+End');
    await summary().pressSequentially(' Harbour grids are the real cost.');
    edited = await summary().inputValue();
    expect(edited).toMatch(/real cost\.$/);

    await popup.getByRole('button', { name: 'Draft summary', exact: true }).focus();
    await popup.keyboard.press('Enter');
    const choice = popup.getByRole('group', { name: /summary has your text/ });
    await choice.waitFor();
    for (const name of ['Replace it', 'Add below it', 'Keep mine']) expect(await choice.getByRole('button', { name, exact: true }).count()).toBe(1);
    // The question takes the focus; Escape answers "Keep mine".
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Replace it');
    await popup.keyboard.press('Escape');
    await expect.poll(() => choice.count()).toBe(0);
    expect(await summary().inputValue()).toBe(edited);
  });

  it('adds two suggested keywords, one by click and one by keyboard, and hides them once added', async () => {
    await expect.poll(() => suggestions().count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const before = await keywordTags(popup);
    const name = async (i: number) => (await suggestions().nth(i).innerText()).replace(/^Add keyword\s*/, '').trim();
    const first = await name(0);
    await suggestions().nth(0).click();
    // The focus moves to the suggestion now in the first place: Enter adds it.
    const second = await name(0);
    expect(await popup.evaluate(() => document.activeElement?.closest('ul')?.getAttribute('aria-label'))).toBe('Suggested keywords');
    await popup.keyboard.press('Enter');
    await expect.poll(() => keywordTags(popup)).toEqual([...before, first, second]);
    const left = await suggestions().allInnerTexts();
    expect(left.map((t) => t.replace(/^Add keyword\s*/, '').trim())).not.toEqual(expect.arrayContaining([first]));
    added = [first, second];
  });

  it('saves the edited summary and both keywords', async () => {
    expect(await clickSave(popup)).toBe('saved');
    const { data } = await exportJson(popup, path.join(RESULTS_DIR, 'downloads-draft-summary'));
    expect(data.records).toHaveLength(1);
    expect(data.records[0].summary).toBe(edited.trim());
    expect(data.records[0].keywords).toEqual(expect.arrayContaining(added));
  });
});

// Chrome's built-in Summarizer cannot run here: a stand-in global, injected before the popup's scripts,
// downloads "a model" in three steps and streams a fixed summary.
function installFakeSummarizer() {
  const w = window as unknown as Record<string, any>;
  const calls: { created: Array<Record<string, unknown>>; destroyed: number } = { created: [], destroyed: 0 };
  w.fakeSummarizerCalls = calls;
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  w.Summarizer = {
    async availability() {
      return 'downloadable';
    },
    async create(options: Record<string, any>) {
      calls.created.push({ type: options.type, length: options.length, outputLanguage: options.outputLanguage });
      const monitor = new EventTarget();
      options.monitor?.(monitor);
      for (const loaded of [0, 0.5, 1]) {
        await wait(200);
        monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded }));
      }
      return {
        inputQuota: 1e6,
        async measureInputUsage(text: string) {
          return text.length / 4;
        },
        async summarize() {
          return 'unused';
        },
        summarizeStreaming(_text: string, call: { signal?: AbortSignal } = {}) {
          const pieces = ['The harbours ', 'plug in ', 'their ferries.'];
          let i = 0;
          return new ReadableStream<string>({
            async pull(controller) {
              await wait(w.slowSummarizer ? 60_000 : 100);
              if (call.signal?.aborted) return controller.error(new DOMException('cancelled', 'AbortError'));
              if (i < pieces.length) controller.enqueue(pieces[i++]);
              else controller.close();
            },
          });
        },
        destroy() {
          calls.destroyed++;
        },
      };
    },
  };
}

describe('the browser’s own AI, when it has one', () => {
  let ai: Page;
  const aiSummary = () => field(ai, LABELS.summary);

  beforeAll(async () => {
    // Another address than the page saved above, so the popup starts a new record.
    const { tabId } = await h.browser.openTab(h.server.url(`${SAMPLE.file}?edition=2`));
    ai = await h.browser.openPopup(tabId, { viewport: { width: 480, height: 900 } });
    await ai.addInitScript(installFakeSummarizer);
    await ai.reload();
    expect(await waitForExtraction(ai)).toBe('filled');
  });

  it('offers "Browser AI", shows the model download, and streams its summary into the field', async () => {
    const engine = ai.getByLabel('Draft with', { exact: true });
    await engine.waitFor({ timeout: 10_000 });
    expect(await engine.locator('option').allInnerTexts()).toEqual([expect.any(String), 'Browser AI (downloads a model first)']);
    await engine.selectOption('browser-ai');
    await ai.getByLabel('Style', { exact: true }).selectOption('key-points');
    await ai.getByLabel('Length', { exact: true }).selectOption('long');
    await expect.poll(() => aiSummary().inputValue(), { timeout: 10_000 }).not.toBe('');
    await ai.getByRole('button', { name: 'Draft summary', exact: true }).click();
    await ai.getByRole('progressbar').waitFor({ timeout: 5_000 });
    await expect.poll(() => aiSummary().inputValue(), { timeout: 10_000 }).toBe('The harbours plug in their ferries.');
    const calls = await ai.evaluate(() => (window as unknown as Record<string, any>).fakeSummarizerCalls);
    expect(calls.created).toEqual([{ type: 'key-points', length: 'long', outputLanguage: 'en' }]);
    await expect.poll(() => ai.evaluate(() => (window as unknown as Record<string, any>).fakeSummarizerCalls.destroyed)).toBe(1);
  });

  it('cancels by keyboard and puts back what the summary held', async () => {
    await aiSummary().fill('My own summary.');
    await ai.evaluate(() => ((window as unknown as Record<string, any>).slowSummarizer = true));
    await ai.getByRole('button', { name: 'Draft summary', exact: true }).click();
    await ai.getByRole('button', { name: 'Replace it', exact: true }).click();
    const cancel = ai.getByRole('button', { name: 'Cancel draft', exact: true });
    await cancel.waitFor();
    await expect.poll(() => ai.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Cancel draft');
    await ai.keyboard.press('Enter');
    await ai.getByRole('button', { name: 'Draft summary', exact: true }).waitFor();
    expect(await aiSummary().inputValue()).toBe('My own summary.');
    expect(await ai.getByText('Draft cancelled', { exact: false }).count()).toBe(1);
  });
});
