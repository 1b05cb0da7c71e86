// Drafting on the device: the popup drafts a summary from the article, the user edits it (a second draft
// never overwrites the edit without asking), adds two suggested keywords and saves. Then the browser's own
// AI (a stand-in Summarizer global): download progress, streaming, cancel.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LABELS, clickSave, exportJson, field, keywordTags, waitForExtraction } from '../../scripts/lib/popup.mjs';
import { SAMPLE, testDir, useHarness } from './support';

const h = useHarness('e2e');
let popup: Page;
let articleText = '';

beforeEach(async () => {
  const { page, tabId } = await h.browser.openTab(h.server.url(SAMPLE.file));
  articleText = await page.locator('.article-body').innerText();
  popup = await h.browser.openPopup(tabId, { viewport: { width: 480, height: 900 } });
  expect(await waitForExtraction(popup)).toBe('filled');
});

const summary = () => field(popup, LABELS.summary);
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const suggestions = () => popup.getByRole('list', { name: 'Suggested keywords' }).getByRole('button');
/** The draft the popup makes by itself for the empty summary, once it is there. */
async function autoDraft(): Promise<string> {
  await expect.poll(() => summary().inputValue(), { timeout: 15_000 }).not.toBe('');
  return summary().inputValue();
}
/** Adds the first suggestion by click and the next by keyboard (the focus stays on the list); returns both. */
async function addTwoSuggestions(): Promise<string[]> {
  await expect.poll(() => suggestions().count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  const name = async (i: number) => (await suggestions().nth(i).innerText()).replace(/^Add keyword\s*/, '').trim();
  const first = await name(0);
  await suggestions().nth(0).click();
  // The focus moves to the suggestion now in the first place: Enter adds it.
  const second = await name(0);
  expect(await popup.evaluate(() => document.activeElement?.closest('ul')?.getAttribute('aria-label'))).toBe('Suggested keywords');
  await popup.keyboard.press('Enter');
  return [first, second];
}

describe('summary draft and keyword suggestions', () => {
  it('drafts the empty summary from the article by itself, in the article’s words', async () => {
    const draft = await autoDraft();
    // An extractive draft: its first sentence is one of the article's own.
    const firstSentence = draft.split(/(?<=[.!?])\s/)[0];
    expect(firstSentence.length).toBeGreaterThan(20);
    expect(articleText.replace(/\s+/g, ' ')).toContain(firstSentence);
  });

  it('redrafts at the chosen length when asked, without a question while the draft is untouched', async () => {
    const medium = await autoDraft();
    await popup.getByLabel('Length', { exact: true }).selectOption('short');
    await popup.getByRole('button', { name: 'Draft summary', exact: true }).click();
    await expect.poll(() => summary().inputValue(), { timeout: 10_000 }).not.toBe(medium);
    expect(words(await summary().inputValue())).toBeLessThan(words(medium));
    expect(await popup.getByRole('group', { name: /summary has your text/ }).count()).toBe(0);
  });

  it('asks before drafting over the user’s edit, and keeps it on "Keep mine" (by keyboard)', async () => {
    await autoDraft();
    await summary().click();
    await summary().press('Control+End');
    await summary().pressSequentially(' Harbour grids are the real cost.');
    const edited = await summary().inputValue();
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
    const before = await keywordTags(popup);
    const added = await addTwoSuggestions();
    await expect.poll(() => keywordTags(popup)).toEqual([...before, ...added]);
    const left = await suggestions().allInnerTexts();
    expect(left.map((t) => t.replace(/^Add keyword\s*/, '').trim())).not.toEqual(expect.arrayContaining([added[0]]));
  });

  it('saves the edited summary and both keywords', async () => {
    await autoDraft();
    await summary().click();
    await summary().press('Control+End');
    await summary().pressSequentially(' Harbour grids are the real cost.');
    const edited = await summary().inputValue();
    const added = await addTwoSuggestions();
    expect(await clickSave(popup)).toBe('saved');
    const { data } = await exportJson(popup, testDir());
    expect(data.records).toHaveLength(1);
    expect(data.records[0].summary).toBe(edited.trim());
    expect(data.records[0].keywords).toEqual(expect.arrayContaining(added));
  });
});

// Chrome's built-in Summarizer cannot run here: a stand-in global, injected before the popup's scripts,
// downloads "a model" in three steps and streams a fixed summary.
// The test drives it: the download waits at 0 % until the test calls `releaseDownload()`; with `holdStream`
// set, the stream waits until it is cancelled.
function installFakeSummarizer() {
  const w = window as unknown as Record<string, any>;
  const calls: { created: Array<Record<string, unknown>>; destroyed: number } = { created: [], destroyed: 0 };
  w.fakeSummarizerCalls = calls;
  let releaseDownload = () => {};
  const downloadReleased = new Promise<void>((resolve) => (releaseDownload = resolve));
  w.releaseDownload = releaseDownload;
  w.Summarizer = {
    async availability() {
      return 'downloadable';
    },
    async create(options: Record<string, any>) {
      calls.created.push({ type: options.type, length: options.length, outputLanguage: options.outputLanguage });
      const monitor = new EventTarget();
      options.monitor?.(monitor);
      monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded: 0 }));
      await downloadReleased;
      for (const loaded of [0.5, 1]) monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded }));
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
              if (w.holdStream) await new Promise((resolve) => call.signal?.addEventListener('abort', resolve, { once: true }));
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

  beforeEach(async () => {
    // A popup of its own, with the stand-in installed before its scripts run.
    ai = popup;
    await ai.addInitScript(installFakeSummarizer);
    await ai.reload();
    expect(await waitForExtraction(ai)).toBe('filled');
    await ai.getByLabel('Draft with', { exact: true }).waitFor({ timeout: 10_000 });
  });

  it('offers "Browser AI", shows the model download, and streams its summary into the field', async () => {
    const engine = ai.getByLabel('Draft with', { exact: true });
    expect(await engine.locator('option').allInnerTexts()).toEqual([expect.any(String), 'Browser AI (downloads a model first)']);
    await engine.selectOption('browser-ai');
    await ai.getByLabel('Style', { exact: true }).selectOption('key-points');
    await ai.getByLabel('Length', { exact: true }).selectOption('long');
    await expect.poll(() => aiSummary().inputValue(), { timeout: 10_000 }).not.toBe('');
    await ai.getByRole('button', { name: 'Draft summary', exact: true }).click();
    // The download shows its progress until the model is there.
    await ai.getByRole('progressbar').waitFor({ timeout: 5_000 });
    await ai.evaluate(() => (window as unknown as Record<string, any>).releaseDownload());
    await expect.poll(() => aiSummary().inputValue(), { timeout: 10_000 }).toBe('The harbours plug in their ferries.');
    const calls = await ai.evaluate(() => (window as unknown as Record<string, any>).fakeSummarizerCalls);
    expect(calls.created).toEqual([{ type: 'key-points', length: 'long', outputLanguage: 'en' }]);
    await expect.poll(() => ai.evaluate(() => (window as unknown as Record<string, any>).fakeSummarizerCalls.destroyed)).toBe(1);
  });

  it('cancels by keyboard and puts back what the summary held', async () => {
    await ai.getByLabel('Draft with', { exact: true }).selectOption('browser-ai');
    await aiSummary().fill('My own summary.');
    await ai.evaluate(() => {
      const w = window as unknown as Record<string, any>;
      w.holdStream = true;
      w.releaseDownload();
    });
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
