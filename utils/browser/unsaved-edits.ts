import { browser } from 'wxt/browser';
import { emptyFormValues, type FormValues } from '../record/form-values';
import { storageErrorKind } from '../db/storage-errors';
import { DraftStorageFullError, pendingSelections, selectionsIn, withSelections, type PendingSelection } from './selections';

// The popup closes whenever it loses focus; typed work is kept per page address until it is saved.
// Each draft is its own storage item, so a write is one call issued at once: a page that is closing can
// still flush its draft (a read-modify-write of one shared object would not finish in time).
const PREFIX = 'unsavedEdits:';
/** Where drafts lived before each had its own item; read once and moved. */
const LEGACY_KEY = 'unsavedEdits';
const KEEP = 20;
/** When storage is full, older drafts are dropped down to this many before trying again. */
const KEEP_WHEN_FULL = 5;

type FormField = keyof FormValues;

interface StoredDraft {
  values: FormValues;
  at: string;
  /**
   * Set on drafts the context menu started before selections had items of their own (selections.ts): only
   * these fields are the user's, the rest comes from the page. Still read, no longer written.
   */
  fields?: FormField[];
}

export interface UnsavedDraft {
  key: string;
  values: FormValues;
  savedAt: string;
}

const itemKey = (pageKey: string) => PREFIX + pageKey;

function isStoredDraft(v: unknown): v is StoredDraft {
  return !!v && typeof v === 'object' && typeof (v as StoredDraft).at === 'string' && !!(v as StoredDraft).values && typeof (v as StoredDraft).values === 'object';
}

async function moveLegacyDrafts(all: Record<string, unknown>): Promise<void> {
  const legacy = all[LEGACY_KEY];
  if (legacy === undefined) return;
  const items: Record<string, StoredDraft> = {};
  if (legacy && typeof legacy === 'object') {
    for (const [key, entry] of Object.entries(legacy)) if (isStoredDraft(entry) && !(itemKey(key) in all)) items[itemKey(key)] = entry;
  }
  await browser.storage.local.set(items);
  await browser.storage.local.remove(LEGACY_KEY);
  Object.assign(all, items);
}

async function readAll(): Promise<Map<string, StoredDraft>> {
  const all = (await browser.storage.local.get(null)) as Record<string, unknown>;
  await moveLegacyDrafts(all);
  const drafts = new Map<string, StoredDraft>();
  for (const [k, v] of Object.entries(all)) if (k.startsWith(PREFIX) && isStoredDraft(v)) drafts.set(k.slice(PREFIX.length), v);
  return drafts;
}

async function readOne(pageKey: string): Promise<StoredDraft | null> {
  const entry = (await browser.storage.local.get(itemKey(pageKey)))[itemKey(pageKey)];
  if (isStoredDraft(entry)) return entry;
  return (await readAll()).get(pageKey) ?? null;
}

/** Drops all but the `keep` newest drafts; the draft of `current` (being written) is never dropped. */
async function prune(keep: number, current: string): Promise<void> {
  // Drafts written within one millisecond share a time: without the exception, the one just written could go.
  const others = [...(await readAll()).entries()].filter(([k]) => k !== current);
  const oldest = others.sort((a, b) => b[1].at.localeCompare(a[1].at)).slice(Math.max(0, keep - 1));
  if (oldest.length) await browser.storage.local.remove(oldest.map(([k]) => itemKey(k)));
}

async function write(pageKey: string, entry: StoredDraft): Promise<void> {
  try {
    await browser.storage.local.set({ [itemKey(pageKey)]: entry });
  } catch (e) {
    if (storageErrorKind(e) !== 'quota') throw e;
    try {
      await prune(KEEP_WHEN_FULL, pageKey);
      await browser.storage.local.set({ [itemKey(pageKey)]: entry });
    } catch (again) {
      throw new DraftStorageFullError(again);
    }
  }
  await prune(KEEP, pageKey);
}

export async function loadUnsavedEdits(pageKey: string): Promise<FormValues | null> {
  return (await readOne(pageKey))?.values ?? null;
}

export interface RestoredDraft {
  values: FormValues;
  /** Selections from the context menu now in `values`: removed once the form's draft holds them. */
  selections: PendingSelection[];
}

