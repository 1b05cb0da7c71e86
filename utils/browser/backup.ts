import { browser } from 'wxt/browser';

const LAST_EXPORT_KEY = 'library.lastExport';

/** When the library was last exported (any format), or null if never. */
export async function loadLastExport(): Promise<Date | null> {
  const stored = (await browser.storage.local.get(LAST_EXPORT_KEY))[LAST_EXPORT_KEY];
  if (typeof stored !== 'string') return null;
  const date = new Date(stored);
  return Number.isNaN(date.getTime()) ? null : date;
}

export async function storeLastExport(when: Date = new Date()): Promise<void> {
  await browser.storage.local.set({ [LAST_EXPORT_KEY]: when.toISOString() });
}
