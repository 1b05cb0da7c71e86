import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../../utils/db/database';
import { recordChanges, touchesRecords } from '../../../utils/library/record-changes';
import { record } from '../import/helpers';

const stored = (patch: Partial<StoredRecord>): StoredRecord => {
  const { text: _text, ...rest } = record(patch);
  return rest;
};

describe('changes made by another page', () => {
  it('are the records added or saved again since, and those deleted', () => {
    const kept = stored({ id: 'kept' });
    const edited = stored({ id: 'edited' });
    const gone = stored({ id: 'gone' });
    const shown = new Map([kept, edited, gone].map((r) => [r.id, r]));
    const editedLater = { ...edited, summary: 'Edited in the side panel.', updatedAt: '2025-06-01T00:00:00.000Z' };
    const added = stored({ id: 'added' });
    expect(recordChanges(shown, [kept, editedLater, added])).toEqual({ upserted: [editedLater, added], removed: ['gone'] });
  });

  it('are none when the page already shows what is stored (its own saves)', () => {
    const records = [stored({ id: 'a' }), stored({ id: 'b' })];
    expect(recordChanges(new Map(records.map((r) => [r.id, r])), records.map((r) => ({ ...r })))).toEqual({ upserted: [], removed: [] });
  });

  it('concern the library only when the records table of its database changed', () => {
    expect(touchesRecords({ 'idb://precis/recordBuckets/': {}, 'idb://precis/recordBuckets/ids': {} }, 'precis')).toBe(true);
    expect(touchesRecords({ 'idb://precis/textBuckets/': {} }, 'precis')).toBe(false);
    expect(touchesRecords({ 'idb://other/recordBuckets/': {} }, 'precis')).toBe(false);
    expect(touchesRecords({ all: {} }, 'precis')).toBe(true); // a page restored from the back-forward cache
  });
});
