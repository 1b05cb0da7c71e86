import { describe, expect, it } from 'vitest';
import { applyView, matchesFilters } from '../../../utils/library/apply-view';
import { emptyView } from '../../../utils/library/view-state';
import type { StoredRecord } from '../../../utils/db/database';

function rec(id: string, patch: Partial<StoredRecord>): StoredRecord {
  return {
    id, url: null, title: id, authors: [], publisher: null, publishedDate: null, place: null, literatureType: null, wordCount: null,
    keywords: [], summary: '', summarizedBy: null, section: null, language: null,
    createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', ...patch,
  };
}

// Newest clipped first, as the database lists them.
const records = [
  rec('c', { title: 'zebra crossings', publisher: 'Baltic Times', publishedDate: '2023-05-01', createdAt: '2024-03-01T00:00:00Z', keywords: ['Ports', 'US'], literatureType: 'News', section: 'Europe' }),
  rec('b', { title: 'Électricité à quai', publisher: null, publishedDate: null, createdAt: '2024-02-01T00:00:00Z', keywords: ['ports'], literatureType: 'Analysis' }),
  rec('a', { title: 'apples', publisher: 'Agence', publishedDate: '2021-09-30T10:00:00Z', createdAt: '2024-01-01T00:00:00Z', keywords: ['Trade'], literatureType: 'analysis' }),
];
const byId = new Map(records.map((r) => [r.id, r]));
const ids = (view = emptyView(), ranked: string[] | null = null) => applyView(records, byId, ranked, view).map((r) => r.id);

describe('filtering and sorting the library', () => {
  it('lists newest clipped first by default', () => {
    expect(ids()).toEqual(['c', 'b', 'a']);
  });

  it('sorts by published date (undated last), title and publisher (missing last)', () => {
    expect(ids({ ...emptyView(), sort: 'published' })).toEqual(['c', 'a', 'b']);
    expect(ids({ ...emptyView(), sort: 'title' })).toEqual(['a', 'b', 'c']);
    expect(ids({ ...emptyView(), sort: 'publisher' })).toEqual(['a', 'c', 'b']);
  });

  it('keeps the search ranking while searching, and applies filters to the hits', () => {
    const view = { ...emptyView(), query: 'x' };
    expect(ids(view, ['a', 'c', 'gone'])).toEqual(['a', 'c']);
    expect(ids({ ...view, literatureType: 'News' }, ['a', 'c'])).toEqual(['c']);
    expect(ids({ ...view, sort: 'clipped' }, ['a', 'c'])).toEqual(['c', 'a']);
  });

  it('filters by all chosen keywords, type, publisher and section without regard to case', () => {
    expect(ids({ ...emptyView(), keywords: ['PORTS'] })).toEqual(['c', 'b']);
    expect(ids({ ...emptyView(), keywords: ['ports', 'us'] })).toEqual(['c']);
    expect(ids({ ...emptyView(), literatureType: 'Analysis' })).toEqual(['b', 'a']);
    expect(ids({ ...emptyView(), publisher: 'baltic times' })).toEqual(['c']);
    expect(ids({ ...emptyView(), section: 'Europe' })).toEqual(['c']);
  });

  it('filters by an inclusive published-date range and leaves undated records out of it', () => {
    expect(ids({ ...emptyView(), from: '2021-09-30', to: '2023-05-01' })).toEqual(['c', 'a']);
    expect(ids({ ...emptyView(), from: '2022-01-01' })).toEqual(['c']);
    expect(ids({ ...emptyView(), to: '2021-09-30' })).toEqual(['a']);
    expect(matchesFilters(records[1], { ...emptyView(), to: '2030-01-01' })).toBe(false);
  });

  it('filters the team library by who clipped: mine (records not uploaded yet included) or teammates’', () => {
    const team = [rec('t1', { clippedBy: 'ana' }), rec('t2', { clippedBy: 'eve' }), rec('t3', {})];
    const teamById = new Map(team.map((r) => [r.id, r]));
    const shown = (whose: 'mine' | 'team' | null, me: string | null) => applyView(team, teamById, null, { ...emptyView(), whose }, me).map((r) => r.id);
    expect(shown(null, 'ana')).toEqual(['t1', 't2', 't3']);
    expect(shown('mine', 'ana')).toEqual(['t1', 't3']);
    expect(shown('team', 'ana')).toEqual(['t2']);
    expect(shown('mine', 'eve')).toEqual(['t2', 't3']);
  });
});
