import { browser } from 'wxt/browser';
import { emptyFormValues, type FormValues } from '../record/form-values';
import { storageErrorKind } from '../db/storage-errors';
import { t } from '../i18n/messages';

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
  /** Set on drafts the context menu started: only these fields are the user's, the rest comes from the page. */
  fields?: FormField[];
}

export interface UnsavedDraft {
  key: string;
  values: FormValues;
  savedAt: string;
}

/** Extension storage is full: the draft could not be kept. */
export class DraftStorageFullError extends Error {
  constructor(cause: unknown) {
    super(t('draftStorageFull'), { cause });
    this.name = 'DraftStorageFullError';
  }
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

/** Drops all but the `keep` newest drafts. */
async function prune(keep: number): Promise<void> {
  const oldest = [...(await readAll()).entries()].sort((a, b) => b[1].at.localeCompare(a[1].at)).slice(keep);
  if (oldest.length) await browser.storage.local.remove(oldest.map(([k]) => itemKey(k)));
}

async function write(pageKey: string, entry: StoredDraft): Promise<void> {
  try {
    await browser.storage.local.set({ [itemKey(pageKey)]: entry });
  } catch (e) {
    if (storageErrorKind(e) !== 'quota') throw e;
    try {
      await prune(KEEP_WHEN_FULL);
      await browser.storage.local.set({ [itemKey(pageKey)]: entry });
    } catch (again) {
      throw new DraftStorageFullError(again);
    }
  }
  await prune(KEEP);
}

export async function loadUnsavedEdits(pageKey: string): Promise<FormValues | null> {
  return (await readOne(pageKey))?.values ?? null;
}

/**
 * The draft to show for a page over `fromPage` (what the page, or the saved record, gives). A draft the
 * popup kept replaces the form; selections the context menu added (a draft with `fields`) are appended to
 * the summary, never put in its place, and are kept whichever key they were filed under (the popup files
 * drafts under the page's canonical address, the menu under the address it was clicked on).
 */
export async function restoreUnsavedEdits(pageKeys: Array<string | null>, fromPage: FormValues): Promise<FormValues | null> {
  let full: FormValues | null = null;
  const added: string[] = [];
  for (const key of new Set(pageKeys)) {
    if (!key) continue;
    const entry = await readOne(key);
    if (!entry) continue;
    if (!entry.fields) full ??= entry.values;
    else if (entry.fields.includes('summary') && entry.values.summary.trim()) added.push(entry.values.summary.trim());
  }
  if (!full && !added.length) return null;
  const base = full ?? fromPage;
  const missing = added.filter((text) => !base.summary.includes(text));
  return missing.length ? { ...base, summary: [base.summary.trimEnd(), ...missing].filter(Boolean).join('\n\n') } : base;
}

/** Keeps the whole form as the page's draft. Throws DraftStorageFullError when storage is full. */
export async function storeUnsavedEdits(pageKey: string, values: FormValues): Promise<void> {
  await write(pageKey, { values, at: new Date().toISOString() });
}

export async function clearUnsavedEdits(pageKey: string): Promise<void> {
  await browser.storage.local.remove(itemKey(pageKey));
}

/** Every kept draft, newest first. */
export async function listUnsavedEdits(): Promise<UnsavedDraft[]> {
  return [...(await readAll()).entries()]
    .map(([key, d]) => ({ key, values: d.values, savedAt: d.at }))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export interface AppendPatch {
  /** `summary` adds the text as a paragraph; `quote` adds it in quotation marks with where it came from. */
  kind: 'summary' | 'quote';
  text: string;
  pageTitle?: string | null;
  pageUrl?: string | null;
}

/** The paragraph a selection becomes in the summary. */
export function selectionParagraph(patch: AppendPatch): string {
  const text = patch.text.replace(/\s+/g, ' ').trim();
  if (patch.kind === 'summary') return text;
  const source = [patch.pageTitle?.trim(), patch.pageUrl?.trim()].filter(Boolean).join(', ');
  return `“${text}”${source ? ` (${source})` : ''}`;
}

/**
 * Adds selected text to the page's draft summary, starting a draft when there is none (for the context
 * menu; the popup shows it next time it opens on that page). Returns the draft's values.
 */
export async function appendToUnsavedEdits(pageKey: string, patch: AppendPatch): Promise<FormValues> {
  const paragraph = selectionParagraph(patch);
  const existing = await readOne(pageKey);
  const values: FormValues = existing?.values ?? { ...emptyFormValues(), title: patch.pageTitle?.trim() ?? '', url: patch.pageUrl ?? pageKey };
  const next: FormValues = { ...values, summary: [values.summary.trimEnd(), paragraph].filter(Boolean).join('\n\n') };
  const fields = existing ? existing.fields && [...new Set<FormField>([...existing.fields, 'summary'])] : (['summary'] as FormField[]);
  await write(pageKey, { values: next, at: new Date().toISOString(), ...(fields ? { fields } : {}) });
  return next;
}

/** Calls `listener` with the page's draft whenever another page (or the context menu) changes it. */
export function onUnsavedEditsChanged(pageKey: string, listener: (values: FormValues | null) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[itemKey(pageKey)];
    if (area !== 'local' || !change) return;
    listener(isStoredDraft(change.newValue) ? change.newValue.values : null);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
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