/**
 * The draft to show for a page over `fromPage` (what the page, or the saved record, gives). A draft the
 * popup kept replaces the form; selections the context menu added are appended to the summary, never put
 * in its place, whichever of the page's addresses they were filed under (the popup files drafts under the
 * page's canonical address, the menu under the address it was clicked on).
 */
export async function restoreUnsavedEdits(pageKeys: Array<string | null>, fromPage: FormValues): Promise<RestoredDraft | null> {
  let full: FormValues | null = null;
  const added: string[] = [];
  for (const key of new Set(pageKeys)) {
    if (!key) continue;
    const entry = await readOne(key);
    if (!entry) continue;
    if (!entry.fields) full ??= entry.values;
    else if (entry.fields.includes('summary') && entry.values.summary.trim()) added.push(entry.values.summary.trim());
  }
  const selections = await pendingSelections(pageKeys);
  if (!full && !added.length && !selections.length) return null;
  const base = full ?? fromPage;
  const missing = added.filter((text) => !base.summary.includes(text));
  const summary = missing.length ? [base.summary.trimEnd(), ...missing].filter(Boolean).join('\n\n') : base.summary;
  return { values: { ...base, summary: withSelections(summary, selections) }, selections };
}

/** Keeps the whole form as the page's draft. Throws DraftStorageFullError when storage is full. */
export async function storeUnsavedEdits(pageKey: string, values: FormValues): Promise<void> {
  await write(pageKey, { values, at: new Date().toISOString() });
}

/** Forgets the page's draft and the selections waiting for it. */
export async function clearUnsavedEdits(pageKey: string): Promise<void> {
  await browser.storage.local.remove([itemKey(pageKey), ...(await pendingSelections([pageKey])).map((s) => s.key)]);
}

/** Every kept draft, newest first; a page with only selections from the context menu is a draft too. */
export async function listUnsavedEdits(): Promise<UnsavedDraft[]> {
  const drafts = await readAll();
  const selections = selectionsIn((await browser.storage.local.get(null)) as Record<string, unknown>);
  const byPage = new Map<string, PendingSelection[]>();
  for (const s of selections) byPage.set(s.pageKey, [...(byPage.get(s.pageKey) ?? []), s]);
  const listed: UnsavedDraft[] = [...drafts.entries()].map(([key, d]) => {
    const own = byPage.get(key) ?? [];
    byPage.delete(key);
    return { key, values: { ...d.values, summary: withSelections(d.values.summary, own) }, savedAt: [d.at, ...own.map((s) => s.at)].sort().at(-1)! };
  });
  for (const [key, own] of byPage) {
    const values = { ...emptyFormValues(), title: own.find((s) => s.pageTitle)?.pageTitle ?? '', url: key, summary: withSelections('', own) };
    listed.push({ key, values, savedAt: own.at(-1)!.at });
  }
  return listed.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export interface DraftKeeper {
  /** Keeps `values` as the page's draft after `delayMs` without further changes. */
  schedule(pageKey: string, values: FormValues): void;
  /** Writes a scheduled draft now. */
  flush(): Promise<void>;
  /** Forgets a scheduled draft (after saving, or starting over). */
  cancel(): void;
  /** Flushes and stops listening for the page closing. */
  dispose(): void;
}

/**
 * Debounced draft writes that survive the page closing mid-word: the pending draft is written at once when
 * the page is hidden or unloaded (the popup closes on click-away, the side panel with its window).
 */
export function createDraftKeeper(delayMs = 250, onError: (e: unknown) => void = () => {}): DraftKeeper {
  let pending: { key: string; values: FormValues } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    if (!pending) return Promise.resolve();
    const { key, values } = pending;
    pending = null;
    // storeUnsavedEdits issues its storage call before its first await, so this write leaves even when the
    // page is gone a moment later.
    return storeUnsavedEdits(key, values);
  };
  const flushNow = () => void flush().catch(onError);
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flushNow();
  };
  addEventListener('pagehide', flushNow);
  document.addEventListener('visibilitychange', onVisibility);
  return {
    schedule(key, values) {
      pending = { key, values };
      clearTimeout(timer);
      timer = setTimeout(flushNow, delayMs);
    },
    flush,
    cancel() {
      pending = null;
      clearTimeout(timer);
    },
    dispose() {
      flushNow();
      removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
