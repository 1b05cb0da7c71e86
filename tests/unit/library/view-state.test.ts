import { describe, expect, it } from 'vitest';
import { effectiveSort, emptyView, hasFilters, viewFromSearch, viewToSearch, type LibraryView } from '../../../utils/library/view-state';

describe('the library view in the URL', () => {
  it('round-trips every filter, the search words and the sort', () => {
    const view: LibraryView = {
      query: 'shore power & ports', keywords: ['U.S.', 'Gdańsk'], literatureType: 'Analysis', publisher: 'The Harbour Review',
      section: 'South & Southeast Asia', from: '2020-01-01', to: '2024-12-31', sort: 'title', whose: 'team',
    };
    expect(viewFromSearch(viewToSearch(view))).toEqual(view);
  });

  it('writes nothing for the default view and reads an empty query string as it', () => {
    expect(viewToSearch(emptyView())).toBe('');
    expect(viewFromSearch('')).toEqual(emptyView());
  });

  it('keeps parameters that are not part of the view', () => {
    expect(viewToSearch({ ...emptyView(), query: 'x' }, '?open=abc&q=old')).toBe('?open=abc&q=x');
  });

  it('ignores malformed dates, unknown sorts and empty keywords from a hand-edited URL', () => {
    const view = viewFromSearch('?from=yesterday&to=2024-13&sort=random&by=everyone&kw=&kw=Trade&kw=Trade');
    expect(view).toEqual({ ...emptyView(), keywords: ['Trade'] });
  });

  it('sorts by best match while searching unless a sort was chosen', () => {
    expect(effectiveSort(emptyView())).toBe('clipped');
    expect(effectiveSort({ ...emptyView(), query: 'ports' })).toBe('relevance');
    expect(effectiveSort({ ...emptyView(), query: 'ports', sort: 'title' })).toBe('title');
    expect(effectiveSort({ ...emptyView(), sort: 'relevance' })).toBe('clipped');
  });

  it('knows when a view narrows the list', () => {
    expect(hasFilters(emptyView())).toBe(false);
    expect(hasFilters({ ...emptyView(), sort: 'title' })).toBe(false);
    expect(hasFilters({ ...emptyView(), section: 'Energy' })).toBe(true);
  });
});
