// How much the browser lets Précis keep, and whether it may clear it under disk pressure.

export interface StorageUsage {
  /** Bytes used and allowed for the extension's origin (IndexedDB, extension storage, caches); null when unknown. */
  usage: number | null;
  quota: number | null;
  /** Whether the browser promised not to evict the data; null when it cannot be asked. */
  persisted: boolean | null;
}

export async function readStorageUsage(): Promise<StorageUsage> {
  const storage = globalThis.navigator?.storage;
  const [estimate, persisted] = await Promise.all([
    storage?.estimate ? storage.estimate().catch(() => null) : null,
    storage?.persisted ? storage.persisted().catch(() => null) : null,
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

/**
 * Asks the browser to keep Précis's data when the disk runs low. Chrome decides silently (extensions with
 * the `unlimitedStorage` permission are never evicted; others mostly get it once used regularly); Firefox
 * may show a prompt. Returns the answer, or null when the browser cannot be asked.
 */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return null;
  return storage.persist().catch(() => false);
}

/** Bytes as a short human-readable size, e.g. "1.2 MB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
