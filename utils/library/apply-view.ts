import type { StoredRecord } from '../db/database';
import { effectiveSort, type LibraryView, type SortKey } from './view-state';

type Listed = Pick<StoredRecord, 'id' | 'title' | 'publisher' | 'publishedDate' | 'createdAt' | 'keywords' | 'literatureType' | 'section' | 'clippedBy'>;

const same = (a: string | null, b: string | null) => (a ?? '').toLocaleLowerCase() === (b ?? '').toLocaleLowerCase();

/**
 * Whether a record passes the view's filters (not its search words). `me`: the team library user name; a
 * record nobody has uploaded yet (no clippedBy) is mine.
 */
export function matchesFilters(record: Listed, view: LibraryView, me: string | null = null): boolean {
  if (view.whose) {
    const mine = !record.clippedBy || record.clippedBy === me;
    if (mine !== (view.whose === 'mine')) return false;
  }
  if (view.literatureType && !same(record.literatureType, view.literatureType)) return false;
  if (view.publisher && !same(record.publisher, view.publisher)) return false;
  if (view.section && !same(record.section, view.section)) return false;
  if (view.keywords.length) {
    const has = new Set(record.keywords.map((k) => k.toLocaleLowerCase()));
    if (!view.keywords.every((k) => has.has(k.toLocaleLowerCase()))) return false;
  }
  if (view.from || view.to) {
    const day = record.publishedDate?.slice(0, 10);
    if (!day) return false;
    if (view.from && day < view.from) return false;
    if (view.to && day > view.to) return false;
  }
  return true;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
/** Records without the value go last, whatever the direction. */
function missingLast<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number {
  if (a == null || a === '') return b == null || b === '' ? 0 : 1;
  if (b == null || b === '') return -1;
  return compare(a, b);
}
const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

const COMPARE: Record<Exclude<SortKey, 'relevance'>, (a: Listed, b: Listed) => number> = {
  clipped: (a, b) => newestFirst(a.createdAt, b.createdAt),
  published: (a, b) => missingLast(a.publishedDate, b.publishedDate, newestFirst) || newestFirst(a.createdAt, b.createdAt),
  title: (a, b) => collator.compare(a.title, b.title) || newestFirst(a.createdAt, b.createdAt),
  publisher: (a, b) => missingLast(a.publisher, b.publisher, collator.compare) || newestFirst(a.createdAt, b.createdAt),
};

/**
 * The records a view shows, in order. `ranked` holds the search hits' ids best first (null when there are
 * no search words); records must be listed newest first, as the database returns them.
 */
export function applyView<T extends Listed>(
  records: readonly T[],
  byId: ReadonlyMap<string, T>,
  ranked: readonly string[] | null,
  view: LibraryView,
  me: string | null = null,
): T[] {
  const sort = effectiveSort(view);
  const pool = ranked ? ranked.map((id) => byId.get(id)).filter((r): r is T => r !== undefined) : records;
  const shown = pool.filter((r) => matchesFilters(r, view, me));
  // The pool is already in relevance (hits) or clipped (records) order.
  if (sort === 'relevance' || (sort === 'clipped' && !ranked)) return shown;
  return shown.sort(COMPARE[sort]);
}
