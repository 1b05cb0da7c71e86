import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PrecisDatabase, StoredRecord } from '../../utils/db/database';
import { listNewestRecords, listRecords, newestCreatedFirst } from '../../utils/db/records';
import { SearchClient } from './search-client';

/** Rows shown before the whole library has loaded (more than a screenful). */
const FIRST_SCREEN = 60;

export interface LibraryRecords {
  /** Newest clipped first; null until the first screenful has loaded. */
  records: StoredRecord[] | null;
  byId: ReadonlyMap<string, StoredRecord>;
  /** All records loaded (not only the first screenful). */
  complete: boolean;
  index: SearchClient;
  indexReady: boolean;
  /** Changes whenever the index changes, for memoised searches. */
  indexVersion: number;
  loadError: string | null;
  /** Records saved or deleted elsewhere on the page: updates the list and the index, record by record. */
  applyChanges(change: { upserted?: readonly StoredRecord[]; removed?: readonly string[] }): void;
  /**
   * Brings the list up to date after an import: merges in the records the import wrote (`written`), or
   * re-reads the library without them; indexes only the records that are new or changed, in the background.
   */
  refresh(written?: readonly StoredRecord[]): Promise<void>;
}

/** The library's records and search index, kept in step with each other. */
export function useLibraryRecords(db: PrecisDatabase): LibraryRecords {
  const [records, setRecords] = useState<StoredRecord[] | null>(null);
  const [complete, setComplete] = useState(false);
  const [indexReady, setIndexReady] = useState(false);
  const [indexVersion, setIndexVersion] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [index] = useState(() => new SearchClient());
  const byIdRef = useRef<ReadonlyMap<string, StoredRecord>>(new Map());
  const completeRef = useRef(false);
  // The first screen from an index range query, then everything: the page shows rows at once. The query
  // starts during the first render, not in an effect, which Preact runs only after a frame has been painted.
  const firstScreen = useMemo(() => listNewestRecords(db, FIRST_SCREEN), [db]);

  useLayoutEffect(() => {
    let cancelled = false;
    (async () => {
      const first = await firstScreen;
      if (cancelled) return;
      setRecords((current) => current ?? first);
      performance.mark('precis:first-rows-loaded');
      // Let the first screen paint before reading (and deserialising) everything, which holds the thread.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const all = await listRecords(db);
      if (cancelled) return;
      setRecords(all);
      setComplete(true);
      performance.mark('precis:all-records-loaded');
      await index.addMany(all, { replace: false });
      if (cancelled) return;
      setIndexReady(true);
      setIndexVersion((v) => v + 1);
      performance.mark('precis:index-ready');
    })().catch((e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [db]);

  const applyChanges: LibraryRecords['applyChanges'] = useCallback(({ upserted = [], removed = [] }) => {
    for (const id of removed) index.remove(id);
    for (const r of upserted) index.upsert(r);
    setIndexVersion((v) => v + 1);
    setRecords((current) => {
      if (!current) return current;
      const gone = new Set([...removed, ...upserted.map((r) => r.id)]);
      const kept = current.filter((r) => !gone.has(r.id));
      return upserted.length ? [...kept, ...upserted].sort(newestCreatedFirst) : kept;
    });
  }, []);

  const refresh = useCallback(async (written?: readonly StoredRecord[]) => {
    const t0 = performance.now();
    const before = byIdRef.current;
    let all: StoredRecord[];
    if (written && completeRef.current) {
      // Re-reading 10,000 records costs seconds; what the import wrote is all that changed.
      const merged = new Map(before);
      for (const r of written) merged.set(r.id, r);
      all = [...merged.values()].sort(newestCreatedFirst);
    } else all = await listRecords(db);
    performance.measure('precis:refresh', { start: t0 });
    const changed = all.filter((r) => before.get(r.id)?.updatedAt !== r.updatedAt || !index.has(r.id));
    setRecords(all);
    setComplete(true);
    if (!changed.length) return;
    // Only new and changed records go into the index, in chunks, after the list is shown: a large import
    // does not freeze the page, and searches wait ("Preparing search…") until they can see everything.
    setIndexReady(false);
    void index.addMany(changed).then(() => {
      setIndexReady(true);
      setIndexVersion((v) => v + 1);
    });
  }, [db]);

  const byId = useMemo(() => new Map((records ?? []).map((r) => [r.id, r])), [records]);
  byIdRef.current = byId;
  completeRef.current = complete;
  return { records, byId, complete, index, indexReady, indexVersion, loadError, applyChanges, refresh };
}
