import Dexie, { type ObservabilitySet } from 'dexie';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PrecisDatabase, StoredRecord } from '../../utils/db/database';
import { listNewestRecords, listRecords, newestCreatedFirst } from '../../utils/db/records';
import { trackOwnRecordWrites } from '../../utils/db/own-writes';
import { OutsideChanges, recordChanges, touchesRecords } from '../../utils/library/record-changes';
import { SearchClient } from './search-client';

/** Rows shown before the whole library has loaded (more than a screenful). */
const FIRST_SCREEN = 60;

/** How long to wait after a change elsewhere before re-reading, so a burst of saves costs one read. */
const FOLLOW_DELAY_MS = 300;

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
  /**
   * Whether `records` is the whole library as stored: everything loaded and no change made elsewhere still
   * waiting to be followed. Exports then take the records from here instead of reading them again.
   */
  isCurrent(): boolean;
}

/** The library's records and search index, kept in step with each other. */
export function useLibraryRecords(db: PrecisDatabase): LibraryRecords {
  const [records, setRecords] = useState<StoredRecord[] | null>(null);
  const [complete, setComplete] = useState(false);
  const [indexReady, setIndexReady] = useState(false);
  const [indexVersion, setIndexVersion] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [index] = useState(() => new SearchClient());
  // Installed before the first query opens the database (Dexie builds its middleware stack on opening).
  const [ownWrites] = useState(() => trackOwnRecordWrites(db));
  const byIdRef = useRef<ReadonlyMap<string, StoredRecord>>(new Map());
  const completeRef = useRef(false);
  const [outside] = useState(() => new OutsideChanges());
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

  // Records saved, edited or deleted by another page (the popup, the side panel, another library tab) reach
  // this one through Dexie's "storagemutated" event, which Dexie passes between pages of one origin. The page's
  // own changes fire it too; they are already shown and are claimed here without re-reading the library.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const follow = async () => {
      if (!completeRef.current) {
        timer = setTimeout(() => void follow(), FOLLOW_DELAY_MS); // the first full read is still running
        return;
      }
      const done = outside.following();
      const { upserted, removed } = recordChanges(byIdRef.current, await listRecords(db));
      if (cancelled) return;
      if (upserted.length || removed.length) applyChanges({ upserted, removed });
      done();
    };
    const onMutated = (parts: ObservabilitySet) => {
      if (!touchesRecords(parts, db.name) || ownWrites.claimOwn()) return;
      outside.noted();
      clearTimeout(timer);
      timer = setTimeout(() => void follow().catch((e: unknown) => console.error('Précis: could not follow a change', e)), FOLLOW_DELAY_MS);
    };
    Dexie.on('storagemutated', onMutated);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [db]);

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
  const isCurrent = () => completeRef.current && outside.allFollowed();
  return { records, byId, complete, index, indexReady, indexVersion, loadError, applyChanges, refresh, isCurrent };
}
