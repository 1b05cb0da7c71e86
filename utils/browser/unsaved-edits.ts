import { browser } from 'wxt/browser';
import type { FormValues } from '../record/form-values';

// The popup closes whenever it loses focus; typed work is kept per page address until it is saved.
const KEY = 'unsavedEdits';
const KEEP = 20;

type Stored = Record<string, { values: FormValues; at: string }>;

async function readAll(): Promise<Stored> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return stored && typeof stored === 'object' ? (stored as Stored) : {};
}

export async function loadUnsavedEdits(pageKey: string): Promise<FormValues | null> {
  return (await readAll())[pageKey]?.values ?? null;
}

export async function storeUnsavedEdits(pageKey: string, values: FormValues): Promise<void> {
  const all = await readAll();
  all[pageKey] = { values, at: new Date().toISOString() };
  const newest = Object.entries(all).sort((a, b) => b[1].at.localeCompare(a[1].at)).slice(0, KEEP);
  await browser.storage.local.set({ [KEY]: Object.fromEntries(newest) });
}

export async function clearUnsavedEdits(pageKey: string): Promise<void> {
  const all = await readAll();
  if (!(pageKey in all)) return;
  delete all[pageKey];
  await browser.storage.local.set({ [KEY]: all });
}
