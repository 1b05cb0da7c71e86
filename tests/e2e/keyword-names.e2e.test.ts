// Keyword suggestions as an analyst uses them: on a news page that names people, places and bodies, the
// first suggestions are those names (one form of each), and two of them, added from the list, are saved.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickSave, exportJson, keywordTags } from '../../scripts/lib/popup.mjs';
import { openFilledPopup, testDir, useHarness } from './support';

const h = useHarness('e2e');
const PAGE = 'names-article.html';
// Names the fixture's text uses (tests/fixtures/pages/names-article.html).
const NAMES = ['Ethiopia', 'Egypt', 'Sudan', 'African Union', 'Addis Ababa', 'Grand Ethiopian Renaissance Dam', 'Selam Tadesse', 'Hassan Farouk', 'Nile'];

const suggestionButtons = (popup: Page) => popup.getByRole('list', { name: 'Suggested keywords' }).getByRole('button');
async function suggestions(popup: Page, min = 5): Promise<string[]> {
  await expect.poll(() => suggestionButtons(popup).count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(min);
  return (await suggestionButtons(popup).allInnerTexts()).map((t) => t.replace(/^Add keyword\s*/, '').trim());
}

describe('keyword suggestions on a page full of names', () => {
  it('offers the names first, each in one form only', async () => {
    const { popup } = await openFilledPopup(h, h.server.url(PAGE));
    const shown = await suggestions(popup);
    expect(shown.slice(0, 5).filter((k) => NAMES.includes(k)).length).toBeGreaterThanOrEqual(4);
    // "Tadesse" alone is the same person as "Selam Tadesse".
    expect(shown).toContain('Selam Tadesse');
    expect(shown).not.toContain('Tadesse');
    expect(shown.map((k) => k.toLowerCase())).not.toEqual(expect.arrayContaining(['problem', 'team']));
  });

  it('adds two suggested names and saves them with the record', async () => {
    const { popup } = await openFilledPopup(h, h.server.url(PAGE));
    const shown = await suggestions(popup);
    const picked = shown.filter((k) => NAMES.includes(k)).slice(0, 2);
    expect(picked).toHaveLength(2);
    const before = await keywordTags(popup);
    for (const name of picked) await suggestionButtons(popup).nth((await suggestions(popup)).indexOf(name)).click();
    await expect.poll(() => keywordTags(popup)).toEqual([...before, ...picked]);
    // Added suggestions leave the list.
    await expect.poll(async () => (await suggestions(popup)).filter((k) => picked.includes(k))).toEqual([]);
    expect(await clickSave(popup)).toBe('saved');
    const { data } = await exportJson(popup, testDir());
    expect(data.records).toHaveLength(1);
    expect(data.records[0].keywords).toEqual(expect.arrayContaining(picked));
  });
});
