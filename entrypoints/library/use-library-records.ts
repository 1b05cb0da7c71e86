import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PrecisDatabase, StoredRecord } from '../../utils/db/database';
import { LiveRecords } from '../../utils/db/live-records';
import { listNewestRecords, listRecords, newestCreatedFirst } from '../../utils/db/records';
import { applyRecordChanges, unshownChanges, type RecordChanges } from '../../utils/library/record-changes';
import { afterPaint } from '../../utils/browser/after-paint';
import { SearchClient } from './search-client';

/** Rows shown before the whole library has loaded (more than a screenful). */
const FIRST_SCREEN = 60;

/** The newest records, asked for as the page starts; `rows` once they have arrived. */
export interface FirstScreen {
  ready: Promise<StoredRecord[]>;
  rows: StoredRecord[] | null;
}

export function startFirstScreen(db: PrecisDatabase): FirstScreen {
  const first: FirstScreen = { ready: listNewestRecords(db, FIRST_SCREEN), rows: null };
  first.ready.then((rows) => (first.rows = rows), () => {});
  return first;
}

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
  /** Records saved or deleted (by this page, or found by following the database): updates the list and the index, record by record. */
  applyChanges(change: Partial<RecordChanges>): void;
  /**
   * Runs an import (`write`, which returns the records it wrote, as stored) and merges what it wrote into the
   * list; indexes only the records that are new or changed, in the background. Following the database pauses
   * meanwhile: the import's writes would have every range of records read again.
   */
  importing<T extends { written: readonly StoredRecord[] }>(write: () => Promise<T>): Promise<T>;
  /**
   * The whole library as stored now, newest clipped first, for exports: the list on screen once every change
   * signalled so far has been read in; read from the database while the list is still loading.
   */
  upToDate(): Promise<StoredRecord[]>;
}

/**
 * The library's records and search index, kept in step with each other and with the database. `started`: the
 * first screen as the page asked for it before rendering (rows already there are shown in the first render).
 */
export function useLibraryRecords(db: PrecisDatabase, started?: FirstScreen): LibraryRecords {
  // The first screen from an index range query, then everything: the page shows rows at once.
  const [firstScreen] = useState(() => started ?? startFirstScreen(db));
  const [records, setRecords] = useState<StoredRecord[] | null>(firstScreen.rows);
  const [complete, setComplete] = useState(false);
  const [indexReady, setIndexReady] = useState(false);
  const [indexVersion, setIndexVersion] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [index] = useState(() => new SearchClient());
  // The list as last set, at once (the state above follows at the next render), for follows and exports.
  // (Made once, not on every render: useRef would build its initial Map each time.)
  const [listRef] = useState<{ current: { list: StoredRecord[] | null; byId: Map<string, StoredRecord> } }>(() => ({
    current: { list: firstScreen.rows, byId: new Map(firstScreen.rows?.map((r) => [r.id, r])) },
  }));
  const completeRef = useRef(false);
  const liveRef = useRef<LiveRecords | null>(null);

  const show = useCallback((list: StoredRecord[]) => {
    listRef.current = { list, byId: new Map(list.map((r) => [r.id, r])) };
    setRecords(list);
  }, []);

  useLayoutEffect(() => {
    let cancelled = false;
    (async () => {
      const first = await firstScreen.ready;
      if (cancelled) return;
      if (!listRef.current.list) show(first);
      performance.mark('precis:first-rows-loaded');
      // Let the first screen paint before reading (and deserialising) everything, which holds the thread.
      await afterPaint();
      // Every record, read in ranges of ids that are then followed live: a change made anywhere reaches the
      // list and the index record by record (only the ranges holding changed records are read again).
      const live = new LiveRecords(db, (changes) => applyChanges(unshownChanges(listRef.current.byId, changes)));
      liveRef.current = live;
      const all = (await live.start()).sort(newestCreatedFirst);
      if (cancelled) return;
      show(all);
      completeRef.current = true;
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
      liveRef.current?.stop();
    };
  }, [db]);

  const applyChanges: LibraryRecords['applyChanges'] = useCallback(({ upserted = [], removed = [] }) => {
    if (!upserted.length && !removed.length) return;
    for (const id of removed) index.remove(id);
    for (const r of upserted) index.upsert(r);
    setIndexVersion((v) => v + 1);
    const { list } = listRef.current;
    if (list) show(applyRecordChanges(list, { upserted, removed }));
  }, []);

  const importing = useCallback(async <T extends { written: readonly StoredRecord[] }>(write: () => Promise<T>): Promise<T> => {
    const live = completeRef.current ? liveRef.current : null;
    live?.pause();
    let result: T;
    try {
      result = await write();
    } catch (e) {
      if (live && listRef.current.list) live.restart(listRef.current.list);
      throw e;
    }
    const t0 = performance.now();
    const before = listRef.current.byId;
    // Re-reading 10,000 records costs a second; what the import wrote is all that changed here.
    const all = live && listRef.current.list ? applyRecordChanges(listRef.current.list, { upserted: result.written, removed: [] }) : await listRecords(db);
    performance.measure('precis:refresh', { start: t0 });
    const changed = all.filter((r) => before.get(r.id)?.updatedAt !== r.updatedAt || !index.has(r.id));
    show(all);
    // Ranges cut anew: what another page changed meanwhile is read in; nothing else.
    live?.restart(all);
    if (changed.length) {
      // Into the index in the worker once the list is on screen: a large import does not hold the page, and
      // searches wait ("Preparing search…") until they can see everything.
      setIndexReady(false);
      void afterPaint()
        .then(() => index.addMany(changed))
        .then(() => {
          setIndexReady(true);
          setIndexVersion((v) => v + 1);
        });
    }
    return result;
  }, [db]);

  const upToDate = useCallback(async () => {
    if (!completeRef.current || !liveRef.current) return listRecords(db);
    await liveRef.current.settled();
    return listRef.current.list ?? [];
  }, [db]);

  const byId = useMemo(() => listRef.current.byId, [records]);
  return { records, byId, complete, index, indexReady, indexVersion, loadError, applyChanges, importing, upToDate };
}
