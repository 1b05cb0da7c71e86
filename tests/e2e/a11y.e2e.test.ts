// Accessibility of the extension's pages, checked by axe-core in the light and the dark theme, and the
// popup used by keyboard alone. Serious and critical findings fail the test; the rest are printed.
import { beforeEach, describe, expect, it } from 'vitest';
import { LABELS, clickSave, field, statusLine, waitForExtraction } from '../../scripts/lib/popup.mjs';
import { SAMPLE, useHarness } from './support';
import { expectAccessible } from './axe';

const h = useHarness('e2e');
let articleTab: number;

beforeEach(async () => {
  ({ tabId: articleTab } = await h.browser.openTab(h.server.url(SAMPLE.file)));
});

describe('accessibility', () => {
  it('popup filled from an article: no serious findings in either theme', async () => {
    const popup = await h.browser.openPopup(articleTab, { viewport: { width: 480, height: 900 } });
    expect(await waitForExtraction(popup)).toBe('filled');
    // Audited once complete: the summary draft and keyword suggestions arrive after the form.
    await expect.poll(() => field(popup, LABELS.summary).inputValue(), { timeout: 15_000 }).not.toBe('');
    await popup.getByRole('list', { name: 'Suggested keywords' }).waitFor();
    await expectAccessible(popup, 'popup');
    // The dark theme really is dark: the page follows the system.
    expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(27, 31, 38)');
    await popup.emulateMedia({ colorScheme: 'light' });
    expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await popup.close();
  });

  it('popup by keyboard alone: every control is reached with Tab, shows focus, and Ctrl+Enter saves', async () => {
    const popup = await h.browser.openPopup(articleTab, { viewport: { width: 480, height: 900 } });
    expect(await waitForExtraction(popup)).toBe('filled');
    const focusables = await popup.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
          (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0,
        ).length,
    );
    const reached: Array<{ label: string; outline: string }> = [];
    for (let i = 0; i < focusables + 2; i++) {
      await popup.keyboard.press('Tab');
      const now = await popup.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        // Chromium's date field also stops on its calendar button, inside the browser's own shadow tree,
        // which draws its own focus; the field itself then no longer matches :focus.
        if (!el || el === document.body || !el.matches(':focus')) return null;
        const label = (el as HTMLInputElement).labels?.[0]?.textContent?.trim() || el.getAttribute('aria-label') || el.textContent?.trim() || el.tagName;
        const style = getComputedStyle(el);
        // A visible focus indicator: an outline, or (for text fields) the accent border.
        return { label, outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' ? 'outline' : style.borderColor };
      });
      if (now) reached.push(now);
    }
    expect(new Set(reached.map((r) => r.label)).size).toBeGreaterThanOrEqual(Math.min(focusables, 15));
    for (const r of reached) expect(r.outline, `focus shown on ${r.label}`).not.toBe('');
    expect(reached.filter((r) => r.outline !== 'outline').map((r) => r.label)).toEqual([]);

    // Back to the start, Tab to the Title field, type, save with Ctrl+Enter.
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < focusables && !(await field(popup, LABELS.title).evaluate((el) => el === document.activeElement)); i++) {
      await popup.keyboard.press('Tab');
    }
    expect(await field(popup, LABELS.title).evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.press('ControlOrMeta+A');
    await popup.keyboard.type('Typed by keyboard');
    await popup.keyboard.press('Control+Enter');
    await expect.poll(() => statusLine(popup).innerText(), { timeout: 10_000 }).toMatch(/Saved “Typed by keyboard”/);
    await popup.close();
  });

  it('library with records: no serious findings in either theme', async () => {
    // Two records of their own (a query string makes a second address for the same article).
    for (const [page, title] of [
      ['not-an-article.html', 'Site map of the Harbour Review'],
      [`${SAMPLE.file}?for=library`, SAMPLE.title],
    ]) {
      const { tabId } = await h.browser.openTab(h.server.url(page));
      const popup = await h.browser.openPopup(tabId);
      await waitForExtraction(popup);
      await field(popup, LABELS.title).fill(title);
      expect(await clickSave(popup)).toBe('saved');
      await popup.close();
    }

    const library = await h.browser.openExtensionPage('library.html');
    await expect.poll(() => library.getByRole('table').getByRole('row').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await expectAccessible(library, 'library');
    await library.close();
  });

  it('side panel: the popup’s form, as wide as the panel, with no serious findings', async () => {
    // Opened as a tab, the panel's active tab is itself, which no extension may read: the form is filled by hand.
    const panel = await h.browser.openExtensionPage('sidepanel.html', { viewport: { width: 360, height: 800 } });
    expect(await waitForExtraction(panel)).toBe('notice');
    expect(await panel.evaluate(() => document.querySelector('form')!.getBoundingClientRect().width)).toBeLessThanOrEqual(360);
    await expectAccessible(panel, 'side panel');
    await panel.close();
  });

  it('options: no serious findings in either theme', async () => {
    const options = await h.browser.openExtensionPage('options.html');
    await options.getByRole('heading', { name: 'Storage' }).waitFor();
    await expect.poll(() => options.getByText(/saved records/).count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(options, 'options');
    await options.close();
  });
});
