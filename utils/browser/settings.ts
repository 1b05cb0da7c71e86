import { browser } from 'wxt/browser';
import type { SummarizedBy } from '../record/schema';
import { DEFAULT_LITERATURE_TYPES } from '../record/vocabulary';

const SUMMARIZER_KEY = 'settings.summarizer';
const VOCABULARY_KEY = 'settings.literatureTypes';

/** The name and role last used, remembered for the next record. */
export async function loadSummarizer(): Promise<SummarizedBy | null> {
  const stored = (await browser.storage.local.get(SUMMARIZER_KEY))[SUMMARIZER_KEY] as Partial<SummarizedBy> | undefined;
  if (!stored || typeof stored !== 'object') return null;
  return { name: String(stored.name ?? ''), role: String(stored.role ?? '') };
}

export async function saveSummarizer(summarizer: SummarizedBy): Promise<void> {
  await browser.storage.local.set({ [SUMMARIZER_KEY]: { name: summarizer.name, role: summarizer.role } });
}

/** The Type of Literature choices: the user's edited list, or the default vocabulary. */
export async function loadLiteratureTypes(): Promise<string[]> {
  const stored = (await browser.storage.local.get(VOCABULARY_KEY))[VOCABULARY_KEY];
  if (Array.isArray(stored) && stored.length && stored.every((v) => typeof v === 'string')) return stored;
  return [...DEFAULT_LITERATURE_TYPES];
}

export async function saveLiteratureTypes(types: string[]): Promise<void> {
  await browser.storage.local.set({ [VOCABULARY_KEY]: types });
}

const SIDE_PANEL_KEY = 'settings.openInSidePanel';

/** Whether the toolbar button opens the side panel (which stays open on click-away) instead of the popup. */
export async function loadOpenInSidePanel(): Promise<boolean> {
  return (await browser.storage.local.get(SIDE_PANEL_KEY))[SIDE_PANEL_KEY] === true;
}

export async function saveOpenInSidePanel(on: boolean): Promise<void> {
  await browser.storage.local.set({ [SIDE_PANEL_KEY]: on });
}

export function onOpenInSidePanelChanged(listener: (on: boolean) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SIDE_PANEL_KEY]) listener(changes[SIDE_PANEL_KEY].newValue === true);
  });
}
