import { browser } from 'wxt/browser';
import { storageErrorKind } from '../db/storage-errors';
import { t } from '../i18n/messages';

// Text the context menu adds to a page's summary ("Add selection to summary", "… as a quote"). Each
// selection is its own storage item, written with one call and never read back first: two clicks in quick
// succession cannot overwrite each other, and an open popup or side panel never writes its form over one.
// The popup or panel showing that page takes the selections into its summary (and its draft) and removes them.
const PREFIX = 'selection:';

export interface AppendPatch {
  /** `summary` adds the text as a paragraph; `quote` adds it in quotation marks with where it came from. */
  kind: 'summary' | 'quote';
  text: string;
  pageTitle?: string | null;
  pageUrl?: string | null;
}

export interface PendingSelection {
  /** The storage item's key. */
  key: string;
  /** The page it belongs to: the address the menu was clicked on (canonical). */
  pageKey: string;
  /** What it adds to the summary, as one paragraph. */
  paragraph: string;
  pageTitle: string | null;
  at: string;
}

/** Extension storage is full: the draft or selection could not be kept. */
export class DraftStorageFullError extends Error {
  constructor(cause: unknown) {
    super(t('draftStorageFull'), { cause });
    this.name = 'DraftStorageFullError';
  }
}

/** The paragraph a selection becomes in the summary. */
export function selectionParagraph(patch: AppendPatch): string {
  const text = patch.text.replace(/\s+/g, ' ').trim();
  if (patch.kind === 'summary') return text;
  const source = [patch.pageTitle?.trim(), patch.pageUrl?.trim()].filter(Boolean).join(', ');
  return `“${text}”${source ? ` (${source})` : ''}`;
}

function isPending(v: unknown): v is Omit<PendingSelection, 'key'> {
  const s = v as PendingSelection;
  return !!s && typeof s === 'object' && typeof s.pageKey === 'string' && typeof s.paragraph === 'string' && typeof s.at === 'string';
}

/** Keeps a selection for the page `pageKey` until the popup or side panel takes it. */
export async function addSelection(pageKey: string, patch: AppendPatch): Promise<void> {
  const at = new Date().toISOString();
  const key = `${PREFIX}${at}:${crypto.randomUUID()}`;
  const item: Omit<PendingSelection, 'key'> = { pageKey, paragraph: selectionParagraph(patch), pageTitle: patch.pageTitle?.trim() || null, at };
  try {
    await browser.storage.local.set({ [key]: item });
  } catch (e) {
    throw storageErrorKind(e) === 'quota' ? new DraftStorageFullError(e) : e;
  }
}

/** The selections waiting in a `storage.local` snapshot for any of `pageKeys` (all pages without), oldest first. */
export function selectionsIn(all: Record<string, unknown>, pageKeys?: Array<string | null>): PendingSelection[] {
  const keys = pageKeys && new Set(pageKeys.filter(Boolean));
  return Object.entries(all)
    .flatMap(([key, v]) => (key.startsWith(PREFIX) && isPending(v) && (!keys || keys.has(v.pageKey)) ? [{ ...v, key }] : []))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export async function pendingSelections(pageKeys?: Array<string | null>): Promise<PendingSelection[]> {
  return selectionsIn((await browser.storage.local.get(null)) as Record<string, unknown>, pageKeys);
}

export async function removeSelections(selections: Array<Pick<PendingSelection, 'key'>>): Promise<void> {
  if (selections.length) await browser.storage.local.remove(selections.map((s) => s.key));
}

/** `summary` with each selection's paragraph added below it, except those it already holds. */
export function withSelections(summary: string, selections: PendingSelection[]): string {
  const missing = selections.map((s) => s.paragraph).filter((p, i, all) => p && !summary.includes(p) && all.indexOf(p) === i);
  return missing.length ? [summary.trimEnd(), ...missing].filter(Boolean).join('\n\n') : summary;
}

/** Calls `listener` with the selections added for any of `pageKeys` from now on. Returns the unsubscribe. */
export function onSelectionsAdded(pageKeys: string[], listener: (added: PendingSelection[]) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const added = selectionsIn(Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.newValue])), pageKeys);
    if (added.length) listener(added);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
