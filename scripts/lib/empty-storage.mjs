/**
 * Runs inside an extension page (passed to page.evaluate by the Chromium and the Firefox harness, so it must
 * stand alone): empties the extension's storage and deletes its databases. Dexie closes its connections on
 * `versionchange`, so a page or worker still holding one does not block the deletion.
 */
export async function emptyExtensionStorage() {
  const g = /** @type {any} */ (globalThis);
  const ext = g.browser?.storage ? g.browser : g.chrome;
  await ext.storage.local.clear();
  await ext.storage.session?.clear();
  const names = (await indexedDB.databases()).map((d) => d.name).filter(Boolean);
  await Promise.all(
    names.map(
      (name) =>
        new Promise((resolve, reject) => {
          const req = indexedDB.deleteDatabase(/** @type {string} */ (name));
          req.onsuccess = () => resolve(undefined);
          req.onerror = () => reject(req.error);
        }),
    ),
  );
}
