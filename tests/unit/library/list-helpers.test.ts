import { describe, expect, it } from 'vitest';
import { rowAfterKey, scrollToRow, visibleRows } from '../../../utils/library/virtual-window';
import { keepExisting, recordsInOrder, toggleSelection } from '../../../utils/library/selection';
import { record } from '../import/helpers';
import { distinctValues, keywordCounts } from '../../../utils/library/keyword-counts';
import { backupIsDue, describeLastExport } from '../../../utils/library/backup-age';

describe('the virtual list window', () => {
  it('renders only the rows in view plus a margin', () => {
    expect(visibleRows(0, 400, 40, 10_000, 5)).toEqual({ start: 0, end: 16, offset: 0 });
    expect(visibleRows(4000, 400, 40, 10_000, 5)).toEqual({ start: 95, end: 116, offset: 3800 });
  });

  it('stays within the list at its end and for empty lists', () => {
    expect(visibleRows(10_000_000, 400, 40, 100, 5)).toEqual({ start: 94, end: 100, offset: 3760 });
    expect(visibleRows(0, 400, 40, 0)).toEqual({ start: 0, end: 0, offset: 0 });
  });

  it('scrolls just enough to show a row', () => {
    expect(scrollToRow(5, 0, 400, 40)).toBeNull();
    expect(scrollToRow(10, 0, 400, 40)).toBe(40);
    expect(scrollToRow(2, 200, 400, 40)).toBe(80);
  });

  it('moves through rows with the navigation keys', () => {
    expect(rowAfterKey('ArrowDown', -1, 10, 5)).toBe(0);
    expect(rowAfterKey('ArrowDown', 9, 10, 5)).toBe(9);
    expect(rowAfterKey('ArrowUp', 0, 10, 5)).toBe(0);
    expect(rowAfterKey('End', 0, 10, 5)).toBe(9);
    expect(rowAfterKey('Home', 7, 10, 5)).toBe(0);
    expect(rowAfterKey('PageDown', 7, 10, 5)).toBe(9);
    expect(rowAfterKey('x', 0, 10, 5)).toBeNull();
    expect(rowAfterKey('ArrowDown', -1, 0, 5)).toBeNull();
  });
});

describe('selecting records', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  it('ticks one record, or a shift-click range from the anchor in either direction', () => {
    expect([...toggleSelection(new Set(), ids, 1, true, null)]).toEqual(['b']);
    expect([...toggleSelection(new Set(['b']), ids, 3, true, { anchor: 1 })].sort()).toEqual(['b', 'c', 'd']);
    expect([...toggleSelection(new Set(['a', 'b', 'c', 'd']), ids, 1, false, { anchor: 3 })]).toEqual(['a']);
  });

  it('drops ids that no longer exist', () => {
    expect([...keepExisting(new Set(['a', 'x']), (id) => ids.includes(id))]).toEqual(['a']);
  });
});

describe('keyword counts', () => {
  it('counts records per keyword, spellings differing in case as one, most common spelling shown', () => {
    const counts = keywordCounts([{ keywords: ['US', 'Trade'] }, { keywords: ['US', 'us'] }, { keywords: ['us'] }, { keywords: ['US'] }]);
    expect(counts).toEqual([
      { keyword: 'US', count: 4, variants: ['us'] },
      { keyword: 'Trade', count: 1, variants: [] },
    ]);
  });

  it('lists distinct values for a filter, first spelling kept', () => {
    expect(distinctValues([{ p: 'Foreign Policy' }, { p: null }, { p: 'foreign policy' }, { p: 'Agence' }], (r) => r.p)).toEqual(['Agence', 'Foreign Policy']);
  });
});

describe('the backup reminder', () => {
  const now = new Date(2025, 5, 10, 12);
  it('says when the last export was made', () => {
    expect(describeLastExport(null, now)).toBe('Last export: never');
    expect(describeLastExport(new Date(2025, 5, 10, 1), now)).toBe('Last export: today');
    expect(describeLastExport(new Date(2025, 5, 9, 23), now)).toBe('Last export: yesterday');
    expect(describeLastExport(new Date(2025, 5, 7, 8), now)).toBe('Last export: 3 days ago');
    expect(describeLastExport(new Date(2024, 11, 10), now)).toBe('Last export: 6 months ago');
  });

  it('is due after two weeks or when never exported, if there are records', () => {
    expect(backupIsDue(null, 3, now)).toBe(true);
    expect(backupIsDue(null, 0, now)).toBe(false);
    expect(backupIsDue(new Date(2025, 5, 1), 3, now)).toBe(false);
    expect(backupIsDue(new Date(2025, 4, 1), 3, now)).toBe(true);
  });
});

describe('the records of an export by id', () => {
  it('follows the order of the ids and leaves out those no longer stored', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => (({ text: _text, ...rest }) => rest)(record({ id })));
    expect(recordsInOrder([a, b, c], ['c', 'gone', 'a'])).toEqual([c, a]);
  });
});
