import { browser } from 'wxt/browser';

const LAST_EXPORT_KEY = 'library.lastExport';

/** When the library was last exported (any format), or null if never. */
export async function loadLastExport(): Promise<Date | null> {
  const stored = (await browser.storage.local.get(LAST_EXPORT_KEY))[LAST_EXPORT_KEY];
  if (typeof stored !== 'string') return null;
  const date = new Date(stored);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Notes when an export was made. Called once the download has started, so a storage failure is logged, not
 * thrown: the export itself worked, and only the reminder would be out of date.
 */
export async function storeLastExport(when: Date = new Date()): Promise<void> {
  try {
    await browser.storage.local.set({ [LAST_EXPORT_KEY]: when.toISOString() });
  } catch (error) {
    console.warn('Précis: could not note the time of this export', error);
  }
}
