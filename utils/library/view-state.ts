// What the library shows — search words, filters, sort — as one value that round-trips through the page's
// query string, so a view can be bookmarked and a reload restores it.

import { t } from '../i18n/messages';

export const SORT_KEYS = ['relevance', 'clipped', 'published', 'title', 'publisher'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_LABELS: Record<SortKey, string> = {
  relevance: t('sortRelevance'),
  clipped: t('sortClipped'),
  published: t('sortPublished'),
  title: t('sortTitle'),
  publisher: t('sortPublisher'),
};

export interface LibraryView {
  query: string;
  /** Records must carry every one of these keywords (compared without regard to case). */
  keywords: string[];
  literatureType: string | null;
  publisher: string | null;
  section: string | null;
  /** Published-date range, inclusive, as YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  /** null: best match while searching, newest clipped otherwise. */
  sort: SortKey | null;
  /** Team library: records clipped by me (or not uploaded yet), or by teammates; null: all. */
  whose: Whose | null;
}

export const WHOSE = ['mine', 'team'] as const;
export type Whose = (typeof WHOSE)[number];

export function emptyView(): LibraryView {
  return { query: '', keywords: [], literatureType: null, publisher: null, section: null, from: null, to: null, sort: null, whose: null };
}

export function effectiveSort(view: LibraryView): SortKey {
  if (view.sort && (view.sort !== 'relevance' || view.query.trim())) return view.sort;
  return view.query.trim() ? 'relevance' : 'clipped';
}

export function hasFilters(view: LibraryView): boolean {
  return Boolean(view.query.trim() || view.keywords.length || view.literatureType || view.publisher || view.section || view.from || view.to || view.whose);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PARAMS = { query: 'q', keywords: 'kw', literatureType: 'type', publisher: 'pub', section: 'sec', from: 'from', to: 'to', sort: 'sort', whose: 'by' } as const;

/** Reads a view from `location.search` (unknown or malformed parameters are ignored). */
export function viewFromSearch(search: string): LibraryView {
  const p = new URLSearchParams(search);
  const text = (key: string) => p.get(key)?.trim() || null;
  const day = (key: string) => {
    const v = text(key);
    return v && DAY.test(v) ? v : null;
  };
  const sort = text(PARAMS.sort);
  return {
    query: p.get(PARAMS.query) ?? '',
    keywords: [...new Set(p.getAll(PARAMS.keywords).map((k) => k.trim()).filter(Boolean))],
    literatureType: text(PARAMS.literatureType),
    publisher: text(PARAMS.publisher),
    section: text(PARAMS.section),
    from: day(PARAMS.from),
    to: day(PARAMS.to),
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : null,
    whose: (WHOSE as readonly string[]).includes(text(PARAMS.whose) ?? '') ? (text(PARAMS.whose) as Whose) : null,
  };
}

/** The query string for a view ("" for the default view); keeps other parameters such as `open`. */
export function viewToSearch(view: LibraryView, current = ''): string {
  const p = new URLSearchParams(current);
  for (const key of Object.values(PARAMS)) p.delete(key);
  if (view.query) p.set(PARAMS.query, view.query);
  for (const k of view.keywords) p.append(PARAMS.keywords, k);
  if (view.literatureType) p.set(PARAMS.literatureType, view.literatureType);
  if (view.publisher) p.set(PARAMS.publisher, view.publisher);
  if (view.section) p.set(PARAMS.section, view.section);
  if (view.from) p.set(PARAMS.from, view.from);
  if (view.to) p.set(PARAMS.to, view.to);
  if (view.sort) p.set(PARAMS.sort, view.sort);
  if (view.whose) p.set(PARAMS.whose, view.whose);
  const s = p.toString();
  return s ? `?${s}` : '';
}
